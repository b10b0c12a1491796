"""Issue 11, eighth round (helper "span8"): money asked by what is done with it ("花了多少钱" = spent,
"挣了多少钱" = taken in) is answered by the figure the text names as that kind of money (投资, 收入),
not by another sum beside it (带动消费, 产值). The page in tests/data/span8/ and the sentences below were
written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.question import EARNED_WORDS, QUANTITY, SPENT_WORDS, analyze_question
from rag.answer.spans import ranked_spans

PAGES = Path(__file__).parent / "data" / "span8"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGES, tmp_path_factory, "answer-span8-index")


def _spans(question: str, sentence: str) -> list[str]:
    return [span.text for span, _, _ in ranked_spans(sentence, analyze_question(question))]


@pytest.mark.parametrize("question, words", [
    ("这座桥一共花了多少钱？", SPENT_WORDS),
    ("项目整个要投多少钱？", SPENT_WORDS),
    ("区里掏了多少预算？", SPENT_WORDS),
    ("春节假期旅游一共挣了多少钱？", EARNED_WORDS),
    ("饭店一共收了多少营业款？", EARNED_WORDS),
    ("这座桥的造价是多少？", ()),  # the text's own word is asked: nothing to translate
])
def test_the_kind_of_money_is_read_from_the_verb(question, words):
    analysis = analyze_question(question)
    assert analysis.unit and analysis.unit.endswith("元")
    assert analysis.money_words == words
    assert "钱" not in analysis.measure and "花" not in analysis.key_terms


def test_a_sum_of_another_kind_beside_the_spending_is_no_answer():
    sentence = "改造完成投资6.8亿元，带动建材、家装等消费约4.2亿元。"
    assert _spans("老旧小区改造一共花了多少钱？", sentence)[0] == "6.8亿元"
    assert _spans("老旧小区改造一共花了多少钱？", "改造带动建材、家装等消费约4.2亿元。") == []
    assert _spans("车间改造花了多少钱？", "车间完成改造，预计年产值增长150万元。") == []


@pytest.mark.parametrize("question, short", [
    ("岚山上半年搞老旧小区改造一共花了多少钱？", "9.6亿元"),
    ("新盖的岚山图书馆花了多少钱？", "约5.4亿元"),
    ("端午假期岚山的餐饮企业一共挣了多少钱？", "2.3亿元"),
])
def test_the_money_of_the_asked_kind_is_answered(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == short


def test_a_sum_of_another_kind_is_refused(page_assistant):
    # the page gives only the workshop's 产值, no spending on it
    assert page_assistant.ask("东坪镇粉条加工车间改造花了多少钱？").refused


# --- a rate named by what is rated ("满意的比例", "满意程度" → 满意度) --------------------------------

@pytest.mark.parametrize("question", ["居民对改造的满意程度是多少？", "居民对改造满意的比例有多高？"])
def test_a_rate_is_named_by_the_rated_word(question):
    analysis = analyze_question(question)
    assert analysis.unit == "%" and analysis.rated == "满意"
    sentence = "上半年完成投资9.6亿元，同比增长12.7%，居民对改造工作的满意度达95.1%。"
    assert _spans(question, sentence)[0] == "95.1%"


def test_a_share_asked_names_no_rated_word():
    assert analyze_question("新上牌的汽车里，新能源车占了多大比例？").rated is None
    assert analyze_question("按合同额的多大比例存？").rated is None


def test_the_rate_of_the_rated_word_is_answered(page_assistant):
    answer = page_assistant.ask("岚山居民对老旧小区改造的满意程度是多少？")
    assert not answer.refused and answer.short == "95.1%"


# --- "比去年多了还是少了，幅度多少": one change, not two sides -------------------------------------

@pytest.mark.parametrize("question", [
    "农村公路上的交通事故比去年是多了还是少了，幅度多少？",
    "坐长途客车的人比去年多了还是少了，变化幅度多大？",
])
def test_more_or_less_than_last_year_with_its_size_is_one_change(question):
    assert parse_comparison(question) is None
    analysis = analyze_question(question)
    assert analysis.kind == QUANTITY and analysis.asks_change
    assert "幅度" not in analysis.key_terms and "变化" not in analysis.key_terms


def test_two_things_compared_by_their_size_of_change_stay_a_comparison():
    assert parse_comparison("西宁压缩时限的幅度和海东提升效率的幅度，哪个大？") is not None


def test_the_change_against_last_year_is_answered(page_assistant):
    answer = page_assistant.ask("岚山今年前9个月农村公路上的交通事故比去年是多了还是少了，幅度多少？")
    assert not answer.refused and answer.short == "11.6%" and "下降11.6%" in answer.sentence


def test_a_kind_of_money_the_question_names_is_the_asked_one():
    # "拿出了多少钱补贴": the subsidy is the money spent; unasked, a subsidy is another sum
    assert _spans("市里为这次活动拿出了多少钱补贴？", "市里为活动发放补贴1500万元。") == ["1500万元"]
    assert _spans("企业在研发上花了多少钱？", "单家企业补助金额最高不超过200万元。") == []
