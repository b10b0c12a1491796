"""Near misses of another place or period (issue 11, rag.answer.asked_place), on sentences written for
these tests: a figure of the whole city does not answer a district's question, nor a figure another
county's clause owns, nor one dated by another holiday or season; the refusal says what the text
gives ("文中只有…"), and the same sentences still answer the questions they do answer."""
from __future__ import annotations

from rag.answer import extract_answer
from rag.answer.asked_place import other_period, place_unsaid, wider_scope, with_places
from rag.answer.question import analyze_question
from rag.answer.settings import AnswerSettings

from conftest import paragraph_maker, ranked


paragraph = paragraph_maker(source="950_test.txt")


BRIDGES = paragraph(
    "从分布看，青川区现存古桥80座，柳塘区45座，其余分布在周边各县。"
    "2025年全市已完成古桥抢救性修缮20座，投入资金3000万元。",
    3, "青州古桥保护行动启动 三年修缮百余座古桥",
)


def test_a_whole_citys_figure_does_not_answer_a_districts_question():
    answer = extract_answer("柳塘区去年修缮了多少座古桥？", ranked(BRIDGES))
    assert answer.refused and "文中只有" in answer.answer and "全市" in answer.answer, answer.answer
    before = "2025年全市已完成古桥抢救性修缮"
    assert wider_scope(before, before + "20座", analyze_question("柳塘区去年修缮了多少座古桥？"), before) == "全市"
    # the city's own question is answered by it
    whole = extract_answer("2025年全市修缮了多少座古桥？", ranked(BRIDGES))
    assert not whole.refused and whole.short == "20座", whole.answer


def test_a_districts_own_figure_answers_it():
    text = "2025年柳塘区已完成古桥抢救性修缮9座，全市共修缮20座。"
    answer = extract_answer("柳塘区去年修缮了多少座古桥？", ranked(paragraph(text, 2, "青州古桥保护行动启动")))
    assert not answer.refused and answer.short == "9座", answer.answer
    # a scope word of the asked level (全区) does not make a wider figure
    before = "2025年全区已完成古桥修缮"
    assert wider_scope(before, before + "9座", analyze_question("柳塘区去年修缮了多少座古桥？"), before) is None


def test_a_place_listed_after_the_wholes_figure_does_not_own_it():
    text = "全州新建的6所农村寄宿制学校主要分布在禾川县、岷源县等山区县，共新增寄宿床位4200张。"
    schools = paragraph(text, 7, "河州今年新建6所农村寄宿制学校")
    answer = extract_answer("岷源县今年新建了几所学校？", ranked(schools))
    assert answer.refused and "文中只有" in answer.answer and "全州" in answer.note, answer.answer
    whole = extract_answer("全州今年新建了几所农村寄宿制学校？", ranked(schools))
    assert not whole.refused and whole.short == "6所", whole.answer


SCHOOLS = paragraph(
    "分县市看，临川市新建学校7所，新增学位5400个，义务教育巩固率达到99.3%；"
    "禾川县义务教育巩固率为97.9%。",
    4, "河州义务教育巩固率达到97.8% 今年新增学位2.38万个",
)


def test_a_figure_another_countys_clause_owns_is_refused_naming_that_county():
    question = "禾川县今年新增学位多少个？"
    assert "禾川县" in with_places(analyze_question(question)).entities
    answer = extract_answer(question, ranked(SCHOOLS))
    assert answer.refused and "文中只有" in answer.answer, answer.answer
    assert "临川市" in answer.note and "5400个" in answer.note, answer.note
    owned = extract_answer("临川市今年新增学位多少个？", ranked(SCHOOLS))
    assert not owned.refused and owned.short == "5400个", owned.answer


AIRPORT = paragraph(
    "春节假期，全市接待游客达到310万人次，同比增长18%。"
    "交通方面，青岚国际机场冰雪季共保障航班起降3.1万架次，完成旅客吞吐量520万人次，同比增长10.2%。",
    6, "青岚冰雪季接待游客创新高",
)


def test_a_figure_of_another_season_does_not_answer_a_holidays_question():
    answer = extract_answer("春节假期青岚国际机场的旅客吞吐量是多少？", ranked(AIRPORT))
    assert answer.refused and "文中只有" in answer.answer, answer.answer
    season = extract_answer("青岚国际机场冰雪季的旅客吞吐量是多少？", ranked(AIRPORT))
    assert not season.refused and season.short == "520万人次", season.answer
    # without the near-miss checks the season's figure is given for the holiday
    off = extract_answer("春节假期青岚国际机场的旅客吞吐量是多少？", ranked(AIRPORT), settings=AnswerSettings(near_miss=False))
    assert not off.refused


def test_the_same_period_written_otherwise_is_the_asked_one():
    months = analyze_question("青州前10个月出口额是多少？")
    assert not other_period("1—10月，青州出口额达到680亿元，同比增长9.5%。", months)
    assert other_period("“十一”假期，全县实现旅游收入3.9亿元。", analyze_question("前11个月旅游收入是多少？"))
    assert not other_period("国庆假期，全县实现旅游收入3.9亿元。", analyze_question("“十一”假期全县旅游收入是多少？"))
    assert not other_period("前6个月，全市实现旅游收入39亿元。", analyze_question("上半年全市旅游收入是多少？"))


def test_a_paragraph_not_naming_the_asked_district_does_not_answer_for_it():
    city = paragraph("今年全市高校毕业生达到3.2万人，较上年增加2000人。", 2, "青州就业形势总体稳定")
    district = paragraph("柳塘区今年开发就业岗位5600个，组织招聘会12场。", 5, "柳塘区稳就业举措落地", "951_test.txt")
    question = "柳塘区今年一共有多少名高校毕业生？"
    assert place_unsaid(city, analyze_question(question)) == "柳塘区"
    assert place_unsaid(district, analyze_question(question)) is None
    answer = extract_answer(question, ranked(city, district))
    assert answer.refused, answer.answer
    # the district's headline names it: its paragraph answers for it
    own = paragraph("今年全区高校毕业生达到4100人，较上年增加300人。", 2, "柳塘区就业形势总体稳定")
    answered = extract_answer(question, ranked(own))
    assert not answered.refused and answered.short == "4100人", answered.answer
