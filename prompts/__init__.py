"""Prompt templates are files in this folder; this loader checks their placeholders at start-up.

Each template's placeholders must be exactly the ones its caller fills in, so a typo in a
template fails loudly with the template's name instead of producing a silently broken prompt.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

# template name -> the placeholders the engine fills in
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "system_rag": frozenset(),
    "system_plain": frozenset(),
    "context_question": frozenset({"context", "question"}),
    "passage": frozenset({"n", "label", "text"}),
    "condense": frozenset({"history", "question"}),
    "query_terms": frozenset({"question"}),
    "not_found": frozenset(),
    "answerable": frozenset(),
    "supported": frozenset({"evidence", "claim"}),
    "direct_answer": frozenset({"question", "claim"}),
}


class PromptError(ValueError):
    """A template is missing or its placeholders don't match what the engine fills in."""


@dataclass(frozen=True)
class Prompts:
    templates: dict[str, str]

    def render(self, name: str, **values: object) -> str:
        return self.templates[name].format(**values)


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def load_prompts(folder: Path | str | None = None) -> Prompts:
    folder = Path(folder) if folder else HERE
    templates = {}
    for name, expected in PLACEHOLDERS.items():
        path = folder / f"{name}.txt"
        if not path.exists():
            raise PromptError(f"prompt template '{name}': {path} is missing")
        text = path.read_text(encoding="utf-8").strip()
        try:
            found = placeholders(text)
        except ValueError as err:
            raise PromptError(f"prompt template '{name}' ({path}): {err}") from err
        if found != expected:
            missing, unknown = sorted(expected - found), sorted(found - expected)
            raise PromptError(
                f"prompt template '{name}' ({path}): missing placeholders {missing}, "
                f"unknown placeholders {unknown}"
            )
        templates[name] = text
    return Prompts(templates)
