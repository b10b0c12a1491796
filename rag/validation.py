"""What a question request may contain: one set of checks shared by the API, the web UI and the CLI.

Every check runs before anything is stored, echoed or looked up, so a 20 MB
question, a lone surrogate from a broken client, or undecodable bytes in argv
become a short Chinese message (``InvalidQuestion``), never a traceback or a
copy of the input held in memory.

    text = validate_question(question)               # 1..500 characters, printable, has a content word
    earlier = validate_history(history)              # at most MAX_HISTORY_TURNS, each <= 500 characters
    validate_options(k, mode)
    filters = validate_filters(since, until, names)  # ISO dates, at most MAX_SOURCE_NAMES short names
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from .schema import RETRIEVAL_MODES

MAX_QUESTION_CHARS = 500
MAX_HISTORY_TURNS = 10  # earlier questions a follow-up may lean on; the rewriter uses the last few
MAX_K = 50
MAX_SOURCE_NAMES = 20
MAX_SOURCE_NAME_CHARS = 200
MAX_DATE_CHARS = 40
SHOWN_CHARS = 20  # how much of a bad value a message quotes
# The longest run of digits (Arabic or Chinese numerals) a draft to check may hold. No figure in the news has
# more than a few dozen; the figure readers scan a run once per position, so a run of thousands of digits
# took seconds to minutes (a 5,000-digit claim over 20 s).
MAX_NUMBER_CHARS = 40
_LONG_NUMBER = re.compile(f"\\d{{{MAX_NUMBER_CHARS + 1},}}|[〇零一二两三四五六七八九十百千万亿]{{{MAX_NUMBER_CHARS + 1},}}")

# Characters that carry no topic on their own: particles, pronouns of the question itself and
# question words. A question made only of these (plus punctuation, digits, Latin letters or
# code) has nothing to search for.
FUNCTION_CHARS = frozenset("的了吗呢啊吧呀么嘛哦喔哈嗯哇呐是在有和与及或就都也还又很太这那哪谁什怎几多少请问吗个些")


class InvalidQuestion(ValueError):
    """A question the assistant will not run; the message is for users."""


def _quote(value: str) -> str:
    return value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS] + "…"


def check_text(value: object, what: str, limit: int) -> str:
    """``value`` stripped, when it is a string of at most ``limit`` characters of valid Unicode text.

    Invalid bytes reach Python as lone surrogates (argv, a JSON "\\udc80"); they are
    refused here, with a message, instead of failing later when the text is encoded.
    """
    if not isinstance(value, str):
        raise InvalidQuestion(f"{what}必须是文字。")
    if len(value) > limit * 4:  # judged before stripping or scanning a huge input
        raise InvalidQuestion(f"{what}太长（{len(value)} 字），请控制在 {limit} 字以内。")
    text = value.strip()
    if len(text) > limit:
        raise InvalidQuestion(f"{what}太长（{len(text)} 字），请控制在 {limit} 字以内。")
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise InvalidQuestion(f"{what}含有无法识别的字符（不是有效的 UTF-8 文字），请检查输入的编码后重试。")
    return text


def check_draft_text(text: str) -> str:
    """``text`` (a draft already checked for length by rag.check.validate_draft) when its characters are valid
    Unicode and no number in it is absurdly long; else InvalidQuestion saying what is wrong."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise InvalidQuestion("要核实的内容含有无法识别的字符（不是有效的 UTF-8 文字），请检查输入的编码后重试。")
    long_number = _LONG_NUMBER.search(text)
    if long_number:
        raise InvalidQuestion(
            f"要核实的内容里有一串长达 {len(long_number.group())} 个字的数字（“{_quote(long_number.group())}”），"
            f"不像真实的数字，无法核实。一个数字最多 {MAX_NUMBER_CHARS} 位，请检查后重试。"
        )
    return text


def _is_han(ch: str) -> bool:
    return unicodedata.category(ch) == "Lo" and unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def has_content_word(text: str) -> bool:
    """True when ``text`` asks about something: a Chinese character that names something (not only
    particles or question words), or a Chinese question about a Latin-script name ("Stam1na是什么？").
    Punctuation, digits, code or English alone have nothing the Chinese articles can be searched for.
    """
    han = [ch for ch in text if _is_han(ch)]
    if any(ch not in FUNCTION_CHARS for ch in han):
        return True
    return bool(han) and re.search(r"[A-Za-z][A-Za-z0-9]|[0-9][A-Za-z]", text) is not None


def validate_question(question: object, require_content_word: bool = True) -> str:
    """The question with surrounding whitespace removed, or InvalidQuestion saying what is wrong.

    ``require_content_word=False`` checks only the form (an evaluation file may hold a meaningless
    question on purpose; asking it is then refused like any user's).
    """
    text = check_text(question, "问题", MAX_QUESTION_CHARS)
    if not text or all(unicodedata.category(ch)[0] in "ZC" for ch in text):
        raise InvalidQuestion("问题是空的，请输入要查询的问题。")
    if require_content_word and not has_content_word(text):
        raise InvalidQuestion(
            f"没有看懂这个问题（“{_quote(text)}”里没有可查询的中文词语）。"
            "请用中文写出要查的人、地方或事情，例如“城中区一季度新增就业多少”。"
        )
    return text


def validate_history(history: object) -> tuple[str, ...]:
    """A conversation's earlier questions, oldest first: the last MAX_HISTORY_TURNS, each a checked text.

    Older turns beyond the limit are dropped (a follow-up only leans on the last
    few); a turn that is too long or not text is refused.
    """
    if history is None:
        return ()
    if isinstance(history, str) or not isinstance(history, Sequence):
        raise InvalidQuestion("之前的问题必须是文字列表。")
    turns = [check_text(turn, "之前的问题", MAX_QUESTION_CHARS) for turn in list(history)[-MAX_HISTORY_TURNS:]]
    return tuple(turn for turn in turns if turn)


def validate_options(k: object, mode: object) -> None:
    if not isinstance(k, int) or isinstance(k, bool) or not 1 <= k <= MAX_K:
        raise InvalidQuestion(f"返回条数 k 必须在 1 到 {MAX_K} 之间。")
    if not isinstance(mode, str) or mode not in RETRIEVAL_MODES:
        raise InvalidQuestion(f"检索方式必须是 {' / '.join(RETRIEVAL_MODES)} 之一。")


@dataclass(frozen=True)
class Filters:
    """Which articles a question may be answered from: dated within [since, until], from one of ``sources``.

    ``sources`` match a source name, the file it was added in, or its label
    ("新华社"). With a date bound, articles without a known date are left out.
    """

    since: str | None = None  # ISO dates, inclusive
    until: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.since or self.until or self.sources)


def _iso_date(value: object, what: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = check_text(value, what, MAX_DATE_CHARS)
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidQuestion(f"{what}“{_quote(text)}”不是有效日期，请写成 YYYY-MM-DD，例如 2026-01-01。") from None


def validate_filters(since: object = None, until: object = None, sources: object = ()) -> Filters:
    """Filters from user input, or InvalidQuestion saying what is wrong."""
    start, end = _iso_date(since, "起始日期"), _iso_date(until, "截止日期")
    if start and end and start > end:
        raise InvalidQuestion(f"起始日期 {start} 晚于截止日期 {end}。")
    if isinstance(sources, str):
        sources = [sources]
    if sources is None:
        sources = ()
    if not isinstance(sources, Sequence):
        raise InvalidQuestion("来源必须是文字。")
    if len(sources) > MAX_SOURCE_NAMES:
        raise InvalidQuestion(f"来源最多写 {MAX_SOURCE_NAMES} 个，现在有 {len(sources)} 个。")
    names = (check_text(name, "来源名称", MAX_SOURCE_NAME_CHARS) for name in sources)
    return Filters(start, end, tuple(dict.fromkeys(name for name in names if name)))
