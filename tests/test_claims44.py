"""Issue 10, helper "claims44": a claim giving the item it names the value of the item beside it (``sibling_item``,
rag.check.sibling_item).

"1—11月临汾外贸进口额为124.3亿元" (fresh36 dev), where the article says "其中，出口124.3亿元，同比增长13.8%；进口62.4亿元，…",
was 未找到: the claim's value is another item's, and nothing read the item the claim names. That item is given its own figure
in the same sentence, so the claim is 不一致 with it (on 名称: 进口 is no place). The page here is invented."""
from conftest import contradicted, page_assistant_over, verdicts_and_found

page_assistant = page_assistant_over("claims44")


def test_the_sibling_items_value_is_contradicted_by_the_named_items(page_assistant):
    report = page_assistant.check("2025年青山市外贸进口额为61.7亿元。")
    assert contradicted(report) == [("35.1亿元", "名称")]


def test_switched_off_it_is_not_found(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "sibling_item")
    assert verdicts_and_found(page_assistant, "2025年青山市外贸进口额为61.7亿元。") == [("not_found", None)]


def test_neighbours_still_behave(page_assistant):
    # the items' own figures are 一致, a whole's figure is not read as an item's
    assert verdicts_and_found(page_assistant, "青山市职工基本医疗保险参保人数达到31.2万人。") == [("supported", "31.2万人")]
    assert verdicts_and_found(page_assistant, "春节假期松岭县接待游客9.7万人次。") == [("supported", "9.7万人次")]
    assert verdicts_and_found(page_assistant, "2025年青山市外贸进出口总额达到96.8亿元。") == [("supported", "96.8亿元")]
    # the named item's own value is never told otherwise by its sibling (the checker leaves "进口额" for "进口" 未找到)
    assert verdicts_and_found(page_assistant, "2025年青山市外贸进口额为35.1亿元。") == [("not_found", None)]
    # an item told by a place is told on 地点, as before
    assert contradicted(page_assistant.check("春节假期松岭县接待游客18.4万人次。")) == [("9.7万人次", "地点")]
    # a part after 其中 is no sibling of its whole: the exhibition's figure is not told otherwise by the museum's
    assert "contradicted" not in [v for v, _ in verdicts_and_found(page_assistant, "青山市博物馆的书画展今年吸引观众7.5万人次。")]
    # a claim naming neither item says nothing the list can tell it by
    assert "contradicted" not in [v for v, _ in verdicts_and_found(page_assistant, "青山市医保基金支出56.3万人。")]
