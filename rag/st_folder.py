"""A sentence-transformers model folder, read and run without importing sentence-transformers.

`import sentence_transformers` took ~5 s and ~300 MB here, most of it scikit-learn and SciPy,
which it imports at the top for functions ragchat never calls. The page, the API and `ragchat
ask` only embed with a folder of the plain shape, Transformer → Pooling (mean or CLS) →
optional Normalize, and this module reads that shape from the folder's own files:
- `read_folder` gives what the exported graph needs (tokenizer, token limit, pooling, width);
- `FolderEncoder` runs the transformer on torch with the same pooling, for the reranker.
Any other shape raises UnsupportedModel and the callers load sentence-transformers instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.onnx_encoder import UnsupportedModel, pooled_vectors


@dataclass(frozen=True)
class FolderModel:
    folder: Path
    tokenizer: Any  # the folder's fast tokenizer (transformers)
    max_seq_length: int  # sentence-transformers' token limit: longer inputs are truncated
    pooling: str  # mean | cls
    dim: int


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def read_folder(folder: Path) -> FolderModel:
    """The model's description from modules.json, sentence_bert_config.json and the pooling
    config; UnsupportedModel when it is not the plain shape."""
    try:
        modules = _read_json(folder / "modules.json")
        names = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if names[:2] != ["Transformer", "Pooling"] or any(n != "Normalize" for n in names[2:]):
            raise UnsupportedModel(f"modules {' → '.join(names)}")
        pooling = _read_json(folder / modules[1]["path"] / "config.json")
        config = _read_json(folder / "sentence_bert_config.json")
    except (OSError, KeyError, ValueError) as err:
        if isinstance(err, UnsupportedModel):
            raise
        raise UnsupportedModel(f"no plain sentence-transformers description: {err}") from err
    mode = pooling.get("pooling_mode")  # sentence-transformers 5 writes one name
    if mode is None:
        flags = {"mean": "pooling_mode_mean_tokens", "cls": "pooling_mode_cls_token"}
        mode = next((m for m, flag in flags.items() if pooling.get(flag)), "other")
    if mode not in ("mean", "cls"):
        raise UnsupportedModel(f"{mode} pooling")
    if config.get("do_lower_case"):
        raise UnsupportedModel("lower-casing of the input")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    dim = int(pooling["word_embedding_dimension"])
    return FolderModel(folder, tokenizer, int(config["max_seq_length"]), mode, dim)


class FolderEncoder:
    """Normalised vectors of a plain folder on torch: sentence-transformers' encode, without it."""

    def __init__(self, model: FolderModel, batch_size: int = 32):
        from transformers import AutoModel

        self.spec, self.batch_size = model, batch_size
        self.model = AutoModel.from_pretrained(str(model.folder), local_files_only=True).eval()

    def encode(self, texts: list[str]) -> np.ndarray:
        import torch

        out = np.zeros((len(texts), self.spec.dim), dtype=np.float32)
        # Longest first, like sentence-transformers: batches of similar length pad little.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            batch = self.spec.tokenizer(
                [texts[i] for i in rows],
                padding=True,
                truncation=True,
                max_length=self.spec.max_seq_length,
                return_tensors="pt",
            )
            with torch.inference_mode():
                tokens = self.model(**batch).last_hidden_state
                vectors = pooled_vectors(tokens, batch["attention_mask"], self.spec.pooling)
            out[rows] = vectors.float().numpy()
        return out
