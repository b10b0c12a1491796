"""Issue 10, helper "claims43": the same number in another currency is the unit misquoted (``currency_slip``, rag.check.currency_slip).

"驰远感知2024年研发投入2.6亿美元" (fresh6 dev yn030) was 未找到 where the article says "公司2024年研发投入2.6亿元" after naming the
company in a sentence before: 美元 and 元 were no units of one quantity, so the same number in the other was no unit slip, and
its words fell short of the bar a contradiction needs otherwise. Read as money in another currency, the claim is 不一致 on 单位
with the article's figure found; the right figure is still 一致, another number still 不一致 on its value, and a length in
another unit still a unit slip."""
from conftest import contradicted, page_assistant_over, verdicts_and_found
from rag.check.currency_slip import other_currency

page_assistant = page_assistant_over("claims43")


def test_two_currencies_are_one_quantity(monkeypatch):
    assert other_currency("美元", "元") and other_currency("元", "欧元")
    assert not other_currency("元", "元")
    assert not other_currency("元", "吨")  # money and a weight are no one quantity
    monkeypatch.setenv("RAG_CHECK_ABLATE", "currency_slip")
    assert not other_currency("美元", "元")


def test_the_number_in_another_currency_is_contradicted_on_its_unit(page_assistant):
    report = page_assistant.check("澜川精密2025年研发投入1.8亿美元。")
    assert [(c.verdict, c.found) for c in report.claims] == [("contradicted", "1.8亿元")]
    assert contradicted(report) == [("1.8亿元", "单位")]


def test_switched_off_it_is_not_found(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "currency_slip")
    assert verdicts_and_found(page_assistant, "澜川精密2025年研发投入1.8亿美元。") == [("not_found", None)]


def test_neighbours_still_behave(page_assistant):
    assert verdicts_and_found(page_assistant, "澜川精密2025年研发投入1.8亿元。") == [("supported", "1.8亿元")]
    assert verdicts_and_found(page_assistant, "澜川精密2025年研发投入2.8亿元。")[0][0] == "contradicted"
    assert ("supported", "42.6亿美元") in verdicts_and_found(page_assistant, "2025年全市外贸出口总额达到42.6亿美元。")
    assert ("contradicted", "42.6亿美元") in verdicts_and_found(page_assistant, "2025年全市外贸出口总额达到42.6亿元。")
