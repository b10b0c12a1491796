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
    # (other_member_figure too: it refuses 白沙县's 72.6万吨, said after 青河区, and the refused side's fallbacks find its item)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_sides,own_items,other_member_figure")
    off = answer_comparison(question, comparison, sides, 0.0, [found])
    assert off.refused, off.answer


def test_both_sides_dated_by_the_opening_period_are_answered(page_assistant):
    answer = page_assistant.ask("去年翠屏湖旅游度假区和白沙县，哪个接待的游客更多？")
    assert not answer.refused and answer.short.startswith("翠屏湖旅游度假区"), answer.answer
    answer = page_assistant.ask("去年河西交警查处的酒驾比醉驾多出多少起？")
    assert not answer.refused and answer.short == "2936起", answer.answer


def _answered(found, text: str, figure: str, asked: str) -> Answer:
    at = text.index(figure)
    return Answer(question=asked, answer=figure, refused=False, short=figure, sentence=text,
                  citations=(citation(1, found, (at, at + len(figure))),))


def test_a_side_not_named_by_its_sentence_takes_its_item_of_the_other_sides_roundup(monkeypatch):
    paragraph = paragraph_maker(title="青原市肉牛存栏创新高", source="qingyuan.txt")
    whole = paragraph("截至9月末，全市肉牛存栏达到412.6万头，同比增长6.8%。", 1)
    listed = paragraph("从各旗县的情况看，青山旗肉牛存栏78.2万头，居全市第一；白沙旗存栏71.5万头，柳溪旗存栏62.4万头。", 2)
    hits = [hit(whole, 1.0, 1), hit(listed, 0.9, 2)]
    question = "青山旗和白沙旗，哪个旗的肉牛存栏多？多多少？"
    comparison = parse_comparison(question)
    sides = (_answered(hits[1], listed.text, "78.2万头", comparison.side_questions[0]),
             _answered(hits[0], whole.text, "412.6万头", comparison.side_questions[1]))  # the city's, not 白沙旗's
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_sides")
    answer = answer_comparison(question, comparison, sides, 0.0, hits)
    assert not answer.refused and "71.5万头" in answer.answer and answer.short.startswith("青山旗"), answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "stated_sides,unnamed_item")
    off = answer_comparison(question, comparison, sides, 0.0, hits)
    assert "71.5万头" not in off.answer, off.answer


def test_a_growth_rate_asked_takes_the_rate_after_each_amount(monkeypatch):
    paragraph = paragraph_maker(title="两县茶产业稳步增长", source="tea.txt")
    first = paragraph("去年青山县茶产业综合产值78.6亿元，同比增长12.1%。", 1)
    second = paragraph("去年白沙县茶产业综合产值46.3亿元，比上年增长13.2%；茶园面积25.8万亩。", 2)
    hits = [hit(first, 1.0, 1), hit(second, 0.9, 2)]
    question = "去年茶产业产值的增长速度，青山县和白沙县谁更快？"
    comparison = parse_comparison(question)
    sides = (_answered(hits[0], first.text, "78.6亿元", comparison.side_questions[0]),
             _answered(hits[1], second.text, "46.3亿元", comparison.side_questions[1]))
    answer = answer_comparison(question, comparison, sides, 0.0, hits)
    assert answer.short == "白沙县（13.2%）" and "12.1%" in answer.answer, answer.answer
    # an amount asked is compared as an amount
    amount = "去年青山县和白沙县，谁的茶产业综合产值更多？"
    assert answer_comparison(amount, parse_comparison(amount), sides, 0.0, hits).short.startswith("青山县")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "growth_after_figure")
    # without the rates the two amounts are refused (rate_amount_sides); with that off too they were compared
    assert answer_comparison(question, comparison, sides, 0.0, hits).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "growth_after_figure,rate_amount_sides")
    assert answer_comparison(question, comparison, sides, 0.0, hits).short.startswith("青山县")
