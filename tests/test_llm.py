"""The generative answer path against a real HTTP server on 127.0.0.1 (tests/llm_server.py)."""
from __future__ import annotations

import logging
import socket
import time
from pathlib import Path

import pytest

from llm_server import (
    ChatCompletionsServer,
    JsonReply,
    RawReply,
    StalledStream,
    StreamedReply,
    TrickleStream,
)
from rag.llm import (
    FALLBACK_SUFFIX,
    LLMConfig,
    build_messages,
    check_generated_answer,
    generate_answer,
    iter_generated_answer,
    normalize_citation_markers,
)
from rag.schema import Answer, Citation

SEED = Path(__file__).resolve().parents[1] / "seeds" / "002_edbf45a9668c438f.txt"
QUESTION = "城中区一季度城镇新增就业多少人？"


def _seed_citation(n: int, opening: str) -> Citation:
    """The seed paragraph starting with ``opening``, cleaned of its hard line breaks."""
    original = SEED.read_text(encoding="utf-8")
    start = original.index(opening)
    end = original.index("\n\n", start)
    return Citation(
        n=n,
        source=SEED.name,
        title=None,
        paragraph=n,
        start=start,
        end=end,
        text=original[start:end].replace("\n", ""),
        score=1.0 / n,
    )


@pytest.fixture(scope="module")
def extractive() -> Answer:
    passages = (
        _seed_citation(1, "本报讯（记者 悠然）"),  # 城镇新增就业2047人
        _seed_citation(2, "针对重点群体"),  # 1642 条, 342 名, 1315名, 3792.64 万元
        _seed_citation(3, "此外，城中区搭建零工"),  # 106 个, 668 单, 295元
    )
    assert "城中区人社局" in passages[0].text and "2047人" in passages[0].text
    return Answer(
        question=QUESTION,
        answer="截至目前，城镇新增就业2047人[1]",
        refused=False,
        citations=passages,
        short="2047人",
        sentence="截至目前，城镇新增就业2047人，",
        timings_ms={"retrieve": 12.0, "answer": 3.0},
    )


def _config(server: ChatCompletionsServer, timeout_s: float = 10.0, api_key: str | None = None) -> LLMConfig:
    return LLMConfig(base_url=server.base_url, model="qwen-test", api_key=api_key, timeout_s=timeout_s)


def _run(config: LLMConfig, extractive: Answer) -> tuple[list[tuple[float, str]], Answer, float]:
    """Consume the stream: (arrival time, delta) pairs, the final Answer, total seconds."""
    started = time.monotonic()
    deltas: list[tuple[float, str]] = []
    finals: list[Answer] = []
    for item in iter_generated_answer(config, QUESTION, extractive):
        if isinstance(item, Answer):
            finals.append(item)
        else:
            assert not finals, "text after the final Answer"
            deltas.append((time.monotonic() - started, item))
    assert len(finals) == 1
    return deltas, finals[0], time.monotonic() - started


def _assert_fell_back(final: Answer, extractive: Answer, *reason_parts: str) -> None:
    assert final.answer == extractive.answer
    assert final.short == extractive.short
    assert final.citations == extractive.citations
    assert final.note is not None and final.note.endswith(FALLBACK_SUFFIX)
    for part in reason_parts:
        assert part in final.note, final.note


# ---------------------------------------------------------------- accepted answers


def test_streamed_answer_is_accepted_and_arrives_incrementally(extractive: Answer) -> None:
    pieces = ["截至目前，城中区", "城镇新增就业", "2,047人[1]。"]
    with ChatCompletionsServer(StreamedReply(pieces, delay_s=0.3)) as server:
        deltas, final, _ = _run(_config(server), extractive)
    assert "".join(d for _, d in deltas) == "".join(pieces)
    # A client that buffered the body would hand over every delta at once.
    assert deltas[-1][0] - deltas[0][0] >= 0.45
    assert final.answer == "截至目前，城中区城镇新增就业2,047人[1]。"
    assert final.note is None and final.short is None and final.sentence is None
    assert final.refused is False
    assert final.citations == extractive.citations
    assert final.question == extractive.question
    assert final.timings_ms["retrieve"] == 12.0 and final.timings_ms["generate"] > 0


def test_non_streaming_server_answer_is_accepted(extractive: Answer) -> None:
    text = "城中区城镇新增就业2047人[1]，另有1315名失业人员实现就业[2]。"
    with ChatCompletionsServer(JsonReply(text)) as server:
        deltas, final, _ = _run(_config(server), extractive)
    assert "".join(d for _, d in deltas) == text
    assert final.answer == text and final.note is None


def test_generate_answer_returns_the_final_answer(extractive: Answer) -> None:
    with ChatCompletionsServer(StreamedReply(["城镇新增就业2047人【1】"])) as server:
        final = generate_answer(_config(server), QUESTION, extractive)
    assert final.answer == "城镇新增就业2047人[1]"  # markers normalised for the UI's [n] highlighting


def test_model_refusal_is_kept_as_a_refusal(extractive: Answer) -> None:
    with ChatCompletionsServer(StreamedReply(["资料中没有找到相关信息。"])) as server:
        _, final, _ = _run(_config(server), extractive)
    assert final.refused is True and final.note is None
    assert final.answer == "资料中没有找到相关信息。"


def test_reasoning_preamble_is_neither_streamed_nor_kept(extractive: Answer) -> None:
    pieces = ["<thi", "nk>用户问2048还是", "2049？</think>\n\n", "城镇新增就业2047人[1]"]
    with ChatCompletionsServer(StreamedReply(pieces)) as server:
        deltas, final, _ = _run(_config(server), extractive)
    assert "".join(d for _, d in deltas) == "城镇新增就业2047人[1]"
    assert final.answer == "城镇新增就业2047人[1]" and final.note is None


# ---------------------------------------------------------------- fallbacks


def test_invented_number_falls_back_with_reason(extractive: Answer) -> None:
    with ChatCompletionsServer(StreamedReply(["城镇新增就业", "2048人[1]。"])) as server:
        deltas, final, _ = _run(_config(server), extractive)
    assert "".join(d for _, d in deltas) == "城镇新增就业2048人[1]。"  # the draft was shown, then withdrawn
    _assert_fell_back(final, extractive, "2048")


def test_citation_of_a_passage_not_given_falls_back(extractive: Answer) -> None:
    with ChatCompletionsServer(JsonReply("城镇新增就业2047人[9]。")) as server:
        _, final, _ = _run(_config(server), extractive)
    _assert_fell_back(final, extractive, "不存在的资料[9]")


def test_server_stalling_after_headers_falls_back_within_the_deadline(extractive: Answer) -> None:
    with ChatCompletionsServer(StalledStream()) as server:
        _, final, elapsed = _run(_config(server, timeout_s=1.5), extractive)
    assert 1.4 <= elapsed < 2.5
    _assert_fell_back(final, extractive, "1.5秒内没有完成回答")
    assert final.timings_ms["generate"] >= 1400


def test_server_stalling_mid_stream_falls_back_within_the_deadline(extractive: Answer) -> None:
    with ChatCompletionsServer(StalledStream(["截至目前，城镇新增"])) as server:
        deltas, final, elapsed = _run(_config(server, timeout_s=1.5), extractive)
    assert [d for _, d in deltas] == ["截至目前，城镇新增"]
    assert elapsed < 2.5
    _assert_fell_back(final, extractive, "没有完成回答")


def test_server_trickling_forever_hits_the_total_deadline(extractive: Answer) -> None:
    # Each read succeeds within 0.2 s, so only a deadline on the whole answer can stop this.
    with ChatCompletionsServer(TrickleStream(interval_s=0.2)) as server:
        deltas, final, elapsed = _run(_config(server, timeout_s=1.5), extractive)
    assert len(deltas) >= 3
    assert elapsed < 2.5
    _assert_fell_back(final, extractive, "没有完成回答")


def test_connection_refused_falls_back(extractive: Answer) -> None:
    # A bound socket that never listens: the port is ours, and connecting to it is refused.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        config = LLMConfig(base_url=f"http://127.0.0.1:{port}/v1", model="qwen-test", timeout_s=5)
        _, final, elapsed = _run(config, extractive)
    assert elapsed < 2
    _assert_fell_back(final, extractive, "无法连接生成服务")


def test_http_500_falls_back(extractive: Answer) -> None:
    with ChatCompletionsServer(RawReply(500, b'{"error": {"message": "CUDA out of memory"}}')) as server:
        _, final, _ = _run(_config(server), extractive)
    _assert_fell_back(final, extractive, "HTTP 500")


def test_unparseable_body_falls_back(extractive: Answer) -> None:
    with ChatCompletionsServer(RawReply(200, b"<html>gateway</html>", "text/html")) as server:
        _, final, _ = _run(_config(server), extractive)
    _assert_fell_back(final, extractive, "无法解析")


def test_no_passages_means_no_request(extractive: Answer) -> None:
    nothing_found = Answer(question=QUESTION, answer="资料中没有找到相关内容。", refused=True)
    with ChatCompletionsServer(JsonReply("城镇新增就业2047人[1]")) as server:
        final = generate_answer(_config(server), QUESTION, nothing_found)
    assert final == nothing_found
    assert server.requests == []


# ---------------------------------------------------------------- the request


def test_request_carries_model_stream_flag_and_numbered_passages(extractive: Answer) -> None:
    with ChatCompletionsServer(JsonReply("城镇新增就业2047人[1]")) as server:
        generate_answer(_config(server, api_key="sk-local"), QUESTION, extractive)
    [request] = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["Authorization"] == "Bearer sk-local"
    assert request.body["model"] == "qwen-test"
    assert request.body["stream"] is True
    system, user = request.body["messages"]
    assert system["role"] == "system" and "资料中没有找到" in system["content"] and "[1]" in system["content"]
    assert user["role"] == "user" and QUESTION in user["content"]
    for citation in extractive.citations:
        assert f"[{citation.n}] {citation.text}" in user["content"]
    assert user["content"].index("[1]") < user["content"].index("[2]") < user["content"].index("[3]")


def test_no_authorization_header_without_api_key(extractive: Answer) -> None:
    with ChatCompletionsServer(JsonReply("城镇新增就业2047人[1]")) as server:
        generate_answer(_config(server), QUESTION, extractive)
    assert "Authorization" not in server.requests[0].headers


def test_build_messages_puts_the_title_before_the_passage() -> None:
    titled = Citation(
        n=4, source="x.txt", title="城中区就业开门红", paragraph=1, start=0, end=5, text="新增就业。", score=1.0
    )
    _, user = build_messages(" 问题？ ", [titled])
    assert "[4] 《城中区就业开门红》新增就业。" in user["content"]
    assert user["content"].endswith("问题：问题？")


# ---------------------------------------------------------------- the check


@pytest.mark.parametrize(
    "text",
    [
        "城镇新增就业2047人[1]。",
        "城镇新增就业2,047人[1]。",  # thousands separator
        "城镇新增就业２０４７人［１］。",  # full-width digits and brackets
        "帮助342名就业困难人员、1315名失业人员实现就业[1, 2]。",  # 1315 is in [2], cited together
        "补贴共计3792.64万元[2]，即37926400元[2]。",  # 万 scale
        "1. 城镇新增就业2047人[1]\n2. 日均工资295元[3]",  # list numbering is not a stated number
        "资料中没有找到相关信息。",  # a refusal needs no citation
        "城中区一季度就业任务超额完成[1]。",  # no numbers at all
    ],
)
def test_check_accepts_grounded_answers(text: str, extractive: Answer) -> None:
    assert check_generated_answer(text, extractive.citations) is None


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("城镇新增就业2047人[7]。", "不存在的资料[7]"),
        ("城镇新增就业2047人[1][4][5]。", "[4][5]"),
        ("城镇新增就业2048人[1]。", "“2048”"),
        ("1315名失业人员实现就业[1]。", "“1315”"),  # true, but [2] says it and [1] is what is cited
        ("城镇新增就业2047人。", "没有标注资料出处"),
        ("   ", "空回答"),
    ],
)
def test_check_rejects_ungrounded_answers(text: str, reason_part: str, extractive: Answer) -> None:
    reason = check_generated_answer(text, extractive.citations)
    assert reason is not None and reason_part in reason


def test_check_reads_chinese_numerals_in_passages() -> None:
    text = "新增就业两千零四十七人。"
    passage = Citation(n=1, source="x.txt", title=None, paragraph=1, start=0, end=len(text), text=text, score=1.0)
    assert check_generated_answer("新增就业2047人[1]", [passage]) is None
    assert check_generated_answer("新增就业2074人[1]", [passage]) is not None


def test_check_accepts_numbers_the_user_asked_about(extractive: Answer) -> None:
    text = "2025年一季度，城镇新增就业2047人[1]。"
    assert check_generated_answer(text, extractive.citations) is not None
    assert check_generated_answer(text, extractive.citations, question="2025年一季度城中区新增就业多少？") is None


def test_normalize_citation_markers() -> None:
    assert normalize_citation_markers("甲【1】乙[2, 3]丙［4］丁[1、2]") == "甲[1]乙[2][3]丙[4]丁[1][2]"


# ---------------------------------------------------------------- configuration


def test_from_env_reads_the_configuration() -> None:
    config = LLMConfig.from_env(
        {
            "RAG_LLM_BASE_URL": "http://127.0.0.1:8000/v1/",
            "RAG_LLM_MODEL": " qwen2.5-7b-instruct ",
            "RAG_LLM_API_KEY": "sk-x",
            "RAG_LLM_TIMEOUT": "12.5",
        }
    )
    assert config == LLMConfig("http://127.0.0.1:8000/v1", "qwen2.5-7b-instruct", "sk-x", 12.5)
    assert config.chat_completions_url == "http://127.0.0.1:8000/v1/chat/completions"


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"RAG_LLM_BASE_URL": "http://127.0.0.1:8000/v1"},  # no model
        {"RAG_LLM_MODEL": "qwen"},  # no endpoint
        {"RAG_LLM_BASE_URL": "  ", "RAG_LLM_MODEL": "qwen"},
        {"RAG_LLM_BASE_URL": "ftp://host/v1", "RAG_LLM_MODEL": "qwen"},
    ],
)
def test_from_env_is_off_unless_fully_configured(environ: dict[str, str]) -> None:
    assert LLMConfig.from_env(environ) is None


@pytest.mark.parametrize("timeout", ["", "abc", "0", "-3", "nan", "inf"])
def test_from_env_replaces_a_bad_timeout_with_the_default(timeout: str) -> None:
    environ = {"RAG_LLM_BASE_URL": "localhost:11434/v1", "RAG_LLM_MODEL": "qwen", "RAG_LLM_TIMEOUT": timeout}
    config = LLMConfig.from_env(environ)
    assert config is not None and config.timeout_s == 30.0 and config.api_key is None
    assert config.base_url == "http://localhost:11434/v1"


def test_full_endpoint_url_is_not_doubled() -> None:
    config = LLMConfig("http://127.0.0.1:8080/v1/chat/completions", "m")
    assert config.chat_completions_url == "http://127.0.0.1:8080/v1/chat/completions"


def test_generated_text_and_echoed_prompts_stay_out_of_the_log(extractive: Answer, caplog) -> None:
    """Drafts and questions reach the model; a rejected answer or an error body may quote them, so only sizes are logged."""
    caplog.set_level(logging.DEBUG, logger="rag.llm")
    with ChatCompletionsServer(JsonReply("据悉机密稿件称新增就业9999人[1]。")) as server:
        _, final, _ = _run(_config(server), extractive)
    _assert_fell_back(final, extractive)
    with ChatCompletionsServer(RawReply(400, f'{{"error": "bad prompt: {QUESTION}"}}'.encode())) as server:
        _, final, _ = _run(_config(server), extractive)
    _assert_fell_back(final, extractive, "HTTP 400")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert caplog.records, "the fallbacks should still be logged"
    assert "机密稿件" not in logged
    assert QUESTION not in logged
