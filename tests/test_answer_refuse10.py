"""Near misses and paraphrases of the ninth session (issue 11, helper refuse10), on sentences written for these
tests in the articles' style: a figure of a neighbouring place of the asked one's level, of another edition or
batch (第三届 for 第二届), or per unit of measure (每公斤) does not answer; a noun the paragraph says in its long form
(电动自行车 for 电动车) is said for all its sentences. Each reading is switched off (RAG_ANSWER_ABLATE) to show the
test fails without it."""
from __future__ import annotations

import pytest

from rag.answer import extract_answer

from conftest import paragraph_maker, ranked

TITLE = "清河区12345热线年度报告发布"


paragraph = paragraph_maker(title=TITLE, source="910_test.txt")


STREETS = paragraph(
    "双桥街道持续推进“接诉即办”，群众满意率逐年提升。"
    "在街道层面，全区12个街乡中，望湖街道全年受理工单1.2万件，居各街乡首位。"
)


def test_a_neighbouring_street_s_figure_does_not_answer_for_the_asked_street(monkeypatch):
    asked = extract_answer("双桥街道全年受理了多少件工单？", ranked(STREETS))
    assert asked.refused and "文中只有" in asked.answer and "望湖街道" in asked.answer, asked.answer
    own = extract_answer("望湖街道全年受理了多少件工单？", ranked(STREETS))
    assert not own.refused and own.short == "1.2万件", own.answer
    # three readings refuse it: the neighbour of the asked street's level, the listed sibling's own clause
    # (near_miss.sibling_subject) and the 全区 figure for a street (near_miss.whole_for_part); each alone still does,
    # all off answer the neighbour's figure
    for one in ("neighbour_place", "sibling_subject", "whole_for_part"):
        monkeypatch.setenv("RAG_ANSWER_ABLATE", one)
        assert extract_answer("双桥街道全年受理了多少件工单？", ranked(STREETS)).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "neighbour_place,sibling_subject,whole_for_part")
    assert extract_answer("双桥街道全年受理了多少件工单？", ranked(STREETS)).short == "1.2万件"


DISTRICTS = paragraph(
    "松山区依托老街布局“书香小巷”阅读点，去年新增阅读点11个。"
    "临江区在江边建成“江畔书房”6家，全年接待读者近40万人次。",
    title="全市城市书房建设提速",
)


def test_a_neighbouring_district_s_figure_does_not_answer_for_the_asked_district(monkeypatch):
    asked = extract_answer("松山区去年接待了多少人次读者？", ranked(DISTRICTS))
    assert asked.refused, asked.answer
    own = extract_answer("临江区全年接待了多少人次读者？", ranked(DISTRICTS))
    assert not own.refused and own.short == "近40万人次", own.answer
    # near_miss.named reads the same sibling (临江区 for 松山区) by its kind character: both switched off
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "neighbour_place,named_kind")
    assert not extract_answer("松山区去年接待了多少人次读者？", ranked(DISTRICTS)).refused


FAIR = paragraph(
    "9月18日至20日，第三届清河草原乳肉产品交易会在河口镇举办，现场签约项目27个，签约金额4.3亿元。",
    title="清河草原乳肉产品交易会闭幕",
)


def test_another_edition_of_an_event_does_not_answer_for_the_asked_one(monkeypatch):
    asked = extract_answer("第二届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR))
    assert asked.refused, asked.answer
    own = extract_answer("第三届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR))
    assert not own.refused and own.short == "4.3亿元", own.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "ordinal_series")
    assert extract_answer("第二届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR)).short == "4.3亿元"


TEA = paragraph(
    "今年春茶季，白云茶叶专业合作社统一品牌销售，春茶毛茶价格由成立之初的每公斤400元提高到每公斤1600元。",
    title="白云村古茶飘香",
)


def test_a_price_per_kilogram_is_no_sales_figure(monkeypatch):
    asked = extract_answer("白云茶叶专业合作社今年春茶销售额是多少？", ranked(TEA))
    assert asked.refused and "每公斤" in asked.answer, asked.answer
    # a price asked by its unit of measure is answered by it
    price = extract_answer("白云茶叶专业合作社的春茶毛茶一公斤卖多少钱？", ranked(TEA))
    assert not price.refused and "每公斤" in price.sentence, price.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "rate_units")
    assert not extract_answer("白云茶叶专业合作社今年春茶销售额是多少？", ranked(TEA)).refused


CHARGING = paragraph(
    "2025年，八角街道通过12345热线共收到电动自行车充电难相关诉求1260件。"
    "街道城市管理办公室梳理出诉求集中的19个老旧小区。"
    "街道与两家充电运营企业合作，在空地和车棚内新建充电桩位2150个，总投资约320万元。",
    title="八角街道破解充电难",
)


def test_a_short_form_the_paragraph_says_in_full_is_said_for_its_other_sentences(monkeypatch):
    asked = extract_answer("八角街道给电动车新建了多少个充电位？", ranked(CHARGING))
    assert not asked.refused and asked.short == "2150个", asked.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "paragraph_wording")
    assert extract_answer("八角街道给电动车新建了多少个充电位？", ranked(CHARGING)).refused


# --- review fixes (review-refuse10) ---------------------------------------------------------------------------


def test_another_place_that_is_no_clause_s_subject_leaves_the_figure_to_the_asked_place():
    cases = [
        ("苏州市今年接待上海游客多少人次？", "苏州市文旅市场持续回暖。今年以来，全市接待来自上海市的游客1200万人次。",
         "苏州市文旅市场回暖", "1200万人次"),
        ("昆山市去年地区生产总值是多少？", "昆山市经济稳中有进。作为苏州市下辖县级市，去年全市地区生产总值5000亿元。",
         "昆山市经济运行情况", "5000亿元"),
        ("姑苏区图书馆全年接待读者多少人次？", "姑苏区图书馆推进总分馆建设。在吴江区、吴中区分馆带动下，全年接待读者40万人次。",
         "姑苏区图书馆年报发布", "40万人次"),
    ]
    for question, text, title, short in cases:
        answer = extract_answer(question, ranked(paragraph(text, title=title)))
        assert answer.short == short, answer.answer
    # the neighbour as its clause's subject still refuses
    assert extract_answer("双桥街道全年受理了多少件工单？", ranked(STREETS)).refused
    assert extract_answer("松山区去年接待了多少人次读者？", ranked(DISTRICTS)).refused


def test_a_kind_of_city_is_no_neighbouring_city():
    text = paragraph("苏州市就业形势稳定。在全国文明城市创建带动下，全市新增就业18万人。", title="苏州市就业形势稳定")
    answer = extract_answer("苏州市今年新增就业多少人？", ranked(text))
    assert answer.short == "18万人", answer.answer


def test_street_and_town_names_with_cheng_are_places():
    for name in ("东城街道", "城南街道"):
        text = paragraph(f"双桥街道持续推进接诉即办。{name}全年受理工单1.2万件。")
        assert extract_answer("双桥街道全年受理了多少件工单？", ranked(text)).refused, name
        own = extract_answer(f"{name}全年受理了多少件工单？", ranked(text))
        assert own.short == "1.2万件", own.answer


def test_an_ordinal_in_digits_is_the_same_edition_as_in_chinese_numerals(monkeypatch):
    expo = paragraph("11月17日，第十二届中国国际航空航天博览会在珠海闭幕，签约金额2800亿元。", title="航展闭幕")
    answer = extract_answer("第12届中国国际航空航天博览会签约金额是多少？", ranked(expo))
    assert answer.short == "2800亿元", answer.answer
    assert extract_answer("第11届中国国际航空航天博览会签约金额是多少？", ranked(expo)).refused
    assert extract_answer("第二届清河草原乳肉产品交易会签约金额是多少？", ranked(FAIR)).refused


def test_this_edition_is_the_one_the_title_names():
    fair = paragraph("本届交易会现场气氛热烈，较第一届多出10个，共签约项目27个。", title="第二届清河交易会闭幕")
    answer = extract_answer("第二届清河交易会签约项目多少个？", ranked(fair))
    assert answer.short == "27个", answer.answer


def test_a_speed_or_a_price_asked_is_answered_by_a_rate():
    rail = paragraph("京沪高铁全长1318公里，设计时速每小时350公里。", title="京沪高铁运营")
    speed = extract_answer("京沪高铁设计时速是多少？", ranked(rail))
    assert speed.short == "350公里", speed.answer
    tea = paragraph("今年春茶季，白云村春茶毛茶卖到每公斤1600元。", title="白云村古茶飘香")
    price = extract_answer("今年白云村春茶毛茶卖到多少钱？", ranked(tea))
    assert price.short == "1600元", price.answer
    # a sum asked in all is no price
    assert extract_answer("今年白云村春茶一共卖了多少钱？", ranked(tea)).refused
    rent = paragraph("园区标准厂房租金为每平米每月18元，全年招引企业32家。", title="清河园区招商")
    assert extract_answer("清河园区厂房租金一年收了多少？", ranked(rent)).refused


@pytest.mark.xfail(strict=True, reason="由X提高到Y: the old value X still answers what the price is now; an old-value"
                   " rule (removing X from the spans) cost fresh7 dev a near miss, so it is not in")
def test_the_new_value_of_a_change_answers_what_it_is_now():
    price = extract_answer("白云茶叶专业合作社的春茶毛茶一公斤卖多少钱？", ranked(TEA))
    assert price.short == "1600元", price.answer
