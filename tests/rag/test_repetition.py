"""Loop detection: the answer's last n words repeating earlier words of the same answer."""

from __future__ import annotations

from rag.repetition import repeat_start


def test_new_words_are_not_a_loop():
    text = "Standard shipping costs $5.99 and takes 3 to 5 business days [1]."
    assert repeat_start(text, 4) is None


def test_a_loop_is_found_where_the_repeat_starts():
    first = "The answer is: yes, within 30 days of delivery."
    text = f"{first} The answer is: yes, within"
    start = repeat_start(text, 5)
    assert start == len(first) + 1
    assert text[:start].strip() == first


def test_detection_ignores_case_and_spacing():
    text = "Call us today.\n\ncall   US today."
    assert repeat_start(text, 3) == text.index("call")


def test_repeats_shorter_than_n_words_are_allowed():
    text = "Yes. Within 30 days. Yes. Within 14 days for sale items."
    assert repeat_start(text, 3) is None
    assert repeat_start("a b c a b c", 0) is None  # 0 turns it off
