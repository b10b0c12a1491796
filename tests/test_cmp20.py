"""Session 16 comparisons (issue 11, helper cmp20), on sentences written for these tests:
- the noun after 哪个 that both sides end in names their kind (哪个区, 哪个镇), no part of the measure (sides_kind);
- "A和B的X差了多少？哪个多？" is the difference, whose answer names the winner (difference_then_which);
- "宽甸的灌水镇和长甸镇": the place before 的 holds both sides, it is not side A's name (containing_place);
- a later list item naming another measure, or a word of another clause of the first item, does not answer.
Each is checked to go back with its switch off (RAG_ANSWER_ABLATE)."""
from __future__ import annotations

import pytest

from conftest import ask, page_assistant_over, paragraph_maker
from rag.answer.comparison import DIFFERENCE, WHICH, parse_comparison

paragraph = paragraph_maker(title="青禾市去年电诈案件立案数下降", source="cmp20_test.txt")


def test_the_kind_after_which_is_no_part_of_the_measure(monkeypatch):
    c = parse_comparison("石岭区和柳河区，哪个区去年新增企业数量更多？")
    assert c.asks == WHICH and c.sides == ("石岭区", "柳河区")
    assert all("区区" not in q and "去年新增企业" in q for q in c.side_questions), c.side_questions
    c = parse_comparison("东坝镇和西坝镇，哪个镇的茶叶卖的钱多？多多少？")
    assert all(not q.startswith(("东坝镇镇", "西坝镇镇")) and "茶叶" in q for q in c.side_questions), c.side_questions
    # a shared character that is not a whole word (降幅, 增幅 against 幅度) is kept
    c = parse_comparison("老人补贴的降幅和儿童补贴的增幅，哪个幅度更大？")
    assert c is not None and "幅度" in c.measure
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "sides_kind")
    c = parse_comparison("石岭区和柳河区，哪个区去年新增企业数量更多？")
    assert any("区区" in q for q in c.side_questions)


def test_difference_then_which_reads_as_the_difference(monkeypatch):
    c = parse_comparison("石岭区和柳河区的盗窃立案数差了多少起？哪个多？")
    assert c.asks == DIFFERENCE and c.unit == "起"
    assert all(q.endswith("多少起") for q in c.side_questions), c.side_questions
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "difference_then_which")
    c = parse_comparison("石岭区和柳河区的盗窃立案数差了多少起？哪个多？")
    assert c is None or any("哪个多" in q for q in c.side_questions)


def test_a_containing_place_is_not_side_as_name(monkeypatch):
    c = parse_comparison("青禾的东坝镇和西坝镇，哪个镇签约的居民多？")
    assert c.side_questions[0].startswith("青禾的东坝镇") and c.side_questions[1].startswith("西坝镇签约"), c.side_questions
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "containing_place")
    c = parse_comparison("青禾的东坝镇和西坝镇，哪个镇签约的居民多？")
    assert c.side_questions[1].startswith("西坝镇的东坝镇"), c.side_questions


OTHER = ("分县（区）看，东坝区电诈案件立案860起，同比下降12.5%；石岭区盗窃案件立案215起，同比下降8.1%；"
         "柳河区立案302起。")


HEAD_ONLY = ("分地区看，东坝市电动汽车保有量达12.4万辆，居全省首位，一季度新上牌电动汽车1.3万辆；"
             "西坝市电动汽车保有量8.6万辆，同比增长21.5%；")


def test_a_word_of_another_clause_of_the_first_item_is_not_lent():
    # 新上牌 marks the first item's second figure only, not its head: 西坝市's 保有量 is no 新上牌 figure
    answer = ask("西坝市一季度新上牌电动汽车多少辆？", paragraph(HEAD_ONLY))
    assert answer.refused or answer.short != "8.6万辆", answer.answer


def test_an_item_naming_another_measure_still_does_not_answer():
    answer = ask("石岭区的电诈立案数是多少起？", paragraph(OTHER))
    assert answer.refused or answer.short != "215起", answer.answer


def test_two_towns_joined_by_a_connector_glued_into_a_word(monkeypatch):
    c = parse_comparison("寨蒿镇和平永镇哪个承办的比赛多？多几场？")
    assert c.sides == ("寨蒿镇", "平永镇") and c.with_difference
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "glued_between_places")
    c = parse_comparison("寨蒿镇和平永镇哪个承办的比赛多？多几场？")
    assert c is None or c.sides != ("寨蒿镇", "平永镇")


def test_a_count_of_times_does_not_compare_with_a_count_of_things(monkeypatch):
    from rag.answer.comparison.values import comparable_units

    assert not comparable_units("万人次", "条", "地铁日均客运量是公交的几倍？")
    assert not comparable_units("人次", "人", "甲馆和乙馆的接待量哪个多？")
    assert comparable_units("人次", "人次", "甲馆和乙馆的接待量哪个多？")
    assert comparable_units("座", "个", "甲县和乙县新建的学校哪个多？")
    # a question naming its counts compares them as asked
    assert comparable_units("人次", "人", "培训的人次和新就业的人数哪个多？")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "times_unit")
    assert comparable_units("万人次", "条", "地铁日均客运量是公交的几倍？")


page_assistant = page_assistant_over("cmp20")


def test_sides_in_unlike_units_take_one_kind(page_assistant, monkeypatch):
    question = "2024年柳坪县和石泉区谁产的苹果多？多多少？"
    answer = page_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert "52.6万吨" in answer.answer and "23.9万吨" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "unlike_units_move")
    off = page_assistant.ask(question)
    assert "52.6万吨" not in off.answer, off.answer

