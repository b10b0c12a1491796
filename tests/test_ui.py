"""The web UI: its handlers called directly, its HTML, and the launched app through gradio_client."""
from __future__ import annotations

import re
import socket
import time
from html import unescape

import pytest

from conftest import launch_on_a_free_port
from rag.assistant import MAX_QUESTION_CHARS, Assistant
from rag.schema import Answer, Citation
from ui.app import (
    BUSY_MESSAGE,
    FAILED_MESSAGE,
    SEED_EXAMPLE_QUESTIONS,
    ChatHandlers,
    Turn,
    build_app,
    example_questions,
    launch,
    launch_options,
    serve,
)
import ui.app as app_module
from ui.gate import AnswerGate
from ui.render import highlight, render_answer, render_corpus_panel

QUESTION = "城中区一季度新增就业多少"


def final(handler_output) -> tuple[list[dict], list[Turn], str]:
    """The last thing a (generator) handler yielded, after checking every yield has the same shape."""
    outputs = list(handler_output)
    assert outputs, "the handler yielded nothing"
    for messages, turns, box in outputs:
        assert isinstance(messages, list) and isinstance(turns, list) and isinstance(box, str)
    return outputs[-1]


def last_reply(messages: list[dict]) -> str:
    assert messages[-1]["role"] == "assistant"
    return messages[-1]["content"]


def marked(html: str) -> list[str]:
    return [unescape(m) for m in re.findall(r"<mark>(.*?)</mark>", html)]


@pytest.fixture(scope="module")
def handlers(seed_assistant) -> ChatHandlers:
    return ChatHandlers(seed_assistant)


# --- handlers -----------------------------------------------------------------------


def test_answer_shows_the_question_then_the_answer_with_its_highlighted_source(handlers):
    outputs = list(handlers.respond(QUESTION, 5, "hybrid", []))
    first_messages, first_turns, first_box = outputs[0]
    # Immediately: the question and a "searching" note, the box emptied, nothing recorded yet.
    assert [m["role"] for m in first_messages] == ["user", "assistant"]
    assert QUESTION in first_messages[0]["content"] and "qa-pending" in first_messages[1]["content"]
    assert first_turns == [] and first_box == ""

    messages, turns, box = outputs[-1]
    reply = last_reply(messages)
    assert box == ""
    assert 'class="qa-answer"' in reply and "qa-refusal" not in reply
    assert "2047人" in reply and "[1]" in reply
    assert "<summary>来源" in reply and "检索详情" in reply
    assert "2047人" in "".join(marked(reply)), "the answer span is highlighted in the cited paragraph"
    assert re.search(r"\d{3}_[0-9a-f]+\.txt · 第 \d+ 段", reply), "source file and paragraph number are shown"
    assert "城镇新增就业" in reply, "the cited paragraph's text is shown"
    assert turns == [Turn(QUESTION, reply, QUESTION)]


def test_follow_up_uses_the_earlier_question_and_shows_how_it_was_understood(handlers):
    _, turns, _ = final(handlers.respond(QUESTION, 5, "hybrid", []))
    messages, turns, _ = final(handlers.respond("那祁连县呢？", 5, "hybrid", turns))
    reply = last_reply(messages)
    assert len(messages) == 4 and len(turns) == 2
    assert "568人" in reply and "568人" in "".join(marked(reply))
    understood = re.search(r"理解为：([^<]+)", reply)
    assert understood and "祁连县" in understood.group(1)
    assert turns[-1].asked == unescape(understood.group(1)), "the rewritten form is what later follow-ups see"


def test_refusal_looks_different_and_still_lists_possible_passages(handlers):
    messages, turns, _ = final(handlers.respond("上海市2025年一季度新增就业多少人？", 5, "hybrid", []))
    reply = last_reply(messages)
    assert 'class="qa-refusal"' in reply and 'class="qa-answer"' not in reply
    assert "未找到答案" in reply and "<summary>可能相关" in reply


@pytest.mark.parametrize(
    "question, k, mode, message",
    [
        ("问" * (MAX_QUESTION_CHARS + 100), 5, "hybrid", "问题太长"),
        ("   ", 5, "hybrid", "问题是空的"),
        (None, 5, "hybrid", "问题必须是文字"),
        (QUESTION, 0, "hybrid", "返回条数"),
        (QUESTION, 5, "fuzzy", "检索方式"),
    ],
)
def test_bad_input_is_a_chinese_message_in_the_chat(handlers, question, k, mode, message):
    outputs = list(handlers.respond(question, k, mode, []))
    assert len(outputs) == 1, "rejected before any search"
    messages, turns, box = outputs[0]
    reply = last_reply(messages)
    assert message in reply and "qa-error" in reply and "Traceback" not in reply
    assert turns[-1].asked is None, "a rejected question is not history for follow-ups"
    assert len(messages[0]["content"]) < 400, "a huge question is cut in its chat bubble"


def test_a_long_line_answers_busy_at_once_in_chinese(seed_assistant):
    # Answers have been taking 10 s each and one runs: a newcomer's wait (~5 s) passes the 1 s limit.
    gate = AnswerGate(slots=1, max_wait_seconds=1.0, first_estimate_seconds=10.0)
    busy = ChatHandlers(seed_assistant, gate)
    with gate.admit() as admitted:  # another user's answer is running
        assert admitted
        started = time.monotonic()
        messages, turns, _ = final(busy.respond(QUESTION, 5, "hybrid", []))
        assert time.monotonic() - started < 1.0, "refused at once, not after waiting"
    reply = last_reply(messages)
    assert BUSY_MESSAGE in reply and "秒" in reply and turns[-1].asked is None
    messages, _, _ = final(busy.respond(QUESTION, 5, "hybrid", []))
    assert "2047人" in last_reply(messages), "the gate opens again once the other answer is done"


def test_a_waiting_user_sees_their_place_in_line_then_the_answer(seed_assistant):
    import threading

    gate = AnswerGate(slots=1, max_wait_seconds=30.0, first_estimate_seconds=0.5)
    handlers = ChatHandlers(seed_assistant, gate)
    first, second = gate.join(), gate.join()  # one answer running, one question waiting before ours
    assert first.running and not second.running and second.ahead() == 1
    outputs = []

    def ask():
        outputs.extend(handlers.respond(QUESTION, 5, "hybrid", []))

    asker = threading.Thread(target=ask)
    asker.start()
    time.sleep(app_module.LINE_REFRESH_SECONDS * 1.5)
    first.leave()  # the running answer ends: the waiting question runs, ours is next
    time.sleep(app_module.LINE_REFRESH_SECONDS * 1.5)
    second.leave()
    asker.join(20)
    shown = [last_reply(messages) for messages, _, _ in outputs]
    assert any("前面还有 2 个问题" in html for html in shown)
    assert any("前面还有 1 个问题" in html for html in shown), "the place is updated as the line moves"
    assert "2047人" in shown[-1]
    assert gate.load() == (0, 0), "nobody is left in line"


def test_the_line_is_first_come_first_served():
    gate = AnswerGate(slots=1, max_wait_seconds=60.0)
    running = gate.join()
    waiting = [gate.join() for _ in range(3)]
    assert [t.ahead() for t in waiting] == [1, 2, 3]
    waiting[1].leave()  # someone gives up (closes the page): those behind move up
    assert waiting[2].ahead() == 2
    running.leave()
    assert waiting[0].running and not waiting[2].running
    assert not waiting[2].wait(0.05)
    waiting[0].leave()
    assert waiting[2].wait(1) and waiting[2].running
    waiting[2].leave()
    assert gate.load() == (0, 0)


class FailingAssistant(Assistant):
    """The real seed assistant whose answering stage breaks, to see what a user is shown."""

    def _answer_stream(self, question, history, k, mode):
        raise RuntimeError("disk on fire")
        yield  # pragma: no cover


def test_an_internal_error_is_a_message_not_a_traceback(seed_assistant):
    broken = FailingAssistant(seed_assistant.index, seed_assistant.encoder, seed_assistant.corpus, llm=None)
    messages, turns, _ = final(ChatHandlers(broken).respond(QUESTION, 5, "hybrid", []))
    reply = last_reply(messages)
    assert FAILED_MESSAGE in reply and "disk on fire" not in reply and "Traceback" not in reply


def test_clear_empties_the_conversation():
    assert ChatHandlers.clear() == ([], [], "")


def test_every_seed_example_question_gets_an_answer(seed_assistant):
    assert example_questions(seed_assistant) == list(SEED_EXAMPLE_QUESTIONS)
    for question in SEED_EXAMPLE_QUESTIONS:
        answer = seed_assistant.ask(question)
        assert not answer.refused and answer.short, question


def test_no_example_questions_for_another_corpus(seed_assistant, tmp_path):
    other = Assistant(seed_assistant.index, seed_assistant.encoder, tmp_path, llm=None)
    assert example_questions(other) == []


# --- rendering ------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script> <img src=x onerror=alert(2)> [点我](javascript:alert(3)) "引号" & 2047人'


def hostile_citation(**changes) -> Citation:
    start = HOSTILE.index("2047人")
    fields = dict(
        n=1, source='a<b>.txt', title='<i>标题</i>', paragraph=3, start=0, end=len(HOSTILE), text=HOSTILE,
        score=0.5, scores={"keyword": 7.25, "dense": 0.8125, "<svg onload=alert(4)>": 1.0}, ranks={"keyword": 1, "dense": 2},
        text_answer_start=start, text_answer_end=start + len("2047人"),
    )
    fields.update(changes)
    return Citation(**fields)


def test_article_and_user_text_is_escaped_everywhere():
    answer = Answer(question=HOSTILE, answer=f"{HOSTILE}[1]", refused=False, citations=(hostile_citation(),),
                    rewritten_question="<b>改写</b>", note="<u>注</u>")
    html = render_answer(answer, "混合检索")
    for raw in ("<script", "<img", "<i>", "<b>", "<u>", "<svg"):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "[点我](javascript:alert(3))" in html and "<a " not in html
    assert marked(html) == ["2047人"]
    assert '<sup class="qa-ref">[1]</sup>' in html


@pytest.mark.parametrize("start, end", [(None, None), (5, 2), (-1, 3), (0, 10_000)])
def test_bad_answer_offsets_show_the_paragraph_without_a_highlight(start, end):
    assert highlight("<p>段落</p>", start, end) == "&lt;p&gt;段落&lt;/p&gt;"


def test_corpus_panel_shows_counts_encoder_and_build_time(seed_assistant):
    stats = seed_assistant.stats()
    html = render_corpus_panel(stats)
    for key in ("articles", "paragraphs", "chunks"):
        assert f"<td>{stats[key]}</td>" in html
    assert str(stats["encoder"]) in html and "秒" in html


# --- the launched app through gradio_client ---------------------------------------------


def text_of(message: dict) -> str:
    """A chat message's text whether gradio returns it as a string or as a list of parts."""
    content = message["content"]
    if isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


RUNNING_GATE = AnswerGate(slots=2, max_wait_seconds=1.0)


@pytest.fixture(scope="module")
def running_app(seed_assistant):
    app = build_app(seed_assistant, RUNNING_GATE)
    url = launch_on_a_free_port(app)
    yield app, url
    app.close()


def test_launch_settings_keep_the_app_local_and_quiet():
    options = launch_options()
    assert options["server_name"] == "127.0.0.1" and options["share"] is False
    assert not options["allowed_paths"] and options["run_history"] is False
    assert options["enable_monitoring"] is False and options["mcp_server"] is False
    import inspect

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve).parameters["port"].default == 7860


def test_app_config_bounds_the_queue_and_renders_no_markdown(running_app):
    app, _ = running_app
    assert app.analytics_enabled is False
    assert app._queue.max_size is not None
    chat = next(c for c in app.config["components"] if c.get("props", {}).get("elem_id") == "chat")
    assert chat["props"]["render_markdown"] is False and chat["props"]["sanitize_html"] is True
    assert chat["props"]["latex_delimiters"] == []


def test_api_answers_with_the_cited_paragraph_and_keeps_the_conversation(running_app):
    from gradio_client import Client

    _, url = running_app
    client = Client(url, verbose=False)
    messages, box = client.predict(QUESTION, 5, "hybrid", api_name="/ask")
    reply = text_of(messages[-1])
    assert box == ""
    assert "2047人" in reply and "2047人" in "".join(marked(reply))
    assert "城镇新增就业" in reply and "<summary>来源" in reply

    messages, _ = client.predict("那祁连县呢？", 5, "hybrid", api_name="/ask")
    reply = text_of(messages[-1])
    assert len(messages) == 4 and "568人" in reply and "理解为：" in reply


def test_api_enforces_the_length_limit_on_the_server(running_app):
    from gradio_client import Client

    _, url = running_app
    client = Client(url, verbose=False)
    long_question = "城中区一季度新增就业多少" * 50  # 600 characters; the Textbox limit does not apply to API calls
    assert len(long_question) == 600
    messages, box = client.predict(long_question, 5, "hybrid", api_name="/ask")
    reply = text_of(messages[-1])
    assert "问题太长" in reply and "600" in reply and "2047" not in reply
    assert box == long_question, "the text stays in the box to be shortened"


def test_a_taken_port_is_a_chinese_error(seed_assistant):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = build_app(seed_assistant)
        try:
            with pytest.raises(OSError, match="端口"):
                launch(app, "127.0.0.1", port, block=False, quiet=True)
        finally:
            app.close()


def test_generated_answer_streams_into_the_chat_as_escaped_text(seed_assistant):
    from llm_server import ChatCompletionsServer, StreamedReply

    from rag.llm import LLMConfig

    pieces = ["城中区一季度", "城镇新增就业<b>", "2047人[1]。"]
    with ChatCompletionsServer(StreamedReply(pieces, delay_s=0.05)) as server:
        generative = Assistant(
            seed_assistant.index, seed_assistant.encoder, seed_assistant.corpus,
            llm=LLMConfig(base_url=server.base_url, model="qwen-test", timeout_s=10),
        )
        outputs = list(ChatHandlers(generative).respond(QUESTION, 5, "hybrid", []))
    streamed = [last_reply(messages) for messages, _, _ in outputs if "qa-streaming" in last_reply(messages)]
    assert len(streamed) >= 2, "the text appears piece by piece"
    assert "城中区一季度" in streamed[0] and "2047人" not in streamed[0]
    assert all("<b>" not in html for html in streamed) and "&lt;b&gt;" in streamed[-1]
    reply = last_reply(outputs[-1][0])
    assert "qa-streaming" not in reply and "2047人" in reply and "<summary>来源" in reply


def test_api_says_busy_when_every_slot_stays_taken(running_app):
    from gradio_client import Client

    _, url = running_app
    client = Client(url, verbose=False)
    with RUNNING_GATE.admit() as first, RUNNING_GATE.admit() as second:  # two long answers are running
        assert first and second
        messages, _ = client.predict(QUESTION, 5, "hybrid", api_name="/ask")
    assert BUSY_MESSAGE in text_of(messages[-1]), "after waiting twice the expected limit, the user is told"
    messages, _ = client.predict(QUESTION, 5, "hybrid", api_name="/ask")
    assert "2047人" in text_of(messages[-1])


@pytest.mark.parametrize("path", ["/gradio_api/file={seed}", "/gradio_api/file=/etc/passwd", "/monitoring"])
def test_no_files_outside_the_apps_own_assets_are_served(running_app, seeds_dir, path):
    import httpx

    _, url = running_app
    seed = next(seeds_dir.glob("*.txt")).resolve()
    response = httpx.get(url.rstrip("/") + path.format(seed=seed), timeout=10)
    assert response.status_code in (403, 404)
    assert "城中区" not in response.text and "root:" not in response.text
