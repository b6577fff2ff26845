"""Warranty questions answered by the warranty handbook (PDF, with page numbers)."""

from company_facts import WARRANTY

from .common import q

W = WARRANTY
WH = "warranty/warranty-handbook.pdf"


def warranty():
    return [
        q(
            "war-01",
            "warranty",
            "How long is the warranty on BaseCamp power stations?",
            WH,
            "BaseCamp power stations have a 36-month (3-year) warranty.",
            [["36 months", "36-month", "3 years", "3-year"]],
            page="Coverage",
        ),
        q(
            "war-02",
            "warranty",
            "What is the warranty period for TrailBeam headlamps?",
            WH,
            "TrailBeam headlamps have a 12-month warranty.",
            [["12 months", "12-month", "1 year", "1-year"]],
            page="Coverage",
        ),
        q(
            "war-03",
            "warranty",
            "How long are accessories like cables covered?",
            WH,
            "Accessories have a 6-month warranty.",
            [["6 months", "6-month"]],
            page="Coverage",
        ),
        q(
            "war-04",
            "warranty",
            "When is a battery considered defective under the warranty?",
            WH,
            "When it holds less than 70% of its rated capacity within the warranty period.",
            ["70%"],
            page="Coverage",
        ),
        q(
            "war-05",
            "warranty",
            "Does opening the casing affect my warranty?",
            WH,
            "Yes, opening the casing or attempting your own repair voids the warranty.",
            [["void", "voids"]],
            page="not covered",
        ),
        q(
            "war-06",
            "warranty",
            "After I submit a warranty claim, how soon do I hear back?",
            WH,
            f"Within {W['rma_reply']}, with an RMA number and a prepaid label.",
            [W["rma_reply"]],
            page="claim",
        ),
        q(
            "war-07",
            "warranty",
            "How long does a warranty repair take once you have my product?",
            WH,
            f"It is repaired or replaced within {W['repair_time']} of receipt.",
            [W["repair_time"]],
            page="claim",
        ),
        q(
            "war-08",
            "warranty",
            "What does Kestrel Care+ cost for a product under $200?",
            WH,
            "Kestrel Care+ costs $29 for products under $200.",
            ["$29"],
            page="Care+",
        ),
        q(
            "war-09",
            "warranty",
            "What is the service fee for an accidental damage claim under Kestrel Care+?",
            WH,
            f"Each accidental damage claim has a {W['care_plus_service_fee']} service fee.",
            [W["care_plus_service_fee"]],
            page="Care+",
        ),
        q(
            "war-10",
            "warranty",
            "How long after delivery can I still buy Kestrel Care+?",
            WH,
            f"Within {W['care_plus_buy_within']} of delivery.",
            [W["care_plus_buy_within"]],
            page="Care+",
        ),
        q(
            "war-11",
            "warranty",
            "How much does it cost to have an out-of-warranty product looked at?",
            WH,
            f"There is a {W['diagnosis_fee']} diagnosis fee, credited toward the repair.",
            [W["diagnosis_fee"]],
            page="outside",
        ),
        q(
            "war-12",
            "warranty",
            "I received a headlamp as a gift. Is it still covered by the warranty?",
            WH,
            "Yes, gift recipients are covered if they have a gift receipt.",
            ["gift receipt"],
            page="About",
        ),
        q(
            "war-13",
            "warranty",
            "How much extra warranty does Kestrel Care+ add?",
            WH,
            f"It adds {W['care_plus_years']} and covers accidental damage.",
            [["2 extra years", "two extra years"]],
            page="Care+",
        ),
    ]
