"""Issue 11, twenty-third round (helper "para23"): answers to questions in the asker's own words.

Ages and catties are figures of their own units. The answer stage read "65周岁" as 65周 (weeks) and had no 斤, so
"多大岁数的老人坐公交免费" and "一亩地能打多少斤" found no figure of the asked kind in the very sentence stating it.
The fact-check stage already reads both units (rag.check.figures.UNITS). Cases written for this test."""
from __future__ import annotations

from rag.answer.question import analyze_question
from rag.answer.spans import best_span, figure_units, same_kind_of_unit


def _span(question: str, sentence: str) -> str | None:
    span = best_span(sentence, analyze_question(question))[0]
    return span.text if span else None


def test_an_age_in_full_years_is_an_age():
    assert (3, 7, "周岁") in figure_units("凡年满60周岁的老人均可办理")
    assert same_kind_of_unit("岁", "周岁")
    assert _span("多大年纪的老人看病不用交挂号费？", "年满65周岁以上的老年人免收挂号费。") == "65周岁以上"


def test_catties_are_a_weight():
    assert analyze_question("这个村的小麦一亩能收多少斤？").unit == "斤"
    assert _span("这个村的小麦一亩能收多少斤？", "全村小麦平均亩产达到1150斤。") == "1150斤"
    assert same_kind_of_unit("公斤", "斤")


from rag.answer.near_miss import near_miss_check

from test_near_miss import candidates_with_figures, paragraph


def _check(question: str, figure: str, text: str):
    analysis, candidates, sentences = candidates_with_figures(question, paragraph(text, 1))
    candidate = next(c for c in candidates if c.span.text == figure)
    found = near_miss_check(candidate, analysis, sentences)
    return found[0] if found else None


def test_an_asked_word_at_a_figure_of_another_kind_names_the_subject():
    # 63家 and 3.2万户 answer no 多少人 and no 多少钱: 编织 and 果农 there name what the sentence is about
    assert _check("桃源村靠草编吃饭的有多少人？", "1800余人", "桃源村现有草编作坊和企业58家，从业人员1800余人。") is None
    assert _check("冰雹过后，保险公司一共赔给果农多少钱？", "8600万元",
                  "全县累计支付苹果保险赔款8600万元，惠及果农1.2万户。") is None
    # a share of the asked measure still competes: the asked word there names the measure
    assert _check("桃源公司上半年营业收入是多少？", "1.8亿元",
                  "公司投入1.8亿元研发电驱动桥，占公司营业收入的比重达到27%。") is not None
    # but an asked word the sentence lacks that other passages say (受伤) names a measure of its own
    analysis, candidates, sentences = candidates_with_figures(
        "桃源区去年交通事故受伤多少人？", paragraph("桃源区发生道路交通事故143起，死亡29人。", 1),
        paragraph("全市道路交通事故造成386人受伤。", 2))
    candidate = next(c for c in candidates if c.span.text == "29人")
    assert near_miss_check(candidate, analysis, sentences) is not None
