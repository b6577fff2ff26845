"""How every document writes prices and warranty periods."""


def money(amount: float) -> str:
    """$49.99 for cents, $899 / $1,599 for whole dollars, the way every document writes prices."""
    if abs(amount - round(amount)) < 1e-9:
        return f"${int(round(amount)):,}"
    return f"${amount:,.2f}"


def months_text(months: int) -> str:
    """12 -> '12 months (1 year)' style used by the warranty documents."""
    years = {6: "", 12: " (1 year)", 24: " (2 years)", 36: " (3 years)"}[months]
    return f"{months} months{years}"
