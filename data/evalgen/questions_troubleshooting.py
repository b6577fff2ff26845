"""Troubleshooting questions, one or more per product line's guide."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import TROUBLE

from .common import q

T = TROUBLE
MAN = "manuals/basecamp-bc1000-manual.pdf"


def troubleshooting():
    TB, RS, SF = (
        "troubleshooting/trailbeam-headlamps.md",
        "troubleshooting/ridgesound-speakers.md",
        "troubleshooting/solarfold-panels.md",
    )
    PB, PC, RR = (
        "troubleshooting/summitcharge-power-banks.txt",
        "troubleshooting/peakcam-cameras.txt",
        "troubleshooting/ridgeline-radios.txt",
    )
    TV = "help/trailview-gps-troubleshooting.html"
    t = T
    return [
        q(
            "trb-01",
            "troubleshooting",
            "My headlamp blinks twice and won't turn on. What do I do?",
            TB,
            f"It is in lock mode: hold the power button for {t['TrailBeam']['unlock']} to unlock it.",
            [t["TrailBeam"]["unlock"]],
        ),
        q(
            "trb-02",
            "troubleshooting",
            "How do I reset a TrailBeam headlamp?",
            TB,
            f"Hold the power and mode buttons together for {t['TrailBeam']['reset']}.",
            [t["TrailBeam"]["reset"]],
        ),
        q(
            "trb-03",
            "troubleshooting",
            "How long does the H300 last on high?",
            TB,
            f"{t['TrailBeam']['h300_runtime_high']} on high and {t['TrailBeam']['h300_runtime_low']} on low.",
            [t["TrailBeam"]["h300_runtime_high"]],
        ),
        q(
            "trb-04",
            "troubleshooting",
            "How do I pair my RidgeSound speaker with my phone?",
            RS,
            f"Hold the Bluetooth button for {t['RidgeSound']['pair_hold']} until the light flashes blue, then select it on the phone.",
            [t["RidgeSound"]["pair_hold"]],
        ),
        q(
            "trb-05",
            "troubleshooting",
            "How do I reset a RidgeSound speaker?",
            RS,
            f"Hold power and volume down together for {t['RidgeSound']['reset']}.",
            [t["RidgeSound"]["reset"]],
        ),
        q(
            "trb-06",
            "troubleshooting",
            "How long does the PB-20 take to recharge?",
            PB,
            f"{t['SummitCharge']['pb20_recharge']} with a {t['SummitCharge']['pb20_charger']} USB-C charger.",
            [t["SummitCharge"]["pb20_recharge"]],
        ),
        q(
            "trb-07",
            "troubleshooting",
            "All four LEDs on my power bank are blinking. What does that mean?",
            PB,
            f"It is too hot or too cold; disconnect it and let it rest for {t['SummitCharge']['cool']}.",
            [t["SummitCharge"]["cool"]],
        ),
        q(
            "trb-08",
            "troubleshooting",
            "How do I reset a SummitCharge power bank?",
            PB,
            f"Hold the power button for {t['SummitCharge']['reset']}.",
            [t["SummitCharge"]["reset"]],
        ),
        q(
            "trb-09",
            "troubleshooting",
            "At what angle should I set up my SolarFold panel?",
            SF,
            f"Tilt it {t['SolarFold']['angle']} toward the sun.",
            [t["SolarFold"]["angle"]],
        ),
        q(
            "trb-10",
            "troubleshooting",
            "How much power does a solar panel give when it's cloudy?",
            SF,
            f"About {t['SolarFold']['cloudy']} of its rating.",
            [t["SolarFold"]["cloudy"]],
        ),
        q(
            "trb-11",
            "troubleshooting",
            "My TrailView can't find a GPS signal. How long should the first fix take?",
            TV,
            f"Up to {t['TrailView']['first_fix']} outdoors with a clear view of the sky.",
            [t["TrailView"]["first_fix"]],
        ),
        q(
            "trb-12",
            "troubleshooting",
            "My TrailView screen is frozen. How do I restart it?",
            TV,
            f"Hold the power button for {t['TrailView']['soft_reset']}.",
            [t["TrailView"]["soft_reset"]],
        ),
        q(
            "trb-13",
            "troubleshooting",
            "What memory card should I use in my PeakCam?",
            PC,
            f"A {t['PeakCam']['card']} card of up to {t['PeakCam']['card_max']}.",
            [t["PeakCam"]["card"], t["PeakCam"]["card_max"]],
        ),
        q(
            "trb-14",
            "troubleshooting",
            "My PeakCam stops recording after a while at top resolution. Why?",
            PC,
            f"It overheats after about {t['PeakCam']['hot_limit']} in still air and stops to protect itself.",
            [t["PeakCam"]["hot_limit"]],
        ),
        q(
            "trb-15",
            "troubleshooting",
            "My two Ridgeline radios can't hear each other. What should I check?",
            RR,
            "Both radios must be on the same channel and the same privacy code.",
            ["channel", "privacy code"],
        ),
        q(
            "trb-16",
            "troubleshooting",
            "What is the range of the Ridgeline RR-5?",
            RR,
            f"Up to {t['Ridgeline']['rr5_range']} with a clear line of sight.",
            [t["Ridgeline"]["rr5_range"]],
        ),
        q(
            "trb-17",
            "troubleshooting",
            "My BC-1000 shows error E01. What does it mean?",
            MAN,
            "Output overload: the devices draw more than 1,000 W; unplug some and press the AC button.",
            [["overload", "more than 1,000 W"]],
            page="error codes",
        ),
    ]
