"""Questions that need two files, follow-ups that need the conversation, and unanswerables."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    BC1000,
    BY_MODEL,
    CONTACT,
    ESCALATION,
    LOYALTY,
    RETURNS,
    SHIPPING,
    TROUBLE,
    WARRANTY,
    money,
)

from .common import q, unanswerable

S, R, W, C = SHIPPING, RETURNS, WARRANTY, CONTACT
CAT, WH, MAN = (
    "products/catalogue.csv",
    "warranty/warranty-handbook.pdf",
    "manuals/basecamp-bc1000-manual.pdf",
)
SHIP, INTL, RET = (
    "help/shipping-options.html",
    "help/international-shipping.html",
    "returns/return-policy.md",
)


def price(model):
    p = BY_MODEL[model].price
    return [money(p), f"{p:.2f}"]


def multi_file():
    bc, sf200, tv7, pc4k, h150 = (
        BY_MODEL[m] for m in ("BC-1000", "SF-200", "TV-7", "PC-4K", "H150")
    )
    return [
        q(
            "multi-01",
            "multi-file",
            "What does the BaseCamp BC-1000 cost, and how long is its warranty?",
            [CAT, WH],
            f"It costs {money(bc.price)} and has a 36-month warranty.",
            [price("BC-1000"), ["36 months", "36-month", "3 years", "3-year"]],
            page="Coverage",
        ),
        q(
            "multi-02",
            "multi-file",
            "If I return an opened BaseCamp BC-1000, how much is the restocking fee in dollars?",
            [RET, CAT],
            f"The restocking fee is {R['restocking_fee']} of {money(bc.price)}, which is $134.85.",
            [R["restocking_fee"], price("BC-1000")],
        ),
        q(
            "multi-03",
            "multi-file",
            "I live in Alaska. How much is shipping, and how long do I have to return something?",
            [INTL, RET],
            f"Shipping to Alaska is {money(S['ak_hi']['price'])}; items can be returned within {R['window']} of delivery.",
            [money(S["ak_hi"]["price"]), R["window"]],
        ),
        q(
            "multi-04",
            "multi-file",
            "How much is the TrailView TV-7 Pro and how long is it under warranty?",
            [CAT, WH],
            f"It costs {money(tv7.price)} and TrailView units have a 24-month warranty.",
            [price("TV-7"), ["24 months", "24-month", "2 years", "2-year"]],
            page="Coverage",
        ),
        q(
            "multi-05",
            "multi-file",
            "How many Trail Rewards points would I earn buying a SolarFold SF-200?",
            ["loyalty/trail-rewards.docx", CAT],
            f"At {LOYALTY['earn']}, the {money(sf200.price)} SF-200 earns 449 points.",
            [LOYALTY["earn"], "449"],
        ),
        q(
            "multi-06",
            "multi-file",
            "What number do I call for support, and what happens if the first agent can't solve my problem?",
            ["help/contact-us.html", "support/escalation.md"],
            f"Call {C['phone']}; if it is not solved, the case is escalated and a specialist contacts you within {ESCALATION['tier2_reply']}.",
            [C["phone"], ESCALATION["tier2_reply"]],
        ),
        q(
            "multi-07",
            "multi-file",
            "Which SolarFold panel is the most powerful, how much does it cost, and what is the BC-1000's solar input limit?",
            [CAT, MAN],
            f"The SF-200 ({money(sf200.price)}); the BC-1000 accepts up to {BC1000['solar_max']}.",
            ["SF-200", price("SF-200"), BC1000["solar_max"]],
            page="Charging",
        ),
        q(
            "multi-08",
            "multi-file",
            "Can I pay for a BaseCamp BC-2000 Pro with Affirm, and does it get free shipping?",
            ["accounts/billing-and-payments.docx", SHIP],
            f"Yes: Affirm is available on orders of $150 or more, and Standard shipping is free over {money(S['free_threshold'])} (it ships by ground only).",
            ["$150", money(S["free_threshold"])],
        ),
        q(
            "multi-09",
            "multi-file",
            "What would Kestrel Care+ cost for a PeakCam PC-4K?",
            [CAT, WH],
            f"The PC-4K costs {money(pc4k.price)}, so Care+ is $79 (the $200 to $999.99 band).",
            [price("PC-4K"), "$79"],
            page="Care+",
        ),
        q(
            "multi-10",
            "multi-file",
            "If I only order one TrailBeam H150, what will shipping cost?",
            [CAT, SHIP],
            f"The H150 is {money(h150.price)}, below the {money(S['free_threshold'])} free-shipping threshold, so Standard shipping costs {money(S['standard']['price'])}.",
            [price("H150"), money(S["standard"]["price"])],
        ),
    ]


def follow_ups():
    def f(id, conv, question, source, answer, facts, page=None):
        return q(id, "follow-up", question, source, answer, facts, page=page, conversation=conv)

    TB = TROUBLE
    return [
        f(
            "fu-01",
            [
                "How long is the warranty on SummitCharge power banks?",
                "SummitCharge power banks have a 24-month warranty.",
            ],
            "And for the BaseCamp ones?",
            WH,
            "BaseCamp power stations have a 36-month warranty.",
            [["36 months", "36-month", "3 years", "3-year"]],
            page="Coverage",
        ),
        f(
            "fu-02",
            [
                "How much is expedited shipping?",
                f"Expedited shipping costs {money(S['expedited']['price'])} and takes {S['expedited']['days']}.",
            ],
            "What about overnight?",
            SHIP,
            f"Overnight shipping costs {money(S['overnight']['price'])}.",
            [money(S["overnight"]["price"])],
        ),
        f(
            "fu-03",
            [
                "What's the price of the BaseCamp BC-500?",
                f"The BC-500 costs {money(BY_MODEL['BC-500'].price)}.",
            ],
            "And the premium one?",
            CAT,
            f"The BaseCamp BC-2000 Pro costs {money(BY_MODEL['BC-2000'].price)}.",
            [price("BC-2000")],
        ),
        f(
            "fu-04",
            [
                "How do I pair my RidgeSound speaker?",
                f"Hold the Bluetooth button for {TB['RidgeSound']['pair_hold']} until the light flashes blue, then pick it on your phone.",
            ],
            "And how do I reset it if that doesn't work?",
            "troubleshooting/ridgesound-speakers.md",
            f"Hold power and volume down together for {TB['RidgeSound']['reset']}.",
            [TB["RidgeSound"]["reset"]],
        ),
        f(
            "fu-05",
            [
                "How long do I have to return something?",
                f"You can return most items within {R['window']} of delivery.",
            ],
            "Is there a fee if I opened the power station?",
            RET,
            f"Yes, opened BaseCamp power stations have a {R['restocking_fee']} restocking fee.",
            [R["restocking_fee"]],
        ),
        f(
            "fu-06",
            [
                "What does error E01 mean on my BC-1000?",
                "E01 is an output overload: the devices draw more than 1,000 W.",
            ],
            "What about E04?",
            MAN,
            "E04 is solar input overvoltage: the panel voltage is above 60 V.",
            ["60 V"],
            page="error codes",
        ),
        f(
            "fu-07",
            [
                "How do I reset my password?",
                "Select Sign in, then Forgot password, and follow the link in the email we send you.",
            ],
            "How long is that link valid?",
            "help/password-and-sign-in.html",
            "The link is valid for 60 minutes.",
            ["60 minutes"],
        ),
        f(
            "fu-08",
            [
                "What are your phone hours on weekdays?",
                f"Phone support is open {C['phone_hours_weekday']}.",
            ],
            "And on Saturday?",
            "help/contact-us.html",
            "On Saturday, 9 am to 5 pm Eastern Time.",
            ["9 am to 5 pm"],
        ),
        f(
            "fu-09",
            [
                "How many points do I earn per dollar with Trail Rewards?",
                f"You earn {LOYALTY['earn']} spent.",
            ],
            "What about at the top tier?",
            "loyalty/trail-rewards.docx",
            "Summit members earn 1.5 points per $1.",
            ["1.5 points"],
        ),
        f(
            "fu-10",
            ["Do you ship to Canada?", f"Yes, orders to Canada arrive in {S['canada']['days']}."],
            "How much does it cost?",
            INTL,
            f"{money(S['canada']['price'])}, free on orders of {money(S['canada']['free_threshold'])} or more.",
            [money(S["canada"]["price"])],
        ),
        f(
            "fu-11",
            [
                "What's the price of the PeakCam PC-4K?",
                f"The PC-4K costs {money(BY_MODEL['PC-4K'].price)}.",
            ],
            "How do I restart it if it stops responding?",
            "troubleshooting/peakcam-cameras.txt",
            f"Hold the mode and shutter buttons together for {TB['PeakCam']['reset']}.",
            ["mode and shutter"],
        ),
        f(
            "fu-12",
            [
                "My TrailView can't find satellites.",
                f"Go outside with a clear view of the sky; the first fix can take up to {TB['TrailView']['first_fix']}.",
            ],
            "And if I just flew across the country?",
            "help/trailview-gps-troubleshooting.html",
            f"After travelling more than 500 km, allow up to {TB['TrailView']['travel_fix']}.",
            [TB["TrailView"]["travel_fix"]],
        ),
        f(
            "fu-13",
            [
                "How much does Kestrel Care+ cost for a BC-1000?",
                "For products from $1,000 it is $129; the BC-1000 costs $899, so it is $79.",
            ],
            "And what does an accidental damage claim cost?",
            WH,
            f"Each accidental damage claim has a {W['care_plus_service_fee']} service fee.",
            [W["care_plus_service_fee"]],
            page="Care+",
        ),
    ]


def unanswerables():
    texts = [
        "Who is the CEO of Kestrel Outdoor Electronics?",
        "How long does the BaseCamp BC-2000 Pro take to charge from a wall outlet?",
        "What is the battery capacity in mAh of the TrailView TV-4?",
        "Do you offer a student discount?",
        "When will the add-on battery for the BC-2000 Pro be released, and what will it cost?",
        "Does the RidgeSound RS-8 Max work with Alexa?",
        "Does the PeakCam PC-4K have image stabilisation?",
        "Can I pick up my order at the Reno warehouse?",
        "How many employees does Kestrel have?",
        "What is the sales tax rate in Idaho?",
        "Does the GlowLantern GL-400 come with a remote control?",
        "Which company makes the battery cells in BaseCamp power stations?",
        "Is Kestrel a carbon-neutral company?",
        "Do you offer installation of a BaseCamp unit as home backup power?",
        "What is the screen resolution of the TrailView TV-7 Pro?",
        "Does Kestrel sponsor trail-running events?",
        "What is the maximum operating altitude of the SolarFold panels?",
    ]
    return [unanswerable(f"unans-{i:02d}", t) for i, t in enumerate(texts, start=1)]
