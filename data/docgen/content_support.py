"""The FAQ and the troubleshooting guides (Markdown and plain text)."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    ACCOUNT,
    BY_MODEL,
    CONTACT,
    LINES,
    LOYALTY,
    SHIPPING,
    SHORT,
    TROUBLE,
    WARRANTY,
    WEBSITE,
    money,
    months_text,
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


def trailbeam() -> Doc:
    t = TROUBLE["TrailBeam"]
    sections = [
        Section(
            "The headlamp will not turn on",
            [
                (
                    "ol",
                    [
                        f"Check lock mode: if the lamp blinks twice when you press the button, it is "
                        f"locked. Hold the power button for {t['unlock']} to unlock it.",
                        "Charge it with a USB-C cable for at least 15 minutes, then try again.",
                        f"Reset it: hold the power and mode buttons together for {t['reset']} until "
                        "the lamp flashes once.",
                    ],
                )
            ],
        ),
        Section(
            "Charging",
            [
                f"The TrailBeam H300 charges fully in {t['h300_charge']} from a 5 V USB charger. The "
                "indicator is red while charging and green when full. If it does not charge, try a "
                "different cable and make sure the USB-C port is dry and free of sand."
            ],
        ),
        Section(
            "Battery life",
            [
                f"The H300 runs for {t['h300_runtime_high']} on high (400 lumens) and "
                f"{t['h300_runtime_low']} on low. The indicator blinks red when the battery is below "
                f"{t['low_battery']}, and the lamp steps down to low to save power.",
                "Battery life is shorter in freezing temperatures. Keep the headlamp in an inside "
                "pocket overnight on cold trips.",
            ],
        ),
        Section(
            "Flickering or dim light",
            [
                "Flickering usually comes from a low battery or a wet connector. Charge the lamp, dry "
                "the port and reset it. If the light still flickers when fully charged, it may be "
                f"a fault covered by the warranty, which lasts "
                f"{months_text(LINES['TrailBeam'].warranty_months)}."
            ],
        ),
        Section(
            "Water",
            [
                "The H150 is rated IPX4 (splashes), the H300 IPX6 (heavy rain) and the H500 Pro IPX7 "
                "(submersion to 1 m for 30 minutes). Always close the port cover before use in rain."
            ],
        ),
    ]
    intro = [
        "Solutions for the most common problems with TrailBeam H150, H300 and H500 Pro headlamps."
    ]
    return Doc(
        "troubleshooting/trailbeam-headlamps.md",
        "TrailBeam headlamp troubleshooting",
        sections,
        intro=intro,
    )


def ridgesound() -> Doc:
    t = TROUBLE["RidgeSound"]
    sections = [
        Section(
            "Pairing with a phone",
            [
                (
                    "ol",
                    [
                        "Switch the speaker on.",
                        f"Hold the Bluetooth button for {t['pair_hold']} until the light flashes blue.",
                        "On your phone, open Bluetooth settings and select the RidgeSound speaker.",
                        "The light turns solid blue when connected.",
                    ],
                ),
                f"The speaker remembers up to {t['paired_devices']} devices. Bluetooth range is up to "
                f"{t['range']} in the open; walls and bodies reduce it.",
            ],
        ),
        Section(
            "No sound or the speaker keeps disconnecting",
            [
                (
                    "ul",
                    [
                        "Turn the volume up on both the phone and the speaker.",
                        "Forget the speaker in your phone's Bluetooth settings, then pair it again.",
                        "Move the phone closer and away from Wi-Fi routers and microwaves.",
                        "Charge the speaker: below 10% it may cut out at high volume.",
                    ],
                )
            ],
        ),
        Section(
            "Resetting the speaker",
            [
                f"Hold the power and volume down buttons together for {t['reset']}. The speaker "
                "switches off; its paired devices list is cleared."
            ],
        ),
        Section(
            "Stereo pairing with PartyLink",
            [
                "Pair the first speaker with your phone. Then press the PartyLink button on both "
                "speakers; they connect within a few seconds and the left and right channels are "
                "assigned automatically. PartyLink works between any two RidgeSound models."
            ],
        ),
        Section(
            "Water and cleaning",
            [
                "The RS-5 and RS-8 Max are IP67: they survive submersion and float. The RS-2 Mini is "
                "IPX5 and handles splashes only. After salt water or a pool, rinse with fresh water "
                "and let the speaker dry before charging."
            ],
        ),
    ]
    intro = ["Help for RidgeSound RS-2 Mini, RS-5 and RS-8 Max Bluetooth speakers."]
    return Doc(
        "troubleshooting/ridgesound-speakers.md",
        "RidgeSound speaker troubleshooting",
        sections,
        intro=intro,
    )


def solarfold() -> Doc:
    t, sf120 = TROUBLE["SolarFold"], BY_MODEL["SF-120"]
    sections = [
        Section(
            "Low power output",
            [
                f"Solar panels rarely reach their rated watts. In full sun, expect 70 to 85% of the "
                f"rating. Tilt the panel {t['angle']} toward the sun using the kickstand and move it "
                "every couple of hours. Under cloud, output drops to "
                f"{t['cloudy']} of the rating. Hot panels lose about {t['hot_loss']}; keep air flowing "
                "behind them.",
                "Even a small shadow on one cell, such as a branch or a strap, can cut output by half, "
                "because the cells are wired in series.",
            ],
        ),
        Section(
            "The power station does not show any solar input",
            [
                (
                    "ol",
                    [
                        "Check that the MC4 connectors click fully together.",
                        "Use the MC4-to-XT60 adaptor that came with the panel for BaseCamp units.",
                        "Make sure the power station is switched on; some models only charge when on.",
                        f"Measure the open-circuit voltage with a multimeter: an {sf120.name} should "
                        f"read about {t['sf120_voc']} in sun.",
                    ],
                )
            ],
        ),
        Section(
            "Connecting several panels",
            [
                "Panels can be connected in parallel with a branch connector. Before connecting panels "
                "in series, check the input voltage limit of your power station; the BaseCamp BC-1000 "
                "accepts up to 60 V."
            ],
        ),
        Section(
            "Cleaning and care",
            [
                "Wipe the panel with a damp, soft cloth. Do not use pressure washers or solvents, and "
                "do not fold the panel while it is wet. SolarFold panels are IP65, but the junction "
                f"box must not be submerged. They carry a warranty of "
                f"{months_text(LINES['SolarFold'].warranty_months)}."
            ],
        ),
    ]
    intro = [
        "What to check when a SolarFold SF-60, SF-120 or SF-200 panel produces less power "
        "than expected."
    ]
    return Doc(
        "troubleshooting/solarfold-panels.md",
        "SolarFold solar panel troubleshooting",
        sections,
        intro=intro,
    )


def summitcharge() -> Doc:
    t = TROUBLE["SummitCharge"]
    sections = [
        Section(
            "My phone does not charge",
            [
                (
                    "ol",
                    [
                        "Press the power button once; the power bank wakes up and the LEDs light.",
                        "Try a different cable. Many cheap cables carry power but not fast charging.",
                        f"Small devices such as earbuds draw so little power that the bank switches "
                        f"off after {t['idle_off']}. Double-press the button to turn on low-current "
                        "mode.",
                    ],
                )
            ],
        ),
        Section(
            "Recharging the power bank",
            [
                f"Use a USB-C charger. The PB-20 recharges in {t['pb20_recharge']} with a "
                f"{t['pb20_charger']} charger; a 10 W phone charger takes much longer. Four LEDs show "
                "the charge level in steps of 25%."
            ],
        ),
        Section(
            "LEDs blinking",
            [
                "If all four LEDs blink together, the power bank is too hot or too cold. Disconnect "
                f"everything and let it rest for {t['cool']} at room temperature."
            ],
        ),
        Section(
            "Resetting",
            [
                f"Hold the power button for {t['reset']}. The LEDs run from left to right and the power "
                "bank restarts. This clears most charging faults."
            ],
        ),
        Section(
            "The solar panel on the PB-26",
            [
                "The built-in 5 W panel on the PB-26 Solar is for emergencies. A full day of sun adds "
                "roughly one phone charge. For regular charging use USB-C.",
                f"SummitCharge power banks have a warranty of "
                f"{months_text(LINES['SummitCharge'].warranty_months)}. They are below 100 Wh and can be carried in hand luggage on flights.",
            ],
        ),
    ]
    intro = ["For SummitCharge PB-10, PB-20 and PB-26 Solar power banks."]
    return Doc(
        "troubleshooting/summitcharge-power-banks.txt",
        "SummitCharge power bank help",
        sections,
        intro=intro,
    )


def peakcam() -> Doc:
    t = TROUBLE["PeakCam"]
    sections = [
        Section(
            "Memory cards",
            [
                f"Use a {t['card']} card (V30 or faster) of up to {t['card_max']}. Format the card in "
                "the camera, not on a computer, before first use. Slow cards cause the error message "
                "SD SLOW and recordings that stop after a few seconds."
            ],
        ),
        Section(
            "The camera gets hot or stops recording",
            [
                f"At the highest resolution the camera can record for about {t['hot_limit']} in still "
                "air before it stops to protect itself. Airflow from riding or cycling keeps it "
                "cooler. Lower the resolution or frame rate for long recordings, and keep it out of "
                "direct sun between shots."
            ],
        ),
        Section(
            "The camera does not respond",
            [
                f"Hold the mode and shutter buttons together for {t['reset']} to restart the camera. "
                "Your settings and recordings are kept. If it still does not respond, take out the "
                "battery for a minute."
            ],
        ),
        Section(
            "Water use",
            [
                "The PC-4K is waterproof to 10 m and the PC-5K Pro to 15 m without a housing. Check "
                "that the side door is locked and the seal is clean before every dive. Rinse the "
                "camera in fresh water after use in the sea."
            ],
        ),
        Section(
            "Connecting to the app",
            [
                "Turn on Wi-Fi on the camera from the quick menu and open the Kestrel Connect app. "
                "Keep the phone within 10 m. Transfers of 4K video are faster with a USB-C cable."
            ],
        ),
        Section(
            "Warranty",
            [
                f"PeakCam cameras carry a warranty of {months_text(LINES['PeakCam'].warranty_months)}. "
                "Water damage is covered only if the camera was used within its rated depth with the "
                "door locked."
            ],
        ),
    ]
    intro = ["Troubleshooting for PeakCam PC-4K and PC-5K Pro action cameras."]
    return Doc(
        "troubleshooting/peakcam-cameras.txt",
        "PeakCam action camera troubleshooting",
        sections,
        intro=intro,
    )


def ridgeline() -> Doc:
    t = TROUBLE["Ridgeline"]
    sections = [
        Section(
            "The radios cannot hear each other",
            [
                f"Both radios must use the same channel and the same privacy code. Ridgeline radios "
                f"have 22 channels and {t['codes']} privacy codes; a code of 0 means no code. Check the "
                "screen of each radio and set them to match."
            ],
        ),
        Section(
            "Range",
            [
                f"The RR-2 reaches up to {t['rr2_range']} and the RR-5 up to {t['rr5_range']}, but only "
                "between mountain tops with a clear line of sight. In forests or towns, expect 1 to 2 "
                "miles. Hold the radio upright and away from your body for the best range."
            ],
        ),
        Section(
            "Batteries",
            [
                "The RR-2 uses three AA batteries per radio. The RR-5 has a rechargeable battery that "
                f"charges in {t['rr5_charge']} in the included desk charger; it can also take AA "
                "batteries in an emergency."
            ],
        ),
        Section(
            "Weather alerts",
            [
                "The RR-5 receives NOAA weather radio. Press and hold the WX button to listen, and "
                "switch on alert mode to hear a siren when the National Weather Service issues a "
                "warning for your area. The RR-2 has no weather radio."
            ],
        ),
        Section(
            "Static or noise",
            [
                "Switch on the squelch (on by default) and move away from power lines and running "
                "engines. If one radio is much noisier than the other, reset it by holding the menu "
                "and power buttons while switching it on."
            ],
        ),
        Section(
            "Licensing and warranty",
            [
                "In the United States, some channels need an FCC GMRS license for higher power; see "
                "the leaflet in the box. Ridgeline radios carry a warranty of "
                f"{months_text(LINES['Ridgeline'].warranty_months)}."
            ],
        ),
    ]
    intro = ["Help for Ridgeline RR-2 and RR-5 two-way radios."]
    return Doc(
        "troubleshooting/ridgeline-radios.txt",
        "Ridgeline radio troubleshooting",
        sections,
        intro=intro,
    )


ALL = [faq, trailbeam, ridgesound, solarfold, summitcharge, peakcam, ridgeline]
