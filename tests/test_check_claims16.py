"""Fact-check readings of the sixteenth session (issue 10), on pages written for these tests (tests/data/claims16):

- ``place_subject`` (rag.check.article_subject): a place claim whose place opens its clause is told by an article sentence
  that names no place, when the article's last place of that kind before it is the claim's; not when the sentence's own
  subject is another place named just before ("…金湾区则探索…。该区引入…").
- ``misquote_first`` (rag.check.verify.contradicting): the very number misquoted, its digits in another order, is what the
  article says (``found``), before a figure of another value whose clause matches the claim's words as closely.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts

PAGE = Path(__file__).parent / "data" / "claims16"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims16-index")


def test_a_place_told_by_its_article_lead_is_confirmed(page_assistant, monkeypatch):
    claim = "松岭县顺利通过了国家义务教育优质均衡发展县督导评估。"  # the sentence says 全县…, the lead 松岭县
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)
    cited = report.claims[0].citations[0]
    assert "督导评估" in cited.text[cited.text_answer_start:cited.text_answer_end]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "place_subject")
    assert page_assistant.check(claim).verdict == "not_found"


def test_another_place_of_the_same_kind_is_not_the_articles(page_assistant):
    # the sentence's 该区 is the 金湾区 named right before it, though the article opens with 安平区
    report = page_assistant.check("安平区引入云江城建集团参与老街片区改造。")
    assert report.verdict != "supported", claim_verdicts(report)


def test_a_place_where_something_happens_is_not_read_so(page_assistant):
    # 在松岭县… is where, not whose: the sentence must name it
    report = page_assistant.check("组建教育集团的工作在松岭县城关镇开展。")
    assert report.verdict != "supported", claim_verdicts(report)


def test_the_rest_of_the_clause_must_still_be_the_articles(page_assistant):
    report = page_assistant.check("松岭县顺利通过了国家学前教育普及普惠县督导评估。")
    assert report.verdict != "supported", claim_verdicts(report)


def test_a_transposed_number_is_what_the_article_says(page_assistant, monkeypatch):
    claim = "招聘会现场达成初步就业意向的硕士及以上学历人员有750人。"
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert report.claims[0].found == "570人", claim_verdicts(report)


def test_the_place_named_just_before_is_the_sentences(page_assistant):
    report = page_assistant.check("金湾区引入云江城建集团参与老街片区改造。")
    assert report.verdict == "supported", claim_verdicts(report)


def test_without_the_switch_another_figure_is_found(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "misquote_first")
    report = page_assistant.check("招聘会现场达成初步就业意向的硕士及以上学历人员有750人。")
    assert report.claims[0].found != "570人", claim_verdicts(report)


def test_a_city_named_after_the_district_is_the_sentences_subject(page_assistant, monkeypatch):
    # "…安平区…。云江市住建局…介绍了…。下一步将推行…": the sentence goes on about the city, not the district before it
    claim = "安平区下一步将推行片区统筹改造模式。"
    report = page_assistant.check(claim)
    assert report.verdict != "supported", claim_verdicts(report)
    monkeypatch.setenv("RAG_CHECK_ABLATE", "place_subject_any")
    assert page_assistant.check(claim).verdict == "supported"


def test_a_number_of_the_clause_must_be_the_sentences_too(page_assistant):
    # the sentence names no place and says 90分; the clause's 180分 is no word of it, whatever the place
    wrong = page_assistant.check("松岭县对家长满意度在180分以上的学校给予奖励。")
    assert "supported" not in [verdict for verdict, *_ in claim_verdicts(wrong)], claim_verdicts(wrong)
    right = page_assistant.check("松岭县对家长满意度在90分以上的学校给予奖励。")
    assert right.verdict == "supported", claim_verdicts(right)
