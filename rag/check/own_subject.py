"""The claim's figure told of another subject, the claim's subject told with another value (``own_subject``).

A news report gives parallel subjects, places or periods, one measure each, in parallel clauses or a 分别 list:

    "2026年元旦假期3天，…实现旅游总花费59.3亿元。春节假期9天，…实现旅游总花费183.5亿元"
    "城中区、鱼峰区是本地门店最集中的城区，分别有门店1260家和1180家"

A claim that gives one subject the other's value ("元旦假期…旅游总花费183.5亿元", "鱼峰区…门店1260家") states the same fact
with another value: the article's figure for the claim's own subject, under the same measure words, contradicts it (the
binding stages alone only say the claim's value is another subject's, 未找到). Read only for a claim left 未找到, and only
where the claim's very value stands in the paragraph under the claim's measure words, told of another subject of the same
kind: never from another number that merely stands near similar words.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .ablation import ingredient_on
from .binding import _HOLIDAY, own_places
from .candidates import _level
from .claims import periods_in, places_in
from .compare import units_match, value_satisfies
from .figures import find_figures
from .parallel_measure import NOT_A_PLACE_NAME
from .report import CONTRADICTED, Claim

if TYPE_CHECKING:
    from ..schema import Hit, Paragraph
    from .verify import Verdict

HITS_READ = 5
_CLAUSE_END = re.compile(r"[，,；;。！？!?：:\n]")
_SEGMENT_END = re.compile(r"[；;。！？!?\n]")
_LIST_MARK = re.compile(r"[、和及与]")
# words between a measure and its figure: "达到", "约", "共", "分别为"
_REACHING = re.compile(r"(?:分别|超过|超|近|约|逾|达到|达|为|是|共计|共|累计|合计|了|已|有|突破|实现|完成|至)+$")
_MEASURE_CHARS = re.compile(r"[\u4e00-\u9fff]+$")
TAIL_MAX = 4
TAIL = 2  # characters of the claim's measure words, right before its figure, that the article figures must have too
# period words naming one part of a year, a holiday or a span ("赛季期间")
_PERIOD_WORD = re.compile(r"(?:(?:19|20)\d\d年)?(?:第?[一二三四]季度|上半年|下半年|前三季度|\d{1,2}月(?:\d{1,2}日)?)"
                          r"|(?:19|20)\d\d年(?!底|末|初)|" + _HOLIDAY.pattern + r"|[\u4e00-\u9fff]{2}期间")


def _measure_tail(claim: Claim) -> str:
    """The last characters of the claim's words before its figure, the words of reaching left off ("实现旅游收入" → "旅游收入")."""
    before = claim.sentence[:claim.stated_start - claim.sentence_start]
    before = _REACHING.sub("", before)
    run = _MEASURE_CHARS.search(before)
    return run.group()[-TAIL:] if run else ""


# a place opening a clause, by its suffix ("科左后旗今年完成…", "寿光市农村居民…"), where the place reading has none
_OPENING = re.compile(r"(?:^|(?<=[，,；;：:、]))([\u4e00-\u9fff]{2,4}?(?:特区|区|县|市|旗|镇|乡))")


def _opening_places(text: str) -> list[str]:
    return [m.group(1) for m in _OPENING.finditer(text) if not NOT_A_PLACE_NAME.match(m.group(1))]


def _subjects(claim: Claim) -> list[tuple[str, str]]:
    """The claim's own subjects before its figure: (word, "地点" or "时间")."""
    before = claim.sentence[:claim.stated_start - claim.sentence_start]
    places = [p for p in own_places(claim) if p in before]
    places += [p for p in _opening_places(_PERIOD_WORD.sub("，", before)) if not any(p in q or q in p for q in places)]
    out = [(p, "地点") for p in places if _level(p)]  # (a place named by its suffix: a bare "重庆" may be the article's whole)
    out += [(m.group(), "时间") for m in _PERIOD_WORD.finditer(before)]
    return out


def _clause_places(text: str) -> list[str]:
    """The places opening a clause of ``text``: by their suffix, and (switch ``own_subject_opening``) the places the place
    reading finds there, a name of one character before its suffix among them ("分县区看，藤县农林牧渔业总产值…")."""
    out = _opening_places(text)
    if ingredient_on("own_subject_opening"):
        out += [p for p in places_in(text) if _level(p) and not NOT_A_PLACE_NAME.match(p) and p not in out
                and any(_opens_clause(text, m.start()) for m in re.finditer(re.escape(p), text))]
    return out


def _stem(place: str) -> str:
    return place[:-1] if len(place) >= 3 and _level(place) else place


def _said(word: str, kind: str, text: str) -> bool:
    if (_stem(word) if kind == "地点" else word) in text:
        return True
    # a period said in other words is said: "今年1至9月" is the claim's "前三季度" (switch ``own_subject_period_form``)
    if kind != "时间" or not ingredient_on("own_subject_period_form"):
        return False
    ours = set(periods_in(word, most_specific=True))
    return bool(ours) and ours <= set(periods_in(text, most_specific=True))


def _other_of_kind(word: str, kind: str, text: str) -> bool:
    """``text`` names another subject of the kind of ``word``: a place of its level, or another period word."""
    if kind == "地点":
        named = [p for p in places_in(text) if _level(p)] + _opening_places(text)
        return any(p != word and _stem(p) not in word and _stem(word) not in p and not p.startswith(("全", "各", "该", "本"))
                   for p in named)
    return any(m.group() != word and m.group() not in word for m in _PERIOD_WORD.finditer(text))


def _clause_start(text: str, at: int) -> int:
    return max((m.end() for m in _CLAUSE_END.finditer(text, 0, at)), default=0)


def _anchor_sentence(text: str, anchor) -> tuple[int, int]:
    """Start and end of the sentence holding the figure ``anchor`` (a match in ``text``), its end mark included."""
    end = _SENTENCE_END.search(text, anchor.end)
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, anchor.start)), default=0), end.end() if end else len(text)


def _sentence_start(text: str, at: int) -> int:
    return max((m.end() for m in _SEGMENT_END.finditer(text, 0, at)), default=0)


def _measured(text: str, figure_start: int, tail: str) -> bool:
    """The figure's own clause says the claim's measure words before it."""
    return tail in text[_clause_start(text, figure_start):figure_start]


def _listed_own(claim: Claim, text: str, anchor, word: str, kind: str):
    """A 分别 list: "城中区、鱼峰区…，分别有门店1260家和1180家": the figure in the place of ``word`` among the items."""
    s0 = _sentence_start(text, anchor.start)
    before = text[s0:anchor.start]
    at = before.rfind("分别")
    if at < 0:
        return None
    figures = [f for f in find_figures(text[s0 + at:]) if f.kind == "figure"]
    listed = [figures[0]] if figures else []
    for f in figures[1:]:
        between = text[s0 + at + listed[-1].end:s0 + at + f.start]
        if not _LIST_MARK.fullmatch(between.strip()):
            break
        listed.append(f)
    offsets = [s0 + at + f.start for f in listed]
    if len(listed) < 2 or s0 + at + listed[0].start > anchor.start or anchor.start not in offsets:
        return None
    key = _stem(word) if kind == "地点" else word
    for clause_start in sorted({_clause_start(text, s0 + at)} | {s0}):
        run = text[clause_start:s0 + at]
        k = run.find(key)
        if k < 0:
            continue
        # the items: the run of names around the claim's word, cut at its list marks
        left = max((m.end() for m in re.finditer(r"[^\u4e00-\u9fff、]", run[:k])), default=0)
        right = k + len(key) + (re.search(r"[^\u4e00-\u9fff、]|$", run[k + len(key):]).start())
        items = [i for i in _LIST_MARK.split(run[left:right]) if i]
        index = next((n for n, item in enumerate(items) if key in item), None)
        if index is None or len(items) != len(listed) or index == offsets.index(anchor.start):
            return None
        # a list of places has the claim's place as an item, or other places; "云溪县用电量、货运量…分别增长6.4%和11.7%"
        # lists 云溪县's measures
        own_item = items[index].endswith(word) or re.search(re.escape(key) + r"[\u4e00-\u9fff]?$", items[index])
        if not own_item and not any(places_in(item) or _opening_places(item) for n, item in enumerate(items) if n != index):
            return None
        return listed[index], offsets[index]
    return None


def own_subject_figure(claim: Claim, hits: Sequence["Hit"], context_of, evidence=None) -> "Verdict | None":
    """A 不一致 with the figure the article gives the claim's own subject, where the claim's value is another subject's
    under the same measure words (module doc), else None. With ``evidence`` (a 一致's (paragraph, start, end)), only the figure
    there is read as the claim's value (switch ``own_subject_supported``: "科左后旗完成…78.6万亩" 一致 on "奈曼旗完成…78.6万亩，…；
    科左后旗完成72.3万亩" is 不一致). A paragraph is read with its article before it (``context_of``:
    a page's paragraphs break mid-sentence) and with the other retrieved paragraphs of its page."""
    from .verify import Verdict

    stated = claim.figure
    if claim.kind != "figure" or stated is None or stated.kind != "figure":
        return None
    tail = _measure_tail(claim)
    subjects = _subjects(claim)
    if len(tail) < 2 or not subjects:
        return None
    read = list(hits[:HITS_READ])
    if evidence is not None:
        read = [h for h in hits if (h.paragraph.source, h.paragraph.number) == (evidence[0].source, evidence[0].number)][:1] + [
            h for h in read if (h.paragraph.source, h.paragraph.number) != (evidence[0].source, evidence[0].number)]
    for n, hit in enumerate(read):
        if evidence is not None and n > 0:
            break
        paragraph: "Paragraph" = hit.paragraph
        text = paragraph.text
        context = context_of(paragraph)
        cut = context.rfind(text)
        lead = context[:cut] if cut >= 0 else ""
        for anchor in find_figures(text):
            if anchor.kind != "figure" or not units_match(stated, anchor) or not value_satisfies(stated, anchor):
                continue
            if evidence is not None and not (evidence[1] <= anchor.start < max(evidence[2], evidence[1] + 1)):
                continue
            before = _sentence_before(lead, text, anchor.start)
            clause = before[_clause_start(before, len(before)):]
            listed = "分别" in clause
            said = _said_tail(claim, before if listed else clause)
            item = None  # the anchor an item of a roundup naming only its place: (its place, its words before the figure)
            if said is None and ingredient_on("own_subject_item"):
                item = _bare_item(before)
                if item is not None:
                    said = _said_tail(claim, before[:len(before) - len(item[1])])  # the measure the list's lead says
            if said is None:
                continue
            if ingredient_on("own_subject_words") and _unsaid(claim, subjects, context + text):
                continue  # the claim tells of something the article does not name ("江苏中洋物流集团…"): not its parallel subjects
            for word, kind in subjects:
                if item is not None:
                    if kind != "地点" or _said(word, kind, item[1]) or _stem(word) in item[0] or _stem(item[0]) in word:
                        continue
                    # the claim's place in its own item of the same roundup, before the anchor's item or after it
                    s0 = _item_start(text, anchor.start)
                    sentence = _anchor_sentence(text, anchor)
                    own = _segment_own(claim, text, word, kind, said, s0, anchor.end, sentence, "")
                    if own is not None:
                        figure, at = own
                        return _contradicted(claim, paragraph, figure, at, kind, Verdict)
                    continue
                if listed:
                    own = _listed_own(claim, text, anchor, word, kind)
                    if own is not None:
                        figure, at = own
                        return _contradicted(claim, paragraph, figure, at, kind, Verdict)
                    continue
                if _said(word, kind, before) or not _other_of_kind(word, kind, before):
                    continue
                if kind == "地点" and not any(p != word and _stem(word) not in p for p in _clause_places(before)):
                    continue  # places are parallel subjects where each opens its clause: "松北区…实现旅游收入438.7亿元"
                # the claim's subject in the paragraphs of this page: this one (after its anchor's sentence), the retrieved
                # ones, and the article before it (then cited as the paragraph read)
                s0 = _sentence_start(text, anchor.start)
                sentence = _anchor_sentence(text, anchor)
                pages = [(paragraph, text, s0, anchor.end, sentence)] + [(h.paragraph, h.paragraph.text, -1, -1, None) for h in read
                                                            if h.paragraph.source == paragraph.source and h.paragraph.number != paragraph.number]
                for page_paragraph, page_text, skip_from, skip_to, parallel in pages:
                    own = _segment_own(claim, page_text, word, kind, said, skip_from, skip_to, parallel, _after_tail(clause, said))
                    if own is not None:
                        figure, at = own
                        return _contradicted(claim, page_paragraph, figure, at, kind, Verdict)
    return None


_SENTENCE_END = re.compile(r"[。！？!?]")
SENTENCE_BACK = 200


_ITEM_SEP = re.compile(r"[，,；;：:、。！？!?\n]")
_ITEM_LEAD = re.compile(r"^(?:其中|今年|去年|全年|同期)+")


def _item_start(text: str, at: int) -> int:
    return max((m.end() for m in _ITEM_SEP.finditer(text, 0, at)), default=0)


def _bare_item(before: str) -> "tuple[str, str] | None":
    """The anchor's item of a roundup names only its place before its figure, the measure said once by the list's lead
    (switch ``own_subject_item``): "其中，留坝县优良天数达362天，居全市首位；…洋县340天；城固县331天" reads 洋县's 340天 as
    优良天数. Its words before the figure are the place and at most a short verb the lead says too ("新增": "大理市新增公办学位
    4350个…；祥云县新增2160个"). Its place has no scope or pointer word anywhere in it (``parallel_measure.NOT_A_PLACE_NAME``,
    as a roundup item's place for ``bare_item_measure``): "…增长8.4%，居全市首位", "…，覆盖全县" open no item. (The place, the
    item's words) or None."""
    start = _item_start(before, len(before))
    words = before[start:]
    rest = _ITEM_LEAD.sub("", words)
    named = [p for p in list(places_in(rest)) + _opening_places(rest) if rest.startswith(p) and _level(p)]
    if not named or start == 0:
        return None
    place = max(named, key=len)
    if NOT_A_PLACE_NAME.search(place):
        return None
    between = _REACHING.sub("", rest[len(place):])
    if len(between) > _ELIDED or (between and between not in before[:start]):
        return None
    return place, words


def _unsaid(claim: Claim, subjects, text: str) -> bool:
    """A word of the claim before its figure (two characters or more, not one of its subjects) that ``text`` does not say."""
    import jieba

    before = claim.sentence[:claim.stated_start - claim.sentence_start]
    for word, _ in subjects:
        before = before.replace(word, "，")
    before = _PERIOD_WORD.sub("，", before)
    return any(len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) and w not in text and not _REACHING.fullmatch(w)
               and w not in _FILLER for w in jieba.cut(before))


_FILLER = {"今年", "去年", "全年", "同比", "其中", "共有", "已经", "以上", "左右", "当天", "期间"}


def _unsaid_measure(claim: Claim, word: str, said: str) -> bool:
    """A word of the claim between its subject and its figure (two characters or more, no place or period) unsaid in ``said``."""
    import jieba

    before = claim.sentence[:claim.stated_start - claim.sentence_start]
    at = before.find(word)
    between = _PERIOD_WORD.sub("，", before[at + len(word):] if at >= 0 else before)
    places = list(places_in(between)) + _opening_places(between)
    for place in places:
        between = between.replace(place, "，")
    return any(len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w) and w not in said and not _REACHING.fullmatch(w)
               and w not in _FILLER and not w.startswith("全") for w in jieba.cut(between))


def _said_tail(claim: Claim, text: str) -> "str | None":
    """The longest end (TAIL_MAX characters at most, TAIL at least) of the claim's measure words that ``text`` says."""
    before = _REACHING.sub("", claim.sentence[:claim.stated_start - claim.sentence_start])
    run = _MEASURE_CHARS.search(before)
    run = run.group() if run else ""
    for width in range(min(TAIL_MAX, len(run)), TAIL - 1, -1):
        if run[-width:] in text:
            return run[-width:]
    return None


def _opens_clause(text: str, start: int) -> bool:
    """The word at ``start`` opens a clause or sentence (a period word or 其中 may stand before it: "其中，上半年…", "2026年元旦…")."""
    head = _LEADING.sub("", text[max(0, start - 12):start])
    return not head or head[-1] in "，,；;：:、。！？!?\n"


_LEADING = re.compile(r"(?:今年|去年|其中|同期|(?:19|20)\d\d年)+$")


def _sentence_before(lead: str, text: str, at: int) -> str:
    """The words of the anchor's sentence before it, read back into the article before its paragraph ("\n" joins)."""
    joined = (lead + text[:at]).replace("\n", "")[-SENTENCE_BACK:]
    return joined[max((m.end() for m in _SENTENCE_END.finditer(joined)), default=0):]


_ELIDED = 4  # characters at most between a listed subject and its figure, the measure left unsaid: "；君山区查办76起"
_ITEM_OPENS = re.compile(r"[，,；;：:、]$")


def _after_tail(clause: str, tail: str) -> str:
    """The words between the measure words and the figure, the words of reaching left off ("保有量" of "…汽车保有量")."""
    return _REACHING.sub("", clause[clause.rfind(tail) + len(tail):]) if tail in clause else ""


def _segment_own(claim: Claim, text: str, word: str, kind: str, tail: str, skip_from: int, skip_to: int, parallel=None,
                 after: str = ""):
    """The figure under the claim's measure words in the clauses the article opens with the claim's subject (up to the end of
    their sentence, or a subject of the same kind named after it). In the anchor's own sentence (``parallel``, its bounds), an
    item of a list of subjects says its figure right after the subject, the measure said once (switch ``own_subject_elided``):
    "分县市区看，岳阳县查办非法捕捞案件98起，居全市首位；君山区查办76起；华容县查办64起"."""
    for m in re.finditer(re.escape(word), text):  # (the place in full: "重庆" is not "重庆北站")
        if skip_from <= m.start() < skip_to or not _opens_clause(text, m.start()):
            continue
        end = _SEGMENT_END.search(text, m.end())
        end = end.start() if end else len(text)
        for figure in find_figures(text[m.end():end]):
            at = m.end() + figure.start
            if figure.kind != "figure" or not units_match(claim.figure, figure):
                continue
            if _other_of_kind(word, kind, text[m.end():at]):
                break  # the segment has passed on to another subject
            if kind == "时间" and any(p not in claim.sentence and not p.startswith(("全", "各", "该", "本"))
                                     for p in [q for q in places_in(text[m.end():at]) if _level(q)] + _opening_places(text[m.end():at])):
                break  # the period's clause tells of a place the claim does not name: "上半年，通州湾港区…"
            if not _measured(text, at, tail) and not _elided(text, m.start(), m.end(), at, parallel):
                continue
            if _measured(text, at, tail) and _after_tail(text[_clause_start(text, at):at], tail) != after:
                continue  # "新能源汽车保有量21.3万辆" measures 保有量, not "新注册登记新能源汽车2.9万辆"
            in_sentence = parallel is not None and parallel[0] <= m.start() and at < parallel[1]
            if not in_sentence and ingredient_on("own_subject_words") and _unsaid_measure(claim, word, text[m.start():at]):
                continue  # (a sentence of its own must say all the claim's measure: "营收同比增长", not "同比增长" alone)
            if value_satisfies(claim.figure, figure):
                return None  # the claim's subject has the claim's value too
            return figure, at
    return None


def _elided(text: str, start: int, end: int, at: int, parallel) -> bool:
    """The subject at ``start:end`` opens an item of the anchor's sentence and its figure follows it at once."""
    if parallel is None or not ingredient_on("own_subject_elided") or not (parallel[0] <= start and at < parallel[1]):
        return False
    between = _REACHING.sub("", text[end:at])
    return (len(between) <= _ELIDED and not _CLAUSE_END.search(between)
            and (start == parallel[0] or _ITEM_OPENS.search(text[max(0, start - 1):start]) is not None))


def _contradicted(claim: Claim, paragraph: "Paragraph", figure, at: "int | None", kind: str, Verdict) -> "Verdict":
    """``at`` None: the figure stands in the article before ``paragraph``, which is cited."""
    what = f"{claim.stated}是另一{'地点' if kind == '地点' else '时期'}的数字"
    if at is None:
        return Verdict(CONTRADICTED, f"资料写的是{figure.written}，而不是{claim.stated}（{kind}不同：{what}）。",
                       found=figure.written, differs=kind, related=(paragraph,))
    end = at + (figure.end - figure.start)
    written = paragraph.text[at:end]
    said = paragraph.text[_clause_start(paragraph.text, at):end]
    return Verdict(CONTRADICTED, f"资料写的是“{said}”：{written}，而不是{claim.stated}（{kind}不同：{what}）。",
                   found=written, differs=kind, evidence=((paragraph, at, end),))


def enabled() -> bool:
    return ingredient_on("own_subject")
