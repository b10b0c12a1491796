"""near30: a near miss answered with the sum of every kind: a scope word naming every kind of the head (各项存款余额,
各类案件) gives the figure of all the kinds together, so a kind asked (住户存款, 行政案件) is not answered by it."""
from __future__ import annotations

from conftest import ask, paragraph_maker, refused_until_switched_off
from rag.answer.near_miss.modifier import other_modifier
from rag.answer.question import analyze_question

bank = paragraph_maker(title="青禾市金融运行总体平稳", source="996_test.txt")
DEPOSITS = "截至2025年12月末，全市本外币各项存款余额8640.2亿元，比年初增加512.3亿元，增长6.3%。"
# the asked kind named in the passages without a figure (else nothing answers for want of the word)
HOUSEHOLDS = "住户存款稳步增长，居民储蓄意愿保持较强。"


def test_every_kind_does_not_answer_one_kind(monkeypatch):
    refused_until_switched_off("modifier_every_kind", "截至2025年12月末，青禾市住户存款余额是多少？",
                               "截至2025年12月末，青禾市各项存款余额是多少？", "8640.2亿元", bank(DEPOSITS), bank(HOUSEHOLDS, number=2),
                               says="各项", monkeypatch=monkeypatch)


def test_the_sum_still_answers_without_a_kind():
    answer = ask("截至2025年12月末，青禾市存款余额是多少？", bank(DEPOSITS), bank(HOUSEHOLDS, number=2))
    assert not answer.refused and answer.short == "8640.2亿元", answer.answer


def test_a_kind_the_clause_also_says_is_said():
    # 本外币 asked and said before 各项: the asked words are the clause's, nothing else is asked
    answer = ask("截至2025年12月末，青禾市本外币存款余额是多少？", bank(DEPOSITS), bank(HOUSEHOLDS, number=2))
    assert not answer.refused and answer.short == "8640.2亿元", answer.answer


def test_every_kind_of_case(monkeypatch):
    question = analyze_question("去年青禾市法院受理了多少件刑事案件？")
    assert other_modifier("去年全市法院共受理各类案件1.52万件", question) == ("刑事", "各类")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "modifier_every_kind")
    assert other_modifier("去年全市法院共受理各类案件1.52万件", question) is None


def test_a_scope_word_of_place_is_still_no_kind():
    # 全市 names where, not which kind: 全市存款余额 is the asked sum, not a sibling of 住户存款
    question = analyze_question("2025年12月末青禾市住户存款余额是多少？")
    assert other_modifier("全市存款余额8640.2亿元", question) is None
