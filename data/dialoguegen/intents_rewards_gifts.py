"""Intents about Trail Rewards points and tiers, gift cards and privacy."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import ACCOUNT, LOYALTY, PRIVACY

from .intent import intent

A, L = ACCOUNT, LOYALTY
LOY, GIFT = "loyalty/trail-rewards.docx", "help/gift-cards.html"


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
