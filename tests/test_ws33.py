"""Issue 10, session 33: three guards against a wrong 一致 (a not_found or contradicted claim told supported), from an audit
of every wrong 一致 of the dev halves. Each is a switch of rag.check.ablation; the page is written for this test.

- ``bind_start`` (rag.check.binding.bind_start_period): the start of a change is its own period's. "去年…漏损率为11.4%"
  against "改造后，…漏损率由上年的11.4%下降到9.2%" is 不一致 with 9.2%, as "截至9月底…比重为27.5%" against "由2023年底的27.5%
  提高到38.1%" is with 38.1% (dev: fresh15 ytc056, fresh18 ywb022, fresh19 yxb057).
- ``complement`` (rag.check.binding.bind_complement): a figure told of 非X is not X's, nor X's of 非X: "居民供热价格…34元"
  against "居民供热价格仍为…22元，非居民供热价格为…34元" is 不一致 with 22元 (dev: fresh14 ysd052, fresh18 ywb049).
- ``month_span_date`` (rag.check.claims._ends_month_span): the "10月" of "1至10月" is a period, no date claim confirmed by
  any "10月" of the page (dev: fresh20 yyc057, fresh21 yzc063).
"""
from __future__ import annotations

from conftest import checked_without, page_assistant_over

from rag.check.claims import _ends_month_span, find_claims
from rag.check.figures import find_figures

page_assistant = page_assistant_over("ws33")


def _one(report, stated: str):
    (claim,) = [c for c in report.claims if c.claim.stated == stated]
    return claim


# --------------------------------------------------------------------------- bind_start

LAST_YEAR_START = "去年中心城区公共供水管网漏损率为11.4%。"
MONTH_END_START = "截至9月底，全市光伏装机占电力总装机的比重为27.5%。"


def test_the_start_of_a_change_told_for_the_claims_year_gives_the_end(page_assistant):
    claim = _one(page_assistant.check(LAST_YEAR_START), "11.4%")
    assert (claim.verdict, claim.found, claim.differs) == ("contradicted", "9.2%", "时间"), claim.reason
    claim = _one(page_assistant.check(MONTH_END_START), "27.5%")
    assert (claim.verdict, claim.found) == ("contradicted", "38.1%"), claim.reason


def test_the_end_and_the_starts_own_period_stay_supported(page_assistant):
    # (a claim of 去年 against the end, "去年…漏损率为9.2%", is read by bind_from_period, which takes 上年 for 去年)
    assert _one(page_assistant.check("截至9月底，全市光伏装机占电力总装机的比重为38.1%。"), "38.1%").verdict == "supported"
    own = _one(page_assistant.check("2023年底，全市光伏装机占电力总装机的比重为27.5%。"), "27.5%")
    assert own.verdict == "supported", own.reason


def test_switched_off_the_start_is_read_as_before(page_assistant, monkeypatch):
    claim = _one(checked_without(page_assistant, LAST_YEAR_START, "bind_start", monkeypatch), "11.4%")
    assert claim.verdict == "supported"  # the old wrong 一致


# --------------------------------------------------------------------------- complement

PLAIN_FOR_NEGATED = "今年主城区居民供热价格为每平方米每个供暖季34元。"
NEGATED_FOR_PLAIN = "全市非国有博物馆有11家。"


def test_a_figure_of_the_complement_tells_the_claims_own_part(page_assistant):
    claim = _one(page_assistant.check(PLAIN_FOR_NEGATED), "34元")
    assert (claim.verdict, claim.found, claim.differs) == ("contradicted", "22元", "对象"), claim.reason
    claim = _one(page_assistant.check(NEGATED_FOR_PLAIN), "11家")
    assert (claim.verdict, claim.found, claim.differs) == ("contradicted", "8家", "对象"), claim.reason


def test_each_part_told_its_own_figure_stays_supported(page_assistant):
    assert _one(page_assistant.check("今年主城区非居民供热价格为每平方米每个供暖季34元。"), "34元").verdict == "supported"
    assert _one(page_assistant.check("今年主城区居民供热价格为每平方米每个供暖季22元。"), "22元").verdict == "supported"
    assert _one(page_assistant.check("全市国有博物馆有11家。"), "11家").verdict == "supported"
    assert _one(page_assistant.check("全市非国有博物馆有8家。"), "8家").verdict == "supported"


def test_switched_off_the_complement_is_read_as_before(page_assistant, monkeypatch):
    claim = _one(checked_without(page_assistant, NEGATED_FOR_PLAIN, "complement", monkeypatch), "11家")
    assert claim.verdict == "supported"  # the old wrong 一致


# --------------------------------------------------------------------------- month_span_date

SPAN = "西河区1至10月PM2.5平均浓度为31微克/立方米。"


def test_the_month_ending_a_span_is_no_date_claim():
    text = "黄骅市1至10月PM2.5平均浓度为31微克/立方米"
    (date,) = [f for f in find_figures(text) if f.kind == "date"]
    assert _ends_month_span(text, date)
    for other in ("1—10月", "1-10月", "3月至10月"):
        said = f"全市{other}空气质量优良"
        assert _ends_month_span(said, [f for f in find_figures(said) if f.kind == "date"][-1]), other
    # a month of its own, or of a year, is a date
    for own in ("全市10月空气质量优良", "全市6月10月空气质量优良"):
        assert not _ends_month_span(own, [f for f in find_figures(own) if f.kind == "date"][-1]), own
    assert not [c for c in find_claims(SPAN)[0] if c.stated == "10月"]


def test_a_claim_whose_only_date_ends_a_span_is_not_supported(page_assistant, monkeypatch):
    report = page_assistant.check(SPAN)
    assert report.claims and all(c.verdict != "supported" and c.claim.stated != "10月" for c in report.claims)
    off = checked_without(page_assistant, SPAN, "month_span_date", monkeypatch)
    assert [c.claim.stated for c in off.claims] == ["10月"]  # read as a date claim before (on the dev pages: a hollow 一致)
