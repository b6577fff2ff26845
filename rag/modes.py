"""The answering modes as data: what each one injects and whether it uses the LoRA adapter.

No torch here, so the evaluation and the faces can import it without loading a model stack.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    name: str
    uses_context: bool  # retrieved passages are injected into the prompt
    uses_adapter: bool  # the LoRA adapter is switched on
    label: str  # how the faces name it


MODES: dict[str, Mode] = {
    m.name: m
    for m in (
        Mode("rag", uses_context=True, uses_adapter=False, label="context-injected"),
        Mode("finetuned", uses_context=False, uses_adapter=True, label="fine-tuned"),
        Mode("finetuned+rag", uses_context=True, uses_adapter=True, label="fine-tuned + context"),
    )
}
MODE_NAMES: tuple[str, ...] = tuple(MODES)


def get_mode(name: str) -> Mode:
    try:
        return MODES[name]
    except KeyError:
        raise ValueError(f"unknown mode '{name}'; choose one of {', '.join(MODES)}") from None


def mode_label(name: str) -> str:
    """'context-injected' for 'rag'; an unknown name (an old export) as it is."""
    return MODES[name].label if name in MODES else name


def best_mode(summary: dict, available: tuple[str, ...], model: str) -> str:
    """The available mode with the best measured fact recall in an eval summary.json (flat keys
    such as 'modes.rag.fact_recall') of this `model`; the first available mode when nothing was
    measured for it."""
    if summary.get("model") != model:
        return available[0]
    measured = {m: summary.get(f"modes.{m}.fact_recall") for m in available}
    scored = {m: v for m, v in measured.items() if isinstance(v, int | float)}
    return max(scored, key=scored.__getitem__) if scored else available[0]
