"""Stop sequences over streamed pieces, including one split across pieces."""

from __future__ import annotations

from rag.stop_text import StopText


def run(stops: list[str], pieces: list[str]) -> tuple[str, StopText]:
    stopper = StopText(stops)
    shown = "".join(stopper.feed(p) for p in pieces) + stopper.flush()
    return shown, stopper


def test_no_stops_passes_everything_through():
    shown, stopper = run([], ["Hello", " world"])
    assert shown == stopper.text == "Hello world" and not stopper.stopped


def test_stop_split_over_pieces_is_never_shown():
    shown, stopper = run(["\n\nQuestion:"], ["Ships in 2 days.\n", "\nQues", "tion: more", "x"])
    assert shown == stopper.text == "Ships in 2 days." and stopper.stopped


def test_held_back_text_is_released_later():
    stopper = StopText(["END"])
    assert stopper.feed("abcE") == "ab"  # the last two characters might start "END"
    assert stopper.feed("x") == "c"
    assert stopper.flush() == "Ex" and stopper.text == "abcEx" and not stopper.stopped


def test_earliest_of_several_stops_wins():
    shown, _ = run(["b", "a"], ["xxabyy"])
    assert shown == "xx"
