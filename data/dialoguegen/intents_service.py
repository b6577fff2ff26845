"""Intents about orders, shipping, returns, accounts, billing, rewards, gift cards and contact."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import ACCOUNT, CONTACT, ESCALATION, LOYALTY, PRIVACY, RETURNS, SHIPPING, money

from .intent import intent

S, R, A, C, E, L = SHIPPING, RETURNS, ACCOUNT, CONTACT, ESCALATION, LOYALTY
SHIP, INTL, TRACK = (
    "help/shipping-options.html",
    "help/international-shipping.html",
    "help/order-tracking.html",
)
RET, PW, MA = (
    "returns/return-policy.md",
    "help/password-and-sign-in.html",
    "help/managing-your-account.html",
)
BILL, LOY, GIFT = (
    "accounts/billing-and-payments.docx",
    "loyalty/trail-rewards.docx",
    "help/gift-cards.html",
)
ESC, CON = "support/escalation.md", "help/contact-us.html"
std, exp, ovn = (S[k] for k in ("standard", "expedited", "overnight"))


def shipping():
    return [
        intent(
            "ship_standard",
            "shipping",
            [
                "What do you charge for regular shipping?",
                "How much is standard delivery?",
                "What's the shipping fee on a normal order?",
                "How much will it cost to ship my order the cheapest way?",
                "Standard shipping price?",
            ],
            [
                f"Standard shipping costs {money(std['price'])} and takes {std['days']}.",
                f"It's {money(std['price'])} for Standard shipping, which arrives in {std['days']}.",
            ],
            [money(std["price"]), std["days"]],
            SHIP,
            anchor=money(std["price"]),
            extra=[f"It's free on orders of {money(S['free_threshold'])} or more."],
        ),
        intent(
            "ship_free",
            "shipping",
            [
                "Do you offer free shipping?",
                "Is there a minimum for free delivery?",
                "How much do I have to spend so shipping is free?",
                "When do I get free shipping?",
                "Is shipping ever free?",
            ],
            [
                f"Yes, Standard shipping is free when your order subtotal is {money(S['free_threshold'])} or more after discounts and before tax, within the contiguous United States.",
                f"Standard shipping is free on orders of {money(S['free_threshold'])} or more (after discounts, before tax) in the contiguous US.",
            ],
            [money(S["free_threshold"])],
            SHIP,
            anchor="Standard shipping is free when",
        ),
        intent(
            "ship_expedited",
            "shipping",
            [
                "How much is expedited shipping?",
                "I need it faster, what does 2-day shipping cost?",
                "What are the costs for express shipping?",
                "Do you have a faster option than standard, and how much is it?",
                "How quick is expedited delivery?",
            ],
            [
                f"Expedited shipping takes {exp['days']} and costs {money(exp['price'])}.",
                f"Expedited shipping is {money(exp['price'])} and arrives in {exp['days']}.",
            ],
            [money(exp["price"]), exp["days"]],
            SHIP,
            anchor=money(exp["price"]),
        ),
        intent(
            "ship_overnight",
            "shipping",
            [
                "Do you offer next-day delivery?",
                "How much is overnight shipping?",
                "Can I get it tomorrow? What does that cost?",
                "What's the price for overnight delivery?",
            ],
            [
                f"Yes, Overnight shipping arrives the next business day and costs {money(ovn['price'])}.",
                f"Overnight shipping costs {money(ovn['price'])} for delivery the next business day.",
            ],
            [money(ovn["price"])],
            SHIP,
            anchor=money(ovn["price"]),
            extra=[f"Place the order before {S['cutoff']} on a business day."],
        ),
        intent(
            "ship_cutoff",
            "shipping",
            [
                "If I order today, will it ship today?",
                "What's the latest I can order for same-day dispatch?",
                "When do orders ship out?",
                "Is there a cut-off time for orders to go out the same day?",
            ],
            [
                f"Orders placed before {S['cutoff']}, Monday to Friday, ship the same business day; later orders ship within {S['processing']}.",
                f"If you order before {S['cutoff']} on a weekday, it ships the same business day. Otherwise it ships within {S['processing']}.",
            ],
            ["1 pm"],
            SHIP,
            anchor="ship the same business day",
        ),
        intent(
            "ship_ground_only",
            "shipping",
            [
                "Can I get my BaseCamp BC-1000 shipped overnight?",
                "Why can't I choose express shipping for the BC-2000 Pro?",
                "Can you send a BC-1000 to Hawaii?",
                "Is expedited shipping available for the big power stations?",
            ],
            [
                "The BC-1000 and BC-2000 Pro have batteries larger than 100 Wh, so they ship by ground only, with Standard shipping within the contiguous US.",
                "No, sorry. The BaseCamp BC-1000 and BC-2000 Pro ship by ground only (Standard shipping within the contiguous US) because their batteries are larger than 100 Wh.",
            ],
            ["ground only", "Standard"],
            SHIP,
            anchor="ground only",
        ),
        intent(
            "ship_po_box",
            "shipping",
            [
                "Can you ship to a PO box?",
                "Do you deliver to post office boxes?",
                "I only have a PO box, is that OK?",
            ],
            [
                "Yes, we deliver to PO boxes with Standard shipping through USPS. Expedited and Overnight need a street address.",
                "We can ship to a PO box using Standard shipping via USPS; faster options need a street address.",
            ],
            ["Standard", "USPS"],
            SHIP,
            anchor="PO boxes with Standard",
            n=1,
        ),
        intent(
            "ship_ak_hi",
            "shipping",
            [
                "Do you ship to Alaska?",
                "How much is delivery to Hawaii?",
                "How long does shipping to Anchorage take?",
                "What does shipping cost to Honolulu?",
            ],
            [
                f"Yes, Alaska and Hawaii get Standard shipping only: a flat {money(S['ak_hi']['price'])}, arriving in {S['ak_hi']['days']}.",
                f"We ship to Alaska and Hawaii with Standard shipping for a flat {money(S['ak_hi']['price'])}; delivery takes {S['ak_hi']['days']}.",
            ],
            [money(S["ak_hi"]["price"]), S["ak_hi"]["days"]],
            INTL,
            anchor=money(S["ak_hi"]["price"]),
        ),
        intent(
            "ship_canada",
            "shipping",
            [
                "Do you deliver to Canada?",
                "How much is shipping to Toronto?",
                "What does it cost to ship to Canada and how long?",
                "I'm in Vancouver, can I order from you?",
            ],
            [
                f"Yes! Orders to Canada arrive in {S['canada']['days']}. Shipping costs {money(S['canada']['price'])}, or is free on orders of {money(S['canada']['free_threshold'])} or more.",
                f"We ship to Canada for {money(S['canada']['price'])} (free on orders of {money(S['canada']['free_threshold'])} or more), and delivery takes {S['canada']['days']}.",
            ],
            [money(S["canada"]["price"]), S["canada"]["days"]],
            INTL,
            anchor=money(S["canada"]["price"]),
        ),
        intent(
            "ship_canada_duties",
            "shipping",
            [
                "Will I get charged customs fees in Canada?",
                "Are duties extra for Canadian orders?",
                "Do I pay GST when the parcel arrives in Canada?",
            ],
            [
                "No, GST/HST and import duties are included in the price at checkout, so there is nothing to pay on delivery.",
                "There's nothing extra to pay on arrival: GST/HST and import duties are included in the price at checkout.",
            ],
            ["included"],
            INTL,
            anchor="import duties are included",
            n=1,
        ),
        intent(
            "ship_other_countries",
            "shipping",
            [
                "Do you ship to the UK?",
                "Can I order from Germany?",
                "Do you deliver to Australia?",
                "Can you ship to Mexico?",
                "Is international shipping available to Europe?",
            ],
            [
                "At the moment we only ship to the United States and Canada.",
                "Sorry, we currently ship only to the United States and Canada.",
            ],
            ["United States and Canada"],
            INTL,
            anchor="only ship to the United States and Canada",
        ),
        intent(
            "ship_apo",
            "shipping",
            [
                "Do you ship to APO addresses?",
                "Can I send an order to a military base overseas (FPO)?",
                "How long does shipping take to a DPO address?",
            ],
            [
                f"Yes, we ship to APO, FPO and DPO addresses through USPS. Delivery usually takes {S['apo']['days']}."
            ],
            [S["apo"]["days"]],
            INTL,
            anchor=S["apo"]["days"],
            n=1,
        ),
    ]


def orders():
    return [
        intent(
            "order_status",
            "order status",
            [
                "Where is my order?",
                "How can I track my package?",
                "I ordered on Monday, how do I see where it is?",
                "Can you tell me the status of my order 58213?",
                "I haven't received a tracking number yet.",
            ],
            [
                f"We email you a tracking link within {S['tracking_email']} of your order shipping. You can also sign in and open Order History to see it.",
                f"You'll get a tracking link by email within {S['tracking_email']} of the order shipping, and the status is always in Order History in your account.",
            ],
            [S["tracking_email"], "Order History"],
            TRACK,
            anchor="tracking link within",
            n=3,
        ),
        intent(
            "order_cancel",
            "order status",
            [
                "I want to cancel my order.",
                "Can I change the shipping address on my order?",
                "I made a mistake in my order, can I still edit it?",
                "How do I cancel an order I just placed?",
            ],
            [
                f"You can change the address or cancel an order within {S['cancel_window']} of placing it, from Order History. After that it's already being packed.",
                f"Orders can be changed or cancelled within {S['cancel_window']} of placing them, in Order History. After that, you can refuse the delivery or return the items.",
            ],
            [S["cancel_window"]],
            TRACK,
            anchor=f"within {S['cancel_window']} of placing",
        ),
        intent(
            "order_lost",
            "order status",
            [
                "My package never showed up.",
                "Tracking hasn't moved in a week and my parcel is late.",
                "I think my parcel is lost. What can you do?",
                "My order still hasn't arrived, it was due last week.",
            ],
            [
                f"If your parcel hasn't arrived {S['lost_report']} after the expected delivery date, contact us and we'll open a trace with the carrier. If it can't be found, we send a replacement or refund you in full.",
                f"Please contact us once it's {S['lost_report']} past the expected delivery date. We open a carrier trace and, if the parcel is lost, send a replacement or a full refund.",
            ],
            [S["lost_report"]],
            TRACK,
            anchor=S["lost_report"],
        ),
        intent(
            "order_damaged",
            "order status",
            [
                "My headlamp arrived broken.",
                "The box was crushed and the speaker is damaged.",
                "What do I do if my order arrives damaged?",
                "The solar panel came cracked.",
            ],
            [
                f"I'm sorry about that! Tell us within {S['damaged_report']} of delivery and send photos of the item and the box. We'll send a replacement right away.",
                f"Please report it within {S['damaged_report']} of delivery with photos of the item and the box, and we'll ship a replacement straight away.",
            ],
            [S["damaged_report"], "photos"],
            TRACK,
            anchor=S["damaged_report"],
        ),
    ]


def returns():
    return [
        intent(
            "ret_window",
            "returns and refunds",
            [
                "What's your return policy?",
                "How many days do I have to send something back?",
                "Can I still return a lantern I bought three weeks ago?",
                "What is the time limit on returns?",
                "I changed my mind about my purchase. Can I return it?",
            ],
            [
                f"You can return most items within {R['window']} of delivery for a full refund or an exchange.",
                f"Most items can be returned within {R['window']} of delivery, for a refund or an exchange.",
            ],
            [R["window"]],
            RET,
            anchor=R["window"],
            n=3,
        ),
        intent(
            "ret_restock",
            "returns and refunds",
            [
                "Is there a restocking fee?",
                "I opened my BaseCamp power station, can I still return it for free?",
                "Do you charge anything to return an opened solar panel?",
                "Will I get my full money back if I've opened the box?",
            ],
            [
                f"Opened BaseCamp power stations and SolarFold solar panels have a {R['restocking_fee']} restocking fee. Unopened items, defective items and other product lines have no restocking fee.",
                f"Only opened BaseCamp power stations and SolarFold panels carry a {R['restocking_fee']} restocking fee, taken from the refund.",
            ],
            [R["restocking_fee"]],
            RET,
            anchor=R["restocking_fee"],
            grounded=[
                f"Opened BaseCamp power stations and SolarFold solar panels have a {R['restocking_fee']} restocking fee, taken from the refund."
            ],
        ),
        intent(
            "ret_label",
            "returns and refunds",
            [
                "Do I have to pay for return shipping?",
                "Is the return label free?",
                "How much does it cost to send an item back?",
                "Who pays for return postage?",
            ],
            [
                f"If you changed your mind, our prepaid return label costs {R['label_fee']}, deducted from your refund, or you can use your own carrier.",
                f"For a change-of-mind return, you can use our prepaid label for {R['label_fee']} (taken from the refund) or ship it yourself with any carrier.",
            ],
            [R["label_fee"]],
            RET,
            anchor=R["label_fee"],
            extra=["If the item is defective or we sent the wrong thing, the label is free."],
        ),
        intent(
            "ret_defective",
            "returns and refunds",
            [
                "The item is faulty. Do I pay for the return?",
                "You sent me the wrong product, how do I send it back?",
                "My speaker arrived defective, do I need to pay return shipping?",
            ],
            [
                "No. If the item is defective, damaged in transit or not what you ordered, we email you a free prepaid return label.",
                "For a defective, damaged or wrong item we send you a free prepaid return label.",
            ],
            ["free prepaid return label"],
            RET,
            anchor="free prepaid return label",
            n=1,
        ),
        intent(
            "ret_refund_time",
            "returns and refunds",
            [
                "How long does a refund take?",
                "When will I get my money back?",
                "I sent my return last week, when do I get refunded?",
                "How quickly do you process refunds?",
            ],
            [
                f"We issue the refund within {R['refund_processing']} of receiving your return at our returns center, and you'll get an email when it's done.",
                f"Refunds are issued within {R['refund_processing']} of your return arriving at our returns center.",
            ],
            [R["refund_processing"]],
            RET,
            anchor=R["refund_processing"],
            extra=[f"Your bank may take another {R['bank_posting']} to show it."],
        ),
        intent(
            "ret_bank",
            "returns and refunds",
            [
                "You said my refund was issued but I don't see it on my card.",
                "Why isn't the refund on my statement yet?",
            ],
            [
                f"Refunds go back to the original payment method, and your bank or card issuer may take another {R['bank_posting']} to show it."
            ],
            [R["bank_posting"]],
            RET,
            anchor=R["bank_posting"],
            n=1,
        ),
        intent(
            "ret_holiday",
            "returns and refunds",
            [
                "Can I return a Christmas present?",
                "Is there an extended return period for holiday gifts?",
                "I got a speaker as a holiday gift in December. Until when can I return it?",
            ],
            [
                f"Yes. Items delivered between {R['holiday_start']} and {R['holiday_end']} can be returned until {R['holiday_deadline']} of the following year."
            ],
            [R["holiday_deadline"]],
            RET,
            anchor=R["holiday_deadline"],
        ),
        intent(
            "ret_how",
            "returns and refunds",
            [
                "How do I start a return?",
                "What are the steps to return something?",
                "How do I send back an item I don't want?",
                "Where do I go to return my order?",
            ],
            [
                "Sign in, open Order History, select the order and choose Start a return. Pick the items and the reason, print the label and drop the parcel off with UPS or USPS.",
                "Go to Order History, select the order and choose Start a return, then print the label, pack the item in its original box and drop it off with UPS or USPS.",
            ],
            ["Start a return"],
            RET,
            anchor="choose Start a return",
        ),
        intent(
            "ret_final_sale",
            "returns and refunds",
            [
                "Can I return a gift card?",
                "Are there items I can't return?",
                "Can I return a clearance item?",
            ],
            [
                "Gift cards, clearance items marked Final Sale, downloadable map packs and engraved or personalised products can't be returned."
            ],
            ["Final Sale"],
            RET,
            anchor="Final Sale",
            n=1,
        ),
        intent(
            "ret_exchange",
            "returns and refunds",
            [
                "Can I swap my speaker for a different color?",
                "How do exchanges work?",
                "Is there a fee to exchange an item?",
            ],
            [
                "Start a return and choose Exchange. We ship the new item as soon as the carrier scans your return, and exchanges are free."
            ],
            ["Exchange", "free"],
            RET,
            anchor="choose Exchange",
        ),
        intent(
            "ret_refund_method",
            "returns and refunds",
            [
                "Will my refund go back to my credit card?",
                "How is my refund paid if I used a gift card?",
            ],
            [
                "Refunds go back to the original payment method. Orders paid with a Kestrel gift card are refunded to a new gift card."
            ],
            ["original payment method"],
            RET,
            anchor="original payment method",
            n=1,
        ),
    ]


def account():
    return [
        intent(
            "acct_password",
            "account and billing",
            [
                "I forgot my password.",
                "How do I reset my password?",
                "I can't remember my login password, help!",
                "How can I change my password if I can't sign in?",
            ],
            [
                f"Select Sign in, then Forgot password, and enter your account email. The reset link we send is valid for {A['reset_link_valid']}; then choose a new password of at least {A['password_min']}.",
                f"Use Forgot password on the sign-in page. We email you a link that is valid for {A['reset_link_valid']} and can be used once.",
            ],
            [A["reset_link_valid"]],
            PW,
            anchor=A["reset_link_valid"],
            n=3,
        ),
        intent(
            "acct_locked",
            "account and billing",
            [
                "My account says it's locked.",
                "I typed the wrong password too many times, now what?",
                "How long is my account locked for?",
                "Can you unlock my account?",
            ],
            [
                f"After {A['lockout_attempts']} failed sign-in attempts in a row, the account is locked for {A['lockout_minutes']}. Wait, then try again or reset your password.",
                f"It's a safety lock: after {A['lockout_attempts']} failed attempts the account locks for {A['lockout_minutes']}, and agents can't unlock it early.",
            ],
            [A["lockout_minutes"]],
            PW,
            anchor=A["lockout_minutes"],
        ),
        intent(
            "acct_2fa",
            "account and billing",
            [
                "How do I turn on two-factor authentication?",
                "Can I add 2-step verification to my account?",
            ],
            [
                "Turn on two-step verification under Account Settings, Security. You'll need an authenticator app, and keep the ten recovery codes we show you."
            ],
            ["authenticator app"],
            PW,
            anchor="authenticator app",
            n=1,
        ),
        intent(
            "acct_email",
            "account and billing",
            [
                "How do I change the email on my account?",
                "I have a new email address, how do I update it?",
            ],
            [
                "Under Account Settings, Profile, enter the new address and your password. We send a confirmation link to the new address and the change takes effect once you select it."
            ],
            ["confirmation link"],
            PW,
            anchor="confirmation link",
            n=1,
        ),
        intent(
            "acct_delete",
            "account and billing",
            [
                "How do I delete my account?",
                "Please close my Kestrel account.",
                "I want my account removed.",
            ],
            [
                f"Email {C['privacy_email']} from the address on the account. We confirm the request and delete the account within {A['deletion_days']}."
            ],
            [C["privacy_email"], A["deletion_days"]],
            MA,
            anchor=A["deletion_days"],
            extra=[
                "Redeem any Trail Rewards points first, because they are lost when the account closes."
            ],
        ),
        intent(
            "bill_methods",
            "account and billing",
            [
                "What payment methods do you take?",
                "Can I pay with Apple Pay?",
                "Do you accept American Express?",
                "Which cards can I use?",
            ],
            [
                "We accept Visa, Mastercard, American Express, Discover, PayPal, Apple Pay, Google Pay and Kestrel gift cards.",
                "You can pay with Visa, Mastercard, American Express, Discover, PayPal, Apple Pay, Google Pay or a Kestrel gift card.",
            ],
            ["PayPal", "Apple Pay"],
            "faq.md",
            anchor="Discover, PayPal",
        ),
        intent(
            "bill_not_accepted",
            "account and billing",
            ["Can I pay with Bitcoin?", "Do you accept checks?", "Can I pay cash on delivery?"],
            ["Sorry, we don't accept cash on delivery, checks, bank transfers or cryptocurrency."],
            ["cryptocurrency"],
            BILL,
            anchor="cryptocurrency",
            n=1,
        ),
        intent(
            "bill_when_charged",
            "account and billing",
            [
                "When will my card be charged?",
                "Why do I see a pending charge on my card?",
                "Do you charge when I order or when it ships?",
            ],
            [
                "We place a temporary authorisation hold when you order, and the card is charged only when the order ships.",
                "The card is charged when the order ships; at checkout there's only a temporary authorisation hold.",
            ],
            ["ships"],
            BILL,
            anchor="charged only when the order ships",
        ),
        intent(
            "bill_invoice",
            "account and billing",
            [
                "How do I get an invoice?",
                "I need a receipt for my order.",
                "Where can I download my invoice?",
            ],
            [
                f"A PDF invoice is emailed when your order ships, and you can download invoices from Order History for orders from the last {A['order_history_years']}."
            ],
            ["Order History"],
            BILL,
            anchor="PDF invoice is emailed",
        ),
        intent(
            "bill_affirm",
            "account and billing",
            [
                "Can I pay in installments?",
                "Do you offer financing?",
                "Is there a buy now pay later option?",
            ],
            [
                f"Yes, on orders of {A['affirm_minimum']} or more you can choose Affirm at checkout and pay over {A['affirm_terms']}."
            ],
            [A["affirm_minimum"], A["affirm_terms"]],
            BILL,
            anchor=A["affirm_terms"],
        ),
        intent(
            "bill_price_adjust",
            "account and billing",
            [
                "The price went down right after I bought it. Can I get the difference?",
                "Do you do price adjustments?",
                "Do you price match?",
            ],
            [
                f"If our price drops within {A['price_adjust_days']} of your purchase, contact us and we'll refund the difference once per item."
            ],
            [A["price_adjust_days"]],
            BILL,
            anchor=A["price_adjust_days"],
        ),
        intent(
            "bill_failed",
            "account and billing",
            [
                "My payment was declined, what happens now?",
                "My card failed, is my order cancelled?",
            ],
            [
                f"We email you and hold the order for {A['payment_hold']} so you can update your card. After that, the order is cancelled."
            ],
            [A["payment_hold"]],
            BILL,
            anchor=A["payment_hold"],
            n=1,
        ),
        intent(
            "bill_tax_id",
            "account and billing",
            ["Can I put my company name on the invoice?", "I need our tax ID on invoices."],
            [
                "Business customers can add a company name and tax ID under Account Settings, Billing; they appear on every invoice issued afterwards."
            ],
            ["Account Settings"],
            BILL,
            anchor="tax ID under Account Settings",
            n=1,
        ),
    ]


def rewards_and_gifts():
    return [
        intent(
            "loy_earn",
            "loyalty",
            [
                "How do reward points work?",
                "How many points do I get per purchase?",
                "How do I earn Trail Rewards points?",
            ],
            [
                f"You earn {L['earn']} spent on products. Points aren't earned on shipping, taxes, gift cards or Kestrel Care+ plans."
            ],
            [L["earn"]],
            LOY,
            anchor="spent on products",
        ),
        intent(
            "loy_redeem",
            "loyalty",
            [
                "How much are my points worth?",
                "How do I use my reward points?",
                "Can I spend my points at checkout?",
            ],
            [f"At checkout you redeem points in steps of 100: {L['redeem']} off your order."],
            ["$5"],
            LOY,
            anchor="steps of 100",
        ),
        intent(
            "loy_tiers",
            "loyalty",
            [
                "What are the Trail Rewards tiers?",
                "How do I reach Summit status?",
                "What do I get at the Ridge tier?",
            ],
            [
                "There are three tiers: Trailhead (0 to 499 points, 1 point per $1), Ridge (500 to 1,499 points, 1.25 points per $1 and free expedited shipping) and Summit (1,500 points or more, 1.5 points per $1, free expedited shipping and early access)."
            ],
            ["1,500 points", "1.25 points per $1"],
            LOY,
            anchor="Summit",
        ),
        intent(
            "loy_expiry",
            "loyalty",
            ["Do my points expire?", "How long are reward points valid?"],
            [f"Points expire {L['expiry']} after the date you earned them."],
            [L["expiry"]],
            LOY,
            anchor=L["expiry"],
        ),
        intent(
            "loy_bonus",
            "loyalty",
            ["Do I get anything on my birthday?", "Is there a referral bonus?"],
            [
                f"You get {L['birthday_bonus']} in your birthday month, and a {L['referral_credit']} credit for you and your friend when someone you refer makes a first order."
            ],
            [L["birthday_bonus"], L["referral_credit"]],
            LOY,
            anchor=L["birthday_bonus"],
        ),
        intent(
            "loy_join",
            "loyalty",
            ["How do I join the rewards program?", "Is Trail Rewards free?"],
            [
                f"It's free: create an account and tick Join Trail Rewards. You get {L['join_bonus']} as a welcome bonus."
            ],
            [L["join_bonus"]],
            LOY,
            anchor="welcome bonus",
            n=1,
        ),
        intent(
            "gift_range",
            "gift cards",
            [
                "What values do gift cards come in?",
                "Can I buy a $100 gift card?",
                "Do you sell e-gift cards?",
            ],
            [
                f"Gift cards are available from {A['gift_card_range'][0]} to {A['gift_card_range'][1]}, as a plastic card shipped free or as an e-gift card emailed on the date you choose."
            ],
            list(A["gift_card_range"]),
            GIFT,
            anchor=A["gift_card_range"][1],
        ),
        intent(
            "gift_expiry",
            "gift cards",
            ["Do your gift cards expire?", "Are there fees on gift cards?"],
            ["Gift cards never expire and have no fees of any kind."],
            ["never expire"],
            GIFT,
            anchor="never expire",
        ),
        intent(
            "gift_lost",
            "gift cards",
            ["I lost my gift card.", "Can you replace a gift card I misplaced?"],
            [
                "Contact us with the order number it was bought with, and we'll cancel it and issue a new card for the remaining balance."
            ],
            ["order number"],
            GIFT,
            anchor="If you lose a gift card",
            n=1,
        ),
        intent(
            "priv_sell",
            "privacy",
            ["Do you sell my data?", "Will you share my information with advertisers?"],
            [
                "No. We do not sell or rent your personal information; we share it only with companies that help run the business, such as carriers and payment processors."
            ],
            ["do not sell"],
            "policies/privacy-policy.txt",
            anchor="do not sell",
        ),
        intent(
            "priv_retention",
            "privacy",
            ["How long do you keep my chat history?", "Do you store my support emails?"],
            [f"Chat transcripts and support emails are kept for {PRIVACY['chat_retention']}."],
            [PRIVACY["chat_retention"]],
            "policies/privacy-policy.txt",
            anchor=PRIVACY["chat_retention"],
            n=1,
        ),
    ]


def contact():
    return [
        intent(
            "contact_phone",
            "contact and escalation",
            [
                "What's your phone number?",
                "How can I call you?",
                "When is your phone line open?",
                "What are your customer service hours?",
            ],
            [
                f"You can call us on {C['phone']}, {C['phone_hours_weekday']}, and {C['phone_hours_saturday']}.",
                f"Our phone line is {C['phone']}. It's open {C['phone_hours_weekday']}, and {C['phone_hours_saturday']}.",
            ],
            [C["phone"]],
            ESC,
            anchor=C["phone"],
            n=3,
        ),
        intent(
            "contact_human",
            "contact and escalation",
            [
                "I want to talk to a real person.",
                "Can I speak to a human agent?",
                "Connect me to a person please.",
                "I'd rather talk to someone on the phone.",
            ],
            [
                f"Of course. You can reach our team by phone on {C['phone']} ({C['phone_hours_weekday']}; {C['phone_hours_saturday']}) or by live chat, {C['chat_hours']}.",
                f"Sure! Call {C['phone']} during phone hours, or start a live chat, which is open {C['chat_hours']}.",
            ],
            [C["phone"]],
            ESC,
            anchor=C["phone"],
            n=3,
        ),
        intent(
            "contact_chat",
            "contact and escalation",
            [
                "Is live chat available at night?",
                "When is the chat open?",
                "What time does live chat close?",
            ],
            [f"Live chat is open {C['chat_hours']}."],
            ["7 am to 11 pm"],
            ESC,
            anchor="live chat",
        ),
        intent(
            "contact_email",
            "contact and escalation",
            ["What's your support email?", "How fast do you answer emails?"],
            [f"Email us at {C['email']}; we reply within {C['email_reply']}."],
            [C["email"], C["email_reply"]],
            CON,
            anchor=C["email_reply"],
        ),
        intent(
            "contact_sunday",
            "contact and escalation",
            ["Are you open on Sundays?", "Can I call on a public holiday?"],
            [
                f"Phone support is closed on {C['phone_closed']}, but live chat stays open every day, including weekends."
            ],
            ["live chat"],
            CON,
            anchor="Phone support is closed",
        ),
        intent(
            "contact_escalate",
            "contact and escalation",
            [
                "The agent couldn't solve my issue, can I escalate?",
                "I've contacted you twice and nothing is fixed.",
                "I need a specialist to look at my case.",
            ],
            [
                f"Ask the agent to escalate your case. It goes to our specialist team, who contact you within {E['tier2_reply']}."
            ],
            [E["tier2_reply"]],
            ESC,
            anchor=E["tier2_reply"],
        ),
        intent(
            "contact_complaint",
            "contact and escalation",
            ["How do I make a formal complaint?", "Who do I complain to about bad service?"],
            [
                f"Email our customer-care manager at {C['care_manager_email']} with your case number and what you'd like us to do. The manager replies within {E['manager_reply']}."
            ],
            [C["care_manager_email"], E["manager_reply"]],
            ESC,
            anchor=C["care_manager_email"],
        ),
        intent(
            "contact_safety",
            "contact and escalation",
            [
                "My power bank is getting really hot and swollen!",
                "My power station smells like burning.",
                "The battery in my lantern is bulging, what do I do?",
            ],
            [
                f"Please stop using it at once, move it away from anything flammable and call {C['phone']}, option 1. Safety cases are handled first."
            ],
            ["option 1"],
            ESC,
            anchor="option 1",
        ),
    ]


ALL = shipping() + orders() + returns() + account() + rewards_and_gifts() + contact()
