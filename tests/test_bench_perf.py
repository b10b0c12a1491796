"""Smoke test of eval/bench_perf.py's --quick machinery on a tiny corpus (not a timed test).

Runs the real pipeline end to end (real encoder, index, jieba, FAISS) on a
dozen seed paragraphs and checks that every report part is written with the
keys the performance report is built from.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "eval" / "bench_perf.py"


def _tiny_bench(directory: Path) -> Path:
    """A bench folder (corpus.jsonl + questions.jsonl) made of seed paragraphs."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    paragraphs = [re.sub(r"\s+", "", p) for p in re.split(r"\n\s*\n", text)]
    paragraphs = [p for p in paragraphs if len(p) >= 80][:12]
    assert len(paragraphs) >= 6, "the seeds should give a dozen long paragraphs"
    bench = directory / "tiny"
    bench.mkdir()
    with (bench / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for n, paragraph in enumerate(paragraphs):
            handle.write(json.dumps({"doc_id": f"d{n}", "title": "", "text": paragraph}, ensure_ascii=False) + "\n")
    with (bench / "questions.jsonl").open("w", encoding="utf-8") as handle:
        for n, paragraph in enumerate(paragraphs[:6]):
            record = {"qid": f"q{n}", "question": paragraph[10:30], "answers": [paragraph[12:16]], "doc_ids": [f"d{n}"]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return bench


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[dict, Path]:
    root = tmp_path_factory.mktemp("bench-perf")
    bench = _tiny_bench(root)
    out = root / "out"
    cmd = [sys.executable, str(SCRIPT), "--quick", "--bench-root", str(root), "--base", bench.name,
           "--sizes", "8,40", "--questions", "5", "--peer-benches", bench.name, "--allow-encode",
           "--skip-startup", "--fresh-sample", "3", "--work", str(root / "work"), "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads((out / "report.json").read_text(encoding="utf-8")), out


def test_writes_json_markdown_and_png(report):
    data, out = report
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Performance benchmark")
    assert (out / "latency_vs_size.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert {"plan", "machine", "scale", "ann", "peers", "goals", "duration_s"} <= set(data)
    assert len(data["machine"]["load_average_at_start"]) == 3


def test_every_size_is_built_and_queried(report):
    data, _ = report
    assert [row["target"] for row in data["scale"]] == [8, 40]
    for row in data["scale"]:
        manifest = row["build"]["manifest"]
        assert manifest["counts"]["chunks"] >= row["target"]
        assert {"encode", "faiss", "bm25", "tokenize"} <= set(manifest["stage_seconds"])
        assert row["build"]["peak_rss_mib"] > 0 and row["build"]["index_disk_mib"] > 0
        stages = row["query"]["stages_ms"]
        for stage in ("tokenize", "bm25", "encode", "faiss", "fusion", "answer", "end_to_end"):
            assert stages[stage]["p50"] is not None and stages[stage]["p95"] >= stages[stage]["p50"]
        assert 0.0 <= row["query"]["hit@5"] <= 1.0


def test_synthetic_copies_reuse_real_vectors(report):
    """Edited copies must map back to their real chunk: the edit commutes with chunking."""
    data, _ = report
    small, large = data["scale"]
    assert small["synthetic"] is False
    assert large["synthetic"] is True and large["made"]["copies"] > 1
    assert large["build"]["perturbed_misses"] == 0
    assert small["build"]["fresh_encoding"]["chars_per_s"] > 0


def test_ann_recall_and_peers_are_reported(report):
    data, _ = report
    ann = data["ann"]
    assert 0.0 <= ann["hnsw_calibrated"]["recall@10_real_queries"] <= 1.0
    assert [row["ef_search"] for row in ann["sweep"]] == [16, 32, 64, 128, 256]
    (peers,) = data["peers"]
    assert "ours" in peers["systems"]
    for name, system in peers["systems"].items():
        assert 0.0 <= system["hit@1"] <= system["hit@5"] <= 1.0, name
        assert system["latency_ms"]["p50"] > 0
