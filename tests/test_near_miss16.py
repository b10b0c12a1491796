"""Session 16 near misses (issue 11, helper near16), on sentences written for these tests: the person or the
(non-place) name a question asks about, said nowhere in the figure's paragraph or its article title
(rag.answer.near_miss.unnamed): the figure is someone else's. Each refusal goes away with the switch off
(RAG_ANSWER_ABLATE=subject_unnamed), so the test fails when the reading breaks; a paragraph that names the person, and a
place said only by the headline (全县), still answer."""
from __future__ import annotations

import pytest

from rag.answer import extract_answer
from rag.schema import Paragraph

from test_extract import ranked

TITLE = "青禾县家纺产业年成交额突破百亿元"


def paragraph(text: str, number: int = 1, title: str = TITLE) -> Paragraph:
    return Paragraph(source="992_test.txt", number=number, text=text, start=0, end=len(text), title=title, raw=text)


def ask(question: str, *paragraphs: Paragraph):
    return extract_answer(question, ranked(*paragraphs))


# a quoted shop owner, never named in the paragraph (the article names another one elsewhere)
QUOTE = "“去年我们给店铺开了两个直播间，线上订单占到了六成，全年销售额做到了900多万元。”"
NAMED = "店主周海涛告诉记者，去年他的店铺线上订单占到了六成，全年销售额做到了900多万元。"
# the person, named in another paragraph of the same article (the article's context would lend the name)
OTHER = "吴佳琪是青禾县家纺市场的老商户，十多年前开始经营床上用品。"
COUNTY = "去年，全县家纺企业线上销售额达到48.6亿元，同比增长12.4%。"


def test_a_person_the_paragraph_never_names_is_not_answered(monkeypatch):
    question = "吴佳琪的店铺线上订单占比是多少？"
    answer = ask(question, paragraph(QUOTE), paragraph(OTHER, number=2))
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "subject_unnamed")
    off = ask(question, paragraph(QUOTE), paragraph(OTHER, number=2))
    assert not off.refused, off.answer


@pytest.mark.parametrize("question,text,given", [
    ("周海涛的店铺线上订单占比是多少？", NAMED, "六成"),  # the person named in the paragraph
    ("青禾县去年家纺企业线上销售额是多少？", COUNTY, "48.6亿元"),  # a place the headline names: 全县
])
def test_the_named_subject_still_answers(question, text, given):
    answer = ask(question, paragraph(text))
    assert not answer.refused, answer.answer
    assert answer.short == given
