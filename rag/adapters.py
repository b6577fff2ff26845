"""Which LoRA adapters can be chosen: folders holding an adapter_config.json (peft format)."""

from __future__ import annotations

from pathlib import Path

from rag.settings import PROJECT_ROOT, Settings

ADAPTERS_DIR = PROJECT_ROOT / "data" / "adapters"


def configured_adapter(settings: Settings) -> Path | None:
    """`llm.adapter` when that folder holds an adapter, else None."""
    if settings.llm.adapter is None or str(settings.llm.adapter) in ("", "."):
        return None
    path = settings.resolve(settings.llm.adapter.expanduser())
    return path if (path / "adapter_config.json").is_file() else None


def list_adapters(settings: Settings) -> dict[str, Path]:
    """Adapters by name: the configured one, and every adapter under data/adapters and under
    the configured adapter's parent folder. A name found twice is shown as its full path."""
    configured = configured_adapter(settings)
    folders = [ADAPTERS_DIR]
    if settings.llm.adapter is not None:
        folders.append(settings.resolve(settings.llm.adapter.expanduser()).parent)
    found: list[Path] = [configured] if configured else []
    for folder in folders:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if (p / "adapter_config.json").is_file())
    adapters: dict[str, Path] = {}
    for path in dict.fromkeys(p.resolve() for p in found):
        name = path.name if path.name not in adapters else str(path)
        adapters[name] = path
    return adapters
