"""Putting it together: one source file's text parsed into articles and paragraphs, dated and set by the page's
masthead, datelines and leads."""
from __future__ import annotations

import bisect
import datetime as dt
import logging
import re
from dataclasses import replace

from ..schema import Article, Paragraph
from ..briefs import brief_setting, is_brief, is_brief_column
from ..calendar_words import iso_day
from ..dateline import dateline_day, dateline_level
from ..masthead import Masthead, paper_line, paper_place, read_masthead
from ..setting import article_settings, whole_year_reported
from ..ingest_switches import switched_off as _layout_off
from .articles import (Draft, TermWeights, assign_articles, is_deck_line, match_orphan_headlines, misplaced_copies,
                       repeated_texts)
from .text import BOM, has_content
from .units import BODY, BYLINE, DATELINE, END_DATELINE, FULL_DATE, HEADING, HEADLINE, Unit, read_units, rejoin

log = logging.getLogger(__name__)


SECTION_SEPARATOR = "｜"  # between an article title and a section heading in Paragraph.title

_TRUNCATED_REPEAT_MIN_CHARS = 8


def parse_source(source: str, text: str) -> tuple[list[Article], list[Paragraph]]:
    """Articles and cleaned paragraphs of one decoded file; offsets index ``text``.

    A byte order mark at the start of ``text`` (a file decoded as plain UTF-8)
    is not part of any paragraph, but it is counted: offsets stay indices into
    ``text`` as given, i.e. into the file as every reader of UTF-8 sees it.
    """
    if text.startswith(BOM):
        articles, paragraphs = _parse_source(source, text[len(BOM):])
        shift = len(BOM)
        return ([replace(a, start=a.start + shift, end=a.end + shift) for a in articles],
                [replace(p, start=p.start + shift, end=p.end + shift) for p in paragraphs])
    return _parse_source(source, text)


def _parse_source(source: str, text: str) -> tuple[list[Article], list[Paragraph]]:
    units = rejoin(text, read_units(text))
    repeated = repeated_texts(units)
    weights = TermWeights(units)
    drafts, orphans = assign_articles(units, weights, repeated)
    for orphan in match_orphan_headlines(drafts, orphans):
        if orphan.extras:  # a headline with a byline but no body found: keep the byline
            draft = Draft(orphan.title(), heading_units=list(orphan.heads))
            for extra in orphan.extras:
                draft.add(extra)
            drafts.append(draft)
        else:  # no text is lost: a short line that heads nothing (a page's list of headlines,
            # an unpunctuated line of notes) is kept as a paragraph of its own
            log.debug("%s: headline %r heads no article found in the file; kept as text", source, orphan.title())
            draft = Draft(None)
            for head in orphan.heads:
                draft.add(replace(head, kind=BODY))
            drafts.append(draft)

    mastheads = _mastheads(units)
    page_of = [_page_masthead(draft, mastheads) for draft in drafts]
    dates = [_article_date(draft) or (page.date if page else _results_date(draft)) for draft, page in zip(drafts, page_of)]
    by_references = not _layout_off("paper_level")
    paper_places = [paper_place(page.paper, text, by_references) if page else None for page in page_of]
    settings = article_settings([(draft.title, _lead_text(draft)) for draft in drafts], paper_places)
    if not _layout_off("page_year"):
        dates = _page_dates(drafts, dates, settings, page_of)
    placed: list[tuple[Unit, str | None, int]] = []  # unit, paragraph title, draft index
    for index, draft in enumerate(drafts):
        for unit, section in zip(draft.units, draft.sections):
            title = draft.title
            if section:
                # The subtitle gives way to the section heading: a shorter title shared by fewer chunks.
                headline = draft.headline or draft.title
                title = f"{headline}{SECTION_SEPARATOR}{section}" if headline else section
            placed.append((unit, title, index))
    placed.sort(key=lambda item: item[0].start)
    dropped_copies = misplaced_copies(placed, drafts, repeated, weights)

    joined = re.sub(r"\s", "", text)  # the page's words across its hard-wrapped lines, for a dateline's level
    levelled: dict[str, str] = {}  # each setting place read against the page once, not once per paragraph

    def with_level(place: str) -> str:
        if place not in levelled:
            levelled[place] = dateline_level(place, joined)
        return levelled[place]

    paragraphs: list[Paragraph] = []
    kept_texts: list[str] = []
    spans_by_draft: dict[int, list[tuple[int, int]]] = {}
    for unit, title, index in placed:
        if unit.start in dropped_copies or not has_content(unit.text) or _is_repeat(unit.text, kept_texts):
            continue
        bisect.insort(kept_texts, unit.text)
        raw = text[unit.start:unit.end]
        number = len(paragraphs) + 1
        setting = settings[index]
        if (is_brief(unit.text) or is_brief_column(drafts[index].title)) and not _layout_off("brief_column"):
            setting = brief_setting(unit.text, setting, paper_places[index])  # each brief of a column its own report
        if setting and not _layout_off("dateline_level"):
            setting = " ".join(dict.fromkeys(with_level(place) for place in setting.split()))
        paragraphs.append(Paragraph(source, title, number, unit.start, unit.end, unit.text, raw, dates[index], setting))
        spans_by_draft.setdefault(index, []).append((unit.start, unit.end))

    articles: list[Article] = []
    for index, draft in enumerate(drafts):
        spans = spans_by_draft.get(index)
        if not spans:
            continue  # every paragraph was a repeat
        spans += [(head.start, head.end) for head in draft.heading_units]
        articles.append(Article(source, draft.title, min(s for s, _ in spans), max(e for _, e in spans), dates[index]))
    articles.sort(key=lambda article: article.start)
    return articles, paragraphs


def _is_repeat(text: str, kept_sorted: list[str]) -> bool:
    """An exact repeat of an earlier paragraph, or one cut short by the page end.

    ``kept_sorted`` holds the earlier texts in sorted order: texts that start
    with ``text`` sort right at its insertion point.
    """
    at = bisect.bisect_left(kept_sorted, text)
    if at == len(kept_sorted):
        return False
    following = kept_sorted[at]
    return following == text or (len(text) >= _TRUNCATED_REPEAT_MIN_CHARS and following.startswith(text))


def _mastheads(units: list[Unit]) -> list[tuple[int, Masthead]]:
    """The masthead lines of a file (one per printed page it holds), with where each stands. A paper's name
    printed alone on the line above the date line ("大理日报" / "2026年5月7日 星期四 第3版") is its paper's."""
    found = []
    for at, unit in enumerate(units):
        if unit.kind in (BODY, HEADLINE, HEADING) and "\n" not in unit.text:
            masthead = read_masthead(unit.text)
            if masthead is not None:
                above = units[at - 1] if at > 0 else None
                paper = paper_line(above.text) if above is not None and "\n" not in above.text else None
                if masthead.paper is None and paper and not _layout_off("paper_line"):
                    masthead = replace(masthead, paper=paper)
                found.append((unit.start, masthead))
    return found


def _page_masthead(draft: Draft, mastheads: list[tuple[int, Masthead]]) -> Masthead | None:
    """The masthead of the page a draft is printed on: the last one above its first line (the only one
    of the file when the draft stands above it, as a footer line is read)."""
    if not mastheads or not draft.units:
        return None
    start = min(unit.start for unit in draft.units + draft.heading_units)
    above = [masthead for at, masthead in mastheads if at <= start]
    if above:
        return above[-1]
    return mastheads[0][1] if len(mastheads) == 1 else None


_PAGE_SPAN_DAYS = 120  # how far apart the days of one printed page's reports may lie (a weekly page, a writer's page)
_OWN_YEAR_FROM_MONTH = 7
_SETTING_YEAR = re.compile(r"(?:^| )((?:19|20)\d\d)年(?: |$)")


def _page_dates(
    drafts: list[Draft], dates: list[str | None], settings: list[str | None], page_of: list[Masthead | None]
) -> list[str | None]:
    """The dates of a page's reports that give a day without its year ("本报讯（记者…）4月8日，…今年一季度"), from
    the other reports printed on the same page: a page is one issue, so its reports are of one year. What a page
    says of its year: a date it prints (a masthead, a dateline with its year, a whole year's report dated the year
    after), or a lead of the year's second half that names the year of what it reports on that day ("10月26日，
    2025年…招聘会…举行"). A report
    takes the year that puts its day nearest those dates; a page whose dates lie further apart than a season
    (two issues in one file) or name two years with no day between them dates nothing."""
    pages = [id(page) if page is not None else 0 for page in page_of]
    known: dict[int, list[dt.date]] = {}
    for index, draft in enumerate(drafts):
        page = pages[index]
        when = iso_day(dates[index])
        if when is None:
            lead = _lead_text(draft) or ""
            day = dateline_day(lead)
            years = _SETTING_YEAR.findall(settings[index] or "")
            # a lead of the year's second half names its own year; earlier in a year, "2025年，…" may open the
            # report of the year before's results (printed 2026年1月22日), with or without 同比
            if day and day[0] >= _OWN_YEAR_FROM_MONTH and len(years) == 1 and whole_year_reported(lead) is None:
                when = _day_of(int(years[0]), *day)
        if when is not None:
            known.setdefault(page, []).append(when)
    out = list(dates)
    for index, draft in enumerate(drafts):
        seen = known.get(pages[index])
        if dates[index] or not seen or (max(seen) - min(seen)).days > _PAGE_SPAN_DAYS:
            continue
        day = dateline_day(_lead_text(draft) or "")
        if not day:
            continue
        middle = min(seen) + (max(seen) - min(seen)) / 2
        choices = [when for year in (middle.year - 1, middle.year, middle.year + 1) if (when := _day_of(year, *day))]
        nearest = min(choices, key=lambda when: abs((when - middle).days), default=None)
        if nearest is not None and all(abs((nearest - when).days) <= _PAGE_SPAN_DAYS for when in seen):
            out[index] = nearest.isoformat()
    return out


def _day_of(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _results_date(draft: Draft) -> str | None:
    """The date of a report whose dateline gives a day without its year ("本报福鼎1月30日讯") and whose lead
    reports a whole year's results ("2025年，福鼎市实现渔业产值…同比增长6.2%"): the day of the year after."""
    lead = _lead_text(draft)
    day = dateline_day(lead or "")
    year = whole_year_reported(lead) if day else None
    if not day or year is None:
        return None
    month, dom = day
    if not (1 <= month <= 12 and 1 <= dom <= 31):
        return None
    return f"{year + 1:04d}-{month:02d}-{dom:02d}"


def _lead_text(draft: Draft) -> str | None:
    """The article's first paragraph of text (its dateline paragraph, or its first body paragraph); deck
    lines printed above the dateline are part of the headline, not the lead."""
    leading = 0
    while leading < len(draft.units) and (is_deck_line(draft.units[leading]) or draft.units[leading].kind == BYLINE):
        leading += 1
    if 0 < leading < len(draft.units) and draft.units[leading].kind in (DATELINE, BODY) and not _layout_off("deck_line"):
        return draft.units[leading].text
    for unit in draft.units:
        if unit.kind in (DATELINE, BODY):
            return unit.text
    return None


def _article_date(draft: Draft) -> str | None:
    """ISO date from a dateline that gives the year ("新华社北京2025年1月26日电"); most give none."""
    for unit in draft.units:
        if unit.kind in (DATELINE, END_DATELINE):
            match = FULL_DATE.search(unit.text[:40])
            if match:
                year, month, day = (int(part) for part in match.groups())
                if 1 <= month <= 12 and 1 <= day <= 31:
                    return f"{year:04d}-{month:02d}-{day:02d}"
    return None
