"""Issue 11, helper "refuse37": readings of questions the answer stage refused or answered wrongly though the page states
the answer in its own terms.

- ``new_plates`` (rag.answer.everyday_terms): 新上牌 asks the 新注册登记 figure of vehicles, not their stock (保有量);
- ``sold_abroad`` (rag.answer.everyday_terms): a product sold abroad (鞋子卖到国外, 锂电池卖到海外, 往国外卖了多少吨) asks
  its 出口 figure; the goods as a whole (卖到国外的货, 货值, 商品) are left as asked;
- ``export_origin`` (rag.answer.near_miss.partner): 从…出口 names the port goods leave from, no trade partner;
- ``paired_short_names`` (rag.answer.evidence): 清华北大 is said by 清华大学、北京大学.
The sentences are written for this test (no eval row)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, same_meaning

from rag.answer.everyday_terms import in_article_terms
from rag.answer.evidence import entity_said
from rag.answer.near_miss.partner import partner_unsaid
from rag.answer.question import analyze_question
from rag.answer.scoring import abbreviated

paragraph = paragraph_maker("青川县机动车保有量突破20万辆")

CARS = paragraph("截至去年底，全县新能源汽车保有量达到2.36万辆。去年全年，全县新注册登记新能源汽车8620辆，同比增长31.2%。")


def test_newly_plated_vehicles_are_the_registered_ones(monkeypatch):
    assert in_article_terms("玉林去年新上牌的车有多少辆？") == "玉林去年新注册登记的车有多少辆？"
    assert in_article_terms("头11个月，全市新上牌的新能源车有多少辆？") == "头11个月，全市新注册登记的新能源车有多少辆？"
    answer = ask("去年全县新上牌的新能源车有多少辆？", CARS, similarity=same_meaning)
    assert not answer.refused and answer.short == "8620辆", answer.answer
    # read as asked, the stock beside it was taken
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "new_plates")
    assert in_article_terms("玉林去年新上牌的车有多少辆？") == "玉林去年新上牌的车有多少辆？"
    assert ask("去年全县新上牌的新能源车有多少辆？", CARS, similarity=same_meaning).short != "8620辆"


SHOES = paragraph("前10个月，青川县外贸进出口总值286.4亿元，其中出口203.5亿元。其中鞋靴出口40.6亿元，增长5.8%。")


def test_a_product_sold_abroad_is_its_export(monkeypatch):
    assert in_article_terms("泉州的鞋子前10个月卖到国外一共卖了多少钱？") == "泉州的鞋子前10个月出口一共卖了多少钱？"
    assert in_article_terms("荆门的磷肥前三季度往国外卖了多少吨？") == "荆门的磷肥前三季度出口了多少吨？"
    assert in_article_terms("去年咱们市锂电池卖到海外卖了多少钱？") == "去年咱们市锂电池出口卖了多少钱？"
    # 去 of 去年 is no part of 卖到国外去
    assert in_article_terms("烟台水产品卖到国外去年挣了多少美元？") == "烟台水产品出口去年挣了多少美元？"
    # the goods as a whole are left as asked: a part's 出口额 answered the total as often as the total did
    for asked in ("泉州今年前十个月卖到国外的货一共值多少钱？", "前三季度盘锦卖到国外的货值多少钱？",
                  "今年1到9月，阜阳卖到国外的商品总值是多少？", "去年全市往国外卖了多少货？", "前三季度全市哪家企业往国外卖货最多？"):
        assert in_article_terms(asked) == asked
    answer = ask("青川县的鞋子前10个月卖到国外一共卖了多少钱？", SHOES, similarity=same_meaning)
    assert not answer.refused and answer.short == "40.6亿元", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "sold_abroad")
    assert ask("青川县的鞋子前10个月卖到国外一共卖了多少钱？", SHOES, similarity=same_meaning).short != "40.6亿元"


PORT = paragraph("前三季度经公路口岸出口的新能源汽车达到2860辆，同比增长62%。", title="二连浩特口岸外贸稳中有进")


def test_the_port_an_export_leaves_from_is_no_partner(monkeypatch):
    sentence = "前三季度经公路口岸出口的新能源汽车达到2860辆，同比增长62%。"
    assert partner_unsaid(sentence, analyze_question("前三季度从二连浩特公路口岸出口的新能源车有多少辆？")) is None
    # an import's partner after 从 still restricts the figure
    assert partner_unsaid("全县进口铁矿石86万吨。", analyze_question("去年全县从澳大利亚进口了多少吨铁矿石？")) == "澳大利亚"
    answer = ask("前三季度从二连浩特公路口岸卖到国外去的新能源车有多少辆？", PORT, similarity=same_meaning)
    assert not answer.refused and answer.short == "2860辆", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "export_origin")
    assert partner_unsaid(sentence, analyze_question("前三季度从二连浩特公路口岸出口的新能源车有多少辆？"))
    assert ask("前三季度从二连浩特公路口岸出口的新能源车有多少辆？", PORT, similarity=same_meaning).refused


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
