"""Intents about signing in, managing the account, payment methods and billing."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import ACCOUNT, CONTACT

from .intent import intent

A, C = ACCOUNT, CONTACT
PW, MA = "help/password-and-sign-in.html", "help/managing-your-account.html"
BILL = "accounts/billing-and-payments.docx"


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
