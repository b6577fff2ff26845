"""Intents about shipping methods, costs, cut-off times and where we ship."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import SHIPPING, money

from .intent import intent

S = SHIPPING
SHIP, INTL = "help/shipping-options.html", "help/international-shipping.html"
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
