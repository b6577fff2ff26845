"""Greetings, closings, out-of-scope refusals, questions the documents can't answer, follow-ups."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import COMPANY, CONTACT, SHORT

GREETINGS = [
    "Hi",
    "Hello!",
    "Hey there",
    "Good morning",
    "Hi, I need some help",
    "Hello, is anyone there?",
    "Good afternoon!",
    "Hiya",
    "Hi, can you help me with something?",
    "Hey",
]
GREETING_REPLIES = [
    f"Hello! Thanks for contacting {COMPANY}. How can I help you today?",
    f"Hi there! Welcome to {SHORT} support. What can I help you with?",
    f"Hello! I'm happy to help with your {SHORT} orders, products or account. What do you need?",
    "Hi! How can I help you today?",
]
THANKS = [
    "Thanks!",
    "Thank you, that helps.",
    "Great, thanks a lot.",
    "Perfect, thank you!",
    "OK thanks, bye!",
    "That's all I needed.",
    "Awesome, cheers.",
]
THANKS_REPLIES = [
    "You're welcome! Enjoy your time outdoors.",
    "Happy to help! Have a great day.",
    f"Glad I could help. Thanks for choosing {SHORT}!",
    "You're welcome. Have a great trip!",
]

OUT_OF_SCOPE = [
    "Can you help me with my math homework?",
    "What's the weather going to be like in Yosemite this weekend?",
    "Write me a poem about the ocean.",
    "Which stocks should I buy this year?",
    "Can you book me a flight to Denver?",
    "What's the capital of Australia?",
    "Who will win the Super Bowl?",
    "How do I get into my neighbor's Wi-Fi?",
    "Give me a good chili recipe.",
    "What do you think about the election?",
    "Translate this letter into French for me.",
    "Can you recommend a good lawyer?",
    "How do I fix the brakes on my car?",
    "Is a GoPro better than your cameras?",
    "My knee hurts after hiking. What medicine should I take?",
    "Help me write my resume.",
    "What's the best hiking trail in Utah?",
    "Tell me a joke about my boss.",
    "Can you order a pizza for me?",
    "What's your opinion on electric cars?",
]
REFUSALS = [
    f"I'm sorry, but I can only help with questions about {SHORT} products, orders and support. Is there anything like that I can help you with?",
    f"That's outside what I can do here, sorry. I can only help with {SHORT} orders, shipping, returns, warranty and product questions.",
    f"Sorry, I can only help with {SHORT} customer-service questions, such as orders, returns, warranty or product help.",
]

# Company questions the documents do not answer, with the documents a retriever would bring up for
# them (used as the non-answering context). Kept apart from the evaluation's unanswerable questions.
UNKNOWN = [
    (
        "Do you offer a military discount?",
        ["accounts/billing-and-payments.docx", "loyalty/trail-rewards.docx"],
    ),
    (
        "What colors does the SummitCharge PB-10 come in?",
        ["products/catalogue.csv", "products/product-lines.md"],
    ),
    (
        "Is there a Kestrel app for Apple Watch?",
        ["manuals/basecamp-bc1000-manual.pdf", "troubleshooting/peakcam-cameras.txt"],
    ),
    (
        "Can I rent a BaseCamp power station for a weekend?",
        ["products/product-lines.md", "policies/terms-of-sale.txt"],
    ),
    (
        "How long does the BaseCamp BC-500 take to charge from the wall?",
        ["manuals/basecamp-bc1000-manual.pdf", "products/product-lines.md"],
    ),
    (
        "Does the RidgeSound RS-5 support aptX?",
        ["troubleshooting/ridgesound-speakers.md", "products/product-lines.md"],
    ),
    ("When is your next big sale?", ["accounts/billing-and-payments.docx", "faq.md"]),
    (
        "Can the TrailView TV-4 sync with Strava?",
        ["help/trailview-gps-troubleshooting.html", "products/product-lines.md"],
    ),
    (
        "How many lumens does the GlowLantern GL-200 give on its lowest setting?",
        ["products/product-lines.md", "products/catalogue.csv"],
    ),
    (
        "Do you sell spare lens covers for the PeakCam?",
        ["troubleshooting/peakcam-cameras.txt", "products/catalogue.csv"],
    ),
    (
        "Is the BaseCamp available in a camouflage color?",
        ["products/product-lines.md", "products/catalogue.csv"],
    ),
    (
        "What is the charging time of the TrailBeam H500 Pro?",
        ["troubleshooting/trailbeam-headlamps.md", "products/catalogue.csv"],
    ),
    (
        "Do you have a loyalty card I can use in outdoor retail stores?",
        ["loyalty/trail-rewards.docx", "faq.md"],
    ),
    ("Can I get my order gift-wrapped?", ["help/gift-cards.html", "help/shipping-options.html"]),
    (
        "What is the standby power draw of the BC-2000 Pro?",
        ["manuals/basecamp-bc1000-manual.pdf", "products/product-lines.md"],
    ),
]
UNKNOWN_PLAIN = [
    f"I'm sorry, I don't have information about that. Our support team can check for you: call {CONTACT['phone']} or use live chat.",
    f"I'm not sure about that one, and I don't want to guess. Please contact our team at {CONTACT['phone']} or {CONTACT['email']}.",
]
NOT_FOUND = [
    "I'm sorry, I could not find that in the documents.",
    "I could not find the answer to that in the documents.",
    "Sorry, I could not find any information about that in the documents.",
]

# (first intent, follow-up intent, short follow-ups that only make sense after the first answer)
FOLLOW_UPS = [
    (
        "ship_expedited",
        "ship_overnight",
        ["And if I need it by tomorrow?", "Is there a next-day option too?"],
    ),
    (
        "ship_canada",
        "ship_canada_duties",
        ["Will I have to pay duties on top of that?", "Any customs fees when it arrives?"],
    ),
    (
        "ship_standard",
        "ship_free",
        ["Can I get it free somehow?", "Is there a way to avoid that fee?"],
    ),
    (
        "ret_window",
        "ret_restock",
        [
            "Even if I've opened it? It's a power station.",
            "Does it cost anything if the box is open?",
        ],
    ),
    (
        "ret_window",
        "ret_refund_time",
        ["And how fast do I get my money back?", "Once you get it, how long until I'm refunded?"],
    ),
    ("ret_label", "ret_defective", ["What if it's actually faulty?", "And if the item is broken?"]),
    ("ret_how", "ret_label", ["Do I pay for the label?", "Is the shipping label free?"]),
    (
        "war_len_BaseCamp",
        "war_claim",
        ["How do I make a claim then?", "OK, how do I start a claim?"],
    ),
    ("war_care_plus", "war_care_price", ["How much is it?", "What does it cost?"]),
    (
        "war_care_plus",
        "war_care_window",
        ["Can I still add it? I bought my lantern last month.", "Is it too late to add it now?"],
    ),
    ("tb_unlock", "tb_reset", ["Still nothing. Can I reset it?", "That didn't work. What next?"]),
    (
        "rs_pair",
        "rs_reset",
        ["It still won't pair. Can I reset it?", "Didn't work. Is there a reset?"],
    ),
    (
        "pb_not_charging",
        "pb_reset",
        ["Still not working. Is there a reset?", "Can I restart it somehow?"],
    ),
    (
        "tv_no_fix",
        "tv_frozen",
        ["Now the screen has frozen completely.", "And now it's not responding at all."],
    ),
    (
        "acct_password",
        "acct_locked",
        ["I tried too many times and now it says locked.", "Now it says my account is locked?"],
    ),
    ("loy_earn", "loy_redeem", ["How much are the points worth?", "And how do I use them?"]),
    (
        "bill_methods",
        "bill_affirm",
        ["Can I split the payment into installments?", "Any monthly payment option?"],
    ),
    (
        "order_status",
        "order_lost",
        ["It's way past the expected date though.", "The delivery date passed two weeks ago."],
    ),
    (
        "contact_phone",
        "contact_sunday",
        ["Are you open on Sundays?", "What about public holidays?"],
    ),
    (
        "contact_human",
        "contact_escalate",
        ["I already talked to someone and it didn't help.", "I did, and they couldn't fix it."],
    ),
    ("gift_range", "gift_expiry", ["Do they expire?", "Any fees on them?"]),
    ("bc_E01", "bc_E02", ["What about E02?", "And now it shows E02."]),
    (
        "price_BC-1000",
        "prod_power_station",
        ["Which one is better for an RV?", "Is there a bigger one?"],
    ),
    (
        "bc_solar",
        "prod_solar_connectors",
        ["Will the SolarFold panels plug straight in?", "What connectors do the panels have?"],
    ),
]
