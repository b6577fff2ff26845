"""Figures an answer states that its passages don't contain."""

import pytest
from pydantic import ValidationError

from rag.grounding import (
    Withdrawal,
    check_grounding,
    figures,
    figures_of_other_models,
    ungrounded_figures,
    unknown_names,
)
from rag.settings import AnswerabilitySettings

PASSAGES = ["Standard shipping costs $5.99 and takes 3 to 5 business days.", "Returns: 30 days."]


def test_figures_ignore_citations_pages_and_formatting():
    assert figures("It costs $1,200.00 [1], see page 4 and passage 2.") == {"1200"}
    assert figures("A 15% fee, 7.50 dollars") == {"15", "7.5"}


def test_an_invented_figure_is_ungrounded_and_a_copied_one_is_not():
    assert ungrounded_figures("Shipping is $5.99 and takes 3 to 5 days [1].", PASSAGES) == set()
    assert ungrounded_figures("The sales tax in Idaho is 7.00% [1].", PASSAGES) == {"7"}
    # A number from the question itself is not invented.
    assert (
        ungrounded_figures("The BC-2000 ships free.", PASSAGES, "Does the BC-2000 ship?") == set()
    )


def test_check_figures_reads_its_old_yes_no_values_and_names_itself_when_wrong():
    assert AnswerabilitySettings(check_figures=True).check_figures == "answer"
    assert AnswerabilitySettings(check_figures="false").check_figures == "none"
    assert AnswerabilitySettings(check_figures="claim").check_figures == "claim"
    with pytest.raises(ValidationError, match="check_figures"):
        AnswerabilitySettings(check_figures="sentence")
    with pytest.raises(ValidationError, match="check_models"):
        AnswerabilitySettings(check_models="sometimes")


MANUAL = [
    "BaseCamp BC-1000 User Manual\nWall charging: the BC-1000 charges from 0 to 80% in\n"
    "1.5 hours and reaches a full charge in 2 hours.",
    "For SummitCharge PB-10 and PB-26 Solar power banks.\nA warranty of 24 months (2 years).",
    "Warranty: 36 months (3 years).",
]


def test_a_figure_said_only_of_another_model_is_found_with_that_model():
    question = "How long does the BaseCamp BC-2000 Pro take to charge from a wall outlet?"
    claim = "The BaseCamp BC-2000 Pro takes 2 hours to charge from a wall outlet."
    assert figures_of_other_models(claim, MANUAL, question) == {"2": ["BC-1000", "PB-26"]}
    # Asked of the BC-1000, the same figure is its own.
    assert figures_of_other_models(claim.replace("2000 Pro", "1000"), MANUAL, "") == {}


def test_a_figure_with_no_model_before_it_or_no_model_named_is_not_another_models():
    claim = "The BC-2000 Pro has a warranty of 36 months."
    assert figures_of_other_models(claim, MANUAL, "") == {}  # "Warranty: 36 months" names none
    assert figures_of_other_models("It charges in 2 hours.", MANUAL, "How fast?") == {}


def test_a_model_named_by_the_claim_and_a_sku_count_as_named():
    passages = ["Models: SF-60, SF-120, SF-200. The SF-200 peaks at 200 W."]
    claim = "The SolarFold SF-200 is the most powerful, with 200 W."
    assert figures_of_other_models(claim, passages, "Which panel suits the BC-1000?") == {}
    catalogue = ["sku: KP-BC2000; price_usd: 1599.00; warranty_months: 36"]
    assert figures_of_other_models("The BC-2000 Pro costs $1,599.", catalogue, "") == {}


def nothing_mentioned(word: str) -> bool:
    return False


def test_check_grounding_reports_the_first_check_that_fails():
    question = "How long does the BC-2000 Pro take to charge?"
    answer = "The BC-2000 Pro takes 2 hours [1]. Two charges take 4 hours."
    claim = "The BC-2000 Pro takes 2 hours."

    def checked(**settings) -> Withdrawal | None:
        check = AnswerabilitySettings(**settings)
        return check_grounding(answer, claim, MANUAL, question, check, nothing_mentioned)

    assert checked(check_figures="claim", check_models=True) == Withdrawal(
        ["2"], "2 is said of BC-1000, PB-26"
    )
    assert checked(check_figures="claim") is None
    assert checked(check_figures="answer", check_models=True) == Withdrawal(
        ["4"], "4 is in none of the passages"
    )
    check = AnswerabilitySettings(check_figures="answer", check_models=True, check_names=True)
    refusal = "Not in the documents."
    assert check_grounding(refusal, refusal, MANUAL, question, check, nothing_mentioned) is None


def test_a_yes_about_a_name_no_document_mentions_is_found():
    question = "Does the RidgeSound RS-8 Max work with Alexa?"
    passages = ["The RidgeSound RS-8 Max is IP67 rated and floats."]
    claim = "Yes, the RidgeSound RS-8 Max works with Alexa."
    assert unknown_names(claim, question, passages, nothing_mentioned) == ["Alexa"]
    # Some document mentions it: the passages shown may just have missed it.
    assert unknown_names(claim, question, passages, lambda word: word == "Alexa") == []
    # A no is how the documents answer by leaving something out.
    no = "No, the RidgeSound RS-8 Max does not work with Alexa."
    assert unknown_names(no, question, passages, nothing_mentioned) == []
    # A name the question doesn't ask about is the model's own wording, not checked.
    assert unknown_names("Yes, it pairs like Alexa.", "Does it pair?", [], nothing_mentioned) == []
