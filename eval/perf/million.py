"""The 1M-passage leg: dense and keyword stores only, from real vectors and tokens by deterministic copies.

Neither encoding (hours per 100k on 2 cores) nor ``KeywordStore.build`` (its
Python token lists would take ~10 GB at 1M x ~100 tokens) is run at this
size. Instead:

* dense: copy c of real chunk i has the real vector of chunk i plus Gaussian
  noise (cosine ~0.95, seeded by c), then ``DenseStore.build(kind="auto")`` —
  the project's own automatic flat/HNSW choice and efSearch calibration;
* keyword: the real chunks are tokenized once by the project's tokenizer;
  copy c's tokens are those tokens with the copy's character edit applied
  (as synth.py edits the text). The BM25 (Lucene) weights are computed with
  numpy into bm25s's own on-disk format, checked equal to
  ``KeywordStore.build`` on the real chunks, and loaded with
  ``KeywordStore.load`` like any index.

The query worker then loads both stores (memory-mapped, as an index is) in a
fresh process and times the legs one query at a time.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from .measure import current_rss_mib, disk_mib, load_average, peak_rss_mib, percentiles

K1, B = 1.5, 0.75


def _bm25_store(doc_terms: list[np.ndarray], doc_tfs: list[np.ndarray], doc_lens: np.ndarray,
                copy_maps: list[np.ndarray], vocabulary: list[str], n_docs_per_copy: list[int]):
    """A bm25s.BM25 whose score matrix covers every copy (copy c: the first n_docs_per_copy[c] base docs)."""
    import bm25s
    import scipy.sparse as sp

    rows, cols, tfs, lens = [], [], [], []
    offset = 0
    base_lengths = np.array([len(t) for t in doc_terms])
    base_rows = np.repeat(np.arange(len(doc_terms), dtype=np.int64), base_lengths)
    base_cols = np.concatenate(doc_terms).astype(np.int64)
    base_tf = np.concatenate(doc_tfs).astype(np.float32)
    base_len = np.repeat(doc_lens, base_lengths).astype(np.float32)
    for mapping, n in zip(copy_maps, n_docs_per_copy):
        keep = base_rows < n
        rows.append((base_rows[keep] + offset).astype(np.int32))
        cols.append(mapping[base_cols[keep]].astype(np.int32))
        tfs.append(base_tf[keep])
        lens.append(base_len[keep])
        offset += n
    rows_a, cols_a = np.concatenate(rows), np.concatenate(cols)
    tf_a, len_a = np.concatenate(tfs), np.concatenate(lens)
    del rows, cols, tfs, lens
    n_docs = offset
    avg_len = float(sum(doc_lens[:n].sum() for n in n_docs_per_copy) / n_docs)
    df = np.bincount(cols_a, minlength=len(vocabulary)).astype(np.float64)
    idf = np.log(1 + (n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    scores = idf[cols_a] * (tf_a / (K1 * ((1 - B) + B * len_a / avg_len) + tf_a))
    del tf_a, len_a
    matrix = sp.csc_matrix((scores, (rows_a, cols_a)), shape=(n_docs, len(vocabulary)), dtype=np.float32)
    del rows_a, cols_a, scores
    retriever = bm25s.BM25(k1=K1, b=B, method="lucene")
    retriever.scores = {"data": matrix.data, "indices": matrix.indices.astype(np.int32), "indptr": matrix.indptr, "num_docs": n_docs}
    retriever.vocab_dict = {token: i for i, token in enumerate(vocabulary)}
    retriever.nonoccurrence_array = None
    return retriever


def build(base: str, out: str, target: int, check: bool = True) -> dict:
    from rag.stores.faiss import DenseStore
    from rag.stores.bm25 import KeywordStore
    from rag.tokenize import ChineseTokenizer, extract_user_words

    from .synth import copy_tables, noise_sigma
    from .workers import BASE_TEXTS, BASE_VECTORS

    started = time.perf_counter()
    base_dir, out_dir = Path(base), Path(out)
    texts = json.loads((base_dir / BASE_TEXTS).read_text(encoding="utf-8"))
    base_vectors = np.load(base_dir / BASE_VECTORS)
    n_base = len(texts)
    copies = -(-target // n_base)
    per_copy = [n_base] * (copies - 1) + [target - n_base * (copies - 1)]
    tables = copy_tables(texts, copies)
    timings = {}

    t = time.perf_counter()
    tokenizer = ChineseTokenizer(extract_user_words(texts))
    token_lists = [tokenizer.tokenize(text) for text in texts]
    base_vocab = sorted({tok for tokens in token_lists for tok in tokens})
    base_index = {tok: i for i, tok in enumerate(base_vocab)}
    doc_terms, doc_tfs = [], []
    for tokens in token_lists:
        counts = Counter(base_index[tok] for tok in tokens)
        doc_terms.append(np.fromiter(counts.keys(), dtype=np.int64, count=len(counts)))
        doc_tfs.append(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    doc_lens = np.array([len(tokens) for tokens in token_lists], dtype=np.float32)
    vocabulary: dict[str, int] = {}
    copy_maps = []
    for table in tables:
        copy_maps.append(np.fromiter((vocabulary.setdefault(tok.translate(table), len(vocabulary)) for tok in base_vocab), dtype=np.int64, count=len(base_vocab)))
    vocab_list = [None] * len(vocabulary)
    for tok, i in vocabulary.items():
        vocab_list[i] = tok
    timings["tokenize_base_and_copy_tokens"] = round(time.perf_counter() - t, 1)

    check_result = None
    if check:  # the numpy weights must equal bm25s's own on the real chunks
        small = _bm25_store(doc_terms, doc_tfs, doc_lens, copy_maps[:1], vocab_list, [n_base])
        reference = KeywordStore.build(token_lists, list(range(n_base)))
        mine = KeywordStore(small, np.arange(n_base))
        probes = [token_lists[i][:8] for i in range(0, n_base, max(1, n_base // 20))]
        check_result = all(
            [a for a, _ in mine.search(p, 20)] == [a for a, _ in reference.search(p, 20)]
            and np.allclose([s for _, s in mine.search(p, 20)], [s for _, s in reference.search(p, 20)], rtol=1e-4)
            for p in probes
        )
        del small, reference, mine

    t = time.perf_counter()
    retriever = _bm25_store(doc_terms, doc_tfs, doc_lens, copy_maps, vocab_list, per_copy)
    ids = np.arange(target, dtype=np.int64)
    keyword = KeywordStore(retriever, ids)
    keyword.save(out_dir / "keyword")
    timings["bm25_build_and_save"] = round(time.perf_counter() - t, 1)
    del keyword, retriever

    t = time.perf_counter()
    sigma = noise_sigma(base_vectors.shape[1])
    vectors = np.empty((target, base_vectors.shape[1]), dtype=np.float32)
    offset = 0
    for c, n in enumerate(per_copy):
        block = base_vectors[:n].copy()
        if c:
            block += sigma * np.random.default_rng(c).standard_normal(block.shape, dtype=np.float32)
            block /= np.linalg.norm(block, axis=1, keepdims=True)
        vectors[offset : offset + n] = block
        offset += n
    timings["make_vectors"] = round(time.perf_counter() - t, 1)
    t = time.perf_counter()
    dense = DenseStore.build(vectors, ids, kind="auto")
    timings["faiss_build"] = round(time.perf_counter() - t, 1)
    del vectors
    t = time.perf_counter()
    dense.save(out_dir / "dense")
    timings["faiss_save"] = round(time.perf_counter() - t, 1)
    (out_dir / "user_words.json").write_text(json.dumps(list(tokenizer.user_words), ensure_ascii=False), encoding="utf-8")
    return {"passages": target, "copies": copies, "seconds": timings, "total_s": round(time.perf_counter() - started, 1),
            "dense": dense.settings(), "keyword": {"vocabulary": len(vocab_list)}, "bm25_matches_keywordstore_build": check_result,
            "peak_rss_mib": peak_rss_mib(), "disk_mib": disk_mib(out_dir), "load_average": load_average()}


def query(out: str, bench: str, questions: int) -> dict:
    from rag.stores.faiss import DenseStore
    from rag.encoders import make_encoder
    from rag.stores.bm25 import KeywordStore
    from rag.retrieve import CANDIDATE_POOL, fuse_rankings
    from rag.tokenize import ChineseTokenizer

    from .workers import _questions

    out_dir = Path(out)
    t = time.perf_counter()
    keyword = KeywordStore.load(out_dir / "keyword")
    dense = DenseStore.load(out_dir / "dense")
    tokenizer = ChineseTokenizer(json.loads((out_dir / "user_words.json").read_text(encoding="utf-8")))
    encoder = make_encoder()
    load_s = time.perf_counter() - t
    asked = [q.question for q in _questions(Path(bench), questions)]
    legs: dict[str, list[float]] = {k: [] for k in ("tokenize", "bm25", "encode", "faiss", "fusion", "legs_total")}
    for n, question in enumerate(asked[:5] + asked):
        t0 = time.perf_counter()
        tokens = tokenizer.tokenize(question)
        t1 = time.perf_counter()
        kw = keyword.search(tokens, CANDIDATE_POOL)
        t2 = time.perf_counter()
        vector = encoder.encode_queries([question])[0]
        t3 = time.perf_counter()
        dn = dense.search(vector, CANDIDATE_POOL)
        t4 = time.perf_counter()
        fuse_rankings({"keyword": kw, "dense": dn})
        t5 = time.perf_counter()
        if n >= 5:  # the first five warm up
            for name, a, b in (("tokenize", t0, t1), ("bm25", t1, t2), ("encode", t2, t3), ("faiss", t3, t4), ("fusion", t4, t5), ("legs_total", t0, t5)):
                legs[name].append((b - a) * 1000)
    stats = {name: percentiles(values) for name, values in legs.items()}
    return {"chunks": len(dense), "dense_kind": dense.kind, "load_s": round(load_s, 2), "legs_ms": stats,
            "legs_p50_ms": stats["legs_total"]["p50"], "rss_mib": current_rss_mib(), "peak_rss_mib": peak_rss_mib(),
            "load_average": load_average()}


def run(args, plan: dict, work: Path, bench_dir: Path, run_worker) -> dict:
    target = args.million_size
    out = work / f"million-{target}"
    from .workers import BASE_TEXTS

    n_real = len(json.loads((work / "base" / BASE_TEXTS).read_text(encoding="utf-8")))
    notes = [
        f"{target:,} passages = the {n_real:,} real {bench_dir.name} chunks and {-(-target // n_real) - 1} edited copies of them; vectors are perturbed copies of real e5-small vectors (cosine ≈ 0.95), not encoded.",
        "Keyword matrix assembled with numpy in bm25s's format from real tokens (edited per copy), loaded with KeywordStore.load; dense store from DenseStore.build(kind='auto').",
        "Legs timed: jieba tokenize + BM25 + real query encoding + FAISS + rank fusion; no chunk table or answer extraction at this size.",
    ]
    built = run_worker("million_build", base=str(work / "base"), out=str(out), target=target)
    if "error" in built:
        return {"notes": notes, "build": built}
    queried = run_worker("million_query", out=str(out), bench=str(bench_dir), questions=plan["questions"])
    recall = run_worker("ann_store", dense=str(out / "dense"), bench=str(bench_dir), questions=plan["questions"],
                        ef_values=[64, 128, 256, 512, 1024])
    return {"notes": notes, "build": built, "query": queried, "ann": recall}
