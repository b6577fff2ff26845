"""Shipping questions: methods, costs, cut-off, tracking and international delivery."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import SHIPPING, money

from .common import q

S = SHIPPING
SHIP, INTL, TRACK = (
    "help/shipping-options.html",
    "help/international-shipping.html",
    "help/order-tracking.html",
)


def shipping():
    return [
        q(
            "ship-01",
            "shipping",
            "How much does standard shipping cost?",
            SHIP,
            f"Standard shipping costs {money(S['standard']['price'])} and takes {S['standard']['days']}.",
            [money(S["standard"]["price"])],
        ),
        q(
            "ship-02",
            "shipping",
            "How much do I need to spend to get free shipping?",
            SHIP,
            f"Standard shipping is free on orders of {money(S['free_threshold'])} or more in the contiguous US.",
            [money(S["free_threshold"])],
        ),
        q(
            "ship-03",
            "shipping",
            "How fast is expedited shipping and what does it cost?",
            SHIP,
            f"Expedited shipping takes {S['expedited']['days']} and costs {money(S['expedited']['price'])}.",
            [S["expedited"]["days"], money(S["expedited"]["price"])],
        ),
        q(
            "ship-04",
            "shipping",
            "What is the cut-off time for an order to ship the same day?",
            SHIP,
            f"Orders placed before {S['cutoff']} on a weekday ship the same business day.",
            ["1 pm"],
        ),
        q(
            "ship-05",
            "shipping",
            "What does overnight shipping cost?",
            SHIP,
            f"Overnight shipping costs {money(S['overnight']['price'])}.",
            [money(S["overnight"]["price"])],
        ),
        q(
            "ship-06",
            "shipping",
            "Can the BaseCamp BC-2000 Pro be shipped overnight?",
            SHIP,
            "No. It has a battery over 100 Wh and ships by ground only with Standard shipping.",
            ["ground"],
        ),
        q(
            "ship-07",
            "shipping",
            "How much is shipping to Hawaii and how long does it take?",
            INTL,
            f"Hawaii gets Standard shipping only: a flat {money(S['ak_hi']['price'])}, {S['ak_hi']['days']}.",
            [money(S["ak_hi"]["price"]), S["ak_hi"]["days"]],
        ),
        q(
            "ship-08",
            "shipping",
            "How long does delivery to Canada take?",
            INTL,
            f"Orders to Canada arrive in {S['canada']['days']}.",
            [S["canada"]["days"]],
        ),
        q(
            "ship-09",
            "shipping",
            "When is shipping to Canada free?",
            INTL,
            f"Shipping to Canada is free on orders of {money(S['canada']['free_threshold'])} or more.",
            [money(S["canada"]["free_threshold"])],
        ),
        q(
            "ship-10",
            "shipping",
            "Do I have to pay import duties when my order arrives in Canada?",
            INTL,
            "No. GST/HST and import duties are included in the price at checkout.",
            ["included"],
        ),
        q(
            "ship-11",
            "shipping",
            "How long does delivery to an APO address take?",
            INTL,
            f"APO, FPO and DPO deliveries usually take {S['apo']['days']}.",
            [S["apo"]["days"]],
        ),
        q(
            "ship-12",
            "shipping",
            "Can I still cancel the order I placed a few minutes ago?",
            TRACK,
            f"Yes, orders can be changed or cancelled within {S['cancel_window']} of placing them, from Order History.",
            [S["cancel_window"]],
        ),
        q(
            "ship-13",
            "shipping",
            "When do I get my tracking number?",
            TRACK,
            f"A tracking link is emailed within {S['tracking_email']} of the order shipping.",
            [S["tracking_email"]],
        ),
        q(
            "ship-14",
            "shipping",
            "My parcel never arrived. When should I report it as lost?",
            TRACK,
            f"Contact us if it has not arrived {S['lost_report']} after the expected delivery date; we trace it and replace or refund.",
            [S["lost_report"]],
        ),
        q(
            "ship-15",
            "shipping",
            "My order arrived damaged. How long do I have to report it?",
            TRACK,
            f"Report it within {S['damaged_report']} of delivery and send photos of the item and the box.",
            [S["damaged_report"], "photos"],
        ),
        q(
            "ship-16",
            "shipping",
            "Which carriers do you use?",
            SHIP,
            f"We ship with {S['carriers']}.",
            ["UPS", "USPS"],
        ),
    ]
