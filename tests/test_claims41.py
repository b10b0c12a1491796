"""Issue 10, helper "claims41": a measure said with or without 总 before its noun is the same measure (``total_qualifier``,
rag.check.total_qualifier).

"粮食产量接近287万吨" where the article says "粮食总产量达到286.9万吨" (fresh4 dev yg036) was 未找到: jieba keeps "粮食产量" as one
word, no part of "粮食总产量", so the article figure went unread. With 总 read, the claim is 一致, another value 不一致 with the
article's value found, and a part's qualifier (玉米 for 粮食) is still a word to say."""
from conftest import page_assistant_over, verdicts_and_found
from rag.check.total_qualifier import said_with_total, share_said, total_restated

page_assistant = page_assistant_over("claims41")


def test_a_word_said_with_or_without_total():
    assert said_with_total("粮食产量", "今年全县粮食总产量达到96.8万吨")
    assert said_with_total("园区面积", "园区总面积达到46万平方米")
    assert not said_with_total("总产量", "今年粮食产量96.8万吨")  # the article's 总 dropped: only for the head noun
    assert total_restated("总产量", "今年粮食产量96.8万吨")
    assert not said_with_total("玉米产量", "粮食总产量达到96.8万吨")  # the part's own word is unsaid
    assert not said_with_total("总产", "今年产量")  # no noun of two characters after 总
    assert share_said(("粮食产量", "全县"), "全县粮食总产量达到96.8万吨") == 1.0


def test_a_measure_without_total_is_told_by_the_total(page_assistant, monkeypatch):
    text = "临山县今年粮食产量接近97万吨，比上年增长3.7%。"
    assert [v for v, _ in verdicts_and_found(page_assistant, text)] == ["supported", "supported"]
    assert verdicts_and_found(page_assistant, "柏溪湖文旅园区面积为46万平方米。") == [("supported", "46万平方米")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "total_qualifier")
    assert [v for v, _ in verdicts_and_found(page_assistant, text)] == ["not_found", "not_found"]


def test_another_value_of_the_total_is_contradicted_and_a_part_is_not_the_total(page_assistant):
    assert verdicts_and_found(page_assistant, "临山县今年粮食产量为90.8万吨。") == [("contradicted", "96.8万吨")]
    assert verdicts_and_found(page_assistant, "柏溪湖文旅园区面积为64万平方米。") == [("contradicted", "46万平方米")]
    assert verdicts_and_found(page_assistant, "临山县今年玉米产量96.8万吨。")[0][0] != "supported"
