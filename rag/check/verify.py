"""Verdicts: one claim against the paragraphs retrieved for it.

For a figure, every figure of the paragraphs is a candidate (``candidates``), read against the claim by ``scoring``
and the small named readings of ``readings``. Then:

- some candidate's value makes the claim true (``compare.value_satisfies``), in the same unit and
  direction → ``supported``;
- else a candidate that matches the measure more closely gives another value, unit or direction →
  ``contradicted``, with what the article says (``found``) and what differs;
- else → ``not_found``: the paragraphs that came closest are cited, but nothing is concluded from a
  number that stands near similar words about another subject.

A name or place claim is checked in the article sentence that tells the same event: the same name
beside the same words, with the rest of its clause said there too, supports it; another one in its
place contradicts it (``名称`` / ``地点``).

Same subject (``subject``): a right figure or event beside one other name is contradicted with the article's
name. When the words decide nothing, the article sentence nearest in meaning (``semantic``) is read
again on looser word overlap, for a contradiction only; so is the stated value and unit found with the
opposite direction ("效率提升38%" for "办事效率下降38%"). A clause with a direction and no number
("逐年压减…财政投入") is checked by ``direction``; a claim left 未找到 whose small place the article writes
under another county or city ("互助县哈拉直沟乡" for "大通县哈拉直沟乡") is 不一致 (``place_chain``).

The default is conservative: a claim is ``supported`` only on a figure whose measure, place and
period all match, because a wrong figure marked 一致 is the worst error a fact-checker can make.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator, Sequence

from ..schema import Hit, Paragraph
from ..sentences import split_sentences
from .claims import periods_in, places_in
from .compare import dates_agree, same_written_number, value_satisfies
from .figures import MAX_DIGITS, Figure, find_figures
from .measure import direction, direction_word, measure_words, share_present
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim
from .ablation import ingredient_on
from .direction import verify_direction
from .place_chain import wrong_parent
from .article_subject import told_of_article_place
from .semantic import SEMANTIC_SAID_MIN, SEMANTIC_SENTENCE_MIN, Similarity, nearest_sentences
from .subject import CODE, PROVINCE_ABBREVIATIONS, abbreviation_in, name_said, names_in, place_in, province_core
from .candidates import CONTRADICT_MIN, LOOSE_RESTATED_MIN, SAID_MIN, SAID_TO_CONTRADICT, SUPPORT_MIN, Candidate, ContextOf, Scored, _level, _period_kind, _periods_of, candidates, default_context
from .as_of import counted_at_another_month
from .readings import _DAY_PART, closer_gives_other, qualified_as_another, qualifier_unsaid, other_item, opposite_event, unsaid_action, _better_beside, _closer_says_otherwise, _counts_another, _head_noun_elsewhere, _names_another, _is_change, _near_figure, _other_event, _restated_whole
from .scoring import score_candidates, whole_of_part
from .whole_claim import recheck
from .own_subject import own_subject_figure
from .quoted_speaker import other_quoted_speaker
from .agreement import reread
from .binding import rebind
from . import gate

_CUMULATIVE = re.compile(r"累计|历年|迄今|至今|总计")
NAME_FRAME_MIN = 0.6  # a name claim: share of the words of the rest of its sentence found in the article sentence
NAME_CONTRADICT_MIN = 0.75  # ... to say the article names someone or somewhere else


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str
    found: str | None = None
    differs: str | None = None
    evidence: tuple[tuple[Paragraph, int, int], ...] = ()  # paragraph and span of its text to highlight
    related: tuple[Paragraph, ...] = ()  # closest paragraphs when nothing was concluded


def _found_text(candidate: Candidate, with_direction: bool = False) -> str:
    word = direction_word(candidate.label) if with_direction else None
    return (word or "") + candidate.figure.written


def verify_figure(claim: Claim, hits: Sequence[Hit], context_of: ContextOf = default_context,
                  similarity: Similarity | None = None, rows: list | None = None) -> Verdict:
    """The lexical reading decides first; when it finds nothing and ``similarity`` is given, the article
    sentence nearest in meaning to the claim is read again on looser word overlap. ``rows`` (a list, optional)
    receives the scored candidates the verdict was decided on (for ``gate``)."""
    stated = claim.figure
    if stated is None:
        digits = sum(ch.isdigit() for ch in claim.stated)
        reason = f"这个数字有 {digits} 位，太长，不像新闻里的数字，没有核实。" if digits > MAX_DIGITS else "没能读出这句话里的数字。"
        return Verdict(NOT_FOUND, reason, related=tuple(hit.paragraph for hit in hits[:2]))
    scored = score_candidates(claim, stated, hits, context_of)
    if rows is not None:
        rows[:] = scored
    verdict = _decide(claim, stated, hits, scored)
    # a date's event is told by its words: a paraphrased event is too loose a match to contradict a date
    if verdict.verdict != NOT_FOUND or similarity is None or stated.kind != "figure" or not ingredient_on("semantic"):
        return verdict
    near = nearest_sentences(similarity, claim, [c.sentence for c in candidates(hits) if c.figure.kind == stated.kind])
    scored = score_candidates(claim, stated, hits, context_of, near)
    if rows is not None:
        rows[:] = scored
    return _decide(claim, stated, hits, scored, verdict)


def _decide(claim: Claim, stated: Figure, hits: Sequence[Hit], scored: list[Scored], fallback: Verdict | None = None) -> Verdict:
    related = tuple(hit.paragraph for hit in hits[:2])
    claim_direction = direction(_near_figure(claim.label))
    claim_change = ingredient_on("change") and _is_change(claim.label)
    for row in scored:
        if claim_change and direction(_near_figure(row.candidate.label)) is None:
            continue  # "减少2047人" is a change: a level ("新增就业2047人") does not confirm which way it went
        if ingredient_on("level") and stated.kind == "figure" and claim_direction is None and _is_change(row.candidate.label):
            continue  # "全国有7个城市…" is a level: "与2024年相比增加7个城市" is how many more, not how many
        if ingredient_on("closest") and row.restated < SUPPORT_MIN and _closer_says_otherwise(row, scored):
            continue  # a loose match confirms nothing where a close one gives another value ("增幅不低于100%")
        if other_item(claim, row.candidate):
            continue  # "起数、死亡人数同比分别下降9.1%和12.6%": 9.1% is not the deaths' fall
        if ingredient_on("closer") and closer_gives_other(row, scored):
            continue  # "公路水路完成投资…同比增长6.4%" is a part: the claim's "交通运输固定资产投资…同比增长" is the 7.2% beside it
        if ingredient_on("event") and stated.kind == "figure" and _other_event(claim, row.candidate):
            continue  # "考试通过人数达223.6万人" where the article's 223.6万人 "报名": another event of the same people
        if ingredient_on("action") and stated.kind == "figure" and unsaid_action(claim, row.candidate):
            continue  # "新购置了6台联合收割机" where the article's 6台 "刚刚结束本地作业": not what the claim says was done
        if ingredient_on("opposite_event") and stated.kind == "date" and opposite_event(claim, row.candidate):
            continue  # "9月18日…开幕" where the article's 9月18日 dates the 闭幕: another event's date
        if ingredient_on("counted") and stated.kind == "figure" and _counts_another(claim, row.candidate):
            continue  # "帮助1315名就业困难人员" where the article's 就业困难人员 are its 342名 and its 1315名 are 失业人员
        if ingredient_on("counted") and stated.kind == "figure" and _names_another(claim, row.candidate):
            continue  # "金牌102枚" where the article's 102枚 is "奖牌总数102枚" and its 金牌 are 43枚
        if row.same_subject and row.true and row.said >= SAID_MIN and not row.unsaid_names and (row.lexical or not _better_beside(row, scored)):
            # (a figure kept for its sentence's meaning alone confirms only when no other figure of that sentence
            # is named by more of the claim's words: "城镇新增就业568人，农牧区劳动力转移就业6211人次")
            candidate = row.candidate
            other = _other_scope(claim, candidate) if stated.kind == "figure" and ingredient_on("scope_name") else None
            if other is not None:
                return other  # "3项省级纪录" / "3项县级纪录": the right number of another scope's
            evidence = ((candidate.paragraph, candidate.evidence_start, candidate.evidence_end),)
            return Verdict(SUPPORTED, f"资料写的是“{candidate.paragraph.text[candidate.evidence_start:candidate.evidence_end]}”，与“{claim.stated}”一致。",
                           found=candidate.figure.written, evidence=evidence)

    # the figure is right, and the article names someone or something else where the claim names its own
    for row in scored:
        # (a wrong company's words must not hide that the article states the same measure: "入职青海天合光能有限公司")
        if row.same_subject and row.true and row.said_beside_names >= SAID_MIN and row.restated >= CONTRADICT_MIN:
            other = _other_name(claim, row.unsaid_names, row.candidate.paragraph, row.candidate.sentence)
            if other is not None:
                return other
        # an event told right but for its place: "青岛港1月26日开通…航线" against "…烟台港正式开通…航线"
        if stated.kind == "date" and row.true and row.co_ok and row.period_ok and not row.place_ok and row.restated >= CONTRADICT_MIN and row.said >= SAID_MIN:
            unsaid = [place for place in claim.places if not place_in(place, row.candidate.sentence)]
            other = _other_name(claim, unsaid, row.candidate.paragraph, row.candidate.sentence)
            if other is not None:
                return other

    # the figure is right, and what it counts is qualified by another scope: "打破9项全国青少年纪录" / "打破9项省青少年纪录"
    if stated.kind == "figure" and ingredient_on("scope_name"):
        for row in scored:
            if row.true and row.co_ok and row.period_ok and not row.place_ok and row.restated >= CONTRADICT_MIN and row.said >= SAID_MIN:
                other = _other_scope(claim, row.candidate)
                if other is not None:
                    return other

    # the stated value itself under the same measure (another direction or unit) explains the claim best
    # (or the same number in another unit: "6211人次" for "6211人"), then a figure in the very unit of the
    # claim ("160场" for "106场") before one in a generic unit ("5个")
    # (a value read backwards on loose overlap yields to a figure all of whose words the claim restates: "…被纳入“严重失信主体
    # 名单”的,增幅不低于100%" for that claim's "增幅不低于50%", not "降幅不低于50%" told of another case)
    for row in contradicting(claim, stated, scored):
        return _contradiction(claim, stated, row, scored)

    if fallback is not None:
        return fallback
    elsewhere = [row for row in scored if row.true and row.co_ok and row.said >= SAID_MIN and not row.same_subject]
    if elsewhere and stated.kind == "figure" and ingredient_on("other_deadline"):
        told = _told_of_another_deadline(claim, stated, elsewhere)
        if told is not None:
            return told
    if elsewhere and stated.kind == "figure" and ingredient_on("as_of"):
        told = _told_as_of_another(claim, stated, elsewhere)
        if told is not None:
            return told
    if elsewhere:
        row = elsewhere[0]
        where = "地点" if not row.place_ok else "时间"
        reason = f"资料里的“{row.candidate.figure.written}”说的是另一{'地点' if where == '地点' else '时期'}（“{row.candidate.sentence.strip()[:60]}”），没有找到所述{where}的数字。"
        return Verdict(NOT_FOUND, reason, related=(row.candidate.paragraph,) + tuple(p for p in related if p != row.candidate.paragraph)[:1])
    return Verdict(NOT_FOUND, "检索到的资料里没有说到这一数字所指的事项。", related=related)


def _contradiction(claim: Claim, stated: Figure, row: Scored, scored: Sequence[Scored]) -> Verdict:
    """The 不一致 of ``claim`` told otherwise by ``row``'s figure (one of ``contradicting``)."""
    candidate = row.candidate
    differs = _what_differs(stated, row, scored)
    found = _found_text(candidate, with_direction=differs == "方向")
    evidence = ((candidate.paragraph, candidate.evidence_start, candidate.evidence_end),)
    said = candidate.paragraph.text[candidate.evidence_start:candidate.evidence_end]
    stated_text = (direction_word(claim.label) or "") + claim.stated if differs == "方向" else claim.stated
    if stated.kind == "date" and value_satisfies(stated, candidate.figure):  # the day is right, its part is not: "2025年3月5日下午"
        theirs = _DAY_PART.match(candidate.paragraph.text, candidate.figure.end)
        ours = _DAY_PART.match(claim.sentence, stated.end - claim.sentence_start)
        found, stated_text = found + (theirs.group(1) if theirs else ""), stated_text + (ours.group(1) if ours else "")
    return Verdict(CONTRADICTED, f"资料写的是“{said}”：{found}，而不是{stated_text}（{differs}不同）。",
                   found=found, differs=differs, evidence=evidence)


def _period_family(period: str) -> str:
    kind = _period_kind(period)
    return "part" if kind in ("Q", "H") else kind  # 上半年 and 前三季度 are both parts of a year


def _told_of_another_deadline(claim: Claim, stated: Figure, elsewhere: Sequence[Scored]) -> Verdict | None:
    """A target's deadline misquoted: the claim's very number, its measure restated, of its place, which the article's own
    sentence sets another deadline ("到2026年…累计达到300个" against "到2028年…累计达到300个"): 不一致 on 时间, the deadline
    being the fact the claim states of the target. Not for a figure of another period (the issue: "the right figure
    attributed to the wrong … period is contradicted when the articles give that place's own figure, and not_found when
    they do not"): "今年上半年…118.3万头" where the article's 118.3万头 are 前三季度's, "2024年受理诉求2580.2万件" where they are
    2025's, "截至2月26日…176家" where they are as of 2月19日 stay 未找到."""
    claim_periods = periods_in(claim.text, most_specific=True) or claim.periods
    deadline = _DEADLINE.search(claim.text)
    if deadline is None:
        return None
    for row in elsewhere:
        candidate = row.candidate
        if not (row.place_ok and not row.period_ok and row.unit_ok and not row.unsaid_names and row.restated >= CONTRADICT_MIN
                and stated.value == candidate.figure.value and stated.written == candidate.figure.written):
            continue
        if not _DEADLINE.search(candidate.sentence):
            continue
        families = {_period_family(p) for p in claim_periods} & {"part", "year"}
        others = [p for p in candidate.own_periods if _period_family(p) in families and p not in claim_periods]
        if not others or any(p in candidate.own_periods for p in claim_periods):
            continue
        text = candidate.paragraph.text
        s_start = text.find(candidate.sentence)
        before = text[max(0, s_start): candidate.figure.start] if s_start >= 0 else ""
        found = _period_words(before) or candidate.figure.written
        return Verdict(CONTRADICTED, f"资料里的“{candidate.figure.written}”说的是{found}（“{candidate.sentence.strip()[:60]}”），而不是所述的时间（时间不同）。",
                       found=found, differs="时间", evidence=((candidate.paragraph, candidate.evidence_start, candidate.evidence_end),))
    return None


def _told_as_of_another(claim: Claim, stated: Figure, elsewhere: Sequence[Scored]) -> Verdict | None:
    """A stock's month misquoted (switch ``as_of``, rag.check.as_of): the claim's very number, its measure restated, of its
    place, which the article's own sentence counts at the end of another month ("截至3月底…1.86万人" against "截至6月底，…达到
    1.86万人"): 不一致 on 时间, found the article's "截至6月底"."""
    for row in elsewhere:
        candidate = row.candidate
        if not (row.place_ok and not row.period_ok and row.unit_ok and not row.unsaid_names and row.restated >= CONTRADICT_MIN
                and stated.value == candidate.figure.value and stated.written == candidate.figure.written):
            continue
        found = counted_at_another_month(claim, candidate)
        if found is None:
            continue
        return Verdict(CONTRADICTED, f"资料里的“{candidate.figure.written}”说的是{found}（“{candidate.sentence.strip()[:60]}”），而不是所述的时间（时间不同）。",
                       found=found, differs="时间", evidence=((candidate.paragraph, candidate.evidence_start, candidate.evidence_end),))
    return None


_DEADLINE = re.compile(r"(?:到|至)\s*\d{4}年(?:底|末)?")  # the year a target is to be met by
_PERIOD_WORDS = re.compile(r"(?:\d{4}年)?(?:前[一二三四五六七八九十\d]+(?:个月|季度)|[一二三四]季度|上半年|下半年|全年|\d{1,2}月(?:\d{1,2}日)?(?:[至到—-]\d{1,2}月)?)|\d{4}年")


def _period_words(before: str) -> str | None:
    found = _PERIOD_WORDS.findall(before)
    return found[-1] if found else None


def contradicting(claim: Claim, stated: Figure, scored: Sequence[Scored]) -> Iterator[Scored]:
    """The candidates that may contradict a figure claim (the same subject and measure, another value, unit or
    direction), best first: what the article says (``found``) is the first one's figure."""
    claim_direction = direction(_near_figure(claim.label))
    whole = ingredient_on("closest") and any(_restated_whole(r, stated) and not r.true and r.same_subject for r in scored)
    for row in sorted(scored, key=lambda r: (whole and r.flipped and r.restated < SUPPORT_MIN,
                                             not (r.value_ok and r.unit_ok), not _same_number(stated, r.candidate.figure),
                                             # the very number misquoted ("521.3万亩" for the article's "512.3万亩", its words
                                             # restated) is what the claim says wrongly, before any closer match of another value
                                             not (r.slip and ingredient_on("misquote_first")),
                                             r.candidate.figure.unit_class != stated.unit_class,
                                             # a date claim is told otherwise by a date as precise as its own ("8月18日" for
                                             # "8月28日", not the "2025年" of the same sentence), and not by a reporting date
                                             # ("2月25日，记者从…获悉，3月1日…将举行")
                                             stated.kind == "date" and ingredient_on("date_precision") and _precision(r.candidate.figure) != _precision(stated),
                                             stated.kind == "date" and ingredient_on("reporting_date") and _reporting_date(r.candidate),
                                             # then the closest match, and of equally close ones the figure whose own clause
                                             # says most of the claim's measure too (read both ways)
                                             -r.score, -r.closeness if ingredient_on("closeness") else 0.0)):
        candidate = row.candidate
        close = row.restated >= CONTRADICT_MIN or (row.restated >= SUPPORT_MIN and row.said_in_sentence >= 0.9) or (
            # the article's sentence says all the claim says and has no other figure of this kind to mean
            row.restated >= LOOSE_RESTATED_MIN and row.said_in_sentence >= 0.9 and _only_one_of_its_kind(candidate)) or (
            # the sentence nearest in meaning, whose only figure of this kind this is
            # (saying the claim's words itself: meaning is the loosest match, the words around it do not count)
            row.semantic and row.said_in_sentence >= SEMANTIC_SENTENCE_MIN and _only_one_of_its_kind(candidate)) or row.flipped or row.slip
        said_enough = row.flipped or row.slip or row.said >= min(SAID_TO_CONTRADICT, SEMANTIC_SAID_MIN if row.semantic else 1.0)
        if not close or not said_enough or not row.same_subject or row.true or row.unsaid_names:
            continue
        if other_item(claim, candidate):
            continue  # the claim names another item of the article's 分别 than this figure's
        if stated.kind == "figure" and ingredient_on("cumulative") and not claim.periods and _CUMULATIVE.search(claim.label) \
                and candidate.own_periods and not _CUMULATIVE.search(candidate.label):
            continue  # "已累计改造老旧小区1000个以上" is a total to date: "上半年，我市共开工改造…186个" is one period's
        if stated.kind == "figure" and ingredient_on("cumulative_total") and claim.periods and not _CUMULATIVE.search(claim.label) \
                and not candidate.own_periods and _CUMULATIVE.search(candidate.label):
            continue  # "2025年全年完成投资85亿元" is one year's: "几年来，…累计完成投资超过280亿元" is a total over years
        if stated.kind == "figure" and qualified_as_another(claim, candidate):
            continue  # "公办幼儿园在园幼儿…" where the article's 公办幼儿园 are another figure's: a part it does not give
        if dates_agree(stated, candidate.figure):
            continue  # "2025年" does not tell the month of "2025年4月", nor say another: not what the article says instead
        if ingredient_on("opposite_event") and stated.kind == "date" and opposite_event(claim, candidate):
            continue  # "9月18日…开幕" is not told otherwise by "9月27日晚…闭幕": another event's date
        if ingredient_on("counted") and stated.kind == "figure" and not row.flipped and not row.slip and _names_another(claim, candidate):
            continue  # "金牌50枚" is not told otherwise by "奖牌总数102枚" beside "金牌43枚"
        if ingredient_on("head_noun") and stated.kind == "figure" and not row.flipped and not row.slip and _head_noun_elsewhere(claim, candidate):
            continue  # "新注册登记纯电动汽车3022万辆": 纯电动汽车 are counted in another sentence, not as 新能源汽车 here
        if stated.kind == "figure" and not row.flipped and not row.slip and qualifier_unsaid(claim, candidate):
            continue  # "接待入境游客25万人次" is not told otherwise by "接待游客2140万人次": a kind the article gives no figure of
        if stated.kind == "figure" and ingredient_on("whole_for_part") and not row.flipped and not row.slip \
                and whole_of_part(claim, candidate.own_places, _sentence_before(candidate)):
            continue  # "黟县已建成村级养老服务站120个" is not told otherwise by "全市建成…村级养老服务站562个": the whole's figure
        if ingredient_on("change") and not row.flipped and _changes(claim.label, claim_direction) != _changes(candidate.label, direction(_near_figure(candidate.label))):
            continue  # a change ("同比增长25%", "净增2000万人") and a level or share ("占…的12.01%") are different measures
        if not row.unit_ok and not (stated.kind == "figure" and stated.value == candidate.figure.value):
            continue  # another unit and another value: most likely another measure
        yield row


def _precision(figure: Figure) -> tuple[bool, ...]:
    """Which of a date's year, month and day it states."""
    value = figure.value if isinstance(figure.value, tuple) else ()
    return tuple(part is not None for part in value)


# a date the reporter learnt something on, not the date of what was learnt: "2月25日，记者从省人社厅了解到，…"
_REPORTING = re.compile(r"[，,]?\s*(?:记者|笔者)(?:[^，,。；;]{0,24}?)(?:获悉|了解到|得知|采访)")


def _reporting_date(candidate: Candidate) -> bool:
    text = candidate.paragraph.text
    return _REPORTING.match(text, candidate.figure.end) is not None


def _changes(label: str, its_direction: str | None) -> bool:
    """Whether a figure's clause tells a change, not a level: the start or end of one ("由2024年底的146个增加到…") is a level."""
    return its_direction is not None and not (ingredient_on("level_of_change") and not _is_change(label))


_CLAUSE_MARK = re.compile(r"[，,、；;。：:]")
_NAME_LIKE = re.compile(r"[\u4e00-\u9fff·A-Za-z]{2,}")


def _other_name(claim: Claim, unsaid: Sequence[str], paragraph: Paragraph, sentence: str) -> Verdict | None:
    """A claim that is right but for one name: the article sentence telling the same thing has another name
    where the claim has it ("吴三女遗失的…收据金额为3808元" against "徐伟遗失的…"). None unless exactly one
    name is unsaid and the article sentence has a counterpart for it."""
    if len(unsaid) != 1:
        return None
    name = unsaid[0]
    at = claim.sentence.find(name)
    if at < 0:
        return None
    as_name = replace(claim, stated=name, stated_start=claim.sentence_start + at, stated_end=claim.sentence_start + at + len(name))
    counterpart = _counterpart(as_name, sentence)
    found = sentence[counterpart[0]:counterpart[1]].strip("，。；、“”《》 ") if counterpart else ""
    if found and (set(found) <= set(name) or set(name) <= set(found) or _synonym_said(name, found)):
        return None  # the same words told shorter or longer ("开幕" for "拉开帷幕") or by a synonym (揭幕): not another name
    # (a long name's counterpart is a thing of its kind, ending as it does: "人民法院" is not told otherwise by "宏达建材有限公司的申请")
    other_kind = ingredient_on("name_head") and len(name) >= 4 and _NAME_LIKE.fullmatch(name) is not None and found[-1:] != name[-1]
    if not (_NAME_LIKE.fullmatch(found) or CODE.fullmatch(name) and CODE.fullmatch(found)) or found == name or name in found or len(found) > len(name) + 8 or other_kind:
        # a name is written in characters: not a number, a piece of punctuation or a single character;
        # a place without words around it to align on is the article sentence's place the claim lacks
        others = [p for p in places_in(sentence) if p not in claim.sentence and p not in SCOPES_IGNORED] if places_in(name) else []
        others.sort(key=lambda p: p[-1] != name[-1])  # 烟台港 for 青岛港 before 山东
        if not others:
            return None
        found = others[0]
        counterpart = (sentence.find(found), sentence.find(found) + len(found))
    differs = "时间" if periods_in(name) or re.search(r"[前后初底末]$", name) else "地点" if places_in(name) or name in places_in(claim.sentence) else "名称"
    s_at = paragraph.text.find(sentence)
    evidence = ((paragraph, s_at + counterpart[0], s_at + counterpart[1]),) if s_at >= 0 else ()
    return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{name}”（{differs}不同）。", found=found, differs=differs, evidence=evidence)


_SCOPE_LIKE = re.compile(r"全?[国省市县区州乡镇村]|(?:国家|[国省市县区州乡镇村])级|[\u4e00-\u9fff]{2,6}[省市县区州乡镇村]")
_SCOPE_WORD = re.compile(r"全[国省市县区州]|国家级|[国省市县区州乡镇村]级")
_BARE_SCOPE = re.compile(r"^[国省市县区州](?=[\u4e00-\u9fff]{2})")


def _other_scope(claim: Claim, candidate: Candidate) -> Verdict | None:
    """The claim's place or scope (全国, 省级) stands after its figure, in what the figure counts ("9项全国青少年纪录", "3项省级纪录"),
    and the article figure is followed by the same words with another in its stead ("9项省青少年纪录"): 不一致, the article's phrase found.
    (A place before the figure is whose figure it is: a right figure of another place is left to the other readings.)"""
    after_claim = claim.sentence[claim.stated_end - claim.sentence_start:]
    after_article = candidate.paragraph.text[candidate.figure.end: candidate.figure.end + 40]
    # (a bare scope character right after the figure's unit is a scope too: "12项省中学生纪录" / "12项市中学生纪录")
    bare = _BARE_SCOPE.findall(after_claim)
    for place in dict.fromkeys((*claim.places, *_SCOPE_WORD.findall(re.split(r"[，,。；;]", after_claim)[0]), *bare)):
        at = after_claim.find(place)
        if at < 0 or _CLAUSE_MARK.search(after_claim[:at]):
            continue
        gap, rest = after_claim[:at], after_claim[at + len(place):]
        if len(rest) < 2 or not after_article.startswith(gap):
            continue
        end = after_article.find(rest[:2], len(gap))
        if end <= len(gap):
            continue
        found = after_article[len(gap):end]
        if found == place or place in found or found in place or not _SCOPE_LIKE.fullmatch(found) or _CLAUSE_MARK.search(found):
            continue
        phrase = re.split(r"[，,。；;、：:]", after_article[len(gap):])[0]
        start = candidate.figure.end + len(gap)
        return Verdict(CONTRADICTED, f"资料写的是“{phrase}”，而不是“{place}{rest.split('，')[0].rstrip('。')}”（地点不同）。", found=phrase, differs="地点",
                       evidence=((candidate.paragraph, start, start + len(phrase)),))
    return None


def _synonym_said(word: str, text: str) -> bool:
    """``text`` says ``word`` by one of its exact synonyms (词林 "=" groups: 揭幕 = 开幕, never 闭幕)."""
    if not ingredient_on("synonym"):
        return False
    from ..answer.synonyms import synonyms

    return any(s in text for s in synonyms(word))


def _same_number(stated: Figure, found: Figure) -> bool:
    return stated.kind == "figure" and (stated.value == found.value or same_written_number(stated, found))


def _only_one_of_its_kind(candidate: Candidate) -> bool:
    return not any(f.unit_class == candidate.figure.unit_class for f in candidate.sentence_figures)


def _what_differs(stated: Figure, row: Scored, scored: Sequence[Scored]) -> str:
    candidate = row.candidate
    if row.value_ok and row.unit_ok and not row.direction_ok:
        return "方向"
    if stated.kind == "date":
        return "时间"
    if not row.unit_ok or (same_written_number(stated, candidate.figure) and stated.value != candidate.figure.value):
        return "单位"
    for other in scored:  # the stated value is the same measure's figure for another place or period
        if other is not row and other.true and other.co_ok and other.restated >= CONTRADICT_MIN:
            if not other.place_ok:
                return "地点"
            if not other.period_ok:
                return "时间"
    return "数值"


# verbs of saying: which one a draft uses for a person's words ("表示", "介绍") says nothing the article's "说" does not
_SPEECH = re.compile(r"表示|介绍|说|指出|称|认为|强调|坦言|透露|告诉")


def _frame_words(claim: Claim) -> tuple[str, ...]:
    """The words of a name claim's clause besides its name and places: what it says about the name."""
    names = names_in(claim.text)
    words = measure_words(claim.text.replace(claim.stated, " "), claim.places)
    return tuple(dict.fromkeys(w for w in (*names, *words) if w not in claim.stated and claim.stated not in w
                               and not any(w in p or p in w for p in claim.places)))


def _sentences_by_frame(claim: Claim, hits: Sequence[Hit]) -> list[tuple[float, int, Paragraph, int, int]]:
    """The article sentences that tell the claim's event, best first: by the share of the claim
    sentence's words (without the name checked and its places) that each has."""
    frame_words = measure_words(claim.text.replace(claim.stated, " "), claim.places)
    if len(frame_words) < 3:  # a short clause ("…，在博雅小学开幕") is told by its sentence
        frame_words = measure_words(claim.sentence.replace(claim.stated, " "), claim.places)
    spaced = None
    if len(frame_words) < 2:
        if claim.kind != "name" or not frame_words:
            return []
        spaced = _spaced("".join(claim.stated.split()))  # a title with few words around it is found by itself
    found = []
    for rank, hit in enumerate(hits):
        text = hit.paragraph.text
        for s_start, s_end in split_sentences(text):
            score = share_present(frame_words, text[s_start:s_end])
            if spaced is not None and not spaced.search(text, s_start, s_end):
                continue
            if score >= NAME_FRAME_MIN:
                found.append((score, -rank, hit.paragraph, s_start, s_end))
    found.sort(key=lambda row: (-row[0], -row[1]))
    return found


@lru_cache(maxsize=4096)
def _spaced(text: str) -> re.Pattern:
    """``text`` as typeset, a space allowed between its characters ("AI 数字人" for "AI数字人")."""
    return re.compile(r"\s?".join(re.escape(ch) for ch in text))


def _aligned_at(claim: Claim, sentence: str) -> int:
    """Where the claim's name stands in the article sentence with the same words beside it, else -1
    ("局长陈振林" is not confirmed by "记者刘诗平" for "局长刘诗平")."""
    name = "".join(claim.stated.split())
    left = claim.sentence[: claim.stated_start - claim.start + claim.text_offset][-2:]
    right = claim.sentence[claim.stated_end - claim.start + claim.text_offset:][:2]
    for context_left, context_right in ((left, ""), ("", right)):
        found = _spaced(context_left + name + context_right).search(sentence)
        if found and (context_left or context_right):
            return found.start() + len(context_left)
    if claim.kind == "place" and name in sentence:
        return sentence.find(name)
    if claim.kind == "place" and ingredient_on("abbreviation") and abbreviation_in(name, sentence):
        return sentence.find(PROVINCE_ABBREVIATIONS[province_core(name)])  # "在京召开" for 北京
    return -1


def _place_counterpart(claim: Claim, sentence: str) -> tuple[int, int] | None:
    """Where the article sentence names another place where the claim names its own: the text between the same
    words around it ("将在海东市平安区举行" / "将在西宁市城西新区西宁广场举行", "在上海召开" / "在京召开"), else a
    place of the sentence, unless the claim says where a thing is ("位于…") and the article where something
    was done ("在塞北播撒火种")."""
    counterpart = _counterpart(claim, sentence, aligned_only=True) if ingredient_on("place_between") else None
    if counterpart is None and ingredient_on("place_between"):
        counterpart = _between_verb(claim, sentence)
    if counterpart is not None:
        found = sentence[counterpart[0]:counterpart[1]].strip("，。；、“”《》 ")
        if found and not _CLAUSE_MARK.search(found) and (places_in(found) or found in PROVINCE_ABBREVIATIONS.values()):
            return counterpart
    other = _other_places(claim, sentence, sentence)
    if other is None:
        return None
    at = sentence.find(other)
    at_claim = claim.stated_start - claim.start + claim.text_offset
    if claim.sentence[max(0, at_claim - 3): at_claim].endswith(_WHERE_IT_IS) and sentence[max(0, at - 1): at] == "在":
        return None  # where something is done ("在塞北播撒火种") is not where a thing "位于"
    return at, at + len(other)


_WHERE_IT_IS = ("位于", "坐落于", "落户")


def _frame_in_other_clause(claim: Claim, frame_words: Sequence[str], sentence: str, at: int) -> tuple[int, int] | None:
    """Where the article sentence tells two events alike, clause by clause, the clause that says the claim's frame words its name's
    clause lacks ("闭幕式" of "…的闭幕式在县文化广场举行") and those it says ("举行"), against "开幕式于…在县文化广场举行，闭幕式于…在县
    体育馆举行"; else None."""
    bounds = [0] + [m.end() for m in re.finditer(r"[，,；;]", sentence)] + [len(sentence)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if a < b]
    own = next(((a, b) for a, b in spans if a <= at < b), None)
    if own is None or len(spans) < 2:
        return None
    own_text = sentence[own[0]:own[1]]
    lacking = [w for w in frame_words if not name_said(w, own_text) and name_said(w, sentence)]
    shared = [w for w in frame_words if name_said(w, own_text)]
    if not lacking or not shared:
        return None
    # two clauses told alike, each of its own event: the other says the words the name's clause lacks and those it says
    return next(((a, b) for a, b in spans if (a, b) != own and all(name_said(w, sentence[a:b]) for w in lacking + shared)), None)


def _between_verb(claim: Claim, sentence: str) -> tuple[int, int] | None:
    """The article sentence's place between the claim's preposition and verb, whatever is said before them: "闭幕式于10月16日
    晚在泉州府文庙举行" for "闭幕式在泉州大剧院举行"."""
    at = claim.stated_start - claim.start + claim.text_offset
    before, after = claim.sentence[at - 1: at], claim.sentence[at + len(claim.stated):][:2]
    if before not in ("在", "于") or len(after) < 2 or _CLAUSE_MARK.search(after):
        return None
    match = re.search(re.escape(before) + r"([^，,。；;、：:“”\d]{2,15}?)" + re.escape(after), sentence)
    return match.span(1) if match else None


def _other_period(missing: Sequence[str], paragraph: Paragraph, s_start: int, s_end: int) -> Verdict | None:
    """The article sentence's own date of the kind the claim states (a year for a year), when it is another one."""
    kinds = {_period_kind(period) for period in missing}
    for figure in find_figures(paragraph.text[s_start:s_end]):
        if figure.kind != "date":
            continue
        own = [p for p in periods_in(figure.written, most_specific=True) if _period_kind(p) in kinds and p not in missing]
        if own:
            span = (paragraph, s_start + figure.start, s_start + figure.end)
            return Verdict(CONTRADICTED, f"资料写的是“{figure.written}”，而不是所述的时间（时间不同）。", found=figure.written,
                           differs="时间", evidence=(span,))
    return None


def _counterpart(claim: Claim, sentence: str, aligned_only: bool = False) -> tuple[int, int] | None:
    """What the article sentence has where the claim has its name: the text after the same words
    that precede the name in the claim, up to the words that follow it."""
    before = claim.sentence[: claim.stated_start - claim.start + claim.text_offset]
    after = claim.sentence[claim.stated_end - claim.start + claim.text_offset:]
    for width in (4, 3, 2):
        left = before[-width:]
        if len(left) < width or not left.strip():
            continue
        at = sentence.find(left)
        if at < 0:
            continue
        start = at + len(left)
        window = sentence[start: start + len(claim.stated) + 8]
        end = start + len(claim.stated)
        bounded = False
        for right_width in (2, 1):
            right = after[:right_width]
            if right and right in window[1:]:
                end = start + 1 + window[1:].index(right)
                bounded = True
                break
        if (not bounded and re.match(r"[，,。；;：:、！？!?]|$", after) and ingredient_on("name_end")
                and not {start, end} <= _word_bounds(sentence)):
            continue  # the claim's name ends its clause and the article's span cuts words ("在三明开幕" / "在三明市奥林匹克…")
        if end > start:
            cut = re.search(r"[\d，,。；;：:（(]", sentence[start:end])  # "陈振林26日表示": the name ends at the date
            return start, start + cut.start() if cut and cut.start() > 0 else min(end, len(sentence))
    if aligned_only:
        return None
    matcher = difflib.SequenceMatcher(None, claim.sentence, sentence, autojunk=False)
    name_start = claim.stated_start - claim.start + claim.text_offset
    name_end = name_start + len(claim.stated)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i1 < name_end and i2 > name_start and i1 >= name_start - 2 and i2 <= name_end + 2 and (
                claim.sentence[max(0, i1 - 2):i1] == sentence[max(0, j1 - 2):j1] or claim.sentence[i2:i2 + 2] == sentence[j2:j2 + 2]):
            # the unchanged part of the name belongs to the article's name too: "2025年…通知" → "2026年…通知"
            return max(0, j1 - max(0, i1 - name_start)), min(len(sentence), j2 + max(0, name_end - i2))
    return None


@lru_cache(maxsize=1024)
def _word_bounds(sentence: str) -> frozenset[int]:
    """The offsets between the words of a sentence (jieba)."""
    import jieba

    bounds, at = {0}, 0
    for word in jieba.cut(sentence):
        at += len(word)
        bounds.add(at)
    return frozenset(bounds)


def _other_places(claim: Claim, sentence: str, context: str) -> str | None:
    """A place the article gives where the claim names another one of the same kind."""
    for text in (sentence, context):
        for place in places_in(text):
            if place in claim.sentence or place in SCOPES_IGNORED:
                continue
            if claim.kind == "place" or any(_level(place) == _level(p) for p in claim.places):
                return place
    return None


SCOPES_IGNORED = ("全国", "全省", "全市", "全县", "全区", "全州", "全乡")  # a scope is not a place given instead


# who says it: a title, then the name of the one saying the words after it ("局长杨晓峰说，…")
_SPEAKER = re.compile(r"(?:局长|书记|所长|乡长|县长|市长|主任|负责人|院长|总经理|董事长|部长|厅长|站长|校长|经理)(?P<name>[\u4e00-\u9fff]{2,3}?)"
                      r"(?=说|表示|介绍|指出|认为|称|强调)")


def _speakers(text: str) -> list[str]:
    return [m.group("name") for m in _SPEAKER.finditer(text)]


def _other_speaker(claim: Claim, sentence: str) -> tuple[str, int] | None:
    """With ``speaker``, the one the article sentence gives the claim's words to where the claim gives them to another ("局长李华东说，
    瑞金正在从“一日游”…" against "局长杨晓峰说，…瑞金正在从“一日游”…"): (their name, where it stands), else None. Not for a claim of
    the speaker's name itself."""
    ours = _speakers(claim.sentence)
    if not ours or claim.stated in ours:
        return None
    theirs = [(m.group("name"), m.start("name")) for m in _SPEAKER.finditer(sentence)]
    if len(theirs) != 1 or theirs[0][0] in ours or any(name in sentence for name in ours):
        return None
    return theirs[0]


def verify_name(claim: Claim, hits: Sequence[Hit], context_of: ContextOf = default_context) -> Verdict:
    """A name or place claim: find the article sentence that tells the same event, then compare the name in it."""
    related = tuple(hit.paragraph for hit in hits[:2])
    ranked = _sentences_by_frame(claim, hits)
    if not ranked:
        return Verdict(NOT_FOUND, f"检索到的资料里没有说到“{claim.stated}”这件事。", related=related)
    frame_words = _frame_words(claim)
    for score, _, paragraph, s_start, s_end in ranked:
        sentence = paragraph.text[s_start:s_end]
        at = _aligned_at(claim, sentence)
        # (a sentence naming no place tells of its article's own: rag.check.article_subject)
        unnamed = at < 0 and told_of_article_place(claim, sentence, context_of(paragraph))
        at = 0 if unnamed else at
        if at >= 0 and all(place_in(place, context_of(paragraph)) for place in claim.places):
            # the rest of the claim must be the article's too: "南通市丝绸协会…" is not "南通市纺织工业协会…"
            unsaid = [w for w in frame_words if not name_said(w, sentence) and not _synonym_said(w, sentence)] if ingredient_on("frame") else []
            if (unsaid and ingredient_on("speech_verb") and _SPEECH.search(sentence)  # "马玉琢表示" for the article's "马玉琢说"
                    and all(place_in(place, sentence) for place in claim.places)):  # (of the claim's place, said there: "寻乌县…局长")
                unsaid = [w for w in unsaid if not _SPEECH.fullmatch(w)]
            if unsaid and ingredient_on("frame_lead") and all(name_said(w, context_of(paragraph)) for w in unsaid):
                continue  # a word the article's lead says ("文化节"): the sentence may go on with it, it names nothing else here
            if unsaid:
                other = _other_name(claim, unsaid, paragraph, sentence)
                if other is not None:
                    return other
                continue
            if ingredient_on("referent") and any(not name_said(r, sentence) for r in claim.referents):
                continue  # "该社团还获得了“优秀南音社团”称号": the article sentence must name what 该社团 stands for
            if ingredient_on("frame_clause") and not unnamed:
                other_clause = _frame_in_other_clause(claim, frame_words, sentence, at)
                if other_clause is not None:
                    # "开幕式于…在县文化广场举行，闭幕式于…在县体育馆举行": the name stands in another event's clause
                    c_start, c_end = other_clause
                    counterpart = _between_verb(claim, sentence[c_start:c_end]) if claim.kind == "place" else None
                    if counterpart is not None:
                        found = sentence[c_start + counterpart[0]: c_start + counterpart[1]]
                        if found != claim.stated and claim.stated not in found:
                            span = (paragraph, s_start + c_start + counterpart[0], s_start + c_start + counterpart[1])
                            return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{claim.stated}”（地点不同）。", found=found,
                                           differs="地点", evidence=(span,))
                    continue
            name = "".join(claim.stated.split())
            own_periods = [period for period in claim.periods if period in periods_in(claim.text, most_specific=True)]
            missing = [period for period in own_periods if period not in _periods_of(context_of(paragraph))]
            if missing:  # "城北区2024年“石榴籽杯”联赛…" told of 2025: the right name in another year
                other = _other_period(missing, paragraph, s_start, s_end)
                if other is not None:
                    return other
                continue
            speaker = _other_speaker(claim, sentence) if ingredient_on("speaker") else None
            if speaker is not None:  # "局长李华东说，…“一日游”…" where the article's 局长 saying it is 杨晓峰
                found, at_speaker = speaker
                return Verdict(CONTRADICTED, f"资料写的是“{found}”说的，而不是“{'、'.join(_speakers(claim.sentence))}”（名称不同）。", found=found,
                               differs="名称", evidence=((paragraph, s_start + at_speaker, s_start + at_speaker + len(found)),))
            span = (paragraph, s_start, s_end) if unnamed else (paragraph, s_start + at, s_start + at + (len(name) if sentence.startswith(name, at) else 1))  # "京" of "在京"
            return Verdict(SUPPORTED, f"资料写的是“{sentence.strip()[:80]}”，与“{claim.stated}”一致。", found=claim.stated, evidence=(span,))
    # the sentence that has the name, else the one that tells the event best
    score, _, paragraph, s_start, s_end = next(
        (row for row in ranked if _aligned_at(claim, row[2].text[row[3]:row[4]]) >= 0), ranked[0])
    sentence = paragraph.text[s_start:s_end]
    context = context_of(paragraph)
    at = _aligned_at(claim, sentence)
    places_hold = all(place_in(place, context) for place in claim.places)
    if score < NAME_CONTRADICT_MIN:
        return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有提到“{claim.stated}”。", related=(paragraph,))
    if at >= 0:  # the name is right, the place is not
        other = _other_places(claim, sentence, context) if claim.places else None
        if other is None:
            unsaid = [p for p in claim.places if not place_in(p, context)] or [r for r in claim.referents if not name_said(r, sentence)] or list(claim.places)
            return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有说到“{'、'.join(unsaid)}”。", related=(paragraph,))
        place_at = sentence.find(other)
        span = (paragraph, s_start + place_at, s_start + place_at + len(other)) if place_at >= 0 else (paragraph, s_start, s_end)
        return Verdict(CONTRADICTED, f"资料写的是“{other}”，而不是“{'、'.join(claim.places)}”（地点不同）。", found=other, differs="地点", evidence=(span,))
    if claim.kind == "place":
        counterpart = _place_counterpart(claim, sentence)
    else:
        counterpart = _counterpart(claim, sentence)
    if counterpart is None or not places_hold and claim.kind != "place":
        return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有提到“{claim.stated}”。", related=(paragraph,))
    c_start, c_end = counterpart
    found = sentence[c_start:c_end].strip("，。；、“”《》 ")
    if not found or found == claim.stated or _CLAUSE_MARK.search(found):  # a name does not run across clauses
        return Verdict(NOT_FOUND, f"资料里有相近的说法，但没有提到“{claim.stated}”。", related=(paragraph,))
    differs = "地点" if claim.kind == "place" else "名称"
    return Verdict(CONTRADICTED, f"资料写的是“{found}”，而不是“{claim.stated}”（{differs}不同）。", found=found, differs=differs,
                   evidence=((paragraph, s_start + c_start, s_start + c_end),))


def verify(claim: Claim, hits: Sequence[Hit], context_of: ContextOf = default_context, similarity: Similarity | None = None) -> Verdict:
    rows: list[Scored] = []
    if claim.kind == "direction":
        verdict = verify_direction(claim, hits, context_of)
    elif claim.kind in ("name", "place"):
        verdict = verify_name(claim, hits, context_of)
    else:
        verdict = verify_figure(claim, hits, context_of, similarity, rows)
    if verdict.verdict == NOT_FOUND and claim.kind in ("name", "place") and ingredient_on("quoted_speaker"):
        # the words the claim gives its speaker are quoted in the article and given to another ("…。”院长刘志明说。")
        verdict = other_quoted_speaker(claim, hits) or verdict
    if verdict.verdict == NOT_FOUND and ingredient_on("place_chain"):
        chained = _under_another_parent(claim, hits, context_of)
        if chained is not None:
            return chained
    if verdict.verdict == SUPPORTED and claim.kind == "figure" and claim.draft_places and not claim.places and ingredient_on("draft_place"):
        # a figure the draft tells of the place its paragraph is about is 一致 only if it is that place's figure
        placed = verify(replace(claim, places=claim.draft_places, draft_places=()), hits, context_of, similarity)
        # (only where that place's own figure is another: the place last named is not always what the draft goes on about)
        if placed.verdict == CONTRADICTED:
            return placed if ingredient_on("draft_place_contradicts") else Verdict(
                NOT_FOUND, f"资料里的“{verdict.found}”说的不是稿件所写的{'、'.join(claim.draft_places)}。",
                related=tuple(p for p, _, _ in verdict.evidence)[:2])
    before_whole = verdict.verdict
    if ingredient_on("whole_claim"):  # every part of a claim found 一致 must be the article's (rag.check.whole_claim)
        verdict = recheck(claim, verdict, context_of, hits)
    if ingredient_on("gate") or gate.RECORDER is not None:  # a learned check of the verdict (rag.check.gate)
        verdict = gate.apply(claim, verdict, rows, before_whole, context_of, similarity, hits)
    # the claim's own words bound to the found figure or name must be the article's (rag.check.agreement)
    verdict = reread(claim, verdict, context_of)
    # each article figure bound to its own place, period and list item (rag.check.binding)
    unbound = verdict
    verdict = rebind(claim, verdict, context_of)
    if unbound.verdict == CONTRADICTED and verdict.verdict == NOT_FOUND and claim.kind == "figure" and rows and ingredient_on("rebind_next"):
        # the figure found was another subject's: the next figure that may contradict the claim, bound to the claim's own
        verdict = _next_bound_contradiction(claim, unbound, rows, context_of) or verdict
    if verdict.verdict == SUPPORTED and claim.kind != "figure" and claim.kind != "date" and ingredient_on("unread_number"):
        verdict = _numbers_unsaid(claim, verdict)  # (last: the readings above may contradict such a claim, "58窑次" for "92窑次")
    if verdict.verdict == NOT_FOUND and claim.kind == "figure" and ingredient_on("own_subject"):
        # the claim's value is another subject's; the article gives the claim's own subject another (rag.check.own_subject)
        verdict = own_subject_figure(claim, hits, context_of) or verdict
    elif verdict.verdict == SUPPORTED and claim.kind == "figure" and verdict.evidence and ingredient_on("own_subject") and ingredient_on("own_subject_supported"):
        verdict = own_subject_figure(claim, hits, context_of, verdict.evidence[0]) or verdict
    return verdict


def _next_bound_contradiction(claim: Claim, unbound: Verdict, rows: Sequence[Scored], context_of: ContextOf) -> Verdict | None:
    """After the figure a 不一致 rested on is bound by the article to another place, period or item (rag.check.binding),
    the next figure that may contradict the claim whose binding is the claim's own: "柳河镇…平均亩产468公斤" is the town's,
    "今年全县…平均亩产442公斤" the county's the claim names ("禹阳县…平均亩产452公斤")."""
    stated = claim.figure
    if stated is None or not unbound.evidence:
        return None
    if not claim.places:
        return None  # (a claim naming no place read as one, "苗市镇…", has no subject to bind the next figure to)
    used = (unbound.evidence[0][0], unbound.evidence[0][1], unbound.evidence[0][2])
    for row in contradicting(claim, stated, rows):
        candidate = row.candidate
        if (candidate.paragraph, candidate.evidence_start, candidate.evidence_end) == used:
            continue
        text = candidate.paragraph.text
        opening = max((m.end() for m in re.finditer(r"[。！？!?]", text[:candidate.figure.start])), default=0)
        if candidate.items or not _names_claim_subject(claim, text[opening:candidate.figure.end]):
            continue  # only a figure its own sentence (to its full stop) tells of the claim's place, by name or as its whole (全县 for a 县)
        if ingredient_on("rebind_next_period") and not _of_claim_period(claim, text[opening:candidate.figure.start]):
            continue  # ... and of the claim's period: its parts of a year the claim's, each period the claim names said there
        verdict = rebind(claim, _contradiction(claim, stated, row, rows), context_of)
        if verdict.verdict == CONTRADICTED:
            return verdict
    return None


def _of_claim_period(claim: Claim, before: str) -> bool:
    """Whether an article figure's sentence before it (``before``) tells of the claim's period (switch ``rebind_next_period``):
    each period the claim's sentence names before its figure as its own (一季度, 2025年, 今年; not a base compared with, "比上年")
    is said there, and it names no period the claim does not but the report's own year ("去年全县…" is no figure of a claim
    naming no year, "上半年…" none of a "全年…" claim)."""
    from .binding import clause_periods  # (binding reads verify's verdicts)

    stated = claim.figure
    at = stated.start - claim.sentence_start if stated is not None else -1
    ours = clause_periods(claim.sentence[:at]) if 0 <= at <= len(claim.sentence) else set()
    ours |= set(claim.periods)
    theirs = {p for p in clause_periods(before) if not p.startswith("M")}  # (a day told, "6月28日", is when it was reported)
    return ours <= theirs and theirs <= ours | {"今年", "当年"}


def _names_claim_subject(claim: Claim, sentence: str) -> bool:
    """Whether ``sentence`` names each of the claim's places, or its whole of that place's level ("全县" for "禹阳县")."""
    return all(place in sentence or (len(place) >= 3 and place[:-1] in sentence)
               or (place[-1] in "省市县区州旗镇乡" and "全" + place[-1] in sentence) for place in claim.places)


_DIGITS = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?[^\s\d.，,。；;、：:“”（）()]?")  # with the character after it: what it counts ("412眼"); a code's digits ("PM2.5", "U13") are its name's


def _numbers_unsaid(claim: Claim, verdict: Verdict) -> Verdict:
    """A claim checked on a name or place that also states a number the figure reader does not read ("新打机井412眼",
    "浓度降到每立方米29微克") is 一致 only where its evidence sentence writes that number too: the name alone does not
    confirm the count beside it (→ 未找到)."""
    covered = [(f.start, f.end) for f in find_figures(claim.text)]
    stated_at = claim.text.find(claim.stated)
    if stated_at >= 0:
        covered.append((stated_at, stated_at + len(claim.stated)))
    numbers = [m.group(0) for m in _DIGITS.finditer(claim.text) if not any(a <= m.start() < b for a, b in covered)]
    if not numbers or not verdict.evidence:
        return verdict
    said = ""
    for paragraph, start, end in verdict.evidence:
        for s_start, s_end in split_sentences(paragraph.text):
            if s_start <= start < s_end or s_start < end <= s_end or (start <= s_start and s_end <= end):
                said += paragraph.text[s_start:s_end]
    unsaid = [n for n in numbers if not re.search(f"(?<![\\d.]){re.escape(n)}", said)]
    if not unsaid:
        return verdict
    return Verdict(NOT_FOUND, f"资料里说到了相近的事，但没有“{unsaid[0]}”这个数字。", related=tuple(p for p, _, _ in verdict.evidence)[:2])


def _under_another_parent(claim: Claim, hits: Sequence[Hit], context_of: ContextOf) -> Verdict | None:
    """A claim whose small place the article writes under another county or city ("互助县哈拉直沟乡" for
    "大通县哈拉直沟乡"): 不一致 on 地点, whatever else it says."""
    wrong = wrong_parent(claim.text, hits, context_of)
    if wrong is None:
        return None
    span = (wrong.paragraph, wrong.at, wrong.at + len(wrong.found)) if wrong.at >= 0 else None
    return Verdict(CONTRADICTED, f"资料写的是“{wrong.found}”，而不是“{wrong.stated}”（地点不同）。", found=wrong.found, differs="地点",
                   evidence=(span,) if span else (), related=() if span else (wrong.paragraph,))


def _sentence_before(candidate: Candidate) -> str:
    """The article figure's sentence up to the figure: where its whole ("截至2025年底，全市建成…") is said."""
    text = candidate.paragraph.text
    sentence = candidate.sentence.strip()
    at = text.rfind(sentence, 0, candidate.figure.start + len(sentence)) if sentence else -1
    return text[at: candidate.figure.start] if 0 <= at <= candidate.figure.start else candidate.label
