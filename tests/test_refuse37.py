"""Issue 11, helper "refuse37": a question the answer stage refused though the page states the answer in its own terms.

- ``paired_short_names`` (rag.answer.evidence.paired_short_names, used by entity_said and scoring.abbreviated): two short
  names glued into one word (清华北大, asked so in fresh16, fresh21 and fresh24) are said by the two longer names listed
  one right after the other (清华大学、北京大学).
(新上牌 → 新注册登记 and 卖到国外 → 出口 were tried and left out: rag.answer.everyday_terms says why.)
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.evidence import entity_said
from rag.answer.scoring import abbreviated

paragraph = paragraph_maker("青川县教育事业稳步发展")

UNIVERSITIES = paragraph("今年全县共有26名考生被清华大学、北京大学录取，人数比上年增加5名。")


def test_two_glued_short_names_are_said_by_the_listed_full_names(monkeypatch):
    text = "今年全县共有26名考生被清华大学、北京大学录取"
    assert entity_said("清华北大", text) and abbreviated("清华北大", text)
    # one of the two alone, or the two halves apart in other clauses, is not the pair
    assert not entity_said("清华北大", "今年全县共有3名考生被清华大学录取")
    assert not abbreviated("风力发电", "风力资源丰富，发电量增长")
    answer = ask("今年全县有多少考生考上了清华北大？", UNIVERSITIES, similarity=same_meaning)
    assert not answer.refused and answer.short == "26名", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "paired_short_names")
    assert not entity_said("清华北大", text)
    assert ask("今年全县有多少考生考上了清华北大？", UNIVERSITIES, similarity=same_meaning).refused
