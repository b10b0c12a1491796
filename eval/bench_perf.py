"""Performance benchmark: indexing, query latency, scale, ANN choice, start-up, and peers.

    .venv/bin/python eval/bench_perf.py --quick     # a few minutes: 1k and 10k passages, cmrc2018_dev peers
    .venv/bin/python eval/bench_perf.py             # full: 1k/10k/100k (+1M dense/keyword legs), both peer sets

Prints figures and writes ``report.json``, ``report.md`` and ``latency_vs_size.png``
to ``--out`` (default eval/results/perf). Not a timed test: every figure carries
the load average it was measured under. Heavy stages run one after another,
each in its own process (``--worker``), so peak memory is per stage.
Peers (txtai, LangChain) need the benchmark extra: ``pip install -e .[bench]``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROCESS_STARTED = time.time()
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

DEFAULT_BENCH_ROOT = Path("/work/shared/bench")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_worker(name: str, env: dict | None = None, timeout: float = 6 * 3600, **kwargs) -> dict:
    """Run one measurement in a fresh process; its ``RESULT`` line, or an error record."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--args", json.dumps(kwargs)]
    started = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=timeout)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT "):])
            result["worker_wall_s"] = round(time.time() - started, 1)
            return result
    tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
    _say(f"worker {name} failed (exit {proc.returncode}):\n{tail}")
    return {"error": f"exit {proc.returncode}: {tail[-2000:]}"}


def worker_main(name: str, args_json: str) -> int:
    from perf import workers

    kwargs = json.loads(args_json)
    if name == "query":
        kwargs.setdefault("process_started", PROCESS_STARTED)
    result = workers.WORKERS[name](**kwargs)
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
    return 0


# --------------------------------------------------------------------------- plan


def plan(args: argparse.Namespace) -> dict:
    if args.quick:
        plan = {"sizes": [1_000, 10_000], "questions": 100, "peer_benches": ["cmrc2018_dev"], "million": False,
                "ann_size": 10_000, "peer_questions": 100}
    else:
        plan = {"sizes": [1_000, 10_000, 100_000], "questions": 300, "peer_benches": ["rgb_zh", "cmrc2018_dev"], "million": True,
                "ann_size": 100_000, "peer_questions": 300}
    plan["quick"] = bool(args.quick)
    plan["store"] = getattr(args, "store", "faiss")
    plan["stages"] = [x for x in args.stages.split(",") if x]
    if args.sizes:
        plan["sizes"] = [int(s) for s in args.sizes.split(",")]
        plan["ann_size"] = max(plan["sizes"])
    if args.questions:
        plan["questions"] = plan["peer_questions"] = args.questions
    if args.peer_benches is not None:
        plan["peer_benches"] = [b for b in args.peer_benches.split(",") if b]
    if args.no_million:
        plan["million"] = False
    if args.million:
        plan["million"] = True
    return plan


def machine() -> dict:
    import faiss

    from perf.measure import load_average

    info = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "faiss": faiss.__version__, "load_average_at_start": load_average()}
    try:
        info["mem_total_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return info


# --------------------------------------------------------------------------- stages


def prepare_base(bench_dir: Path, work: Path, max_copies: int) -> tuple[object, Path]:
    """The real corpus's chunks and their real vectors (from the shared vector cache, encoded if missing)."""
    from perf.synth import load_base
    from perf.workers import BASE_META, BASE_TEXTS, BASE_VECTORS
    from rag.encoders import make_encoder
    from rag.vector_cache import CachedEncoder

    import numpy as np

    base = load_base(bench_dir)
    base_dir = work / "base"
    base_dir.mkdir(parents=True, exist_ok=True)
    texts = base.texts
    _say(f"base corpus {bench_dir.name}: {len(base.records)} docs, {len(texts)} chunks; real vectors from the cache…")
    vectors = CachedEncoder(make_encoder()).encode_passages(texts)
    np.save(base_dir / BASE_VECTORS, vectors)
    (base_dir / BASE_TEXTS).write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    (base_dir / BASE_META).write_text(json.dumps({"copies": max_copies, "bench": bench_dir.name}), encoding="utf-8")
    return base, base_dir


def bench_scale(args, plan_: dict, work: Path, bench_dir: Path) -> list[dict]:
    from perf.synth import copies_needed, write_scaled_corpus

    from perf.measure import load_average

    from perf.synth import load_base

    rows = []
    max_size = max(plan_["sizes"])
    base = load_base(bench_dir)
    base, base_dir = prepare_base(bench_dir, work, copies_needed(base, max_size))
    for size in plan_["sizes"]:
        corpus_dir = work / f"corpus-{size}"
        index_dir = work / (f"index-{size}" if args.store == "faiss" else f"index-{size}-{args.store}")
        made = write_scaled_corpus(base, size, corpus_dir)
        shutil.rmtree(index_dir, ignore_errors=True)  # measure a fresh build, never an incremental no-op
        synthetic = made["copies"] > 1
        _say(f"[{size}] corpus: {made['documents']} docs, {made['copies']} copies; building index (load {load_average()})…")
        env = {"RAG_CACHE_DIR": str(work / "private-cache")} if synthetic else None
        milvus = {"store": args.store, "milvus_uri": str(work / f"milvus-{size}.db")} if args.store == "milvus" else {}
        if milvus:
            shutil.rmtree(milvus["milvus_uri"], ignore_errors=True)
        built = run_worker("build", env=env, corpus=str(corpus_dir), index=str(index_dir), **milvus,
                           base=str(base_dir) if synthetic else None,
                           fresh_sample=args.fresh_sample if size == plan_["sizes"][0] else 0)
        if "error" in built:
            rows.append({"target": size, "made": made, "build": built})
            continue
        _say(f"[{size}] built: {built['manifest']['counts']['chunks']} chunks in {built['manifest']['build_seconds']} s; querying…")
        queried = run_worker("query", env=env, corpus=str(corpus_dir), index=str(index_dir),
                             bench=str(bench_dir), questions=plan_["questions"], process_started=time.time())
        row = {"target": size, "made": made, "synthetic": synthetic, "build": built, "query": queried}
        if "stages_ms" in queried:
            e2e = queried["stages_ms"].get("end_to_end", {})
            _say(f"[{size}] end-to-end p50 {e2e.get('p50')} ms, p95 {e2e.get('p95')} ms, rss {queried['rss_mib']} MiB (load {queried['load_average']})")
        rows.append(row)
    return rows


def bench_startup(index_dir: Path, corpus_dir: Path, question: str) -> dict:
    """Wall time of `rag ask` (process start to answer printed) and of `rag serve` until its page answers."""
    from perf.measure import load_average

    rag = Path(sys.executable).with_name("rag")
    out: dict = {"index": str(index_dir), "load_average": load_average()}
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        proc = subprocess.run([str(rag), "ask", question, "--corpus", str(corpus_dir), "--index", str(index_dir), "--json"],
                              capture_output=True, text=True, timeout=600)
        wall = time.perf_counter() - started
        try:
            answer = json.loads(proc.stdout)
            e2e = answer.get("timings_ms", {}).get("end_to_end")
        except ValueError:
            e2e = None
        runs.append({"wall_s": round(wall, 3), "answer_ms": e2e, "ready_s": round(wall - (e2e or 0) / 1000, 3), "exit": proc.returncode})
    out["rag_ask"] = runs
    port = 7931
    started = time.perf_counter()
    serve = subprocess.Popen([str(rag), "serve", "--corpus", str(corpus_dir), "--index", str(index_dir), "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ready = None
    try:
        while time.perf_counter() - started < 120 and serve.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                    if response.status == 200:
                        ready = time.perf_counter() - started
                        break
            except OSError:
                time.sleep(0.05)
    finally:
        serve.terminate()
        try:
            serve.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serve.kill()
    out["rag_serve_ready_s"] = round(ready, 3) if ready is not None else None
    return out


def vector_cache_coverage(bench_dir: Path) -> float:
    """Share of the bench's chunks whose vectors are already in the shared cache (so peers need no encoding)."""
    import sqlite3

    from perf.synth import load_base
    from rag.encoders import make_encoder
    from rag.vector_cache import cache_file_for, default_cache_dir, text_key

    texts = load_base(bench_dir).texts
    path = cache_file_for(make_encoder().name, default_cache_dir())
    if not path.is_file() or not texts:
        return 0.0
    keys = [text_key(t) for t in texts]
    found = 0
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            found += db.execute(f"SELECT count(*) FROM vectors WHERE key IN ({','.join('?' * len(part))})", part).fetchone()[0]
    return found / len(keys)


def bench_peers(args, plan_: dict, work: Path) -> list[dict]:
    try:
        import langchain_community  # noqa: F401
        import txtai  # noqa: F401
        # each peer twice: sharing our encoder, and "+st", encoding its queries itself with the same
        # e5-small through sentence-transformers, as its users would (passage vectors are ours in both)
        systems = ["txtai", "langchain", "txtai+st", "langchain+st"]
    except ImportError:
        systems = []
        _say("txtai / langchain-community not installed (pip install -e .[bench]); peers skipped")
    out = []
    for name in plan_["peer_benches"]:
        bench_dir = args.bench_root / name
        coverage = vector_cache_coverage(bench_dir)
        if coverage < 0.99 and not args.allow_encode:
            _say(f"peers on {name}: only {coverage:.0%} of its vectors are cached; skipped (--allow-encode to encode them)")
            out.append({"bench": name, "skipped": f"vector cache coverage {coverage:.2f}"})
            continue
        _say(f"peers on {name} ({', '.join(systems) or 'ours only'})…")
        out.append(run_worker("peers", bench=str(bench_dir), index=str(work / f"peer-index-{name}"),
                              questions=plan_["peer_questions"], systems=systems))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k and 10k passages, 100 questions, peers on cmrc2018_dev only, no 1M leg")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "perf")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("RAG_CACHE_DIR", Path.home() / ".cache" / "news-qa")) / "bench-perf",
                        help="scratch space for scaled corpora and indexes (default: ~/.cache/news-qa/bench-perf)")
    parser.add_argument("--bench-root", type=Path, default=DEFAULT_BENCH_ROOT)
    parser.add_argument("--base", default="cmrc2018_dev", help="bench corpus the scaled corpora are made from (default: %(default)s)")
    parser.add_argument("--sizes", help="comma-separated passage counts (default 1000,10000[,100000])")
    parser.add_argument("--questions", type=int, help="questions per measurement")
    parser.add_argument("--peer-benches", help="comma-separated bench names for the peer comparison ('' for none)")
    parser.add_argument("--allow-encode", action="store_true", help="encode peer benches whose vectors are not cached (slow)")
    parser.add_argument("--million", action="store_true", help="run the 1M dense/keyword leg")
    parser.add_argument("--no-million", action="store_true")
    parser.add_argument("--million-size", type=int, default=1_000_000, help="passages in the dense/keyword-only leg (default: %(default)s)")
    parser.add_argument("--stages", default="scale,ann,startup,peers,million", help="which parts to run (default: %(default)s; million only when planned)")
    parser.add_argument("--merge", action="store_true", help="update --out/report.json with the stages run, keeping the others")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-ann", action="store_true")
    parser.add_argument("--fresh-sample", type=int, default=64, help="passages encoded without the cache to measure real encoding speed")
    parser.add_argument("--store", choices=("faiss", "milvus"), default="faiss",
                        help="store of the scale stage's indexes: milvus = embedded milvus-lite under --work (docs/milvus.md)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker_main(args.worker, args.args or "{}")

    from perf import report
    from perf.measure import load_average

    plan_ = plan(args)
    args.work.mkdir(parents=True, exist_ok=True)
    bench_dir = args.bench_root / args.base
    started = time.perf_counter()
    command = " ".join([Path(sys.executable).name, "eval/bench_perf.py", *(argv if argv is not None else sys.argv[1:])])
    result: dict = {"plan": plan_, "machine": machine(), "base": args.base, "command": command}
    previous = args.out / "report.json"
    if args.merge and previous.is_file():
        # Re-run some stages into an existing report: the other stages keep their figures.
        old = json.loads(previous.read_text(encoding="utf-8"))
        old.pop("partial", None)
        old.setdefault("merged_runs", []).append({"command": command, "stages": plan_["stages"], "machine": result["machine"]})
        result = {**old, "plan": {**old.get("plan", {}), **{k: v for k, v in plan_.items() if k not in ("stages",)}}}
    _say(f"bench_perf: plan {plan_}; load average {load_average()}")
    stages = plan_["stages"]
    if "scale" in stages:
        result["scale"] = bench_scale(args, plan_, args.work, bench_dir)
    report.write(args.out, {**result, "partial": True})
    if not args.skip_ann and "ann" in stages:
        _say(f"ANN: HNSW vs exact at {plan_['ann_size']} vectors (load {load_average()})…")
        extra = args.bench_root / "rgb_zh"
        result["ann_real"] = run_worker("ann", index=None, bench=str(bench_dir), questions=plan_["questions"],
                                        ef_values=[16, 32, 64, 128, 256], extra_bench=str(extra) if extra.is_dir() else None)
        result["ann"] = run_worker("ann", index=str(args.work / f"index-{plan_['ann_size']}"), bench=str(bench_dir),
                                   questions=plan_["questions"], ef_values=[16, 32, 64, 128, 256])
    if not args.skip_startup and "startup" in stages:
        first = plan_["sizes"][0]
        _say(f"start-up: rag ask / rag serve on the {first}-passage index (load {load_average()})…")
        question = json.loads((bench_dir / "questions.jsonl").read_text(encoding="utf-8").split("\n", 1)[0])["question"]
        result["startup"] = bench_startup(args.work / f"index-{first}", args.work / f"corpus-{first}", question)
    report.write(args.out, {**result, "partial": True})
    if "peers" in stages:
        result["peers"] = bench_peers(args, plan_, args.work)
    report.write(args.out, {**result, "partial": True})
    if plan_["million"] and "million" in stages:
        from perf import million

        _say(f"1M leg (load {load_average()})…")
        result["million"] = million.run(args, plan_, args.work, bench_dir, run_worker)
    result["duration_s" if not args.merge else "merged_duration_s"] = round(time.perf_counter() - started, 1)
    result["machine"]["load_average_at_end"] = load_average()
    written = report.write(args.out, result)
    print(report.markdown(result))
    _say("wrote " + ", ".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
