"""rag.st_folder: a plain sentence-transformers folder read and run without the library, the
same vectors, and the library still used for any other shape."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from rag.embeddings import default_model_dir
from rag.onnx_encoder import UnsupportedModel
from rag.st_folder import FolderEncoder, read_folder

TEXTS = ["How long do I have to return an item?", "word " * 600, "x", "Livraison dès 75 $."]


def test_the_packaged_embedder_is_read_from_its_files():
    model = read_folder(default_model_dir())
    assert (model.pooling, model.max_seq_length, model.dim) == ("mean", 256, 384)
    assert model.tokenizer("a b c")["input_ids"][0] == model.tokenizer.cls_token_id


def test_folder_encoder_gives_sentence_transformers_vectors():
    from sentence_transformers import SentenceTransformer

    folder = default_model_dir()
    ours = FolderEncoder(read_folder(folder), batch_size=2).encode(TEXTS)
    theirs = SentenceTransformer(str(folder), device="cpu").encode(TEXTS, normalize_embeddings=True)
    assert np.abs(ours - theirs).max() < 1e-5


def test_another_shape_is_refused_naming_it(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    pooling = folder / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config.update(pooling_mode_mean_tokens=False, pooling_mode_max_tokens=True)
    pooling.write_text(json.dumps(config))
    with pytest.raises(UnsupportedModel, match="other pooling"):
        read_folder(folder)
    (folder / "modules.json").write_text(json.dumps([{"path": "", "type": "x.Dense"}]))
    with pytest.raises(UnsupportedModel, match="modules Dense"):
        read_folder(folder)


def test_the_default_embedder_and_reranker_load_without_sentence_transformers():
    # Its import costs ~5 s and ~300 MB (scikit-learn, SciPy) in every page, API and CLI start.
    code = (
        "import sys\n"
        "from rag.components import build_embedder\n"
        "from rag.rerank import _load\n"
        "from rag.settings import Settings\n"
        "embedder = build_embedder(Settings().embedding)\n"
        "encode = _load(sys.argv[1])\n"
        "assert embedder.runtime != 'torch' and encode(['a']).shape == (1, 384)\n"
        "print(sorted(m for m in ('sentence_transformers', 'sklearn') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(default_model_dir())],
        capture_output=True,
        text=True,
        check=True,
        env={"HF_HUB_OFFLINE": "1", "PATH": ""},
    )
    assert done.stdout.strip() == "[]"
