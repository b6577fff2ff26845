"""ingest.mask_pii: personal data never reaches the index when on; counted per file."""

from __future__ import annotations

import json
from pathlib import Path

from ingest import cli
from ingest.pipeline import Ingester
from rag.components import build_embedder, open_store
from rag.settings import Settings, get_settings

LETTER = """# Complaint
From Jane Doe <jane.doe@example.com>, phone +44 20 7946 0958.
Please refund card 4111 1111 1111 1111 or pay to IBAN DE89 3704 0044 0532 0130 00.
My router at 192.168.1.20 logged the order #100234567 for $1,599.00 on 2024-05-12.
"""


def _ingest(tmp_path: Path, mask: bool):
    settings = Settings(
        store={"path": tmp_path / "index"}, embedding={"mode": "fake"}, ingest={"mask_pii": mask}
    )
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder)
    summary = Ingester(settings, store, embedder).run([tmp_path / "docs"], progress=False)
    texts = [row[0] for row in store.db.execute("SELECT text FROM chunks")]
    store.close()
    return summary, " ".join(texts)


def test_masked_before_embedding_and_counted_per_file(tmp_path: Path, write_file) -> None:
    letter = write_file("docs/complaint.md", LETTER)
    write_file("docs/plain.txt", "Returns are accepted within 30 days.")
    summary, text = _ingest(tmp_path, mask=True)
    assert summary.masked == {str(letter): {"CARD": 1, "EMAIL": 1, "IBAN": 1, "IP": 1, "PHONE": 1}}
    for secret in ("jane.doe@", "7946", "4111", "DE89", "192.168"):
        assert secret not in text
    assert "<EMAIL>" in text and "<CARD>" in text and "<IBAN>" in text and "<IP>" in text
    # Prices, order numbers and dates are not personal data.
    assert "#100234567" in text and "$1,599.00" in text and "2024-05-12" in text
    assert summary.to_dict()["masked"] == {str(letter): summary.masked[str(letter)]}


def test_off_by_default_and_toggling_re_reads_the_files(tmp_path: Path, write_file) -> None:
    assert Settings().ingest.mask_pii is False
    write_file("docs/complaint.md", LETTER)
    summary, text = _ingest(tmp_path, mask=False)
    assert summary.masked == {} and "jane.doe@example.com" in text
    summary, text = _ingest(tmp_path, mask=True)  # the same unchanged file: read again
    assert summary.files_indexed == 1 and "jane.doe@example.com" not in text
    summary, _ = _ingest(tmp_path, mask=True)
    assert summary.files_unchanged == 1 and summary.files_indexed == 0


def test_cli_json_lists_masked_counts(tmp_path, write_file, capsys, monkeypatch) -> None:
    write_file("docs/complaint.md", LETTER)
    monkeypatch.setenv("RAGCHAT_EMBEDDING__MODE", "fake")
    monkeypatch.setenv("RAGCHAT_INGEST__MASK_PII", "true")
    get_settings.cache_clear()
    try:
        argv = [str(tmp_path / "docs"), "--index", str(tmp_path / "index"), "--json"]
        assert cli.main(argv) == 0
    finally:
        get_settings.cache_clear()
    masked = json.loads(capsys.readouterr().out)["masked"]
    assert list(masked.values()) == [{"CARD": 1, "EMAIL": 1, "IBAN": 1, "IP": 1, "PHONE": 1}]
