"""The claim's own words bound to the found figure, before 一致: a last, stricter agreement test.

A claim found 一致 (after ``whole_claim`` and the gate) is reread against the words the article binds to the figure it was
found on. A wrong part marked 一致 is the worst error a fact-checker can make, so where the claim's own words for what
the figure counts, whose it is, when and what kind of figure it is are not the article figure's, the 一致 goes
(→ 未找到; → 不一致 only where the article says the other thing in the claim's very place). Each part has its switch
(``RAG_CHECK_ABLATE=agreement`` switches them all off):

- ``agree_counted`` — **what the figure counts**, the nouns right after it: where the article's nouns after its figure end
  in the claim's head noun but qualify it otherwise ("30名乡镇卫生院医生" for "30名乡村医生"), the claim is not said.
- ``agree_object`` — **what was counted**, the nouns between the verb and the figure: where the article's, after the same
  verb, name the claim's head noun without the claim's qualifier ("接待游客和村民1.2万人次" for "接待外地游客超过8000人次").
- ``agree_scope`` — **the whole it is told of**: a claim's 全旗 / 全县 is not told by a figure whose own clause says 全苏木 / 全镇.
- ``agree_place`` — **whose figure it is**: the place of the claim's level named last before the article figure (in its
  sentence, else the paragraph's sentences before it) must be the claim's: "南开区把…。…全区建成…210个" is 南开区's, not
  "河西区建成…210个" (a place named elsewhere in the article).
- ``agree_year`` — **when**: a year the claim states before its figure ("与2021年相比") must be the article sentence's where
  that sentence states years before its figure ("比2020年提高…").
- ``agree_target`` — **a target is not a result**: an article figure whose sentence sets a target before it ("力争到2027年
  培育产值超百亿元的…企业"), its clause saying nothing done, does not confirm a claim that states no target.
- ``agree_plan`` — **a result is not a target**: a claim that sets a figure for the time to come ("今年将接待…62.4万人次",
  "计划…") is not confirmed by an article figure its sentence tells as done in a stated year ("2025年，全市共接待…62.4万人次"),
  setting no target before it.
- ``agree_that`` — **those of them that did something**: "已有216家养老机构与…签订合作协议" counts the homes that signed, not
  "全市共有养老机构216家" (the article figure after 有, its counted noun followed by a verb the claim does not say).
- ``agree_list`` — **a name's list**: a place listed with the claim's name ("舟山、温州两市") must be the article's beside it;
  where the article lists another there ("舟山、湖州两市") → 不一致 on 地点.
- ``agree_item`` — **a number of the name's own item**: a name claim's number ("在杏林湾站换乘2号线") must be the one of the
  article item that holds the name ("杏林湾站（换乘1号线）、…"), not of another item → 不一致 on 名称 with the item's.
- ``agree_heading`` — **which way**: a compass heading after 向/往/朝 ("向西延伸") the article writes otherwise between the
  same words ("向东延伸") → 不一致 on 方向.
- ``agree_rank`` — **a rank's measure, whose and among what**: a rank ("居全省第2位", rag.check.figures) is a small number many
  measures share, so it is 一致 only where the article's words ranked (its clause before the verb of ranking, or the clause
  before that when it says none: "张北县可再生能源装机1018万千瓦，继续居全市第1位"), its whole ("全省", "各县区") and, for the
  claim, its names (the places and names before the claim's rank: "岳阳经济技术开发区…增速…排名第一" is not told by
  "汨罗市…增速居全市第1位") are said on the other side.
- ``agree_rate`` — **per what period**: a claim's rate per one period ("每人每年860元") where the article figure's own clause
  tells it per another ("每人每月860元", rag.check.rate_period) → 不一致 on 单位 with the article's.
- ``agree_all_done`` — **all or some**: a clause of the claim saying all were done ("目前已全部整改") where the article
  sentence gives that verb a number in the claim figure's unit, another value ("目前已整改3280处") → 不一致 on 数值.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..schema import Paragraph
from ..sentences import split_sentences
from .ablation import ingredient_on
from .candidates import _level
from .claims import PLACE_SUFFIX, periods_in, places_in
from .figures import RANK_UNIT, RANK_VERB, find_figures
from .measure import _LABEL_FILLER_WORDS, _cut_run
from .rate_period import other_rate
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

if TYPE_CHECKING:
    from .candidates import ContextOf
    from .verify import Verdict

_CLAUSE_MARK = re.compile(r"[，,；;。！？!?：:\n]")
_ITEM_MARK = re.compile(r"[，,；;。！？!?：:、\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
# qualifiers and verbs of reaching between a noun and its figure: "接待外地游客超过8000人次", "养老机构达216家"
_BEFORE_FIGURE = re.compile(r"(?:超过|超|近|约|逾|达到|达|为|共|累计|合计|总计|多达|高达|将近|接近|不少于|不低于|突破|了|已|有)+$")
_SCOPE = re.compile(r"全(?:省|市|县|区|州|盟|旗|苏木|镇|乡|村|街道|社区)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?=年)")
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"")
_TARGET = re.compile(r"(?<!为)(?:目标|计划|预计|预期|力争)")  # "以…为目标" says what for, sets no figure
_CLAIM_TARGET = re.compile(r"目标|计划|预计|预期|力争|争取|将|拟|要")
_DONE = re.compile(r"已|完成|实现|累计|截至|截止|共")
# a share of a target met, "完成年度目标6.2万人的110.0%", "超额完成全年计划的"; what the sentence tells after it is done, not planned
_COMPLETED_TARGET = re.compile(r"完成[^，,；;。的]{0,6}?(?:目标|计划|任务)[^，,；;。]{0,12}?的[^，,；;。]*")
_LISTED = "、和与及"
_HEADING = re.compile(r"(?<=[向往朝])[东西南北]")
# a number and its unit in a name claim ("2号线"), times and dates left out (their own claims)
_UNIT_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([^\d\s.,，。；、：:（）()年月日时分秒]{1,2})")
_ALL_DONE = re.compile(r"(?:全部|均已|均|都已|都|全数)(?:已经|已)?(?:得到|完成)?([\u4e00-\u9fff]{2})")


def _verdict(kind: str, **fields) -> "Verdict":
    from .verify import Verdict  # (verify imports this module)
    return Verdict(kind, **fields)


def _words(text: str) -> list[tuple[str, str]]:
    """jieba's (word, flag) of a text, its runs of Chinese cut one by one (marks and numbers left as "x")."""
    out: list[tuple[str, str]] = []
    at = 0
    for run in _CJK.finditer(text):
        if run.start() > at:
            out.append((text[at:run.start()], "x"))
        out.extend(_cut_run(run.group()))
        at = run.end()
    if at < len(text):
        out.append((text[at:], "x"))
    return out


def sentence_at(text: str, at: int) -> tuple[int, int]:
    """The offsets of the sentence of ``text`` that holds offset ``at`` (the whole text where none does)."""
    for start, end in split_sentences(text):
        if start <= at < end:
            return start, end
    return 0, len(text)


def _clause_at(text: str, at: int, marks: re.Pattern = _CLAUSE_MARK) -> tuple[int, int]:
    start = 0
    for mark in marks.finditer(text):
        if mark.end() <= at:
            start = mark.end()
        elif mark.start() >= at:
            return start, mark.start()
    return start, len(text)


def _stem(place: str) -> str:
    return PLACE_SUFFIX.sub("", place) or place


def _nouns_after(text: str, end: int) -> list[tuple[str, str]]:
    """The nouns (and their qualifiers) right after a figure, up to a verb or a clause mark: "乡镇卫生院医生"."""
    run: list[tuple[str, str]] = []
    for word, flag in _words(text[end:end + 20]):
        if flag == "x" or flag.startswith("v") or not flag.startswith(("n", "a", "b")):
            break
        run.append((word, flag))
    return run


def _nouns_before(text: str, at: int) -> tuple[list[tuple[str, str]], str]:
    """The nouns (and their qualifiers) right before a figure, after its qualifiers ("超过"), and the word before them:
    "接待外地游客超过8000人次" → ([外地, 游客], "接待")."""
    head = _BEFORE_FIGURE.sub("", text[max(0, at - 20):at])
    words = _words(head)
    run: list[tuple[str, str]] = []
    for word, flag in reversed(words):
        if flag.startswith(("n", "a", "b", "s", "f")) or flag in ("j", "l") or word in ("和", "及", "与"):
            run.insert(0, (word, flag))
            continue
        break
    before = words[len(words) - len(run) - 1] if len(words) > len(run) else ("", "x")
    return run, before[0] if before[1].startswith("v") else ""


class _Found:
    """Where the found figure (or name) stands in the article: its paragraph, offsets, sentence and clause."""

    def __init__(self, verdict: "Verdict"):
        paragraph, span_start, span_end = verdict.evidence[0]
        self.paragraph: Paragraph = paragraph
        text = self.text = paragraph.text
        at = text.find(verdict.found, span_start) if verdict.found else -1
        if at < 0 or at > span_end:
            self.at, self.end = span_start, span_end
        else:
            self.at, self.end = at, at + len(verdict.found)
        self.s_start, self.s_end = sentence_at(text, at)
        self.c_start, self.c_end = _clause_at(text, at)

    @property
    def sentence(self) -> str:
        return self.text[self.s_start:self.s_end]


def reread(claim: Claim, verdict: "Verdict", context_of: "ContextOf") -> "Verdict":
    """``verdict`` unless it is a 一致 whose claim words bound to the found figure or name are not the article's."""
    if verdict.verdict != SUPPORTED or not verdict.evidence or not ingredient_on("agreement"):
        return verdict
    found = _Found(verdict)
    parts = _FIGURE_PARTS if claim.kind == "figure" and verdict.found else _NAME_PARTS if claim.kind in ("name", "place") else ()
    for switch, part in parts:
        if ingredient_on(switch):
            other = part(claim, verdict, found)
            if other is not None:
                return other
    return verdict


def _not_found(found: _Found, reason: str) -> "Verdict":
    return _verdict(NOT_FOUND, reason=reason, related=(found.paragraph,))


def _claim_figure(claim: Claim) -> tuple[int, int]:
    """The claim figure's offsets in its sentence."""
    at = claim.stated_start - claim.sentence_start
    return at, at + len(claim.stated)


# --------------------------------------------------------------------------- figure claims


def _counted(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"30名乡村医生" against "30名乡镇卫生院医生": the same head noun after the figure, qualified otherwise."""
    _, end = _claim_figure(claim)
    ours, theirs = _nouns_after(claim.sentence, end), _nouns_after(found.text, found.end)
    if len(ours) < 2 or len(theirs) < 2 or ours[-1][0] != theirs[-1][0]:
        return None
    their_text = "".join(w for w, _ in theirs)
    unsaid = [w for w, _ in ours[:-1] if len(w) >= 2 and w not in their_text]
    own = [w for w, _ in theirs[:-1] if w not in claim.sentence]
    if not unsaid or not own:
        return None
    return _not_found(found, f"资料里的“{verdict.found}”说的是“{their_text}”，不是“{''.join(w for w, _ in ours)}”。")


def _object(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"接待外地游客超过8000人次" against "接待游客和村民1.2万人次": after the same verb, the claim's head noun without its
    qualifier."""
    at, _ = _claim_figure(claim)
    ours, verb = _nouns_before(claim.sentence, at)
    theirs, their_verb = _nouns_before(found.text, found.at)
    if len(ours) < 2 or not theirs or not verb or verb != their_verb:
        return None
    their_text = "".join(w for w, _ in theirs)
    if not any(flag.startswith("n") and word in their_text for word, flag in ours):
        return None
    clause = found.text[found.c_start:found.c_end]
    unsaid = [w for w, _ in ours if len(w) >= 2 and w not in clause and w not in _LABEL_FILLER_WORDS
              and not places_in(w) and not periods_in(w)]
    if not unsaid:
        return None
    return _not_found(found, f"资料里的“{verdict.found}”说的是“{their_verb}{their_text}”，没有说到“{'、'.join(unsaid)}”。")


def _scope(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """A claim's 全旗 against a figure whose own clause says 全苏木 (the claim's own clause: "全市…，其中南开区建成…" says
    南开区's)."""
    ours = {m.group() for m in _SCOPE.finditer(claim.text[:claim.stated_start - claim.start])}
    theirs = {m.group() for m in _SCOPE.finditer(found.text[found.c_start:found.at])}
    if not ours or not theirs or ours & theirs:
        return None
    return _not_found(found, f"资料里的“{verdict.found}”说的是{'、'.join(sorted(theirs))}，不是{'、'.join(sorted(ours))}。")


def _place(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """The place of the claim's level named last before the article figure, within its paragraph, is the claim's."""
    levels = {_level(p) for p in claim.places if _level(p)}
    if not levels:
        return None
    text = found.text
    for start, end in reversed([(s, min(e, found.at)) for s, e in split_sentences(text) if s < found.at]):
        said = text[start:end]
        named = [p for p in places_in(said) if _level(p) in levels and not p.startswith("全")]
        if ingredient_on("agree_place_neighbour"):  # "紧邻城北区", "与城北区交界": a neighbour is not whose the figure is
            named = [p for p in named if not _neighbour(said, p)]
        if not named:
            continue
        if any(_stem(p) in said for p in claim.places):
            return None
        return _not_found(found, f"资料里的“{verdict.found}”说的是{named[-1]}，不是{'、'.join(claim.places)}。")
    return None


_NEIGHBOUR_BEFORE = re.compile(r"(?:毗邻|紧邻|邻近|相邻|接壤|比|较|同)$")
_NEIGHBOUR_AFTER = re.compile(r"^(?:相邻|接壤|毗邻|交界|相比|比较)")


def _neighbour(said: str, place: str) -> bool:
    """Every time ``said`` names ``place`` it is as a neighbour or for comparison ("紧邻城北区", "与城北区交界", "比城北区")."""
    spots = [m.start() for m in re.finditer(re.escape(place), said)]
    return bool(spots) and all(_NEIGHBOUR_BEFORE.search(said[max(0, i - 2):i]) or _NEIGHBOUR_AFTER.search(said[i + len(place):])
                               for i in spots)


def _year(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"与2021年相比…提高了3.1个百分点" against "比2020年提高3.1个百分点"."""
    at, _ = _claim_figure(claim)
    ours = {m.group() for m in _YEAR.finditer(claim.sentence[:at])}
    theirs = [m.group() for m in _YEAR.finditer(found.text[found.s_start:found.at])]
    if not ours or not theirs or ours & set(theirs):
        return None
    return _not_found(found, f"资料里的“{verdict.found}”说的是{theirs[-1]}年的比较或数字，不是{'、'.join(sorted(ours))}年的。")


def _target(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """A target ("力争到2027年培育产值超百亿元的…") confirms no claim that states none."""
    if _CLAIM_TARGET.search(claim.sentence):
        return None
    before = _QUOTED.sub("", found.text[found.s_start:found.at])
    if ingredient_on("completed_target"):  # "完成年度目标6.2万人的110.0%，比2024年…增加2500人": a target met, told as done
        before = _COMPLETED_TARGET.sub("", before)
    target = _TARGET.search(before)
    if target is None or _DONE.search(found.text[found.c_start:found.end]):
        return None
    return _not_found(found, f"资料里的“{verdict.found}”是{target.group()}的目标，不是已经实现的数字。")


# a claim's figure set for the time to come: "今年将接待", "计划新增", "力争达到"
_CLAIM_PLAN = re.compile(r"将(?!近)|计划|力争|预计|预期|目标|争取|拟")
_ARTICLE_PLAN = re.compile(r"将(?!近)|计划|力争|预计|预期|目标|争取|拟|确保|要")
_DONE_MARK = re.compile(r"共|累计|已|实现|完成|全年")


def _plan(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"今年将接待康养旅居人员62.4万人次" against "2025年，全市共接待康养旅居人员62.4万人次": a result told of a stated year."""
    at, _ = _claim_figure(claim)
    if not _CLAIM_PLAN.search(_QUOTED.sub("", claim.sentence[:at])):
        return None
    before = _QUOTED.sub("", found.text[found.s_start:found.at])
    if _ARTICLE_PLAN.search(before) or not _YEAR.search(before) or not _DONE_MARK.search(before):
        return None
    year = _YEAR.findall(before)[-1]
    return _not_found(found, f"资料里的“{verdict.found}”是{year}年已经实现的数字，不是所述的目标或计划。")


def _those_that(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"已有216家养老机构与周边医疗机构签订合作协议": those of them that did something the claim does not say."""
    if not found.text[max(0, found.at - 1):found.at] == "有":
        return None
    rest = found.text[found.end:found.c_end]
    noun = False
    for word, flag in _words(rest):
        if flag.startswith("n"):
            noun = True
            continue
        if noun and flag.startswith(("v", "p")) and word not in claim.sentence:
            return _not_found(found, f"资料里的“{verdict.found}”只是其中“{rest[rest.find(word):].strip()}”的，不是全部。")
        if flag == "x":
            break
    return None


def _all_done(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"共发现火灾隐患3460处，目前已全部整改" against "…3460处，目前已整改3280处": some were done, not all."""
    _, end = _claim_figure(claim)
    stated = claim.figure
    if stated is None:
        return None
    for said in _ALL_DONE.finditer(claim.sentence, end):
        verb = said.group(1)
        for match in re.finditer(re.escape(verb), found.text[found.end:found.s_end]):
            after = found.end + match.end()
            figure = next(iter(find_figures(found.text[after:after + 8])), None)
            if figure is None or figure.start > 2 or figure.kind != "figure" or figure.unit != stated.unit or figure.value == stated.value:
                continue
            o_start, o_end = after + figure.start, after + figure.end
            written = found.text[o_start:o_end]
            return _verdict(CONTRADICTED, reason=f"资料写的是“{found.text[found.end + match.start() - 1:o_end].strip('，, ')}”：{written}，"
                            f"而不是全部{verb}（数值不同）。", found=written, differs="数值",
                            evidence=((found.paragraph, o_start, o_end),))
    return None


# --------------------------------------------------------------------------- name and place claims


def _list(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"舟山、温州两市" against "舟山、湖州两市": a place listed with the name must be the one the article lists there."""
    sentence = found.sentence
    for place in claim.places:
        listed = re.search(f"{re.escape(claim.stated)}[{_LISTED}]{re.escape(place)}|{re.escape(place)}[{_LISTED}]{re.escape(claim.stated)}",
                           claim.text)
        if listed is None or _stem(place) in sentence:
            continue
        after = listed.group().startswith(claim.stated)
        beside = re.search(f"{re.escape(claim.stated)}[{_LISTED}]" if after else f"[{_LISTED}]{re.escape(claim.stated)}", sentence)
        if beside is not None:
            window = sentence[beside.end(): beside.end() + 8] if after else sentence[max(0, beside.start() - 8): beside.start()]
            others = [p for p in places_in(window) if _stem(p) != _stem(place)]
            other = (others[0] if after else others[-1]) if others else None
            if other is not None:
                at = found.s_start + (beside.end() + window.find(other) if after else max(0, beside.start() - 8) + window.find(other))
                return _verdict(CONTRADICTED, reason=f"资料写的是“{sentence.strip()[:80]}”：{other}，而不是{place}（地点不同）。",
                                found=other, differs="地点", evidence=((found.paragraph, at, at + len(other)),))
        return _not_found(found, f"资料里说到了“{claim.stated}”，但没有说到与它并列的“{place}”。")
    return None


def _item(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"在杏林湾站换乘2号线" against "杏林湾站（换乘1号线）、…（换乘2号线）": the number of the name's own item."""
    i_start, i_end = _clause_at(found.sentence, found.at - found.s_start, _ITEM_MARK)
    item = found.sentence[i_start:i_end]
    theirs = list(_UNIT_NUMBER.finditer(item))
    for ours in _UNIT_NUMBER.finditer(claim.text):
        number, unit = ours.groups()
        if any(t.group(1) == number for t in theirs):
            continue
        other = next((t for t in theirs if t.group(2)[:1] == unit[:1]), None)
        if other is None:
            continue
        at = found.s_start + i_start + other.start()
        written = other.group()
        return _verdict(CONTRADICTED, reason=f"资料写的是“{item.strip()}”：{written}，而不是{ours.group()}（名称不同）。",
                        found=written, differs="名称", evidence=((found.paragraph, at, at + len(written)),))
    return None


def _heading(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"向西延伸" against "向东延伸" between the same words."""
    sentence = found.sentence
    for ours in _HEADING.finditer(claim.text):
        left, right = claim.text[max(0, ours.start() - 3):ours.start()], claim.text[ours.end():ours.end() + 2]
        if len(left) < 2 or len(right) < 2:
            continue
        theirs = re.search(re.escape(left) + r"([东西南北])" + re.escape(right), sentence)
        if theirs is None or theirs.group(1) == ours.group():
            continue
        at = found.s_start + theirs.start(1) - 1
        written = sentence[theirs.start(1) - 1: theirs.end(1)]
        return _verdict(CONTRADICTED, reason=f"资料写的是“{sentence.strip()[:80]}”：{written}，而不是{claim.text[ours.start() - 1:ours.end()]}（方向不同）。",
                        found=written, differs="方向", evidence=((found.paragraph, at, at + len(written)),))
    return None


# units of measure (a closed class: metric prefixes and bases, the Chinese land and weight units): one the figure reader does not
# know ("85万千升") is still the figure's unit where it is written right after the number
_WRITTEN_UNIT = re.compile(r"(?:平方|立方|标准)?(?:千|兆|吉|太|毫|微|纳|公)?(?:瓦时|米|升|克|吨|瓦|焦耳?|帕|秒|赫兹|伏|亩|顷|里|斤)")


def _written_unit(text: str, end: int) -> str:
    match = _WRITTEN_UNIT.match(text, end)
    return match.group() if match else ""


def _unit(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """The same number in units of another measure: "85万吨" against "储酒能力达到85万千升" (a volume, not a mass) → 不一致 on 单位.
    A figure read without a unit ("85万") has the unit of measure written right after it, on either side."""
    stated = claim.figure
    theirs = next((f for f in find_figures(found.text[found.at:found.end]) if f.kind == "figure"), None)
    if stated is None or stated.kind != "figure" or theirs is None:
        return None
    _, end = _claim_figure(claim)
    our_unit = stated.unit or _written_unit(claim.sentence, end)
    their_unit = theirs.unit or _written_unit(found.text, found.end)
    if not our_unit or not their_unit or our_unit == their_unit or (stated.unit and theirs.unit):
        return None  # (two units the reader knows were compared already)
    if not (_WRITTEN_UNIT.fullmatch(our_unit) or _WRITTEN_UNIT.fullmatch(their_unit)):
        return None
    written = found.text[found.at:found.end] + ("" if theirs.unit else their_unit)
    return _verdict(CONTRADICTED, reason=f"资料写的是“{written}”，而不是{claim.stated}{'' if stated.unit else our_unit}（单位不同）。",
                    found=written, differs="单位", evidence=((found.paragraph, found.at, found.at + len(written)),))


def _rate(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """"每人每年860元" against "每人每月860元": the same figure per another period → 不一致 on 单位."""
    at, end = _claim_figure(claim)
    pers = other_rate(claim.sentence[:max(0, at)], found.text[found.s_start:found.at])
    if pers is None:
        return None
    ours, theirs = pers
    start = found.s_start + theirs
    written = found.text[start:found.end]
    return _verdict(CONTRADICTED, reason=f"资料写的是“{written}”，而不是{claim.sentence[ours:end]}（单位不同）。",
                    found=written, differs="单位", evidence=((found.paragraph, start, found.end),))


_RANK_VERB_AT = re.compile(RANK_VERB)
_RANK_WHOLE = re.compile(r"全(?:国|省|市|县|区|州|盟|旗)|各[\u4e00-\u9fff]{0,4}?(?:县市区|县区|区县|县市|市县|乡镇|镇街|港区|市|县|区|镇)(?![县市区镇])")
_RANK_GENERIC = ("总量", "规模", "数量", "总数")  # the amount of the figure before: "…412.6亿元，…，总量居全省第3位"
_RANK_RATE = re.compile(r"增速|增幅|增长率|增长速度")
_RANK_NOUNS = ("n", "vn", "j", "l", "eng")
_RANK_CHANGE = ("同比", "环比", "上年", "去年")
_RANK_FILLER = ("d", "c", "p", "u", "x", "m", "q", "r", "t", "f")


def _ranked_words(text: str) -> list[str]:
    """The words of ``text`` that say what is ranked: no adverbs ("继续"), particles, numbers, pronouns, times or marks."""
    return [w for w, flag in _words(text) if not flag.startswith(_RANK_FILLER) and len(w) >= 2 and not _RANK_WHOLE.fullmatch(w)]


def _said(word: str, text: str) -> bool:
    return word in text or (_stem(word) != word and len(_stem(word)) >= 2 and _stem(word) in text)


def _rank(claim: Claim, verdict: "Verdict", found: _Found) -> "Verdict | None":
    """A rank is 一致 only where both sides rank the same measure of the same subject among the same whole (see agree_rank)."""
    if claim.figure is None or claim.figure.unit != RANK_UNIT:
        return None
    clause = found.text[found.c_start:found.at]
    verbs = list(_RANK_VERB_AT.finditer(clause))
    if not verbs:
        return None
    verb = verbs[-1]
    ranked, whole = clause[:verb.start()], clause[verb.end():]
    reason = f"资料里的“{found.text[found.c_start:found.end]}”说的是另一项排名，没有说到所述的排名。"
    at, _ = _claim_figure(claim)
    if _RANK_RATE.search(claim.sentence[:at]) and not _RANK_RATE.search(ranked):
        return _not_found(found, reason)  # a rate ranked ("增速…排名第一") is not the amount ("总量居全市第1位")
    words = [w for w in _ranked_words(ranked) if w not in _RANK_GENERIC]
    end = found.c_start
    while not words and end > found.s_start:
        # "…1018万千瓦，继续居全市第1位", "…412.6亿元，同比增长6.8%，总量居全省第3位": the measure of the figure before is ranked
        start, _ = _clause_at(found.text, end - 1)
        before = found.text[start:end - 1]
        figure = next((f for f in find_figures(before) if f.kind == "figure"), None)
        words = [w for w, flag in _words(before[:figure.start] if figure else before)
                 if flag.startswith(_RANK_NOUNS) and len(w) >= 2 and not _RANK_WHOLE.fullmatch(w) and w not in _RANK_CHANGE]
        end = start
    if any(not _said(w, claim.sentence) for w in words):
        return _not_found(found, reason)
    for scope in _RANK_WHOLE.finditer(whole):
        if scope.group()[:2] not in claim.sentence:
            return _not_found(found, reason)
    # the claim's names before its rank must be said in the article's part of the sentence that holds the rank
    ours = _RANK_WHOLE.sub("", claim.sentence[:at])  # "在全市各县市区中": the whole, not a name
    part_start, _ = _clause_at(found.text, found.at, re.compile(r"[；;。！？!?\n]"))
    part = found.text[part_start:found.end]
    names = [w for w, flag in _words(ours) if (flag.startswith(("ns", "nr", "nt", "nz")) or PLACE_SUFFIX.search(w)) and len(w) >= 2
             and not _RANK_WHOLE.fullmatch(w) and not w.startswith(("全", "各"))]
    if any(not _said(n, part) for n in names):
        return _not_found(found, reason)
    return None


_FIGURE_PARTS = (("agree_rank", _rank), ("agree_unit", _unit), ("agree_rate", _rate), ("agree_counted", _counted), ("agree_object", _object), ("agree_scope", _scope), ("agree_place", _place),
                 ("agree_year", _year), ("agree_target", _target), ("agree_plan", _plan), ("agree_that", _those_that), ("agree_all_done", _all_done))
_NAME_PARTS = (("agree_list", _list), ("agree_item", _item), ("agree_heading", _heading))
PARTS = tuple(switch for switch, _ in _FIGURE_PARTS + _NAME_PARTS)
