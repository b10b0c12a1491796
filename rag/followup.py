"""Rewrite a short follow-up question into a question that stands alone.

Within a conversation users ask "城中区一季度新增就业多少" and then only
"那祁连县呢？" or "农村劳动力转移就业呢？". The follow-up reuses the previous
question's frame (entity, time qualifier, measured thing, what is asked) and
replaces the part it names:

* a new entity replaces the old one ("那祁连县呢？" → "祁连县新增就业多少").
  Finer time qualifiers (quarter, month, day) are dropped with the old entity:
  they are usually the reporting period of the previous place's article, not
  something the user meant to carry over; a year is kept, since it frames the
  whole conversation ("2025年…").
* a new time qualifier replaces the old one ("二季度呢？").
* anything else names a new measured thing and keeps entity and time
  ("农村劳动力转移就业呢？" → "城中区一季度农村劳动力转移就业多少").
* a pronoun (它, 该县, 当地…) stands for the previous entity.
"""
from __future__ import annotations

import logging
import re
from typing import Sequence

from .answer.question import (
    DATE,
    NAME,
    ORG,
    PERSON,
    PLACE,
    QUANTITY,
    QuestionAnalysis,
    analyze_question,
    strip_question_words,
)
from .places import pos_cut

log = logging.getLogger(__name__)

_LEADING_MARKER = re.compile(r"^(?:那么|那|还有|另外|再问一下|再问|同样地?|那在|那关于|关于)[，,、\s]*")
_TRAILING_MARKER = re.compile(r"(?:的情况|的呢|呢|怎么样|如何|又如何|又是多少|呢又是多少)?[？?！!。\s]*$")
_PRONOUN = re.compile(r"它们|他们|她们|它|其|该地|该县|该区|该市|该乡|该镇|该村|该省|该单位|该部门|该公司|当地|那里|这里|那边|该")
_ASKS = re.compile(
    r"多少|几|多大|多长|多高|多远|多久|什么|哪|谁|何时|何地|怎么|怎样|如何|为什么|是否|吗|比例|占比"
)
_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年")

# How the rebuilt question asks, by question type.
_WH_TAIL = {
    QUANTITY: "多少",
    DATE: "是什么时候",
    PLACE: "在哪里",
    PERSON: "是谁",
    ORG: "是哪个单位",
    NAME: "叫什么",
}


# "分几个组别？", "同比增长多少？": a question this short that names no entity or
# period leans on the previous question's subject.
MAX_FRAGMENT_CHARS = 6
_SUBPART = re.compile(r"^(?:那么|那)?其中")


def _is_fragment(question: str, analysis: QuestionAnalysis) -> bool:
    return (
        not analysis.entities
        and not analysis.time_terms
        and 0 < len(strip_question_words(question)) <= MAX_FRAGMENT_CHARS
    )


def _subject(previous: str) -> str:
    """What the previous question is about: its words before the wh-word, without
    the verbs and particles that lead into it ("城北区校园足球联赛共有多少支球队" →
    "城北区校园足球联赛")."""
    wh = re.search(r"多少|几|哪|谁|什么|何时|如何|怎样|怎么", previous)
    tokens = list(pos_cut(previous[:wh.start()] if wh else ""))
    while tokens and (tokens[-1][1][:1] in ("v", "u", "d", "p", "c", "r", "x") or tokens[-1][0] in ("共", "有", "是")):
        tokens.pop()
    return "".join(w for w, _ in tokens)


def _subpart(core: str, previous: QuestionAnalysis) -> str | None:
    """"其中汽车有多少" after "2025年全国机动车保有量达到多少": the previous subject
    with the part after 其中, which the extractor reads as asking for the figure the
    text gives after "其中" ("…达4.69亿辆,其中汽车3.66亿辆")."""
    subject = _subject(previous.text)
    part = _SUBPART.sub("", core)
    if not subject or not part:
        return None
    tail = "" if _ASKS.search(part) else _wh_tail(previous)
    return f"{subject}其中{part}{tail}"


def _is_followup(question: str, analysis: QuestionAnalysis) -> bool:
    if _LEADING_MARKER.match(question) or re.search(r"呢[？?！!。\s]*$", question):
        return True
    if _SUBPART.match(question) or _is_fragment(question, analysis):
        return True
    if _PRONOUN.search(question) and not analysis.entities:
        return True
    # a bare fragment ("祁连县？", "二季度？") asks nothing by itself
    return not _ASKS.search(question) and len(question) <= 16


def _core(question: str) -> str:
    core = _LEADING_MARKER.sub("", question.strip())
    core = _TRAILING_MARKER.sub("", core)
    return core.strip("，,、 ")


def _wh_tail(previous: QuestionAnalysis) -> str:
    """The asking part of the previous question, without its unit-bound words."""
    match = re.search(
        r"(?:是|有|达|为|在)?(?:多少|几|多大|多长|什么时候|何时|哪里|在哪|谁|哪个|哪家|叫什么|如何|怎样|怎么样|哪些|是什么)"
        r"[^，。？?]*$",
        previous.text,
    )
    if previous.kind == QUANTITY and previous.unit is None and match:
        return match.group(0).rstrip("？?。 ")
    if previous.kind in _WH_TAIL:
        return _WH_TAIL[previous.kind]
    return match.group(0).rstrip("？?。 ") if match else "的情况如何"


def _drop_fine_times(text: str, analysis: QuestionAnalysis) -> str:
    """``text`` without the previous question's sub-year periods ("2025年一季度" → "2025年")."""
    for term in analysis.time_terms:
        year = _YEAR.match(term)
        text = text.replace(term, year.group(0) if year else "", 1)
    return text


def _same_kind_phrase(core: str, previous: QuestionAnalysis) -> str | None:
    """The phrase of the previous question that ``core`` stands in for: one ending in
    the same head word ("大同庆新路支行" for "和汇支行"; Chinese names end in their kind)."""
    head = core[-2:]
    if len(core) <= len(head):
        return None  # "行呢？" names no thing of its own
    for phrase in previous.measure:
        if phrase != core and len(phrase) > len(head) and phrase.endswith(head) and phrase in previous.text:
            return phrase
    return None


def _resolve(question: str, previous: str) -> str | None:
    analysis = analyze_question(question)
    if not _is_followup(question, analysis):
        return None
    prev = analyze_question(previous)
    core = _core(question)
    if not core:
        return None

    # "它的劳务收入是多少": the pronoun stands for the previous entity (and its period)
    if _PRONOUN.search(core) and prev.entities and not analysis.entities:
        frame = prev.entities[0] + "".join(t for t in prev.time_terms if t not in core)
        return _PRONOUN.sub(frame, core, count=1)

    if _SUBPART.match(core):
        sub = _subpart(core, prev)
        if sub:
            return sub

    core_analysis = analyze_question(core)
    asks = bool(_ASKS.search(core))
    new_entities = core_analysis.entities
    new_times = core_analysis.time_terms
    new_measure = "".join(core_analysis.measure)

    if new_entities and asks and core_analysis.measure:
        return None  # "那祁连县新增就业多少" stands alone
    if asks and _is_fragment(question, analysis):
        # "分几个组别？": the previous question's subject, asked something new
        subject = _subject(prev.text)
        return subject + core if subject and not core.startswith(subject) else None
    if asks and not new_entities and core_analysis.measure:
        # "那劳务收入有多少": a new question about the previous entity and period
        frame = "".join(prev.entities) + "".join(t for t in prev.time_terms if t not in core)
        return frame + core if frame and not core.startswith(frame) else None

    rewritten = prev.text.rstrip("？?。！! ")
    if new_entities:
        if prev.entities:
            rewritten = rewritten.replace(prev.entities[0], new_entities[0], 1)
            for extra in prev.entities[1:]:
                rewritten = rewritten.replace(extra, "", 1)
        else:
            rewritten = new_entities[0] + rewritten
        rewritten = _drop_fine_times(rewritten, prev)
    if new_times:
        if prev.time_terms:
            rewritten = rewritten.replace(prev.time_terms[0], new_times[0], 1)
        elif prev.entities and new_entities[:1] != prev.entities[:1] and not new_entities:
            rewritten = rewritten.replace(prev.entities[0], prev.entities[0] + new_times[0], 1)
        else:
            entity = new_entities[0] if new_entities else (prev.entities[0] if prev.entities else "")
            rewritten = (
                rewritten.replace(entity, entity + new_times[0], 1) if entity and entity in rewritten
                else new_times[0] + rewritten
            )
    if new_measure and not new_entities and not new_times:
        replaced = _same_kind_phrase(core, prev)
        if replaced and not asks:
            # "和汇支行呢？" after "庆新路支行的邮政编码是多少": another thing of the same kind
            return rewritten.replace(replaced, core, 1)
        frame = "".join(prev.entities) + "".join(prev.time_terms)
        return frame + core + _wh_tail(prev)
    if new_measure:
        # a new entity or period together with a new measured thing
        entity = new_entities[0] if new_entities else "".join(prev.entities)
        times = "".join(new_times) if new_times else "".join(
            t for t in prev.time_terms if not new_entities or _YEAR.fullmatch(t)
        )
        return entity + times + new_measure + _wh_tail(prev)
    if not new_entities and not new_times:
        return None  # nothing we can place in the previous frame
    return rewritten if rewritten != prev.text else None


def rewrite_followup(question: str, history: Sequence[str]) -> str | None:
    """The stand-alone form of ``question`` given the earlier questions (oldest first),
    or None when the question stands alone (or there is no history).

    Earlier follow-ups in ``history`` are resolved first, so a chain
    "城中区一季度新增就业多少" → "那祁连县呢" → "农牧区劳动力转移就业呢"
    keeps 祁连县.
    """
    try:
        question = (question or "").strip()
        turns = [h.strip() for h in history if h and h.strip()]
        if not question or not turns:
            return None
        resolved: list[str] = []
        for turn in turns:
            resolved.append((_resolve(turn, resolved[-1]) or turn) if resolved else turn)
        rewritten = _resolve(question, resolved[-1])
        if rewritten and rewritten != question:
            return rewritten
        return None
    except Exception:  # a rewrite is a convenience: never fail the question for it
        log.exception("follow-up rewrite failed for a question of %d characters", len(question))  # no text: logs stay free of drafts
        return None
