"""Product questions: catalogue prices, product lines and the BC-1000 manual."""

from company_facts import BC1000, BY_MODEL, money

from .common import q

M = BC1000
MAN = "manuals/basecamp-bc1000-manual.pdf"
CAT, LINES_MD = "products/catalogue.csv", "products/product-lines.md"


def price(model):
    """Accepted spellings of a product price: '$49.99'/'49.99', '$1,599'/'1599'."""
    p = BY_MODEL[model].price
    return [money(p), f"{p:.2f}"]


def products():
    return [
        q(
            "prod-01",
            "products",
            "How much is the TrailBeam H300 headlamp?",
            CAT,
            f"The TrailBeam H300 costs {money(BY_MODEL['H300'].price)}.",
            [price("H300")],
        ),
        q(
            "prod-02",
            "products",
            "How much does the BaseCamp BC-1000 weigh?",
            CAT,
            "The BC-1000 weighs 11.4 kg.",
            ["11.4"],
        ),
        q(
            "prod-03",
            "products",
            "How many lumens does the TrailBeam H500 Pro give?",
            CAT,
            "The H500 Pro gives 800 lumens.",
            ["800 lumens"],
        ),
        q(
            "prod-04",
            "products",
            "What is the water rating of the RidgeSound RS-5?",
            CAT,
            "The RS-5 is rated IP67.",
            ["IP67"],
        ),
        q(
            "prod-05",
            "products",
            "What is the battery capacity of the SummitCharge PB-20?",
            CAT,
            "The PB-20 holds 20,000 mAh.",
            [["20,000 mAh", "20000 mAh"]],
        ),
        q(
            "prod-06",
            "products",
            "Is the TrailBeam replacement headband available?",
            LINES_MD,
            "No, the TrailBeam Replacement Headband is currently out of stock.",
            ["out of stock"],
        ),
        q(
            "prod-07",
            "products",
            "Which is your biggest power station?",
            LINES_MD,
            "The BaseCamp BC-2000 Pro, with 2,048 Wh and 2,200 W.",
            ["BC-2000", "2,048 Wh"],
        ),
        q(
            "prod-08",
            "products",
            "How much does the SolarFold SF-120 cost?",
            LINES_MD,
            f"The SolarFold SF-120 costs {money(BY_MODEL['SF-120'].price)}.",
            [money(BY_MODEL["SF-120"].price)],
        ),
        q(
            "prod-09",
            "products",
            "What is the battery capacity of the BC-1000?",
            MAN,
            f"The BC-1000 has a {M['capacity']} LiFePO4 battery.",
            [M["capacity"]],
            page="Specifications",
        ),
        q(
            "prod-10",
            "products",
            "What surge power can the BC-1000 handle?",
            MAN,
            f"It delivers {M['ac_continuous']} continuous and up to {M['ac_surge']} surge.",
            [M["ac_surge"]],
            page="Specifications",
        ),
        q(
            "prod-11",
            "products",
            "How long does the BC-1000 take to charge from a wall outlet?",
            MAN,
            f"0 to 80% in {M['ac_charge_80']} and full in {M['ac_charge_full']}.",
            [M["ac_charge_80"], M["ac_charge_full"]],
            page="Charging",
        ),
        q(
            "prod-12",
            "products",
            "What is the maximum solar input of the BC-1000?",
            MAN,
            f"Up to {M['solar_max']} at {M['solar_voltage']}.",
            [M["solar_max"]],
            page="Charging",
        ),
        q(
            "prod-13",
            "products",
            "After how long does Eco mode switch off the AC outlets on the BC-1000?",
            MAN,
            f"After {M['eco_off']} with a load under 10 W.",
            [M["eco_off"]],
            page="outputs",
        ),
        q(
            "prod-14",
            "products",
            "How fast does the BC-1000 switch to battery in UPS mode?",
            MAN,
            f"Within {M['ups_switch']}.",
            [M["ups_switch"]],
            page="outputs",
        ),
        q(
            "prod-15",
            "products",
            "How should I store my BC-1000 when I'm not using it?",
            MAN,
            f"Keep it at {M['storage_charge']} charge and recharge it {M['storage_recharge']}.",
            [M["storage_charge"], M["storage_recharge"]],
            page="storage",
        ),
        q(
            "prod-16",
            "products",
            "What cables come in the box with the BC-1000?",
            MAN,
            "An AC charging cable, a 12 V car charging cable and a solar cable (MC4 to XT60).",
            ["car charging cable", "MC4 to XT60"],
            page="Welcome",
        ),
    ]
