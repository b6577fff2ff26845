"""Troubleshooting guides (plain text) for SummitCharge power banks, PeakCam cameras and Ridgeline
radios."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import LINES, TROUBLE, months_text

from .model import Doc, Section


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
