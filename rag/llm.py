"""Optional generative answers from an OpenAI-compatible chat endpoint.

The extractive answer always comes first; this module only rewrites it in
the model's words when the model stays inside the numbered passages. Every
generated answer is checked before it is shown: each ``[n]`` must name a
passage that was given, and each number must appear in a passage the answer
cites. Anything else (a failed check, a timeout, a refused connection, an
HTTP error, a body that cannot be parsed) returns the extractive answer with
``Answer.note`` saying, in Chinese, why.

Configured from the environment (see ``LLMConfig.from_env``)::

    RAG_LLM_BASE_URL=http://127.0.0.1:8000/v1   # vLLM, Ollama, llama.cpp server, ...
    RAG_LLM_MODEL=qwen2.5-7b-instruct
    RAG_LLM_API_KEY=...                         # optional
    RAG_LLM_TIMEOUT=30                          # optional, seconds for the whole answer
"""
from __future__ import annotations

import dataclasses
import json
import logging
import math
import os
import queue
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Mapping, Sequence
from urllib.parse import urlsplit

import httpx

from .numbers import ARABIC_NUMBER, number_values, values_in
from .schema import Answer, Citation

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 30.0
FALLBACK_SUFFIX = "，已改用摘录式回答"
REFUSAL_PHRASE = "资料中没有找到"

SYSTEM_PROMPT = (
    "你是新闻问答助手。只能根据用户给出的编号资料回答问题，不得使用资料以外的知识，不得推测。\n"
    "要求：\n"
    "一、用简体中文简洁地回答，一般一到三句话，不要分条列点。\n"
    "二、每句话后用方括号标注所依据资料的编号，例如[1]或[1][2]；只能使用给出的编号。\n"
    "三、数字照抄资料原文，不换算单位，不四舍五入，不自行计算。\n"
    f"四、如果资料中没有问题的答案，就回答“{REFUSAL_PHRASE}相关信息”，不要编造。"
)


@dataclass(frozen=True)
class LLMConfig:
    """Where the chat-completions endpoint is and how long an answer may take."""

    base_url: str  # e.g. "http://127.0.0.1:8000/v1"; "/chat/completions" is appended
    model: str
    api_key: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S  # total deadline for one answer, not per read

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "LLMConfig | None":
        """The configuration from ``RAG_LLM_*`` variables, or None when generation is off.

        Generation is on only when both ``RAG_LLM_BASE_URL`` and ``RAG_LLM_MODEL``
        are set. Bad values are logged and replaced (timeout) or switch
        generation off (URL), never raised: the extractive answer still works.
        """
        base_url = environ.get("RAG_LLM_BASE_URL", "").strip()
        model = environ.get("RAG_LLM_MODEL", "").strip()
        if not base_url and not model:
            return None
        if not base_url or not model:
            log.warning("generative answers off: set both RAG_LLM_BASE_URL and RAG_LLM_MODEL")
            return None
        if "://" not in base_url:
            base_url = "http://" + base_url  # "localhost:11434/v1" is how Ollama users write it
        if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).hostname:
            log.warning("generative answers off: RAG_LLM_BASE_URL %r is not an http(s) URL", base_url)
            return None
        api_key = environ.get("RAG_LLM_API_KEY", "").strip() or None
        timeout_s = _parse_timeout(environ.get("RAG_LLM_TIMEOUT", ""))
        return cls(base_url=base_url.rstrip("/"), model=model, api_key=api_key, timeout_s=timeout_s)

    @property
    def chat_completions_url(self) -> str:
        base = self.base_url.rstrip("/")
        return base if base.endswith("/chat/completions") else base + "/chat/completions"


def _parse_timeout(value: str) -> float:
    if not value.strip():
        return DEFAULT_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        log.warning("RAG_LLM_TIMEOUT=%r is not a positive number of seconds; using %s", value, DEFAULT_TIMEOUT_S)
        return DEFAULT_TIMEOUT_S
    return seconds


# --------------------------------------------------------------------------- prompt


def _passage_for_prompt(citation: Citation) -> str:
    """A passage as the model sees it; the number check accepts exactly this text."""
    return f"《{citation.title}》{citation.text}" if citation.title else citation.text


def build_messages(question: str, passages: Sequence[Citation]) -> list[dict]:
    """Chat messages asking for an answer from the numbered passages only."""
    numbered = "\n\n".join(f"[{c.n}] {_passage_for_prompt(c)}" for c in passages)
    user = f"资料：\n{numbered}\n\n问题：{question.strip()}"
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}]


# --------------------------------------------------------------------------- checking

# [1], [1][2], [1,2], [1、2] and their full-width forms ［1］ 【1】.
_CITATION_MARKER = re.compile(r"[\[［【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]］】]")
_MARKER_SEPARATOR = re.compile(r"\s*[,，、]\s*")
# "1." "2、" "(3)" at the start of a line: list numbering, not a stated fact.
_LIST_ENUMERATOR = re.compile(r"^[ \t]*(?:\d+[.、)）](?!\d)|[(（]\d+[)）])", re.MULTILINE)
# Arabic numbers after NFKC: "2047", "2,047", "3792.64"; a scale character may follow.


def normalize_citation_markers(text: str) -> str:
    """Rewrite every citation marker as ``[n]``: "【1】" -> "[1]", "[1, 2]" -> "[1][2]"."""
    return _CITATION_MARKER.sub(
        lambda m: "".join(f"[{int(n)}]" for n in _MARKER_SEPARATOR.split(m.group(1))), text
    )


def cited_numbers(text: str) -> list[int]:
    """The passage numbers cited in ``text``, in order of first appearance."""
    seen: dict[int, None] = {}
    for match in _CITATION_MARKER.finditer(text):
        for n in _MARKER_SEPARATOR.split(match.group(1)):
            seen.setdefault(int(n), None)
    return list(seen)


def _stated_numbers(text: str) -> list[tuple[str, list[set[Decimal]]]]:
    """Arabic numbers stated in an answer: (as written, alternative readings).

    A reading is a list of values that must all be supported; "2,047" reads
    as [2047] or, failing that, as the list [2, 47]. Chinese numerals in the
    answer are not checked: 一些, 千万, 十分 are words far more often than
    numbers, and checking them would throw away good answers.
    """
    plain = unicodedata.normalize("NFKC", _LIST_ENUMERATOR.sub(" ", _CITATION_MARKER.sub(" ", text)))
    stated = []
    for match in ARABIC_NUMBER.finditer(plain):
        readings = [[number_values(match, plain)]]
        if "," in match.group():
            readings.append([{Decimal(part)} for part in match.group().split(",")])
        stated.append((match.group(), readings))
    return stated


def check_generated_answer(text: str, passages: Sequence[Citation], *, question: str = "") -> str | None:
    """None when ``text`` may be shown, else the Chinese reason it may not.

    Every cited ``[n]`` must be one of ``passages``; an answer that is not a
    refusal must cite at least one; every Arabic number must appear (after
    normalising "2,047" to 2047, "5.3万" to 53000, full-width digits) in a
    passage the answer cites, or in ``question`` — a number the user typed
    is not one the model invented.
    """
    if not text.strip():
        return "生成服务返回了空回答"
    given = {c.n: c for c in passages}
    cited = cited_numbers(text)
    unknown = [n for n in cited if n not in given]
    if unknown:
        return "生成的回答引用了不存在的资料" + "".join(f"[{n}]" for n in unknown)
    if not cited and REFUSAL_PHRASE not in text:
        return "生成的回答没有标注资料出处"
    supported = values_in(question)
    for n in cited:
        supported |= values_in(_passage_for_prompt(given[n]))
    unsupported: list[str] = []
    for written, readings in _stated_numbers(text):
        if not any(all(values & supported for values in reading) for reading in readings):
            if written not in unsupported:
                unsupported.append(written)
    if unsupported:
        quoted = "、".join(f"“{w}”" for w in unsupported)
        return f"生成的回答中的数字{quoted}在所引用的资料中找不到"
    return None


# --------------------------------------------------------------------------- streaming

_THINK_BLOCK = re.compile(r"<think>.*?</think>", re.DOTALL)
_THINK_OPEN = "<think>"


def _visible_text(raw: str, *, final: bool = False) -> str:
    """The answer without a reasoning model's <think>…</think> preamble.

    While streaming, an unfinished think block and a trailing "<thi" that may
    become one are held back, so the visible text only ever grows.
    """
    text = _THINK_BLOCK.sub("", raw)
    open_at = text.find(_THINK_OPEN)
    if open_at != -1:
        text = text[:open_at]
    elif not final:
        for k in range(len(_THINK_OPEN) - 1, 0, -1):
            if text.endswith(_THINK_OPEN[:k]):
                text = text[:-k]
                break
    return text.strip() if final else text.lstrip()


class _GenerationFailed(Exception):
    """Carries the Chinese reason the generated answer cannot be used."""


def _is_loopback(url: str) -> bool:
    return urlsplit(url).hostname in ("127.0.0.1", "localhost", "::1")


def _delta_content(event: dict) -> str:
    if "error" in event:
        log.warning("LLM stream reported an error (details withheld: they may quote the prompt)")
        raise _GenerationFailed("生成服务在回答途中报错")
    choices = event.get("choices") or []
    if not choices:
        return ""  # e.g. a trailing usage-only chunk
    choice = choices[0]
    if choice.get("finish_reason") == "length":
        log.warning("LLM answer was cut off at the token limit")
    return (choice.get("delta") or {}).get("content") or ""


def _message_content(body: dict) -> str:
    if "error" in body:
        log.warning("LLM returned an error (details withheld: they may quote the prompt)")
        raise _GenerationFailed("生成服务报告错误")
    return body["choices"][0]["message"]["content"] or ""


def _post_chat_completion(config: LLMConfig, payload: dict, events: queue.Queue, stop: threading.Event) -> None:
    """Worker thread: POST the request and put ("delta", str), ("done", None) or ("error", reason) on ``events``.

    It runs apart from the caller so the caller can enforce a total deadline:
    httpx's timeouts are per read, and a server that trickles a token every
    few seconds would otherwise never time out.
    """
    headers = {"Accept": "text/event-stream, application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    url = config.chat_completions_url
    try:
        # A local model server must not be sent through the HTTP_PROXY meant for the internet.
        with httpx.Client(timeout=httpx.Timeout(config.timeout_s), trust_env=not _is_loopback(url)) as client:
            with client.stream("POST", url, json=payload, headers=headers) as response:
                if response.status_code != 200:
                    # The error body may echo the prompt (a user's question or draft): log its size only.
                    detail = next(response.iter_bytes(), b"")[:500]
                    log.warning("LLM endpoint %s answered HTTP %d (%d bytes of detail withheld)", url, response.status_code, len(detail))
                    events.put(("error", f"生成服务返回错误（HTTP {response.status_code}）"))
                    return
                if "text/event-stream" in response.headers.get("content-type", ""):
                    for line in response.iter_lines():
                        if stop.is_set():
                            return
                        if not line.startswith("data:"):
                            continue  # blank separators, ": keep-alive" comments, "event:" lines
                        data = line[len("data:") :].strip()
                        if data == "[DONE]":
                            break
                        content = _delta_content(json.loads(data))
                        if content:
                            events.put(("delta", content))
                else:
                    content = _message_content(json.loads(response.read()))
                    if content:
                        events.put(("delta", content))
        events.put(("done", None))
    except _GenerationFailed as failure:
        events.put(("error", str(failure)))
    except httpx.TimeoutException:
        events.put(("error", f"生成服务在{config.timeout_s:g}秒内没有完成回答"))
    except httpx.ConnectError as error:
        log.warning("cannot connect to LLM endpoint %s: %s", url, error)
        events.put(("error", f"无法连接生成服务（{config.base_url}）"))
    except httpx.HTTPError as error:
        log.warning("LLM request to %s failed: %s", url, error)
        events.put(("error", "与生成服务的连接中断"))
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
        log.warning("cannot parse the LLM response from %s: %r", url, error)
        events.put(("error", "生成服务的返回内容无法解析"))
    except Exception:  # a worker thread must always report back, or the caller waits for the deadline
        log.exception("LLM request to %s failed", url)
        events.put(("error", "生成服务出错"))


def iter_generated_answer(config: LLMConfig, question: str, extractive: Answer) -> Iterator[str | Answer]:
    """Stream the generated answer: text deltas (str) as they arrive, then one final Answer.

    The final Answer is either the checked generated answer (same citations
    as ``extractive``, ``short``/``sentence``/``note`` None) or ``extractive``
    itself with ``note`` saying why it was kept. The deltas are unchecked:
    show them as a draft and replace them with the final Answer's text.
    The whole call, including a server that stalls mid-stream, ends within
    ``config.timeout_s`` (plus scheduling slack).
    """
    started = time.monotonic()
    deadline = started + config.timeout_s
    passages = extractive.citations

    def elapsed_ms() -> dict[str, float]:
        return {**extractive.timings_ms, "generate": (time.monotonic() - started) * 1000}

    if not passages:
        # Nothing to ground an answer in: the extractive refusal says so already.
        yield extractive
        return

    payload = {
        "model": config.model,
        "messages": build_messages(question, passages),
        "stream": True,
        "temperature": 0,
    }
    events: queue.Queue = queue.Queue()
    stop = threading.Event()
    worker = threading.Thread(
        target=_post_chat_completion, args=(config, payload, events, stop), name="llm-request", daemon=True
    )
    worker.start()
    raw = ""
    shown = ""
    try:
        while True:
            remaining = deadline - time.monotonic()
            try:
                if remaining <= 0:
                    raise queue.Empty
                kind, value = events.get(timeout=remaining)
            except queue.Empty:
                # The worker is left to its own httpx read timeout; the stop flag ends it sooner if data still flows.
                raise _GenerationFailed(f"生成服务在{config.timeout_s:g}秒内没有完成回答") from None
            if kind == "error":
                raise _GenerationFailed(value)
            if kind == "done":
                break
            raw += value
            visible = _visible_text(raw)
            if len(visible) > len(shown) and visible.startswith(shown):
                yield visible[len(shown) :]
                shown = visible
        text = normalize_citation_markers(_visible_text(raw, final=True))
        reason = check_generated_answer(text, passages, question=question)
        if reason is not None:
            log.info("generated answer rejected: %s (%d characters)", reason, len(text))
            raise _GenerationFailed(reason)
    except _GenerationFailed as failure:
        yield dataclasses.replace(extractive, note=f"{failure}{FALLBACK_SUFFIX}", timings_ms=elapsed_ms())
        return
    finally:
        stop.set()
    yield dataclasses.replace(
        extractive,
        answer=text,
        refused=REFUSAL_PHRASE in text,
        short=None,
        sentence=None,
        note=None,
        timings_ms=elapsed_ms(),
    )


def generate_answer(config: LLMConfig, question: str, extractive: Answer) -> Answer:
    """The final Answer of ``iter_generated_answer``, for callers that do not stream."""
    final: Answer | None = None
    for item in iter_generated_answer(config, question, extractive):
        if isinstance(item, Answer):
            final = item
    assert final is not None  # iter_generated_answer always ends with an Answer
    return final
