"""A name that is no place (a park, a resort) named only in another paragraph of a long report is inherited only
from the article's lead (the paragraph opening with its dateline) or from the paragraph right before: a report
names a subject and goes on about it in the next paragraph, while a name a later paragraph says in passing is
what that paragraph is about, not the article (switch name_from_lead)."""
from __future__ import annotations

from rag.answer import extract_answer
from rag.answer.question import analyze_question
from rag.answer.scoring import score_sentences
from rag.schema import Chunk, Hit, Paragraph

TITLE = "桃花节接待游客突破百万人次"


def _hit(paragraph: Paragraph, rank: int) -> Hit:
    chunk = Chunk(rank, paragraph.source, paragraph.title, paragraph.number, paragraph.text, 0, len(paragraph.text))
    return Hit(chunk, paragraph, 1.0 / rank, {"keyword": 1.0, "dense": 1.0}, {"keyword": rank, "dense": rank})


def _paragraph(text: str, number: int) -> Paragraph:
    return Paragraph("p.txt", TITLE, number, 100 * number, 100 * number + len(text), text, text, None, None)


LEAD = _paragraph("本报讯（记者 王宁）记者从市文旅局获悉，本届桃花节期间全市共接待游客108万人次。", 1)
PARKS = _paragraph("其中，东湖桃园、翠屏桃花园的接待量位列前两位，分别为21.4万人次和18.2万人次。", 2)
TOWN = _paragraph("城关镇依托古村落发展乡村游，接待游客12.6万人次，同比增长14.3%。", 9)
QUESTION = "翠屏桃花园接待量同比增长了多少？"


def _town_context(question: str, hits: list[Hit]) -> tuple[str, ...]:
    analysis = analyze_question(question)
    return next(c.context_used for c in score_sentences(analysis, hits) if c.sentence.startswith("城关镇"))


def test_a_name_another_paragraph_says_in_passing_is_not_inherited(monkeypatch):
    hits = [_hit(TOWN, 1), _hit(PARKS, 2), _hit(LEAD, 3)]
    assert extract_answer(QUESTION, hits).refused
    assert _town_context(QUESTION, hits) == ()
    # before: the town's figure had the park named "in another paragraph of the article"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "name_from_lead")
    assert any("翠屏桃花园" in how for how in _town_context(QUESTION, hits))


def test_a_name_the_lead_says_is_inherited():
    lead = _paragraph("本报讯（记者 王宁）翠屏桃花园景区本届桃花节期间接待游客18.2万人次。", 1)
    body = _paragraph("为应对高峰客流，景区新增临时停车泊位800个，同比增长14.3%。", 5)
    answer = extract_answer("翠屏桃花园新增了多少个临时停车泊位？", [_hit(body, 1), _hit(lead, 2)])
    assert not answer.refused and answer.short == "800个"


def test_a_name_the_paragraph_before_says_is_inherited():
    before = _paragraph("走进城关镇的翠屏桃花园驿站，空调、热水、休息桌椅一应俱全。", 4)
    body = _paragraph("驿站负责人介绍，驿站现已覆盖辖区36个快递站点，日均服务量达150人次。", 5)
    answer = extract_answer("翠屏桃花园驿站覆盖了多少个快递站点？", [_hit(body, 1), _hit(before, 2), _hit(LEAD, 3)])
    assert not answer.refused and answer.short == "36个"
