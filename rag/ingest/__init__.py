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

from ..ingest_switches import READINGS, switched_off as _layout_off

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
# 23: a dateline's place written without its level (本报南谯讯) takes the one level its page writes it by when that is
# 区 or 旗 (南谯区), which a short name drops and a question keeps (rag.dateline.dateline_level)
# 24: a province's short name heading a local place's name (河南县, 河南蒙古族自治县, 海南州) is no province
# (rag.local_heads), and a paper whose stem jieba reads as one place word (黄南报) is of the level its page's 全州 says
# when jieba's dictionary holds that place (黄南藏族自治州), though the page writes the stem only in its masthead
# (rag.masthead.paper_place)
PARSER_VERSION = 24


def parser_setting() -> int | str:
    """The parser as an index's manifest records it: PARSER_VERSION, followed by the layout readings switched off,
    so that an index built with a reading switched off is rebuilt once the switch changes (and the other way)."""
    off = [name for name in READINGS if _layout_off(name)]
    return f"{PARSER_VERSION} without {','.join(off)}" if off else PARSER_VERSION


# the stage's public names; imported after PARSER_VERSION, which parser_setting reads from here
from .text import BOM, clean_text  # noqa: E402
from .files import SOURCE_SUFFIXES, load_corpus, load_jsonl_corpus, plain_paragraphs, read_source, source_files  # noqa: E402
from .page import SECTION_SEPARATOR, parse_source  # noqa: E402

__all__ = ["BOM", "PARSER_VERSION", "SECTION_SEPARATOR", "SOURCE_SUFFIXES", "clean_text", "load_corpus",
           "load_jsonl_corpus", "parse_source", "parser_setting", "plain_paragraphs", "read_source", "source_files"]
