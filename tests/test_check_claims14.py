"""Figures left 未找到 (issue 10): a figure read again in the paragraph that told its sentence's other figure
(rag.check.told_together.with_sibling_hits), and the only figure of the claim's unit's kind in an article sentence that says all the claim says
(rag.check.only_of_kind). Sentences written for these tests (tests/data/claims14), not taken from the gold claims."""
from __future__ import annotations

from conftest import claim_verdicts, page_assistant_over
from rag.check import article_context, check_text


page_assistant = page_assistant_over("claims14")


def test_the_only_figure_of_its_kind_confirms(page_assistant, monkeypatch):
    claim = "青峰县为供热应急抢修队伍配了26辆抢修车。"  # 配了…抢修车 for 配备抢修车辆: 26辆 is the sentence's only 辆
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)
    assert report.claims[0].found == "26辆"
    monkeypatch.setenv("RAG_CHECK_ABLATE", "only_of_kind")
    assert page_assistant.check(claim).verdict == "not_found"


def test_a_wrong_figure_of_that_kind_is_contradicted(page_assistant):
    report = page_assistant.check("青峰县为供热应急抢修队伍配了29辆抢修车。")
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert report.claims[0].found == "26辆"


def test_a_figure_of_another_kind_is_not_the_claims(page_assistant):
    # 26名 is no 26辆: the people are the sentence's 420名
    report = page_assistant.check("青峰县为供热应急抢修队伍配了26名抢修人员。")
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert report.claims[0].found == "420名"


def _check_with_one_clause_unfound(assistant, text: str, unfound: str):
    """check_text over the real index, the search for the clause holding ``unfound`` finding nothing."""
    def search(query: str):
        return () if unfound in query else assistant.search(query, k=6, mode="keyword").hits

    return check_text(text, search, article_context(assistant.index), None)


def test_a_sentence_figure_is_read_where_its_sibling_was_told(page_assistant, monkeypatch):
    text = "上半年青峰县接待游客186.4万人次，旅游收入约十三亿元。"
    report = _check_with_one_clause_unfound(page_assistant, text, "十三亿元")
    assert [c.verdict for c in report.claims] == ["supported", "supported"], claim_verdicts(report)
    assert report.claims[1].found == "12.7亿元"
    # told_together (rag.check.told_together) reads the same sentence on its own: sibling_hits alone does it too,
    monkeypatch.setenv("RAG_CHECK_ABLATE", "told_together")
    report = _check_with_one_clause_unfound(page_assistant, text, "十三亿元")
    assert report.claims[1].verdict == "supported" and report.claims[1].found == "12.7亿元", claim_verdicts(report)
    # and with both second readings off it is 未找到
    monkeypatch.setenv("RAG_CHECK_ABLATE", "sibling_hits,told_together")
    report = _check_with_one_clause_unfound(page_assistant, text, "十三亿元")
    assert report.claims[1].verdict == "not_found", claim_verdicts(report)


def test_a_wrong_sibling_figure_is_contradicted_there(page_assistant):
    report = _check_with_one_clause_unfound(page_assistant, "上半年青峰县接待游客186.4万人次，旅游收入约十九亿元。", "十九亿元")
    assert report.claims[1].verdict == "contradicted", claim_verdicts(report)
    assert report.claims[1].found == "12.7亿元"


def test_no_sibling_no_second_reading(page_assistant):
    # a claim alone in its sentence, its search finding nothing, stays 未找到
    report = _check_with_one_clause_unfound(page_assistant, "上半年青峰县旅游收入约十三亿元。", "十三亿元")
    assert report.verdict == "not_found", claim_verdicts(report)
