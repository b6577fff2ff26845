"""Return-policy questions: window, fees, refunds and the holiday period."""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import RETURNS

from .common import q

R = RETURNS
RET = "returns/return-policy.md"


def returns():
    return [
        q(
            "ret-01",
            "returns",
            "How long do I have to return an item?",
            RET,
            f"Most items can be returned within {R['window']} of delivery.",
            [R["window"]],
        ),
        q(
            "ret-02",
            "returns",
            "Is there a restocking fee if I return an opened power station?",
            RET,
            f"Yes, opened BaseCamp power stations have a {R['restocking_fee']} restocking fee.",
            [R["restocking_fee"]],
        ),
        q(
            "ret-03",
            "returns",
            "Which products have a restocking fee when they are opened?",
            RET,
            "Opened BaseCamp power stations and SolarFold solar panels.",
            ["BaseCamp", "SolarFold"],
        ),
        q(
            "ret-04",
            "returns",
            "I changed my mind about a speaker. What does the return label cost?",
            RET,
            f"The prepaid return label costs {R['label_fee']}, deducted from the refund.",
            [R["label_fee"]],
        ),
        q(
            "ret-05",
            "returns",
            "How soon will I get my refund after you receive my return?",
            RET,
            f"The refund is issued within {R['refund_processing']} of receiving the return.",
            [R["refund_processing"]],
        ),
        q(
            "ret-06",
            "returns",
            "I got a lantern as a Christmas gift, delivered on December 10. Until when can it be returned?",
            RET,
            f"Items delivered between {R['holiday_start']} and {R['holiday_end']} can be returned until {R['holiday_deadline']}.",
            [R["holiday_deadline"]],
        ),
        q(
            "ret-07",
            "returns",
            "Which items cannot be returned?",
            RET,
            "Gift cards, Final Sale clearance items, downloadable map packs and engraved products.",
            ["gift card", "Final Sale"],
        ),
        q(
            "ret-08",
            "returns",
            "Where do I send my return?",
            RET,
            "To the Kestrel Returns Center in Reno, Nevada.",
            ["Reno"],
        ),
        q(
            "ret-09",
            "returns",
            "Do I have to pay for the label if I exchange an item for another color?",
            RET,
            "No, exchanges are free; the return label fee does not apply.",
            ["free"],
        ),
        q(
            "ret-10",
            "returns",
            "How long after starting a return do I have to ship it?",
            RET,
            f"Ship the return within {R['ship_within']} of starting it.",
            [R["ship_within"]],
        ),
        q(
            "ret-11",
            "returns",
            "My refund was issued but isn't on my card statement. How long can that take?",
            RET,
            f"The bank or card issuer may take another {R['bank_posting']}.",
            [R["bank_posting"]],
        ),
    ]
