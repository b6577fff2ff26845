"""Help-center articles (HTML): contacting us and TrailView GPS troubleshooting."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import ADDRESS, CONTACT, PRIVACY, SHORT, TROUBLE, WEBSITE

from .model import Doc, Section


def contact_us() -> Doc:
    c = CONTACT
    rows = [
        ["Phone", c["phone"], f"{c['phone_hours_weekday']}; {c['phone_hours_saturday']}"],
        ["Live chat", "Chat button on any help page", c["chat_hours"].capitalize()],
        ["Email", c["email"], f"We reply within {c['email_reply']}"],
        ["Warranty claims", c["warranty_email"], f"We reply within {c['email_reply']}"],
        ["Privacy requests", c["privacy_email"], f"We reply within {PRIVACY['request_reply']}"],
    ]
    sections = [
        Section("Ways to reach us", [("table", ["Channel", "Details", "Hours"], rows)]),
        Section(
            "Opening hours",
            [
                f"Phone support is closed on {c['phone_closed']}. Live chat stays open every day, "
                "including weekends. Messages sent while we are closed are answered in the order they "
                "arrived."
            ],
        ),
        Section(
            "Before you contact us",
            [
                "Have your order number, the product model and, for faults, the serial number ready. "
                f"If you contacted us before, give us your case number (it starts with "
                f"{c['case_prefix']}). For the fastest answer to a warranty question, use the online "
                f"claim form at {WEBSITE}/warranty."
            ],
        ),
        Section(
            "Post",
            [
                f"{SHORT} Customer Care, {ADDRESS}. Please do not send returns to this address; use "
                "the label from your return instead."
            ],
        ),
        Section(
            "Urgent safety problems",
            [
                f"If a battery swells, smokes or gets very hot, stop using the product and call "
                f"{c['phone']}, option 1, during phone hours. Outside phone hours, start a live chat "
                "and type SAFETY so the agent can give your case priority."
            ],
        ),
    ]
    intro = ["Our customer care team is based in Boise, Idaho. Here is how to reach us."]
    return Doc("help/contact-us.html", "Contact us", sections, intro=intro)


def trailview_troubleshooting() -> Doc:
    t = TROUBLE["TrailView"]
    sections = [
        Section(
            "The unit cannot find a GPS signal",
            [
                (
                    "ol",
                    [
                        "Go outside, away from tall buildings and dense tree cover.",
                        f"Hold the unit still with the screen facing the sky. The first fix after "
                        f"switching on takes up to {t['first_fix']}.",
                        f"If you travelled more than 500 km since the last use, allow up to "
                        f"{t['travel_fix']} while the unit downloads new satellite positions.",
                        "On the TV-7 Pro, switch on multi-band GPS under Settings, Satellites for "
                        "better accuracy in canyons and forests.",
                    ],
                )
            ],
        ),
        Section(
            "Updating the firmware",
            [
                f"Install the {t['sync_app']} desktop app for Windows or macOS, connect the TrailView with "
                "a USB-C data cable and select Check for updates. Keep the cable connected until the "
                "unit restarts by itself. Updates often fix GPS accuracy and battery life problems."
            ],
        ),
        Section(
            "The screen is frozen",
            [
                f"Hold the power button for {t['soft_reset']} to force a restart. Your maps, tracks "
                "and waypoints are kept. If the problem comes back, a factory reset under Settings, "
                "System, Reset erases your data, so copy your tracks to a computer first."
            ],
        ),
        Section(
            "The battery runs down too fast",
            [
                "Shorten the backlight timeout, lower the screen brightness and turn off multi-band "
                "GPS when you do not need it. In normal use the TV-4 lasts 20 hours and the TV-7 Pro "
                "35 hours. Cold weather below -10 °C can reduce battery life by half."
            ],
        ),
        Section(
            "Maps are missing",
            [
                f"Preloaded US and Canada maps cannot be deleted. Extra map packs bought online are "
                f"installed with {t['sync_app']}; sign in with the same {SHORT} account you used to "
                "buy them."
            ],
        ),
    ]
    intro = [
        "Start here if your TrailView TV-4 or TV-7 Pro handheld GPS is not working as expected."
    ]
    return Doc(
        "help/trailview-gps-troubleshooting.html",
        "TrailView GPS troubleshooting",
        sections,
        intro=intro,
    )
