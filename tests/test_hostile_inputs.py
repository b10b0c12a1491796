"""Hostile input to the fact check and the CLI: a message, a bounded time, never a traceback.

Probed in session 6 (robust6): a claim holding a 5,000-digit number took over 20 s (the figure
readers retried a failing number at every one of its digits), a run-on claim of 6,000 characters
was encoded whole for the semantic check (~10 s, +80 MB), `rag check -` with stdin closed said
"Bad file descriptor" with exit 1, and `rag add` of an article holding a 200,000-digit line spent
minutes cutting it into chunks.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.assistant import InvalidQuestion
from rag.check.figures import find_figures
from rag.chunking import chunk_spans
from rag.cli import main
from rag.numbers import values_in
from rag.validation import MAX_NUMBER_CHARS, MAX_QUESTION_CHARS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Not a speed target (those live in eval/bench_*.py): each input below took minutes, or tens of seconds, before
# its fix and milliseconds after, so a generous bound tells a regression from a loaded machine.
HANG_GUARD_S = 30.0


@pytest.mark.parametrize("draft", [
    "1" * 5000,
    "城中区新增就业" + "9" * 4900 + "人",
    "城中区新增就业" + "1." + "0" * 4900 + "人",
    "城中区新增就业" + "九十" * 2400 + "人",
    "增长百分之" + "九" * 4900,
    "城中区新增就业" + "千万" * 1000 + "人",
])
def test_an_absurdly_long_number_is_refused_at_once(seed_assistant, draft):
    started = time.perf_counter()
    with pytest.raises(InvalidQuestion, match="数字"):
        seed_assistant.check(draft)
    assert time.perf_counter() - started < HANG_GUARD_S


def test_a_long_but_possible_number_is_still_checked(seed_assistant):
    report = seed_assistant.check("城中区一季度城镇新增就业" + "1" * MAX_NUMBER_CHARS + "人")
    assert len(report.claims) == 1


def test_a_lone_surrogate_in_a_draft_is_named_as_the_draft(seed_assistant):
    with pytest.raises(InvalidQuestion, match="要核实的内容含有无法识别的字符"):
        seed_assistant.check("城中区\udc80一季度城镇新增就业2470人")


@pytest.mark.parametrize("text", ["1" * 20000, "九" * 8000, "千万" * 4000, "城中区" + "7" * 10000 + "万"])
def test_the_figure_readers_take_linear_time_on_long_runs(text):
    """Article text is not capped like a draft: a long run of numerals must still be read quickly."""
    started = time.perf_counter()
    find_figures(text)
    values_in(text)
    assert time.perf_counter() - started < HANG_GUARD_S


def test_a_run_on_claim_is_encoded_by_its_beginning(seed_assistant, monkeypatch):
    lengths: list[int] = []
    encode = seed_assistant.encoder.encode_queries

    def recording(texts):
        lengths.extend(len(t) for t in texts)
        return encode(texts)

    monkeypatch.setattr(seed_assistant.encoder, "encode_queries", recording)
    seed_assistant.check("城中区新增就业" + "、".join(str(i) for i in range(1200)) + "人")
    assert lengths and max(lengths) <= MAX_QUESTION_CHARS


@pytest.mark.parametrize("text", ["1" * 200_000, "就" * 100_000])
def test_a_huge_unpunctuated_paragraph_is_chunked_quickly(text):
    started = time.perf_counter()
    spans = chunk_spans(text)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b - a <= 200 for a, b in spans) and all(a == b for (_, a), (b, _) in zip(spans, spans[1:]))


def test_cli_refuses_a_long_number_before_opening_the_index(tmp_path, capsys):
    draft = tmp_path / "draft.txt"
    draft.write_text("城中区新增就业" + "1" * 4990 + "人", encoding="utf-8")
    code = main(["check", "--file", str(draft), "--index", str(tmp_path / "never-built")])
    assert code == 2 and "数字" in capsys.readouterr().err
    assert not (tmp_path / "never-built").exists()


def test_cli_check_with_stdin_closed_is_a_chinese_message():
    result = subprocess.run(
        [sys.executable, "-m", "rag.cli", "check", "-", "--index", "/nonexistent/never-built"],
        capture_output=True, timeout=120, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0),
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "RAG_LLM_BASE_URL": ""},
    )
    err = result.stderr.decode("utf-8")
    assert result.returncode == 2, err
    assert "无法读取标准输入" in err and "Traceback" not in err


def test_cli_check_with_no_stdin_object(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["check", "-", "--index", str(tmp_path / "never-built")]) == 2
    assert "无法读取标准输入" in capsys.readouterr().err


@pytest.mark.parametrize("text", [
    "（" * 50_000 + "就业" * 100 + "】" * 50_000,  # unmatched marks
    "（" * 30_000 + "就业" * 100 + "）" * 30_000,  # deeply nested pairs
    "“" * 30_000 + "就业。" * 100 + "”" * 30_000,  # nested quotations
])
def test_brackets_by_the_ten_thousand_are_chunked_quickly(text):
    started = time.perf_counter()
    spans = chunk_spans(text)
    assert time.perf_counter() - started < HANG_GUARD_S and spans


def test_the_encoder_reads_a_huge_text_by_its_beginning():
    """A 200,000-character sentence of an added file took over three minutes and 2 GB to encode."""
    from rag.encoders import MAX_ENGINE_CHARS, make_encoder

    encoder = make_encoder()
    started = time.perf_counter()
    huge = encoder.encode_passages(["就业" * 100_000])
    assert time.perf_counter() - started < HANG_GUARD_S
    assert (huge == encoder.encode_passages(["就业" * (MAX_ENGINE_CHARS // 2)])).all()
