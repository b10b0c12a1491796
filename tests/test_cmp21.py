"""Session 17 comparisons (issue 11, helper cmp21), on a page written for these tests (tests/data/cmp21):
- a side refused, the other answered from an item of a list breaking a figure down by members: the refused side's
  figure is the one at the same place, in the same unit, of its own item (list_item_side);
- two sides opening items of one such list are measured by the article's headline too (list_measure).
Each is checked to go back with its switch off (RAG_ANSWER_ABLATE)."""
from __future__ import annotations

from conftest import hit, page_assistant_over, paragraph_maker
from rag.answer.comparison import shown_sides
from rag.answer.comparison import parse_comparison
from rag.answer.comparison.list_item_sides import list_items
from rag.answer.comparison.stated_sides import stated_sides

page_assistant = page_assistant_over("cmp21")


def test_list_items_are_cut_at_each_member():
    sentence = "分县区看，青山区计划改造64个，已完工51个；白沙区计划改造58个，已完工44个；柳溪县计划改造40个。"
    items = [sentence[a:b] for a, b in list_items(sentence)]
    assert len(items) == 3 and items[1].startswith("白沙区") and items[2].startswith("柳溪县"), items
    bare = "齐山县粮食总产28.6亿斤，居全市首位；河口区21.7亿斤，新城区19.4亿斤。"
    assert [bare[a:b][:3] for a, b in list_items(bare)] == ["齐山县", "河口区", "新城区"]
    assert list_items("全市接待游客89.6万人次，同比增长12.1%。") == []


def test_an_elided_list_item_answers_its_side(page_assistant, monkeypatch):
    question = "青山区和白沙区已完工的老旧小区哪个多？多几个？"
    answer = page_assistant.ask(question)
    assert not answer.refused, answer.answer
    assert "51个" in answer.answer and "44个" in answer.answer and "58个" not in answer.answer, answer.answer
    question = "石门镇和云岭镇哪个镇的茶叶卖的钱多？"
    answer = page_assistant.ask(question)
    assert not answer.refused and "2.4亿元" in answer.answer and "1.7亿元" in answer.answer, answer.answer
    # (word_kind_only, para23/24, and paraphrased_sides, cmp34, answer 云岭镇's elided item by other routes: switched
    # off with it to test this one)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "list_item_side,word_kind_only,paraphrased_sides")
    off = page_assistant.ask(question)
    assert off.refused or "1.7亿元" not in off.answer, off.answer


def test_a_list_is_measured_by_its_headline(monkeypatch):
    # the list says only 发生…起，死亡…人; the headline says whose deaths they are
    paragraph = paragraph_maker(title="河阳去年道路交通事故死亡人数下降9.2%", source="heyang.txt")
    listed = paragraph("北关县发生88起，死亡19人；南河县发生73起，死亡25人；石桥县发生52起，死亡14人。")
    comparison = parse_comparison("去年北关县和南河县交通事故死亡人数哪个更多？多几个人？")
    stated = stated_sides(comparison, shown_sides(comparison), [hit(listed, 1.0, 1)])
    assert stated is not None and [a.short for a in stated] == ["19人", "25人"], stated
    # a headline about something else does not measure the list
    other = paragraph_maker(title="河阳去年新建农村公路126公里", source="heyang.txt")
    assert stated_sides(comparison, shown_sides(comparison), [hit(other(listed.text), 1.0, 1)]) is None
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "list_measure")
    assert stated_sides(comparison, shown_sides(comparison), [hit(listed, 1.0, 1)]) is None
