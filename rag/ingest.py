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
   body starts an article (so does a dateline alone on the line under a
   headline); "（下转第X版）", "新华社X月X日电" or "(作者单位…)" closes one,
   and the paragraph after "（上接第X版）" rejoins the article that jumped.
   A headline with no dateline or byline of its own inside a running news
   article, over text that goes on with its topic, is a section heading of
   it. An article broken off mid-sentence by another one takes back the
   later paragraph that fits the text where it broke off (see
   ``_resumed_article``). Headlines that head no body (the list at the end
   of a page) are matched to the untitled articles by shared character
   bigrams; one that matches none is kept as text of its own.
6. Repeats are dropped: of a paragraph printed more than once, the copy
   whose article heading and lead share its terms is kept (the first on a
   tie); truncated repeats of an earlier paragraph go too.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .schema import Article, Paragraph
from .briefs import brief_setting, is_brief, is_brief_column
from .calendar_words import iso_day
from .dateline import BYLINE as _BYLINE, DATELINE as _DATELINE, dateline_day  # (DATELINE, BYLINE here are kinds of unit)
from .masthead import Masthead, paper_line, paper_place, read_masthead
from .places import pos_cut
from .setting import article_settings, places_named, whole_year_reported
from .ingest_switches import READINGS, switched_off as _layout_off

log = logging.getLogger(__name__)

SOURCE_SUFFIXES = (".txt", ".md")
# Bump when parsing changes what paragraphs or titles a file gives: indexes built
# by an older parser are then rebuilt (rag.index.expected_settings).
# 3: offsets in a BOM file count the BOM; 4-5: layout title rules need evidence, no line dropped;
# 6: a dateline alone on the line under a headline opens the article, "（上接…）" rejoins its article,
# an interview's "问：…" is no headline; 7: a headline's second line printed apart joins it, a caption
# block ending with its photo credit is one caption (not glued to the next paragraph); 8: Paragraph.setting;
# 9: a setting counts only places jieba reads as words, a page province only an article's own; 10: two stacked
# headlines join only when they read as one (a shared word, or the second names nothing of its own);
# 11: a setting keeps 三亚市/两当县/本溪市 (a numeral or 全/本 starting a place's own name); 12: a setting's year
# is none the lead names as a start, an earlier year's end or a level passed (2024年以来, 截至2024年底, 超过2024年);
# 13: a local paper's dateline with its date ("本报兰州1月26日讯", "本报北京12月3日电") opens an article
# 14: a page's masthead line ("天水日报　2025年5月8日　星期四　第三版") dates the articles under it that carry
# no date of their own, and its paper's place (天水市) sets those that name no place (rag.masthead);
# 15: a dateline's day without its year over a lead reporting a whole year's results dates the report in the next year
# 16: a headline's deck line ("同比增长6.8%，单日发送量…", ending no sentence) and the dateline under it are one
# article (the dateline is its lead); a short line ending no sentence right above a dateline is that article's headline;
# 17: the day opening a lead after its byline ("本报讯（记者 …）1月8日，") dates a whole year's report like a dateline's
# day, and a holiday's or season's figures ("2025年国庆假期…同比") are no whole year's
# 18: a paper's name printed alone on the line above the masthead's date line is the masthead's paper ("大理日报" /
# "2026年5月7日 星期四"); a paper of a stem the page writes at two local levels (大理市, 大理州) is of the one the page's
# 全州/全市 say most, and one whose stem jieba reads as a place the page never writes with a level (张家口) is of the
# level the page's 全市 says (rag.masthead.paper_place)
# 19: a report giving a day without its year is of the year its page's other reports are dated by (a page is one issue)
# 20: a setting reads a place right after 在/从/走进 that follows a comma ("，在慈利县…": the candidate at 在 no longer hides
# the one after it), and a city whose name ends in 城市 (盐城市, 晋城市) when jieba reads it as one place word
# 21: a dateline's place of five to seven characters ending in its level ("本报东乌珠穆沁旗10月20日讯") sets its article
# 22: a column of briefs (rag.briefs): its heading ("经济简讯", "简　讯") is no section of the article above, a brief opening
# with its mark ("●本报岑溪讯…") is a paragraph of its own, and each brief is set by its own dateline and first sentence,
# else by its paper's place
PARSER_VERSION = 22
BOM = "\ufeff"  # a UTF-8 byte order mark, decoded; kept in the text so offsets count it (parse_source)
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
    the file's bytes decoded as UTF-8, a byte order mark kept as U+FEFF at
    index 0 (``parse_source`` counts it), line endings kept as they are.
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
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        log.warning("skipping %s: not UTF-8 text (%s)", path, exc)
        return None
    if not text.removeprefix(BOM).strip():
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
    continues_article: bool = False  # starts with "（上接第X版）"


_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_NAME_ONLY = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
_CAPTION = re.compile(r"(?:^[↑↓←→▲△▼▽◀▶]|^图为|(?:摄|摄影|供图|新华社发)\s*[)）]?$|[（(][^()（）]*摄[)）]$)")
_PHOTO_CREDIT = re.compile(r"^[（(][^()（）]{0,30}(?:摄|摄影|供图)[)）]$")
_CAPTION_MAX_LINES = 5  # a caption's text lines and its credit line
_AUTHOR_NOTE = re.compile(r"^[（(]作者(?:单位|系|为)[:：]?[^()（）]*[)）]$")
_MARKER = re.compile(r"^[（(](?:下转|上接|转第|接第|未完|待续)[^()（）]{0,12}[)）]$")
_TRAILING_MARKER = re.compile(r"[（(](?:下转|转第|未完)[^()（）]{0,12}[)）]\s*$")
_JUMP = re.compile(r"^[（(](?:下转|转第)")
_LEADING_MARKER = re.compile(r"^\s*[（(](?:上接|接第)[^()（）]{0,12}[)）]")
_HEADLINE_FORBIDDEN = re.compile(r"[，。；,;]")
_SPEAKER_TURN = re.compile(r"^(?:问|答|记者|主持人)[:：]")  # an interview's turn, even one without its "？"
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
    unit = _Unit(start, end, BODY, cleaned, tuple(deletions), keep_hard_breaks, heading_level,
                 closes_article=closes, continues_article=bool(leading))
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
    if single and _CAPTION.search(text) or _is_photo_caption(lines):
        return CAPTION
    if _SUBTITLE.match(text) and len(text) <= _HEADLINE_MAX_CHARS * 2 and not _ends_sentence(text):
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
    if _HEADLINE_FORBIDDEN.search(text) or _ends_sentence(text) or _SPEAKER_TURN.match(text):
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
            and not _SPEAKER_TURN.match(unit.text)  # "答：…" after a "问：…" without its "？"
            and not (is_brief(unit.text) and not _layout_off("brief_column"))  # "●…（韦志明）" / "●本报岑溪讯…": two briefs
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
    credited: bool = False  # a headline over a dateline or byline: a news article, not a loose heading

    def add(self, unit: _Unit) -> None:
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
        return _is_han(last.text[-1]) or last.text[-1] in "，、,"


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


def _assign_articles(
    units: list[_Unit], weights: _TermWeights, repeated: frozenset[str]
) -> tuple[list[_Draft], list[_HeadGroup]]:
    """Units to articles, in file order.

    A page layout interleaves articles: the end of article A can stand after
    the block of article B. An article whose last paragraph broke off
    mid-sentence when another began is *interrupted*; a later body paragraph
    that would run on in the current article goes back to an interrupted one
    instead when it fits the text where that one broke off clearly better
    (``_resumed_article``). Texts the layout printed more than once
    (``repeated``) say nothing about where they belong and never trigger a
    return; ``_misplaced_copies`` picks their place afterwards.
    """
    drafts: list[_Draft] = []
    orphans: list[_HeadGroup] = []
    pending: _HeadGroup | None = None
    current: _Draft | None = None
    interrupted: list[_Draft] = []
    jumped: list[_Draft] = []  # articles closed by "（下转第X版）", awaiting their "（上接…）" part
    continued = False
    # a document with markdown headings is written in order: its paragraphs are never moved back
    laid_out = not any(unit.kind == HEADING and unit.heading_level > 0 for unit in units)

    def leave(draft: _Draft | None) -> None:
        if draft is not None and draft.dangles() and draft not in interrupted:
            interrupted.append(draft)
            del interrupted[:-_MAX_INTERRUPTED]

    def start_article(group: _HeadGroup | None, first: _Unit) -> _Draft:
        leave(current)
        draft = _Draft(group.title() if group else None)
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
                if _JUMP.match(unit.text):
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


def parser_setting() -> int | str:
    """The parser as an index's manifest records it: PARSER_VERSION, followed by the layout readings switched off,
    so that an index built with a reading switched off is rebuilt once the switch changes (and the other way)."""
    off = [name for name in READINGS if _layout_off(name)]
    return f"{PARSER_VERSION} without {','.join(off)}" if off else PARSER_VERSION


def _deck_line(unit: _Unit) -> bool:
    """A line printed as a headline's deck or as a headline with a comma: one short line of text that ends
    no sentence (a headline's comma makes it read as body text)."""
    return (unit.kind == BODY and "\n" not in unit.text and len(unit.text) <= _DECK_MAX_CHARS
            and not _ends_sentence(unit.text) and not unit.text.endswith(("，", "、", ",")))


def _decked(current: _Draft | None) -> bool:
    """Whether the open article holds only its headline and the deck lines under it ("德州东站去年发送旅客
    1286.4万人次" over "同比增长6.8%，单日发送量最高突破6万人次"): the dateline that follows opens its text,
    not an article of its own."""
    return (current is not None and not current.closed and current.headline is not None
            and 0 < len(current.units) <= 2 and all(_deck_line(unit) for unit in current.units))


def _headline_before(current: _Draft | None) -> bool:
    """Whether the open article's last paragraph is a short line ending no sentence, after prose: right above
    a dateline it is the next article's headline, printed with a comma ("临邑：县城“长高”了，也“变美”了")."""
    if current is None or current.closed or len(current.units) < 2:
        return False
    last = current.units[-1]
    return _deck_line(last) and len(last.text) <= _COMMA_HEADLINE_MAX_CHARS and _ends_sentence(current.units[-2].text)


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


def _continues_head_group(group: _HeadGroup, unit: _Unit) -> bool:
    """A subtitle, or a deeper markdown heading, right under a headline belongs to it."""
    if group.extras:
        return False
    if unit.kind == SUBTITLE:
        return True
    last = group.heads[-1]
    return unit.kind == HEADING and last.kind in (HEADING, SUBTITLE) and unit.heading_level > group.heads[0].heading_level > 0


def _is_section_heading(group: _HeadGroup, current: _Draft | None, body: _Unit, weights: _TermWeights) -> bool:
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
    if _deck_line(body) and not _layout_off("deck_line"):
        return False  # "公交线网“织”得更密了" over "全市公交去年新开线路12条，年客运量…": a headline and its deck
    if not all(head.kind in (HEADLINE, SUBTITLE) and not head.heading_level for head in group.heads):
        return False
    return weights.fit(_bigrams(body.text), current.text_grams()) >= _MIN_SECTION_FIT


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
# Interleaved articles: which article a displaced block belongs to
# ---------------------------------------------------------------------------


class _TermWeights:
    """How distinctive each character bigram is within one file.

    A bigram found in few of the file's paragraphs ("阳台", "噪声", "治理")
    names a place or a topic and tells articles apart; one found in many
    ("发展", "工作") does not. Weight: log inverse paragraph frequency.
    """

    def __init__(self, units: list[_Unit]) -> None:
        texts = {unit.text for unit in units if unit.kind != EMPTY and _has_content(unit.text)}
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


def _resumed_article(unit: _Unit, current: _Draft, interrupted: list[_Draft], weights: _TermWeights) -> _Draft | None:
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


def _repeated_texts(units: list[_Unit]) -> frozenset[str]:
    """Texts of paragraphs the layout printed more than once in the file."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for unit in units:
        if unit.kind in (EMPTY, HEADLINE, HEADING, SUBTITLE) or not _has_content(unit.text):
            continue
        (repeated if unit.text in seen else seen).add(unit.text)
    return frozenset(repeated)


def _misplaced_copies(
    placed: list[tuple[_Unit, str | None, int]], drafts: list[_Draft], repeated: frozenset[str], weights: _TermWeights
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
    run: list[_Unit] = []
    run_draft = -1
    for unit, _, index in [*placed, (None, None, -1)]:
        if unit is not None and unit.text in repeated and run and index == run_draft:
            run.append(unit)
            continue
        grams = set().union(*(_bigrams(member.text) for member in run))
        block_grams.update((member.start, grams) for member in run)
        run, run_draft = ([unit], index) if unit is not None and unit.text in repeated else ([], -1)

    sections = {id(unit): section for draft in drafts for unit, section in zip(draft.units, draft.sections)}
    copies: dict[str, list[tuple[_Unit, int]]] = {}
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


def _heading_and_lead(draft: _Draft, section: str | None, repeated: frozenset[str]) -> set[str]:
    """Bigrams of an article's title, a section heading, and the first paragraph of each."""
    text = f"{draft.title or ''}{section or ''}"
    prose = [
        (unit, unit_section)
        for unit, unit_section in zip(draft.units, draft.sections)
        if unit.kind in (BODY, DATELINE) and unit.text not in repeated
    ]
    leads = prose[:1] + [item for item in prose if section and item[1] == section][:1]
    return _bigrams(text + "".join(unit.text for unit, _ in leads))


# ---------------------------------------------------------------------------
# Putting it together
# ---------------------------------------------------------------------------

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
    units = _rejoin(text, _units(text))
    repeated = _repeated_texts(units)
    weights = _TermWeights(units)
    drafts, orphans = _assign_articles(units, weights, repeated)
    for orphan in _match_orphan_headlines(drafts, orphans):
        if orphan.extras:  # a headline with a byline but no body found: keep the byline
            draft = _Draft(orphan.title(), heading_units=list(orphan.heads))
            for extra in orphan.extras:
                draft.add(extra)
            drafts.append(draft)
        else:  # no text is lost: a short line that heads nothing (a page's list of headlines,
            # an unpunctuated line of notes) is kept as a paragraph of its own
            log.debug("%s: headline %r heads no article found in the file; kept as text", source, orphan.title())
            draft = _Draft(None)
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
    dropped_copies = _misplaced_copies(placed, drafts, repeated, weights)

    paragraphs: list[Paragraph] = []
    kept_texts: list[str] = []
    spans_by_draft: dict[int, list[tuple[int, int]]] = {}
    for unit, title, index in placed:
        if unit.start in dropped_copies or not _has_content(unit.text) or _is_repeat(unit.text, kept_texts):
            continue
        bisect.insort(kept_texts, unit.text)
        raw = text[unit.start:unit.end]
        number = len(paragraphs) + 1
        setting = settings[index]
        if (is_brief(unit.text) or is_brief_column(drafts[index].title)) and not _layout_off("brief_column"):
            setting = brief_setting(unit.text, setting, paper_places[index])  # each brief of a column its own report
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


def _mastheads(units: list[_Unit]) -> list[tuple[int, Masthead]]:
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


def _page_masthead(draft: _Draft, mastheads: list[tuple[int, Masthead]]) -> Masthead | None:
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
    drafts: list[_Draft], dates: list[str | None], settings: list[str | None], page_of: list[Masthead | None]
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


def _results_date(draft: _Draft) -> str | None:
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


def _lead_text(draft: _Draft) -> str | None:
    """The article's first paragraph of text (its dateline paragraph, or its first body paragraph); deck
    lines printed above the dateline are part of the headline, not the lead."""
    leading = 0
    while leading < len(draft.units) and (_deck_line(draft.units[leading]) or draft.units[leading].kind == BYLINE):
        leading += 1
    if 0 < leading < len(draft.units) and draft.units[leading].kind in (DATELINE, BODY) and not _layout_off("deck_line"):
        return draft.units[leading].text
    for unit in draft.units:
        if unit.kind in (DATELINE, BODY):
            return unit.text
    return None


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
