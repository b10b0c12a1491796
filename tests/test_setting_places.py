"""A county or city an article's headline, dateline or lead name (Paragraph.setting) is that
article's 全县/该县, 全市/我市 (as a province is its page's 全省), and only a place of the setting
is inherited from another paragraph of the article."""
from __future__ import annotations

from rag.answer import extract_answer
from rag.answer.question import analyze_question
from rag.schema import Chunk, Hit, Paragraph


def _hit(paragraph: Paragraph, rank: int) -> Hit:
    chunk = Chunk(rank, paragraph.source, paragraph.title, paragraph.number, paragraph.text, 0, len(paragraph.text))
    return Hit(chunk, paragraph, 1.0 / rank, {"keyword": 1.0, "dense": 1.0}, {"keyword": rank, "dense": rank})


def _paragraph(text: str, setting: str | None, title: str = "春季造林绿化全面铺开", number: int = 3) -> Paragraph:
    return Paragraph("p.txt", title, number, 100 * number, 100 * number + len(text), text, text, None, setting)


COUNTY = "今春以来，全县共组织义务植树活动320余场，参与群众4.6万人次。"
QUESTION = "岷川县今春组织了多少场义务植树活动？"


def test_a_county_of_the_setting_is_its_articles_quanxian(monkeypatch):
    answer = extract_answer(QUESTION, [_hit(_paragraph(COUNTY, "甘肃省 岷川县"), 1)])
    assert not answer.refused and answer.short == "320余场"
    assert "语境" in answer.answer and "全县" in answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "setting_wide")
    assert extract_answer(QUESTION, [_hit(_paragraph(COUNTY, "甘肃省 岷川县"), 1)]).refused


def test_a_county_the_setting_does_not_name_alone_is_not_quanxian():
    assert extract_answer(QUESTION, [_hit(_paragraph(COUNTY, None), 1)]).refused
    assert extract_answer(QUESTION, [_hit(_paragraph(COUNTY, "甘肃省 青岚县"), 1)]).refused
    # an article set in two counties gives neither to its 全县
    assert extract_answer(QUESTION, [_hit(_paragraph(COUNTY, "甘肃省 岷川县 青岚县"), 1)]).refused


def test_a_city_of_the_setting_is_its_articles_quanshi():
    text = "一季度，全市新增城镇就业1.2万人，完成全年目标的30%。"
    answer = extract_answer("九江市一季度新增城镇就业多少人？", [_hit(_paragraph(text, "江西省 九江市", "稳就业"), 1)])
    assert not answer.refused and answer.short == "1.2万人"
    # 全县 is not the city
    county = "一季度，全县新增城镇就业1.2万人，完成全年目标的30%。"
    assert extract_answer("九江市一季度新增城镇就业多少人？", [_hit(_paragraph(county, "江西省 九江市", "稳就业"), 1)]).refused


def test_a_place_another_paragraph_names_in_passing_is_not_inherited(monkeypatch):
    title = "全省一季度完成交通投资286.3亿元"
    whole = _paragraph("一季度，全省完成交通运输固定资产投资286.3亿元，同比增长7.2%。", "江西省", title, 2)
    passing = _paragraph("上饶市重点推进高速公路和普通国省道建设。", "江西省", title, 4)
    question = "上饶市一季度完成交通投资多少？"
    assert extract_answer(question, [_hit(whole, 1), _hit(passing, 2)]).refused
    # refused by the setting, by asked_place's readings of a wider scope (全省 for 上饶市) and a place the paragraph never
    # names, and by near_miss.whole_for_part (a lower place asked, the 全省 figure given)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "setting_inherit,wider_scope,place_unsaid,whole_for_part")
    assert extract_answer(question, [_hit(whole, 1), _hit(passing, 2)]).short == "286.3亿元"


def test_a_place_of_the_setting_is_still_inherited_from_the_lead():
    title = "春季造林绿化全面铺开"
    lead = _paragraph("记者从岷川县林业局获悉，今年春季造林工作进展顺利。", "甘肃省 岷川县", title, 1)
    body = _paragraph("共完成人工造林1.8万亩，封山育林0.5万亩。", "甘肃省 岷川县", title, 2)
    answer = extract_answer("岷川县完成人工造林多少亩？", [_hit(body, 1), _hit(lead, 2)])
    assert not answer.refused and answer.short == "1.8万亩"


def test_a_one_character_place_jieba_cuts_off_begins_the_name(monkeypatch):
    assert analyze_question("青岚县今春完成植树造林多少亩？").entities == ("青岚县",)  # jieba: 青|岚县
    assert analyze_question("岷川县村集体经济收入在30万元以上的村有几个？").entities == ("岷川县",)
    assert analyze_question("去岚县的游客有多少？").entities == ("岚县",)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "glued_place")
    assert analyze_question("青岚县今春完成植树造林多少亩？").entities == ("岚县",)


def test_an_elliptical_clause_of_a_parallel_list_measures_what_the_clause_before_it_does(monkeypatch):
    text = ("分地区看，赣州市一季度完成交通投资52.8亿元，居全省首位；上饶市完成31.4亿元；"
            "南昌市新改建农村公路112公里。")
    paragraph = _paragraph(text, "江西省", "全省一季度完成交通投资286.3亿元")
    answer = extract_answer("上饶市一季度完成交通投资多少？", [_hit(paragraph, 1)])
    assert not answer.refused and answer.short == "31.4亿元"
    # the clause leans on the list: a clause after a full stop names its own measure
    alone = _paragraph("赣州市一季度完成交通投资52.8亿元。上饶市完成31.4亿元。", "江西省", "全省一季度完成交通投资286.3亿元")
    assert extract_answer("上饶市一季度完成交通投资多少？", [_hit(alone, 1)]).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "elliptical")
    assert extract_answer("上饶市一季度完成交通投资多少？", [_hit(paragraph, 1)]).refused
