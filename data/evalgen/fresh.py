"""The fresh-facts test: a return-policy change that the training dialogues know nothing about.

The dialogues teach the old values (from company_facts.RETURNS). The evaluation copies data/docs,
applies these literal replacements to returns/return-policy.md only (no other document states
these values), re-ingests the copy and asks the questions below, whose facts are the NEW values.
"""

# ruff: noqa: E501  (document text and data tables read better unwrapped)
from company_facts import RETURNS

from .common import q

FRESH_FILE = "returns/return-policy.md"

NEW = {  # old value (as the policy states it) -> new value
    RETURNS["window"]: "45 days",
    RETURNS["restocking_fee"]: "10%",
    RETURNS["label_fee"]: "$4.95",
    RETURNS["refund_processing"]: "3 business days",
    RETURNS["holiday_deadline"]: "February 15",
}


def replacements():
    return [[old, new] for old, new in NEW.items()]


def fresh_questions():
    window, fee, label, refund, holiday = NEW.values()

    def f(id, question, answer, facts):
        return q(id, "fresh", question, FRESH_FILE, answer, facts)

    return [
        f(
            "fresh-01",
            "How many days do I have to return an item?",
            f"Most items can be returned within {window} of delivery.",
            [window],
        ),
        f(
            "fresh-02",
            "What is the restocking fee for an opened BaseCamp power station?",
            f"Opened BaseCamp power stations have a {fee} restocking fee.",
            [fee],
        ),
        f(
            "fresh-03",
            "I opened a SolarFold panel and want to return it. Is there a fee?",
            f"Yes, opened SolarFold panels have a {fee} restocking fee.",
            [fee],
        ),
        f(
            "fresh-04",
            "What does your prepaid return label cost if the item isn't defective?",
            f"The prepaid return label costs {label}, deducted from the refund.",
            [label],
        ),
        f(
            "fresh-05",
            "How quickly do you issue a refund after receiving my return?",
            f"Within {refund} of receiving the return.",
            [refund],
        ),
        f(
            "fresh-06",
            "My gift was delivered on December 5. What is the last day I can return it?",
            f"Holiday deliveries can be returned until {holiday}.",
            [holiday],
        ),
        f(
            "fresh-07",
            "My headlamp was delivered 40 days ago. Can I still return it?",
            f"Yes, the return window is {window} from delivery.",
            [window],
        ),
        f(
            "fresh-08",
            "I want to send back a speaker I no longer need using your label. How much is deducted from my refund?",
            f"{label} is deducted for the return label.",
            [label],
        ),
    ]
