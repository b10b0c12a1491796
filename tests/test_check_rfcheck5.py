"""Fact checking, review of the fifth round (helper "rfcheck5"): readings of that round firing beyond what they say.
The page checked here (tests/data/check_rfcheck5/) and its sentences were written for these tests."""
from __future__ import annotations

import pytest

from conftest import page_assistant_over

from rag.check.claims import names_another, referents_of
from rag.check.subject import names_in


page_assistant = page_assistant_over("check_rfcheck5")


@pytest.mark.parametrize("text, codes", [
    ("青溪县新建110kV变电站2座", ()),  # a number with a unit symbol is a quantity
    ("新建农村公路全长12km", ()),
    ("3.5GHz频段", ()),
    ("实现GDP2.3万亿元", ()),  # letters run into a figure: GDP measures 2.3万亿元
    ("5A级景区3家", ("5A级",)),  # grades and models stay names
    ("建成5G基站1200个", ("5G",)),
    ("PM2.5平均浓度30微克", ("PM2.5",)),
])
def test_codes_are_not_quantities(text, codes):
    assert tuple(n for n in names_in(text) if any(ch.isascii() and ch.isalnum() for ch in n)) == codes


def test_referent_is_a_name_not_what_was_done():
    text = "青溪县共实施重点项目35个。该项目总投资18亿元。"
    assert referents_of(text, text.find("。") + 1, len(text)) == ()
    text = "3月28日，青岚县人民医院新院区投入使用。这家医院始建于1958年。"
    assert referents_of(text, text.find("。") + 1, len(text)) == ("青岚县人民医院",)


def test_an_article_pointer_names_no_other_thing():
    assert not names_another("青溪县重点项目", "该项目总投资18亿元，由县城投公司建设。")
    assert names_another("青岚县人民医院", "始建于1958年的青岚县中医院")


@pytest.mark.parametrize("claim, verdict, found", [
    ("青溪县新建110kV变电站2座。", "supported", None),  # 110千伏 in the article: kV is a unit, not a model's name
    ("青溪县共实施重点项目35个。该项目总投资18亿元。", "supported", None),  # the article's own 该项目
    ("全县一季度接待游客12万人次。", "contradicted", "80万人次"),  # 12万人次 is 河口镇's, a part of the county
    ("全县一季度接待游客80万人次。", "supported", None),
    ("河口镇一季度接待游客12万人次。", "supported", None),
    # 分别 after places: each figure is its own place's, the other item's place is not its own
    ("城东区新增就业2047人。", "contradicted", "1800人"),
    ("城东区新增就业1800人。", "supported", None),
    ("城中区新增就业2047人。", "supported", None),
    ("河西街道新建社区食堂3个。", "contradicted", "5个"),  # 和平 is a place's name, not the conjunction 和
    ("河西街道新建社区食堂5个。", "supported", None),
    # part_of_year: 100亿元 follows 全年, it is the year's figure though a quarter is said earlier in the sentence
    ("2025年石门县规模以上工业企业营业收入100亿元。", "supported", None),
    ("2025年石门县规模以上工业企业营业收入120亿元。", "contradicted", "100亿元"),
    ("2025年石门县规模以上工业企业一季度营业收入增长5%。", "supported", None),
    ("2025年石门县规模以上工业企业营业收入增长5%。", "not_found", None),  # 5% is the first quarter's
])
def test_review_readings(page_assistant, claim, verdict, found):
    report = page_assistant.check(claim)
    assert report.verdict == verdict, [(c.verdict, c.reason) for c in report.claims]
    if found:
        assert [c.found for c in report.claims if c.verdict == "contradicted"] == [found]


def test_enumeration_splits_at_words_not_characters():
    from rag.check.candidates import _enumeration

    assert _enumeration("和平街道和河西街道") == ["和平街道", "河西街道"]
    assert _enumeration("全市工业用电量、货运量同比") == ["全市工业用电量", "货运量同比"]


def test_whole_year_after_a_quarter():
    from rag.check.candidates import _own_periods

    assert _own_periods("2025年，规模以上工业企业一季度营业收入增长5%，全年营业收入达到") == ("2025",)
    assert "Q1" in _own_periods("2025年，规模以上工业企业一季度营业收入")


def test_a_year_does_not_confirm_a_month():
    from rag.check.compare import dates_agree, value_satisfies
    from rag.check.figures import find_figures

    def date(text):
        return next(f for f in find_figures(text) if f.kind == "date")

    assert not value_satisfies(date("2025年4月"), date("2025年"))  # the article tells no month
    assert value_satisfies(date("2025年4月"), date("4月"))  # a month without its year may be the claim's
    assert value_satisfies(date("2025年"), date("2025年4月"))
    assert dates_agree(date("2025年4月"), date("2025年")) and not dates_agree(date("2025年4月"), date("2025年3月"))


def test_event_month_against_the_sentence_year(page_assistant):
    # the sentence's "2025年" is no 一致 for the claim's month, and not what the article says instead: 2025年3月 is
    report = page_assistant.check("2025年石门县新增市场主体1.2万户，于2025年4月启动“个转企”行动。")
    dated = [c for c in report.claims if c.claim.stated == "2025年4月"]
    assert [(c.verdict, c.found) for c in dated] == [("contradicted", "2025年3月")]


def test_a_comparison_date_is_no_event_date():
    from rag.check.claims import find_claims

    claims, _ = find_claims("全县全年营收8亿元高于2024年。")
    assert [c.stated for c in claims] == ["8亿元"]
    claims, _ = find_claims("总投资1.2亿元的物流基地于去年6月投入运营。")
    assert [c.stated for c in claims] == ["1.2亿元", "6月"]
