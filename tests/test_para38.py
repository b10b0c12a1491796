"""Issue 11, helper "para38": readings of the answer stage for paraphrased questions, on sentences written for these
tests (no eval row), read by the real answer stage; each goes away with its switch off (RAG_ANSWER_ABLATE).

- ``new_kind_word`` (rag.answer.near_miss.stock._new_said): 新 opening a word that names a kind or a place
  (新能源汽车保有量, 新型储能, 新疆) says nothing new, so a stock in such a clause (保有量达…辆) does not answer a flow
  asked (新增, 新上牌): nm:stock_for_flow refuses it as it refuses 全县植保无人机保有量.
"""
from __future__ import annotations

from conftest import ask, paragraph_maker, refused_until_switched_off

from rag.answer.near_miss.stock import _new_said

paragraph = paragraph_maker(title="青禾县推进绿色出行", source="938_test.txt")

EV_STOCK = "截至今年底，全县新能源汽车保有量达到1.2万辆，占汽车总量的18.5%。"


def test_new_opening_a_kind_word_says_nothing_new(monkeypatch):
    assert not _new_said("全县新能源汽车保有量达到1.2万辆")
    assert not _new_said("新型储能装机规模")
    assert not _new_said("新疆汽车保有量")
    # 新 said as new: alone before a verb, or opening a word of adding whatever its tag
    assert _new_said("全年新注册登记新能源汽车3600辆")
    assert _new_said("全县新增植保无人机")
    assert _new_said("新建学校12所")
    assert _new_said("全市新开工项目")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "new_kind_word")
    assert _new_said("全县新能源汽车保有量达到1.2万辆")


def test_a_stock_of_a_kind_named_with_new_does_not_answer_a_flow(monkeypatch):
    refused_until_switched_off("new_kind_word", "青禾县今年新增了多少辆新能源汽车？", "青禾县新能源汽车保有量是多少？", "1.2万辆",
                               paragraph(EV_STOCK), says="文中只有", monkeypatch=monkeypatch)


def test_the_stock_and_the_flow_still_answer_when_asked():
    both = paragraph(EV_STOCK + "今年全县新增新能源汽车3600辆，同比增长21.4%。")
    assert ask("青禾县新能源汽车保有量是多少？", both).short == "1.2万辆"
    assert ask("青禾县今年新增了多少辆新能源汽车？", both).short == "3600辆"
