"""The frequently-asked-questions page (Markdown)."""

from company_facts import (
    ACCOUNT,
    CONTACT,
    LINES,
    LOYALTY,
    SHIPPING,
    SHORT,
    TROUBLE,
    WARRANTY,
    WEBSITE,
    money,
)

from .model import Doc, Section


def faq() -> Doc:
    s, c = SHIPPING, CONTACT
    qa = [
        (
            "Where do you ship?",
            "We ship to the United States (including Alaska, Hawaii and "
            "APO/FPO addresses) and to Canada. We do not ship to other countries.",
        ),
        (
            "How much is shipping?",
            f"Standard shipping costs {money(s['standard']['price'])} and "
            f"is free on orders of {money(s['free_threshold'])} or more within the contiguous US. "
            "See Shipping options and delivery times for the faster options.",
        ),
        (
            "Can I change or cancel my order?",
            f"Yes, within {s['cancel_window']} of placing it, "
            "from Order History. After that the order is already being packed.",
        ),
        (
            "How do I return something?",
            "Sign in, open Order History and choose Start a return. "
            "The return window, any fees and refund times are set out in our Return and Refund "
            "Policy.",
        ),
        (
            "How long is the warranty?",
            "It depends on the product line: "
            + ", ".join(f"{ln.name} {ln.warranty_months} months" for ln in LINES.values())
            + ". The Warranty Handbook has the details.",
        ),
        (
            "Can I extend my warranty?",
            f"Yes, with {WARRANTY['care_plus']}, which adds "
            f"{WARRANTY['care_plus_years']} and accidental damage cover. Buy it at checkout or "
            f"within {WARRANTY['care_plus_buy_within']} of delivery.",
        ),
        (
            "Do you match lower prices?",
            f"We refund the difference if our own price drops within "
            f"{ACCOUNT['price_adjust_days']} of your purchase. We do not match other retailers.",
        ),
        (
            "Can I take a BaseCamp power station on a plane?",
            "No. All BaseCamp batteries are "
            "larger than 100 Wh, which airlines do not allow in checked or carry-on luggage. "
            "SummitCharge power banks are below 100 Wh and may go in carry-on bags.",
        ),
        (
            "Are SolarFold panels waterproof?",
            "They are IP65 rated: rain and splashes are fine, "
            "but do not submerge them or leave the connectors lying in water.",
        ),
        (
            "Do you have shops?",
            f"No, we sell online at {WEBSITE} and by phone, and through "
            "authorised outdoor retailers. Products bought from retailers get the same warranty.",
        ),
        ("Do gift cards expire?", "No. Gift cards never expire and have no fees."),
        (
            "How does the loyalty programme work?",
            f"{LOYALTY['name']} gives you {LOYALTY['earn']} "
            f"spent, and {LOYALTY['redeem']} off a later order. Joining is free.",
        ),
        (
            "Which payment methods do you accept?",
            ", ".join(ACCOUNT["payment_methods"][:-1])
            + f" and {ACCOUNT['payment_methods'][-1]}. Affirm monthly payments are available on "
            f"orders of {ACCOUNT['affirm_minimum']} or more.",
        ),
        (
            "How do I reach a person?",
            f"Call {c['phone']} ({c['phone_hours_weekday']}; "
            f"{c['phone_hours_saturday']}) or use live chat, open {c['chat_hours']}.",
        ),
        (
            "Is my TrailBeam headlamp broken? It will not turn on.",
            "It is probably in lock mode. "
            f"Hold the power button for {TROUBLE['TrailBeam']['unlock']} to unlock it.",
        ),
    ]
    sections = [Section(q, [a]) for q, a in qa]
    intro = [
        f"Quick answers to the questions {SHORT} customers ask most often. Can't find your "
        "answer? Contact our support team."
    ]
    return Doc("faq.md", "Frequently asked questions", sections, intro=intro)
