"""From source files to cleaned paragraphs with provenance.

The seed articles are newspaper text lifted from page layouts. This module
undoes the layout without ever rewriting a character: cleaning only DELETES
(line breaks, layout spaces, markdown markers, "（下转第六版）"), so every
``Paragraph.text`` is a subsequence of ``Paragraph.raw`` and
``raw == original[start:end]`` (see ``rag.provenance``).

How a file is read, in order:

1. Lines are grouped into blocks separated by blank lines.
2. A block is cut into units where a line break is a real paragraph break
   (a markdown heading or list item, a markdown hard break, or a short line
   that ends a sentence inside a justified column).
3. Each unit is classified: headline, subtitle, markdown heading, dateline
   (an article start), byline, photo caption, continuation marker, body.
4. A body unit that ends mid-sentence and is directly followed by more body
   text is the same paragraph broken by a column or page break: rejoined.
5. Units are assigned to articles: a headline before a dateline, byline or
   body starts an article; "（下转第X版）", "新华社X月X日电" or "(作者单位…)"
   closes one. Headlines that head no body (the list at the end of a page)
   are matched to the untitled articles by shared character bigrams.
6. Exact repeats of an earlier paragraph (and truncated repeats) are dropped.
"""
from __future__ import annotations

import bisect
import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .schema import Article, Paragraph

log = logging.getLogger(__name__)

SOURCE_SUFFIXES = (".txt", ".md")
SECTION_SEPARATOR = "｜"  # between an article title and a section heading in Paragraph.title

# ---------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------


def source_files(corpus_dir: Path) -> list[Path]:
    """The .txt and .md files under ``corpus_dir``, recursively, sorted by relative path.

    Hidden files and folders (".git", ".DS_Store") are not part of a corpus.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus directory not found: {corpus_dir}")
    files = [
        path
        for path in corpus_dir.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SOURCE_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(corpus_dir).parts)
    ]
    return sorted(files, key=lambda path: path.relative_to(corpus_dir).as_posix())


def read_source(path: Path) -> str | None:
    """The decoded text of one file, or None (with a warning naming it) when it cannot be used.

    Offsets in ``Paragraph``/``Article`` are indices into exactly this string:
    a UTF-8 byte order mark is dropped, line endings are kept as they are.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        log.warning("skipping %s: cannot read it (%s)", path, exc)
        return None
    if b"\0" in data:
        log.warning("skipping %s: binary file (contains NUL bytes)", path)
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log.warning("skipping %s: not UTF-8 text (%s)", path, exc)
        return None
    if not text.strip():
        log.warning("skipping %s: empty file", path)
        return None
    return text


def load_corpus(corpus_dir: Path) -> tuple[list[Article], list[Paragraph]]:
    """Every usable file under ``corpus_dir``; ``source`` is the posix path relative to it."""
    corpus_dir = Path(corpus_dir)
    articles: list[Article] = []
    paragraphs: list[Paragraph] = []
    for path in source_files(corpus_dir):
        text = read_source(path)
        if text is None:
            continue
        file_articles, file_paragraphs = parse_source(path.relative_to(corpus_dir).as_posix(), text)
        if not file_paragraphs:
            log.warning("skipping %s: no paragraphs with text", path)
            continue
        articles.extend(file_articles)
        paragraphs.extend(file_paragraphs)
    return articles, paragraphs


def load_jsonl_corpus(path: Path) -> tuple[list[Article], list[Paragraph]]:
    """A benchmark corpus: one JSON object per line with ``doc_id``, ``title`` and ``text``.

    Each doc is one article (``source`` = doc_id, offsets relative to its
    ``text``). The texts are already clean prose, so only line structure and
    runs of layout whitespace are undone; a single space is kept as written.
    Malformed lines and repeated doc_ids are skipped with a warning.
    """
    path = Path(path)
    articles: list[Article] = []
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                log.warning("%s line %d: not valid JSON, skipped (%s)", path, line_number, exc)
                continue
            if not isinstance(record, dict):
                log.warning("%s line %d: not a JSON object, skipped", path, line_number)
                continue
            doc_id, title, text = record.get("doc_id"), record.get("title"), record.get("text")
            if isinstance(doc_id, int) and not isinstance(doc_id, bool):
                doc_id = str(doc_id)
            if not isinstance(doc_id, str) or not doc_id or not isinstance(text, str):
                log.warning("%s line %d: needs a string doc_id and text, skipped", path, line_number)
                continue
            if doc_id in seen:
                log.warning("%s line %d: doc_id %r repeated, skipped", path, line_number, doc_id)
                continue
            title = title.strip() if isinstance(title, str) and title.strip() else None
            doc_paragraphs = plain_paragraphs(doc_id, title, text)
            if not doc_paragraphs:
                log.warning("%s line %d: doc %r has no text, skipped", path, line_number, doc_id)
                continue
            seen.add(doc_id)
            articles.append(Article(doc_id, title, doc_paragraphs[0].start, doc_paragraphs[-1].end))
            paragraphs.extend(doc_paragraphs)
    return articles, paragraphs


def plain_paragraphs(source: str, title: str | None, text: str) -> list[Paragraph]:
    """Paragraphs of already-clean prose: blank lines and sentence-final line ends separate them."""
    paragraphs: list[Paragraph] = []
    for block in _blocks(_lines(text)):
        for unit_lines in _split_block(text, block, page_layout=False):
            start, end = unit_lines[0][0], unit_lines[-1][1]
            cleaned = clean_text(text[start:end], keep_single_spaces=True)
            if _has_content(cleaned):
                paragraphs.append(Paragraph(source, title, len(paragraphs) + 1, start, end, cleaned, text[start:end]))
    return paragraphs


# ---------------------------------------------------------------------------
# Characters and whitespace
# ---------------------------------------------------------------------------

_WIDE_PUNCTUATION = "“”‘’—…·"


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or 0x3040 <= code <= 0x30FF  # kana
        or 0xAC00 <= code <= 0xD7AF  # hangul
    )


def _is_wide(ch: str) -> bool:
    """Chinese script or punctuation: spaces next to it are layout, not word separators."""
    code = ord(ch)
    return _is_han(ch) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or ch in _WIDE_PUNCTUATION


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and not _is_wide(ch)


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in line)


_SPACE_CHARS = (" ", "\u00a0", "\u3000")
_MASK = "\x1f"  # a whitespace character (for re's \s) standing in for deleted markers
_WHITESPACE_RUN = re.compile(r"\s+")
_HARD_BREAK = re.compile(r" {2,}(?:\r\n|\r|\n)")


def clean_text(
    raw: str,
    deletions: tuple[tuple[int, int], ...] = (),
    keep_hard_breaks: bool = False,
    keep_single_spaces: bool = False,
) -> str:
    """The reading text of ``raw`` with layout removed; only deletes characters.

    ``deletions`` are (start, end) ranges of ``raw`` to drop (markdown markers).
    A whitespace run (line breaks, layout spaces, deleted markers) is dropped
    entirely next to Chinese script or punctuation, because Chinese has no
    word spaces ("补 贴 及 公 益" -> "补贴及公益", "就 业 3263 人" -> "就业3263人");
    between a Chinese character and a Latin word, or between two Latin
    words/numbers, one space of the run is kept when it has one ("AI 数字人").
    ``keep_hard_breaks`` keeps a space at markdown hard breaks ("  \\n"), for
    "key:value" lines; ``keep_single_spaces`` keeps any lone " " as written.
    """
    if deletions:
        masked = list(raw)
        for start, end in deletions:
            masked[start:end] = _MASK * (end - start)
        masked_text = "".join(masked)
    else:
        masked_text = raw
    pieces: list[str] = []
    last = 0
    for run in _WHITESPACE_RUN.finditer(masked_text):
        pieces.append(raw[last:run.start()])
        last = run.end()
        if run.start() == 0 or run.end() == len(raw):
            continue  # leading/trailing whitespace
        kept = _kept_space(
            masked_text[run.start():run.end()], raw[run.start() - 1], raw[run.end()], keep_hard_breaks, keep_single_spaces
        )
        if kept:
            pieces.append(kept)
    pieces.append(raw[last:])
    return "".join(pieces)


def _kept_space(run: str, left: str, right: str, keep_hard_breaks: bool, keep_single_spaces: bool) -> str:
    if keep_single_spaces and run == " ":
        return " "
    space = next((ch for ch in run if ch in _SPACE_CHARS), "")
    if keep_hard_breaks and _HARD_BREAK.search(run):
        return " "
    if _is_wide(left) or _is_wide(right):
        between_han_and_latin = (_is_han(left) and _is_latin_letter(right)) or (
            _is_latin_letter(left) and _is_han(right)
        )
        return space if between_han_and_latin else ""
    return space


def _has_content(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# ---------------------------------------------------------------------------
# Lines, blocks and units
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    start: int  # content offsets in the file, line terminator excluded
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(text: str) -> list[_Line]:
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == len(text):
            break
        content = match.group().rstrip("\r\n")
        lines.append(_Line(match.start(), match.start() + len(content), content))
    return lines


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
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


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def _split_block(text: str, block: list[_Line], page_layout: bool = True) -> list[list[tuple[int, int]]]:
    """Cut a block into units (lists of line spans) where a line break is a paragraph break.

    ``page_layout``: the text is a page layout or markdown (a seed file), where
    column width and markdown marks tell paragraph breaks; otherwise (plain
    prose) a line break after a sentence end is one.
    """
    stripped = [line.stripped for line in block]
    if page_layout and _is_headline(stripped, "".join(stripped)):  # "3月1日！\n全省最大规模招聘会启幕" stays whole
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
            self._width = max(_display_width(line) for line in self._lines)
        return self._width


def _is_paragraph_break(previous: _Line, line: _Line, column: _LazyColumnWidth, page_layout: bool) -> bool:
    if page_layout:
        if _MD_HEADING.match(previous.text) or _MD_HEADING.match(line.text) or _MD_LIST_ITEM.match(line.text):
            return True
        if previous.text.endswith("  "):  # markdown hard break: a real line, unless a run of "key:value" lines
            return not (_KEY_VALUE.match(previous.stripped) and _KEY_VALUE.match(line.stripped))
    if not _ends_sentence(previous.stripped) or previous.stripped.endswith((":", "：")):
        return False
    # In a justified column only the last line of a paragraph falls short of the column width.
    return not page_layout or _display_width(previous.stripped) < _SHORT_LINE_RATIO * int(column)


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
class _Unit:
    start: int
    end: int
    kind: str
    text: str  # cleaned
    deletions: tuple[tuple[int, int], ...] = ()
    keep_hard_breaks: bool = False
    heading_level: int = 0  # markdown heading level, 0 otherwise
    title_text: str = ""  # for headline/subtitle/heading units: the text as a title
    closes_article: bool = False  # ends with "（下转第X版）"


_DATELINE = re.compile(
    r"^据?(?:本报(?!记者|特约|评论员)[\u4e00-\u9fff]{0,6}?讯(?!员)"
    r"|(?:新华社|中新社)[\u4e00-\u9fff0-9]{0,16}?电"
    r"|(?:新华网|人民网|中新网|央视网|中国日报网|中国新闻网)[\u4e00-\u9fff0-9]{0,16}?(?:电|讯|消息))"
)
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_BYLINE = re.compile(r"^(?:本报|新华社|人民日报|新华网)?(?:特约|见习|实习)?(?:记者|通讯员|评论员|撰稿人)(?:[\s\u4e00-\u9fff·]{0,40})$")
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_CAPTION = re.compile(r"(?:^[↑↓←→▲△▼▽◀▶]|^图为|(?:摄|摄影|供图|新华社发)\s*[)）]?$|[（(][^()（）]*摄[)）]$)")
_AUTHOR_NOTE = re.compile(r"^[（(]作者(?:单位|系|为)[:：]?[^()（）]*[)）]$")
_MARKER = re.compile(r"^[（(](?:下转|上接|转第|接第|未完|待续)[^()（）]{0,12}[)）]$")
_TRAILING_MARKER = re.compile(r"[（(](?:下转|转第|未完)[^()（）]{0,12}[)）]\s*$")
_LEADING_MARKER = re.compile(r"^\s*[（(](?:上接|接第)[^()（）]{0,12}[)）]")
_HEADLINE_FORBIDDEN = re.compile(r"[，。；,;]")
_HEADLINE_MAX_LINES = 4
_HEADLINE_MAX_CHARS = 32  # per line
_MD_HEADING_MAX_CHARS = 60
_SUBTITLE = re.compile(r"^(?:——|--|—)")


def _units(text: str) -> list[_Unit]:
    """Every candidate paragraph of a file, classified, in file order."""
    return [_make_unit(text, spans) for block in _blocks(_lines(text)) for spans in _split_block(text, block)]


def _make_unit(text: str, spans: list[tuple[int, int]]) -> _Unit:
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
    unit = _Unit(start, end, BODY, cleaned, tuple(deletions), keep_hard_breaks, heading_level, closes_article=closes)
    unit.kind = _classify(unit, [line.strip() for line in raw_lines])
    if unit.kind in (HEADLINE, SUBTITLE, HEADING):
        unit.title_text = _title_text(text, spans, bool(heading))
    return unit


def _classify(unit: _Unit, lines: list[str]) -> str:
    text = unit.text
    if not _has_content(text):
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
        return DATELINE if _has_content(rest) else END_DATELINE
    if _AUTHOR_NOTE.match(text):
        return AUTHOR_NOTE
    if single and _CAPTION.search(text):
        return CAPTION
    if _SUBTITLE.match(text) and len(text) <= _HEADLINE_MAX_CHARS * 2 and not _ends_sentence(text):
        return SUBTITLE
    if _is_headline(lines, text):
        return HEADLINE
    return BODY


def _is_headline(lines: list[str], text: str) -> bool:
    if len(lines) > _HEADLINE_MAX_LINES or any(len(line) > _HEADLINE_MAX_CHARS for line in lines):
        return False
    if _HEADLINE_FORBIDDEN.search(text) or _ends_sentence(text):
        return False
    return sum(1 for ch in text if _is_han(ch)) >= 2


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
        if parts and parts[-1] and line and not (_is_wide(parts[-1][-1]) or _is_wide(line[0])):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


# ---------------------------------------------------------------------------
# Rejoining paragraphs broken by a column or page break
# ---------------------------------------------------------------------------


def _rejoin(text: str, units: list[_Unit]) -> list[_Unit]:
    """Merge a body unit that ends mid-sentence with the body unit right after it."""
    merged: list[_Unit] = []
    for unit in units:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind in (BODY, DATELINE)
            and unit.kind == BODY
            and not previous.closes_article
            and not _ends_sentence(previous.text)
        ):
            merged[-1] = _merge(text, previous, unit)
        else:
            merged.append(unit)
    return merged


def _merge(text: str, first: _Unit, second: _Unit) -> _Unit:
    offset = second.start - first.start
    deletions = first.deletions + tuple((s + offset, e + offset) for s, e in second.deletions)
    keep_hard_breaks = first.keep_hard_breaks or second.keep_hard_breaks
    cleaned = clean_text(text[first.start:second.end], deletions, keep_hard_breaks=keep_hard_breaks)
    return _Unit(
        first.start, second.end, first.kind, cleaned, deletions, keep_hard_breaks,
        closes_article=second.closes_article,
    )  # fmt: skip


# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------


@dataclass
class _Draft:
    """An article being assembled."""

    title: str | None
    headline: str | None = None  # the title without its subtitle, used in front of a section heading
    units: list[_Unit] = field(default_factory=list)
    sections: list[str | None] = field(default_factory=list)  # section heading per unit
    heading_units: list[_Unit] = field(default_factory=list)  # headlines printed before the body
    closed: bool = False
    section: str | None = None

    def add(self, unit: _Unit) -> None:
        self.units.append(unit)
        self.sections.append(self.section)


@dataclass
class _HeadGroup:
    """Headline units (and the bylines or captions under them) not yet attached to a body."""

    heads: list[_Unit] = field(default_factory=list)
    extras: list[_Unit] = field(default_factory=list)

    def title(self) -> str | None:
        title = ""
        for head in self._title_heads():
            title += head.title_text if not title or head.kind == SUBTITLE else " " + head.title_text
        return title or None

    def _title_heads(self) -> list[_Unit]:
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


def _assign_articles(units: list[_Unit]) -> tuple[list[_Draft], list[_HeadGroup]]:
    drafts: list[_Draft] = []
    orphans: list[_HeadGroup] = []
    pending: _HeadGroup | None = None
    current: _Draft | None = None

    def start_article(group: _HeadGroup | None) -> _Draft:
        draft = _Draft(group.title() if group else None)
        if group:
            draft.headline = group.heads[0].title_text
            draft.heading_units = list(group.heads)
            draft.section = group.section()
            for extra in group.extras:
                draft.add(extra)
        drafts.append(draft)
        return draft

    for unit in units:
        kind = unit.kind
        if kind == EMPTY:
            continue
        if kind == HEADLINE and pending is not None and not pending.extras and _NAME_ONLY.match(unit.text):
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
            pending = _HeadGroup([unit])
            continue
        if kind in (BYLINE, CAPTION) and pending is not None:
            pending.extras.append(unit)
            continue
        if kind == MARKER:
            if current is not None:
                current.closed = True
            continue
        if kind == DATELINE or pending is not None or current is None or current.closed:
            current = start_article(pending)
            pending = None
        current.add(unit)
        if kind in (END_DATELINE, AUTHOR_NOTE) or unit.closes_article:
            current.closed = True
    if pending is not None:
        orphans.append(pending)
    return drafts, orphans


def _continues_head_group(group: _HeadGroup, unit: _Unit) -> bool:
    """A subtitle, or a deeper markdown heading, right under a headline belongs to it."""
    if group.extras:
        return False
    if unit.kind == SUBTITLE:
        return True
    last = group.heads[-1]
    return unit.kind == HEADING and last.kind in (HEADING, SUBTITLE) and unit.heading_level > group.heads[0].heading_level > 0


_MIN_TITLE_MATCH = 0.34  # share of a headline's character bigrams found in the article


def _bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if ch.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def _match_orphan_headlines(drafts: list[_Draft], orphans: list[_HeadGroup]) -> list[_HeadGroup]:
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
# Putting it together
# ---------------------------------------------------------------------------

_TRUNCATED_REPEAT_MIN_CHARS = 8


def parse_source(source: str, text: str) -> tuple[list[Article], list[Paragraph]]:
    """Articles and cleaned paragraphs of one decoded file; offsets index ``text``."""
    units = _rejoin(text, _units(text))
    drafts, orphans = _assign_articles(units)
    for orphan in _match_orphan_headlines(drafts, orphans):
        if orphan.extras:  # a headline with a byline but no body found: keep the byline
            draft = _Draft(orphan.title(), heading_units=list(orphan.heads))
            for extra in orphan.extras:
                draft.add(extra)
            drafts.append(draft)
        else:
            log.debug("%s: headline %r heads no article found in the file", source, orphan.title())

    dates = [_article_date(draft) for draft in drafts]
    placed: list[tuple[_Unit, str | None, int]] = []  # unit, paragraph title, draft index
    for index, draft in enumerate(drafts):
        for unit, section in zip(draft.units, draft.sections):
            title = draft.title
            if section:
                # The subtitle gives way to the section heading: a shorter title shared by fewer chunks.
                headline = draft.headline or draft.title
                title = f"{headline}{SECTION_SEPARATOR}{section}" if headline else section
            placed.append((unit, title, index))
    placed.sort(key=lambda item: item[0].start)

    paragraphs: list[Paragraph] = []
    kept_texts: list[str] = []
    spans_by_draft: dict[int, list[tuple[int, int]]] = {}
    for unit, title, index in placed:
        if not _has_content(unit.text) or _is_repeat(unit.text, kept_texts):
            continue
        bisect.insort(kept_texts, unit.text)
        raw = text[unit.start:unit.end]
        number = len(paragraphs) + 1
        paragraphs.append(Paragraph(source, title, number, unit.start, unit.end, unit.text, raw, dates[index]))
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


def _article_date(draft: _Draft) -> str | None:
    """ISO date from a dateline that gives the year ("新华社北京2025年1月26日电"); most give none."""
    for unit in draft.units:
        if unit.kind in (DATELINE, END_DATELINE):
            match = _FULL_DATE.search(unit.text[:40])
            if match:
                year, month, day = (int(part) for part in match.groups())
                if 1 <= month <= 12 and 1 <= day <= 31:
                    return f"{year:04d}-{month:02d}-{day:02d}"
    return None
