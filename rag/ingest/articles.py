"""Articles: units assigned to the articles they belong to (headlines, datelines, section headings, jumps between
pages, articles broken off by another and resumed), and the repeats of a page told apart."""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from ..briefs import is_brief, is_brief_column
from ..places import pos_cut
from ..setting import places_named
from ..ingest_switches import switched_off as _layout_off
from .text import has_content, is_han
from .units import (AUTHOR_NOTE, BODY, BYLINE, CAPTION, DATELINE, EMPTY, END_DATELINE, HEADING, HEADLINE, JUMP, MARKER,
                    NAME_ONLY, SUBTITLE, Unit, ends_sentence)


@dataclass
class Draft:
    """An article being assembled."""

    title: str | None
    headline: str | None = None  # the title without its subtitle, used in front of a section heading
    units: list[Unit] = field(default_factory=list)
    sections: list[str | None] = field(default_factory=list)  # section heading per unit
    heading_units: list[Unit] = field(default_factory=list)  # headlines printed before the body
    closed: bool = False
    section: str | None = None
    credited: bool = False  # a headline over a dateline or byline: a news article, not a loose heading

    def add(self, unit: Unit) -> None:
        self.units.append(unit)
        self.sections.append(self.section)

    def text_grams(self, last: int | None = None) -> set[str]:
        """Bigrams of its (section) title and its paragraphs so far, or only the ``last`` few:
        the text a next paragraph would follow."""
        grams = _bigrams(f"{self.title or ''}{self.section or ''}")
        for unit in self.units[-last:] if last else self.units:
            grams |= _bigrams(unit.text)
        return grams

    def dangles(self) -> bool:
        """Its last paragraph is prose that breaks off mid-sentence ("…取得长足进步，为"):
        the rest of the article is further down the page."""
        if self.closed or not self.units:
            return False
        last = self.units[-1]
        if last.kind not in (BODY, DATELINE) or last.keep_hard_breaks:  # "key:value" lines are no prose
            return False
        if last.text.endswith("等"):  # "…清淤、护岸、绿化等" closes a list: a lost 。, not a break
            return False
        return is_han(last.text[-1]) or last.text[-1] in "，、,"


@dataclass
class _HeadGroup:
    """Headline units (and the bylines or captions under them) not yet attached to a body."""

    heads: list[Unit] = field(default_factory=list)
    extras: list[Unit] = field(default_factory=list)

    def title(self) -> str | None:
        title = ""
        for head in self._title_heads():
            title += head.title_text if not title or head.kind == SUBTITLE else " " + head.title_text
        return title or None

    def _title_heads(self) -> list[Unit]:
        """The main headline and its subtitles; a deeper markdown heading after them is a section."""
        heads = []
        for head in self.heads:
            if heads and head.kind == HEADING and head.heading_level > heads[0].heading_level > 0:
                break
            heads.append(head)
        return heads

    def section(self) -> str | None:
        rest = self.heads[len(self._title_heads()):]
        return " ".join(head.title_text for head in rest) or None


def assign_articles(
    units: list[Unit], weights: TermWeights, repeated: frozenset[str]
) -> tuple[list[Draft], list[_HeadGroup]]:
    """Units to articles, in file order.

    A page layout interleaves articles: the end of article A can stand after
    the block of article B. An article whose last paragraph broke off
    mid-sentence when another began is *interrupted*; a later body paragraph
    that would run on in the current article goes back to an interrupted one
    instead when it fits the text where that one broke off clearly better
    (``_resumed_article``). Texts the layout printed more than once
    (``repeated``) say nothing about where they belong and never trigger a
    return; ``misplaced_copies`` picks their place afterwards.
    """
    drafts: list[Draft] = []
    orphans: list[_HeadGroup] = []
    pending: _HeadGroup | None = None
    current: Draft | None = None
    interrupted: list[Draft] = []
    jumped: list[Draft] = []  # articles closed by "（下转第X版）", awaiting their "（上接…）" part
    continued = False
    # a document with markdown headings is written in order: its paragraphs are never moved back
    laid_out = not any(unit.kind == HEADING and unit.heading_level > 0 for unit in units)

    def leave(draft: Draft | None) -> None:
        if draft is not None and draft.dangles() and draft not in interrupted:
            interrupted.append(draft)
            del interrupted[:-_MAX_INTERRUPTED]

    def start_article(group: _HeadGroup | None, first: Unit) -> Draft:
        leave(current)
        draft = Draft(group.title() if group else None)
        if group:
            draft.headline = group.heads[0].title_text
            draft.heading_units = list(group.heads)
            draft.section = group.section()
            draft.credited = first.kind == DATELINE or any(extra.kind == BYLINE for extra in group.extras)
            for extra in group.extras:
                draft.add(extra)
        drafts.append(draft)
        return draft

    heads_in_a_row = 0  # headline groups since the last other unit
    lead_in: _HeadGroup | None = None
    for unit in units:
        kind = unit.kind
        if kind == EMPTY:
            continued = continued or unit.continues_article  # "（上接第一版）" alone: the next paragraph rejoins
            continue
        if kind == END_DATELINE and pending is not None:
            kind = DATELINE  # "新华社北京…电（记者 …）" on its own line right under a headline opens the article
        if kind == HEADLINE and pending is not None and not pending.extras and NAME_ONLY.match(unit.text):
            pending.extras.append(unit)  # "郝炜", "苏彦升": the author's name under the headline
            continue
        if kind in (HEADLINE, HEADING, SUBTITLE):
            in_open_article = current is not None and not current.closed and current.units
            if kind == HEADING and unit.heading_level >= 3 and pending is None and in_open_article:
                current.section = unit.title_text  # a section inside the current article
                continue
            if pending is not None and _continues_head_group(pending, unit):
                pending.heads.append(unit)
                continue
            if pending is not None:
                orphans.append(pending)
            # a headline right under another one, the first alone (no byline, no third headline
            # before it), is the headline's second line printed apart: "青岚春节假期接待游客…"
            # over "旅游收入同比增长16.8%" (joined when an article starts under them)
            lead_in = pending if pending is not None and heads_in_a_row == 1 and _lone_headline(pending) else None
            heads_in_a_row += 1
            pending = _HeadGroup([unit])
            continue
        heads_in_a_row = 0
        if kind in (BYLINE, CAPTION) and pending is not None:
            pending.extras.append(unit)
            continue
        if kind == MARKER:
            if current is not None:
                current.closed = True
                if JUMP.match(unit.text):
                    jumped.append(current)
            continue
        if kind == BODY and pending is not None and _is_section_heading(pending, current, unit, weights):
            current.section = pending.title()
            current.heading_units.extend(pending.heads)
            pending = None
        elif kind == BODY and (unit.continues_article or continued) and pending is None and jumped:
            leave(current)
            current = jumped.pop()  # "（上接第一版）…": the rest of the article that jumped pages
            current.closed = False
        elif kind == DATELINE and pending is None and _decked(current) and not _layout_off("deck_line"):
            current.credited = True  # "德州东站去年发送旅客…" / "同比增长6.8%，单日…" / "本报讯…": the deck's article
        elif kind == DATELINE and pending is None and _headline_before(current) and not _layout_off("comma_headline"):
            head = current.units.pop()  # "临邑：县城“长高”了，也“变美”了" / "本报讯…": the next article's headline
            current.sections.pop()
            head = replace(head, kind=HEADLINE, title_text=head.text)
            current = start_article(_HeadGroup([head]), unit)
            pending = None
        elif kind == DATELINE or pending is not None or current is None or current.closed:
            if (pending is not None and lead_in is not None and orphans and orphans[-1] is lead_in and _one_headline(pending)
                    and _reads_as_one_headline(lead_in.heads[0].text, pending.heads[0].text)):
                orphans.remove(lead_in)
                pending.heads[:0] = lead_in.heads
            current = start_article(pending, unit)
            pending = None
        elif kind == BODY and laid_out and interrupted and unit.text not in repeated:
            resumed = _resumed_article(unit, current, interrupted, weights)
            if resumed is not None:
                interrupted.remove(resumed)
                leave(current)
                current = resumed
        continued = False
        current.add(unit)
        if kind in (END_DATELINE, AUTHOR_NOTE) or unit.closes_article:
            current.closed = True
            if unit.closes_article:
                jumped.append(current)
    if pending is not None:
        orphans.append(pending)
    return drafts, orphans


_DECK_MAX_CHARS = 48  # a deck line under a headline: "同比增长6.8%，单日发送量最高突破6万人次"
_COMMA_HEADLINE_MAX_CHARS = 30  # a headline holding a comma: "临邑：县城“长高”了，也“变美”了"


def is_deck_line(unit: Unit) -> bool:
    """A line printed as a headline's deck or as a headline with a comma: one short line of text that ends
    no sentence (a headline's comma makes it read as body text)."""
    return (unit.kind == BODY and "\n" not in unit.text and len(unit.text) <= _DECK_MAX_CHARS
            and not ends_sentence(unit.text) and not unit.text.endswith(("，", "、", ",")))


def _decked(current: Draft | None) -> bool:
    """Whether the open article holds only its headline and the deck lines under it ("德州东站去年发送旅客
    1286.4万人次" over "同比增长6.8%，单日发送量最高突破6万人次"): the dateline that follows opens its text,
    not an article of its own."""
    return (current is not None and not current.closed and current.headline is not None
            and 0 < len(current.units) <= 2 and all(is_deck_line(unit) for unit in current.units))


def _headline_before(current: Draft | None) -> bool:
    """Whether the open article's last paragraph is a short line ending no sentence, after prose: right above
    a dateline it is the next article's headline, printed with a comma ("临邑：县城“长高”了，也“变美”了")."""
    if current is None or current.closed or len(current.units) < 2:
        return False
    last = current.units[-1]
    return is_deck_line(last) and len(last.text) <= _COMMA_HEADLINE_MAX_CHARS and ends_sentence(current.units[-2].text)


def _one_headline(group: _HeadGroup) -> bool:
    return len(group.heads) == 1 and group.heads[0].kind == HEADLINE and not group.heads[0].heading_level


_NAME_FLAGS = ("ns", "nt", "nr", "nz")  # jieba's flags of places, organisations and names
_HEADLINE_CHARS = 40  # two printed lines of one headline fit in this


def _reads_as_one_headline(first: str, second: str) -> bool:
    """Whether two stacked headlines are one headline printed on two lines ("青岚春节假期接待游客
    286.5万人次" over "旅游收入同比增长16.8%"), not two articles' headlines ("全省春耕备耕有序推进"
    over "青岚县人民医院新院区投入使用"): they share a word, or the second names no place,
    organisation or person of its own (it goes on about the first one's), or the first has no
    verb (it is not a headline alone) and together they fit one headline."""
    first_words, second_words = pos_cut(first), pos_cut(second)
    if {w for w, _ in first_words if len(w) >= 2} & {w for w, _ in second_words if len(w) >= 2}:
        return True
    own_names = [w for w, flag in second_words if flag.startswith(_NAME_FLAGS) and w not in first]
    if not own_names and not places_named(second):
        return True
    return not any(flag.startswith("v") for _, flag in first_words) and len(first) + len(second) <= _HEADLINE_CHARS


def _lone_headline(group: _HeadGroup) -> bool:
    return not group.extras and _one_headline(group)


def _continues_head_group(group: _HeadGroup, unit: Unit) -> bool:
    """A subtitle, or a deeper markdown heading, right under a headline belongs to it."""
    if group.extras:
        return False
    if unit.kind == SUBTITLE:
        return True
    last = group.heads[-1]
    return unit.kind == HEADING and last.kind in (HEADING, SUBTITLE) and unit.heading_level > group.heads[0].heading_level > 0


def _is_section_heading(group: _HeadGroup, current: Draft | None, body: Unit, weights: TermWeights) -> bool:
    """A printed headline that leads straight into body text, with no dateline or byline of
    its own, while a news article (one whose headline stood over a dateline or byline) is
    still running, is a heading inside that article ("开新局 管理向“新”" in a feature), not
    a new article: a new article opens with a dateline or byline, or after the running one
    has ended. Markdown headings carry their level and are left to it; loose headings in a
    plain document ("一、总体情况", "二、主要问题") stay titles of their own. The text under it
    must go on with the running article's topic: an uncredited article of its own
    ("乙县举办农民丰收节" after "甲县推进河道治理") shares none."""
    if current is None or current.closed or not current.credited or not current.units or group.extras:
        return False
    if (is_brief_column(group.title()) or is_brief(body.text)) and not _layout_off("brief_column"):
        return False  # "经济简讯" over "全市新增…　记者从…": a column of briefs, no section of the article above it
    if is_deck_line(body) and not _layout_off("deck_line"):
        return False  # "公交线网“织”得更密了" over "全市公交去年新开线路12条，年客运量…": a headline and its deck
    if not all(head.kind in (HEADLINE, SUBTITLE) and not head.heading_level for head in group.heads):
        return False
    return weights.fit(_bigrams(body.text), current.text_grams()) >= _MIN_SECTION_FIT


_MIN_TITLE_MATCH = 0.34  # share of a headline's character bigrams found in the article


def _bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def match_orphan_headlines(drafts: list[Draft], orphans: list[_HeadGroup]) -> list[_HeadGroup]:
    """Give headlines listed apart from their articles (end of page) to the untitled articles.

    Greedy on the share of the headline's character bigrams that occur in
    the article: headlines restate the article's key terms ("316名干部",
    "石榴籽杯", "开门红"). Returns the headlines that found no article.
    """
    untitled = {d: _bigrams("".join(unit.text for unit in draft.units)) for d, draft in enumerate(drafts) if draft.title is None}
    scored = []
    for o, orphan in enumerate(orphans):
        grams = _bigrams(orphan.title() or "")
        for d, body in untitled.items() if grams else ():
            scored.append((len(grams & body) / len(grams), o, d))
    used_orphans: set[int] = set()
    used_drafts: set[int] = set()
    for score, o, d in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if score < _MIN_TITLE_MATCH or o in used_orphans or d in used_drafts:
            continue
        used_orphans.add(o)
        used_drafts.add(d)
        draft, orphan = drafts[d], orphans[o]
        draft.title = orphan.title()
        for extra in orphan.extras:  # e.g. the byline printed under the end-of-page headline
            draft.add(extra)
    return [orphan for o, orphan in enumerate(orphans) if o not in used_orphans]


# ---------------------------------------------------------------------------
# Interleaved articles: which article a displaced block belongs to
# ---------------------------------------------------------------------------


class TermWeights:
    """How distinctive each character bigram is within one file.

    A bigram found in few of the file's paragraphs ("阳台", "噪声", "治理")
    names a place or a topic and tells articles apart; one found in many
    ("发展", "工作") does not. Weight: log inverse paragraph frequency.
    """

    def __init__(self, units: list[Unit]) -> None:
        texts = {unit.text for unit in units if unit.kind != EMPTY and has_content(unit.text)}
        counts: dict[str, int] = {}
        for text in texts:
            for gram in _bigrams(text):
                counts[gram] = counts.get(gram, 0) + 1
        self._weight = {gram: math.log((len(texts) + 1) / count) for gram, count in counts.items()}

    def shared(self, grams: set[str], other: set[str]) -> float:
        """Total weight of the bigrams two texts have in common."""
        return sum(self._weight.get(gram, 0.0) for gram in grams & other)

    def fit(self, grams: set[str], other: set[str]) -> float:
        """Weighted overlap normalised by the size of ``other`` (cosine-like), so that a longer
        context does not win by length alone."""
        norm = math.sqrt(sum(self._weight.get(gram, 0.0) ** 2 for gram in other))
        return sum(self._weight.get(gram, 0.0) ** 2 for gram in grams & other) / norm if norm else 0.0


_MAX_INTERRUPTED = 6  # broken-off articles still waiting for their continuation (about one page's worth)
_CONTEXT_PARAGRAPHS = 2  # paragraphs before a break that a continuation is compared with
_RESUME_MARGIN = 1.5  # how much better the broken-off text must fit than the text the paragraph follows
_MIN_SECTION_FIT = 0.1  # how well the text under a section heading must fit its article (seeds: 0.12-1.6; another article: 0)


def _resumed_article(unit: Unit, current: Draft, interrupted: list[Draft], weights: TermWeights) -> Draft | None:
    """The interrupted article ``unit`` continues, or None when it runs on in ``current``.

    Compared locally: the text right before the break (the broken-off
    paragraph and the one before it, with the title) against the text
    ``unit`` directly follows. A continuation picks up the topic where it
    was cut ("…将鸡" / "笼移至阳台内侧…" after "…在阳台养鸡"), which the
    article's whole body would dilute.
    """
    grams = _bigrams(unit.text)
    here = weights.fit(grams, current.text_grams(_CONTEXT_PARAGRAPHS))
    best, best_fit = None, 0.0
    for draft in interrupted:
        fit = weights.fit(grams, draft.text_grams(_CONTEXT_PARAGRAPHS))
        if fit > best_fit:
            best, best_fit = draft, fit
    return best if best_fit > _RESUME_MARGIN * here else None


def repeated_texts(units: list[Unit]) -> frozenset[str]:
    """Texts of paragraphs the layout printed more than once in the file."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for unit in units:
        if unit.kind in (EMPTY, HEADLINE, HEADING, SUBTITLE) or not has_content(unit.text):
            continue
        (repeated if unit.text in seen else seen).add(unit.text)
    return frozenset(repeated)


def misplaced_copies(
    placed: list[tuple[Unit, str | None, int]], drafts: list[Draft], repeated: frozenset[str], weights: TermWeights
) -> set[int]:
    """Start offsets of the copies of repeated paragraphs to drop.

    The layout can print a block twice, once amid another article. Each copy,
    with the repeated paragraphs printed next to it, is compared with the
    headings and lead of the article (and section) it stands in: the title,
    the section heading, their first paragraphs. The copy that shares most of
    their distinctive terms is kept; on a tie, the first. ``placed`` is in
    file order: (unit, title, draft index).
    """
    if not repeated:
        return set()
    block_grams: dict[int, set[str]] = {}  # unit start -> bigrams of its run of repeated paragraphs
    run: list[Unit] = []
    run_draft = -1
    for unit, _, index in [*placed, (None, None, -1)]:
        if unit is not None and unit.text in repeated and run and index == run_draft:
            run.append(unit)
            continue
        grams = set().union(*(_bigrams(member.text) for member in run))
        block_grams.update((member.start, grams) for member in run)
        run, run_draft = ([unit], index) if unit is not None and unit.text in repeated else ([], -1)

    sections = {id(unit): section for draft in drafts for unit, section in zip(draft.units, draft.sections)}
    copies: dict[str, list[tuple[Unit, int]]] = {}
    for unit, _, index in placed:
        if unit.text in repeated:
            copies.setdefault(unit.text, []).append((unit, index))
    dropped: set[int] = set()
    for group in copies.values():
        scores = [
            weights.shared(block_grams[unit.start], _heading_and_lead(drafts[index], sections[id(unit)], repeated))
            for unit, index in group
        ]
        keep = max(range(len(group)), key=lambda k: (scores[k], -k))
        dropped.update(unit.start for k, (unit, _) in enumerate(group) if k != keep)
    return dropped


def _heading_and_lead(draft: Draft, section: str | None, repeated: frozenset[str]) -> set[str]:
    """Bigrams of an article's title, a section heading, and the first paragraph of each."""
    text = f"{draft.title or ''}{section or ''}"
    prose = [
        (unit, unit_section)
        for unit, unit_section in zip(draft.units, draft.sections)
        if unit.kind in (BODY, DATELINE) and unit.text not in repeated
    ]
    leads = prose[:1] + [item for item in prose if section and item[1] == section][:1]
    return _bigrams(text + "".join(unit.text for unit, _ in leads))


