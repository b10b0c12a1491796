"""Session 18 comparisons (helper cmp22), on a page written for these tests (tests/data/cmp22): a comparison's side
refused only by a near miss of how its clause words the measure (the measure said once for a whole list, or in the
article's own words: 举办…比赛 for 承办的比赛) answers when the figure's sentence states it of the side itself
(worded_side). A side the page does not state stays refused, and the switch off brings the refusal back."""
from __future__ import annotations

from conftest import page_assistant_over

page_assistant = page_assistant_over("cmp22")


def test_a_side_worded_otherwise_answers(page_assistant, monkeypatch):
    question = "石岭镇和河湾镇哪个承办的比赛多？多几场？"
    answer = page_assistant.ask(question)
    assert not answer.refused and "36场" in answer.answer and "25场" in answer.answer, answer.answer
    assert answer.short.startswith("石岭镇"), answer.short


def test_a_measure_said_once_for_a_list_answers_each_member(page_assistant, monkeypatch):
    question = "去年交通事故死亡人数，北关县和南河县哪个更多？多几个人？"
    answer = page_assistant.ask(question)
    assert not answer.refused and "9人" in answer.answer and "12人" in answer.answer, answer.answer
    assert answer.short.startswith("南河县"), answer.short
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "worded_side")
    off = page_assistant.ask(question)
    assert off.refused or "12人" not in off.answer, off.answer  # (without it: the accidents, 27起 and 31起)


def test_a_side_the_page_does_not_state_stays_refused(page_assistant):
    answer = page_assistant.ask("石岭镇和白沙镇哪个承办的比赛多？多几场？")
    assert answer.refused and "白沙镇" in answer.answer, answer.answer
