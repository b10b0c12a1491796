"""Claims of a direction without a number: "城东区逐年压减社会救助财政投入", "新增工程应提高存储比例".

A clause with no figure and no name that says something went up or down (``measure.UP`` / ``DOWN``) of a
named object is a claim of its own. It is checked in the article paragraph that says the claim's words
(a compound also by its head: "效率" for "办事效率"), at a direction word whose own object (the words after
it, up to the end of its clause or the next direction word) holds the head of the claim's object (its last
word: "财政投入" of "社会救助财政投入"): the opposite direction makes it 不一致 (方向); the same one makes it
一致 only when that sentence says the claim's words and the word governs its whole object; else 未找到.

A direction word ending its clause ("古城商铺空置率去年有所上升", "…比上年有所减少") tells of its subject, the words before it
(without the base compared with and the manner: 比上年, 有所): it is read at an article direction word whose own clause says
the subject's head before it ("古城商铺空置率由11.3%下降到6.8%"; switch ``subject_direction``).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ..schema import Hit, Paragraph
from ..sentences import split_sentences
from .measure import DOWN, UP, direction, measure_words, share_present_heads
from .ablation import ingredient_on
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

DIRECTION_WORD = re.compile("|".join(sorted((*UP, *DOWN), key=len, reverse=True)))
_OBJECT_END = re.compile(r"[，,。；;：:！？!?]")
NOT_DIRECTIONS = ("增长点", "增加值", "下降期")  # nouns made of a direction word

FRAME_TO_CONTRADICT = 0.75  # share of the claim clause's words the article (title and paragraph) must say
OBJECT_TO_SUPPORT = 0.8  # share of the claim's object words the article's direction word must govern to confirm it
FRAME_TO_SUPPORT = 0.8  # ... and of the claim clause's words its sentence must say


def _object_after(text: str, end: int) -> str:
    """What a direction word at ``text[:end]`` governs: the words after it, to its clause's end or the next direction word."""
    stop = _OBJECT_END.search(text, end)
    window = text[end: stop.start() if stop else len(text)]
    other = DIRECTION_WORD.search(window)
    return window[: other.start()] if other else window


# what stands between a subject and its direction word without being the subject: the base compared with ("比上年",
# "较年初"), the manner ("有所", "略有", "大幅"), the frame ("同比") — "游客人均花费比上年有所减少" is of 游客人均花费
_SUBJECT_TAIL = re.compile(r"(?:(?:比|较)[^，,；;。：:\s]{1,6}?|同比|环比|有所|略有|明显|大幅|小幅|持续|稳步|逐年|逐步|进一步|不断|继续|均|都|也|还|再|又)+$")


def _subject_before(text: str, start: int) -> str:
    """What a direction word at ``text[start]`` ending its clause tells of: its clause's words before it, without the base
    compared with and the manner ("2025年瑞金游客人均花费比上年有所减少": 2025年瑞金游客人均花费)."""
    clause_start = max((m.end() for m in _OBJECT_END.finditer(text, 0, start)), default=0)
    return _SUBJECT_TAIL.sub("", text[clause_start:start])


_BASE = re.compile(r"(?:比|较)[^，,；;。：:\s]{1,8}")


def _leans(clause: str) -> bool:
    """A clause naming nothing measured of its own, only the base compared with and how ("比上一产季每斤", "同比")."""
    return not measure_words(_SUBJECT_TAIL.sub("", _BASE.sub("", clause)))


_PAST_YEAR = re.compile(r"(?<![比较与同和跟由从])(?:去年|上年|前年)")  # (not a base: "由上年的312万人次")


def _periods_said(text: str) -> tuple[set[str], set[str]]:
    """The parts of a year (一季度 "Q1", 上半年 "H1", 前三季度 "Q1-3"; 全年) and the years ``text`` names as its own, not as a base
    it compares with ("比去年同期", "较上年"); a year named from the report's, "去年", as "past" (a month or a day told, "7月5日",
    is when it was reported, no period)."""
    from .binding import _BASE_PERIOD  # (binding reads claims, which finds direction claims with this module)
    from .claims import periods_in

    text = _BASE_PERIOD.sub(" ", text)
    periods = set(periods_in(text))
    parts = {p for p in periods if not p.isdigit() and not p.startswith("M")} | ({"全年"} if "全年" in text else set())
    return parts, {p for p in periods if p.isdigit()} | ({"past"} if _PAST_YEAR.search(text) else set())


def _same_period(claim: Claim, paragraph: Paragraph, s_start: int, at: int) -> bool:
    """Whether the article's direction word at ``paragraph.text[at]`` (its sentence opening at ``s_start``) is of the claim's
    period (switch ``direction_period``): the parts of a year the article names for it (its sentence before the word, else its
    paragraph before the sentence, else its headline) are the claim's own ("二季度…有所减少" is not told by "一季度…下降"; a claim
    naming no part is not told by a quarter's), and each year the claim names is the article's there (told by a year it writes,
    not one it names from the report's: "去年")."""
    if not ingredient_on("direction_period"):
        return True
    ours_parts, ours_years = _periods_said(claim.text[: claim.stated_start - claim.start])
    ours_parts |= {p for p in claim.periods if not p.isdigit() and not p.startswith("M")}
    ours_years |= {p for p in claim.periods if p.isdigit()}
    levels = (paragraph.text[s_start:at], paragraph.text[:s_start], paragraph.title or "")
    said = [_periods_said(level) for level in levels]
    theirs_parts = next((parts for parts, _ in said if parts), set())
    if theirs_parts != ours_parts:
        return False
    theirs_years = next((years for _, years in said if years), set())
    return ours_years <= theirs_years and ("past" in ours_years or "past" not in theirs_years or not ours_years)


def _subject_mode(clause: str, match: re.Match) -> bool:
    """The direction word ends its clause, its subject before it ("空置率有所上升"), not an object after it (switch
    ``subject_direction``)."""
    return ingredient_on("subject_direction") and not _object_after(clause, match.end()).strip(" 了")


def direction_in(clause: str, places: Sequence[str] = ()) -> tuple[int, int] | None:
    """Where a figure-free clause states a direction of something it names ("压减社会救助财政投入", "空置率有所上升"), else None."""
    for match in DIRECTION_WORD.finditer(clause):
        if any(clause.startswith(noun, match.start()) for noun in NOT_DIRECTIONS):
            continue
        if measure_words(_object_after(clause, match.end()), places):
            return match.start(), match.end()
    for match in DIRECTION_WORD.finditer(clause):
        if any(clause.startswith(noun, match.start()) for noun in NOT_DIRECTIONS):
            continue
        if _subject_mode(clause, match) and measure_words(_subject_before(clause, match.start()), places):
            return match.start(), match.end()
    return None


def verify_direction(claim: Claim, hits: Sequence[Hit], context_of: Callable[[Paragraph], str]):
    """A direction claim against the article sentences (returns a ``verify.Verdict``)."""
    from .subject import place_in  # subject and verify read claims, which finds direction claims with this module
    from .verify import Verdict

    at = claim.stated_start - claim.start
    objects = measure_words(_object_after(claim.text, at + len(claim.stated)), claim.places)
    match = DIRECTION_WORD.match(claim.text, at)
    subject = not objects and match is not None and _subject_mode(claim.text, match)
    if subject:  # "古城商铺空置率有所上升": what went up is said before the word
        objects = measure_words(_subject_before(claim.text, at), claim.places)
    frame = measure_words(claim.text[:at] + " " + claim.text[at + len(claim.stated):], claim.places)
    if subject:  # (the manner, "有所", "大幅", is no word the article must say)
        frame = tuple(w for w in frame if not _SUBJECT_TAIL.fullmatch(w))
    stated = direction(claim.stated)
    related = tuple(hit.paragraph for hit in hits[:2])
    for hit in hits:
        paragraph = hit.paragraph
        text = paragraph.text
        context = context_of(paragraph)
        if not objects or not all(place_in(place, context) for place in claim.places):
            continue
        said = share_present_heads(frame, context)
        if said < FRAME_TO_CONTRADICT:
            continue
        for s_start, s_end in split_sentences(text):
            sentence = text[s_start:s_end]
            for match in DIRECTION_WORD.finditer(sentence):
                governed = _object_after(sentence, match.end())
                if subject and not share_present_heads(objects[-1:], governed):
                    # the claim's subject said before the article's word, in its clause: "空置率由11.3%下降到6.8%"
                    marks = [m.end() for m in _OBJECT_END.finditer(sentence, 0, match.start())]
                    before = sentence[(marks[-1] if marks else 0):match.start()]
                    if not share_present_heads(objects[-1:], before) and len(marks) >= 1 and _leans(before):
                        # a clause saying only the base and the measure's unit leans on the clause before it: "地头收购价每斤在
                        # 3.2元至3.8元之间，比上一产季每斤上涨0.3元左右"
                        before = sentence[(marks[-2] if len(marks) >= 2 else 0):match.start()]
                    if not share_present_heads(objects[-1:], before) or share_present_heads(objects, sentence[:match.start()]) < OBJECT_TO_SUPPORT:
                        continue  # (the whole subject said before the word, not its head alone: "冻干蔬菜出口额" is no "水果及坚果出口额")
                    governed = before
                    found = (before + match.group() + _object_after(sentence, match.end())).strip()
                    b_start = s_start + match.start() - len(before)
                    span = ((paragraph, b_start, s_start + match.end() + len(_object_after(sentence, match.end()))),)
                elif not share_present_heads(objects[-1:], governed):
                    continue  # the head of the claim's object (its last word) is what the article's word governs
                else:
                    found = (match.group() + governed).strip()
                    span = ((paragraph, s_start + match.start(), s_start + match.end() + len(governed)),)
                if subject and not _same_period(claim, paragraph, s_start, s_start + match.start()):
                    continue  # (another period's direction tells nothing of the claim's: "一季度…下降" for "二季度…有所减少")
                if direction(match.group()) != stated:
                    return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{claim.stated}”（方向不同）。",
                                   found=found, differs="方向", evidence=span)
                if share_present_heads(objects, governed) >= OBJECT_TO_SUPPORT and share_present_heads(frame, sentence) >= FRAME_TO_SUPPORT:
                    return Verdict(SUPPORTED, f"资料写的是“{sentence.strip()[:80]}”，与“{claim.stated}”一致。", found=found, evidence=span)
    return Verdict(NOT_FOUND, f"检索到的资料里没有说到“{claim.text}”的增减。", related=related)


# ----------------------------------------------------------------------------- a figure's direction in its slot
# "水土流失面积比上年增加8.5%" against "果园水土流失面积比上年下降8.5%": the same figure, right after a direction word,
# with the claim's words before it: the opposite direction is 不一致 on 方向 (the same one concludes nothing here)
_DIRECTION_BEFORE = re.compile("(?P<word>" + DIRECTION_WORD.pattern + r")了?(?:达到|达|到|至)?$")
SLOT_WORDS_SAID = 0.75  # share of the claim's words before its direction word the article clause must say


def opposite_at_figure(claim: Claim, hits: Sequence[Hit], context_of: Callable[[Paragraph], str]):
    """A 不一致 on 方向 where the article says the claim's figure, of the claim's measure, in the other direction; else None."""
    from .verify import Verdict

    if claim.kind != "figure" or not claim.stated:
        return None
    at = claim.stated_start - claim.sentence_start
    before = claim.sentence[:at]
    own = _DIRECTION_BEFORE.search(before)
    if own is None or any(before.endswith(noun, 0, own.end()) for noun in NOT_DIRECTIONS):
        return None
    stated = direction(own.group("word"))
    clause_start = max((m.end() for m in _OBJECT_END.finditer(before, 0, own.start())), default=0)
    words = measure_words(before[clause_start:own.start()], claim.places)
    if len(words) < 2 or stated is None:
        return None
    for hit in hits:
        paragraph = hit.paragraph
        text = paragraph.text
        start = text.find(claim.stated)
        while start >= 0:
            theirs = _DIRECTION_BEFORE.search(text[max(0, start - 8):start])
            end = start + len(claim.stated)
            if theirs is not None and not text[end:end + 1].isdigit() and not text[max(0, start - 1):start].isdigit():
                t_start = start - len(theirs.group())
                t_clause = max((m.end() for m in _OBJECT_END.finditer(text, 0, t_start)), default=0)
                said = share_present_heads(words, text[t_clause:t_start])
                if said >= SLOT_WORDS_SAID and direction(theirs.group("word")) not in (None, stated):
                    found = text[t_start:end]
                    return Verdict(CONTRADICTED, f"资料写的是“{text[t_clause:end].strip()}”，而不是“{own.group()}{claim.stated}”（方向不同）。",
                                   found=found, differs="方向", evidence=((paragraph, t_start, end),))
            start = text.find(claim.stated, start + 1)
    return None
