"""Lines, blocks and units: a page's lines grouped into blocks, cut where a line break is a real paragraph break, each
unit classified (headline, subtitle, dateline, byline, caption, marker, body), and paragraphs broken by a column or
page break rejoined."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..briefs import is_brief
from ..dateline import BYLINE as _BYLINE, DATELINE as _DATELINE
from ..ingest_switches import switched_off as _layout_off
from .text import clean_text, display_width, has_content, is_han, is_wide


@dataclass(frozen=True)
class _Line:
    start: int  # content offsets in the file, line terminator excluded
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def split_lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == len(text):
            break
        content = match.group().rstrip("\r\n")
        lines.append(_Line(match.start(), match.start() + len(content), content))
    return lines


def line_blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.stripped:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_MD_LIST_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)")
_KEY_VALUE = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]\S")
# A sentence ends at 。！？；!?; or a period (not a decimal point), an ellipsis, or a colon that
# introduces what follows, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"(?:[。！？；!?;：:]|(?<![0-9])\.|…)[”’」』）)\]】》]*$")
_SHORT_LINE_RATIO = 0.8  # a line this much narrower than its column ended its paragraph


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def split_block(text: str, block: list[_Line], page_layout: bool = True) -> list[list[tuple[int, int]]]:
    """Cut a block into units (lists of line spans) where a line break is a paragraph break.

    ``page_layout``: the text is a page layout or markdown (a seed file), where
    column width and markdown marks tell paragraph breaks; otherwise (plain
    prose) a line break after a sentence end is one.
    """
    stripped = [line.stripped for line in block]
    marked = any(_MD_HEADING.match(line.text) or _MD_LIST_ITEM.match(line.text) for line in block)
    if page_layout and not marked and _is_headline(stripped, "".join(stripped)):  # "3月1日！\n全省最大规模招聘会启幕" stays whole
        return [[_trimmed(text, line.start, line.end) for line in block]]
    if page_layout and not marked and _is_photo_caption(stripped):  # "图为…。\n（本报记者 某某 摄）" is one caption
        return [[_trimmed(text, line.start, line.end) for line in block]]
    column = _LazyColumnWidth(stripped)
    units: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for index, line in enumerate(block):
        if current and _is_paragraph_break(block[index - 1], line, column, page_layout):
            units.append(current)
            current = []
        current.append(_trimmed(text, line.start, line.end))
    units.append(current)
    return units


class _LazyColumnWidth:
    """The display width of a block's widest line, measured only if a line break needs it."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._width: int | None = None

    def __int__(self) -> int:
        if self._width is None:
            self._width = max(display_width(line) for line in self._lines)
        return self._width


def _is_paragraph_break(previous: _Line, line: _Line, column: _LazyColumnWidth, page_layout: bool) -> bool:
    if page_layout:
        if _MD_HEADING.match(previous.text) or _MD_HEADING.match(line.text) or _MD_LIST_ITEM.match(line.text):
            return True
        if previous.text.endswith("  "):  # markdown hard break: a real line, unless a run of "key:value" lines
            return not (_KEY_VALUE.match(previous.stripped) and _KEY_VALUE.match(line.stripped))
    if not ends_sentence(previous.stripped) or previous.stripped.endswith((":", "：")):
        return False
    # In a justified column only the last line of a paragraph falls short of the column width.
    return not page_layout or display_width(previous.stripped) < _SHORT_LINE_RATIO * int(column)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Unit kinds
HEADLINE, SUBTITLE, HEADING, DATELINE, END_DATELINE, BYLINE, CAPTION, AUTHOR_NOTE, MARKER, BODY, EMPTY = (
    "headline", "subtitle", "heading", "dateline", "end_dateline", "byline", "caption", "author_note",
    "marker", "body", "empty",
)  # fmt: skip


@dataclass
class Unit:
    start: int
    end: int
    kind: str
    text: str  # cleaned
    deletions: tuple[tuple[int, int], ...] = ()
    keep_hard_breaks: bool = False
    heading_level: int = 0  # markdown heading level, 0 otherwise
    title_text: str = ""  # for headline/subtitle/heading units: the text as a title
    closes_article: bool = False  # ends with "（下转第X版）"
    continues_article: bool = False  # starts with "（上接第X版）"


FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
NAME_ONLY = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_CAPTION = re.compile(r"(?:^[↑↓←→▲△▼▽◀▶]|^图为|(?:摄|摄影|供图|新华社发)\s*[)）]?$|[（(][^()（）]*摄[)）]$)")
_PHOTO_CREDIT = re.compile(r"^[（(][^()（）]{0,30}(?:摄|摄影|供图)[)）]$")
_CAPTION_MAX_LINES = 5  # a caption's text lines and its credit line
_AUTHOR_NOTE = re.compile(r"^[（(]作者(?:单位|系|为)[:：]?[^()（）]*[)）]$")
_MARKER = re.compile(r"^[（(](?:下转|上接|转第|接第|未完|待续)[^()（）]{0,12}[)）]$")
_TRAILING_MARKER = re.compile(r"[（(](?:下转|转第|未完)[^()（）]{0,12}[)）]\s*$")
JUMP = re.compile(r"^[（(](?:下转|转第)")
_LEADING_MARKER = re.compile(r"^\s*[（(](?:上接|接第)[^()（）]{0,12}[)）]")
_HEADLINE_FORBIDDEN = re.compile(r"[，。；,;]")
_SPEAKER_TURN = re.compile(r"^(?:问|答|记者|主持人)[:：]")  # an interview's turn, even one without its "？"
_HEADLINE_MAX_LINES = 4
_HEADLINE_MAX_CHARS = 32  # per line
_MD_HEADING_MAX_CHARS = 60
_SUBTITLE = re.compile(r"^(?:——|--|—)")


def read_units(text: str) -> list[Unit]:
    """Every candidate paragraph of a file, classified, in file order."""
    return [_make_unit(text, spans) for block in line_blocks(split_lines(text)) for spans in split_block(text, block)]


def _make_unit(text: str, spans: list[tuple[int, int]]) -> Unit:
    start, end = spans[0][0], spans[-1][1]
    raw_lines = [text[s:e] for s, e in spans]
    deletions: list[tuple[int, int]] = []
    heading_level = 0
    heading = _MD_HEADING.match(raw_lines[0])
    if heading:
        heading_level = len(heading.group(1))
        deletions.append((0, heading.end()))
    elif _MD_LIST_ITEM.match(raw_lines[0]):
        deletions.append((0, _MD_LIST_ITEM.match(raw_lines[0]).end()))
    leading = _LEADING_MARKER.match(text[start:end])
    if leading:
        deletions.append((0, leading.end()))
    closes = False
    trailing = _TRAILING_MARKER.search(text, start, end)
    if trailing and trailing.start() > start:
        closes = True
        _, end = _trimmed(text, start, trailing.start())
    raw = text[start:end]
    keep_hard_breaks = len(spans) > 1 and all(_KEY_VALUE.match(line.strip()) for line in raw_lines)
    cleaned = clean_text(raw, tuple(deletions), keep_hard_breaks=keep_hard_breaks)
    unit = Unit(start, end, BODY, cleaned, tuple(deletions), keep_hard_breaks, heading_level,
                 closes_article=closes, continues_article=bool(leading))
    unit.kind = _classify(unit, [line.strip() for line in raw_lines])
    if unit.kind in (HEADLINE, SUBTITLE, HEADING):
        unit.title_text = _title_text(text, spans, bool(heading))
    return unit


def _classify(unit: Unit, lines: list[str]) -> str:
    text = unit.text
    if not has_content(text):
        return MARKER if _MARKER.match(text) else EMPTY
    if _MARKER.match(text):
        return MARKER
    if unit.heading_level:
        # "### 工合同前一年内…": a heading marker stuck on body text by the layout.
        looks_like_body = len(text) > _MD_HEADING_MAX_CHARS or re.search(r"[。；;！？!?]", text)
        if not looks_like_body:
            return SUBTITLE if _SUBTITLE.match(text) else HEADING
        return BODY
    single = len(lines) == 1
    if single and _BYLINE.match(lines[0]):
        return BYLINE
    dateline = _DATELINE.match(text)
    if dateline:
        rest = re.sub(r"^[（(][^()（）]*[)）]", "", text[dateline.end():])
        return DATELINE if has_content(rest) else END_DATELINE
    if _AUTHOR_NOTE.match(text):
        return AUTHOR_NOTE
    if single and _CAPTION.search(text) or _is_photo_caption(lines):
        return CAPTION
    if _SUBTITLE.match(text) and len(text) <= _HEADLINE_MAX_CHARS * 2 and not ends_sentence(text):
        return SUBTITLE
    if _is_headline(lines, text):
        return HEADLINE
    return BODY


def _is_photo_caption(lines: list[str]) -> bool:
    """A block of a few lines that ends with the photographer's credit on a line of its own
    ("图为…。" / "4月12日，车主在…充电。" over "（本报记者 某某 摄）"): a photo caption, which is
    neither part of the paragraph after it nor of the one before."""
    return 1 < len(lines) <= _CAPTION_MAX_LINES and _PHOTO_CREDIT.match(lines[-1]) is not None


def _is_headline(lines: list[str], text: str) -> bool:
    if len(lines) > _HEADLINE_MAX_LINES or any(len(line) > _HEADLINE_MAX_CHARS for line in lines):
        return False
    if _HEADLINE_FORBIDDEN.search(text) or ends_sentence(text) or _SPEAKER_TURN.match(text):
        return False
    return sum(1 for ch in text if is_han(ch)) >= 2


def _title_text(text: str, spans: list[tuple[int, int]], is_markdown: bool) -> str:
    """A headline as a title: lines joined like body text, but spaces inside a line kept.

    Inside a headline a space separates two phrases ("三江潮涌 万家井然"), so it
    is kept (collapsed to one); a line break in a headline is a wrap.
    """
    parts: list[str] = []
    for start, end in spans:
        line = text[start:end].strip()
        if is_markdown:
            line = _MD_HEADING.sub("", line).strip()
        line = re.sub(r"\s+", " ", line)
        if parts and parts[-1] and line and not (is_wide(parts[-1][-1]) or is_wide(line[0])):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


# ---------------------------------------------------------------------------
# Rejoining paragraphs broken by a column or page break
# ---------------------------------------------------------------------------


def rejoin(text: str, units: list[Unit]) -> list[Unit]:
    """Merge a body unit that ends mid-sentence with the body unit right after it."""
    merged: list[Unit] = []
    for unit in units:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind in (BODY, DATELINE)
            and unit.kind == BODY
            and not previous.closes_article
            and not ends_sentence(previous.text)
            and not _SPEAKER_TURN.match(unit.text)  # "答：…" after a "问：…" without its "？"
            and not (is_brief(unit.text) and not _layout_off("brief_column"))  # "●…（韦志明）" / "●本报岑溪讯…": two briefs
        ):
            merged[-1] = _merge(text, previous, unit)
        else:
            merged.append(unit)
    return merged


def _merge(text: str, first: Unit, second: Unit) -> Unit:
    offset = second.start - first.start
    deletions = first.deletions + tuple((s + offset, e + offset) for s, e in second.deletions)
    keep_hard_breaks = first.keep_hard_breaks or second.keep_hard_breaks
    cleaned = clean_text(text[first.start:second.end], deletions, keep_hard_breaks=keep_hard_breaks)
    return Unit(
        first.start, second.end, first.kind, cleaned, deletions, keep_hard_breaks,
        closes_article=second.closes_article,
    )  # fmt: skip


