"""Company-wide policies: privacy, terms of sale, billing (DOCX), loyalty (DOCX), escalation."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    ACCOUNT,
    ADDRESS,
    COMPANY,
    CONTACT,
    EFFECTIVE_DATE,
    ESCALATION,
    LOYALTY,
    PRIVACY,
    SHORT,
    WEBSITE,
)

from .model import Doc, Section


def privacy_policy() -> Doc:
    p = PRIVACY
    sections = [
        Section(
            "Information we collect",
            [
                (
                    "ul",
                    [
                        "Contact details: your name, email address, phone number and shipping address.",
                        "Order details: what you bought, when, and how it was delivered.",
                        "Payment details: handled by our payment processors; we never store full card "
                        "numbers.",
                        "Support conversations: emails, chat transcripts and notes from phone calls.",
                        "Device data from the Kestrel Connect and Kestrel Sync apps, such as firmware "
                        "version and error logs, only when you choose to share it.",
                    ],
                )
            ],
        ),
        Section(
            "How we use your information",
            [
                "We use your information to process and deliver orders, handle returns and warranty "
                "claims, answer support requests, prevent fraud, and improve our products. We send "
                "marketing emails only if you opt in, and every email has an unsubscribe link."
            ],
        ),
        Section(
            "Sharing",
            [
                "We do not sell or rent your personal information. We share it only with companies "
                "that help us run the business, such as shipping carriers, payment processors and our "
                "email provider, and only as much as they need to do that work. We may disclose "
                "information when the law requires it."
            ],
        ),
        Section(
            "Cookies",
            [
                "Our website uses essential cookies to keep you signed in and remember your cart, and "
                "optional analytics cookies to understand how the site is used. You can turn optional "
                "cookies off at any time under Cookie settings at the bottom of every page."
            ],
        ),
        Section(
            "How long we keep information",
            [
                f"Chat transcripts and support emails are kept for {p['chat_retention']}. Order and "
                f"payment records are kept for {p['order_retention']} because tax law requires it. "
                "Marketing preferences are kept until you change them or close your account."
            ],
        ),
        Section(
            "Your rights",
            [
                "You can ask for a copy of your data, ask us to correct it, or ask us to delete it. "
                f"Email {CONTACT['privacy_email']} from the address on your account. We answer "
                f"privacy requests within {p['request_reply']}. Deleting your account removes your "
                "profile and saved addresses; order records we must keep for tax purposes are kept "
                "until the retention period ends."
            ],
        ),
        Section(
            "Children",
            [
                f"Our website and apps are not meant for children under {p['min_age']}, and we do not "
                "knowingly collect their information."
            ],
        ),
        Section(
            "Security and contact",
            [
                "We protect data with encryption in transit and at rest, access controls and regular "
                f"security reviews. Questions about this policy: {CONTACT['privacy_email']} or by post "
                f"to {COMPANY}, Privacy Office, {ADDRESS}."
            ],
        ),
    ]
    intro = [
        f"Effective {EFFECTIVE_DATE}. This policy explains what personal information "
        f"{COMPANY} collects, why, and the choices you have. It covers {WEBSITE}, our support "
        "channels and our apps."
    ]
    return Doc("policies/privacy-policy.txt", "Privacy Policy", sections, intro=intro)


def terms_of_sale() -> Doc:
    a = ACCOUNT
    sections = [
        Section(
            "Who can buy",
            [
                f"You must be at least {a['min_age']} years old to place an order. We sell to customers "
                "in the United States and Canada only."
            ],
        ),
        Section(
            "Orders and prices",
            [
                "Your order is an offer to buy. We accept it when we ship it and send you the shipping "
                "confirmation email. Prices are in US dollars and may change without notice. If a "
                "product is listed at an obviously wrong price, we may cancel the order and refund any "
                "payment.",
                f"To keep stock fair for everyone, we limit orders to {a['order_limit']} units of any "
                "one model per order.",
            ],
        ),
        Section(
            "Payment",
            [
                "We authorise your payment method when you place the order and charge it when the "
                "order ships. The accepted payment methods are listed in the Billing and Payments "
                "guide."
            ],
        ),
        Section(
            "Shipping, returns and warranty",
            [
                "Delivery options, times and costs are described in the Help Center article on "
                "shipping options. Returns and refunds follow our Return and Refund Policy, and product "
                f"defects are covered by the {SHORT} Warranty Handbook. These documents form part of "
                "these terms."
            ],
        ),
        Section(
            "Limitation of liability",
            [
                f"To the extent the law allows, {COMPANY} is not liable for indirect or consequential "
                "losses, such as lost data or spoiled food, arising from the use of its products. "
                "Nothing in these terms limits rights you have under consumer protection law."
            ],
        ),
        Section(
            "Governing law",
            [
                "These terms are governed by the laws of the State of Idaho. Before starting any legal "
                f"claim, please contact our customer-care manager at {CONTACT['care_manager_email']} "
                "so we can try to resolve the problem."
            ],
        ),
    ]
    intro = [
        f"These terms apply to every purchase from {COMPANY} on {WEBSITE} or by phone. "
        f"Effective {EFFECTIVE_DATE}."
    ]
    return Doc("policies/terms-of-sale.txt", "Terms of Sale", sections, intro=intro)


def billing() -> Doc:
    a = ACCOUNT
    methods = [
        ["Visa, Mastercard, American Express, Discover", "Credit and debit cards"],
        ["PayPal", "Pay with your PayPal balance or linked account"],
        ["Apple Pay and Google Pay", "On supported phones and browsers"],
        [f"{SHORT} gift cards", "Can be combined with any other method"],
        ["Affirm", f"Monthly payments on orders of {a['affirm_minimum']} or more"],
    ]
    sections = [
        Section(
            "Accepted payment methods",
            [
                ("table", ["Payment method", "Notes"], methods),
                "We do not accept cash on delivery, checks, bank transfers or cryptocurrency.",
            ],
        ),
        Section(
            "When you are charged",
            [
                "When you place an order, we place a temporary authorisation hold on your card. The "
                "card is charged only when the order ships. If an order ships in more than one parcel, "
                "you may see one charge per parcel.",
                f"If a payment fails, we email you and hold the order for {a['payment_hold']} so you "
                "can update your card. After that, the order is cancelled.",
            ],
        ),
        Section(
            "Invoices and receipts",
            [
                "A PDF invoice is emailed to you when your order ships. You can also download invoices "
                f"at any time from Order History in your account, for orders from the last "
                f"{a['order_history_years']}.",
                "Business customers can add a company name and tax ID under Account Settings, "
                "Billing; they will appear on every invoice issued afterwards. We cannot change an "
                "invoice that has already been issued, but we can issue a corrected copy on request.",
            ],
        ),
        Section(
            "Sales tax",
            [
                "We collect sales tax in the US states where the law requires it, based on the "
                "shipping address. For Canadian orders, GST/HST and import duties are included in the "
                "price at checkout, so nothing is due on delivery."
            ],
        ),
        Section(
            "Paying over time with Affirm",
            [
                f"On orders of {a['affirm_minimum']} or more you can choose Affirm at checkout and pay "
                f"over {a['affirm_terms']}. Affirm decides on approval and interest rates; checking "
                "your eligibility does not affect your credit score."
            ],
        ),
        Section(
            "Price adjustments",
            [
                f"If the price of an item drops within {a['price_adjust_days']} of your purchase, "
                "contact us and we will refund the difference once per item. Price adjustments do not "
                "apply to clearance items or to prices at other retailers."
            ],
        ),
    ]
    intro = [f"This guide explains how payment, invoices and taxes work for orders from {COMPANY}."]
    return Doc(
        "accounts/billing-and-payments.docx", "Billing and Payments Guide", sections, intro=intro
    )


def loyalty() -> Doc:
    loy = LOYALTY
    tiers = [[name, points, earn, perk] for name, points, earn, perk in loy["tiers"]]
    sections = [
        Section(
            "Joining",
            [
                f"{loy['name']} is free. Create an account on {WEBSITE} and tick Join Trail Rewards. You "
                f"get {loy['join_bonus']} as a welcome bonus."
            ],
        ),
        Section(
            "Earning points",
            [
                f"You earn {loy['earn']} spent on products. Points are not earned on shipping, taxes, "
                "gift cards or Kestrel Care+ plans. Points appear in your account when your order "
                "ships, and are removed if you return the item.",
                f"You also get {loy['birthday_bonus']} in your birthday month and a "
                f"{loy['referral_credit']} credit for you and your friend when a friend you refer makes "
                "a first order.",
            ],
        ),
        Section(
            "Tiers",
            [
                "Your tier depends on the points you earned in the last 12 months.",
                ("table", ["Tier", "Points in 12 months", "Earn rate", "Extra benefits"], tiers),
            ],
        ),
        Section(
            "Redeeming points",
            [
                f"At checkout, redeem points in steps of 100: {loy['redeem']} off your order. Rewards "
                "cannot be exchanged for cash or used to buy gift cards."
            ],
        ),
        Section(
            "Expiry and changes",
            [
                f"Points expire {loy['expiry']} after the date you earned them. We may change the "
                "programme with 4 weeks' notice by email; points you have already earned keep their "
                "value."
            ],
        ),
    ]
    intro = [
        f"{loy['name']} is the loyalty programme of {COMPANY}: earn points on every order and "
        "turn them into money off your next adventure."
    ]
    return Doc("loyalty/trail-rewards.docx", loy["name"], sections, intro=intro)


def escalation() -> Doc:
    e, c = ESCALATION, CONTACT
    sections = [
        Section(
            "Start with our support team",
            [
                "Most questions are solved on the first contact. Reach us by live chat "
                f"({c['chat_hours']}), by phone on {c['phone']} ({c['phone_hours_weekday']}; "
                f"{c['phone_hours_saturday']}) or by email at {c['email']}.",
                f"Every conversation gets a case number that starts with {c['case_prefix']} followed by "
                "six digits. Keep it: it lets anyone on the team pick up where the last person left "
                "off.",
            ],
        ),
        Section(
            "Asking for a specialist",
            [
                "If your problem is not solved, ask the agent to escalate your case. It goes to our "
                f"specialist team, who contact you within {e['tier2_reply']}. Specialists handle "
                "complex technical faults, repeated delivery problems and billing disputes.",
                f"During phone hours you can also ask for a call-back; a specialist calls you within "
                f"{e['callback_window']}.",
            ],
        ),
        Section(
            "Talking to a supervisor",
            [
                "You can ask to speak with a supervisor at any point during a phone call or chat. If "
                "no supervisor is free, they call you back on the same day during phone hours."
            ],
        ),
        Section(
            "Formal complaints",
            [
                "If you are still not satisfied, email our customer-care manager at "
                f"{c['care_manager_email']} with your case number and what you would like us to do. "
                f"The manager replies within {e['manager_reply']}."
            ],
        ),
        Section(
            "Product safety issues",
            [
                "If a battery swells, smells of burning, smokes or gets very hot, stop using the product "
                f"at once, move it away from anything flammable and call {c['phone']}, option 1. "
                "Safety cases are handled first, and we arrange collection of the product at no cost."
            ],
        ),
        Section(
            "What to have ready",
            [
                (
                    "ul",
                    [
                        "Your order number or the email address used for the order",
                        "The product model and serial number",
                        "Your case number, if you already have one",
                        "Photos or videos of the problem",
                    ],
                )
            ],
        ),
    ]
    intro = [
        f"We want every problem with a {SHORT} order or product to be solved quickly. This "
        "page explains how to get help and how to take it further when the first answer is "
        "not enough."
    ]
    return Doc(
        "support/escalation.md", "Getting help and escalating a problem", sections, intro=intro
    )
