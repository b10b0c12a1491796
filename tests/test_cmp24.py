"""Session 20 comparisons (issue 11, helper cmp24), on a page written for these tests (tests/data/cmp24):
- a calendar period opening the first side only ("去年翠屏湖旅游度假区和白沙县", "去年…酒驾比醉驾") dates both sides
  when the other names no period of its own (switch period_dates_both);
- a name holding a verbal noun ("翠屏湖|旅游|度假区") or cut before its level ("沾益|区", 沾益 read as a verb) is still
  a place's name: no predicate is split off it, the other side borrows nothing of it (switch name_verbal_noun);
- a side answered with another member's figure of a roundup ("分县区看，青河区…72.6万吨，居各县区首位；白沙县61.8万吨")
  takes the figure of its own item, and the list's lead says that item's measure (switch own_items).
Each is checked to go back with its switch off (RAG_ANSWER_ABLATE)."""
from __future__ import annotations

from conftest import hit, page_assistant_over, paragraph_maker
from rag.answer.compose import citation
from rag.answer.comparison import answer_comparison, parse_comparison
from rag.schema import Answer
from rag.answer.comparison.complete_sides import _names_a_place

page_assistant = page_assistant_over("cmp24")


def test_a_period_opening_the_first_side_dates_both(monkeypatch):
    compared = parse_comparison("去年翠屏湖旅游度假区和白沙县，哪个接待的游客更多？")
    assert compared is not None and compared.sides == ("翠屏湖旅游度假区", "白沙县"), compared
    assert all(q.startswith("去年") for q in compared.side_questions), compared.side_questions
    compared = parse_comparison("去年河西交警查处的酒驾比醉驾多出多少起？")
    assert compared is not None and compared.asks == "difference" and compared.unit == "起", compared
    # two periods compared stay no comparison of two things, as before
    assert parse_comparison("去年的产量比2023年多多少？") is None
    assert parse_comparison("去年全市粮食产量比前年多多少？") is None
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "period_dates_both")
    assert parse_comparison("去年翠屏湖旅游度假区和白沙县，哪个接待的游客更多？") is None


def test_a_name_with_a_verbal_noun_or_a_cut_level_is_a_name(monkeypatch):
    assert _names_a_place("翠屏湖旅游度假区") and _names_a_place("沾益区")
    assert not _names_a_place("赣州完成的交通投资")
    compared = parse_comparison("青河经开区和沾益区，去年哪个到位的省外资金更多？")
    assert compared is not None and compared.sides == ("青河经开区", "沾益区"), compared
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "name_verbal_noun")
    assert not _names_a_place("沾益区")
    compared = parse_comparison("翠屏湖旅游度假区和白沙县哪个接待游客多")
    assert compared is None or compared.sides[0] != "翠屏湖旅游度假区", compared


def test_a_side_takes_its_own_item_of_a_roundup(monkeypatch):
    paragraph = paragraph_maker(title="河西市去年粮食总产量再创新高", source="hexi.txt")
    text = "分县区看，青河区粮食总产量72.6万吨，居各县区首位；白沙县61.8万吨，柳溪县58.3万吨，石门县40.1万吨。"
    listed = paragraph(text)
    found = hit(listed, 1.0, 1)
    question = "2025年青河区和白沙县，哪个地方的粮食总产量更高？"
    comparison = parse_comparison(question)
    at = text.index("72.6万吨")
    first = text[:text.index("；") + 1]

    def side(asked: str) -> Answer:  # both sides answered with the first item, the only one saying the measure
        return Answer(question=asked, answer="72.6万吨", refused=False, short="72.6万吨", sentence=first,
                      citations=(citation(1, found, (at, at + len("72.6万吨"))),))

    sides = (side(comparison.side_questions[0]), side(comparison.side_questions[1]))
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_sides")  # the reading of both sides from one sentence: not this one
    answer = answer_comparison(question, comparison, sides, 0.0, [found])
    assert not answer.refused and "61.8万吨" in answer.answer and answer.short.startswith("青河区"), answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_sides,own_items")
    off = answer_comparison(question, comparison, sides, 0.0, [found])
    assert off.refused, off.answer


def test_both_sides_dated_by_the_opening_period_are_answered(page_assistant):
    answer = page_assistant.ask("去年翠屏湖旅游度假区和白沙县，哪个接待的游客更多？")
    assert not answer.refused and answer.short.startswith("翠屏湖旅游度假区"), answer.answer
    answer = page_assistant.ask("去年河西交警查处的酒驾比醉驾多出多少起？")
    assert not answer.refused and answer.short == "2936起", answer.answer
