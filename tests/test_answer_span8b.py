"""Issue 11, round 2 of helper "span8" (fresh6 dev failures, general classes): a time written in parts is one
figure and two such times differ in 时/分/秒; in a list of name+figure items a figure belongs to the name right
before it; a comparison side parallel to the other's item borrows the other's words before it; a role asked
in everyday words is the title the text says; what people spend per head is their 消费. The page in
tests/data/span8b/ and the sentences below were written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.question import analyze_question
from rag.answer.spans import duration_seconds, duration_text, figure_units, ranked_spans

PAGES = Path(__file__).parent / "data" / "span8b"
LIST = "工程总投资1.2亿元，新建堤防21.4公里，涉及东岭镇、石门镇、西坝镇3个镇，其中东岭镇段8.3公里、石门镇段7.6公里、西坝镇段5.5公里。"
RACE = "选手郑海峰以1小时03分27秒获得男子组冠军，打破1小时04分52秒的原赛会纪录。"


@pytest.fixture(scope="module")
def page_assistant(tmp_path_factory):
    return assistant_over(PAGES, tmp_path_factory, "answer-span8b-index")


def _spans(question: str, sentence: str) -> list[str]:
    return [span.text for span, _, _ in ranked_spans(sentence, analyze_question(question))]


def test_a_time_in_parts_is_one_figure():
    assert duration_seconds("1小时03分27秒") == 3807 and duration_seconds("2分05秒") == 125
    assert duration_text(85) == "1分25秒" and duration_text(3600) == "1小时"
    assert duration_seconds("10时30分") is None  # a clock time, no duration
    assert [RACE[a:b] for a, b, _ in figure_units(RACE)] == ["1小时03分27秒", "1小时04分52秒"]
    spans = _spans("男子组冠军的成绩是多少？", RACE)
    assert spans and all(s in ("1小时03分27秒", "1小时04分52秒") for s in spans)


def test_a_listed_figure_belongs_to_the_name_before_it():
    assert _spans("沿河堤防东岭镇段有多长？", LIST)[0] == "8.3公里"
    assert _spans("沿河堤防西坝镇段有多长？", LIST)[0] == "5.5公里"
    assert _spans("沿河堤防一共新建了多长？", LIST)[0] == "21.4公里"  # no item named: the whole
    # a ，-clause after a whole is no item of a list ("保有量4.69亿辆，其中汽车3.66亿辆")
    assert _spans("全国机动车保有量有多少辆？", "全国机动车保有量达4.69亿辆，其中汽车3.66亿辆。")[0] == "4.69亿辆"


def test_a_side_parallel_to_the_other_item_borrows_its_words():
    comparison = parse_comparison("沿河堤防东岭镇段比西坝镇段长多少？")
    assert comparison.side_questions == ("沿河堤防东岭镇段多长", "沿河堤防西坝镇段多长")
    assert parse_comparison("城镇居民和农村居民的人均可支配收入哪个高？").side_questions == (
        "城镇居民的人均可支配收入多少", "农村居民的人均可支配收入多少")


def test_an_earlier_thing_named_is_a_side_an_earlier_period_is_not():
    assert parse_comparison("冠军的成绩比原来的赛会纪录快了多少？").sides[1] == "原来的赛会纪录"
    assert parse_comparison("销售额比去年多了多少？") is None


@pytest.mark.parametrize("question, role", [
    ("青溪绿能科技有限公司是谁创办的？", "创始人"),
    ("半程马拉松男子组是谁跑了第一？", "冠军"),
    ("给体验消费做点评的大学老师是谁？", "教授"),
])
def test_a_role_in_everyday_words_is_the_title(question, role):
    analysis = analyze_question(question)
    assert analysis.role == role
    assert not {"创办", "第一", "大学老师", "老师"} & set(analysis.key_terms)


@pytest.mark.parametrize("question, short", [
    ("沿河堤防东岭镇段比西坝镇段长多少？", "2.8公里"),
    ("青溪绿能科技有限公司是谁创办的？", "邱立明"),
    ("给体验消费做点评的大学老师是谁？", "许文清"),
    ("半程马拉松参赛选手平均每人花了多少钱？", "1980元"),
])
def test_answered_on_the_page(page_assistant, question, short):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == short


@pytest.mark.parametrize("question", ["首批入选者平均多大年纪？", "入选者的平均年龄是多少？"])
def test_an_age_is_asked_in_years(question):
    analysis = analyze_question(question)
    assert analysis.unit == "岁" and "年纪" not in analysis.nouns
    sentence = "首批入选者共有84人，平均年龄为36.5岁。"
    assert _spans(question, sentence)[0] == "36.5岁"
