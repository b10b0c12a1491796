"""near35: nm:asked_head made narrower where its readings misread a right answer as a figure of another kind.

- a unit per another (微克/立方米, 元/吨, 元每斤) is a rate or a concentration: the figure is no volume or weight
  (dev gold answers fresh19 xxa046 24微克/立方米, fresh21 xzc059 33.6微克/立方米, fresh24 xle052 45.3微克/立方米 to
  浓度 questions were read as volumes);
- a noun a one-character noun goes on is no measured head (fresh22 xjc005 "多少三元前驱体", cut 三元|前驱|体, was read
  as people by 词林's 前驱, against its gold 12万吨);
- each asked kind refuses only the figure kinds the dev near misses were answered in, in two or more sets: things for
  people, money or electricity; money for people; an area for an output (near34's wider table, any measure for people
  or money and anything for an area or a concentration, gained nothing more on dev);
- 家 and 例 count what a people word may name: businesses (商户, 厂商, 供应商: fresh10 xme044 "多少家商户" 186家) and
  cases (患者, 病人: fresh12 xqd019 "帮病人会诊了多少例" 4326例), so they are never refused for people.
"""
from __future__ import annotations

import pytest

from conftest import ask, paragraph_maker, span_at
from rag.answer.near_miss.asked_head import asked_head_kind, head_of_other_kind
from rag.answer.question import analyze_question


@pytest.mark.parametrize("question,sentence,figure", [
    ("中心城区去年细颗粒物的年平均浓度是多少？", "中心城区细颗粒物年平均浓度为24微克/立方米，同比下降4%。", "24微克/立方米"),
    ("中心城区去年细颗粒物的年平均浓度是多少？", "中心城区细颗粒物年平均浓度为24微克/立方米，同比下降4%。", "24微克"),
    ("今年以来全市细颗粒物平均浓度是多少？", "全市细颗粒物平均浓度33.6微克每立方米。", "33.6微克每立方米"),
])
def test_a_unit_per_another_is_no_volume(question, sentence, figure):
    assert asked_head_kind(analyze_question(question)) == "concentration"
    assert not head_of_other_kind(span_at(sentence, figure), sentence, analyze_question(question))


@pytest.mark.parametrize("question,sentence,figure,refused", [
    # the pairs kept (dev near misses gained in two or more sets)
    ("淄川区陶瓷产业有多少从业人员？", "淄川区将推动先进陶瓷产业园二期建设。", "二期", True),            # fresh15
    ("铜仁去年老小区改造让多少农民工有了活干？", "去年发放农民工工资约5.3亿元。", "约5.3亿元", True),  # fresh11
    ("去年全市群众被电信网络诈骗骗走的钱一共有多少？", "破获电信网络诈骗案件1486起。", "1486起", True),  # fresh24
    ("阿巴嘎旗别力古台风电项目今年实际已经发了多少电？", "草场上立起了6台风机。", "6台", True),    # fresh16
    ("今年全市大豆产量是多少？", "今年全市大豆种植面积18.6万亩。", "18.6万亩", True),                # fresh26
    # the pairs near34 also refused and near35 leaves to the other checks
    ("中心城区出租车去年一共拉了多少客？", "新开通公交线路23.6公里。", "23.6公里", False),            # people, a length
    ("去年全市法院通过执行实际追回的钱有多少？", "发布失信被执行人名单1.86万人次。", "1.86万人次", False),  # money, people
    ("2025年全市玉米播种面积是多少？", "全市玉米产量52.3万吨。", "52.3万吨", False),                  # an area, a weight
    ("鞍山上半年二氧化氮平均浓度是多少？", "全市处理污水1200万立方米。", "1200万立方米", False),      # a concentration
    ("今年全市大豆产量是多少？", "大豆收购价每斤2.5元。", "2.5元", False),                            # an output, money
])
def test_only_the_pairs_with_dev_gains_are_refused(question, sentence, figure, refused):
    assert head_of_other_kind(span_at(sentence, figure), sentence, analyze_question(question)) is refused


@pytest.mark.parametrize("question", [
    "楚能锂电三期上马以后，一年能做多少三元前驱体？",   # fresh22 dev: 前驱|体 is one noun, a material
    "这家工厂一年能做多少正极材料体？",
])
def test_a_noun_a_one_character_noun_goes_on_is_no_head(question):
    assert asked_head_kind(analyze_question(question)) is None


@pytest.mark.parametrize("question", [
    "安远县城第三小学能容纳多少学生入学？",         # fresh9 dev: 入学 is two characters, 学生 stays the head
    "在绵高校2025届毕业生中有多少硕士研究生？",     # fresh18 dev
    "湖口县一共有多少渔民交船上岸了？",             # fresh16 dev
])
def test_people_read_before_a_longer_word(question):
    assert asked_head_kind(analyze_question(question)) == "people"


@pytest.mark.parametrize("question,sentence,figure", [
    ("到去年年底，中药港里一共有多少商户在做生意？", "到去年年底，中药港入驻商户1348家。", "1348家"),
    ("市中心医院去年一共救治了多少患者？", "市中心医院去年成功救治危重患者4326例。", "4326例"),
])
def test_jia_and_li_count_people_words(question, sentence, figure):
    analysis = analyze_question(question)
    assert asked_head_kind(analysis) == "people"
    assert not head_of_other_kind(span_at(sentence, figure), sentence, analysis)


def test_other_counts_still_refused_for_people():
    analysis = analyze_question("夜1路去年一共拉了多少乘客？")
    sentence = "夜1路、夜2路两条线路去年开通。"
    assert head_of_other_kind(span_at(sentence, "两条"), sentence, analysis)


county = paragraph_maker(title="青禾县民生实事办理情况", source="935_test.txt")


def test_businesses_counted_in_jia_are_answered():
    answer = ask("到去年年底，青禾县中药港里一共有多少商户在做生意？", county("到去年年底，青禾县中药港入驻商户1348家，年交易额12亿元。"))
    assert not answer.refused and answer.short == "1348家", answer.answer


def test_a_concentration_per_cubic_metre_is_answered():
    answer = ask("青禾县去年细颗粒物的年平均浓度是多少？", county("青禾县去年细颗粒物年平均浓度为24微克/立方米，同比下降4%。"))
    assert not answer.refused and "24微克" in answer.short, answer.answer
