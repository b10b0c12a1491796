"""Fact-check readings of the twenty-first session, on a page written for these tests (tests/data/claims21): a rank is a
figure.

- ``rank`` (rag.check.figures): "居全省第3位", "排名第一", "居全市首位" after a verb of ranking are figures (unit 位次), so a rank
  claim is checked instead of being left 未找到.
- ``rank_fallback`` (rag.check): a sentence whose rank no article tells is checked as it was read before.
- ``agree_rank`` (rag.check.agreement): a rank is a small number many measures share; it is 一致 only where the article ranks
  the claim's measure, among the claim's whole, of the claim's subject.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted
from rag.check.figures import RANK_UNIT, find_figures

PAGE = Path(__file__).parent / "data" / "claims21"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims21-index")


def test_ranks_after_a_verb_of_ranking_are_figures():
    def ranks(text):
        return [(f.written, int(f.value)) for f in find_figures(text) if f.unit == RANK_UNIT]

    assert ranks("粮食产量居全省第2位") == [("第2位", 2)]
    assert ranks("增速在全市各县区中排名第一") == [("第一", 1)]
    assert ranks("两项指标均居全州首位，继续位居各港区之首") == [("首位", 1), ("之首", 1)]
    assert ranks("第三届运动会在第一中学举行") == []  # ordinals that rank nothing
    assert ranks("排名第一批试点") == []


def test_a_rank_is_confirmed_and_contradicted(page_assistant):
    report = page_assistant.check("上半年全市社会消费品零售总额居全省第三。")
    assert report.verdict == "supported", claim_verdicts(report)
    report = page_assistant.check("上半年全市社会消费品零售总额居全省第二。")
    assert report.verdict == "contradicted" and contradicted(report) == [("第3位", "数值")], claim_verdicts(report)
    report = page_assistant.check("上半年全市网络零售额增速居全省第一。")  # the rank of the clause's own measure, 增速
    assert report.verdict == "supported", claim_verdicts(report)
    report = page_assistant.check("上半年全市网络零售额增速居全省第二。")
    assert report.verdict == "contradicted" and contradicted(report) == [("第1位", "数值")], claim_verdicts(report)


def test_a_rank_of_another_measure_or_whole_is_not_confirmed(page_assistant, monkeypatch):
    # the city's 社会消费品零售总额 is third in the province by amount, not by 增速; nor third in the city
    for claim in ("上半年全市社会消费品零售总额增速居全省第三。", "上半年全市社会消费品零售总额居全市第三。"):
        report = page_assistant.check(claim)
        assert report.verdict == "not_found", (claim, claim_verdicts(report))
    claim = "上半年全市社会消费品零售总额增速居全省第三。"
    assert checked_without(page_assistant, claim, "agree_rank", monkeypatch).verdict == "supported"


def test_without_the_rank_reading_a_rank_claim_is_not_checked(page_assistant, monkeypatch):
    claim = "上半年全市社会消费品零售总额居全省第三。"
    assert checked_without(page_assistant, claim, "rank", monkeypatch).claims == ()


def test_a_sentence_whose_rank_no_article_tells_is_read_as_before(page_assistant, monkeypatch):
    # the page gives no rank for 住宿和餐饮业: the sentence is checked on its amount, as before ranks were figures
    claim = "上半年全市限额以上住宿和餐饮业营业额52.1亿元，居全省第一。"
    report = page_assistant.check(claim)
    assert [c.verdict for c in report.claims] == ["supported"], claim_verdicts(report)
    assert [c.verdict for c in checked_without(page_assistant, claim, "rank_fallback", monkeypatch).claims] == ["supported", "not_found"]
