"""A sentence-transformers model run by ONNX Runtime on the CPU (`embedding.runtime: onnx`).

The model's transformer, its mean (or CLS) pooling and the normalisation are exported once with
torch.onnx into one graph and cached under .ragchat/models/onnx, keyed by the weights' hash.
Measured with `python -m bench.encode_runtimes` (data/docs' chunks ×3, one thread, rounds
alternated): 1.61× the chunks/s of sentence-transformers on torch (1.43–1.84× per round), cosine
to its vectors ≥ 0.9999996, one query 13.8 → 7.8 ms.
The vectors are the same, so the embedder keeps its name and an index built either way is used
by the other. Inputs are tokenised by a private copy of the fast tokenizer with padding and
truncation fixed once, so threads can encode at the same time (the shared one is reconfigured
on every call).
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)
CACHE_DIR = Path(__file__).resolve().parent.parent / ".ragchat" / "models" / "onnx"
OPSET = 17
# Inputs are padded to a multiple of this many tokens (the padding is masked: the vectors are
# the same, cosine >= 0.99998 in bf16). Both runtimes keep memory per input shape they have
# seen, OpenVINO most: 117 queries of different lengths grew the process by 270 MB unpadded
# and by 52 MB padded to 16, and were encoded faster (1.8 -> 1.2 s; fewer shapes to prepare),
# at the same chunks/s (bench/encode_shapes.py).
PAD_TO_MULTIPLE = 16


class UnsupportedModel(ValueError):
    pass


def pooling_mode(model: Any) -> str:
    """'mean' or 'cls' for a Transformer → Pooling (→ Normalize) model, else UnsupportedModel."""
    from rag.st_folder import FolderModel  # here: rag.st_folder imports this module

    if isinstance(model, FolderModel):  # read from its folder's description
        return model.pooling
    names = [type(module).__name__ for module in model]
    if names[:2] != ["Transformer", "Pooling"] or any(n != "Normalize" for n in names[2:]):
        raise UnsupportedModel(f"modules {' → '.join(names)}")
    pooling = model[1]
    mode = getattr(pooling, "pooling_mode", None)  # sentence-transformers 5: one name
    if mode is None:  # earlier releases: one flag per mode
        flags = {"mean": "pooling_mode_mean_tokens", "cls": "pooling_mode_cls_token"}
        mode = next((m for m, flag in flags.items() if getattr(pooling, flag, False)), "other")
    if mode not in ("mean", "cls"):
        raise UnsupportedModel(f"{mode} pooling")
    return mode


def weights_key(folder: Path) -> str:
    """Folder name and a hash of its weight and config files: a changed model is re-exported."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".safetensors", ".bin", ".json"):
            digest.update(path.relative_to(folder).as_posix().encode())
            with path.open("rb") as f:
                while block := f.read(1 << 20):
                    digest.update(block)
    return f"{folder.name}-{digest.hexdigest()[:16]}"


def pooled_vectors(tokens: Any, attention_mask: Any, mode: str) -> Any:
    """sentence-transformers' Pooling (mean over the unmasked tokens, or the CLS token) and
    Normalize, on torch tensors: in the exported graph and in rag.st_folder's encoder."""
    import torch

    if mode == "cls":
        pooled = tokens[:, 0]
    else:
        mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
        pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(pooled, dim=-1)


def export(model: Any, mode: str) -> bytes:
    """The ONNX graph of transformer + pooling + L2 normalisation, dynamic batch and length."""
    import torch

    class Encoder(torch.nn.Module):
        def __init__(self, transformer: Any):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            out = self.transformer(input_ids=input_ids, attention_mask=attention_mask)
            return pooled_vectors(out.last_hidden_state, attention_mask, mode)

    sample = model.tokenizer(["a short text", "another"], padding=True, return_tensors="pt")
    encoder = Encoder(model[0].auto_model).eval()
    buffer = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(
            encoder,
            (sample["input_ids"], sample["attention_mask"]),
            buffer,
            input_names=["input_ids", "attention_mask"],
            output_names=["vectors"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "vectors": {0: "batch"},
            },
            opset_version=OPSET,
            dynamo=False,  # the TorchScript exporter: no onnxscript needed
        )
    return buffer.getvalue()


def cached_graph(model: Any, folder: Path, mode: str) -> Path | bytes:
    """The exported graph's file (ONNX Runtime reads it without a Python copy), or its bytes
    where the cache folder can't be written."""
    path = CACHE_DIR / f"{weights_key(folder)}-{mode}-opset{OPSET}.onnx"
    if path.exists():
        return path
    from rag.st_folder import FolderModel  # here: rag.st_folder imports this module

    if isinstance(model, FolderModel):  # read without sentence-transformers: the export needs it
        from sentence_transformers import SentenceTransformer

        model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    graph = export(model, mode)
    try:  # written whole or not at all: another process may be reading the folder
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(graph)
        os.chmod(tmp.name, 0o644)  # a temp file is 0600: the image runs as another user
        os.replace(tmp.name, path)
    except OSError as err:  # a read-only install: export again next start
        log.warning("ONNX export kept in memory only: %s: %s", path.parent, err)
        return graph
    return path


class GraphEncoder:
    """Batching shared by the runtimes of the exported graph: sorted by length, tokenised by a
    private fast tokenizer, one `run(ids, mask)` per batch."""

    def __init__(self, model: Any):
        self.tokenizer = _fixed_tokenizer(model.tokenizer, int(model.max_seq_length))

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        # Longest first within the call, like sentence-transformers: batches of similar length.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: list[np.ndarray] = [np.empty(0)] * len(texts)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            encoded = self.tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            for row, vector in zip(rows, self.run(ids, mask), strict=True):
                out[row] = vector
        return np.asarray(out, dtype=np.float32)


class OnnxEncoder(GraphEncoder):
    """Normalised vectors of a sentence-transformers model, by ONNX Runtime."""

    def __init__(self, model: Any, folder: Path, threads: int):
        import onnxruntime as ort

        super().__init__(model)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        graph = cached_graph(model, folder, pooling_mode(model))
        source = str(graph) if isinstance(graph, Path) else graph
        self.session = ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        (vectors,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
        return vectors


def _fixed_tokenizer(tokenizer: Any, max_tokens: int) -> Any:
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise UnsupportedModel("a slow (Python) tokenizer")
    from tokenizers import Tokenizer

    fixed = Tokenizer.from_str(backend.to_str())
    fixed.enable_truncation(max_tokens)
    fixed.enable_padding(
        pad_id=tokenizer.pad_token_id,
        pad_token=tokenizer.pad_token,
        # Never past the model's limit: a limit that is no multiple is padded to the longest only.
        pad_to_multiple_of=PAD_TO_MULTIPLE if max_tokens % PAD_TO_MULTIPLE == 0 else None,
    )
    return fixed


def main() -> None:
    """Export the packaged embedder once (make setup), so no first query waits for it."""
    from sentence_transformers import SentenceTransformer

    from rag.embeddings import default_model_dir

    folder = default_model_dir()
    model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
    print(f"all-MiniLM-L6-v2: {cached_graph(model, folder, pooling_mode(model))}")


if __name__ == "__main__":
    main()
