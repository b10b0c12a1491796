"""Issue 10, helper "claims42": 比比 of "占比比上年提高" is the end of 占比 and the comparative 比 opening a comparison, no name (``name_across_comparison``, rag.check.comparison_cut).

"省外游客占比比去年同期高出3.1个百分点" (fresh4 dev yg003; fresh6 ym005, fresh12 yqa039 alike) was 未找到: jieba cuts
占 | 比比 | 去年同期 and tags 比比 as a name, which no article says, so no sentence could confirm the claim. Read as the
comparative, the claim is 一致; another value is still 不一致 with the article's value found, and a person's name is still
a name."""
from conftest import page_assistant_over, verdicts_and_found
from rag.check.comparison_cut import cut_at_comparison
from rag.check.subject import names_in

page_assistant = page_assistant_over("claims42")


def test_the_comparative_glued_to_a_noun_is_no_name(monkeypatch):
    assert cut_at_comparison("过夜游客占比比上年提高了4.2个百分点", 5, "比比")
    assert not cut_at_comparison("千兆宽带用户数比去年底增长21.6%", 6, "数比")  # only 占比's 比 (other nouns: no dev row moved)
    assert not cut_at_comparison("记者李比说，游客多了", 2, "李比")  # no direction in its clause: a name stays a name
    assert not cut_at_comparison("游客占比比上年提高", 2, "占比比")  # only a word of two characters
    assert "比比" not in names_in("过夜游客占比比上年提高了4.2个百分点")
    monkeypatch.setenv("RAG_CHECK_ABLATE", "name_across_comparison")
    assert not cut_at_comparison("过夜游客占比比上年提高了4.2个百分点", 5, "比比")


def test_a_share_compared_with_last_year_is_confirmed(page_assistant):
    assert verdicts_and_found(page_assistant, "清水县过夜游客占比比上年提高了4.2个百分点。") == [("supported", "4.2个百分点")]


def test_switched_off_the_share_is_not_found(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_CHECK_ABLATE", "name_across_comparison")
    assert verdicts_and_found(page_assistant, "清水县乡村旅游过夜游客占比比上年提高了4.2个百分点。") == [("not_found", None)]


def test_another_value_is_still_contradicted(page_assistant):
    assert verdicts_and_found(page_assistant, "清水县过夜游客占比比上年提高了2.4个百分点。") == [("contradicted", "4.2个百分点")]
    assert verdicts_and_found(page_assistant, "截至11月底，清水县千兆宽带用户数比去年底增长26.1%。")[0] == ("contradicted", "21.6%")
