"""Figures an answer states that its passages don't contain."""

import pytest
from pydantic import ValidationError

from rag.grounding import figures, ungrounded_figures
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
