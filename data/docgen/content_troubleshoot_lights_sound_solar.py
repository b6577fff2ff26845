"""Troubleshooting guides (Markdown) for TrailBeam headlamps, RidgeSound speakers and SolarFold
panels."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import BY_MODEL, LINES, TROUBLE, months_text

from .model import Doc, Section


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
