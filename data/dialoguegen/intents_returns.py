"""Intents about the return window, fees, refunds, exchanges and the holiday return period."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import RETURNS

from .intent import intent

R = RETURNS
RET = "returns/return-policy.md"


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
