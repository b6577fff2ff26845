"""Which LoRA adapters can be chosen: folders holding an adapter_config.json (peft format),
and whether one fits the loaded base model."""

from __future__ import annotations

import json
from pathlib import Path

from rag.models import PRESETS, ModelLoadError, preset_for
from rag.settings import PROJECT_ROOT, LLMSettings, Settings

ADAPTERS_DIR = PROJECT_ROOT / "data" / "adapters"
NO_ADAPTER = Path("")  # pass as `adapter=` to the loaders to load the base alone


class NamedAdapters:
    """What both runtimes say about their loaded adapters (`adapters`: name → folder)."""

    adapters: dict[str, Path]
    default_adapter: str | None

    @property
    def has_adapter(self) -> bool:
        return bool(self.adapters)

    @property
    def adapter_path(self) -> Path | None:
        return self.adapters.get(self.default_adapter) if self.default_adapter else None


def _resolve(path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def trained_on(adapter: Path) -> str:
    """The base model an adapter's config names (a public id, or a local folder)."""
    try:
        config = json.loads((adapter / "adapter_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return str(config.get("base_model_name_or_path") or "")


def fits(adapter: Path, base_id: str | None) -> bool:
    """False when the adapter names another packaged base than `base_id`."""
    base = trained_on(adapter)
    return not (base_id and base in {p.hf_id for p in PRESETS.values()} and base != base_id)


def check_adapter_base(adapter: Path, base_id: str | None) -> None:
    """An adapter only fits the base it was trained on: say so instead of a shape error."""
    if not fits(adapter, base_id):
        raise ModelLoadError(
            f"LoRA adapter '{adapter}' was trained on {trained_on(adapter)}, but the loaded "
            f"model is {base_id} (llm.model); train one for it with `ragchat finetune`"
        )


def resolve_adapter(settings: LLMSettings, adapter: Path | None) -> Path | None:
    """adapter=None: `llm.adapter` when that folder holds an adapter (else none);
    NO_ADAPTER: none; any other path must hold an adapter."""
    if adapter is None:
        if settings.adapter is None or str(settings.adapter) in ("", "."):
            return None
        path = _resolve(settings.adapter)
        return path if (path / "adapter_config.json").exists() else None
    if adapter == NO_ADAPTER:
        return None
    path = _resolve(adapter)
    if not (path / "adapter_config.json").exists():
        raise ModelLoadError(f"LoRA adapter '{adapter}': no adapter_config.json in {path}")
    return path


def configured_adapter(settings: Settings) -> Path | None:
    """`llm.adapter` when that folder holds an adapter, else None."""
    return resolve_adapter(settings.llm, None)


def list_adapters(settings: Settings) -> dict[str, Path]:
    """Adapters that fit the configured base, by name: the configured one, and every adapter
    under data/adapters and under the configured adapter's parent folder. A name found twice
    is shown as its full path."""
    if settings.llm.mode == "openai":  # the server's adapter, by the name it is served under
        name = settings.llm.served_adapter_model
        return {name: Path(name)} if name else {}
    configured = configured_adapter(settings)
    folders = [ADAPTERS_DIR]
    if settings.llm.adapter is not None:
        folders.append(settings.resolve(settings.llm.adapter.expanduser()).parent)
    found: list[Path] = [configured] if configured else []
    for folder in folders:
        if folder.is_dir():
            found += sorted(p for p in folder.iterdir() if (p / "adapter_config.json").is_file())
    preset = preset_for(settings.llm.model)
    base_id = preset.hf_id if preset else None
    adapters: dict[str, Path] = {}
    for path in dict.fromkeys(p.resolve() for p in found):
        if not fits(path, base_id):
            continue
        name = path.name if path.name not in adapters else str(path)
        adapters[name] = path
    return adapters
