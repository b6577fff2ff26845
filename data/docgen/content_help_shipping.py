"""Help-center articles (HTML) about shipping options, international shipping and order tracking."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import SHIPPING, WEBSITE, money

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
