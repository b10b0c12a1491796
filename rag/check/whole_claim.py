"""The whole claim before 一致: every checkable part of it must be the article's, not only its main figure.

A figure or date claim is found 一致 on one figure of an article sentence. The rest of the claim may still say
something the article says otherwise, and a wrong part marked 一致 is the worst error a fact-checker can make:

- **The claim's whole year**: a claim whose figure is said of 全年 (the last period before it in its sentence) is not the
  article's when the article gives that figure for a part of the year (上半年, 前三季度, 一季度) before it in its sentence,
  or, where the article never says 全年 before it, anywhere before it (a line break may split "今年\n上半年，…") → 未找到.
  Found by eval/claim_mutations.py (上半年 → 全年 mutants marked 一致 on fresh2, fresh3 and fresh4 dev).
- **Other figures of the claim** (a duration "5年内", a time of day "8时", a count "200米") are read by value with
  their unit's first character, as the article writes them ("3年内", "7时30分"). Each must be said by the article
  (its sentence, or its title and lead when the number is a year). Where the article sentence has a number in the
  same unit instead → 不一致 (时间 for times and durations, else 数值), ``found`` the article's; else → 未找到.
- **The thing the figure counts, named right after it** ("200米自由泳"): where the article figure is followed by
  another word of the same kind (the same last character: "200米蝶泳"), the claim's word unsaid → 不一致 on 名称.
- **Words of the claim bound to another figure**: a word of the claim (two characters or more) that the article
  sentence says only in another clause, one with a figure of its own, is that figure's subject, not this one's
  ("新建便民服务中心3个、社区食堂5个" for "新建了3个社区食堂"; "解放碑步行街…623万人次；观音桥商圈实现销售额…"
  for "观音桥商圈…接待游客超过600万人次"). In the same unit → 不一致 on 数值 with that figure; else → 未找到.

Only a 一致 is ever reread here (``RAG_CHECK_ABLATE=whole_claim`` switches it off); a claim restated in other
measure words passes, since only words the article says elsewhere, figures and names are compared.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import jieba
import jieba.posseg

from ..numbers import CHINESE_NUMERAL, _chinese_numeral_value
from .candidates import _period_kind
from .agreement import sentence_at
from .claims import PART_NAMES, periods_in
from .figures import RANK_UNIT, find_figures
from .names import other_in_slot
from .direction import opposite_at_figure
from .ablation import ingredient_on
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

if TYPE_CHECKING:
    from typing import Sequence

    from ..schema import Hit
    from .candidates import ContextOf
    from .verify import Verdict

_TIME_UNITS = "年月日天时点分秒周"
# a number and the first character after it: "5年内" (5, 年), "7时30分" (7, 时); Chinese numerals only before a unit of time
_PART = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?P<unit>[^\d\s.,，。；、：:]?)"
                   f"|(?P<cn>{CHINESE_NUMERAL})(?P<cnunit>个月|小时|[{_TIME_UNITS}])")
_CLAUSE = re.compile(r"[，,；;：:、]")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_FULL_YEAR = re.compile(r"全年")
_TIME_MORE = re.compile(r"\d+分|以?内")  # "7时30分", "3年内"


def _parts(text: str) -> list[tuple[Decimal, str, int, int]]:
    parts = []
    for match in _PART.finditer(text):
        if match.group("num") is not None:
            value, unit = Decimal(match.group("num")), match.group("unit")
        else:
            value, unit = _chinese_numeral_value(match.group("cn")), match.group("cnunit")[:1]
            if value is None:
                continue
        parts.append((value, unit, match.start(), match.end()))
    return parts


def _clauses(sentence: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for mark in _CLAUSE.finditer(sentence):
        bounds.append((start, mark.start()))
        start = mark.end()
    bounds.append((start, len(sentence)))
    return bounds


def _verdict(kind: str, **fields) -> "Verdict":
    from .verify import Verdict  # (verify imports this module)
    return Verdict(kind, **fields)


def recheck(claim: Claim, verdict: "Verdict", context_of: "ContextOf", hits: "Sequence[Hit]" = ()) -> "Verdict":
    """``verdict`` unless a part of the claim other than the figure it was found on is not the article's; a 一致 or
    未找到 whose person, organisation or first-ranked item the article names otherwise is 不一致 (``names``)."""
    if verdict.verdict == CONTRADICTED and verdict.differs in ("名称", "地点"):
        # another name told by the words around it: the article's first-ranked item, where the claim ranks one, is more exact
        ranked = other_in_slot(claim, hits, context_of, ranked_only=True)
        if ranked is not None:
            return ranked
    if verdict.verdict in (SUPPORTED, NOT_FOUND):
        other = other_in_slot(claim, hits, context_of)
        if other is None and verdict.verdict == NOT_FOUND and ingredient_on("direction_slot"):
            other = opposite_at_figure(claim, hits, context_of)
        if other is not None:
            return other
    if verdict.verdict != SUPPORTED or claim.kind not in ("figure", "date") or not verdict.evidence or not verdict.found:
        return verdict
    paragraph, span_start, span_end = verdict.evidence[0]
    text = paragraph.text
    at = text.find(verdict.found, span_start)
    if at < 0 or at > span_end:
        at = span_start
    s_start, s_end = sentence_at(text, at)
    sentence = text[s_start:s_end]
    fig_at, fig_end = at - s_start, at - s_start + len(verdict.found)
    context = context_of(paragraph)
    own_start, own_end = claim.stated_start - claim.start, claim.stated_end - claim.start
    related = (paragraph,)

    # 0. a claim of the whole year ("全年…") found on a figure the article gives for a part of it ("上半年…", "前三季度…")
    # (the sentence's own part of the year; else, where the article never says 全年, one said before the figure: a
    # newspaper line break may split "今年\n上半年，全省…比例为82.4%")
    if _says_full_year(claim) and not _FULL_YEAR.search(sentence[:fig_at]):
        said_before = sentence[:fig_at] if _FULL_YEAR.search(context) else context[:context.find(text) + at] if text in context else sentence[:fig_at]
        part = next((p for p in periods_in(sentence[:fig_at]) + periods_in(said_before) if _period_kind(p) in "QH"), None)
        if part is not None:
            return _verdict(NOT_FOUND, reason=f"资料里的“{verdict.found}”说的是{PART_NAMES.get(part, '一年中的一段时间')}，不是全年。",
                            related=related)

    # 1. the claim's other figures: durations, times of day, counts
    article_parts = _parts(sentence)
    said_parts = {(v, u) for v, u, _, _ in _parts(context)}
    said_values = {v for v, _, _, _ in _parts(context)}
    for value, unit, p_start, p_end in _parts(claim.text):
        if p_start < own_end and p_end > own_start:
            continue  # the figure the verdict was found on
        written = claim.text[p_start:p_end]
        if (value, unit) in said_parts or (value >= 1900 and value <= 2100 and value in said_values):
            continue
        if value in {v for v, _, s, e in article_parts if not (s < fig_end and e > fig_at)}:
            continue  # said by value in the sentence, in another unit word ("5年" / "五年")
        other = next(((v, s, e) for v, u, s, e in article_parts if unit and u == unit and v != value
                      and not (s < fig_end and e > fig_at)), None)
        if other is not None:
            _, o_start, o_end = other
            more = _TIME_MORE.match(sentence, o_end) if unit in _TIME_UNITS else None
            o_end = more.end() if more else o_end
            found = sentence[o_start:o_end]
            differs = "时间" if unit in _TIME_UNITS else "数值"
            return _verdict(CONTRADICTED, reason=f"资料写的是“{sentence.strip()[:80]}”：{found}，而不是{written}（{differs}不同）。",
                            found=found, differs=differs, evidence=((paragraph, s_start + o_start, s_start + o_end),))
        return _verdict(NOT_FOUND, reason=f"资料说到了“{verdict.found}”，但没有说到“{written}”。", related=related)

    # 2. the thing counted right after the figure: "200米自由泳" / "200米蝶泳"
    after_claim = _WORD.match(claim.text, own_end)
    after_article = _WORD.match(sentence, fig_end)
    ours, theirs = (_words(after_claim.group())[:1] or [""])[0] if after_claim else "", (_words(after_article.group())[:1] or [""])[0] if after_article else ""
    if ours and theirs:  # words of two characters or more, each the first of its run
        for n in range(len(ours), 1, -1):  # the longest head of ours the article says
            if ours[:n] in context:
                break
        else:
            n = 0
        if n == 0:
            head = next((k for k in range(min(len(ours), len(theirs)), 0, -1) if ours[-1] == theirs[k - 1]), 0)
            if head and theirs[:head] not in claim.text:
                found = theirs[:head]
                return _verdict(CONTRADICTED, reason=f"资料写的是“{verdict.found}{found}”，而不是“{claim.stated}{ours}”（名称不同）。",
                                found=verdict.found + found, differs="名称",
                                evidence=((paragraph, s_start + fig_at, s_start + fig_end + head),))

    # 3. a word of a figure claim the article sentence binds to another figure, in a later clause of its own
    # (a subject named in an earlier clause carries over to the clauses after it: it binds nothing)
    if claim.kind != "figure" or len(_parts(claim.text)) > 1:
        return verdict  # a clause of several figures: its words may be any one's
    # (clauses after "；" are the same sentence's: "…接待游客623万人次；观音桥商圈实现销售额…")
    stop = re.compile(r"[。！？!?\n]").search(text, s_start)
    sentence = text[s_start:stop.end() if stop else len(text)]
    clauses = _clauses(sentence)
    own = next(((c, d) for c, d in clauses if c <= fig_at < d), (0, len(sentence)))
    before = (paragraph.title or "") + "\n" + text[:s_start] + sentence[:own[1]]  # said before: the claim's subject carries over
    stated_values = {v for v, _, _, _ in _parts(claim.stated)}
    for word in _words(claim.text[:own_start] + "　" + claim.text[own_end:]):
        if word in before:
            continue
        later = next(((c, d) for c, d in clauses if c >= own[1] and _opens_with_noun(sentence[c:d], word)), None)
        if later is None:
            continue
        c, d = later
        # (a rank, "…同比增长21.5%，增幅居全市第一", ranks the figure before it: its clause takes no word from it)
        figures = [f for f in find_figures(sentence[c:d]) if f.kind == "figure"
                   and (f.unit != RANK_UNIT or not ingredient_on("rank_fallback") or (claim.figure is not None and claim.figure.unit == RANK_UNIT))]
        if not figures or stated_values & {v for f in figures for v, _, _, _ in _parts(f.written)}:
            continue  # no figure of its own there, or the claim's own value
        other = next((f for f in figures if f.unit == claim.figure.unit), None) if claim.figure else None
        if other is not None:
            o_start, o_end = c + other.start, c + other.end
            found = sentence[o_start:o_end]
            return _verdict(CONTRADICTED, reason=f"资料写的是“{sentence[c:d].strip()}”：{found}，而不是{claim.stated}（数值不同）。",
                            found=found, differs="数值", evidence=((paragraph, s_start + o_start, s_start + o_end),))
        return _verdict(NOT_FOUND, reason=f"资料里的“{verdict.found}”说的不是“{word}”（“{sentence[c:d].strip()}”另有所指）。", related=related)
    return verdict


def _says_full_year(claim: Claim) -> bool:
    """The claim's figure is said of a whole year: 全年 is the last period before it in its sentence ("今年全年，…达到82.4%")."""
    before = claim.sentence[:max(0, claim.stated_start - claim.sentence_start)]
    last = None
    for last in _FULL_YEAR.finditer(before):
        pass
    return last is not None and not any(_period_kind(p) in "QHM" for p in periods_in(before[last.end():]))


def _opens_with_noun(clause: str, word: str) -> bool:
    """The clause opens with ``word``, a noun: it names its own subject ("社区食堂5个", "观音桥商圈实现销售额…")."""
    first = next(iter(jieba.posseg.lcut(clause.strip(" “”\"《》"))), None)
    return first is not None and first.word == word and first.flag.startswith("n")


def _words(text: str) -> list[str]:
    return [w for w in jieba.lcut(text) if _WORD.fullmatch(w)]
