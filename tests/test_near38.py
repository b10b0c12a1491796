"""near38: near misses the answer stage answered instead of refusing (dev halves).

- ``nm:name_word`` (rag.answer.near_miss.name_word): a noun of the question that marks off the part asked (国际 of
  国际旅客, 国际航线) said in the figure's sentence only inside a proper name (锦州湾国际机场, 临沂启阳国际机场) does not say
  it: the figure is the whole's. Dev: fresh18 xwb022 (锦州湾国际机场去年国际及地区航线旅客吞吐量: 146.3万人次 of all
  passengers, refused), fresh12 xqd053 and fresh20 xyb030 (the same wording; their answer now comes from another
  sentence, still wrong).
- ``nm:opening_place`` (rag.answer.near_miss.opening_place): a county-level place a question opens with, which the
  question's reading often misses (平果|市前, 新晃|侗族|自治县), is not answered by a figure whose sentence last names
  another such place before it (田东县, 通道侗族自治县, 都安瑶族自治县, 黄石经济技术开发区·铁山区). Dev: fresh24 xle060,
  fresh25 xne028, fresh30 xsa050 and xsb059, fresh15 xtd049.
- ``nm:kind_name`` (rag.answer.near_miss.kind_name): a scenic spot, college, hospital, airport, power station… the
  question names anywhere (湄江景区, 湖北科技学院, 龙滩水电站) is not answered by a figure whose sentence last names, before
  it, another one of that kind (梅山龙宫景区, 咸宁职业技术学院, 独立储能电站), unless the asked one is called by a longer name
  there (海拉尔东山国际机场 for 海拉尔机场) or the list is said respectively (分别). Dev: fresh29 xrc069, fresh23 xkc063,
  fresh30 xsb056. (near_miss.named, switch named_kind, reads a name the question opens with by its last character.)
"""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker
from rag.answer.near_miss.kind_name import other_named_of_kind
from rag.answer.near_miss.name_word import word_only_in_name
from rag.answer.near_miss.opening_place import asked_opening_place, other_opening_place
from rag.answer.question import analyze_question

airport = paragraph_maker("青禾日报 交通")


@pytest.mark.parametrize("question,sentence,word", [
    ("锦州湾国际机场去年国际及地区航线旅客吞吐量是多少？",
     "锦州湾国际机场去年完成旅客吞吐量146.3万人次，同比增长9.1%，完成货邮吞吐量6820吨，同比增长5.4%。", "国际"),
    ("临沂机场去年国际航线的旅客有多少人次？",
     "记者从临沂启阳国际机场获悉，2025年该机场完成旅客吞吐量317.5万人次，同比增长12.6%；", "国际"),
    ("海拉尔东山国际机场雪季以来的国际旅客有多少人次？",
     "雪季以来，海拉尔东山国际机场完成旅客吞吐量78.4万人次，同比增长16.9%；", "国际"),
])
def test_a_part_word_said_only_inside_a_name(question, sentence, word):
    assert word_only_in_name(sentence, analyze_question(question)) == word


@pytest.mark.parametrize("question,sentence", [
    # the sentence says the word outside the name too: the part's own figure
    ("锦州湾国际机场去年国际旅客吞吐量是多少？", "锦州湾国际机场去年完成国际旅客吞吐量14.3万人次，同比增长9.1%。"),
    # the question says the word only in a name itself
    ("青禾国际机场去年旅客吞吐量是多少？", "青禾国际机场去年完成旅客吞吐量146.3万人次。"),
    ("市中心医院2025年一共出院了多少病人？", "去年市中心医院门急诊186万人次，出院9.8万人次。"),
    # the question's own short form of the name (华亭|煤业 for 华亭煤业集团): fresh16 xub027 dev
    ("在华亭煤业砚北煤矿当维修工的那个订单班毕业生，一个月挣多少钱？",
     "在华亭煤业集团砚北煤矿，2025届毕业生张浩已经成为一名综采设备维修工，月收入7200元左右。"),
])
def test_a_word_said_outside_a_name_or_asked_in_one(question, sentence):
    assert word_only_in_name(sentence, analyze_question(question)) is None


def test_the_whole_airport_figure_does_not_answer_its_international_part(monkeypatch):
    paragraph = airport("锦州湾国际机场去年完成旅客吞吐量146.3万人次，同比增长9.1%，完成货邮吞吐量6820吨，同比增长5.4%。"
                        "锦州湾国际机场今年新开通航线12条。")
    question = "锦州湾国际机场去年国际旅客吞吐量是多少？"
    answer = ask(question, paragraph)
    assert answer.refused and "146.3万人次" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:name_word")
    assert ask(question, paragraph).short == "146.3万人次"


@pytest.mark.parametrize("question,place", [
    ("平果市前三季度电解铝产量是多少？", "平果市"),
    ("七星关区的学前教育毛入园率是多少？", "七星关区"),
    ("新晃侗族自治县去年PM2.5年均浓度是多少？", "新晃侗族自治县"),
    ("前三季度西塞山区地区生产总值是多少亿元？", "西塞山区"),
    ("全市去年新增学位多少个？", None),  # a scope word, no place
    ("去年全市接待游客多少人次？", None),  # a period and a scope word read into no name
])
def test_the_place_a_question_opens_with(question, place):
    assert asked_opening_place(question) == place


@pytest.mark.parametrize("question,sentence,figure,other", [
    ("平果市前三季度电解铝产量是多少？", "田东县铝产业产值132.4亿元，增长12.8%，电解铝产量46.7万吨；", "46.7", "田东县"),
    ("新晃侗族自治县去年PM2.5年均浓度是多少？",
     "分县市区看，通道侗族自治县空气质量最好，优良天数比率达到98.6%，PM2.5年均浓度为21.4微克/立方米；", "21.4", "通道侗族自治县"),
    ("大化瑶族自治县今年鲜茧产量是多少？",
     "其中，环江毛南族自治县鲜茧产量2.93万吨，罗城仫佬族自治县鲜茧产量1.87万吨，都安瑶族自治县鲜茧产量1.24万吨。", "1.24",
     "罗城仫佬族自治县"),  # (都安|瑶族 holds a word the tagger reads as an adverb: read as no name, the one before it is)
    ("前三季度西塞山区地区生产总值是多少亿元？", "黄石经济技术开发区·铁山区地区生产总值247.90亿元，增长7.1%；", "247.90", "铁山区"),
])
def test_another_county_named_before_the_figure(question, sentence, figure, other):
    assert other_opening_place(sentence, sentence.find(figure), analyze_question(question)) == other


@pytest.mark.parametrize("question,sentence,figure", [
    ("平果市前三季度电解铝产量是多少？", "平果市铝产业产值132.4亿元，增长12.8%，电解铝产量46.7万吨；", "46.7"),
    ("渭南市2025年接待过夜游客多少人次？", "去年全市接待过夜游客2860万人次，增长12.4%；", "2860"),
    # a scope word after the other place says the figure anew of the article's own place
    ("七星关区的学前教育毛入园率是多少？", "威宁自治县今年新建公办幼儿园9所，全县学前教育毛入园率达到91.4%。", "91.4"),
])
def test_the_asked_place_or_a_scope_word_is_no_other(question, sentence, figure):
    assert other_opening_place(sentence, sentence.find(figure), analyze_question(question)) is None


def test_a_neighbour_county_figure_does_not_answer_the_asked_one(monkeypatch):
    paragraph = paragraph_maker("新晃侗族自治县环境质量持续改善")(
        "分县市区看，通道侗族自治县空气质量最好，优良天数比率达到98.6%，PM2.5年均浓度为21.4微克/立方米；")
    question = "新晃侗族自治县去年PM2.5年均浓度是多少？"
    answer = ask(question, paragraph)
    assert answer.refused and "通道侗族自治县" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:opening_place")
    assert ask(question, paragraph).short == "21.4微克"


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
    question = "今年1至11月涟源市湄江景区门票收入是多少？"
    answer = ask(question, paragraph)
    assert answer.refused and "龙宫景区" in answer.answer, answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "nm:kind_name")
    assert ask(question, paragraph).short == "1.36亿元"


@pytest.mark.parametrize("sentence,figure", [
    ("开展困难群众救助工作，安排县级预算资金103万元，目前该项目正在进行公开招标。", "103"),  # 安排|县级: a verb, no place
    ("在吴江区、吴中区分馆带动下，全年接待读者40万人次。", "40"),  # after 在 and 、: no clause's subject
    ("为应对客流，该区增设临时停车位3200个，开行景区直通车线路6条。", "6条"),  # a kind of area, no place
    ("今年全区共改造老旧供热管网86公里，涉及老旧小区52个、居民1.9万户。", "1.9万"),
    ("全区农村劳动力转移就业人数增加2860人，其中在区内就地就近就业5.63万人，到省外就业1.46万人。", "1.46"),
    ("从行业看，毛绒玩具类社区工厂306家，占总数的39.2%；", "306"),
])
def test_an_everyday_word_or_a_listed_place_opens_no_clause(sentence, figure):
    """(fresh6 xm046, fresh7 xq041, fresh11 xpa064, fresh15 xtb020 dev: 开行|景区, 涉及老旧|小区, 其中在|区, 毛绒玩具类|社区)"""
    for question in ("青禾县的城市低保标准是每人每月多少钱？", "姑苏区图书馆全年接待读者多少人次？"):
        assert other_opening_place(sentence, sentence.find(figure), analyze_question(question)) is None
