"""Supported claims the checker marked 不一致 or 未找到, on a page written for these tests (tests/data/claims28).

- ``own_subject_period_form``: the claim's period said in other words in the figure's sentence ("今年1至9月" for "前三季度")
  is said there: the same measure told of "去年前三季度" is no other subject's figure for it;
- ``every_member``: "各县区" (one place word to jieba) names every member of a kind, no place: "在各县区中最多" is no place claim;
- ``bare_item_measure``: a roundup's item naming only its place ("；枫林市为85.7%", "；叶岭区126.4亿元，增长7.5%") measures what the
  list's lead says, and is told only of a claim naming its place.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over, checked_without, claim_verdicts, contradicted

PAGE = Path(__file__).parent / "data" / "claims28"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGE, tmp_path_factory, "claims28-index")


def _found(report) -> list[tuple]:
    return [(c.verdict, c.found) for c in report.claims]


def test_a_period_said_in_other_words_is_said(page_assistant, monkeypatch):
    claim = "前三季度全市法院结案率为86.1%。"
    assert page_assistant.check(claim).verdict == "supported"
    off = checked_without(page_assistant, claim, "own_subject_period_form", monkeypatch)
    assert contradicted(off) == [("82.4%", "时间")], claim_verdicts(off)


def test_a_wrong_rate_is_still_contradicted(page_assistant):
    report = page_assistant.check("前三季度全市法院结案率为88.1%。")
    assert report.verdict == "contradicted", claim_verdicts(report)


def test_every_member_of_a_kind_is_no_place(page_assistant, monkeypatch):
    claim = "前三季度白沙县城镇新增就业0.96万人，在各县区中最多。"
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)
    assert [c.claim.kind for c in report.claims] == ["figure"]
    off = checked_without(page_assistant, claim, "every_member", monkeypatch)
    assert "各县区" in [c.claim.stated for c in off.claims] and off.verdict != "supported"


def test_a_bare_item_measures_what_the_lead_says(page_assistant, monkeypatch):
    for claim, found in (("枫林市空气质量优良天数比例为85.7%。", "85.7%"), ("去年叶岭区地区生产总值增长7.5%。", "7.5%")):
        report = page_assistant.check(claim)
        assert _found(report) == [("supported", found)], claim_verdicts(report)
        assert checked_without(page_assistant, claim, "bare_item_measure", monkeypatch).verdict == "not_found"


@pytest.mark.parametrize("claim", [
    "去年叶岭区地区生产总值增长6.2%。",  # 白沙县's rate
    "白沙县空气质量优良天数比例为85.7%。",  # 枫林市's share
    "红溪区空气质量优良天数比例为94.8%。",  # 白沙县's share
    "去年全市地区生产总值增长7.5%。",  # 叶岭区's rate
])
def test_a_bare_items_figure_is_its_own_places_alone(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)


def test_a_rounded_figure_within_what_the_claim_allows(page_assistant, monkeypatch):
    claim = "全市竹编产业从业人员将近6万人。"
    report = page_assistant.check(claim)
    assert _found(report) == [("supported", "约5.8万人")], claim_verdicts(report)
    assert checked_without(page_assistant, claim, "about_within", monkeypatch).verdict == "contradicted"
    # "约5.8万人" may be under 5.8万: not "超过5.8万人"
    report = page_assistant.check("全市竹编产业从业人员超过5.8万人。")
    assert report.verdict != "supported", claim_verdicts(report)


def test_a_rank_after_a_figure_is_no_bare_item():
    # "…531.8万人次，居全市第1位；…": 居全市 is where the place before ranks, no place of an item (it took the lead's measure and
    # 居全市 as its place, and a supported rank claim became 未找到)
    from rag.check.parallel_measure import bare_item

    lead = ["青石县空气质量优良天数比例达到"]
    assert bare_item("居全市", lead) is None and bare_item("位居全市", lead) is None
    assert bare_item("枫林市为", lead) == ("枫林市", "空气质量优良天数比例达到")
    assert bare_item("叶岭区", lead) == ("叶岭区", "空气质量优良天数比例达到")


def test_a_common_noun_of_places_is_no_bare_item():
    # "…完成货邮吞吐量2310吨，增长9.3%；执飞航线28条，通航城市31个": 通航城市 ends like a city's name but is the thing counted,
    # no item's place (it took the lead's measure and a supported 通航城市 claim was told otherwise by 28条)
    from rag.check.parallel_measure import bare_item

    lead = ["青石市机场完成旅客吞吐量"]
    assert bare_item("通航城市", lead) is None and bare_item("服务社区", lead) is None
    assert bare_item("枫林市", lead) == ("枫林市", "机场完成旅客吞吐量")
