"""Issue 11, thirteenth round (helper "cmp13"): a comparison whose sides the side-by-side answering cannot
answer, read from the one sentence stating both (``rag.answer.comparison.stated_sides``).

Causes seen on the dev rows of several sets (each case here is written for this test, over the page in
tests/data/cmp13/, not taken from the eval data): a roundup sentence states parallel places' figures
"respectively" ("其中东岗区、西岗区分别新增2150个和1870个") or in clauses opening with each name, the measure said
once ("赤水镇今年完成河道整治21.5公里，木桥镇完成16.8公里"), so the clause of the second place does not name the
measure and its side alone is refused; a side may be the short form of the text's name (青石经开区 for
青石经济技术开发区). Switched off by RAG_ANSWER_ABLATE=stated_sides."""
from __future__ import annotations

import pytest

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison
from rag.answer.question import analyze_question
from rag.answer.comparison.sentence_reading import figures_of, is_name_of, other_period
from rag.answer.comparison.stated_sides import _own_clause, _respectively


page_assistant = page_assistant_over("cmp13")


def _spans(sentence: str):
    return figures_of(sentence, analyze_question("东岗区新增公办学位多少"))


def test_respectively_gives_the_ith_name_the_ith_figure():
    sentence = "新增公办学位6400个，其中东岗区、西岗区分别新增2150个和1870个。"
    found = _respectively(sentence, _spans(sentence), ("西岗区", "东岗区"))
    assert [sp.text for sp in found] == ["1870个", "2150个"]
    three = "甲旗、乙旗和丙旗分别为578万千瓦、541万千瓦和496万千瓦。"
    assert [sp.text for sp in _respectively(three, _spans(three), ("丙旗", "甲旗"))] == ["496万千瓦", "578万千瓦"]
    # 分别 opening its clause: the names are the clause before, the last one carrying what is said of them all
    before = "东岗区、西岗区、南岗区受理诉求量位列前三位，分别为12.6万件、9.8万件和7.1万件。"
    assert [sp.text for sp in _respectively(before, _spans(before), ("南岗区", "东岗区"))] == ["7.1万件", "12.6万件"]
    # as many figures as names, or none is read
    uneven = "东岗区、西岗区分别新增2150个。"
    assert _respectively(uneven, _spans(uneven), ("东岗区", "西岗区")) == [None, None]


def test_a_clause_opening_with_a_name_states_its_figure():
    sentence = "赤水镇今年完成河道整治21.5公里，木桥镇完成16.8公里，其余乡镇合计完成9.3公里。"
    found = _own_clause(sentence, _spans(sentence), ("赤水镇", "木桥镇"), "完成河道整治")
    assert [sp.text for sp in found] == ["21.5公里", "16.8公里"]


def test_a_sentence_of_another_period_is_not_read():
    assert other_period("上半年东岗区新增公办学位多少", "前三季度，东岗区、西岗区分别新增2150个和1870个。")
    assert other_period("2024年东岗区新增公办学位多少", "2025年，东岗区、西岗区分别新增2150个和1870个。")
    assert not other_period("上半年东岗区新增公办学位多少", "其中东岗区、西岗区分别新增2150个和1870个。")
    assert not other_period("东岗区新增公办学位多少", "2025年，东岗区、西岗区分别新增2150个和1870个。")


def test_a_short_name_is_its_full_form_only_when_it_shortens_it():
    assert is_name_of("青石经济技术开发区", "青石经开区")
    assert not is_name_of("鄂托克前旗", "鄂托克旗")  # one more character is another name, not a full form
    assert not is_name_of("青石经济技术开发区", "白沙镇")


@pytest.mark.parametrize("question, winner, values, gap", [
    ("东岗区和西岗区新增公办学位谁更多？多多少个？", "东岗区", ("2150个", "1870个"), "280个"),
    ("今年赤水镇和木桥镇谁完成的河道整治更长？长多少？", "赤水镇", ("21.5公里", "16.8公里"), "4.7公里"),
    ("上半年白沙镇和青石经开区的农产品加工产值哪个高？高多少？", "白沙镇", ("42.6亿元", "37.9亿元"), "4.7亿元"),
])
def test_sides_stated_side_by_side_are_compared(page_assistant, monkeypatch, question, winner, values, gap):
    assert parse_comparison(question) is not None
    answer = page_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert answer.short.startswith(winner) and all(v in answer.answer for v in values) and gap in answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_sides")
    off = page_assistant.ask(question)
    assert off.refused or off.answer != answer.answer


def test_a_measure_the_sentence_does_not_say_is_not_compared(page_assistant):
    # the page states the two districts' new school places, not their new jobs
    answer = page_assistant.ask("东岗区和西岗区上半年新增用工谁更多？")
    assert answer.refused or "2150" not in answer.answer


# --- a change asked of one measure, read from the two ends a sentence states (rag.answer.from_to) -------------
@pytest.mark.parametrize("question, change", [
    # the second of two from–to changes in one sentence is the one asked
    ("青石街道那家服装企业一条生产线的日产量增加了多少件？", "4万件"),
    # a change asked in 个百分点 (a four-character unit) of two shares
    ("兰溪农产品加工产值占工业总产值的比重从2024年到2025年提高了多少个百分点？", "3.5个百分点"),
    # one end of the change found by the ordinary answer is a level, not the change asked
    ("白沙镇农产品质检平均用时比去年缩短了多少？", "1.7小时"),
])
def test_a_change_is_the_later_end_less_the_earlier(page_assistant, monkeypatch, question, change):
    answer = page_assistant.ask(question)
    assert not answer.refused and answer.short == change, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "from_to_change")
    assert page_assistant.ask(question).short != change
