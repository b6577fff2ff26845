"""Intents about order status, cancelling, and lost or damaged parcels."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import SHIPPING

from .intent import intent

S = SHIPPING
TRACK = "help/order-tracking.html"


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
