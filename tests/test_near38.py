"""near38: near misses the answer stage answered instead of refusing (dev halves).

- ``nm:kind_name`` (rag.answer.near_miss.kind_name): a scenic spot, college, hospital, airport, power station… the
  question names anywhere (湄江景区, 湖北科技学院, 龙滩水电站) is not answered by a figure whose sentence last names, before
  it, another one of that kind (梅山龙宫景区, 咸宁职业技术学院, 独立储能电站), unless the asked one is called by a longer name
  there (海拉尔东山国际机场 for 海拉尔机场) or the list is said respectively (分别). Dev: fresh29 xrc069, fresh23 xkc063,
  fresh30 xsb056. (near_miss.named, switch named_kind, reads a name the question opens with by its last character.)
"""
from __future__ import annotations

import pytest

from conftest import paragraph_maker, refused_until_switched_off
from rag.answer.near_miss.kind_name import other_named_of_kind


@pytest.mark.parametrize("question,sentence,figure,other", [
    ("今年1至11月涟源市湄江景区门票收入是多少？",
     "1至11月，紫鹊界梯田—梅山龙宫景区接待游客286.4万人次，同比增长15.8%，门票收入1.36亿元；", "1.36", "龙宫景区"),
    ("湖北科技学院2025届毕业生留在咸宁工作的比例是多少？",
     "湖北科技学院2025届毕业生去向落实率为91.4%，其中咸宁职业技术学院毕业生留在咸宁就业的比例为38.6%。", "38.6", "技术学院"),
    ("龙滩水电站的装机容量是多少万千瓦？", "位于南丹县的独立储能电站项目总投资8.7亿元，装机规模20万千瓦。", "20万", "储能电站"),
])
def test_another_named_one_of_the_asked_kind(question, sentence, figure, other):
    assert other_named_of_kind(sentence, sentence.find(figure), question) == other


@pytest.mark.parametrize("question,sentence,figure", [
    # the asked one by a longer name
    ("海拉尔机场今冬人最多的那一天进出港旅客有多少？", "1月2日，海拉尔东山国际机场迎来今冬客流高峰，单日旅客吞吐量达到9860人次", "9860"),
    # a time word before the kind word names nothing (今年医院)
    ("在友谊医院，心梗病人从进医院到血管打通平均要多长时间？",
     "友谊医院院长介绍，今年医院新开设了胸痛中心，急性心肌梗死患者从入院到血管开通的平均时间缩短至68分钟", "68"),
    # a class of them, not one
    ("湄江景区门票收入是多少？", "全市重点景区门票收入1.36亿元；", "1.36"),
    # a list said respectively
    ("湄江景区门票收入是多少？", "湄江景区、龙宫景区门票收入分别为1.36亿元和2.1亿元。", "1.36"),
])
def test_the_asked_one_or_no_name_is_no_other(question, sentence, figure):
    assert other_named_of_kind(sentence, sentence.find(figure), question) is None


def test_another_scenic_spot_figure_does_not_answer_the_asked_one(monkeypatch):
    paragraph = paragraph_maker("涟源市湄江景区旅游持续升温")(
        "1至11月，紫鹊界梯田—梅山龙宫景区接待游客286.4万人次，同比增长15.8%，门票收入1.36亿元；")
    refused_until_switched_off("nm:kind_name", "今年1至11月涟源市湄江景区门票收入是多少？", "今年1至11月梅山龙宫景区门票收入是多少？",
                               "1.36亿元", paragraph, says="龙宫景区", monkeypatch=monkeypatch)
