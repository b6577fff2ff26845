"""Product documents: the CSV catalogue, the product-line overview and the BaseCamp BC-1000 manual."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    BC1000,
    BY_MODEL,
    COMPANY,
    CONTACT,
    LINES,
    PRODUCTS,
    SHIPPING,
    SHORT,
    WARRANTY,
    WEBSITE,
    money,
    months_text,
)

from .model import Doc, Section

DESCRIPTIONS = {
    "TrailBeam": "Rechargeable USB-C headlamp, {spec}, {water} water resistance.",
    "GlowLantern": "Rechargeable camp lantern, {spec}, {water} splash resistance.",
    "SummitCharge": "Power bank with {battery} capacity and {spec} fast charging.",
    "BaseCamp": "Portable power station with {battery} battery and {spec}.",
    "SolarFold": "Folding monocrystalline solar panel, {spec} peak output, {water} rated.",
    "RidgeSound": "Bluetooth 5.3 speaker, {spec}, {battery} playtime, {water} rated.",
    "TrailView": "Handheld GPS with preloaded topo maps, {spec}, {battery} battery life.",
    "PeakCam": "Action camera recording {spec}, {water} without a housing.",
    "Ridgeline": "Two-way radio pair, {spec}.",
    "Accessories": "Accessory: {spec}.",
}


def catalogue() -> Doc:
    header = [
        "sku",
        "model",
        "name",
        "category",
        "product_line",
        "price_usd",
        "warranty_months",
        "weight_kg",
        "battery",
        "water_rating",
        "key_spec",
        "in_stock",
        "description",
    ]
    rows = [header]
    for p in PRODUCTS:
        text = DESCRIPTIONS[p.line].format(spec=p.key_spec, water=p.water_rating, battery=p.battery)
        rows.append(
            [
                p.sku,
                p.model,
                p.name,
                p.category,
                p.line,
                f"{p.price:.2f}",
                p.warranty_months,
                f"{p.weight_kg:.2f}",
                p.battery,
                p.water_rating,
                p.key_spec,
                "yes" if p.in_stock else "no",
                text,
            ]
        )
    return Doc("products/catalogue.csv", "Product catalogue", [], rows=rows)


def _models(line):
    return [p for p in PRODUCTS if p.line == line]


def product_lines() -> Doc:
    def price_list(line):
        return ", ".join(f"{p.name} ({money(p.price)})" for p in _models(line))

    def warranty(line):
        return f"Warranty: {months_text(LINES[line].warranty_months)}."

    h300, h500, pb20, pb26 = (
        BY_MODEL["H300"],
        BY_MODEL["H500"],
        BY_MODEL["PB-20"],
        BY_MODEL["PB-26"],
    )
    sections = [
        Section(
            "TrailBeam headlamps",
            [
                f"Models: {price_list('TrailBeam')}. All TrailBeam headlamps charge over USB-C and have a "
                "red night-vision mode and a lock mode that stops the lamp turning on in your pack.",
                f"The {h300.name} gives {h300.key_spec} and is rated {h300.water_rating}; the {h500.name} "
                f"gives {h500.key_spec}, is rated {h500.water_rating} and adds a rear red safety light. "
                + warranty("TrailBeam"),
            ],
        ),
        Section(
            "GlowLantern camp lanterns",
            [
                f"Models: {price_list('GlowLantern')}. The GL-400 doubles as a power bank through its "
                f"USB-A port. Both lanterns are rated IPX4. {warranty('GlowLantern')}"
            ],
        ),
        Section(
            "SummitCharge power banks",
            [
                f"Models: {price_list('SummitCharge')}. The {pb20.name} has {pb20.battery} and "
                f"{pb20.key_spec} output, enough to charge most laptops. The {pb26.name} stores "
                f"{pb26.battery} and has a built-in 5 W solar panel for topping up at camp; it is meant "
                f"for emergencies, not as the main way to charge it. {warranty('SummitCharge')}"
            ],
        ),
        Section(
            "BaseCamp portable power stations",
            [
                f"Models: {price_list('BaseCamp')}. Every BaseCamp unit uses LiFePO4 cells rated for "
                f"{BC1000['cycles']} to 80% capacity and has pure sine-wave AC outlets.",
                "The BC-500 (512 Wh, 500 W) suits weekend camping and CPAP machines. The BC-1000 (1,024 Wh, "
                "1,000 W) runs a fridge, lights and laptops for a long weekend. The BC-2000 Pro (2,048 Wh, "
                "2,200 W) is our premium unit for RVs and home backup and supports an add-on battery.",
                f"{warranty('BaseCamp')} Because their batteries are larger than 100 Wh, the BC-1000 "
                "and BC-2000 Pro ship by ground only.",
            ],
        ),
        Section(
            "SolarFold solar panels",
            [
                f"Models: {price_list('SolarFold')}. SolarFold panels use MC4 connectors and come with an "
                "MC4-to-XT60 adaptor for BaseCamp power stations. All are IP65 rated and fold into a "
                f"carry case with a kickstand. {warranty('SolarFold')}"
            ],
        ),
        Section(
            "RidgeSound Bluetooth speakers",
            [
                f"Models: {price_list('RidgeSound')}. The RS-5 and RS-8 Max are IP67 rated and float; "
                "two RidgeSound speakers can be paired in stereo with PartyLink. "
                + warranty("RidgeSound")
            ],
        ),
        Section(
            "TrailView GPS handhelds",
            [
                f"Models: {price_list('TrailView')}. Both come with preloaded US and Canada topographic "
                "maps and update through the Kestrel Sync desktop app. The TV-7 Pro adds multi-band GPS "
                f"and a 35-hour battery. {warranty('TrailView')}"
            ],
        ),
        Section(
            "PeakCam action cameras",
            [
                f"Models: {price_list('PeakCam')}. The PC-4K records 4K at 60 fps and is waterproof to "
                "10 m; the PC-5K Pro records 5.3K at 30 fps and is waterproof to 15 m. "
                + warranty("PeakCam")
            ],
        ),
        Section(
            "Ridgeline two-way radios",
            [
                f"Models: {price_list('Ridgeline')}. Radios are sold in pairs. The RR-5 adds NOAA "
                f"weather alerts and rechargeable batteries. {warranty('Ridgeline')}"
            ],
        ),
        Section(
            "Accessories",
            [
                f"Cables, car chargers, mounts and bags, for example the {BY_MODEL['CB-1'].name} "
                f"({money(BY_MODEL['CB-1'].price)}) and the {BY_MODEL['BC-BAG'].name} "
                f"({money(BY_MODEL['BC-BAG'].price)}). Accessories carry a warranty of "
                f"{months_text(LINES['Accessories'].warranty_months)}. The TrailBeam "
                "Replacement Headband is currently out of stock."
            ],
        ),
    ]
    intro = [
        f"{COMPANY} designs lighting, power, navigation and audio gear for people who spend "
        "their time outdoors. This overview lists every product line we sell, the current "
        f"models and their prices in US dollars, and the warranty that comes with each line. "
        f"Full specifications are in the product catalogue on {WEBSITE}."
    ]
    return Doc("products/product-lines.md", f"{SHORT} product lines", sections, intro=intro)


def bc1000_manual() -> Doc:
    m, errors = BC1000, BC1000["errors"]
    p = BY_MODEL["BC-1000"]
    sections = [
        Section(
            "Welcome and safety",
            [
                "What is in the box:",
                (
                    "ul",
                    [
                        "BaseCamp BC-1000 power station",
                        "AC charging cable",
                        "12 V car charging cable",
                        "Solar charging cable (MC4 to XT60)",
                        "This user manual",
                    ],
                ),
                "Safety first. Read these warnings before you use the power station.",
                (
                    "ul",
                    [
                        f"Use the power station between {m['op_temp']} and charge it between "
                        f"{m['charge_temp']}.",
                        "Keep it dry. The BC-1000 is not water resistant; never use it in rain or snow.",
                        "Do not cover the air vents while it is running or charging.",
                        "Do not open the casing. There are no user-serviceable parts inside, and opening "
                        "it voids the warranty.",
                        "Keep it away from children and pets, and never stack objects on top of it.",
                    ],
                ),
            ],
        ),
        Section(
            "Specifications",
            [
                (
                    "table",
                    ["Item", "Value"],
                    [
                        ["Battery", f"{m['capacity']} LiFePO4, {m['cycles']} to 80% capacity"],
                        [
                            "AC output",
                            f"{m['ac_outlets']} outlets, 120 V pure sine wave, {m['ac_continuous']} "
                            f"continuous, {m['ac_surge']} surge",
                        ],
                        ["USB output", f"{m['usb_c']}, {m['usb_a']}"],
                        ["Car port", f"12 V, {m['car_port']}"],
                        ["Solar input", f"{m['solar_voltage']}, up to {m['solar_max']}"],
                        ["Weight", f"{p.weight_kg} kg"],
                        ["Dimensions", m["dimensions"]],
                        ["Price", money(p.price)],
                    ],
                ),
                f"The BC-1000 can power devices that draw up to {m['ac_continuous']} in total. Motors "
                f"and compressors may briefly draw more when they start, up to {m['ac_surge']}.",
            ],
        ),
        Section(
            "Charging the power station",
            [
                f"Wall charging: connect the AC charging cable to a wall outlet. The BC-1000 charges from "
                f"0 to 80% in {m['ac_charge_80']} and reaches a full charge in {m['ac_charge_full']}.",
                f"Solar charging: connect one or more SolarFold panels to the solar input with the "
                f"MC4-to-XT60 cable. The input accepts {m['solar_voltage']} and up to {m['solar_max']}. "
                "Two SolarFold SF-200 panels connected in parallel charge the BC-1000 in about 3.5 hours "
                "of full sun.",
                f"Car charging: use the 12 V car charging cable while the engine is running. A full "
                f"charge takes {m['car_charge']}.",
                "You can use the outputs while the power station charges (pass-through charging).",
            ],
        ),
        Section(
            "Using the outputs",
            [
                "Press the main power button for 2 seconds to switch the power station on. Each output "
                "group (AC, USB, 12 V) has its own button; the button lights up when the group is on.",
                f"Eco mode switches the AC outlets off after {m['eco_off']} when the load stays under "
                "10 W, which saves battery. Turn Eco mode off in the Kestrel Connect app if you run "
                "low-power devices overnight.",
                f"UPS mode: when the power station is plugged into the wall, connected devices switch to "
                f"battery power within {m['ups_switch']} if the mains supply fails. This protects "
                "computers and routers, but the BC-1000 is not a medical-grade backup.",
            ],
        ),
        Section(
            "Display and the Kestrel Connect app",
            [
                "The display shows the battery level, input watts, output watts and the estimated time "
                "remaining at the current load. A snowflake icon means the battery is too cold to "
                "charge; a thermometer icon means the unit is reducing power because it is hot.",
                "The Kestrel Connect app (iOS and Android) connects over Bluetooth. Use it to switch "
                "outputs on and off, change Eco mode, set a charging limit and install firmware "
                "updates. Keep the phone within 10 m of the power station during a firmware update.",
            ],
        ),
        Section(
            "Troubleshooting and error codes",
            [
                (
                    "table",
                    ["Code", "Meaning", "What to do"],
                    [[code, name, action] for code, (name, action) in errors.items()],
                ),
                "If the power station does not switch on at all, connect the AC charger for 10 minutes "
                "and try again. To reset it, hold the main power button and the USB button together "
                "for 10 seconds.",
            ],
        ),
        Section(
            "Care, storage and transport",
            [
                f"For storage, keep the battery at {m['storage_charge']} charge and recharge it "
                f"{m['storage_recharge']}. Store it in a dry place between 0 and 30 °C.",
                "Clean the casing with a dry cloth. Do not use solvents or spray cleaners.",
                "The BC-1000 battery is larger than 100 Wh, so airlines do not allow it in checked or "
                "carry-on luggage, and Kestrel ships it by ground only.",
                "When the product reaches the end of its life, take it to a battery recycling point. "
                "Do not put it in household waste.",
            ],
        ),
        Section(
            "Warranty and support",
            [
                f"The BaseCamp BC-1000 has a limited warranty of "
                f"{months_text(LINES['BaseCamp'].warranty_months)} from the date of delivery. See the {SHORT} Warranty Handbook for what is "
                "covered and how to make a claim.",
                f"To make a warranty claim, go to {WARRANTY['claim_url']} or email "
                f"{CONTACT['warranty_email']}. Have your serial number ready; it is on the label under "
                "the handle.",
                f"Phone support: {CONTACT['phone']}, {CONTACT['phone_hours_weekday']} and "
                f"{CONTACT['phone_hours_saturday']}.",
                f"Out of warranty, a replacement battery module for the BC-1000 costs "
                f"{WARRANTY['bc_battery_replacement']} plus shipping.",
            ],
        ),
    ]
    intro = [
        f"Thank you for choosing the BaseCamp BC-1000 from {COMPANY}. This manual explains how "
        "to charge, use, store and look after your power station. Keep it for future reference."
    ]
    return Doc(
        "manuals/basecamp-bc1000-manual.pdf", "BaseCamp BC-1000 User Manual", sections, intro=intro
    )


def ground_only_note() -> str:
    names = " and ".join(BY_MODEL[m].name for m in SHIPPING["ground_only"])
    return (
        f"The {names} contain lithium batteries larger than 100 Wh, so they ship by ground "
        "only: Standard shipping within the contiguous US. Expedited and Overnight shipping are "
        "not available for them, and we cannot send them to PO boxes, APO/FPO addresses, Alaska, "
        "Hawaii or Canada."
    )
