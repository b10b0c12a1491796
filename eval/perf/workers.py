"""The measurements, each run in its own process so memory and start-up are its own.

bench_perf.py starts ``python eval/bench_perf.py --worker NAME --args JSON``;
the worker prints one line ``RESULT {json}`` at the end.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

from .measure import current_rss_mib, disk_mib, load_average, peak_rss_mib, percentiles, stage_percentiles

BASE_TEXTS = "base_texts.json"
BASE_VECTORS = "base_vectors.npy"
BASE_META = "base.json"
TIE_EPSILON = 1e-3  # cosine; the copies of one real chunk score within ~1e-3 of each other


def _published_build(index_dir: Path) -> Path:
    return index_dir / "builds" / (index_dir / "CURRENT").read_text(encoding="utf-8").strip()


def _questions(bench_dir: Path, limit: int):
    from rag.evaluate import load_bench_questions

    return [q for q in load_bench_questions(bench_dir) if q.gold_docs][:limit]


def _corpus_doc_ids(corpus: Path) -> set[str]:
    path = corpus / "corpus.jsonl" if corpus.is_dir() else corpus
    with path.open(encoding="utf-8") as handle:
        return {str(json.loads(line)["doc_id"]) for line in handle if line.strip()}


# --------------------------------------------------------------------------- build


def build(corpus: str, index: str, base: str | None = None, fresh_sample: int = 0, store: str = "faiss", milvus_uri: str | None = None) -> dict:
    """Build one index through rag.index.build_index; stage seconds come from its manifest."""
    from rag.encoders import make_encoder
    from rag.index import build_index
    from rag.stores import StoreChoice

    real = make_encoder()
    encoder = real
    if base:
        from .synth import PerturbedCopyEncoder

        base_dir = Path(base)
        meta = json.loads((base_dir / BASE_META).read_text(encoding="utf-8"))
        texts = json.loads((base_dir / BASE_TEXTS).read_text(encoding="utf-8"))
        vectors = np.load(base_dir / BASE_VECTORS)
        encoder = PerturbedCopyEncoder(real.name, texts, vectors, meta["copies"], query_encoder=real)
        # Synthetic copies measure retrieval at scale; their sentences would be encoded for real (hours at 100k),
        # so such builds store no sentence vectors and the answer stage encodes the few it reads on demand.
        from rag.index import SENTENCE_VECTORS_ENV

        os.environ[SENTENCE_VECTORS_ENV] = "off"
    started = time.perf_counter()
    manifest = build_index(Path(corpus), Path(index), encoder, store=StoreChoice.parse(store, milvus_uri))
    wall = time.perf_counter() - started
    build_dir = _published_build(Path(index))
    dense_json = build_dir / "dense" / "dense.json"
    dense_meta = json.loads(dense_json.read_text(encoding="utf-8")) if dense_json.is_file() else manifest["store"]["dense"]
    result = {
        "manifest": {k: manifest[k] for k in ("counts", "stage_seconds", "build_seconds", "dense_index", "encoder")},
        "dense": {k: dense_meta.get(k) for k in ("kind", "vectors", "ef_search", "calibrated_recall")},
        "wall_seconds": round(wall, 2),
        "peak_rss_mib": peak_rss_mib(),
        "index_disk_mib": disk_mib(build_dir),
        "store": manifest.get("store", {"kind": "faiss"}),
        "milvus_disk_mib": disk_mib(Path(milvus_uri)) if milvus_uri and Path(milvus_uri).is_dir() else None,
        "index_disk_parts_mib": {p.name: disk_mib(p) if p.is_dir() else round(p.stat().st_size / 2**20, 2) for p in build_dir.iterdir()},
        "perturbed_misses": getattr(encoder, "misses", None),
        "load_average": load_average(),
    }
    if fresh_sample:
        result["fresh_encoding"] = _fresh_encoding(real, Path(base) if base else None, Path(index), fresh_sample)
    return result


def _fresh_encoding(encoder, base_dir: Path | None, index_dir: Path, n: int) -> dict:
    """Real encoder throughput on texts it has never seen (edited chunks, so no cache can help)."""
    from rag.index import load_index

    chunks = load_index(index_dir).table.all_chunks()[:n]
    table = {ord(d): ord(str((int(d) + 7) % 10)) for d in "0123456789"} | {ord("的"): ord("之")}
    texts = [c.index_text.translate(table) + "。" for c in chunks]
    started = time.perf_counter()
    encoder.encode_passages(texts)
    seconds = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    return {"passages": len(texts), "chars": chars, "seconds": round(seconds, 2),
            "chars_per_s": round(chars / seconds, 1), "passages_per_s": round(len(texts) / seconds, 2), "load_average": load_average()}


# --------------------------------------------------------------------------- query


def query(corpus: str, index: str, bench: str, questions: int, process_started: float) -> dict:
    """Warm, one-at-a-time queries through the Assistant; start-up phases of this process too."""
    t0 = time.perf_counter()
    t0_wall = time.time()  # process_started is wall-clock time (time.time()), perf_counter has another origin
    from rag.assistant import Assistant
    from rag.encoders import make_encoder
    from rag.index import load_index

    imported = time.perf_counter()
    loaded = load_index(Path(index))
    index_loaded = time.perf_counter()
    encoder = make_encoder()
    encoder_loaded = time.perf_counter()
    assistant = Assistant(loaded, encoder, Path(corpus), llm=None)
    asked = _questions(Path(bench), questions)
    first = assistant.ask(asked[0].question)
    ready = time.perf_counter()
    startup = {
        "python_start_to_main_s": round(t0_wall - process_started, 3) if process_started else None,
        "imports_s": round(imported - t0, 3),
        "load_index_s": round(index_loaded - imported, 3),
        "jieba_tokenizer_init_s": round(loaded.tokenizer.init_seconds, 3),
        "encoder_load_s": round(encoder_loaded - index_loaded, 3),
        "first_answer_s": round(ready - encoder_loaded, 3),
        "rss_after_first_answer_mib": current_rss_mib(),
    }
    for q in asked[:5]:  # warm-up: caches, lazily built structures
        assistant.ask(q.question)
    present = _corpus_doc_ids(Path(corpus))
    answer_timings, hits1, hits5, judged = [], 0, 0, 0
    for q in asked:
        retrieval = assistant.search(q.question, k=5)
        if present.intersection(q.gold_docs):  # hit@k only where a gold doc is in this corpus
            relevant = [q.is_relevant(h) for h in retrieval.hits]
            judged += 1
            hits1 += bool(relevant[:1] and relevant[0])
            hits5 += any(relevant)
        answer = assistant.ask(q.question)
        answer_timings.append(dict(answer.timings_ms))
    stages = stage_percentiles(answer_timings)
    search_ms = _search_latency_by_mode(assistant, [q.question for q in asked])
    return {
        "questions": len(asked),
        "judged_questions": judged,
        "stages_ms": stages,
        "search_ms_by_mode": search_ms,
        "hit@1": round(hits1 / judged, 3) if judged else None,
        "hit@5": round(hits5 / judged, 3) if judged else None,
        "startup": startup,
        "rss_mib": current_rss_mib(),
        "peak_rss_mib": peak_rss_mib(),
        "dense_kind": loaded.dense.kind,
        "chunks": len(loaded.dense),
        "load_average": load_average(),
    }


SEARCH_MODES = ("hybrid", "dense", "keyword")


def _search_latency_by_mode(assistant, questions: list[str]) -> dict[str, dict]:
    """``Assistant.search`` (k=5) per retrieval mode, the modes interleaved question by question so that
    load changes hit all of them alike. The questions were asked before, so their vectors come from the
    query-vector LRU: these are store + fusion times, without encoding."""
    timings: dict[str, list[float]] = {mode: [] for mode in SEARCH_MODES}
    for n, question in enumerate(questions):
        for mode in SEARCH_MODES[n % 3:] + SEARCH_MODES[:n % 3]:
            started = time.perf_counter()
            assistant.search(question, k=5, mode=mode)
            timings[mode].append((time.perf_counter() - started) * 1000)
    return {mode: percentiles(values) for mode, values in timings.items()}


# --------------------------------------------------------------------------- ANN choice


def _all_cached_vectors(encoder_name: str) -> np.ndarray:
    """Every real passage vector in the shared vector cache (whatever benches were encoded on this machine)."""
    import sqlite3

    from rag.vector_cache import cache_file_for, default_cache_dir

    path = cache_file_for(encoder_name, default_cache_dir())
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT vector FROM vectors").fetchall()
    return np.stack([np.frombuffer(blob, dtype=np.float32) for (blob,) in rows])


def ann(index: str | None, bench: str, questions: int, ef_values: list[int], extra_bench: str | None = None) -> dict:
    """recall@10 of HNSW (calibrated and swept efSearch) against exact search, with real query vectors.

    ``index`` None: the database is every real vector in the shared vector cache.
    """
    import faiss

    from rag.stores.faiss import DenseStore
    from rag.encoders import make_encoder

    encoder = make_encoder()
    if index:
        build_dir = _published_build(Path(index))
        flat = faiss.read_index(str(build_dir / "dense" / "dense.faiss"))
        base = faiss.downcast_index(flat.index)
        vectors = base.reconstruct_n(0, base.ntotal)
        ids = faiss.vector_to_array(flat.id_map)
    else:
        vectors = _all_cached_vectors(encoder.name)
        ids = np.arange(len(vectors), dtype=np.int64)
    asked = _questions(Path(bench), questions) + (_questions(Path(extra_bench), questions) if extra_bench else [])
    queries = encoder.encode_queries([q.question for q in asked])
    exact_store = DenseStore.build(vectors, ids, kind="flat")
    started = time.perf_counter()
    hnsw = DenseStore.build(vectors, ids, kind="hnsw")
    hnsw_build_s = time.perf_counter() - started
    truth, kth, flat_ms = [], [], []
    for q in queries:
        t = time.perf_counter()
        found = exact_store.search(q, 10)
        flat_ms.append((time.perf_counter() - t) * 1000)
        truth.append({i for i, _ in found})
        kth.append(found[-1][1])

    def measure(store) -> tuple[float, dict, float]:
        """Strict recall@10 (same ids as exact) and tie-aware recall@10 (ann-benchmarks style:
        a result counts when its cosine is within TIE_EPSILON of the exact 10th best)."""
        recalls, tie_recalls, times = [], [], []
        for q, wanted, floor in zip(queries, truth, kth):
            t = time.perf_counter()
            found = store.search(q, 10)
            times.append((time.perf_counter() - t) * 1000)
            recalls.append(len({i for i, _ in found} & wanted) / max(1, len(wanted)))
            tie_recalls.append(min(len(wanted), sum(score >= floor - TIE_EPSILON for _, score in found)) / max(1, len(wanted)))
        return round(float(np.mean(recalls)), 4), percentiles(times), round(float(np.mean(tie_recalls)), 4)

    settings = hnsw.settings()
    recall, times, tie_recall = measure(hnsw)
    sweep = []
    index_hnsw = faiss.downcast_index(hnsw._index.index)  # sweep efSearch on the same graph
    for ef in ef_values:
        hnsw._ef_search = ef
        index_hnsw.hnsw.efSearch = ef
        r, t, tr = measure(hnsw)
        sweep.append({"ef_search": ef, "recall@10": r, "recall@10_ties": tr, "latency_ms": t})
    return {
        "database": "synthetic index" if index else "all real vectors in the vector cache",
        "vectors": int(len(ids)),
        "queries": len(queries),
        "flat_latency_ms": percentiles(flat_ms),
        "hnsw_build_s": round(hnsw_build_s, 1),
        "hnsw_settings": settings,
        "hnsw_calibrated": {"recall@10_real_queries": recall, "recall@10_ties": tie_recall, "latency_ms": times},
        "tie_epsilon": TIE_EPSILON,
        "sweep": sweep,
        "peak_rss_mib": peak_rss_mib(),
        "load_average": load_average(),
    }


# --------------------------------------------------------------------------- peers


def peers(bench: str, index: str, questions: int, systems: list[str]) -> dict:
    """Ours (Assistant.search) against txtai and LangChain on the same chunks and vectors."""
    import faiss

    from rag.assistant import Assistant
    from rag.query_cache import QUERY_VECTORS
    from rag.retrieve import Retriever

    from .peers import PEERS

    assistant = Assistant.open(Path(bench), Path(index), llm=None)
    chunks = assistant.index.table.all_chunks()
    build_dir = _published_build(Path(index))
    stored = faiss.read_index(str(build_dir / "dense" / "dense.faiss"))
    ids = faiss.vector_to_array(stored.id_map)
    row_of = {int(i): r for r, i in enumerate(ids)}
    all_vectors = faiss.downcast_index(stored.index).reconstruct_n(0, stored.ntotal)
    vectors = np.stack([all_vectors[row_of[c.id]] for c in chunks])
    texts = [c.index_text for c in chunks]
    sources = [c.source for c in chunks]
    tokenize = assistant.index.tokenizer.tokenize
    encoder = assistant.encoder

    def encode_query(text: str) -> np.ndarray:
        return encoder.encode_queries([text])[0]

    asked = _questions(Path(bench), questions)
    # Second pass with query vectors computed beforehand: the encoder is the
    # same for every system, so this isolates each stack's own machinery.
    precomputed: dict[str, np.ndarray] = {}

    def encode_query(text: str) -> np.ndarray:
        vector = precomputed.get(text)
        return vector if vector is not None else encoder.encode_queries([text])[0]

    class MemoEncoder:
        name, dim = encoder.name, encoder.dim

        def encode_queries(self, texts):
            return np.stack([encode_query(t) for t in texts])

    memo_retriever = Retriever(assistant.index, MemoEncoder())

    def ours(q: str, k: int) -> list[str]:
        if precomputed:
            return [h.paragraph.source for h in memo_retriever.retrieve(q, k=k).hits]
        return [h.paragraph.source for h in assistant.search(q, k=k).hits]

    own_model = []

    def own_encode_query(text: str) -> np.ndarray:
        """A peer "+st" encodes its queries the way its users would: the converted e5-small loaded by
        sentence-transformers (rag.e5_convert), in its default torch set-up, not through our encoder."""
        if text in precomputed:  # the second pass measures each stack without query encoding
            return precomputed[text]
        if not own_model:
            from sentence_transformers import SentenceTransformer

            from rag.e5_convert import converted_e5_dir

            own_model.append(SentenceTransformer(str(converted_e5_dir()), device="cpu", local_files_only=True))
        return own_model[0].encode("query: " + text, normalize_embeddings=True, convert_to_numpy=True)

    searchers = {"ours": (ours, 0.0)}
    errors = {}
    for name in systems:
        started = time.perf_counter()
        peer, _, own = name.partition("+")
        try:
            system = PEERS[peer](texts, sources, vectors, tokenize, own_encode_query if own == "st" else encode_query)
        except Exception as exc:  # a peer that cannot be set up is reported, not fatal
            errors[name] = f"{type(exc).__name__}: {exc}"
            continue
        searchers[name] = (system.search, time.perf_counter() - started)

    def measure_interleaved() -> dict[str, dict]:
        """Every system answers question i before any answers question i+1, so a change in the
        machine's load during the run affects all systems alike."""
        for q in asked[:5]:
            for search, _ in searchers.values():
                search(q.question, 5)
        times = {name: [] for name in searchers}
        hits = {name: [0, 0] for name in searchers}
        for q in asked:
            gold = set(q.gold_docs)
            for name, (search, _) in searchers.items():
                QUERY_VECTORS.clear()  # each system pays its own query encoding (whoever ran first would fill the LRU)
                t = time.perf_counter()
                found = search(q.question, 5)
                times[name].append((time.perf_counter() - t) * 1000)
                hits[name][0] += bool(found[:1] and found[0] in gold)
                hits[name][1] += any(s in gold for s in found[:5])
        return {name: {"hit@1": round(hits[name][0] / len(asked), 3), "hit@5": round(hits[name][1] / len(asked), 3),
                       "latency_ms": percentiles(times[name])} for name in searchers}

    results = {name: {**row, "setup_s": round(searchers[name][1], 2)} for name, row in measure_interleaved().items()}
    precomputed.update(zip([q.question for q in asked], encoder.encode_queries([q.question for q in asked])))
    for name, row in measure_interleaved().items():
        results[name]["without_query_encoding"] = row
    return {"bench": Path(bench).name, "chunks": len(chunks), "questions": len(asked), "systems": results,
            "errors": errors, "load_average": load_average(), "peak_rss_mib": peak_rss_mib()}


def _million_build(**kwargs) -> dict:
    from .million import build as million_build

    return million_build(**kwargs)


def _million_query(**kwargs) -> dict:
    from .million import query as million_query

    return million_query(**kwargs)


WORKERS = {"build": build, "query": query, "ann": ann, "peers": peers, "million_build": _million_build, "million_query": _million_query}


def ann_store(dense: str, bench: str, questions: int, ef_values: list[int]) -> dict:
    """recall@10 of an already built HNSW store (the 1M leg's) against exact search, real query vectors."""
    import faiss

    from rag.stores.faiss import DenseStore
    from rag.encoders import make_encoder

    store = DenseStore.load(Path(dense), mmap=False)
    hnsw_index = faiss.downcast_index(store._index.index)
    vectors = faiss.downcast_index(hnsw_index.storage).reconstruct_n(0, hnsw_index.ntotal)
    ids = faiss.vector_to_array(store._index.id_map)
    asked = _questions(Path(bench), questions)
    queries = np.ascontiguousarray(make_encoder().encode_queries([q.question for q in asked]), dtype=np.float32)
    t = time.perf_counter()
    exact_scores, exact_rows = faiss.knn(queries, vectors, 10, metric=faiss.METRIC_INNER_PRODUCT)
    exact_s = time.perf_counter() - t
    del vectors
    truth = [set(ids[row].tolist()) for row in exact_rows]
    floors = exact_scores[:, -1] - TIE_EPSILON
    calibrated = store.settings().get("hnsw_ef_search")
    sweep = []
    for ef in sorted(set(ef_values) | ({calibrated} if calibrated else set())):
        store._ef_search = ef
        recalls, ties, times = [], [], []
        for q, wanted, floor in zip(queries, truth, floors):
            t = time.perf_counter()
            found = store.search(q, 10)
            times.append((time.perf_counter() - t) * 1000)
            recalls.append(len({i for i, _ in found} & wanted) / 10)
            ties.append(min(10, sum(s >= floor for _, s in found)) / 10)
        sweep.append({"ef_search": ef, "recall@10": round(float(np.mean(recalls)), 4), "recall@10_ties": round(float(np.mean(ties)), 4),
                      "latency_ms": percentiles(times)})
    return {"database": "1M leg's HNSW store", "vectors": int(len(ids)), "queries": len(queries), "calibrated_ef_search": calibrated,
            "exact_batch_s": round(exact_s, 2), "sweep": sweep, "tie_epsilon": TIE_EPSILON,
            "peak_rss_mib": peak_rss_mib(), "load_average": load_average()}


WORKERS["ann_store"] = ann_store
