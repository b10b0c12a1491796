"""Issue 11, twentieth round (helper "para20"): "A区和B区，哪个区城镇新增就业人数更多": the level word after 哪个 is the
answer's kind, not part of the measure each side is asked (switch sides_kind; each side had been asked
"B区区城镇新增就业多少人", whose 区区 names no place a page says). Cases written for this test over the page in
tests/data/para20/, not taken from eval data."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.comparison import parse_comparison


page_assistant = page_assistant_over("para20")


def test_the_level_word_after_which_is_no_part_of_the_sides(monkeypatch):
    c = parse_comparison("东坪区和西坪区，哪个区城镇新增就业人数更多？")
    assert c.sides == ("东坪区", "西坪区")
    assert c.side_questions == ("东坪区城镇新增就业多少人", "西坪区城镇新增就业多少人")
    c = parse_comparison("信丰县和安远县，哪个县种的脐橙面积更大？")
    assert all("县县" not in q for q in c.side_questions)
    # 市场 is a word, not the level 市 followed by 场
    c = parse_comparison("青山市和白水市，哪个市场规模大？")
    assert all("市场" in q for q in c.side_questions)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "sides_kind")
    assert parse_comparison("东坪区和西坪区，哪个区城镇新增就业人数更多？").side_questions[0].startswith("东坪区区")


def test_sides_asked_by_their_level_are_compared(page_assistant):
    answer = page_assistant.ask("东坪区和西坪区，哪个区城镇新增就业人数更多？")
    assert not answer.refused and answer.answer.startswith("西坪区")
    assert "790人" in answer.answer
