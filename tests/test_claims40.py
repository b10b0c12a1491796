"""Session 40, helper claims40: a rate per one period is not a rate per another (``agree_rate``, rag.check.rate_period).

"每人每月6120元" where the article's own clause says "每人每年6120元" is the same number told per another period: 不一致 on
单位, found the article's "每人每年6120元" (fresh32 dev yub060, fresh28 dev yqa060 "每人每年860元" / "每人每月860元": both were wrong
一致). A figure told per the claim's own period is 一致 as before, another value 不一致 as before, and the end of a change told
from a rate ("由每生每天5元提高到6元") is not read as a rate of its own."""
from conftest import page_assistant_over, verdicts_and_found
from rag.check.rate_period import other_rate, rate_period

page_assistant = page_assistant_over("claims40")


def test_the_period_a_rate_is_told_per():
    assert rate_period("重度残疾人护理补贴标准提高到每人每年") == ("年", len("重度残疾人护理补贴标准提高到"))
    assert rate_period("生活补助标准为每生每天") == ("天", len("生活补助标准为"))
    assert rate_period("困难残疾人生活补贴标准提高到") is None  # no rate
    assert rate_period("由每生每天5元提高到") is None  # another figure between: the 每 is the start's
    assert other_rate("补贴标准提高到每人每月", "护理补贴标准提高到每人每年") == (len("补贴标准提高到"), len("护理补贴标准提高到"))
    assert other_rate("补贴标准提高到每人每日", "补贴标准为每人每天") is None  # 每日 is 每天


def test_a_rate_per_another_period_is_contradicted(page_assistant, monkeypatch):
    text = "安康重度残疾人护理补贴标准提高到每人每月1320元。"
    assert verdicts_and_found(page_assistant, text) == [("contradicted", "每人每年1320元")]
    assert verdicts_and_found(page_assistant, "安康困难残疾人生活补贴标准提高到每人每年95元。") == [("contradicted", "每人每月95元")]
    monkeypatch.setenv("RAG_CHECK_ABLATE", "agree_rate")
    assert verdicts_and_found(page_assistant, text) == [("supported", "1320元")]


def test_a_rate_per_its_own_period_is_read_as_before(page_assistant):
    assert verdicts_and_found(page_assistant, "安康重度残疾人护理补贴标准提高到每人每年1320元。")[0][0] == "supported"
    assert verdicts_and_found(page_assistant, "安康困难残疾人生活补贴标准提高到每人每月95元。")[0][0] == "supported"
    assert verdicts_and_found(page_assistant, "安康困难残疾人生活补贴标准提高到每人每月105元。") == [("contradicted", "95元")]
    assert verdicts_and_found(page_assistant, "安康农村学生营养改善计划膳食补助提高到每生每天6元。")[0][0] == "supported"
