"""Issue 11, twenty-fourth round (helper "para24"): answers to questions in the asker's own words, without answering
near misses. Cases written for this test, in the form of the articles."""
from __future__ import annotations

from rag.answer.near_miss.joint import joint_member
from rag.answer.question import analyze_question
from rag.answer.spans import quantity_spans


def _joint(question: str, sentence: str) -> str | None:
    analysis = analyze_question(question)
    return joint_member(sentence, quantity_spans(sentence, analysis)[0], analysis)


def test_a_listed_name_jieba_cuts_apart_is_still_the_asked_member():
    # jieba cuts 陵城区 as 陵/ng 城区/n, so its tags name nothing: the question's own words read the name; the sum
    # belongs to the three places, not to the asked one (a comparison took 69.7亿斤 for 陵城区 once 斤 was a unit)
    sentence = "齐河县、禹城市、陵城区三地粮食总产合计69.7亿斤，占全市的44.7%。"
    assert _joint("2025年陵城区打的粮食多少？", sentence) == "陵城区"
    # a question asking the three together is no member question
    assert _joint("齐河县、禹城市、陵城区一共打了多少粮食？", sentence) is None


def test_zhuang_counts_buildings_as_dong_does():
    from rag.answer.spans import best_span, same_kind_of_unit
    # 幢 and 栋 count the same buildings; the answer stage knew 栋 only, so "多少栋" found no figure in "修缮47幢"
    assert same_kind_of_unit("栋", "幢")
    span = best_span("涉及传统建筑修缮47幢，总投资3.8亿元。", analyze_question("街区二期要修缮多少栋老房子？"))[0]
    assert span is not None and span.text == "47幢"


def test_a_rate_of_change_is_said_by_the_change_before_a_percentage():
    from rag.answer.scoring import _noun_present
    assert _noun_present("增幅", "常德博物馆观众量同比增长14.2%")
    assert _noun_present("降幅", "全年事故起数同比下降了8.5%")
    # the change word alone, at no percentage, does not say the rate
    assert not _noun_present("增幅", "观众量持续增长，达到92.3万人次")

