"""Intents about product prices, choosing a model and what the product lines include."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import BY_MODEL, money

from .intent import intent

CAT, PL = "products/catalogue.csv", "products/product-lines.md"


def prices():
    chosen = [
        "H300",
        "H500",
        "PB-10",
        "PB-20",
        "BC-500",
        "BC-1000",
        "SF-60",
        "SF-200",
        "RS-2",
        "RS-8",
        "TV-4",
        "PC-5K",
        "RR-2",
        "GL-400",
    ]
    out = []
    for model in chosen:
        p = BY_MODEL[model]
        out.append(
            intent(
                f"price_{model}",
                "products",
                [
                    f"How much is the {p.name}?",
                    f"What does the {model} cost?",
                    f"Price of the {p.name}?",
                    f"I'm thinking of buying the {p.name}. What's the price?",
                ],
                [
                    f"The {p.name} costs {money(p.price)}.",
                    f"It's {money(p.price)} for the {p.name}.",
                ],
                [money(p.price)],
                CAT,
                anchor=f"sku: {p.sku};",
                n=1,
            )
        )
    return out


def product_info():
    return prices() + [
        intent(
            "prod_power_station",
            "products",
            [
                "Which power station should I get?",
                "What's the difference between the BaseCamp models?",
                "I need power for a CPAP on weekend trips. Which BaseCamp?",
                "Which BaseCamp is best for an RV?",
            ],
            [
                "The BC-500 (512 Wh, 500 W) suits weekend camping and CPAP machines, the BC-1000 (1,024 Wh, 1,000 W) runs a fridge, lights and laptops for a long weekend, and the BC-2000 Pro (2,048 Wh, 2,200 W) is our premium unit for RVs and home backup."
            ],
            ["BC-500", "BC-2000 Pro"],
            PL,
            anchor="suits weekend camping",
        ),
        intent(
            "prod_headlamps",
            "products",
            [
                "What's the difference between the H300 and the H500 Pro?",
                "How bright is the H300?",
                "Which headlamp is waterproof?",
            ],
            [
                "The TrailBeam H300 gives 400 lumens and is rated IPX6; the H500 Pro gives 800 lumens, is rated IPX7 and adds a rear red safety light."
            ],
            ["400 lumens", "800 lumens"],
            PL,
            anchor="gives 400 lumens",
        ),
        intent(
            "prod_speakers",
            "products",
            ["Are RidgeSound speakers waterproof?", "Can I pair two RidgeSound speakers together?"],
            [
                "The RS-5 and RS-8 Max are IP67 rated and float, and any two RidgeSound speakers can be paired in stereo with PartyLink."
            ],
            ["IP67", "PartyLink"],
            PL,
            anchor="float; two RidgeSound",
        ),
        intent(
            "prod_gps",
            "products",
            [
                "What does the TrailView TV-7 Pro add over the TV-4?",
                "Do TrailView units come with maps?",
            ],
            [
                "Both TrailView units come with preloaded US and Canada topographic maps; the TV-7 Pro adds multi-band GPS and a 35-hour battery."
            ],
            ["multi-band GPS", "35-hour"],
            PL,
            anchor="35-hour battery",
        ),
        intent(
            "prod_cameras",
            "products",
            [
                "How deep can the PeakCam go underwater?",
                "What resolution does the PC-5K Pro record?",
            ],
            [
                "The PC-4K records 4K at 60 fps and is waterproof to 10 m; the PC-5K Pro records 5.3K at 30 fps and is waterproof to 15 m."
            ],
            ["10 m", "15 m"],
            PL,
            anchor="waterproof to 15 m",
        ),
        intent(
            "prod_radios",
            "products",
            ["Do your radios have weather alerts?", "Are Ridgeline radios sold individually?"],
            [
                "Ridgeline radios are sold in pairs, and the RR-5 adds NOAA weather alerts and rechargeable batteries."
            ],
            ["NOAA"],
            PL,
            anchor="NOAA weather alerts and rechargeable",
        ),
        intent(
            "prod_headband",
            "products",
            [
                "Can I buy a replacement headband for my TrailBeam?",
                "Is the TrailBeam headband in stock?",
            ],
            ["The TrailBeam Replacement Headband is currently out of stock."],
            ["out of stock"],
            PL,
            anchor="out of stock",
            n=1,
        ),
        intent(
            "prod_solar_connectors",
            "products",
            [
                "Will SolarFold panels plug into my BaseCamp?",
                "What connectors do SolarFold panels use?",
            ],
            [
                "SolarFold panels use MC4 connectors and come with an MC4-to-XT60 adaptor for BaseCamp power stations."
            ],
            ["MC4", "XT60"],
            PL,
            anchor="MC4-to-XT60 adaptor for BaseCamp",
        ),
    ]
