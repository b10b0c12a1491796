"""near26: readings of near misses whose figure measures a part or another measure than the one asked."""
from __future__ import annotations

from conftest import ask, paragraph_maker, refused_until_switched_off
from rag.answer.near_miss.parts import _part_unasked
from rag.answer.question import analyze_question

paragraph = paragraph_maker(title="青禾县汽车零部件产业上半年产值增长", source="995_test.txt")
PARTS = ("上半年，青禾县汽车零部件产业发展势头良好。其中，电驱动零部件实现产值21.3亿元，同比增长36.4%，"
         "占全县汽车零部件产业产值的比重提高到25.9%。")


def test_part_after_comma_read_as_part():
    sentence = "其中，电驱动零部件实现产值21.3亿元"
    at = sentence.index("21.3")
    assert _part_unasked(sentence, at, analyze_question("青禾县汽车零部件产业上半年产值是多少？"))
    assert not _part_unasked(sentence, at, analyze_question("青禾县电驱动零部件上半年产值是多少？"))


def test_whole_asked_refused_part_answered(monkeypatch):
    refused_until_switched_off("part_comma", "青禾县汽车零部件产业上半年产值是多少？", "青禾县电驱动零部件上半年实现产值多少？",
                               "21.3亿元", paragraph(PARTS), monkeypatch=monkeypatch)


TEA = "去年，青禾县茶叶出口额同比增长21.8%，全县茶园面积达到12.5万亩。"


def test_value_for_volume_refused(monkeypatch):
    refused_until_switched_off("nm:volume_value", "青禾县去年茶叶出口量同比增长了多少？", "青禾县去年茶叶出口额同比增长了多少？",
                               "21.8%", paragraph(TEA), says="出口额", monkeypatch=monkeypatch)


CROPS = "今年，全县蔬菜播种面积达到104.2万亩，比上年增加1.6万亩。"


def test_modifier_jieba_tags_a_name(monkeypatch):
    farm = paragraph_maker(title="青禾县冬播进展顺利", source="996_test.txt")
    # jieba tags 玉米 a person's name (near27's modifier_things reads it a thing too, 词林 filing it among plants)
    refused_until_switched_off("modifier_misread_name,modifier_things", "青禾县玉米播种面积是多少万亩？", "青禾县蔬菜播种面积是多少万亩？",
                               "104.2万亩", farm(CROPS), says="蔬菜", monkeypatch=monkeypatch)
    # a person the question names is no modifier of a kind
    from rag.answer.near_miss.modifier import other_modifier
    monkeypatch.delenv("RAG_ANSWER_ABLATE")
    assert other_modifier("李明工作室产值2.1亿元", analyze_question("张伟工作室产值是多少？")) is None


INDUSTRY = "去年，青禾县农产品加工业产值达到100.6亿元，同比增长8.2%。"
PLAN = "青禾县提出，今年要推动规模以上工业总产值稳步提升。"


def test_a_kind_of_the_asked_whole_is_refused(monkeypatch):
    question = "青禾县去年规模以上工业总产值是多少亿元？"
    town = paragraph_maker(title="青禾县农产品加工业提质增效", source="997_test.txt")
    answer = ask(question, town(INDUSTRY), town(PLAN, number=2))
    assert answer.refused, answer.answer
    assert "加工业" in answer.answer, answer.answer
    own = ask("青禾县去年农产品加工业产值是多少亿元？", town(INDUSTRY))
    assert not own.refused and own.short == "100.6亿元", own.answer
    from rag.answer.near_miss.modifier import other_modifier
    clause = "青禾县农产品加工业产值达到100.6亿元"
    assert other_modifier(clause, analyze_question(question)) == ("工业", "加工业")
    for switch in ("modifier_subtype", "modifier_total_head"):
        monkeypatch.setenv("RAG_ANSWER_ABLATE", switch)
        assert other_modifier(clause, analyze_question(question)) is None, switch


def test_a_distinguishing_word_before_a_glued_verb(monkeypatch):
    from rag.answer.near_miss.modifier import other_modifier
    question = analyze_question("青禾海关AEO一般认证企业有多少家？")
    clause = "截至去年底，青禾海关AEO高级认证企业达到96家"
    assert other_modifier(clause, question) == ("一般", "高级")
    assert other_modifier("截至去年底，青禾海关AEO一般认证企业达到96家", question) is None
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "modifier_kind_verb")
    assert other_modifier(clause, question) is None


def test_comma_part_of_another_measure_is_no_part():
    # "。其中，批准逮捕犯罪嫌疑人216人，提起公诉712人": items of their own measure, not a part of what the question measures
    sentence = "其中，批准逮捕犯罪嫌疑人216人"
    assert not _part_unasked(sentence, sentence.index("216"), analyze_question("青禾县检察院去年批捕了多少人？"))
