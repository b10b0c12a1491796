"""Session 37, helper claims37: a reading that turns a wrong 一致 into 不一致 (dev halves): a stock counted at the end of
another month (``as_of``)."""
from conftest import page_assistant_over, verdicts_and_found
from rag.check.as_of import as_of_months, as_of_words, other_as_of


# --- as_of -----------------------------------------------------------------------------------------------------------
def test_the_month_a_stock_is_counted_at():
    assert as_of_months("截至3月底，全市享受") == {3}
    assert as_of_months("截至9月末，宜宾动力电池产业贷款余额为") == {9}
    assert as_of_months("到今年6月底，全市") == {6} and as_of_months("截至2025年十月底") == {10}
    assert as_of_months("截至2月19日，全市") == set()  # a day: a reporter's date, not read here
    assert as_of_months("1至9月，全市") == set() and as_of_months("9月份，全市") == set()
    assert as_of_words("记者获悉，截至6月底，全市享受") == "截至6月底"


def test_another_month_end_is_another_count(monkeypatch):
    assert other_as_of("截至3月底，全市享受长期护理保险待遇的失能人员达到", "截至6月底，全市享受长期护理保险待遇的失能人员达到")
    assert not other_as_of("截至6月底，全市", "截至6月底，全市")
    assert not other_as_of("全市享受长期护理保险待遇的失能人员达到", "截至6月底，全市")  # the claim says no month
    assert not other_as_of("截至3月底，全市", "1至6月，全市")  # the article counts no stock at a month's end
    monkeypatch.setenv("RAG_CHECK_ABLATE", "as_of")
    assert not other_as_of("截至3月底，全市", "截至6月底，全市")


# --- on a page written for these tests, with the real encoder and index ---------------------------------------------
page_assistant = page_assistant_over("claims37")


def test_a_stock_of_another_month_end_is_contradicted_on_time(page_assistant, monkeypatch):
    assert verdicts_and_found(page_assistant, "截至3月底，全市享受长期护理保险待遇的失能人员达到2.47万人。") == [("contradicted", "截至6月底")]
    assert verdicts_and_found(page_assistant, "截至6月底，全市享受长期护理保险待遇的失能人员达到2.47万人。") == [("supported", "2.47万人")]
    assert verdicts_and_found(page_assistant, "截至6月末，全市光伏产业贷款余额为312.6亿元。") == [("contradicted", "截至9月末")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "as_of")
    assert verdicts_and_found(page_assistant, "截至6月末，全市光伏产业贷款余额为312.6亿元。")[0][0] != "contradicted"
