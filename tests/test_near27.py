"""near27: near misses whose figure is another thing's (a crop or spice 词林 files beside the asked one) or a
neighbouring county's of another suffix (区 for 县, 市 for 县)."""
from __future__ import annotations

from conftest import ask, paragraph_maker, refused_until_switched_off
from rag.answer.near_miss.modifier import other_modifier, other_things
from rag.answer.question import analyze_question

farm = paragraph_maker(title="青禾县秋冬种进展顺利", source="971_test.txt")
WHEAT = "今冬明春，全县小麦播种面积达到86.4万亩，比上年增加2.1万亩。"
VEGETABLES = "据县农业农村局介绍，去年全县蔬菜种植面积36.8万亩，蔬菜总产量112.6万吨，增长4.1%。"
HERBS = "去年，全县中药材产量达到9.4万吨，种植综合产值15.2亿元。"


def test_things_of_one_small_class_are_two_things():
    assert other_things("玉米", "小麦")  # two grains (词林 Bh05A, two synonym groups)
    assert other_things("大蒜", "蔬菜")  # a vegetable and the kind
    assert not other_things("小麦", "小麦")
    assert not other_things("老百姓", "群众")  # people of one small class: one group in other words
    assert not other_things("企业", "公司")
    assert not other_things("房子", "住房")  # buildings: one thing in other words


def test_another_crop_of_its_class_refused(monkeypatch):
    # 玉米 and 小麦 stand in one 词林 small class: said "in other words" for the check until this reading
    refused_until_switched_off("modifier_things", "青禾县玉米播种面积是多少万亩？", "青禾县小麦播种面积是多少万亩？",
                               "86.4万亩", farm(WHEAT), says="小麦", monkeypatch=monkeypatch)


def test_a_kind_of_people_in_other_words_still_answers():
    # the small class of people still says the asked one: no sibling measure
    assert other_modifier("全县群众满意度达到96.2%", analyze_question("青禾县老百姓满意度是多少？")) is None


def test_the_kinds_total_for_one_member(monkeypatch):
    question = analyze_question("青禾县去年大蒜产量有多少吨？")
    clause = "蔬菜总产量112.6万吨"
    assert other_modifier(clause, question) == ("大蒜", "蔬菜")
    answer = ask("青禾县去年大蒜产量有多少吨？", farm(VEGETABLES))
    assert answer.refused and "蔬菜" in answer.answer, answer.answer
    own = ask("青禾县去年蔬菜产量有多少吨？", farm(VEGETABLES))
    assert not own.refused and own.short == "112.6万吨", own.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "modifier_clause_total")
    assert other_modifier(clause, question) is None


def test_a_thing_jieba_reads_as_a_number(monkeypatch):
    # jieba tags 八角 a number (eight jiao); 词林 files it only as a spice and a plant
    spice = paragraph_maker(title="青禾县肉桂八角香飘海外", source="973_test.txt")
    refused_until_switched_off("modifier_things", "青禾县去年八角产量有多少吨？", "青禾县去年中药材产量有多少吨？",
                               "9.4万吨", spice(HERBS), says="中药材", monkeypatch=monkeypatch)


tour = paragraph_maker(title="青川州五一假期接待游客突破千万人次", source="972_test.txt")
# jieba cuts 蒙自市 into 蒙自 (a person's name) and 市: only the level's suffix tells it a county-level city
COUNTIES = ("从各县市情况看，蒙自市接待游客238.62万人次，实现旅游花费31.05亿元，两项指标均居全州首位；"
            "石门县接待游客41.27万人次，实现旅游花费3.86亿元；柏溪县接待游客30.2万人次；溪口县接待游客33.15万人次。")


def test_a_county_level_city_is_a_neighbour_of_the_county_asked(monkeypatch):
    refused_until_switched_off("county_level", "五一假期柏溪县的旅游花费是多少？", "五一假期蒙自市的旅游花费是多少？",
                               "31.05亿元", tour(COUNTIES), says="31.05亿元", monkeypatch=monkeypatch)

