"""Search terms from the chat model's reply (rag.query_rewrite)."""

from rag.query_rewrite import parse_terms, with_search_terms


def test_the_reply_label_quotes_and_repeats_are_dropped():
    assert parse_terms("Technical terms: Interpreter, Defect, Reporting") == (
        "Interpreter, Defect, Reporting"
    )
    assert parse_terms('"Namespace, Scope, Inheritance, Inheritance."') == (
        "Namespace, Scope, Inheritance"
    )
    assert parse_terms("Process, kill, , wait, waitpid") == "Process, kill, wait, waitpid"


def test_a_colon_inside_a_term_is_kept_and_no_reply_adds_nothing():
    # Only a short label at the start is the model's preamble.
    assert parse_terms("std::sort, comparator") == "std::sort, comparator"
    assert parse_terms("") == ""
    assert with_search_terms("How do I flush output?", "") == "How do I flush output?"
    assert with_search_terms("Why is my output late?", "buffering, flush") == (
        "Why is my output late? buffering, flush"
    )
