"""Question analysis: what is asked (type), about what (entities, period, measured thing)."""
from __future__ import annotations

from decimal import Decimal

import pytest

from rag.answer.question import (
    DATE,
    NAME,
    ORG,
    PERSON,
    PLACE,
    QUANTITY,
    SENTENCE,
    analyze_question,
    coverage,
    entity_in,
    entity_variants,
    time_in,
)


@pytest.mark.parametrize(
    "question, kind",
    [
        ("城中区一季度新增就业多少", QUANTITY),
        ("湟源县抽调了几名干部", QUANTITY),
        ("祁连县将多大比例的财政资金投向民生领域", QUANTITY),
        ("哈拉直沟水利管护所所长是谁", PERSON),
        ("哈拉直沟乡乡长叫什么名字", PERSON),
        ("省级专场招聘会在哪里举行", PLACE),
        ("38名劳动者入职了哪家企业", ORG),
        ("陈振林在哪个会议上讲话", ORG),  # "在哪个会议" asks for a meeting, not a place
        ("山东港口烟台港开通了哪个国家的航线", PLACE),
        ("项目什么时候开工建设", DATE),
        ("中共大同铁路工人支部哪年成立", DATE),
        ("设立日期是哪天", DATE),
        ("湟源县的下乡活动叫什么", NAME),
        ("陈振林是谁", SENTENCE),  # who a named person is: a sentence, not another name
        ("城中区如何推动就业工作", SENTENCE),
    ],
)
def test_question_kind(question, kind):
    assert analyze_question(question).kind == kind


def test_entity_time_and_measured_thing():
    analysis = analyze_question("城中区一季度新增就业多少")
    assert analysis.entities == ("城中区",)
    assert analysis.time_terms == ("一季度",)
    assert analysis.measure == ("新增就业",)
    assert analysis.focus == ("新增就业",)
    assert analysis.topic == "城中区一季度新增就业"


def test_years_and_quarters_are_hard_time_qualifiers_relative_words_are_soft():
    analysis = analyze_question("2024年上海二季度新增就业多少人")
    assert analysis.time_terms == ("2024年", "二季度")
    assert analysis.entities == ("上海",)
    assert analysis.unit == "人"
    soft = analyze_question("今年以来城中区新增就业多少")
    assert soft.time_terms == ()
    assert soft.soft_time_terms == ("今年以来",)


@pytest.mark.parametrize(
    "question, unit",
    [
        ("湟源县抽调多少名干部下乡", "名"),
        ("新干渠长多少公里", "公里"),
        ("保障人口占常住人口的比例是多少", "%"),
        ("发放创业担保贷款多少钱", "元"),
        ("城中区一季度新增就业多少", None),
    ],
)
def test_unit_asked_for(question, unit):
    assert analyze_question(question).unit == unit


def test_adjacent_place_pieces_merge_into_one_entity():
    analysis = analyze_question("互助县哈拉直沟乡渠道维修改造项目什么时候开工")
    assert analysis.entities == ("互助县哈拉直沟乡",)
    assert "开工" in "".join(analysis.measure)


def test_generic_places_and_mis_tagged_words_are_not_entities():
    # jieba tags 城市 ns and 许可证 nr; neither names anything specific
    assert analyze_question("全国有多少个城市的汽车保有量超过百万辆").entities == ()
    assert analyze_question("取得施工许可证之日起多少个工作日内开立账户").entities == ()
    assert analyze_question("湟源县干部深入了多少个行政村").entities == ("湟源县",)
    # a word jieba does not know and merely guesses to be a place names nothing
    assert analyze_question("去年全国新拿驾照的有多少人").entities == ()


def test_person_question_keeps_the_role_out_of_the_measured_thing():
    analysis = analyze_question("哈拉直沟水利管护所所长是谁")
    assert analysis.role == "所长"
    assert "所长" not in "".join(analysis.measure)


def test_counted_noun_and_head_noun():
    analysis = analyze_question("祁连县医共体总院有多少张床位")
    assert analysis.type_noun == "床位"
    assert "床位" in analysis.nouns  # a counted thing the text never names cannot be counted
    assert "经费" in analyze_question("全省理论宣讲工作的经费是多少").nouns


def test_entity_variants_reach_the_specific_component():
    assert "城中区" in entity_variants("西宁市城中区")
    assert "祁连县" in entity_variants("海北藏族自治州祁连县")
    assert "祁连" in entity_variants("祁连县")
    assert entity_in("西宁市城中区", "城中区人社局通过政企社多方联动")
    assert not entity_in("城西区", "西宁市城西新区西宁广场")
    # the text spells out the admin levels the question leaves out
    assert entity_in("成都锦江区", "在四川省成都市锦江区,四川国测检测技术有限公司")
    assert not entity_in("成都锦江区", "成都高新区中和街道")


def test_quarter_synonyms():
    assert time_in("一季度", "实现首季“开门红”")
    assert not time_in("二季度", "超额完成一季度目标")


def test_coverage_tolerates_reworded_measures():
    assert coverage(["农村劳动力转移就业"], "农牧区劳动力转移就业6211人次") == pytest.approx(6 / 8)
    assert coverage([], "anything") == 1.0
    assert coverage(["失业率"], "就业率达92%") == pytest.approx(0.5)


@pytest.mark.parametrize("question", ["", "   ", "？？", "abc", "多少"])
def test_odd_input_does_not_raise(question):
    analysis = analyze_question(question)
    assert analysis.kind in (QUANTITY, SENTENCE)


def test_type_noun_skips_the_classifier():
    assert analyze_question("城北区校园足球联赛最后是哪支球队夺冠？").type_noun == "球队"
    assert analyze_question("湟源县哪个镇让村里能给电动车充上电？").type_noun == "镇"


def test_kind_words_are_not_entities():
    analysis = analyze_question("2025年哪个地级市被新增为试点单位？")
    assert "地级市" not in analysis.entities


def test_which_person_stays_a_person_question():
    assert analyze_question("哪位老农回忆过春旱时麦苗发黄只能干等？").kind == "person"


def test_figures_the_question_names_by_value():
    assert analyze_question("汽车保有量超过1000万辆的城市有几个").figures == (("1000万", Decimal(10**7)),)
    assert analyze_question("烟台港国际航线增至一百五十余条了吗").figures == (("一百五十", Decimal(150)),)
    # everyday numerals and dates are no figures
    assert analyze_question("驿站一天接待多少人次").figures == ()
    assert analyze_question("2025年3月1日招聘会提供多少个岗位").figures == ()


def test_a_number_inside_a_code_is_no_date():
    analysis = analyze_question("谁遗失了华阳日月城19-2-2102号房的维修基金收据")
    assert analysis.time_terms == ()
    assert "2102" in [written for written, _ in analysis.figures]


def test_a_baseline_year_is_no_time_qualifier():
    analysis = analyze_question("2025年新注册登记新能源汽车与2024年相比增加了多少")
    assert analysis.time_terms == ("2025年",)
    assert analysis.asks_change


@pytest.mark.parametrize(
    "question, change",
    [
        ("城中区一季度城镇新增就业同比增长了多少", True),
        ("全国汽车保有量的增幅是多少", True),
        ("城中区一季度城镇新增就业多少", False),
        ("新增了多少个岗位", False),
    ],
)
def test_a_change_asked(question, change):
    assert analyze_question(question).asks_change is change


def test_the_tagger_reuses_jiebas_stock_word_tags_and_tags_as_jieba_does():
    import jieba.posseg

    from rag.places import pos_cut, pos_tokenizer
    from rag.tokenize import new_jieba_tokenizer

    ours = pos_tokenizer()
    assert ours.word_tag_tab == jieba.posseg.dt.word_tag_tab
    assert ours.word_tag_tab is not jieba.posseg.dt.word_tag_tab  # a copy: global user words do not leak in
    reference = jieba.posseg.POSTokenizer(new_jieba_tokenizer())  # reads dict.txt itself
    text = "互助县哈拉直沟乡渠道维修改造项目于2025年秋收后开工建设，新干渠长3.2公里。"
    assert list(pos_cut(text)) == [(p.word, p.flag) for p in reference.cut(text)]


def test_a_plural_in_men_is_the_noun_it_pluralises():
    # jieba cuts "小哥们" as 小/哥们: 哥们 ("buddies") is no thing the passages must talk about
    nouns = analyze_question("总书记见到快递小哥时，小哥们在哪个食堂歇脚？").nouns
    assert "小哥" in nouns and "哥们" not in nouns
    # without a noun it pluralises, the word stays what it says
    assert "哥们" in analyze_question("他的哥们在哪个单位工作？").nouns


@pytest.mark.parametrize(
    "term, text, found",
    [
        ("1月26日", "一月二十六日,山东港口烟台港正式开通塞内加尔航线。", True),  # a date in Chinese numerals
        ("一月二十六日", "1月26日起航", True),
        ("10月", "十月中旬", True),
        ("2日", "3月12日", False),  # not inside a longer numeral
        ("二月", "十二月", False),
        ("1月26日", "11月26日", False),
        ("3月1号", "3月1日", True),
    ],
)
def test_a_month_or_day_in_digits_or_chinese_numerals(term, text, found):
    assert time_in(term, text) is found
