"""Ingest throughput against its limit (raw encode) and a plain LangChain pipeline; query latency.

    python -m bench.ingest [--copies 3 | --dir PATH --max-chunks 600] [--no-langchain]
                           [--int8 tensor,channel,attn] [--batch-sizes 16,64] [--threads 1]
                           [--sorting] [--query-chunks 100000 | --no-query] [--no-sequential]

Default corpus: data/docs replicated --copies times into a temp folder, every copy with its
own file names and a per-copy marker on each paragraph of the text formats, so the copies'
chunks are not exact duplicates (ragchat reuses the vector of any chunk text already stored).
PDF and DOCX copies are byte copies: ragchat embeds their chunks once, so all throughputs are
counted in chunks actually embedded. With --dir, a random subset of the folder's supported
files holding about --max-chunks chunks is copied to the temp folder.

Measured in one run, on the same chunk texts:
 1. raw SentenceTransformer.encode over the exact texts ragchat embeds (the limit);
 2. ragchat Ingester.run into a fresh index, end to end (discovery, loading, chunking,
    embedding, SQLite + FAISS writes), and its ratio to (1); 2b the same without the encode
    thread (everything in turn, windows of 128 chunks: the pipeline before it; skip with
    --no-sequential); (1), (2) and (2b) alternate for --rounds rounds, the best of each kept,
    and each round's ratio and load average are printed;
 3. a plain LangChain pipeline on the same folder: DirectoryLoader per file type →
    RecursiveCharacterTextSplitter(1000, 200) → FAISS.from_documents(HuggingFaceEmbeddings);
 4. a second ragchat run on the unchanged folder (incremental: embeds nothing).
CPU seconds (all threads of this process) are shown beside wall seconds: the machine is shared,
and CPU time is less disturbed by other processes than wall time.
The chunks of the files against the texts encoded: what encoding identical texts once saves;
paragraphs repeated across files inside longer chunks (bench/boilerplate.py).
Then the opt-in encode variants of bench/encode.py on a sample of the same texts (--sorting:
padding and time of length-sorted batches, bench/padding.py), and query
latency at --query-chunks chunks (bench/latency.py).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
warnings.filterwarnings("ignore", category=DeprecationWarning)

import torch  # noqa: E402

from bench.boilerplate import print_repeats  # noqa: E402
from bench.encode import (  # noqa: E402
    ModelEmbedder,
    add_arguments,
    make_chunker,
    raw_encode,
    run_variants,
    unique_texts,
    wants_variants,
)
from bench.latency import query_latency  # noqa: E402
from bench.retrieval import print_table  # noqa: E402
from ingest.chunker import Chunker  # noqa: E402
from ingest.loaders import SUPPORTED_SUFFIXES, LoadError, load_file  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from rag.components import open_store  # noqa: E402
from rag.embeddings import LocalEmbedder, default_model_dir  # noqa: E402
from rag.settings import PROJECT_ROOT, EmbeddingSettings, Settings  # noqa: E402

DOCS = PROJECT_ROOT / "data" / "docs"


# -- corpus ----------------------------------------------------------------------------------
def _mark(path: Path, data: bytes, copy_no: int) -> bytes:
    """A per-copy marker on every paragraph/row of a text file; binary formats unchanged."""
    tag = f" [copy {copy_no}]"
    suffix = path.suffix.lower()
    if suffix in {".md", ".txt"}:
        return data.decode().replace("\n\n", tag + "\n\n").encode() + tag.encode()
    if suffix in {".html", ".htm"}:
        return re.sub(rb"(</(?:p|li|td|h\d)>)", tag.encode() + rb"\1", data)
    if suffix == ".csv":
        lines = data.decode().splitlines()
        return "\n".join([lines[0] + ",copy"] + [f"{x},{copy_no}" for x in lines[1:]]).encode()
    return data


def replicate_docs(dest: Path, copies: int) -> None:
    for n in range(1, copies + 1):
        for src in sorted(p for p in DOCS.rglob("*") if p.is_file()):
            rel = src.relative_to(DOCS)
            target = dest / f"copy-{n}" / rel.parent / f"{src.stem}-{n}{src.suffix}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_mark(src, src.read_bytes(), n))


def sample_folder(src: Path, dest: Path, chunker: Chunker, max_chunks: int) -> None:
    """Copy random supported files of `src` until they hold about max_chunks chunks."""
    files = sorted(p for p in src.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
    random.Random(0).shuffle(files)
    total = 0
    for path in files:
        if total >= max_chunks:
            break
        try:
            n = len(chunker.chunk(load_file(path), path.name, str(path)))
        except (LoadError, OSError):
            continue
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        total += n


# -- the pipelines ---------------------------------------------------------------------------
def ragchat_ingest(folder: Path, index: Path, embedder: ModelEmbedder, threaded: bool = True):
    """threaded=False: no worker thread, windows of 128 (one flush of before): the baseline
    that shows what encoding beside loading gains."""
    settings = Settings(store={"path": index})
    store = open_store(settings, embedder)
    try:
        ingester = Ingester(settings, store, embedder)
        if not threaded:
            ingester.threaded, ingester.window_chunks = False, embedder.batch_size * 4
        summary = ingester.run([folder], progress=False)
        summary.flow = ingester.flow_stats  # type: ignore[attr-defined]
    finally:
        store.close()
    return summary


def langchain_ingest(folder: Path, embeddings) -> dict:
    from langchain_community.document_loaders import (
        BSHTMLLoader,
        CSVLoader,
        DirectoryLoader,
        Docx2txtLoader,
        PyPDFLoader,
        TextLoader,
    )
    from langchain_community.vectorstores import FAISS
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    text = (TextLoader, {"autodetect_encoding": True})
    loaders = {
        "**/*.md": text,
        "**/*.txt": text,
        "**/*.rst": text,
        "**/*.csv": (CSVLoader, {}),
        "**/*.html": (BSHTMLLoader, {"open_encoding": "utf-8"}),
        "**/*.htm": (BSHTMLLoader, {"open_encoding": "utf-8"}),
        "**/*.pdf": (PyPDFLoader, {}),
        "**/*.docx": (Docx2txtLoader, {}),
    }
    started = time.perf_counter()
    docs, files = [], set()
    for glob, (cls, kwargs) in loaders.items():
        loader = DirectoryLoader(
            str(folder), glob=glob, loader_cls=cls, loader_kwargs=kwargs, silent_errors=True
        )
        for doc in loader.load():
            docs.append(doc)
            files.add(doc.metadata.get("source"))
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    splits = splitter.split_documents(docs)
    loaded = time.perf_counter() - started
    FAISS.from_documents(splits, embeddings)
    wall = time.perf_counter() - started
    return {"files": len(files), "chunks": len(splits), "wall": wall, "load": loaded}


# -- main ------------------------------------------------------------------------------------
def measure(fn, *args) -> tuple[float, float, object]:
    """Wall seconds, CPU seconds of this process (all threads), result."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, help="a folder of documents (default: data/docs)")
    parser.add_argument("--copies", type=int, default=3, help="copies of data/docs (default 3)")
    parser.add_argument("--max-chunks", type=int, default=600, help="--dir: about this many")
    parser.add_argument("--query-chunks", type=int, default=100_000, help="store size, part 5")
    parser.add_argument("--no-query", action="store_true", help="skip the query latency part")
    parser.add_argument("--no-langchain", action="store_true", help="skip the LangChain part")
    parser.add_argument("--rounds", type=int, default=2, help="raw/ragchat rounds (best taken)")
    parser.add_argument(
        "--no-sequential", action="store_true", help="skip ragchat without its encode thread"
    )
    parser.add_argument(
        "--runtime", default="torch", help="embedding.runtime for the limit and ingest"
    )
    add_arguments(parser)
    args = parser.parse_args()

    # sentence-transformers on torch by default: the variants and the limit measured here are
    # torch's (the runtimes against each other: bench/encode_runtimes.py). --runtime auto (the
    # app's default) measures ingest against the limit of the runtime it runs on.
    base = LocalEmbedder(EmbeddingSettings(device="cpu", runtime=args.runtime))
    if base.runtime != "torch" and (wants_variants(args) or not args.no_langchain):
        parser.error("--runtime other than torch: add --no-langchain, without variants")
    print(
        f"{os.cpu_count()} CPUs (load average {os.getloadavg()[0]:.1f}, OMP_WAIT_POLICY="
        f"{os.environ.get('OMP_WAIT_POLICY', 'unset')}), torch "
        f"{torch.__version__} with {torch.get_num_threads()} threads, {base.name} on "
        f"{base.runtime} {base.precision}, batch {base.batch_size}"
    )
    chunker = make_chunker(base)
    with tempfile.TemporaryDirectory(prefix="ragchat-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        if args.dir:
            sample_folder(args.dir.resolve(), corpus, chunker, args.max_chunks)
        else:
            replicate_docs(corpus, args.copies)
        texts, total = unique_texts(corpus, chunker)
        n_files = sum(1 for p in corpus.rglob("*") if p.is_file())
        print(
            f"corpus: {args.dir or f'data/docs x{args.copies}'}: {n_files} files, "
            f"{total} chunks, {len(texts)} distinct texts to embed"
        )
        model = base.model if base.runtime == "torch" else base  # what raw_encode runs
        raw_encode(model, texts[:32])  # warm-up
        raws, rags, seqs = [], [], []
        for r in range(args.rounds):  # alternate, so load from other processes hits both
            load = os.getloadavg()[0]
            raws.append(measure(raw_encode, model, texts))
            counting = ModelEmbedder(base)
            rags.append((*measure(ragchat_ingest, corpus, tmp / f"index-{r}", counting), counting))
            if not args.no_sequential:
                seq = ModelEmbedder(base)
                run = measure(ragchat_ingest, corpus, tmp / f"seq-{r}", seq, False)
                seqs.append((*run, seq))
            print(f"  round {r + 1} (load average {load:.1f}): raw encode {raws[-1][0]:.1f} s, "
                  f"ragchat {rags[-1][0]:.1f} s ({counting.encoded} embedded, ratio "
                  f"{raws[-1][0] / rags[-1][0]:.3f})"
                  + (f", sequential {seqs[-1][0]:.1f} s" if seqs else ""), flush=True)  # fmt: skip
        raw = min(raws, key=lambda m: m[0])
        rag = min(rags, key=lambda m: m[0])
        counting = rag[3]
        again = ModelEmbedder(base)
        inc = measure(ragchat_ingest, corpus, tmp / f"index-{args.rounds - 1}", again)
        lc = None
        if not args.no_langchain:
            from langchain_huggingface import HuggingFaceEmbeddings

            hf = HuggingFaceEmbeddings(
                model_name=str(default_model_dir()), model_kwargs={"device": "cpu"}
            )
            lc = measure(langchain_ingest, corpus, hf)

        n = counting.encoded
        summary, second = rag[2], inc[2]
        print(
            f"\nbest of {args.rounds} alternated rounds; ragchat stored {summary.chunks_total} "
            f"chunks of {summary.files_indexed} files, {counting.seconds:.1f} s of its "
            f"{rag[0]:.1f} s inside encode ({counting.seconds / rag[0]:.0%}, in the encode "
            f"thread; discovery, loading, chunking and the writes run beside it); second run: "
            f"{second.files_unchanged} files unchanged, {second.chunks_added} chunks added"
        )
        flow = summary.flow
        print(
            f"identical chunk texts encoded once: {flow.chunks} chunks in the files, "
            f"{flow.encoded} encoded, {flow.chunks - flow.encoded} not encoded "
            f"({1 - flow.encoded / max(flow.chunks, 1):.1%} of the encode work saved)"
        )
        rows = [
            ["1 raw encode (limit)", n, raw[0], raw[1], n / raw[0], 1.0, 1.0, raw[0] / rag[0]],
            ["2 ragchat ingest", n, rag[0], rag[1], n / rag[0], raw[0] / rag[0],
             raw[1] / rag[1], 1.0],
        ]  # fmt: skip
        if seqs:
            seq = min(seqs, key=lambda m: m[0])
            rows.append(["2b ragchat, no encode thread", seq[3].encoded, seq[0], seq[1],
                         seq[3].encoded / seq[0], raw[0] / seq[0], raw[1] / seq[1],
                         seq[0] / rag[0]])  # fmt: skip
        if lc:
            info = lc[2]
            print(
                f"LangChain loaded {info['files']} of {n_files} files (md/txt/rst: TextLoader, "
                "csv: CSVLoader, html: BSHTMLLoader, pdf: PyPDFLoader, docx: Docx2txtLoader) "
                f"into {info['chunks']} chunks of 1000/200 chars; load+split {info['load']:.1f} s"
            )
            rows.append(
                ["3 LangChain loader/splitter/FAISS", info["chunks"], lc[0], lc[1],
                 info["chunks"] / lc[0], "-", "-", lc[0] / rag[0]]
            )  # fmt: skip
        rows.append(["4 ragchat again, unchanged", again.encoded, inc[0], inc[1], "-", "-", "-",
                     inc[0] / rag[0]])  # fmt: skip
        print_table(
            ["step", "embedded", "wall s", "CPU s", "chunks/s", "x raw", "x raw CPU",
             "wall / ragchat"],
            rows,
        )  # fmt: skip
        if lc:
            print(f"ragchat wall time / LangChain wall time: {rag[0] / lc[0]:.2f}")
        print_repeats(corpus, base.count_tokens)
        if wants_variants(args):
            run_variants(args, base, texts, tmp)
        if not args.no_query:
            query_latency(base, args.query_chunks, tmp / "query-index")
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
