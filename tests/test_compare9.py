"""Issue 11, ninth round (helper "compare9"): comparisons on pages no rule was written for.

Causes seen on the dev rows of two or more sets, each with a case written for this test over the page in
tests/data/compare9/ (not taken from the eval data):
- a side naming only a period or a place ("2024年全年", "2020年", "渭滨区") replaces the other side's whole period
  phrase ("今年1至9月", "现在") or its place word of that level ("高新区", which the analysis reads as no name),
  instead of leaving both side questions alike (no comparison) or naming two periods in one;
- "A比B提高/增加/减少了多少" reads the change verb as the direction (提高 was read 提 + 高);
- one sentence stating a change "由X的a提高到b" gives each side its own end: the earlier figure to the side
  named before it (or the side compared against), the later one to the other;
- a shared measure word opening with 上半年 keeps its 上;
- "A比2023年提高了多少" (a bare period compared against) falls back to the question as asked when the two figures
  are not both found: the article may state the change itself ("较2023年提高31个百分点").
Each new reading is switched off by RAG_ANSWER_ABLATE (anchor_kind, change_verb, from_to)."""
from __future__ import annotations

import pytest

from conftest import page_assistant_over

from rag.answer.comparison import DIFFERENCE, parse_comparison


page_assistant = page_assistant_over("compare9")


@pytest.mark.parametrize(
    "question, sides",
    [
        # a bare period replaces the other side's whole period phrase, and keeps the place
        ("桐庐县2024年全年和今年1至9月的茶叶销售额，哪个多？",
         ("桐庐县2024年全年的茶叶销售额多少", "桐庐县今年1至9月的茶叶销售额多少")),
        # "现在" is the other side's period: 2019年 takes its place; the current side borrows no 2019年
        ("青石村现在的茶叶种植面积比2019年多了多少亩？", ("青石村现在的茶叶种植面积多少亩", "青石村2019年的茶叶种植面积多少亩")),
        # a side with no period against a bare year is the current figure
        ("云岭县中小学生体质健康达标率比2022年提高了多少个百分点？",
         ("云岭县中小学生体质健康达标率多少个百分点", "2022年云岭县中小学生体质健康达标率多少个百分点")),
        # a place phrase of the bare side's level (临川|高新区, read as no name) is replaced whole: no 临川 carried
        # over to the other side's district, no fragment left of a name jieba cut apart (云岭|经|开区)
        ("上半年临川高新区的新房销售面积比东湖区多多少？", ("上半年临川高新区的新房销售面积多少", "上半年东湖区的新房销售面积多少")),
        ("上半年云岭经开区的新房销售面积比柳溪区多多少？", ("上半年云岭经开区的新房销售面积多少", "上半年柳溪区的新房销售面积多少")),
    ],
)
def test_a_bare_side_replaces_the_other_sides_anchor_of_its_kind(question, sides):
    comparison = parse_comparison(question)
    assert comparison is not None and comparison.side_questions == sides


def test_without_the_reading_the_sides_are_no_comparison(monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "anchor_kind")
    assert parse_comparison("青石村现在的茶叶种植面积比2019年多了多少亩？") is None
    off = parse_comparison("上半年临川高新区的新房销售面积比东湖区多多少？")
    assert off is None or off.side_questions[1] != "上半年东湖区的新房销售面积多少"


def test_a_change_verb_is_the_direction(monkeypatch):
    comparison = parse_comparison("云岭县中小学生体质健康达标率比2022年提高了多少个百分点？")
    assert comparison.asks == DIFFERENCE and comparison.direction == "高" and comparison.sides[1] == "2022年"
    assert parse_comparison("云岭县农产品网络零售额比2023年减少了多少亿元？").direction == "少"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "change_verb")
    off = parse_comparison("云岭县中小学生体质健康达标率比2022年提高了多少个百分点？")
    assert off is None or off.sides[1] != "2022年"


def test_a_half_year_keeps_its_first_character():
    comparison = parse_comparison("海城区和江北县，上半年谁的外贸进出口总值更多？")
    assert comparison.side_questions == ("海城区上半年外贸进出口总值多少", "江北县上半年外贸进出口总值多少")


@pytest.mark.parametrize(
    "question, short, values",
    [
        ("云岭县2024年全年和今年1至9月的农产品网络零售额，哪个多？", "云岭县2024年全年（5.6亿元）", ("5.6亿元", "3.8亿元")),
        ("云岭县今年1至9月的农产品网络零售额比2024年全年少多少？", "1.8亿元", ("3.8亿元", "5.6亿元")),
    ],
)
def test_two_periods_are_answered_each_from_its_own_sentence(page_assistant, question, short, values):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == short
    assert all(v in answer.answer for v in values) and len(answer.citations) == 2


@pytest.mark.parametrize(
    "question, short, later, earlier",
    [
        ("青石村现在的茶叶种植面积比2019年多了多少亩？", "1400亩", "3200亩", "1800亩"),
        ("云岭县中小学生体质健康达标率比2022年提高了多少个百分点？", "28个百分点", "89%", "61%"),
    ],
)
def test_one_from_to_sentence_gives_each_side_its_own_end(page_assistant, monkeypatch, question, short, later, earlier):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == short
    assert answer.answer.index(later) < answer.answer.index(earlier)  # the first side is the later figure
    assert "多" in answer.answer or "高" in answer.answer
    # without the reading both sides read one figure, or swap them
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "from_to")
    assert page_assistant.ask(question).answer != answer.answer


def test_against_a_bare_period_the_change_the_article_states_answers_when_two_figures_are_not_found(page_assistant):
    comparison = parse_comparison("云岭县改造小区的物业覆盖率比2023年提高了多少个百分点？")
    assert comparison.stated_change == "云岭县改造小区的物业覆盖率比2023年提高了多少个百分点"
    answer = page_assistant.ask("云岭县改造小区的物业覆盖率比2023年提高了多少个百分点？")
    assert not answer.refused and answer.short == "31个百分点", answer.answer


def _side(question: str, short: str, sentence: str, number: int = 1):
    from rag.schema import Answer, Citation
    citation = Citation(1, "p.txt", None, number, 0, len(sentence), sentence, 1.0)
    return Answer(question, f"{short} —— {sentence}[1]", False, (citation,), short, sentence)


@pytest.mark.parametrize("question, short", [
    # 增长了X倍 is the growth multiple (3600 against 1200: 增长了2倍), 是…的X倍 the ratio (3倍)
    ("青石村今年的茶叶产量比2023年增长了多少倍？", "2倍"),
    ("青石村今年的茶叶产量比2023年提高了几倍？", "2倍"),
    ("青石村今年的茶叶产量是2023年的几倍？", "3倍"),
])
def test_grown_by_times_is_the_ratio_less_one(question, short):
    from rag.answer.comparison import answer_comparison
    comparison = parse_comparison(question)
    sides = (_side(comparison.side_questions[0], "3600吨", "今年青石村茶叶产量3600吨。"),
             _side(comparison.side_questions[1], "1200吨", "2023年青石村茶叶产量1200吨。", 2))
    answer = answer_comparison(question, comparison, sides)
    assert answer.short == short, answer.answer
    assert "3600吨" in answer.answer and "1200吨" in answer.answer
