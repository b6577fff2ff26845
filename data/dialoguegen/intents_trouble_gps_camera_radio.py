"""Troubleshooting intents for TrailView GPS units, PeakCam cameras and Ridgeline radios."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import TROUBLE

from .intent import intent

T = TROUBLE


def troubleshooting_gps_camera_radio():
    tv, pc, rr = (T[k] for k in ("TrailView", "PeakCam", "Ridgeline"))
    PC, RR = "troubleshooting/peakcam-cameras.txt", "troubleshooting/ridgeline-radios.txt"
    TV = "help/trailview-gps-troubleshooting.html"
    return [
        intent(
            "tv_no_fix",
            "troubleshooting",
            [
                "My TrailView can't get a GPS signal.",
                "The GPS says searching for satellites forever.",
                "How long does it take my TrailView to find my position?",
            ],
            [
                f"Go outside, away from tall buildings and dense trees, and hold the unit still with the screen facing the sky. The first fix can take up to {tv['first_fix']}."
            ],
            [tv["first_fix"]],
            TV,
            anchor=tv["first_fix"],
        ),
        intent(
            "tv_frozen",
            "troubleshooting",
            ["My TrailView screen froze.", "The GPS isn't responding to any buttons."],
            [
                f"Hold the power button for {tv['soft_reset']} to force a restart. Your maps, tracks and waypoints are kept."
            ],
            [tv["soft_reset"]],
            TV,
            anchor=tv["soft_reset"],
        ),
        intent(
            "tv_firmware",
            "troubleshooting",
            ["How do I update my TrailView?", "Where do I get firmware for the GPS?"],
            [
                f"Install the {tv['sync_app']} desktop app, connect the TrailView with a USB-C data cable and select Check for updates. Keep it connected until it restarts."
            ],
            [tv["sync_app"]],
            TV,
            anchor="Check for updates",
        ),
        intent(
            "pc_card",
            "troubleshooting",
            ["Which SD card works in the PeakCam?", "My camera says SD SLOW."],
            [
                f"Use a {pc['card']} card (V30 or faster) of up to {pc['card_max']}, and format it in the camera before first use."
            ],
            [pc["card"], pc["card_max"]],
            PC,
            anchor=pc["card_max"],
        ),
        intent(
            "pc_hot",
            "troubleshooting",
            [
                "My PeakCam gets hot and stops recording.",
                "Why does my action camera shut off during long videos?",
            ],
            [
                f"At the highest resolution it can record for about {pc['hot_limit']} in still air before stopping to protect itself. Lower the resolution or frame rate for long recordings."
            ],
            [pc["hot_limit"]],
            PC,
            anchor=pc["hot_limit"],
        ),
        intent(
            "pc_frozen",
            "troubleshooting",
            ["My PeakCam is frozen.", "The camera doesn't respond to buttons."],
            [
                f"Hold the mode and shutter buttons together for {pc['reset']} to restart it. Your settings and recordings are kept."
            ],
            [pc["reset"]],
            PC,
            anchor="mode and shutter",
        ),
        intent(
            "rr_cant_hear",
            "troubleshooting",
            [
                "My walkie-talkies can't talk to each other.",
                "The two radios don't hear each other.",
            ],
            [
                "Both radios must use the same channel and the same privacy code. Check each screen and set them to match."
            ],
            ["channel", "privacy code"],
            RR,
            anchor="same privacy code",
        ),
        intent(
            "rr_range",
            "troubleshooting",
            [
                "What range do the Ridgeline radios have?",
                "My radios only reach a mile, is that normal?",
            ],
            [
                f"The RR-2 reaches up to {rr['rr2_range']} and the RR-5 up to {rr['rr5_range']}, but only with a clear line of sight; in forests or towns expect 1 to 2 miles."
            ],
            [rr["rr2_range"], rr["rr5_range"]],
            RR,
            anchor=rr["rr5_range"],
        ),
        intent(
            "rr_charge",
            "troubleshooting",
            ["How long does the RR-5 take to charge?", "What batteries do the radios use?"],
            [
                f"The RR-2 uses three AA batteries per radio. The RR-5 has a rechargeable battery that charges in {rr['rr5_charge']} in the desk charger."
            ],
            [rr["rr5_charge"]],
            RR,
            anchor=rr["rr5_charge"],
            n=1,
        ),
    ]
