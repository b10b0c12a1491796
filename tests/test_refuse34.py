"""Issue 11, helper "refuse34": everyday words for export, import and GDP read as the article's terms
(rag.answer.everyday_terms, switch ``everyday_terms``).

- "卖到国外的货值多少钱", "往国外卖出去的货值", "卖到国外一共卖了多少钱" ask the 出口额 the article states;
  "经济总量" asks its 地区生产总值; "从国外买" its 进口;
- read so, the question meets every near-miss check a question in the article's words meets: exports asked of a
  sentence stating only 进出口 (near_miss.opposite) or another period stay refused.
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.everyday_terms import in_article_terms
from rag.answer.question import analyze_question

paragraph = paragraph_maker("青川县外贸稳中有进")

EXPORTS = paragraph("2025年，青川县外贸进出口总值86.4亿元，其中出口额52.3亿元，同比增长8.1%；进口额34.1亿元。")
TRADE_ONLY = paragraph("2025年，青川县外贸进出口总值86.4亿元，同比增长6.2%。")
GDP = paragraph("2025年，青川县实现地区生产总值318.6亿元，同比增长5.9%。")


def test_the_everyday_words_are_put_in_the_articles_terms(monkeypatch):
    assert in_article_terms("去年全市卖到国外的货一共值多少钱？") == "去年全市出口额多少钱？"
    assert in_article_terms("今年前三季度百色往国外卖出去的货值是多少？") == "今年前三季度百色出口额是多少？"
    assert in_article_terms("宁德产的锂电池去年卖到国外一共卖了多少钱？") == "宁德产的锂电池去年出口额多少钱？"
    assert in_article_terms("临沭去年有多少吨肥料卖到了国外？") == "临沭去年有多少吨肥料出口？"
    assert in_article_terms("前三季度从国外买原油花了多少钱？") == "前三季度进口原油花了多少钱？"
    assert in_article_terms("头三个季度全市经济总量一共有多少？") == "头三个季度全市地区生产总值一共有多少？"
    # no everyday word: the question as asked
    assert in_article_terms("2025年青川县出口额是多少？") == "2025年青川县出口额是多少？"
    assert analyze_question("青川县卖到国外的货值多少钱？").text == "青川县出口额多少钱？"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "everyday_terms")
    assert in_article_terms("去年全市卖到国外的货一共值多少钱？") == "去年全市卖到国外的货一共值多少钱？"


def test_exports_and_gdp_asked_in_everyday_words_are_answered(monkeypatch):
    answer = ask("2025年青川县卖到国外的货一共值多少钱？", EXPORTS, similarity=same_meaning)
    assert not answer.refused and answer.short == "52.3亿元"
    answer = ask("2025年青川县的经济总量是多少？", GDP, similarity=same_meaning)
    assert not answer.refused and answer.short == "318.6亿元"
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "everyday_terms")
    # without the reading the export figure is missed: the total of trade (86.4亿元) is taken, or nothing
    assert ask("2025年青川县卖到国外的货一共值多少钱？", EXPORTS, similarity=same_meaning).short != "52.3亿元"
    assert ask("2025年青川县的经济总量是多少？", GDP, similarity=same_meaning).refused


def test_near_misses_of_exports_stay_refused():
    # only the total of imports and exports is stated: no export figure
    assert ask("2025年青川县卖到国外的货一共值多少钱？", TRADE_ONLY, similarity=same_meaning).refused
    # another year asked
    assert ask("2024年青川县卖到国外的货一共值多少钱？", EXPORTS, similarity=same_meaning).refused
