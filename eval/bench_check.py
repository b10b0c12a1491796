"""Latency of fact checking a ~1,000-character draft (`rag check`), on the seeds' index.

    .venv/bin/python eval/bench_check.py                 # 10 drafts x 3 runs
    .venv/bin/python eval/bench_check.py --runs 5 --json
    .venv/bin/python eval/bench_check.py --modes keyword,hybrid   # retrieval legs side by side, alternating per draft
    .venv/bin/python eval/bench_check.py --runon 400 --count 3    # and a run-on draft of 400 dates, as a ratio to the drafts

The drafts are built from eval/claim_drafts.jsonl: consecutive drafts joined until they reach
--chars characters (cut at a sentence end), so they read like real copy and mix right, wrong and
absent figures. Each draft is checked once to warm up, then --runs times; p50/p95 are over all timed
runs, with the stage timings of ``CheckReport.timings_ms`` and the load average next to them.
With --runon N, a draft of N dates in one run-on sentence ("1月1日开工，2月2日举办招聘会，…") is checked too,
--runs times with the checker's label caches emptied before each (its cold cost), and its p50 is printed as a ratio
to the p50 of the drafts: every date's label is that whole sentence, which once made such a check quadratic (7–13 s
for 400 dates) until labels were read for at most ``measure.MAX_LABEL_CHARS`` characters.
Not a timed test: the figure depends on the machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


def build_drafts(path: Path, chars: int, count: int) -> list[str]:
    texts = [json.loads(line)["draft"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    drafts = []
    for first in range(len(texts)):
        joined, i = "", first
        while len(joined) < chars:
            joined += texts[i % len(texts)]
            i += 1
        cut = max(joined.rfind(mark, 0, chars + 1) for mark in "。！？")
        drafts.append(joined[: cut + 1] if cut > chars // 2 else joined[:chars])
        if len(drafts) == count:
            break
    return drafts


RUNON_EVENTS = ("开工", "举办招聘会", "召开会议", "通车")


def runon_draft(dates: int) -> str:
    """``dates`` dates, each with an event, in one sentence joined by commas."""
    return "，".join(f"{i % 12 + 1}月{i % 28 + 1}日{RUNON_EVENTS[i % len(RUNON_EVENTS)]}" for i in range(dates)) + "。"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = int(position), min(int(position) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", type=Path, default=HERE / "claim_drafts.jsonl")
    parser.add_argument("--chars", type=int, default=1000, help="draft length (default: %(default)s)")
    parser.add_argument("--count", type=int, default=10, help="how many different drafts (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per draft (default: %(default)s)")
    parser.add_argument("--index", type=Path, default=None, help="index directory (default: the project's index/)")
    parser.add_argument("--modes", default="keyword", help="retrieval mode(s) for the claims, comma-separated (default: keyword, as Assistant.check)")
    parser.add_argument("--runon", type=int, default=0, metavar="N", help="also a run-on draft of N dates (0: none)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from rag.assistant import DEFAULT_CORPUS, DEFAULT_INDEX, Assistant

    assistant = Assistant.open(DEFAULT_CORPUS, args.index or DEFAULT_INDEX, llm=None)
    drafts = build_drafts(args.drafts, args.chars, args.count)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    load_before = os.getloadavg()
    totals = {mode: [] for mode in modes}
    stages = {mode: {} for mode in modes}
    claims = []
    for draft in drafts:
        for mode in modes:
            assistant.check(draft, mode=mode)  # warm: jieba, the encoder and the caches
        for _ in range(args.runs):
            for mode in modes:  # alternate, so a slow spell of the machine hits every mode alike
                started = time.perf_counter()
                report = assistant.check(draft, mode=mode)
                totals[mode].append((time.perf_counter() - started) * 1000)
                for stage, ms in report.timings_ms.items():
                    stages[mode].setdefault(stage, []).append(ms)
        claims.append(len(report.claims))
    runon = None
    if args.runon:
        from rag.check import measure

        text, mode, times = runon_draft(args.runon), modes[0], []
        assistant.check(text, mode=mode)
        for _ in range(args.runs):
            for cached in (measure._tagged_label, measure._cut_run):
                cached.cache_clear()  # cold: every label read afresh
            started = time.perf_counter()
            report = assistant.check(text, mode=mode)
            times.append((time.perf_counter() - started) * 1000)
        p50 = percentile(times, 50)
        runon = {"dates": args.runon, "chars": len(text), "claims": len(report.claims), "mode": mode,
                 "p50_ms": round(p50, 1), "max_ms": round(max(times), 1),
                 "ratio_to_drafts_p50": round(p50 / percentile(totals[mode], 50), 2)}
    result = {
        "drafts": len(drafts),
        "chars_mean": round(statistics.mean(len(d) for d in drafts)),
        "claims_mean": round(statistics.mean(claims), 1),
        "runs_per_mode": args.runs * len(drafts),
        "modes": {
            mode: {
                "p50_ms": round(percentile(totals[mode], 50), 1),
                "p95_ms": round(percentile(totals[mode], 95), 1),
                "stages_p50_ms": {stage: round(percentile(v, 50), 1) for stage, v in stages[mode].items()},
            }
            for mode in modes
        },
        "runon": runon,
        "loadavg_before": [round(x, 2) for x in load_before],
        "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{result['drafts']} drafts of ~{result['chars_mean']} characters, ~{result['claims_mean']} claims each, "
              f"{result['runs_per_mode']} timed checks per mode; load average {result['loadavg_before']} → {result['loadavg_after']}")
        for mode, m in result["modes"].items():
            print(f"  {mode}: p50 {m['p50_ms']} ms, p95 {m['p95_ms']} ms (stages p50: {m['stages_p50_ms']})")
        if runon:
            print(f"  run-on draft of {runon['dates']} dates ({runon['chars']} characters, {runon['claims']} claims, {runon['mode']}): "
                  f"p50 {runon['p50_ms']} ms, max {runon['max_ms']} ms = {runon['ratio_to_drafts_p50']}× the drafts' p50")
    return 0


if __name__ == "__main__":
    sys.exit(main())
