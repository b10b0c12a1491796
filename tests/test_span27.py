"""Issue 11, helper "span27": the wrong figure given for an answerable question.

一 written in words with a count word and the noun it counts ("在唐坊镇的一处养老院里", "领办了一家合作社", "一亩地")
is the indefinite article of a story about one of them, not a count: news text writes its counts in digits (146处,
3.2万户). Such a span no longer answers 多少/几, so the story sentence gives way to the sentence stating the count, or
the question is refused (switch ``indefinite_one``). A count of one said as only one (唯一的一起, 仅一家) is still one.
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker

paragraph = paragraph_maker("清河县养老服务综述")

STORY = paragraph("在清河县柳营镇的一处农村养老院里，十几位老人正围坐在一起包饺子。", number=1)
COUNT = paragraph("截至2025年底，清河县农村养老院总数达到86处，为农村老年人提供助餐服务。", number=2)
COOP = paragraph("在清河县北岸镇，一家渔业合作社流转土地带动周边群众增收。", number=3)
ONLY = paragraph("清河县的三甲医院目前仅有一家，位于县城东部。", number=4)


def test_a_story_s_one_item_is_no_count(monkeypatch):
    answer = ask("清河县现在一共有多少处农村养老院？", STORY, COUNT)
    assert not answer.refused and answer.short == "86处", answer.answer
    # with the reading off, the story's 一处 answers from the best-retrieved paragraph
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "indefinite_one")
    assert ask("清河县现在一共有多少处农村养老院？", STORY, COUNT).short == "一处"


def test_no_count_at_all_is_refused_not_guessed(monkeypatch):
    answer = ask("清河县一共有多少家渔业合作社？", COOP)
    assert answer.refused, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "indefinite_one")
    assert ask("清河县一共有多少家渔业合作社？", COOP).short == "一家"


def test_a_count_of_one_said_as_only_one_is_still_a_count():
    answer = ask("清河县有几家三甲医院？", ONLY)
    assert not answer.refused and answer.short == "一家", answer.answer


def test_the_reading_itself():
    import re

    from rag.answer.question import analyze_question
    from rag.answer.spans import quantity_spans

    analysis = analyze_question("有多少家企业？")
    texts = lambda s: [sp.text for sp in quantity_spans(s, analysis)]  # noqa: E731
    assert texts("园区里的一家企业去年新增订单。") == []
    assert texts("全区仅有一家企业。") == ["一家"]  # only one
    assert texts("园区入驻企业仅此一家。") == ["一家"]  # the count word closes the phrase
    assert texts("园区入驻企业12家，其中一家企业为外资。") == ["12家"]
    assert texts("统一家具市场有商户30家。") == ["一家", "30家"]  # 统一 is a word: left as it was
    assert re.fullmatch(r"\d+家", texts("全区共有企业1家。")[0])  # digits are a count
