"""Bounded, checked inputs on every path (issue 13: F1–F4 and the minor items).

The API findings are tested against a real `rag serve` process; the CLI ones in real subprocesses.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.cli import main
from rag.validation import (
    MAX_HISTORY_TURNS,
    InvalidQuestion,
    validate_filters,
    validate_history,
    validate_question,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTION = "城中区一季度新增就业多少"


# --- the shared checks ----------------------------------------------------------------


@pytest.mark.parametrize("question", ["？？？", "{'a': 1}", "print('hello')", "123456", "多少？", "这是什么", "What is this"])
def test_meaningless_questions_are_refused_with_a_reason(question):
    with pytest.raises(InvalidQuestion, match="没有可查询的中文词语"):
        validate_question(question)


@pytest.mark.parametrize("question", [QUESTION, "那祁连县呢？", "Stam1na是什么？", "GDP增长多少", "谁是新华社记者"])
def test_questions_with_a_content_word_pass(question):
    assert validate_question(question) == question


def test_lone_surrogates_are_refused_in_every_field():
    for check in (
        lambda: validate_question("城中区\udcff就业"),
        lambda: validate_history(["城中区\ud800"]),
        lambda: validate_filters(sources=["新华社\udc80"]),
        lambda: validate_filters(since="2026-01-01\udc80"),
    ):
        with pytest.raises(InvalidQuestion, match="无法识别的字符"):
            check()


def test_history_is_bounded_and_checked():
    many = [f"第{i}个问题" for i in range(MAX_HISTORY_TURNS * 3)]
    assert validate_history(many) == tuple(many[-MAX_HISTORY_TURNS:])
    with pytest.raises(InvalidQuestion, match="之前的问题太长"):
        validate_history(["问" * 501])
    with pytest.raises(InvalidQuestion, match="必须是文字"):
        validate_history([QUESTION, 42])


def test_non_text_filter_values_are_refused():
    with pytest.raises(InvalidQuestion):
        validate_filters(since=20260101)
    with pytest.raises(InvalidQuestion):
        validate_filters(sources=[{"a": 1}])
    with pytest.raises(InvalidQuestion, match="来源最多"):
        validate_filters(sources=[f"s{i}" for i in range(100)])


# --- the CLI --------------------------------------------------------------------------


@pytest.mark.parametrize("after", ["问" * 600, "问" * 100_000])
def test_f4_after_is_checked_before_anything_runs(after, capsys, tmp_path):
    code = main(["ask", QUESTION, "--after", after, "--index", str(tmp_path / "never-built")])
    err = capsys.readouterr().err
    assert code == 2 and "之前的问题太长" in err and "Traceback" not in err
    assert not (tmp_path / "never-built").exists()  # rejected before any work


def test_meaningless_question_exits_2_in_the_cli(capsys, tmp_path):
    code = main(["ask", "？？？", "--index", str(tmp_path / "never-built")])
    assert code == 2 and "没有看懂这个问题" in capsys.readouterr().err


def _cli(args: list, env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rag.cli", *args], capture_output=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "RAG_LLM_BASE_URL": "", **env}, **kwargs,
    )


@pytest.mark.parametrize("where", ["question", "after"])
@pytest.mark.parametrize("env", [{"LC_ALL": "C.UTF-8"}, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict"}])
def test_f3_invalid_utf8_in_argv_is_a_message_not_a_traceback(where, env, seed_index_dir, seeds_dir):
    broken = "城中区".encode() + b"\xff\xfe" + "新增就业多少".encode()
    args = [b"ask", broken, b"--json"] if where == "question" else [b"ask", QUESTION.encode(), b"--after", broken, b"--json"]
    result = _cli([*args, b"--corpus", bytes(seeds_dir), b"--index", bytes(seed_index_dir)], env)
    err = result.stderr.decode("utf-8")  # stderr itself is valid UTF-8
    assert result.returncode == 2, err
    assert "无法识别的字符" in err and "Traceback" not in err
    result.stdout.decode("utf-8")


def test_ask_json_output_is_valid_utf8_under_any_locale(seed_index_dir, seeds_dir):
    result = _cli(["ask", QUESTION, "--json", "--corpus", str(seeds_dir), "--index", str(seed_index_dir)], {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["question"] == QUESTION


def test_a_closed_stdout_ends_quietly(seed_index_dir, seeds_dir):
    """`rag ask … | head -0`: the reader is gone before the answer is printed."""
    process = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "ask", QUESTION, "--corpus", str(seeds_dir), "--index", str(seed_index_dir)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "RAG_LLM_BASE_URL": ""},
    )
    process.stdout.close()
    err = process.stderr.read().decode("utf-8")
    assert process.wait(300) in (0, 141)
    assert "Broken pipe" not in err and "错误" not in err and "Traceback" not in err and "Exception" not in err


# --- a real `rag serve` ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def rag_serve(seed_index_dir, seeds_dir, tmp_path_factory):
    """`rag serve` on a free loopback port, its stderr in a file."""
    import httpx

    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    port = _free_port()
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "rag.cli", "serve", "--corpus", str(seeds_dir), "--index", str(seed_index_dir), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=stderr, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "RAG_LLM_BASE_URL": ""},
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(url, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "rag serve did not come up"
            time.sleep(0.5)
        yield process, url, log
    finally:
        process.terminate()
        process.wait(30)


def _text(message: dict) -> str:
    content = message["content"]
    return content if isinstance(content, str) else "".join(p.get("text", "") for p in content if isinstance(p, dict))


def test_f1_a_long_question_is_neither_kept_nor_echoed(rag_serve):
    """The request guard caps a body at 256 KB; below that, a refused question must still not be
    kept in the session or sent back whole (it was: a 20 MB question came back as a 40 MB reply)."""
    from gradio_client import Client

    _, url, _ = rag_serve
    client = Client(url, verbose=False)
    long_question = "x" * 200_000
    for _ in range(3):
        messages, box = client.predict(long_question, 5, "hybrid", api_name="/ask")
        assert "问题太长" in _text(messages[-1])
        assert len(box) <= 1000, "the box gets back a bounded part of the text"
        assert sum(len(_text(m)) for m in messages) < 20_000, "nothing long is echoed in the chat"
    messages, _ = client.predict(QUESTION, 5, "hybrid", api_name="/ask")
    assert "2047人" in _text(messages[-1]), "the server answers normally afterwards"


def test_f1_the_session_keeps_a_bounded_part_of_a_refused_question(seed_assistant):
    from ui.app import MAX_TURNS_KEPT, ChatHandlers

    handlers = ChatHandlers(seed_assistant)
    turns: list = []
    for _ in range(MAX_TURNS_KEPT + 5):
        *_, (_, turns, _) = handlers.respond("x" * 1_000_000, 5, "hybrid", turns)
    assert len(turns) == MAX_TURNS_KEPT
    assert sum(len(turn.question) + len(turn.reply_html) for turn in turns) < MAX_TURNS_KEPT * 2000


def _call_ask_raw(url: str, data: list) -> list:
    """POST /gradio_api/call/ask with a JSON body encoded by hand (json escapes a lone surrogate as
    "\\ud800", which clients built on httpx refuse to send), then read the result from its event stream."""
    import httpx

    body = json.dumps({"data": data}).encode("ascii")
    posted = httpx.post(url + "gradio_api/call/ask", content=body, headers={"Content-Type": "application/json"}, timeout=30)
    posted.raise_for_status()
    stream = httpx.get(url + f"gradio_api/call/ask/{posted.json()['event_id']}", timeout=60).text
    events = stream.split("event: ")
    last = next(e for e in reversed(events) if e.startswith(("complete", "error")))
    assert last.startswith("complete"), stream[-500:]
    return json.loads(last.split("data:", 1)[1])


def test_f2_a_lone_surrogate_in_sources_is_a_message_not_a_traceback(rag_serve):
    _, url, log = rag_serve
    result = _call_ask_raw(url, [QUESTION, 5, "hybrid", "", "", "新华社\ud800"])
    messages = result[0]
    reply = _text(messages[-1])
    assert "无法识别的字符" in reply and "出错了" not in reply
    time.sleep(0.5)
    assert "Traceback" not in log.read_text(errors="replace") and "UnicodeEncodeError" not in log.read_text(errors="replace")


@pytest.mark.parametrize(
    "data, message",
    [
        ([QUESTION, "五", "hybrid", "", "", ""], "返回条数"),
        ([QUESTION, 0, "hybrid", "", "", ""], "返回条数"),
        ([QUESTION, 5, ["hybrid"], "", "", ""], "检索方式"),
        ([QUESTION, 5, "hybrid", "", "", "、".join(["来源"] * 5000)], "太长"),
        (["？？？", 5, "hybrid", "", "", ""], "没有看懂"),
    ],
)
def test_wrong_types_from_the_api_get_the_chinese_message(rag_serve, data, message):
    """gradio's own input checks (slider bounds, radio choices) would answer in English with a logged traceback."""
    _, url, log = rag_serve
    reply = _text(_call_ask_raw(url, data)[0][-1])
    assert message in reply and "出错了" not in reply
    assert "Traceback" not in log.read_text(errors="replace")


def test_an_evaluation_file_may_hold_a_meaningless_question_and_it_counts_as_refused(seed_assistant, tmp_path):
    from rag.evaluate import evaluate_question, load_questions

    path = tmp_path / "q.jsonl"
    rows = [{"qid": "n1", "question": "？？？", "answers": [], "evidence": None, "kind": "unanswerable"},
            {"qid": "a1", "question": QUESTION, "answers": ["2047人"], "evidence": "城镇新增就业2047人", "kind": "fact"}]
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows), encoding="utf-8")
    meaningless, real = load_questions(path)
    refused = evaluate_question(seed_assistant, meaningless, "hybrid", 5)
    assert refused.refused and refused.cause is None and "没有看懂" in refused.answer
    assert evaluate_question(seed_assistant, real, "hybrid", 5).correct
