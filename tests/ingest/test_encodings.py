"""Every encoding read right: the generated corpus decodes exactly through the real loaders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the corpus generator beside this file

from encoding_corpus import all_cases, body  # noqa: E402
from encoding_measure import decoded, measure, table  # noqa: E402

from ingest.loaders import load_file  # noqa: E402
from ingest.loaders.charset import rank, utf16_without_bom  # noqa: E402

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_decodes_exactly(case, tmp_path) -> None:
    assert " ".join(decoded(case, tmp_path).split()) == " ".join(case.text.split())


def test_share_table(capsys) -> None:
    by_encoding, wrong = measure(CASES)
    with capsys.disabled():
        print("\n" + table(by_encoding))
    assert not wrong


def test_latin1_french_is_not_read_as_central_european(write_file) -> None:
    text = "café crème brûlée, naïve façade"
    path = write_file("menu.txt", text.encode("latin-1"))
    assert load_file(path)[0].page_content == text


def test_declared_charset_wins_a_tie_and_loses_to_clear_evidence() -> None:
    data = body("fr", "paragraph").encode("cp1252")
    assert rank(data, "iso-8859-15")[0] == "iso8859_15"  # the same text: the declaration wins
    russian = body("ru", "paragraph").encode("cp1251")
    assert rank(russian, "iso-8859-1")[0] == "cp1251"  # Ñúåøü æå: the declaration is wrong


def test_binary_with_nul_bytes_is_not_taken_for_utf16() -> None:
    assert utf16_without_bom(b"ELF\x00\x01\x02\x00" * 200) is None
    assert utf16_without_bom("Zażółć gęślą jaźń.\n".encode("utf-16-be")) == "utf-16-be"
