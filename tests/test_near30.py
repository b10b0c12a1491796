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


# near30 (second reading): a development zone named by its city (青禾高新区) is a part of the city; a figure whose clause
# is 全市's does not answer for it, and the sentence names the zone only by its zone word (高新区), not by the city's name.
economy = paragraph_maker(title="青禾市经济运行稳中有进", source="995_test.txt")
CITY_GDP = "根据统一核算结果，去年全市实现地区生产总值2046.4亿元，比上年增长6.1%。"
# the zone named in the passages without a figure (else nothing answers for want of the word)
ZONE = "青禾高新区持续推进园区扩容，新落地项目24个。"


def test_a_city_figure_does_not_answer_for_its_zone(monkeypatch):
    refused_until_switched_off("zone_part", "青禾高新区去年地区生产总值是多少？", "青禾市去年地区生产总值是多少？",
                               "2046.4亿元", economy(CITY_GDP), economy(ZONE, number=2), says="全市",
                               monkeypatch=monkeypatch)


def test_the_zone_own_scope_still_answers():
    # an article about the zone speaks of it as 全区: the zone's own figure, which the zone asked is answered by
    zone_page = paragraph_maker(title="青禾高新区经济运行稳中有进", source="994_test.txt")
    answer = ask("青禾高新区去年地区生产总值是多少？",
                 zone_page("去年，全区实现地区生产总值386.2亿元，比上年增长8.3%。"))
    assert not answer.refused and answer.short == "386.2亿元", answer.answer


def test_a_sentence_naming_the_zone_answers():
    answer = ask("青禾高新区去年地区生产总值是多少？",
                 economy("去年，全市高新区中，青禾高新区实现地区生产总值386.2亿元，比上年增长8.3%。"))
    assert not answer.refused and answer.short == "386.2亿元", answer.answer


def test_zone_read_as_a_part():
    from rag.answer.near_miss.whole_for_part import _asked_part
    assert _asked_part("青禾高新区去年地区生产总值是多少？") == "青禾高新区"
    assert _asked_part("全市高新区去年地区生产总值是多少？") is None
