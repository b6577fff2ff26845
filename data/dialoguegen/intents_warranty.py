"""Intents about warranty periods per product line, claims, repairs and Kestrel Care+."""

# ruff: noqa: E501  (dialogue text reads better unwrapped)
from company_facts import CONTACT, LINES, PRODUCTS, WARRANTY

from .intent import intent

W = WARRANTY
WH = "warranty/warranty-handbook.pdf"


def line_warranties():
    out = []
    for line in LINES.values():
        models = [p for p in PRODUCTS if p.line == line.name]
        example = models[len(models) // 2].name
        m = line.warranty_months
        out.append(
            intent(
                f"war_len_{line.name}",
                "warranty",
                [
                    f"How long is the warranty on your {line.kind}?",
                    f"What's the warranty on the {example}?",
                    f"Is my {example} covered if it breaks after {m - 2} months?",
                    f"How many months of warranty do {line.name} products get?",
                ],
                [
                    f"{line.name} {line.kind} have a warranty of {m} months from the delivery date.",
                    f"The {line.name} line is covered for {m} months from delivery.",
                ],
                [f"{m} months"],
                WH,
                anchor=f"{line.name} | {line.kind}",
                n=1,
            )
        )
    return out


def warranty():
    return line_warranties() + [
        intent(
            "war_claim",
            "warranty",
            [
                "How do I make a warranty claim?",
                "My GPS stopped working, how do I get it repaired under warranty?",
                "What's the process for a warranty repair?",
                "How do I file a claim for a faulty product?",
            ],
            [
                f"Submit a claim at {W['claim_url']}, email {CONTACT['warranty_email']} or call {CONTACT['phone']}. We reply within {W['rma_reply']} with an RMA number and a prepaid shipping label.",
                f"Have your serial number and proof of purchase ready and submit a claim at {W['claim_url']}. Within {W['rma_reply']} you get an RMA number and a prepaid label to send it in.",
            ],
            [W["rma_reply"]],
            WH,
            anchor=W["rma_reply"],
            n=3,
        ),
        intent(
            "war_repair_time",
            "warranty",
            [
                "How long does a warranty repair take?",
                "When will I get my product back from repair?",
            ],
            [
                f"We repair or replace the product within {W['repair_time']} of receiving it and ship it back free of charge."
            ],
            [W["repair_time"]],
            WH,
            anchor=W["repair_time"],
        ),
        intent(
            "war_shipping",
            "warranty",
            ["Do I pay shipping for a warranty repair?", "Who covers postage on warranty claims?"],
            [
                "Kestrel pays shipping both ways for approved warranty claims in the United States and Canada."
            ],
            ["both ways"],
            WH,
            anchor="both ways",
            n=1,
        ),
        intent(
            "war_voids",
            "warranty",
            [
                "What voids the warranty?",
                "If I open my power bank to look inside, is my warranty gone?",
                "Will a third-party repair void my warranty?",
            ],
            [
                "Opening the casing or attempting your own repair, repairs by anyone other than Kestrel or an authorised service center, removing the serial number label, commercial rental use and charging with an incompatible charger void the warranty."
            ],
            ["Opening the casing"],
            WH,
            anchor="Opening the casing",
        ),
        intent(
            "war_not_covered",
            "warranty",
            [
                "I dropped my camera and cracked it. Is that covered?",
                "Does the warranty cover accidental damage?",
                "What isn't covered by the warranty?",
            ],
            [
                "The standard warranty does not cover damage from accidents, drops, crushing, fire or misuse, normal wear and tear, water damage beyond the stated rating, cosmetic damage, or lost and stolen products."
            ],
            ["accidents"],
            WH,
            anchor="Damage from accidents",
        ),
        intent(
            "war_care_plus",
            "warranty",
            [
                "What is Kestrel Care+?",
                "Do you sell extended warranties?",
                "Can I get accidental damage protection?",
            ],
            [
                f"{W['care_plus']} adds {W['care_plus_years']} to the standard warranty and covers accidental damage such as drops and spills. Each accidental damage claim has a {W['care_plus_service_fee']} service fee."
            ],
            [W["care_plus_years"], W["care_plus_service_fee"]],
            WH,
            anchor=W["care_plus_years"],
        ),
        intent(
            "war_care_price",
            "warranty",
            ["How much is Kestrel Care+?", "What does the extended warranty cost?"],
            [
                f"{W['care_plus']} costs $29 for products under $200, $79 for products from $200 to $999.99, and $129 for products of $1,000 and over."
            ],
            ["$29", "$79", "$129"],
            WH,
            anchor="$129",
        ),
        intent(
            "war_care_window",
            "warranty",
            ["Can I still add Care+ after buying?", "Is it too late to buy the extended warranty?"],
            [
                f"You can buy {W['care_plus']} at checkout or within {W['care_plus_buy_within']} of delivery from Order History."
            ],
            [W["care_plus_buy_within"]],
            WH,
            anchor=W["care_plus_buy_within"],
        ),
        intent(
            "war_out_of_warranty",
            "warranty",
            [
                "My warranty ran out. Can you still fix my lantern?",
                "Do you repair products that are out of warranty?",
            ],
            [
                f"Yes. We charge a {W['diagnosis_fee']} diagnosis fee, credited toward the repair if you go ahead, and send a quote before any work."
            ],
            [W["diagnosis_fee"]],
            WH,
            anchor=W["diagnosis_fee"],
        ),
        intent(
            "war_gift",
            "warranty",
            [
                "I got this as a present. Does the warranty still apply?",
                "Is the warranty transferable to a gift recipient?",
            ],
            [
                "Yes. The warranty covers the original purchaser and anyone who receives the product as a gift with a gift receipt."
            ],
            ["gift receipt"],
            WH,
            anchor="gift receipt",
            n=1,
        ),
        intent(
            "war_battery",
            "warranty",
            [
                "Is the battery covered by the warranty?",
                "My power bank holds less charge now, is that a warranty issue?",
            ],
            [
                "Rechargeable batteries are covered for the full warranty period. A battery counts as defective if it holds less than 70% of its rated capacity within that period."
            ],
            ["70%"],
            WH,
            anchor="70%",
        ),
    ]
