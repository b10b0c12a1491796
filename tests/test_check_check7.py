"""Fact checking, seventh round (helper "check7"): an article figure's measure is its own clause and its subject is read
through a pointer (该校, 这所…) to the name said before; a part the claim names is not another figure's whole. Tested on a page
written for these tests (tests/data/check7/), not on evaluation pages."""
from __future__ import annotations

import pytest

from conftest import claim_verdicts, page_assistant_over


page_assistant = page_assistant_over("check7")


@pytest.mark.parametrize("claim, verdict, found", [
    # "该校位于县城北部新区，" is the subject of 57亩, not its measure; 该校 is the school named in the sentence before
    ("澜溪县第二实验中学占地75亩", "contradicted", "57亩"),
    ("澜溪县第二实验中学占地57亩", "supported", None),
    ("澜溪县第二实验中学建筑面积达二万八千平方米", "supported", None),
    # 建成区 is a kind of area, no smaller place the 1300辆 are told of
    ("上半年澜溪县淘汰老旧柴油货车1300辆", "supported", None),
    # the second figure of "由380张增加到560张" measures what the first does, and 增加到 is no other event
    ("澜溪县人民医院的编制床位已从380张增至560张", "supported", None),
    # "两年来，该线路…" points back at the line named in the sentence before
    ("澜溪至宁川城际公交开通两年来运送旅客超过90万人次", "supported", None),
    # a figure before 的 measures what is named right before it
    ("澜溪县第二实验中学总投资7400万元", "supported", None),
    # "其中，" says whose 415家 are (a part of the 642家), not what they measure: the claim's 民营企业 are 415家
    ("前三季度澜溪县有进出口实绩的民营企业共有415家", "supported", None),
])
def test_the_figures_own_clause_and_subject(page_assistant, claim, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict, claim_verdicts(report)
    if found:
        assert found in [c.found for c in report.claims if c.verdict == "contradicted"], claim_verdicts(report)


@pytest.mark.parametrize("claim", [
    "澜溪县公办幼儿园在园幼儿超过5000人",  # 7200余人 are all the children; 公办幼儿园 are the 31所
    "上半年澜溪县地表水Ⅳ类断面比例约为6%",  # 91.2% is Ⅰ—Ⅲ类's share
    "澜溪县已累计改造老旧小区500个以上",  # 64个 is one half-year's
])
def test_another_part_grade_or_span_is_not_contradicted(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "not_found", claim_verdicts(report)


def test_the_wholes_figure_still_contradicts_the_whole(page_assistant):
    report = page_assistant.check("澜溪县在园幼儿超过9000人")
    assert report.verdict == "contradicted", claim_verdicts(report)


def test_a_pointers_noun_alone_is_the_articles_own(page_assistant):
    report = page_assistant.check("澜溪县人民医院新门诊楼于8月投入使用。这家医院前三季度门急诊量达到35.1万人次。")
    assert "31.5万人次" in [c.found for c in report.claims if c.verdict == "contradicted"], claim_verdicts(report)


@pytest.mark.parametrize("ingredient, claim, verdict", [
    ("qualified", "澜溪县公办幼儿园在园幼儿超过5000人", "contradicted"),
    ("cumulative", "澜溪县已累计改造老旧小区500个以上", "contradicted"),
    ("common_area", "上半年澜溪县淘汰老旧柴油货车1300辆", "not_found"),
    ("from_to", "澜溪县人民医院的编制床位已从380张增至560张", "not_found"),
])
def test_the_ingredients_can_be_switched_off(page_assistant, monkeypatch, ingredient, claim, verdict):
    from rag.check.candidates import _common_noun, _paragraph_figures

    monkeypatch.setenv("RAG_CHECK_ABLATE", ingredient)
    _paragraph_figures.cache_clear(), _common_noun.cache_clear()  # (the figures of a paragraph are read once)
    try:
        assert page_assistant.check(claim).verdict == verdict, claim_verdicts(page_assistant.check(claim))
    finally:
        _paragraph_figures.cache_clear(), _common_noun.cache_clear()


def test_a_subject_clause_is_not_the_figures_measure(monkeypatch):
    from rag.check.candidates import _paragraph_figures

    text = "该校位于县城北部新区，占地57亩，建筑面积2.8万平方米。"

    def label_of(written):
        _paragraph_figures.cache_clear()
        return next(row[1] for row in _paragraph_figures(text) if row[0].written == written)

    assert "位于" not in label_of("57亩") and "占地" in label_of("57亩")
    text = "全县有进出口实绩的企业达到642家。其中，民营企业415家，进出口额合计86.3亿元。"
    assert label_of("415家").strip(" ，") == "民营企业"
    text = "该校位于县城北部新区，占地57亩，建筑面积2.8万平方米。"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "subject_clause")
    assert "位于" in label_of("57亩")
    _paragraph_figures.cache_clear()
