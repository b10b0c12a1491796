"""Issue 11, helper "refuse34": everyday words for a few fixed statistics read as the article's terms
(rag.answer.everyday_terms, switch ``everyday_terms``).

- "经济总量" asks the 地区生产总值 the article states, "平均能活到多少岁" its 人均预期寿命, "看病不出县的比例" its
  县域内就诊率;
- read so, the question meets every check a question in the article's words meets: another year asked, or a sibling
  measure stated (人均地区生产总值, 第一产业增加值), stays refused (a 海洋生产总值 is taken for the
  地区生产总值 asked in the article's words as well: not this reading's);
- export in everyday words (卖到国外) and 官司 are left as asked (tried: as many wrong answers as right ones).
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.everyday_terms import in_article_terms
from rag.answer.question import analyze_question

paragraph = paragraph_maker("青川县经济社会发展稳中有进")

GDP = paragraph("2025年，青川县实现地区生产总值318.6亿元，同比增长5.9%。")
PER_HEAD = paragraph("2025年，青川县人均地区生产总值达到9.8万元。")
INDUSTRY = paragraph("2025年，青川县第一产业增加值达到46.2亿元。")
LIFESPAN = paragraph("2025年，青川县人均预期寿命达到79.12岁，婴儿死亡率降至3.1‰。")
IN_COUNTY = paragraph("2025年，青川县县域内就诊率达到91.6%，基层诊疗量占比62.3%。")


def test_the_everyday_words_are_put_in_the_articles_terms(monkeypatch):
    assert in_article_terms("头三个季度全市经济总量一共有多少？") == "头三个季度全市地区生产总值一共有多少？"
    assert in_article_terms("丽水人现在平均能活到多少岁？") == "丽水人现在人均预期寿命多少岁？"
    assert in_article_terms("三台县去年看病不出县的比例是多少？") == "三台县去年县域内就诊率是多少？"
    assert in_article_terms("现在六安人看病留在本县的比例有多高？") == "现在六安人县域内就诊率有多高？"
    # words for an act or a class of things are no fixed term: left as asked
    assert in_article_terms("去年全市卖到国外的货一共值多少钱？") == "去年全市卖到国外的货一共值多少钱？"
    assert in_article_terms("这三年荆州法院一共接了多少件环境方面的官司？") == "这三年荆州法院一共接了多少件环境方面的官司？"
    assert analyze_question("青川县去年的经济总量是多少？").text == "青川县去年的地区生产总值是多少？"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "everyday_terms")
    assert in_article_terms("头三个季度全市经济总量一共有多少？") == "头三个季度全市经济总量一共有多少？"


def test_the_statistics_asked_in_everyday_words_are_answered(monkeypatch):
    answer = ask("2025年青川县的经济总量是多少？", GDP, similarity=same_meaning)
    assert not answer.refused and answer.short == "318.6亿元"
    answer = ask("2025年青川县人平均能活到多少岁？", LIFESPAN, similarity=same_meaning)
    assert not answer.refused and answer.short == "79.12岁"
    answer = ask("2025年青川县看病不出县的比例是多少？", IN_COUNTY, similarity=same_meaning)
    assert not answer.refused and answer.short == "91.6%"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "everyday_terms")
    assert ask("2025年青川县的经济总量是多少？", GDP, similarity=same_meaning).refused
    assert ask("2025年青川县人平均能活到多少岁？", LIFESPAN, similarity=same_meaning).refused


def test_near_misses_stay_refused():
    # another year asked
    assert ask("2024年青川县的经济总量是多少？", GDP, similarity=same_meaning).refused
    assert ask("2024年青川县人平均能活到多少岁？", LIFESPAN, similarity=same_meaning).refused
    # only a sibling measure stated: per head, or one sector's value added, is no 地区生产总值
    assert ask("2025年青川县的经济总量是多少？", PER_HEAD, similarity=same_meaning).refused
    assert ask("2025年青川县的经济总量是多少？", INDUSTRY, similarity=same_meaning).refused
