"""Session 38 (helper "retr38"): `rag eval` ranks a question as the answer stage retrieves it (real encoder, real index).

The answer stage retrieves the question with a few statistics' everyday words in the articles' terms
(rag.answer.everyday_terms.in_article_terms: 经济总量 → 地区生产总值, 看病不出县 → 县域内就诊率), but `rag eval` ranked the
question as asked, so hit@k and the cause "retrieval_miss" described passages the answer was never read from (22 of
last session's 187 dev top-five misses). The measure now ranks the rewrite; the answer stage is unchanged. The page in
tests/data/retr38/ is written for this test: its lead says 经济总量 three times and states no figure, the next paragraph
states the 地区生产总值."""
from __future__ import annotations

from conftest import page_assistant_over

from rag.answer.everyday_terms import in_article_terms
from rag.evaluate import EvalQuestion, evaluate_question, first_relevant_rank

page_assistant = page_assistant_over("retr38")

QUESTION = "前三季度澜州市经济总量是多少？"
GDP = EvalQuestion("r38a", QUESTION, ("2386.7亿元",), "paraphrase", "地区生产总值2386.7亿元")


def _rank(assistant, query: str) -> int | None:
    return first_relevant_rank([GDP.is_relevant(hit) for hit in assistant.search(query, k=10).hits])


def test_the_answer_stage_reads_the_rewrite_the_raw_question_ranks_second(page_assistant):
    assert in_article_terms(QUESTION) == "前三季度澜州市地区生产总值是多少？"
    assert _rank(page_assistant, QUESTION) == 2  # the lead, saying 经济总量 three times, comes first
    assert _rank(page_assistant, in_article_terms(QUESTION)) == 1
    assert "2386.7亿元" in page_assistant.ask(QUESTION).answer


def test_eval_ranks_what_the_answer_was_read_from(page_assistant):
    result = evaluate_question(page_assistant, GDP, "hybrid", 5)
    assert result.correct and result.rank == 1 and result.cause is None


def test_with_the_rewrite_off_eval_ranks_the_question_as_asked(page_assistant, monkeypatch):
    monkeypatch.setenv("RAG_ANSWER_ABLATE", "everyday_terms")
    assert evaluate_question(page_assistant, GDP, "hybrid", 5).rank == 2
