"""Finetune data preparation masks personal data by default, keeping listed public contacts."""

from __future__ import annotations

from pathlib import Path

from finetune.data import mask_dialogues
from finetune.train import TrainConfig

ROOT = Path(__file__).resolve().parents[2]


def dialogue(text: str) -> dict:
    return {"messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "ok"}]}


def test_turns_are_masked_in_place_with_counts() -> None:
    rows = [dialogue("I am jane.doe@example.com, card 5555-5555-5555-4444, call 030 12345678")]
    counts = mask_dialogues(rows)
    assert counts == {"CARD": 1, "EMAIL": 1, "PHONE": 1}
    assert rows[0]["messages"][0]["content"] == "I am <EMAIL>, card <CARD>, call <PHONE>"


def test_public_contacts_in_the_keep_list_stay() -> None:
    rows = [dialogue("Write to help@kestrel-outdoor.example or 1-800-555-0142, not me@x.example")]
    keep = frozenset({"help@kestrel-outdoor.example", "1-800-555-0142"})
    assert mask_dialogues(rows, keep) == {"EMAIL": 1}
    assert "help@kestrel-outdoor.example" in rows[0]["messages"][0]["content"]


def test_masking_is_on_by_default_and_in_the_shipped_configs() -> None:
    assert TrainConfig().mask_pii is True
    for name in ("customer_service.yaml", "customer_service_smollm2.yaml"):
        cfg = TrainConfig.load(ROOT / "finetune/configs" / name)
        assert cfg.mask_pii and "help@kestrel-outdoor.example" in cfg.pii_keep


def test_shipped_dialogues_hold_only_the_public_contacts() -> None:
    """The dialogue set's personal-looking data is the company's own: nothing else is masked."""
    from finetune.data import load_dialogues

    cfg = TrainConfig.load(ROOT / "finetune/configs/customer_service.yaml")
    rows, _ = load_dialogues(ROOT / cfg.train_file)
    assert mask_dialogues(rows, frozenset(cfg.pii_keep)) == {}
    assert mask_dialogues(rows)["EMAIL"] > 0
