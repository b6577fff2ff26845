"""Help-center articles (HTML) about signing in, gift cards and managing your account."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import ACCOUNT, CONTACT, SHORT, WEBSITE

from .model import Doc, Section


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
