"""The answer stage's ingredients from issue 11, each with the real encoder and index:
sentence vectors stored with a build, semantic acceptance of paraphrases, near-miss
refusals, article context shown, comparisons, and `rag eval`'s new kinds."""
from __future__ import annotations

import json

import numpy as np
import pytest

from rag.answer import extract_answer
from rag.answer.comparison import DIFFERENCE, WHICH, parse_comparison
from rag.answer.settings import AnswerSettings
from rag.evaluate import QuestionFileError, failure_cause, load_questions
from rag.sentence_vectors import SENTENCES_FILE, SentenceVectors, paragraph_sentences, write_sentence_vectors
from rag.vector_cache import text_key

from conftest import ranked
from test_extract import CHENGZHONG_GROUPS, CHENGZHONG_LEAD


@pytest.fixture(scope="module")
def seed_build(seed_assistant):
    return seed_assistant.index.directory


def test_a_build_stores_one_vector_per_paragraph_sentence(seed_assistant, seed_build):
    with np.load(seed_build / SENTENCES_FILE) as data:
        keys = {row.tobytes() for row in data["keys"]}
        assert data["vectors"].shape == (len(data["keys"]), seed_assistant.encoder.dim)
    paragraph = seed_assistant.index.table.paragraph("002_edbf45a9668c438f.txt", 15)
    sentences = paragraph_sentences(paragraph.text)
    assert sentences and all(text_key(s) in keys for s in sentences)


def test_sentence_vectors_missing_from_a_build_are_encoded_on_demand(seed_assistant, tmp_path):
    """An index built before sentence vectors existed still gets them (through the vector cache)."""
    stored = SentenceVectors(seed_assistant.index.directory, seed_assistant.encoder)
    lazy = SentenceVectors(tmp_path, seed_assistant.encoder)  # no sentences.npz here
    sentence = "截至目前，城镇新增就业2047人，农村劳动力转移就业、就业困难人员就业等各项任务均超额完成一季度目标，实现首季“开门红”。"
    query = seed_assistant.encoder.encode_queries(["城中区新增就业多少"])[0]
    assert lazy.similarities(query, [sentence]) == pytest.approx(stored.similarities(query, [sentence]), abs=2e-3)
    assert lazy.lazily_encoded == 1 and stored.lazily_encoded == 0


def test_sentence_keys_ending_in_a_nul_byte_survive_a_derived_build(seed_assistant, tmp_path):
    """A sha256 key may end in 0x00; it must come back whole when a later build carries it over."""
    sentence = next(s for i in range(5000) if text_key(s := f"第{i}号测试句子，用于检验键值。")[-1] == 0)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    write_sentence_vectors(first, None, [sentence], seed_assistant.encoder)
    assert write_sentence_vectors(second, first, ["另一段新的文字，在派生的版本里加入。"], seed_assistant.encoder) == 2
    loaded = SentenceVectors(second, seed_assistant.encoder)
    loaded.vectors([sentence])
    assert loaded.lazily_encoded == 0


def _similarity(assistant, question):
    vectors = SentenceVectors(assistant.index.directory, assistant.encoder)
    query = assistant.encoder.encode_queries([question])[0]
    return lambda sentences: vectors.similarities(query, sentences)


def test_a_paraphrase_is_accepted_by_meaning_not_by_retrieval_rank(seed_assistant):
    """"读完大学的年轻人" is "高校毕业生" in the text: the words fail, the sentence vectors accept.
    Without them the same passages give a refusal, so the acceptance is the semantic check's."""
    question = "城中区让多少位读完大学的年轻人享受了“1131”服务？"
    hits = ranked(CHENGZHONG_GROUPS, CHENGZHONG_LEAD)
    assert extract_answer(question, hits).refused
    answer = extract_answer(question, hits, _similarity(seed_assistant, question))
    assert not answer.refused, answer.answer
    assert answer.short == "1471人"


def test_a_figure_of_another_kind_is_refused_saying_what_the_article_gives(seed_assistant):
    """Asked how many registered, the sentence gives how many found work (and 注册 stands at another figure)."""
    question = "城中区的零工驿站小程序注册的零工有多少人？"  # written for this test; the article gives 注册企业, not 零工
    answer = seed_assistant.ask(question)
    assert answer.refused, answer.answer
    assert "文中只有" in answer.answer and answer.citations[0].text_answer_start is not None
    given = answer.citations[0]
    assert "人次" in given.text[given.text_answer_start:given.text_answer_end]
    # the ingredient off, the neighbouring figure is given as the answer
    hits = seed_assistant.search(question).hits
    off = extract_answer(question, list(hits), _similarity(seed_assistant, question), AnswerSettings(near_miss=False))
    assert not off.refused


def test_a_province_named_only_by_its_articles_context_is_shown(seed_assistant):
    answer = seed_assistant.ask("青海省现在有多少个志愿服务组织？")
    assert answer.short == "5800个", answer.answer
    assert "语境" in answer.answer and "青海省" in answer.answer.split("语境")[1]
    hits = seed_assistant.search("青海省现在有多少个志愿服务组织？").hits
    assert extract_answer("青海省现在有多少个志愿服务组织？", list(hits), settings=AnswerSettings(context=False)).refused


@pytest.mark.parametrize(
    "question, sides, asks",
    [
        ("城中区和祁连县谁城镇新增就业多？", ("城中区城镇新增就业多少", "祁连县城镇新增就业多少"), WHICH),
        ("城中区线下招聘活动比线上网络招聘多来了多少家企业？", ("城中区线下招聘活动多少家企业", "城中区线上网络招聘多少家企业"), DIFFERENCE),
        ("2025年全国新拿驾照的人比2024年多了多少？", ("2025年全国新拿驾照的人多少人", "2024年全国新拿驾照的人多少人"), DIFFERENCE),
    ],
)
def test_a_comparison_is_read_as_one_question_per_side(question, sides, asks):
    comparison = parse_comparison(question)
    assert comparison is not None and comparison.side_questions == sides and comparison.asks == asks


@pytest.mark.parametrize("question", ["城中区一季度新增就业多少", "同比增长多少？", "2025年社工证考试报名人数比上一年涨了多少？", "存储比例不低于多少？"])
def test_no_comparison_where_none_is_asked(question):
    assert parse_comparison(question) is None


def test_a_comparison_names_the_winner_with_both_values_citing_both(seed_assistant):
    answer = seed_assistant.ask("城中区和祁连县谁城镇新增就业多？")
    assert not answer.refused and answer.short == "城中区（2047人）", answer.answer
    assert "2047人" in answer.answer and "568人" in answer.answer
    cited = {(c.source, c.paragraph) for c in answer.citations}
    assert len(cited) == 2 and all(c.text_answer_start is not None for c in answer.citations)
    difference = seed_assistant.ask("城中区的城镇新增就业比祁连县多多少人？")
    assert difference.short == "1479人", difference.answer


def test_a_comparison_with_one_side_missing_is_refused_naming_it(seed_assistant):
    answer = seed_assistant.ask("城中区和上海市谁城镇新增就业多？")
    assert answer.refused
    assert "上海市" in answer.answer and "城中区" not in answer.note


def test_eval_reads_comparison_and_context_kinds_with_evidence_all(tmp_path):
    path = tmp_path / "q.jsonl"
    rows = [
        {"qid": "c1", "question": "A和B哪个多？", "answers": ["A"], "evidence": "a", "evidence_all": ["a", "b"], "kind": "comparison", "split": "dev"},
        {"qid": "x1", "question": "青海省有多少？", "answers": ["1"], "evidence": "c", "kind": "context", "split": "test"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    comparison, context = load_questions(path)
    assert comparison.evidence_all == ("a", "b") and comparison.split == "dev" and context.kind == "context"
    # a comparison with one side not among the passages failed at retrieval
    assert failure_cause(comparison, 1, 5, True, False, False, all_evidence_in_k=False) == "retrieval_miss"
    assert failure_cause(comparison, 1, 5, True, False, False, all_evidence_in_k=True) == "refused_with_evidence"
    path.write_text(json.dumps({**rows[0], "split": "train"}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(QuestionFileError, match="split"):
        load_questions(path)


def test_everyday_synonyms_come_from_cilin():
    from rag.answer.synonyms import said_in, synonyms

    assert "星期" in synonyms("礼拜") and "邮政编码" in synonyms("邮编")
    assert all(len(s) >= 2 for s in synonyms("礼拜"))  # never a one-character "周"
    assert said_in("邮编", "邮政编码037000") and not said_in("邮编", "电话号码")


def test_a_question_in_everyday_words_finds_the_articles_word(seed_assistant):
    answer = seed_assistant.ask("全省最大的那场春季招聘会是礼拜几？")
    assert not answer.refused and "星期日" in answer.answer, answer.answer
