"""Help-center articles (HTML) about shipping, orders, sign-in, contact and gift cards."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    ACCOUNT,
    ADDRESS,
    CONTACT,
    PRIVACY,
    SHIPPING,
    SHORT,
    TROUBLE,
    WEBSITE,
    money,
)

from .content_products import ground_only_note
from .model import Doc, Section

S = SHIPPING


def shipping_options() -> Doc:
    rows = [
        [S[k]["name"], S[k]["days"], money(S[k]["price"])]
        for k in ("standard", "expedited", "overnight")
    ]
    rows[0][2] += f" (free on orders of {money(S['free_threshold'])} or more)"
    sections = [
        Section(
            "When your order ships",
            [
                f"Orders placed before {S['cutoff']}, Monday to Friday, ship the same business day. "
                f"Orders placed later, or on weekends and holidays, ship within {S['processing']}. "
                "Delivery times below are counted from the day your order ships."
            ],
        ),
        Section(
            "Delivery options in the contiguous United States",
            [
                ("table", ["Method", "Delivery time", "Cost"], rows),
                f"Overnight orders must be placed before {S['cutoff']} on a business day; orders "
                "placed on Friday afternoon arrive on Tuesday. We ship with "
                f"{S['carriers']}, and the carrier is chosen automatically.",
            ],
        ),
        Section(
            "Free standard shipping",
            [
                f"Standard shipping is free when your order subtotal is {money(S['free_threshold'])} or "
                "more after discounts and before tax. The offer applies to addresses in the contiguous "
                "United States. Expedited and Overnight shipping are always charged at the prices "
                "above."
            ],
        ),
        Section("Power stations and large batteries", [ground_only_note()]),
        Section(
            "PO boxes",
            [
                "We deliver to PO boxes with Standard shipping through USPS. Expedited and Overnight "
                "shipping need a street address."
            ],
        ),
    ]
    intro = [
        "Here is how quickly we ship, which delivery options you can choose at checkout, "
        "and what they cost."
    ]
    return Doc(
        "help/shipping-options.html", "Shipping options and delivery times", sections, intro=intro
    )


def international_shipping() -> Doc:
    ak, ca = S["ak_hi"], S["canada"]
    sections = [
        Section(
            "Alaska and Hawaii",
            [
                f"We ship to Alaska and Hawaii with Standard shipping only. Delivery takes {ak['days']} "
                f"and costs a flat {money(ak['price'])}. The free shipping offer for the contiguous "
                "United States does not apply."
            ],
        ),
        Section(
            "Canada",
            [
                f"Orders to Canada arrive in {ca['days']}. Shipping costs {money(ca['price'])}, and is "
                f"free on orders of {money(ca['free_threshold'])} or more. Prices are charged in US "
                "dollars. GST/HST and import duties are included in the price at checkout, so there is "
                "nothing to pay when the parcel arrives."
            ],
        ),
        Section(
            "Military addresses (APO, FPO and DPO)",
            [
                f"We ship to APO, FPO and DPO addresses through USPS. Delivery usually takes "
                f"{S['apo']['days']}. The Standard shipping price and the free shipping offer apply."
            ],
        ),
        Section(
            "Other countries",
            [
                "At the moment we only ship to the United States and Canada. We cannot ship to freight "
                "forwarding companies, because we cannot track or support those deliveries."
            ],
        ),
        Section("Products we cannot send to these destinations", [ground_only_note()]),
    ]
    intro = [
        "Most of our gear ships from our warehouse in Reno, Nevada. This article covers "
        "delivery outside the contiguous United States."
    ]
    return Doc(
        "help/international-shipping.html",
        "Shipping to Alaska, Hawaii, Canada and military addresses",
        sections,
        intro=intro,
    )


def order_tracking() -> Doc:
    statuses = [
        ["Received", "We have your order and your payment is authorised."],
        ["Processing", "Your items are being picked and packed."],
        ["Shipped", "The parcel is with the carrier; the tracking link is active."],
        ["Delivered", "The carrier confirmed delivery."],
        ["Cancelled", "The order was cancelled and the payment hold released."],
    ]
    sections = [
        Section(
            "Finding your tracking number",
            [
                f"We email you a tracking link within {S['tracking_email']} of your order shipping. "
                f"You can also sign in at {WEBSITE}, open Order History and select the order. Guests "
                "can use the Track an order page with the order number and email address."
            ],
        ),
        Section("Order statuses", [("table", ["Status", "What it means"], statuses)]),
        Section(
            "Changing or cancelling an order",
            [
                f"You can change the address or cancel an order within {S['cancel_window']} of placing "
                "it, from Order History. After that, the order is already being packed and cannot be "
                "changed. You can refuse the delivery or return the items instead."
            ],
        ),
        Section(
            "Late or lost parcels",
            [
                "Tracking can pause for a day or two while a parcel moves between carrier hubs. If "
                f"your parcel has not arrived {S['lost_report']} after the expected delivery date, "
                "contact us. We open a trace with the carrier and, if the parcel cannot be found, send "
                "a replacement or refund you in full."
            ],
        ),
        Section(
            "Damaged deliveries",
            [
                f"If something arrives damaged, tell us within {S['damaged_report']} of delivery and "
                "send photos of the item and the box. We send a replacement right away; you do not "
                "need to wait for the damaged item to come back to us."
            ],
        ),
    ]
    intro = ["Every order can be followed from the warehouse to your door."]
    return Doc("help/order-tracking.html", "Tracking your order", sections, intro=intro)


def password_and_sign_in() -> Doc:
    a = ACCOUNT
    sections = [
        Section(
            "Resetting a forgotten password",
            [
                (
                    "ol",
                    [
                        f"Go to {WEBSITE} and select Sign in.",
                        "Select Forgot password and enter the email address on your account.",
                        f"Open the reset email and select the link. The link is valid for "
                        f"{a['reset_link_valid']} and can be used once.",
                        f"Choose a new password of at least {a['password_min']}, then sign in.",
                    ],
                ),
                "If the email does not arrive within a few minutes, check your spam folder and make "
                "sure you used the address you registered with. You can request a new link at any "
                "time; only the newest link works.",
            ],
        ),
        Section(
            "Locked account",
            [
                f"After {a['lockout_attempts']} failed sign-in attempts in a row, your account is "
                f"locked for {a['lockout_minutes']} to protect it. Wait, then try again or reset your "
                "password. Support agents cannot unlock an account early."
            ],
        ),
        Section(
            "Two-step verification",
            [
                "Turn on two-step verification under Account Settings, Security. You will need an "
                "authenticator app such as Google Authenticator or Microsoft Authenticator. Save the "
                "ten recovery codes we show you: each one works once if you lose your phone."
            ],
        ),
        Section(
            "Changing your email address",
            [
                "Under Account Settings, Profile, enter the new address and your password. We send a "
                "confirmation link to the new address, and the change takes effect once you select "
                "it. Your orders, rewards points and warranty registrations stay with the account."
            ],
        ),
    ]
    intro = ["Trouble signing in? These steps solve most problems in a few minutes."]
    return Doc(
        "help/password-and-sign-in.html",
        "Resetting your password and signing in",
        sections,
        intro=intro,
    )


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


def gift_cards() -> Doc:
    lo, hi = ACCOUNT["gift_card_range"]
    sections = [
        Section(
            "Buying a gift card",
            [
                f"{SHORT} gift cards are available from {lo} to {hi}, as a plastic card shipped free "
                "of charge or as an e-gift card emailed on the date you choose. Gift cards can be used "
                "for any product on our website or by phone."
            ],
        ),
        Section("Expiry and fees", ["Gift cards never expire and have no fees of any kind."]),
        Section(
            "Using a gift card",
            [
                "At checkout, enter the 16-digit card number and the PIN from the back of the card or "
                "from the email. You can use up to three gift cards on one order and pay any remaining "
                "amount with another payment method. Gift cards cannot be used to buy other gift "
                "cards."
            ],
        ),
        Section(
            "Checking your balance",
            [
                "Enter the card number and PIN on the Gift card balance page, or ask our support team. "
                "Your remaining balance is also shown at checkout."
            ],
        ),
        Section(
            "Lost cards and refunds",
            [
                "If you lose a gift card, contact us with the order number it was bought with and we "
                "will cancel it and issue a new card for the remaining balance. Gift cards cannot be "
                "returned or exchanged for cash, except where the law requires it."
            ],
        ),
    ]
    intro = ["Not sure what they need for their next trip? Send a gift card."]
    return Doc("help/gift-cards.html", "Gift cards", sections, intro=intro)


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


def managing_account() -> Doc:
    a = ACCOUNT
    sections = [
        Section(
            "Addresses and payment methods",
            [
                "Save up to ten shipping addresses under Account Settings, Addresses, and choose a "
                "default. Saved cards are stored by our payment processor; we only keep the last four "
                "digits and the expiry date."
            ],
        ),
        Section(
            "Order history",
            [
                f"Order History lists your orders from the last {a['order_history_years']}, with "
                "invoices, tracking links and the option to start a return or a warranty claim."
            ],
        ),
        Section(
            "Email preferences",
            [
                "Under Communication preferences you can choose which emails you receive: order "
                "updates (always on), product news, Trail Rewards offers and firmware notices. "
                "Unsubscribing from marketing does not affect order or safety emails."
            ],
        ),
        Section(
            "Closing your account",
            [
                f"To close your account, email {CONTACT['privacy_email']} from the address on the "
                f"account. We confirm the request and delete the account within {a['deletion_days']}. "
                "Unused Trail Rewards points are lost when the account is closed, so redeem them "
                "first. Gift card balances are not affected."
            ],
        ),
        Section(
            "Guest orders",
            [
                "If you checked out as a guest, create an account with the same email address and we "
                "link your past guest orders to it automatically. Orders placed by phone are linked "
                "the same way when the email address matches."
            ],
        ),
        Section(
            "Signing in on several devices",
            [
                "You can stay signed in on up to five devices. To sign out everywhere, for example "
                "after losing a phone, select Sign out of all devices under Account Settings, "
                "Security, and then change your password."
            ],
        ),
    ]
    intro = [
        f"Your {SHORT} account keeps your orders, addresses, rewards and warranty "
        "registrations in one place."
    ]
    return Doc("help/managing-your-account.html", "Managing your account", sections, intro=intro)


ALL = [
    shipping_options,
    international_shipping,
    order_tracking,
    password_and_sign_in,
    contact_us,
    gift_cards,
    trailview_troubleshooting,
    managing_account,
]
