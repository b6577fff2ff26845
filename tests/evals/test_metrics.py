"""Metrics on hand-made cases whose values are known."""

from __future__ import annotations

import pytest

from evals import metrics as m

REFERENCE = "Standard shipping costs $5.99 and takes 3 to 5 business days."
FACTS = ["$5.99", "3 to 5 business days"]


def test_perfect_answer_scores_one() -> None:
    assert m.fact_recall(FACTS, REFERENCE) == 1.0
    assert m.token_f1(REFERENCE, REFERENCE) == 1.0
    assert m.rouge_l(REFERENCE, REFERENCE) == pytest.approx(1.0)
    assert m.corpus_bleu([REFERENCE], [REFERENCE]) == pytest.approx(100.0)


def test_wrong_answer_scores_zero() -> None:
    wrong = "Our headlamps glow purple"
    assert m.fact_recall(FACTS, wrong) == 0.0
    assert m.token_f1(wrong, REFERENCE) == 0.0
    assert m.rouge_l(wrong, REFERENCE) == 0.0
    assert m.corpus_bleu([wrong], [REFERENCE]) == pytest.approx(0.0)


def test_partial_answer_and_no_facts() -> None:
    assert m.fact_recall(FACTS, "It costs $5.99.") == 0.5
    assert m.fact_recall([], "anything") is None  # unanswerable: no facts to recall
    # 3 shared tokens of 4 predicted and 6 reference: P 3/4, R 1/2, F1 0.6.
    assert m.token_f1(
        "the shipping costs $5.99 today", "standard shipping costs $5.99 for orders"
    ) == (pytest.approx(2 * 0.75 * 0.5 / 1.25))


def test_matching_is_case_and_whitespace_insensitive() -> None:
    assert m.fact_in("Order History", "open   your\norder history page")
    assert m.fact_in("PayPal", "we accept PAYPAL.")


def test_word_boundary_rule() -> None:
    assert not m.fact_in("6 months", "covered for 36 months")
    assert m.fact_in("6 months", "covered for 6 months.")
    assert not m.fact_in("18", "the 180-day plan")
    assert not m.fact_in("2 hours", "about 1.2 hours")  # starts inside a number
    assert not m.fact_in("11.4", "weighs 11.45 kg")  # ends inside a number
    assert m.fact_in("KC-", "your case number looks like KC-48213")  # edge is not a word char
    assert m.fact_in("$5.99", "only $5.99!")


def test_zeros_after_a_figure_state_the_same_figure() -> None:
    assert m.fact_in("$1,599", "The BC-2000 Pro costs $1,599.00.")
    assert m.fact_in("11.4", "it weighs 11.40 kg")
    assert not m.fact_in("$1,599", "costs $1,599.50")  # other cents: another price
    assert not m.fact_in("11.4", "weighs 11.45 kg")
    assert not m.fact_in("$1,599", "costs $1,599.005")


def test_variants_any_counts() -> None:
    fact = ["36 months", "36-month", "3 years", "3-year"]
    assert m.fact_in(fact, "A 3-year warranty.")
    assert m.fact_recall([fact], "It has a 36-month warranty.") == 1.0
    assert m.fact_recall([fact], "It has a 24-month warranty.") == 0.0


def test_refusal_detection_and_accuracy() -> None:
    refusal = "I could not find that in the documents, so I can't answer it reliably."
    assert m.is_refusal(refusal)
    assert m.is_refusal("Sorry, that is not in the documents.")
    assert m.is_refusal("I don't have information about that.")
    assert m.is_refusal("I'm sorry, I'm unable to provide that information.")
    # The default model's own way of saying it, seen on unanswerable eval questions.
    assert m.is_refusal("No. The context does not provide any information about its footprint.")
    assert not m.is_refusal("The warranty does not provide cover for water damage.")
    assert m.is_refusal("No, I could not find it in the documents.")
    # What a device can't find is an answer, not a refusal.
    assert not m.is_refusal("The unit cannot find a GPS signal. Go outside.")
    assert m.is_refusal("", refused=True)  # the engine's own flag
    assert not m.is_refusal("Standard shipping costs $5.99.")
    # unanswerable: refusing is right; answerable: refusing is wrong
    assert m.refusal_correct(answerable=False, refused=True)
    assert not m.refusal_correct(answerable=True, refused=True)
    assert m.refusal_correct(answerable=True, refused=False)
    assert not m.refusal_correct(answerable=False, refused=False)


def test_hit_at_k_and_mrr_on_a_ranking() -> None:
    ranking = ["faq.md", "help/a.html", "returns/policy.md", "faq.md", "x.txt"]
    rank = m.first_rank(ranking, ["returns/policy.md"])
    assert rank == 3
    assert [m.hit_at(rank, k) for k in (1, 3, 5)] == [False, True, True]
    assert m.reciprocal_rank(rank) == pytest.approx(1 / 3)
    # a list of sources: the first listed file found counts
    assert m.first_rank(ranking, ["x.txt", "help/a.html"]) == 2
    assert m.first_rank(ranking, ["missing.md"]) is None
    assert m.reciprocal_rank(None) == 0.0
    assert m.all_sources_at(ranking, ["faq.md", "x.txt"], 5)
    assert not m.all_sources_at(ranking, ["faq.md", "x.txt"], 3)
    assert m.mean([1.0, 1 / 3, 0.0]) == pytest.approx(4 / 9)


def test_page_hit() -> None:
    pages = [("manual.pdf", 3), ("manual.pdf", 2), ("faq.md", None)]
    assert m.page_hit(pages, "manual.pdf", 2, 5)
    assert not m.page_hit(pages, "manual.pdf", 2, 1)
    assert not m.page_hit(pages, "manual.pdf", 7, 5)


def test_citation_hit() -> None:
    assert m.citation_hit(["faq.md", "returns/policy.md"], ["returns/policy.md"])
    assert not m.citation_hit([], ["returns/policy.md"])


def test_groundedness_copied_vs_invented() -> None:
    context = ["Orders placed before 1 pm Eastern Time ship the same business day."]
    copied = "Orders placed before 1 pm Eastern Time ship the same business day [1]."
    invented = "Our penguins deliver parcels by sled on Tuesdays."
    assert m.groundedness(copied, context) == 1.0
    assert m.groundedness(invented, context) == 0.0
    assert m.groundedness(f"{copied} {invented}", context) == 0.5
    assert m.groundedness("", context) is None


def test_percentile() -> None:
    assert m.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.5
    assert m.percentile([None, 5.0], 95) == 5.0
    assert m.percentile([], 50) is None


def test_refusal_recall_and_false_refusals_are_reported_apart() -> None:
    from evals.questions import Question

    questions = [
        Question("u1", "Who is the CEO?", "unanswerable"),
        Question("u2", "How many staff?", "unanswerable"),
        Question("a1", "Ship cost?", "shipping", "It is $5.99.", ["s.md"], facts=[["$5.99"]]),
        Question("a2", "Return days?", "returns", "30 days.", ["r.md"], facts=[["30 days"]]),
        Question("a3", "Warranty?", "warranty", "2 years.", ["w.md"], facts=[["2 years"]]),
    ]
    refused = {"u1": True, "u2": False, "a1": True, "a2": False, "a3": False}
    records = []
    for q in questions:
        scores = {"refused": refused[q.id], "refusal_correct": refused[q.id] != q.answerable}
        if q.answerable:
            scores["fact_recall"] = 0.0 if refused[q.id] else 1.0
        records.append(
            {
                "id": q.id,
                "mode": "rag",
                "category": q.category,
                "answer": "x",
                "reference": q.answer,
                "metrics": scores,
                "timings": {},
            }
        )
    summary = m.summarize(records, questions, ["rag"], 0.0)
    assert summary["modes.rag.refusal_accuracy"] == 0.6  # 3 of 5 right
    assert summary["modes.rag.refusal_recall"] == 0.5  # 1 of 2 unanswerable refused
    assert summary["modes.rag.false_refusal_rate"] == round(1 / 3, 4)  # 1 of 3 answerable
