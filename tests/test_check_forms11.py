"""Fact checking, helper "forms11" (issue 10): a claim states the article's figure in another form or rounded with a
qualifier, as reporters do ("约512亿元" for 512.4亿元, "一千二百多家" for 1270家, "一亿二千万元" for 1.2亿元, "超过两成" for
23.4%, "约占全港的五成" for 47.2%), and must still not match another figure ("约560亿元" is not 512.4亿元). The tolerance
is one rule, from the place of the stated figure's last digit and its qualifier (rag.check.compare.allowed_range).
Tested on a page written for these tests (tests/data/forms11/), not on evaluation pages."""
from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import claim_verdicts, page_assistant_over

from rag.check.compare import allowed_range, precision, units_match, value_satisfies
from rag.check.figures import find_figures


def _figure(text: str):
    figures = [f for f in find_figures(text) if f.kind == "figure"]
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize("text, value, qualifier", [
    ("一亿五千万元", Decimal("150000000"), "exact"),  # 1亿 and 5000万, not (1亿 + 5000) × 1万
    ("三亿零五百万元", Decimal("305000000"), "exact"),
    ("一亿八千三百万吨", Decimal("183000000"), "exact"),
    ("增幅超过两成", Decimal(20), "lower"),
    ("约占全市的三成", Decimal(30), "about"),  # 约 before the whole the share is of
    ("已超过计划的九成", Decimal(90), "lower"),
    ("五十八万余人次", Decimal("580000"), "lower"),
    ("完成了年度计划的近四分之一", Decimal(25), "near"),  # a fraction is a share
    ("约占三分之一", Decimal(100) / 3, "about"),
])
def test_chinese_numerals_and_shares_are_read_whole(text, value, qualifier):
    figure = _figure(text)
    assert figure.value == value and figure.qualifier == qualifier


def test_the_months_of_the_year_so_far_are_a_period_not_a_figure():
    assert not [f for f in find_figures("今年前10个月，全市") if f.kind == "figure"]
    assert not [f for f in find_figures("今年前十个月，全市") if f.kind == "figure"]
    assert [f.written for f in find_figures("出口额连续3个月增长")] == ["3个月"]  # a duration stated


@pytest.mark.parametrize("text, unit", [("404亿元", Decimal(10) ** 8), ("2200亿元", Decimal(10) ** 10), ("403.6亿元", Decimal(10) ** 7),
                                         ("六十多幢", Decimal(10)), ("一千多万人次", Decimal(10) ** 7), ("约占三成", Decimal(10))])
def test_precision_is_the_place_of_the_last_digit_stated(text, unit):
    assert precision(_figure(text)) == unit


@pytest.mark.parametrize("stated, found", [
    ("约404亿元", "403.6亿元"), ("超过2200亿元", "2216.4亿元"), ("接近400亿元", "398.5亿元"), ("一千多万人次", "1068万人次"),
    ("六十多幢", "67幢"), ("接近1.4亿人次", "1.38亿人次"), ("增幅超过两成", "22.7%"), ("约占全市的三成", "31%"),
    ("23700万件", "2.37亿件"), ("一亿五千万元", "1.5亿元"), ("五千四百个", "5400个"), ("一百二十万平方米", "120万平方米"),
    ("两万一千亩", "2.1万亩"), ("六百余座", "604座"), ("近一成", "9.6%"),
    ("近四分之一", "23.9%"), ("约占三分之一", "32.8%"),
])
def test_a_figure_in_another_form_or_rounded_matches(stated, found):
    ours, theirs = _figure(stated), _figure(found)
    assert units_match(ours, theirs) and value_satisfies(ours, theirs)


@pytest.mark.parametrize("stated, found", [
    ("约404亿元", "440亿元"),  # within a tenth, but not 404 rounded
    ("约404亿元", "402.1亿元"),
    ("超过2200亿元", "2190亿元"),
    ("接近1.4亿人次", "1.24亿人次"),  # more than one place of its last digit under
    ("接近400亿元", "401.2亿元"),  # 接近 is under
    ("一千四百多家", "6280家"),  # 多 after the number: less than one more of its last place
    ("六十多幢", "72幢"),
    ("约占三成", "36%"),
    ("三成", "41%"),
    ("近四分之一", "21%"),
    ("三分之一", "38%"),
])
def test_a_rounded_figure_does_not_match_another(stated, found):
    assert not value_satisfies(_figure(stated), _figure(found))


def test_the_precision_switch_restores_the_tenth(monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "precision")
    assert allowed_range(_figure("约404亿元")) == (Decimal("36360000000.0"), Decimal("44440000000.0"))
    assert value_satisfies(_figure("一千四百多家"), _figure("6280家"))


page_assistant = page_assistant_over("forms11")


@pytest.mark.parametrize("claim", [
    "今年前十个月，青溪市外贸进出口超过1800亿元，同比增长6.2%",
    "机电产品出口约512亿元",
    "全市冬季旅游季累计接待游客接近2.7亿人次，增幅超过两成",
    "市、区两级累计发放了一亿二千万元文旅消费券",
    "全市茶叶种植面积比去年底增加了一万三千亩",
])
def test_the_article_figure_told_in_another_form_is_supported(page_assistant, claim):
    report = page_assistant.check(claim)
    assert report.verdict == "supported", claim_verdicts(report)


@pytest.mark.parametrize("claim, found", [
    ("机电产品出口约560亿元", "512.4亿元"),  # within a tenth of 512.4亿 but not it rounded
    ("今年前10个月，青溪市外贸进出口超过1900亿元", "1873.6亿元"),
])
def test_a_rounded_figure_that_is_not_the_article_figure_is_contradicted(page_assistant, claim, found):
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    assert found in [c.found for c in report.claims], claim_verdicts(report)


def test_the_same_measure_of_a_parallel_subject_is_not_the_claims(page_assistant):
    claim = "南岭港区完成集装箱吞吐量86.4万标箱"  # 86.4万标箱 are 北湾港区's, told in a parallel clause
    report = page_assistant.check(claim)
    assert report.verdict == "contradicted" and "52.7万标箱" in [c.found for c in report.claims], claim_verdicts(report)
    assert page_assistant.check("北湾港区完成集装箱吞吐量86.4万标箱").verdict == "supported"


def test_parallel_clauses_differ_in_their_leads(monkeypatch):
    from rag.check.readings import _leads

    assert _leads("石滩港区完成集装箱吞吐量142.6万标箱", "东沪港区完成61.3万标箱") == ("石滩", "东沪")
    assert _leads("全市新增就业1.2万人", "其中城镇新增就业8000人") is None  # 其中 is no subject's name
    assert _leads("西坪镇举办分会场比赛28场", "全年承办比赛32场") is None  # what was done, not who
    assert _leads("全市新增就业1.2万人", "全市新增就业1.2万人") is None  # nothing differs
    assert _leads("同比增长6.2%", "增长8.9%") is None  # no shared word after a lead on both sides
