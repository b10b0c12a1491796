"""near28: near misses answered with a sibling measure the modifier reading could not see (a modifier glossed in
brackets or written in letters, a count head after the modified noun, a kind jieba misreads as a scope pronoun) and
with another kind of money than the one the question names after its wh-word."""
from __future__ import annotations

from conftest import ask, paragraph_maker, refused_until_switched_off
from rag.answer.near_miss.modifier import other_modifier
from rag.answer.question import analyze_question

air = paragraph_maker(title="青禾市空气质量持续改善", source="981_test.txt")
AIR = "今年以来，全市推进细颗粒物和二氧化氮协同治理。今年1至9月，全市细颗粒物（PM2.5）平均浓度为29微克/立方米，同比下降4.1%。"
AIR_BOTH = AIR + "可吸入颗粒物（PM10）平均浓度为51微克/立方米，同比下降2.6%。"


def test_a_modifier_glossed_in_brackets(monkeypatch):
    # the word before the bracket (细颗粒物) is the clause's modifier: another pollutant than the one asked
    refused_until_switched_off("modifier_gloss", "青禾市1至9月二氧化氮平均浓度是多少？", "青禾市1至9月细颗粒物平均浓度是多少？",
                               "29微克", air(AIR), says="细颗粒物", monkeypatch=monkeypatch)


def test_a_code_in_letters_names_the_kind(monkeypatch):
    question = analyze_question("青禾市1至9月PM10平均浓度是多少？")
    assert other_modifier("全市细颗粒物（PM2.5）平均浓度为29微克/立方米", question) == ("PM10", "颗粒物")
    # the gloss says the asked code: the figure is the asked pollutant's
    assert other_modifier("可吸入颗粒物（PM10）平均浓度为51微克/立方米", question) is None
    answer = ask("青禾市1至9月PM10平均浓度是多少？", air(AIR_BOTH))
    assert not answer.refused and answer.short == "51微克", answer.answer
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "modifier_letters")
    assert other_modifier("全市细颗粒物（PM2.5）平均浓度为29微克/立方米", question) is None


school = paragraph_maker(title="青禾市高考成绩稳中有升", source="982_test.txt")
EXAM = "今年高考本科、专科批次录取工作平稳有序。今年高考，全市本科上线人数达到1.86万人，比去年增加960人。"


def test_a_count_head_after_the_modified_noun(monkeypatch):
    # 上线 is the head 本科 and 专科 qualify; 人数 only counts it. jieba tags 本科 a pronoun (本 of 本市)
    refused_until_switched_off("modifier_count_head", "青禾市今年高考专科上线人数是多少？", "青禾市今年高考本科上线人数是多少？",
                               "1.86万人", school(EXAM), says="本科", monkeypatch=monkeypatch)


def test_a_kind_misread_as_a_scope_word(monkeypatch):
    question = analyze_question("青禾市今年高考专科上线人数是多少？")
    assert other_modifier("全市本科上线人数达到1.86万人", question) == ("专科", "本科")
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "modifier_scope_misread")
    assert other_modifier("全市本科上线人数达到1.86万人", question) is None


def test_a_scope_word_still_names_no_kind():
    # 全市 against 本市: both scopes, no sibling measure
    question = analyze_question("青禾市本市上线人数是多少？")
    assert other_modifier("全市上线人数达到1.86万人", question) is None


industry = paragraph_maker(title="青禾市新材料产业加快壮大", source="983_test.txt")
OUTPUT = "2025年，全市新材料产业实现规上工业产值326.5亿元，增长12.8%。"
PROFIT = "2025年，全市新材料产业实现利润总额21.4亿元，增长6.2%。"


# the asked money named in the passages without a figure (else nothing answers for want of the word)
MARGINS = "园区企业盈利能力持续增强，利润空间进一步打开。"


def test_another_kind_of_money(monkeypatch):
    refused_until_switched_off("nm:money_kind", "青禾市新材料产业去年赚了多少利润？", "青禾市新材料产业去年产值多少？",
                               "326.5亿元", industry(OUTPUT), industry(MARGINS, number=2), says="产值",
                               monkeypatch=monkeypatch)


def test_the_asked_kind_of_money_still_answers():
    answer = ask("青禾市新材料产业去年赚了多少利润？", industry(OUTPUT), industry(PROFIT, number=2))
    assert not answer.refused and answer.short == "21.4亿元", answer.answer
    # a word of the asked money said otherwise (税款 / 税收) is no other kind
    tax = industry("2025年，全市新材料产业缴纳税收9.6亿元，增长3.1%。")
    answer = ask("青禾市新材料产业去年交了多少税款？", tax)
    assert not answer.refused and answer.short == "9.6亿元", answer.answer


tourism = paragraph_maker(title="青禾市文旅市场持续升温", source="984_test.txt")
COUNTIES = ("从县市区看，前三季度青山县接待游客826.4万人次，实现旅游综合收入68.3亿元；溪口县接待游客612.5万人次，"
            "实现旅游综合收入49.6亿元；石门县接待游客712.8万人次，实现旅游综合收入61.2亿元。")


def test_a_list_clause_is_of_the_period_opening_its_sentence(monkeypatch):
    # 溪口县's clause names no period: the list's opening (前三季度) dates it, and it is no holiday's figure
    refused_until_switched_off("period_of_list", "国庆假期溪口县实现旅游综合收入多少？", "溪口县实现旅游综合收入多少？",
                               "49.6亿元", tourism(COUNTIES), monkeypatch=monkeypatch)


WINTER = "入冬以来，白云湖景区接待游客32.6万人次，增长41.2%。"
WINTER_HOLIDAY = "元旦假期，全市接待游客126.5万人次，同比增长21.3%。"


def test_a_span_since_a_start_is_no_holiday(monkeypatch):
    refused_until_switched_off("holiday_span", "元旦假期白云湖景区接待了多少游客？", "入冬以来白云湖景区接待了多少游客？",
                               "32.6万人次", tourism(WINTER), tourism(WINTER_HOLIDAY, number=2), monkeypatch=monkeypatch)


def test_the_holiday_said_in_the_span_sentence_still_answers():
    said = tourism("入冬以来客流持续走高，元旦假期白云湖景区接待游客8.6万人次。")
    answer = ask("元旦假期白云湖景区接待了多少游客？", said)
    assert not answer.refused and answer.short == "8.6万人次", answer.answer
