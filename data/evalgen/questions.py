"""Single-file questions, one group per category. Facts are literal strings of the source file."""
# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    ACCOUNT,
    BC1000,
    BY_MODEL,
    CONTACT,
    ESCALATION,
    LOYALTY,
    PRIVACY,
    RETURNS,
    SHIPPING,
    TROUBLE,
    WARRANTY,
    money,
)

from .common import q
from .more import follow_ups, multi_file, unanswerables

S, R, W, A, C, T, M = SHIPPING, RETURNS, WARRANTY, ACCOUNT, CONTACT, TROUBLE, BC1000
SHIP, INTL, TRACK = "help/shipping-options.html", "help/international-shipping.html", "help/order-tracking.html"
RET, WH, MAN = "returns/return-policy.md", "warranty/warranty-handbook.pdf", "manuals/basecamp-bc1000-manual.pdf"
CAT, LINES_MD = "products/catalogue.csv", "products/product-lines.md"


def price(model):
    """Accepted spellings of a product price: '$49.99'/'49.99', '$1,599'/'1599'."""
    p = BY_MODEL[model].price
    return [money(p), f"{p:.2f}"]


def shipping():
    return [
        q("ship-01", "shipping", "How much does standard shipping cost?", SHIP,
          f"Standard shipping costs {money(S['standard']['price'])} and takes {S['standard']['days']}.",
          [money(S["standard"]["price"])]),
        q("ship-02", "shipping", "How much do I need to spend to get free shipping?", SHIP,
          f"Standard shipping is free on orders of {money(S['free_threshold'])} or more in the contiguous US.",
          [money(S["free_threshold"])]),
        q("ship-03", "shipping", "How fast is expedited shipping and what does it cost?", SHIP,
          f"Expedited shipping takes {S['expedited']['days']} and costs {money(S['expedited']['price'])}.",
          [S["expedited"]["days"], money(S["expedited"]["price"])]),
        q("ship-04", "shipping", "What is the cut-off time for an order to ship the same day?", SHIP,
          f"Orders placed before {S['cutoff']} on a weekday ship the same business day.", ["1 pm"]),
        q("ship-05", "shipping", "What does overnight shipping cost?", SHIP,
          f"Overnight shipping costs {money(S['overnight']['price'])}.", [money(S["overnight"]["price"])]),
        q("ship-06", "shipping", "Can the BaseCamp BC-2000 Pro be shipped overnight?", SHIP,
          "No. It has a battery over 100 Wh and ships by ground only with Standard shipping.",
          ["ground"]),
        q("ship-07", "shipping", "How much is shipping to Hawaii and how long does it take?", INTL,
          f"Hawaii gets Standard shipping only: a flat {money(S['ak_hi']['price'])}, {S['ak_hi']['days']}.",
          [money(S["ak_hi"]["price"]), S["ak_hi"]["days"]]),
        q("ship-08", "shipping", "How long does delivery to Canada take?", INTL,
          f"Orders to Canada arrive in {S['canada']['days']}.", [S["canada"]["days"]]),
        q("ship-09", "shipping", "When is shipping to Canada free?", INTL,
          f"Shipping to Canada is free on orders of {money(S['canada']['free_threshold'])} or more.",
          [money(S["canada"]["free_threshold"])]),
        q("ship-10", "shipping", "Do I have to pay import duties when my order arrives in Canada?", INTL,
          "No. GST/HST and import duties are included in the price at checkout.", ["included"]),
        q("ship-11", "shipping", "How long does delivery to an APO address take?", INTL,
          f"APO, FPO and DPO deliveries usually take {S['apo']['days']}.", [S["apo"]["days"]]),
        q("ship-12", "shipping", "Can I still cancel the order I placed a few minutes ago?", TRACK,
          f"Yes, orders can be changed or cancelled within {S['cancel_window']} of placing them, from Order History.",
          [S["cancel_window"]]),
        q("ship-13", "shipping", "When do I get my tracking number?", TRACK,
          f"A tracking link is emailed within {S['tracking_email']} of the order shipping.", [S["tracking_email"]]),
        q("ship-14", "shipping", "My parcel never arrived. When should I report it as lost?", TRACK,
          f"Contact us if it has not arrived {S['lost_report']} after the expected delivery date; we trace it and replace or refund.",
          [S["lost_report"]]),
        q("ship-15", "shipping", "My order arrived damaged. How long do I have to report it?", TRACK,
          f"Report it within {S['damaged_report']} of delivery and send photos of the item and the box.",
          [S["damaged_report"], "photos"]),
        q("ship-16", "shipping", "Which carriers do you use?", SHIP,
          f"We ship with {S['carriers']}.", ["UPS", "USPS"]),
    ]


def returns():
    return [
        q("ret-01", "returns", "How long do I have to return an item?", RET,
          f"Most items can be returned within {R['window']} of delivery.", [R["window"]]),
        q("ret-02", "returns", "Is there a restocking fee if I return an opened power station?", RET,
          f"Yes, opened BaseCamp power stations have a {R['restocking_fee']} restocking fee.",
          [R["restocking_fee"]]),
        q("ret-03", "returns", "Which products have a restocking fee when they are opened?", RET,
          "Opened BaseCamp power stations and SolarFold solar panels.", ["BaseCamp", "SolarFold"]),
        q("ret-04", "returns", "I changed my mind about a speaker. What does the return label cost?", RET,
          f"The prepaid return label costs {R['label_fee']}, deducted from the refund.", [R["label_fee"]]),
        q("ret-05", "returns", "How soon will I get my refund after you receive my return?", RET,
          f"The refund is issued within {R['refund_processing']} of receiving the return.",
          [R["refund_processing"]]),
        q("ret-06", "returns", "I got a lantern as a Christmas gift, delivered on December 10. Until when can it be returned?", RET,
          f"Items delivered between {R['holiday_start']} and {R['holiday_end']} can be returned until {R['holiday_deadline']}.",
          [R["holiday_deadline"]]),
        q("ret-07", "returns", "Which items cannot be returned?", RET,
          "Gift cards, Final Sale clearance items, downloadable map packs and engraved products.",
          ["gift card", "Final Sale"]),
        q("ret-08", "returns", "Where do I send my return?", RET,
          "To the Kestrel Returns Center in Reno, Nevada.", ["Reno"]),
        q("ret-09", "returns", "Do I have to pay for the label if I exchange an item for another color?", RET,
          "No, exchanges are free; the return label fee does not apply.", ["free"]),
        q("ret-10", "returns", "How long after starting a return do I have to ship it?", RET,
          f"Ship the return within {R['ship_within']} of starting it.", [R["ship_within"]]),
        q("ret-11", "returns", "My refund was issued but isn't on my card statement. How long can that take?", RET,
          f"The bank or card issuer may take another {R['bank_posting']}.", [R["bank_posting"]]),
    ]


def warranty():
    return [
        q("war-01", "warranty", "How long is the warranty on BaseCamp power stations?", WH,
          "BaseCamp power stations have a 36-month (3-year) warranty.", [["36 months", "36-month", "3 years", "3-year"]], page="Coverage"),
        q("war-02", "warranty", "What is the warranty period for TrailBeam headlamps?", WH,
          "TrailBeam headlamps have a 12-month warranty.", [["12 months", "12-month", "1 year", "1-year"]], page="Coverage"),
        q("war-03", "warranty", "How long are accessories like cables covered?", WH,
          "Accessories have a 6-month warranty.", [["6 months", "6-month"]], page="Coverage"),
        q("war-04", "warranty", "When is a battery considered defective under the warranty?", WH,
          "When it holds less than 70% of its rated capacity within the warranty period.", ["70%"], page="Coverage"),
        q("war-05", "warranty", "Does opening the casing affect my warranty?", WH,
          "Yes, opening the casing or attempting your own repair voids the warranty.", [["void", "voids"]],
          page="not covered"),
        q("war-06", "warranty", "After I submit a warranty claim, how soon do I hear back?", WH,
          f"Within {W['rma_reply']}, with an RMA number and a prepaid label.", [W["rma_reply"]], page="claim"),
        q("war-07", "warranty", "How long does a warranty repair take once you have my product?", WH,
          f"It is repaired or replaced within {W['repair_time']} of receipt.", [W["repair_time"]], page="claim"),
        q("war-08", "warranty", "What does Kestrel Care+ cost for a product under $200?", WH,
          "Kestrel Care+ costs $29 for products under $200.", ["$29"], page="Care+"),
        q("war-09", "warranty", "What is the service fee for an accidental damage claim under Kestrel Care+?", WH,
          f"Each accidental damage claim has a {W['care_plus_service_fee']} service fee.",
          [W["care_plus_service_fee"]], page="Care+"),
        q("war-10", "warranty", "How long after delivery can I still buy Kestrel Care+?", WH,
          f"Within {W['care_plus_buy_within']} of delivery.", [W["care_plus_buy_within"]], page="Care+"),
        q("war-11", "warranty", "How much does it cost to have an out-of-warranty product looked at?", WH,
          f"There is a {W['diagnosis_fee']} diagnosis fee, credited toward the repair.", [W["diagnosis_fee"]],
          page="outside"),
        q("war-12", "warranty", "I received a headlamp as a gift. Is it still covered by the warranty?", WH,
          "Yes, gift recipients are covered if they have a gift receipt.", ["gift receipt"], page="About"),
        q("war-13", "warranty", "How much extra warranty does Kestrel Care+ add?", WH,
          f"It adds {W['care_plus_years']} and covers accidental damage.", [["2 extra years", "two extra years"]],
          page="Care+"),
    ]


def products():
    return [
        q("prod-01", "products", "How much is the TrailBeam H300 headlamp?", CAT,
          f"The TrailBeam H300 costs {money(BY_MODEL['H300'].price)}.", [price("H300")]),
        q("prod-02", "products", "How much does the BaseCamp BC-1000 weigh?", CAT,
          "The BC-1000 weighs 11.4 kg.", ["11.4"]),
        q("prod-03", "products", "How many lumens does the TrailBeam H500 Pro give?", CAT,
          "The H500 Pro gives 800 lumens.", ["800 lumens"]),
        q("prod-04", "products", "What is the water rating of the RidgeSound RS-5?", CAT,
          "The RS-5 is rated IP67.", ["IP67"]),
        q("prod-05", "products", "What is the battery capacity of the SummitCharge PB-20?", CAT,
          "The PB-20 holds 20,000 mAh.", [["20,000 mAh", "20000 mAh"]]),
        q("prod-06", "products", "Is the TrailBeam replacement headband available?", LINES_MD,
          "No, the TrailBeam Replacement Headband is currently out of stock.", ["out of stock"]),
        q("prod-07", "products", "Which is your biggest power station?", LINES_MD,
          "The BaseCamp BC-2000 Pro, with 2,048 Wh and 2,200 W.", ["BC-2000", "2,048 Wh"]),
        q("prod-08", "products", "How much does the SolarFold SF-120 cost?", LINES_MD,
          f"The SolarFold SF-120 costs {money(BY_MODEL['SF-120'].price)}.", [money(BY_MODEL["SF-120"].price)]),
        q("prod-09", "products", "What is the battery capacity of the BC-1000?", MAN,
          f"The BC-1000 has a {M['capacity']} LiFePO4 battery.", [M["capacity"]], page="Specifications"),
        q("prod-10", "products", "What surge power can the BC-1000 handle?", MAN,
          f"It delivers {M['ac_continuous']} continuous and up to {M['ac_surge']} surge.", [M["ac_surge"]],
          page="Specifications"),
        q("prod-11", "products", "How long does the BC-1000 take to charge from a wall outlet?", MAN,
          f"0 to 80% in {M['ac_charge_80']} and full in {M['ac_charge_full']}.",
          [M["ac_charge_80"], M["ac_charge_full"]], page="Charging"),
        q("prod-12", "products", "What is the maximum solar input of the BC-1000?", MAN,
          f"Up to {M['solar_max']} at {M['solar_voltage']}.", [M["solar_max"]], page="Charging"),
        q("prod-13", "products", "After how long does Eco mode switch off the AC outlets on the BC-1000?", MAN,
          f"After {M['eco_off']} with a load under 10 W.", [M["eco_off"]], page="outputs"),
        q("prod-14", "products", "How fast does the BC-1000 switch to battery in UPS mode?", MAN,
          f"Within {M['ups_switch']}.", [M["ups_switch"]], page="outputs"),
        q("prod-15", "products", "How should I store my BC-1000 when I'm not using it?", MAN,
          f"Keep it at {M['storage_charge']} charge and recharge it {M['storage_recharge']}.",
          [M["storage_charge"], M["storage_recharge"]], page="storage"),
        q("prod-16", "products", "What cables come in the box with the BC-1000?", MAN,
          "An AC charging cable, a 12 V car charging cable and a solar cable (MC4 to XT60).",
          ["car charging cable", "MC4 to XT60"], page="Welcome"),
    ]


def account():
    D, L = "accounts/billing-and-payments.docx", "loyalty/trail-rewards.docx"
    PW, MA = "help/password-and-sign-in.html", "help/managing-your-account.html"
    return [
        q("acct-01", "account", "How long is the password reset link valid?", PW,
          f"The link is valid for {A['reset_link_valid']} and works once.", [A["reset_link_valid"]]),
        q("acct-02", "account", "Why am I locked out of my account, and for how long?", PW,
          f"After {A['lockout_attempts']} failed attempts the account is locked for {A['lockout_minutes']}.",
          [A["lockout_minutes"]]),
        q("acct-03", "account", "How long does my new password need to be?", PW,
          f"At least {A['password_min']}.", [A["password_min"]]),
        q("acct-04", "account", "Can I pay with PayPal?", D, "Yes, PayPal is accepted.", ["PayPal"]),
        q("acct-05", "account", "Do you accept cryptocurrency?", D,
          "No, cash on delivery, checks, bank transfers and cryptocurrency are not accepted.", ["cryptocurrency"]),
        q("acct-06", "account", "When is my card actually charged?", D,
          "An authorisation hold is placed at ordering; the card is charged when the order ships.", ["ships"]),
        q("acct-07", "account", "Where can I download an invoice for my order?", D,
          "Invoices are emailed when the order ships and can be downloaded from Order History.", ["Order History"]),
        q("acct-08", "account", "Can I pay in monthly instalments?", D,
          f"Yes, with Affirm on orders of {A['affirm_minimum']} or more, over {A['affirm_terms']}.",
          [A["affirm_minimum"]]),
        q("acct-09", "account", "The price dropped a week after I bought my speaker. Can I get the difference back?", D,
          f"Yes, if the price drops within {A['price_adjust_days']} of purchase we refund the difference once.",
          [A["price_adjust_days"]]),
        q("acct-10", "account", "My payment failed. What happens to my order?", D,
          f"The order is held for {A['payment_hold']} so you can update your card, then cancelled.",
          [A["payment_hold"]]),
        q("acct-11", "account", "How many Trail Rewards points do I earn per dollar?", L,
          f"{LOYALTY['earn']} spent on products.", [LOYALTY["earn"]]),
        q("acct-12", "account", "How much are 100 reward points worth?", L,
          "100 points are worth $5 off an order.", ["$5"]),
        q("acct-13", "account", "How many points do I need for the Summit tier?", L,
          "1,500 points or more earned in 12 months.", ["1,500 points"]),
        q("acct-14", "account", "Do my reward points expire?", L,
          f"Yes, {LOYALTY['expiry']} after the date you earned them.", [LOYALTY["expiry"]]),
        q("acct-15", "account", "Do I get anything for my birthday in Trail Rewards?", L,
          f"Yes, {LOYALTY['birthday_bonus']} in your birthday month.", [LOYALTY["birthday_bonus"]]),
        q("acct-16", "account", "How do I delete my account and how long does it take?", MA,
          f"Email {C['privacy_email']}; the account is deleted within {A['deletion_days']}.",
          [C["privacy_email"], A["deletion_days"]]),
        q("acct-17", "account", "How long do you keep my chat transcripts?", "policies/privacy-policy.txt",
          f"Chat transcripts are kept for {PRIVACY['chat_retention']}.", [PRIVACY["chat_retention"]]),
        q("acct-18", "account", "Do you sell my personal information?", "policies/privacy-policy.txt",
          "No, Kestrel does not sell or rent personal information.", [["do not sell", "does not sell", "don't sell", "never sell"]]),
        q("acct-19", "account", "What amounts are gift cards available in?", "help/gift-cards.html",
          f"From {A['gift_card_range'][0]} to {A['gift_card_range'][1]}.", list(A["gift_card_range"])),
        q("acct-20", "account", "Do gift cards expire?", "help/gift-cards.html",
          "No, gift cards never expire and have no fees.", ["never expire"]),
        q("acct-21", "account", "How old do I have to be to place an order?", "policies/terms-of-sale.txt",
          f"At least {A['min_age']} years old.", [str(A["min_age"])]),
        q("acct-22", "account", "How many of the same model can I buy in one order?", "policies/terms-of-sale.txt",
          f"Up to {A['order_limit']} units of any one model per order.", [f"{A['order_limit']} units"]),
    ]


def troubleshooting():
    TB, RS, SF = "troubleshooting/trailbeam-headlamps.md", "troubleshooting/ridgesound-speakers.md", "troubleshooting/solarfold-panels.md"
    PB, PC, RR = "troubleshooting/summitcharge-power-banks.txt", "troubleshooting/peakcam-cameras.txt", "troubleshooting/ridgeline-radios.txt"
    TV = "help/trailview-gps-troubleshooting.html"
    t = T
    return [
        q("trb-01", "troubleshooting", "My headlamp blinks twice and won't turn on. What do I do?", TB,
          f"It is in lock mode: hold the power button for {t['TrailBeam']['unlock']} to unlock it.",
          [t["TrailBeam"]["unlock"]]),
        q("trb-02", "troubleshooting", "How do I reset a TrailBeam headlamp?", TB,
          f"Hold the power and mode buttons together for {t['TrailBeam']['reset']}.", [t["TrailBeam"]["reset"]]),
        q("trb-03", "troubleshooting", "How long does the H300 last on high?", TB,
          f"{t['TrailBeam']['h300_runtime_high']} on high and {t['TrailBeam']['h300_runtime_low']} on low.",
          [t["TrailBeam"]["h300_runtime_high"]]),
        q("trb-04", "troubleshooting", "How do I pair my RidgeSound speaker with my phone?", RS,
          f"Hold the Bluetooth button for {t['RidgeSound']['pair_hold']} until the light flashes blue, then select it on the phone.",
          [t["RidgeSound"]["pair_hold"]]),
        q("trb-05", "troubleshooting", "How do I reset a RidgeSound speaker?", RS,
          f"Hold power and volume down together for {t['RidgeSound']['reset']}.", [t["RidgeSound"]["reset"]]),
        q("trb-06", "troubleshooting", "How long does the PB-20 take to recharge?", PB,
          f"{t['SummitCharge']['pb20_recharge']} with a {t['SummitCharge']['pb20_charger']} USB-C charger.",
          [t["SummitCharge"]["pb20_recharge"]]),
        q("trb-07", "troubleshooting", "All four LEDs on my power bank are blinking. What does that mean?", PB,
          f"It is too hot or too cold; disconnect it and let it rest for {t['SummitCharge']['cool']}.",
          [t["SummitCharge"]["cool"]]),
        q("trb-08", "troubleshooting", "How do I reset a SummitCharge power bank?", PB,
          f"Hold the power button for {t['SummitCharge']['reset']}.", [t["SummitCharge"]["reset"]]),
        q("trb-09", "troubleshooting", "At what angle should I set up my SolarFold panel?", SF,
          f"Tilt it {t['SolarFold']['angle']} toward the sun.", [t["SolarFold"]["angle"]]),
        q("trb-10", "troubleshooting", "How much power does a solar panel give when it's cloudy?", SF,
          f"About {t['SolarFold']['cloudy']} of its rating.", [t["SolarFold"]["cloudy"]]),
        q("trb-11", "troubleshooting", "My TrailView can't find a GPS signal. How long should the first fix take?", TV,
          f"Up to {t['TrailView']['first_fix']} outdoors with a clear view of the sky.", [t["TrailView"]["first_fix"]]),
        q("trb-12", "troubleshooting", "My TrailView screen is frozen. How do I restart it?", TV,
          f"Hold the power button for {t['TrailView']['soft_reset']}.", [t["TrailView"]["soft_reset"]]),
        q("trb-13", "troubleshooting", "What memory card should I use in my PeakCam?", PC,
          f"A {t['PeakCam']['card']} card of up to {t['PeakCam']['card_max']}.",
          [t["PeakCam"]["card"], t["PeakCam"]["card_max"]]),
        q("trb-14", "troubleshooting", "My PeakCam stops recording after a while at top resolution. Why?", PC,
          f"It overheats after about {t['PeakCam']['hot_limit']} in still air and stops to protect itself.",
          [t["PeakCam"]["hot_limit"]]),
        q("trb-15", "troubleshooting", "My two Ridgeline radios can't hear each other. What should I check?", RR,
          "Both radios must be on the same channel and the same privacy code.", ["channel", "privacy code"]),
        q("trb-16", "troubleshooting", "What is the range of the Ridgeline RR-5?", RR,
          f"Up to {t['Ridgeline']['rr5_range']} with a clear line of sight.", [t["Ridgeline"]["rr5_range"]]),
        q("trb-17", "troubleshooting", "My BC-1000 shows error E01. What does it mean?", MAN,
          "Output overload: the devices draw more than 1,000 W; unplug some and press the AC button.",
          [["overload", "more than 1,000 W"]], page="error codes"),
    ]


def contact():
    ESC = "support/escalation.md"
    return [
        q("con-01", "contact", "What is your customer service phone number?", "help/contact-us.html",
          f"Call {C['phone']}.", [C["phone"]]),
        q("con-02", "contact", "Is phone support open on Saturdays?", "help/contact-us.html",
          f"Yes, {C['phone_hours_saturday']}.", ["9 am to 5 pm"]),
        q("con-03", "contact", "What are the live chat hours?", "help/contact-us.html",
          f"Live chat is open {C['chat_hours']}.", ["7 am to 11 pm"]),
        q("con-04", "contact", "How quickly do you answer emails?", "help/contact-us.html",
          f"Within {C['email_reply']}.", [C["email_reply"]]),
        q("con-05", "contact", "The agent couldn't fix my problem. How do I escalate it?", ESC,
          f"Ask for escalation; the specialist team contacts you within {ESCALATION['tier2_reply']}.",
          [ESCALATION["tier2_reply"]]),
        q("con-06", "contact", "How do I file a formal complaint?", ESC,
          f"Email the customer-care manager at {C['care_manager_email']}; they reply within {ESCALATION['manager_reply']}.",
          [C["care_manager_email"]]),
        q("con-07", "contact", "My power bank is swelling. What should I do?", ESC,
          f"Stop using it, move it away from anything flammable and call {C['phone']}, option 1.",
          ["option 1"]),
        q("con-08", "contact", "What do Kestrel case numbers look like?", ESC,
          f"They start with {C['case_prefix']} followed by six digits.", [C["case_prefix"]]),
        q("con-09", "contact", "Can I reach someone on a Sunday?", "help/contact-us.html",
          "Phone support is closed on Sundays, but live chat is open every day.", [["live chat", "chat"]]),
    ]


def all_questions():
    return (shipping() + returns() + warranty() + products() + account() + troubleshooting()
            + contact() + multi_file() + follow_ups() + unanswerables())
