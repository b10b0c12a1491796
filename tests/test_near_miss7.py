"""Session 7 near misses (issue 11), on sentences written for these tests: a sentence naming a sibling
of the asked thing (another member of its series, the deputy of the asked title, another company of its
kind, a wider place than the asked town), a figure in a unit that cannot count what is asked, a whole
for a part asked with 光…一项; and two everyday readings that stop false refusals (a name said short,
a measure named by its unit). No encoder: the lexical mechanisms only. Each refusal is checked to go
away with its switch off (RAG_ANSWER_ABLATE), so a test fails when its reading breaks."""
from __future__ import annotations

import pytest

from rag.answer.near_miss import near_miss_check, other_of_kind
from rag.answer.question import analyze_question
from rag.answer.scoring import distinct_paragraph_hits, score_sentences
from rag.schema import Paragraph

from conftest import ask, paragraph_maker, ranked


paragraph = paragraph_maker(title="青禾县重点项目建设加快推进", source="970_test.txt")


CASES = [
    # another member of a series: 一期 for 二期 (asked figure)
    ("series", "青禾县物流园二期工程总投资多少钱？",
     [paragraph("青禾县物流园一期工程已于今年3月建成投用，总投资9.6亿元，仓储面积12万平方米。")], "9.6亿元"),
    # another season's date
    ("series", "青禾水库秋季禁渔期从哪天开始？",
     [paragraph("4月20日零时起，青禾水库进入为期两个月的春季禁渔期，禁渔期至6月20日24时结束。")], None),
    # another company of the asked kind
    ("other_holder", "青禾县云岭食品公司去年新增授权发明专利多少件？",
     [paragraph("青禾县的食品企业加快创新。云岭食品的新品今年上市。"
                "青禾县禾丰农业科技有限公司去年研发投入0.8亿元，新增授权发明专利21件。")], "21件"),
    # a wider place than the asked town (and a plan, 计划到2028年: nm:plan refuses it as well)
    ("other_holder,nm:plan", "青禾县石门镇今年治理了多少条侵蚀沟？",
     [paragraph("石门镇村民说，沟治好了地也保住了。据了解，青禾县计划到2028年累计治理侵蚀沟600条以上。")], "600条以上"),
]


@pytest.mark.parametrize("switch,question,paragraphs,given", CASES, ids=[c[1][:12] for c in CASES])
def test_a_sibling_or_another_measure_is_refused_and_answered_without_the_reading(monkeypatch, switch, question, paragraphs, given):
    answer = ask(question, *paragraphs)
    assert answer.refused, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
    off = ask(question, *paragraphs)
    assert not off.refused, off.answer
    if given:
        assert off.short == given


def test_the_asked_member_of_the_series_answers():
    """Both members said: the figure of the asked one (二期) answers, the other's is passed over."""
    text = "青禾县物流园一期工程总投资9.6亿元，二期工程总投资14.2亿元，预计明年开工。"
    answer = ask("青禾县物流园二期工程总投资多少钱？", paragraph(text))
    assert not answer.refused and answer.short == "14.2亿元", answer.answer


def test_people_are_not_counted_in_money(monkeypatch):
    text = "青禾县禾丰农业科技有限公司研发投入0.8亿元，同比增长21%。"
    question = "青禾县禾丰农业科技有限公司有多少研发人员？"
    assert ask(question, paragraph(text)).refused
    # (a stock asked, 有多少研发人员, and the money 投入 is no stock either: nm:flow_for_stock, session 18)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:people_unit,nm:flow_for_stock")
    assert ask(question, paragraph(text)).short == "0.8亿元"


def _candidates(question: str, *paragraphs: Paragraph):
    analysis = analyze_question(question)
    candidates = score_sentences(analysis, distinct_paragraph_hits(ranked(*paragraphs)))
    return analysis, candidates, [c.sentence for c in candidates]


def _check(question: str, figure: str, *paragraphs: Paragraph):
    analysis, candidates, sentences = _candidates(question, *paragraphs)
    candidate = next(c for c in candidates if c.span is not None and c.span.text == figure)
    return (near_miss_check(candidate, analysis, sentences) or (None,))[0]


def test_a_unit_the_articles_write_after_their_figures_must_be_the_figures(monkeypatch):
    port = paragraph("青禾港今年集装箱吞吐量达86.5万标箱，同比增长9.1%。", 1)
    rail = paragraph("青禾港铁路站日均装卸车辆超过600辆，比去年同期增加约80辆。", 2, "青禾港铁路站运量上升", "971_test.txt")
    question = "青禾港集装箱吞吐量比去年同期多了多少万标箱？"
    assert _check(question, "约80辆", rail, port) == "unit_word"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:unit_word")
    assert _check(question, "约80辆", rail, port) != "unit_word"


def test_a_whole_is_no_answer_for_one_part_asked(monkeypatch):
    """光…一项 asks the part, which a total's clause does not say."""
    total = paragraph("今年青禾港共运出货物600万吨，同比增长5%。", 2, "青禾港货运量增长", "972_test.txt")
    question = "今年光煤炭一项运出了多少吨？"
    assert _check(question, "600万吨", total) == "only_part"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:only_part")
    assert _check(question, "600万吨", total) != "only_part"


def test_a_title_said_only_as_its_deputys_is_a_sibling(monkeypatch):
    text = "青禾县交通运输局副局长周明远介绍，全县今年将新改建农村公路320公里。"
    analysis, candidates, _ = _candidates("青禾县交通运输局局长叫什么名字？", paragraph(text))
    assert candidates and all(other_of_kind(c, analysis) for c in candidates)
    analysis, candidates, _ = _candidates("青禾县交通运输局副局长叫什么名字？", paragraph(text))
    assert not any(other_of_kind(c, analysis) for c in candidates)
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "deputy")
    analysis, candidates, _ = _candidates("青禾县交通运输局局长叫什么名字？", paragraph(text))
    assert not any(other_of_kind(c, analysis) for c in candidates)


def test_a_name_said_short_is_named_by_its_full_form(monkeypatch):
    """扎龙保护区 for 扎龙国家级自然保护区; and pairs counted in 对 are a quantity (rag.answer.spans.UNITS)."""
    text = "今年，青禾国家级自然保护区内繁殖的野生白鹤达到58对，比去年增加6对。"
    question = "青禾保护区今年有多少对野生白鹤在繁殖？"
    answer = ask(question, paragraph(text, title="青禾湿地生态持续向好"))
    assert not answer.refused and answer.short == "58对", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "short_names")
    assert ask(question, paragraph(text, title="青禾湿地生态持续向好")).refused


def test_a_measure_named_by_its_unit_is_said_by_a_figure_in_it(monkeypatch):
    text = "青禾港西航道扩建完成后，可满足15万吨级船舶双向通航。"
    question = "青禾港西航道扩建后，多大吨位的船舶可以双向通航？"
    answer = ask(question, paragraph(text, title="青禾港西航道扩建完成"))
    assert not answer.refused and "15万吨" in (answer.short or ""), answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "measure_unit_said")
    assert ask(question, paragraph(text, title="青禾港西航道扩建完成")).refused


def test_a_years_part_asked_with_the_year_is_the_articles_own(monkeypatch):
    """"2025年上半年…" is answered by a paragraph saying "上半年" when its article's lead says 2025年上半年;
    not when the article is of another year."""
    title = "上半年青禾县生态环境质量持续向好"
    lead = paragraph("7月15日，青禾县生态环境局通报2025年上半年全县生态环境质量状况。", 1, title, "973_test.txt")
    body = paragraph("上半年，全县城市环境空气质量优良天数比例为91.6%，同比上升1.2个百分点。", 2, title, "973_test.txt")
    question = "2025年上半年青禾县空气质量优良天数比例是多少？"
    answer = ask(question, body, lead)
    assert not answer.refused and answer.short == "91.6%", answer.answer
    other_year = paragraph("7月15日，青禾县生态环境局通报2024年上半年全县生态环境质量状况。", 1, title, "973_test.txt")
    assert ask(question, body, other_year).refused
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "own_year")
    assert ask(question, body, lead).refused
