"""Chunking of the real seed paragraphs and of hard synthetic ones."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.chunking import DEFAULT_MAX_CHARS, chunk_paragraphs, chunk_spans
from rag.ingest import load_corpus
from rag.schema import Paragraph
from rag.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

NUMBER = re.compile(r"[0-9]+(?:[.:/\-][0-9]+)*%?")
QUOTED_NAME = re.compile(r"“[^“”。！？；]{1,28}”|《[^《》]{1,60}》")


@pytest.fixture(scope="module")
def paragraphs() -> list[Paragraph]:
    return load_corpus(SEEDS)[1]


def paragraph(text: str, number: int = 1) -> Paragraph:
    return Paragraph("t.txt", "标题", number, 0, len(text), text, text)


def cuts_inside(text: str, pattern: re.Pattern, cut: int) -> bool:
    return any(m.start() < cut < m.end() for m in pattern.finditer(text))


def check_chunks(paragraphs: list[Paragraph], max_chars: int, overlap: int = 0) -> list:
    chunks = chunk_paragraphs(paragraphs, max_chars=max_chars, overlap_sentences=overlap)
    assert [c.id for c in chunks] == list(range(len(chunks)))
    by_number = {(p.source, p.number): p for p in paragraphs}
    for c in chunks:
        p = by_number[(c.source, c.paragraph)]
        assert c.text == p.text[c.para_start:c.para_end] and c.text.strip() == c.text and c.text
        assert len(c.text) <= max_chars
        assert c.title == p.title
        for cut in (c.para_start, c.para_end):
            assert not cuts_inside(p.text, NUMBER, cut), (p.text[max(0, cut - 10):cut], p.text[cut:cut + 10])
            assert not cuts_inside(p.text, QUOTED_NAME, cut), (p.text[max(0, cut - 10):cut], p.text[cut:cut + 10])
    return chunks


@pytest.mark.parametrize("max_chars", [40, 80, 120, DEFAULT_MAX_CHARS, 400])
def test_seed_chunks_are_slices_under_the_cap_and_never_cut_numbers_or_names(paragraphs, max_chars):
    chunks = check_chunks(paragraphs, max_chars)
    for p in paragraphs:
        own = [c for c in chunks if (c.source, c.paragraph) == (p.source, p.number)]
        # together the chunks are the whole paragraph, in order, without overlap
        assert "".join(c.text for c in own).replace(" ", "") == p.text.replace(" ", "")
        assert all(a.para_end <= b.para_start for a, b in zip(own, own[1:]))
        if len(p.text) <= max_chars:
            assert len(own) == 1


def test_long_paragraphs_are_cut_at_sentence_ends_when_sentences_fit(paragraphs):
    chunks = chunk_paragraphs(paragraphs, max_chars=DEFAULT_MAX_CHARS)
    by_number = {(p.source, p.number): p for p in paragraphs}
    for c in chunks:
        p = by_number[(c.source, c.paragraph)]
        if c.para_end < len(p.text):
            sentences_fit = all(len(s) <= DEFAULT_MAX_CHARS for s in re.split(r"(?<=[。！？；;])", p.text))
            if sentences_fit:
                assert re.search(r"[。！？；;][”’）]*$", c.text), c.text[-20:]


def test_seed_default_keeps_most_paragraphs_whole(paragraphs):
    chunks = chunk_paragraphs(paragraphs)
    assert len(paragraphs) <= len(chunks) <= 1.3 * len(paragraphs)


def test_chunks_are_balanced_not_greedy():
    text = "第一句话有一些内容。" * 21  # 210 characters, 21 sentences
    spans = chunk_spans(text, max_chars=200)
    lengths = [end - start for start, end in spans]
    assert len(spans) == 2 and max(lengths) - min(lengths) <= 10


def test_an_overlong_sentence_is_cut_at_clause_marks_outside_quotes():
    text = (
        "坚持“小切口、准发力、效果佳”标准，发放灵活就业社保补贴及公益性岗位补贴等共计3792.64万元，"
        "组织农村劳动力转移就业3263人次，劳务收入6915万元，印发《青海省以工代赈项目村民自建工作指南（试行）》，"
        "就业率达92.5%，电话0352-6248070，构建1+1+N零工就业服务体系，AI数字人直播带岗，"
        "“党组织就像‘主心骨’，把物业、社区、业委会等多方力量拧成了一股绳，服务更主动，治理也更顺畅了。”"
    )
    p = paragraph(text)
    for max_chars in (45, 60, 100):  # every clause fits
        chunks = check_chunks([p], max_chars)
        assert len(chunks) > 1
        assert all(c.text.endswith(("，", "。”", "、")) or c.para_end == len(text) for c in chunks), [c.text for c in chunks]
    assert any("3792.64万元" in c.text for c in chunk_paragraphs([p], 30))


@pytest.mark.parametrize("max_chars", range(12, 41))
def test_text_without_any_punctuation_is_hard_cut_but_numbers_stay_whole(max_chars):
    text = "新增就业2047人转移就业3263.5人次收入6915万元就业率达92.31%电话0352-6248070编码B0001S314" * 4
    chunks = check_chunks([paragraph(text)], max_chars)
    assert "".join(c.text for c in chunks) == text
    for number in ("2047", "3263.5", "6915", "92.31%", "0352-6248070", "B0001S314"):
        assert sum(c.text.count(number) for c in chunks) == 4, number


def test_a_name_longer_than_the_cap_is_cut_rather_than_breaking_the_cap():
    text = "见《" + "很长的书名" * 20 + "》一书。"
    chunks = chunk_paragraphs([paragraph(text)], max_chars=30)
    assert all(len(c.text) <= 30 for c in chunks) and "".join(c.text for c in chunks) == text


def test_overlap_repeats_the_previous_sentence_within_the_cap(paragraphs):
    long_ones = [p for p in paragraphs if len(p.text) > 300]
    plain = chunk_paragraphs(long_ones, max_chars=150)
    overlapped = check_chunks(long_ones, 150, overlap=1)
    assert len(overlapped) == len(plain)
    assert sum(c.para_start for c in overlapped) < sum(c.para_start for c in plain)
    by_number = {(p.source, p.number): p for p in long_ones}
    for own, with_overlap in zip(plain, overlapped):
        assert own.para_end == with_overlap.para_end
        text = by_number[(own.source, own.paragraph)].text
        previous = [start for start, end in split_sentences(text) if end <= own.para_start]
        if previous and own.para_end - previous[-1] <= 150:  # room for one more sentence
            assert with_overlap.para_start == previous[-1]
        else:
            assert with_overlap.para_start == own.para_start


def test_empty_and_whitespace_paragraphs_give_no_chunks():
    assert chunk_spans("", 100) == [] and chunk_spans("  ", 100) == []


def test_bad_arguments_are_rejected():
    with pytest.raises(ValueError):
        chunk_paragraphs([], max_chars=0)
    with pytest.raises(ValueError):
        chunk_paragraphs([], overlap_sentences=-1)
