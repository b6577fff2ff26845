"""The return policy (Markdown) and the Warranty Handbook (a six-page PDF).

The return-policy numbers (window, restocking fee, label fee, refund timing, holiday deadline) are
stated in returns/return-policy.md only; other documents point to it. The evaluation's fresh-facts
test edits that one file, so no other file may repeat those values.
"""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import (
    ADDRESS,
    COMPANY,
    CONTACT,
    LINES,
    RETURNS,
    RETURNS_ADDRESS,
    SHORT,
    WARRANTY,
    WEBSITE,
    months_text,
)

from .model import Doc, Section


def return_policy() -> Doc:
    r = RETURNS
    fee_lines = " and ".join(
        f"{LINES[name].name} {LINES[name].kind}" for name in r["restocking_lines"]
    )
    sections = [
        Section(
            "Return window",
            [
                f"You can return most items within {r['window']} of delivery for a full refund or an "
                "exchange. The return window starts on the delivery date shown in your tracking "
                "information, not on the order date.",
                "To be accepted, a return must include all accessories, cables and manuals that came "
                "in the box. Items that are damaged by misuse, or that are missing parts, may be "
                "refused or refunded only in part.",
            ],
        ),
        Section(
            "Holiday returns",
            [
                f"Gifts are easier to return in the holiday season. Items delivered between "
                f"{r['holiday_start']} and {r['holiday_end']} can be returned until {r['holiday_deadline']} "
                "of the following year, even if the normal window has already ended."
            ],
        ),
        Section(
            "Restocking fee",
            [
                f"Opened {fee_lines} are subject to a {r['restocking_fee']} restocking fee, taken from "
                "the refund. These products are tested and inspected before we can sell them again.",
                "No restocking fee applies to unopened items, to items that arrive defective or damaged, "
                "to items we sent by mistake, or to any other product line.",
            ],
        ),
        Section(
            "Return shipping",
            [
                "If the item is defective, damaged in transit, or not what you ordered, we email you a "
                "free prepaid return label.",
                f"For any other return (for example, you changed your mind), you can use our prepaid "
                f"label for {r['label_fee']}, which is deducted from your refund, or send the parcel "
                "with a carrier of your choice at your own cost. We recommend a tracked service.",
                f"Please ship your return within {r['ship_within']} of starting it. Returns go to: "
                f"{RETURNS_ADDRESS}.",
            ],
        ),
        Section(
            "Refunds",
            [
                f"We inspect your return and issue the refund within {r['refund_processing']} of "
                "receiving it at our returns center. You get an email when the refund is issued.",
                f"Refunds go back to the original payment method. Your bank or card issuer may take "
                f"another {r['bank_posting']} to show it on your statement. Orders paid with a {SHORT} "
                "gift card are refunded to a new gift card. Original shipping charges are refunded "
                "only when the return is our mistake.",
            ],
        ),
        Section(
            "Items that cannot be returned",
            [
                (
                    "ul",
                    [
                        "Gift cards and e-gift cards",
                        "Clearance items marked Final Sale",
                        "Downloadable map packs for TrailView GPS units",
                        "Products that have been engraved or personalised",
                    ],
                )
            ],
        ),
        Section(
            "Exchanges",
            [
                "If you want a different color or model, start a return and choose Exchange. We ship "
                "the new item as soon as the carrier scans your return, and we charge or refund any "
                "price difference. Exchanges are free: the return label fee does not apply."
            ],
        ),
        Section(
            "How to start a return",
            [
                (
                    "ol",
                    [
                        f"Sign in at {WEBSITE} and open Order History.",
                        "Select the order and choose Start a return.",
                        "Pick the items, the reason and whether you want a refund or an exchange.",
                        "Print the label (or the packing slip if you use your own carrier) and pack the "
                        "item in its original box.",
                        "Drop the parcel off with UPS or USPS and keep the receipt.",
                    ],
                ),
                f"Bought as a guest or have no printer? Contact us at {CONTACT['email']} or "
                f"{CONTACT['phone']} and we will set up the return for you. Warranty problems after the "
                "return window are handled as warranty claims, not returns.",
            ],
        ),
    ]
    intro = [
        f"This policy applies to orders placed on {WEBSITE} or by phone and delivered in the "
        f"United States or Canada. Items bought from other retailers must be returned to the "
        f"store where you bought them. The policy is issued by {COMPANY}, {ADDRESS}."
    ]
    return Doc("returns/return-policy.md", "Return and Refund Policy", sections, intro=intro)


def warranty_handbook() -> Doc:
    w = WARRANTY
    rows = [[line.name, line.kind, months_text(line.warranty_months)] for line in LINES.values()]
    prices = [[band, fee] for band, fee in w["care_plus_prices"]]
    sections = [
        Section(
            "About your warranty",
            [
                f"Every {SHORT} product comes with a limited warranty against defects in materials and "
                "workmanship under normal use. This handbook explains how long the coverage lasts, what "
                "it does not cover, and how to make a claim.",
                "The warranty starts on the date the product is delivered to you. It covers the "
                "original purchaser and anyone who receives the product as a gift with a gift receipt. "
                "Keep your order confirmation or receipt as proof of purchase.",
                "The warranty is valid for products bought from Kestrel or an authorised retailer and "
                "used in the United States or Canada. It does not affect your rights under local "
                "consumer law.",
            ],
        ),
        Section(
            "Coverage periods by product line",
            [
                ("table", ["Product line", "Products", "Warranty"], rows),
                "Rechargeable batteries inside our products are covered for the full warranty period "
                "of the product. A battery is considered defective if it holds less than 70% of its "
                "rated capacity within the warranty period.",
                "Replacement products and repaired parts are covered for the rest of the original "
                "warranty period or 90 days, whichever is longer.",
            ],
        ),
        Section(
            "What is not covered",
            [
                "The warranty does not cover:",
                (
                    "ul",
                    [
                        "Normal wear and tear, such as scratches, faded colors or worn headbands",
                        "Damage from accidents, drops, crushing, fire or misuse",
                        "Water damage beyond the product's stated water rating",
                        "Cosmetic damage that does not affect how the product works",
                        "Lost or stolen products",
                    ],
                ),
                "The following void the warranty:",
                (
                    "ul",
                    [
                        "Opening the casing or attempting your own repair",
                        "Repairs by anyone other than Kestrel or an authorised service center",
                        "Removing or altering the serial number label",
                        "Using the product for commercial rental",
                        "Charging with an incompatible charger above the rated input voltage",
                    ],
                ),
            ],
        ),
        Section(
            "How to make a warranty claim",
            [
                (
                    "ol",
                    [
                        "Find your serial number (on the product label or in the app) and your proof "
                        "of purchase.",
                        f"Submit a claim at {w['claim_url']}, email {CONTACT['warranty_email']}, or call "
                        f"{CONTACT['phone']}. Describe the problem and attach a photo or video if you can.",
                        f"We reply within {w['rma_reply']} with a return authorisation number that starts "
                        f"with {w['rma_prefix']}, plus a prepaid shipping label.",
                        "Pack the product securely, write the RMA number on the box and ship it. Do not "
                        "include accessories unless we ask for them.",
                        f"We repair or replace the product within {w['repair_time']} of receiving it and "
                        "ship it back to you free of charge.",
                    ],
                ),
                "Kestrel pays shipping both ways for approved warranty claims in the United States and "
                "Canada. If we find no defect, or the damage is not covered, we contact you before "
                "doing any paid work.",
            ],
        ),
        Section(
            f"{w['care_plus']} extended protection",
            [
                f"{w['care_plus']} adds {w['care_plus_years']} to the standard warranty and also covers "
                f"accidental damage such as drops and spills. Each accidental damage claim has a "
                f"{w['care_plus_service_fee']} service fee; defects are still repaired for free.",
                ("table", ["Product price", f"{w['care_plus']} price"], prices),
                f"You can buy {w['care_plus']} at checkout or within {w['care_plus_buy_within']} of "
                "delivery from Order History. It covers up to two accidental damage claims and moves "
                "with the product if you sell it or give it away.",
            ],
        ),
        Section(
            "Repairs outside the warranty",
            [
                f"If your product is out of warranty, we can still repair it. We charge a "
                f"{w['diagnosis_fee']} diagnosis fee, which is credited toward the repair if you go "
                "ahead. We send you a quote before any work begins.",
                f"A replacement battery module for BaseCamp BC-1000 power stations costs "
                f"{w['bc_battery_replacement']} plus shipping.",
                "When a repair is not possible, we may offer a certified refurbished replacement at a "
                "reduced price, covered by a 90-day warranty.",
                f"Questions? Email {CONTACT['warranty_email']} or call {CONTACT['phone']}, "
                f"{CONTACT['phone_hours_weekday']}.",
            ],
        ),
    ]
    intro = [
        f"{COMPANY} stands behind the gear it makes. Register your products at {WEBSITE} "
        "so we can reach you about firmware updates and safety notices."
    ]
    return Doc(
        "warranty/warranty-handbook.pdf", f"{SHORT} Warranty Handbook", sections, intro=intro
    )
