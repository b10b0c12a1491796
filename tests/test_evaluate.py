"""`rag eval`: the metric rules on hand-made rankings, and real runs through cli.main on the seeds and a tiny benchmark."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.cli import main
from rag.evaluate import EvalQuestion, QuestionResult, default_index_dir, failure_cause, load_questions, summarise, QuestionFileError
from rag.metrics import any_answer_in, contains_squashed, first_relevant_rank, hit_curve, percentile, rank_metrics, reciprocal_rank

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold.jsonl"
# Measured hit@5 on eval/gold.jsonl (see eval/README.md), minus a margin for
# harmless changes; a drop below these means retrieval got worse.
GOLD_HIT5_FLOOR = {"keyword": 0.95, "hybrid": 0.95}

REQUIRED_KEYS = {"n", "hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "answer_accuracy", "unanswerable_refused", "false_refusal", "latency_ms"}


# --------------------------------------------------------------------------- pure metrics


def test_rank_metrics_on_hand_made_rankings():
    # first relevant at rank 1, rank 3, rank 7 and never
    rankings = [[True, False], [False, False, True], [False] * 6 + [True], [False] * 10]
    ranks = [first_relevant_rank(r) for r in rankings]
    assert ranks == [1, 3, 7, None]
    metrics = rank_metrics(ranks)
    assert metrics["hit@1"] == 0.25
    assert metrics["hit@3"] == 0.5
    assert metrics["hit@5"] == 0.5
    assert metrics["hit@10"] == 0.75
    assert metrics["mrr@10"] == pytest.approx((1 + 1 / 3 + 1 / 7 + 0) / 4)
    assert hit_curve(ranks)[:3] == [0.25, 0.25, 0.5]


def test_mrr_ignores_ranks_beyond_10_and_no_questions_is_unknown():
    assert reciprocal_rank(11) == 0.0
    assert reciprocal_rank(2) == 0.5
    assert rank_metrics([])["hit@1"] is None  # nothing judged: unknown, not zero


def test_evidence_matching_ignores_whitespace_and_nothing_else():
    paragraph = "全年完成投资 3792.64\n万元，城镇新增就业 2047 人"
    assert contains_squashed(paragraph, "3792.64万元")
    assert contains_squashed(paragraph, "新增就业2047人")
    assert not contains_squashed(paragraph, "新增就业2048人")
    assert not contains_squashed(paragraph, "  ")  # an empty phrase matches nothing
    assert any_answer_in("答案是 2047 人。[1]", ["2047人", "两千"])
    assert not any_answer_in("答案是 2047 人。", [])


def test_percentile_interpolates_like_numpy():
    values = [10.0, 20.0, 30.0, 40.0]
    assert percentile(values, 50) == 25.0
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile([], 50) is None


def _result(question: EvalQuestion, rank, refused, correct) -> QuestionResult:
    cause = failure_cause(question, rank, 5, refused, correct, answer_in_passages=True)
    return QuestionResult(question, "hybrid", rank, refused, correct, correct, "", None, None, cause, (), {"end_to_end": 10.0})


def test_summary_counts_each_metric_over_its_own_questions():
    fact = EvalQuestion("a", "甲？", ("1",), "fact", evidence="甲乙丙")
    fact2 = EvalQuestion("b", "乙？", ("2",), "paraphrase", evidence="丁戊己")
    never = EvalQuestion("c", "丙？", (), "unanswerable")
    results = [_result(fact, 1, False, True), _result(fact2, None, True, False), _result(never, None, True, None)]
    summary = summarise(results)
    assert summary["n"] == 3 and summary["n_retrieval"] == 2
    assert summary["hit@1"] == 0.5  # the unanswerable question is not judged for retrieval
    assert summary["answer_accuracy"] == 0.5
    assert summary["false_refusal"] == 0.5
    assert summary["unanswerable_refused"] == 1.0
    assert summary["failure_causes"] == {"retrieval_miss": 1}
    assert summary["latency_ms"]["end_to_end"] == {"p50": 10.0, "p95": 10.0}


def test_failure_causes_name_the_first_stage_that_failed():
    q = EvalQuestion("a", "甲？", ("1",), "fact", evidence="甲乙丙")
    assert failure_cause(q, None, 5, False, False, True) == "retrieval_miss"
    assert failure_cause(q, 6, 5, True, False, True) == "retrieval_miss"  # relevant, but not among the 5 the answer saw
    assert failure_cause(q, 2, 5, True, False, True) == "refused_with_evidence"
    assert failure_cause(q, 2, 5, False, False, True) == "wrong_span"
    assert failure_cause(q, 2, 5, False, False, False) == "answer_not_in_passages"
    assert failure_cause(q, 9, 5, False, True, True) is None
    never = EvalQuestion("c", "丙？", (), "unanswerable")
    assert failure_cause(never, None, 5, False, None, False) == "answered_unanswerable"
    assert failure_cause(never, None, 5, True, None, False) is None


def test_other_corpora_get_their_own_index_under_the_cache(tmp_path, monkeypatch, seeds_dir):
    from rag.assistant import DEFAULT_INDEX

    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))
    assert default_index_dir(seeds_dir) == DEFAULT_INDEX
    bench = tmp_path / "my_bench"
    bench.mkdir()
    chosen = default_index_dir(bench)
    assert chosen.parent == tmp_path / "cache" / "indexes" and chosen.name.startswith("my_bench-")
    other = tmp_path / "elsewhere" / "my_bench"
    other.mkdir(parents=True)
    assert default_index_dir(other) != chosen  # same name, different folder: different index


# --------------------------------------------------------------------------- input checks


def _write_lines(path: Path, lines: list) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    return path


GOOD_LINE = {"qid": "q1", "question": "祁连县城镇新增就业多少人？", "answers": ["568人"], "evidence": "城镇新增就业568人", "kind": "fact"}


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ('{"qid": "q2", "question": "少了括号"', "第 3 行不是合法的 JSON"),
        ({"qid": "q2", "question": "甲？", "answers": ["1"], "evidence": "甲", "kind": "rumour"}, "第 3 行"),
        ({"qid": "q2", "question": "", "answers": ["1"], "evidence": "甲", "kind": "fact"}, "问题是空的"),
        ({"qid": "q2", "question": "甲？", "answers": "1", "evidence": "甲", "kind": "fact"}, "answers"),
        ({"qid": "q1", "question": "甲？", "answers": ["1"], "evidence": "甲", "kind": "fact"}, "重复"),
        (["not", "an", "object"], "第 3 行应该是一个 JSON 对象"),
    ],
)
def test_a_malformed_questions_file_exits_2_before_any_index_is_built(bad_line, message, tmp_path, capsys):
    questions = _write_lines(tmp_path / "q.jsonl", [GOOD_LINE, "", bad_line])  # a blank line 2 is allowed
    never = tmp_path / "never-built"
    code = main(["eval", "--questions", str(questions), "--index", str(never)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and "错误" in err
    assert "Traceback" not in err
    assert not never.exists()


def test_bad_options_and_missing_files_exit_2(tmp_path, capsys):
    questions = _write_lines(tmp_path / "q.jsonl", [GOOD_LINE])
    never = str(tmp_path / "never-built")
    assert main(["eval", "--questions", str(questions), "--modes", "keyword,fuzzy", "--index", never]) == 2
    assert "检索方式" in capsys.readouterr().err
    assert main(["eval", "--questions", str(tmp_path / "none.jsonl"), "--index", never]) == 2
    assert "找不到文件" in capsys.readouterr().err
    assert main(["eval", "--bench", str(tmp_path), "--index", never]) == 2
    assert "corpus.jsonl" in capsys.readouterr().err
    assert not Path(never).exists()


def test_the_seed_gold_file_loads():
    questions = load_questions(GOLD)
    assert len(questions) >= 100
    assert any(q.history for q in questions if q.kind == "followup")


def test_loader_rejects_an_unanswerable_question_with_answers(tmp_path):
    path = _write_lines(tmp_path / "q.jsonl", [{**GOOD_LINE, "kind": "unanswerable"}])
    with pytest.raises(QuestionFileError, match="第 1 行"):
        load_questions(path)


# --------------------------------------------------------------------------- real runs on the seeds


SMALL_SET = [
    {"qid": "f1", "question": "城中区一季度新增就业多少", "answers": ["2047人", "2047"], "evidence": "城镇新增就业2047人", "kind": "fact"},
    {"qid": "f2", "question": "祁连县城镇新增就业多少人？", "answers": ["568人", "568"], "evidence": "城镇新增就业568人", "kind": "fact"},
    {"qid": "u1", "question": "火星基地第一季度接待了多少名游客？", "answers": [], "evidence": None, "kind": "unanswerable"},
    {"qid": "p1", "question": "那祁连县呢？", "answers": ["568人", "568"], "evidence": "城镇新增就业568人", "kind": "followup", "history": ["城中区一季度新增就业多少"]},
]


@pytest.fixture()
def small_questions(tmp_path) -> Path:
    return _write_lines(tmp_path / "small.jsonl", SMALL_SET)


def test_eval_json_on_the_seeds(small_questions, seed_index_dir, seeds_dir, capsys):
    code = main(["eval", "--questions", str(small_questions), "--corpus", str(seeds_dir), "--index", str(seed_index_dir), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    report = json.loads(captured.out)
    assert REQUIRED_KEYS <= set(report)
    assert report["n"] == 4 and report["n_retrieval"] == 3 and report["n_unanswerable"] == 1
    assert report["mode"] == "hybrid" and list(report["modes"]) == ["hybrid"]
    assert report["hit@10"] == 1.0  # these facts are easy; a miss means retrieval broke
    assert report["hit@1"] <= report["hit@3"] <= report["hit@5"] <= report["hit@10"]
    assert 0 < report["mrr@10"] <= 1
    assert report["answer_accuracy"] >= 2 / 3
    assert set(report["by_kind"]) == {"fact", "followup", "unanswerable"}
    assert report["by_kind"]["fact"]["n"] == 2
    stages = report["latency_ms"]
    for stage in ("tokenize", "bm25", "encode", "faiss", "fusion", "lookup", "answer", "end_to_end"):
        assert stages[stage]["p50"] is not None and stages[stage]["p50"] <= stages[stage]["p95"]


def test_several_modes_side_by_side(small_questions, seed_index_dir, seeds_dir, capsys):
    code = main(["eval", "--questions", str(small_questions), "--corpus", str(seeds_dir), "--index", str(seed_index_dir), "--modes", "keyword,hybrid", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert list(report["modes"]) == ["keyword", "hybrid"]
    assert report["mode"] == "keyword" and report["hit@5"] == report["modes"]["keyword"]["hit@5"]
    for mode in ("keyword", "hybrid"):
        assert REQUIRED_KEYS <= set(report["modes"][mode])
    assert "encode" not in report["modes"]["keyword"]["latency_ms"]  # the keyword leg never encodes the question
    assert "encode" in report["modes"]["hybrid"]["latency_ms"]


def test_out_writes_metrics_table_questions_and_a_png(small_questions, seed_index_dir, seeds_dir, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["eval", "--questions", str(small_questions), "--corpus", str(seeds_dir), "--index", str(seed_index_dir), "--modes", "keyword,dense,hybrid", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "| keyword |" in captured.out and "| dense |" in captured.out  # the table goes to stdout without --json
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert list(metrics["modes"]) == ["keyword", "dense", "hybrid"]
    table = (out / "results.md").read_text(encoding="utf-8")
    assert "| hybrid |" in table and "hit@5" in table and "Worst" in table
    records = [json.loads(line) for line in (out / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["qid"] for r in records) == ["f1", "f2", "p1", "u1"]
    assert set(records[0]["modes"]) == {"keyword", "dense", "hybrid"}
    failed = [sum(m["cause"] is not None for m in r["modes"].values()) for r in records]
    assert failed == sorted(failed, reverse=True)  # worst first
    png = out / "hit_at_k.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(png) as image:
        image.verify()
        assert image.size[0] > 200 and image.size[1] > 150


# --------------------------------------------------------------------------- a tiny benchmark


TINY_DOCS = [
    {"doc_id": "d1", "title": "青海湖", "text": "青海湖是中国最大的内陆咸水湖，湖面海拔3196米，面积约4400平方公里。"},
    {"doc_id": "d2", "title": "茶卡盐湖", "text": "茶卡盐湖位于海西州乌兰县，以天空之镜闻名，2023年接待游客约320万人次。"},
    {"doc_id": "d3", "title": "塔尔寺", "text": "塔尔寺位于西宁市湟中区，始建于明洪武十年，是藏传佛教格鲁派六大寺院之一。"},
    {"doc_id": "d4", "title": "可可西里", "text": "可可西里国家级自然保护区于2017年列入世界自然遗产名录，是藏羚羊的重要栖息地。"},
]
TINY_QUESTIONS = [
    {"qid": "t1", "question": "茶卡盐湖2023年接待游客多少人次？", "answers": ["320万人次"], "doc_ids": ["d2"]},
    {"qid": "t2", "question": "塔尔寺始建于哪一年？", "answers": ["明洪武十年"], "doc_ids": ["d3"]},
    {"qid": "t3", "question": "青海湖湖面海拔多少米？", "answers": ["3196米"], "doc_ids": ["d1"]},
    {"qid": "t4", "question": "可可西里哪一年列入世界自然遗产？", "answers": ["2017年"], "doc_ids": ["d4"]},
]


@pytest.fixture(scope="module")
def tiny_bench(tmp_path_factory) -> Path:
    bench = tmp_path_factory.mktemp("tiny_bench")
    _write_lines(bench / "corpus.jsonl", TINY_DOCS)
    _write_lines(bench / "questions.jsonl", TINY_QUESTIONS)
    return bench


def test_bench_counts_a_hit_by_gold_doc_and_limit_takes_the_first_questions(tiny_bench, tmp_path, capsys):
    out = tmp_path / "out"
    index = tmp_path / "idx"
    code = main(["eval", "--bench", str(tiny_bench), "--index", str(index), "--limit", "3", "--modes", "keyword,dense", "--json", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    report = json.loads(captured.out)
    assert report["n"] == 3 and report["limit"] == 3
    for mode in ("keyword", "dense"):
        # four distinct topics: each question's own doc must come first
        assert report["modes"][mode]["hit@1"] == 1.0
        assert report["modes"][mode]["n_unanswerable"] == 0
    records = [json.loads(line) for line in (out / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["qid"] for r in records) == ["t1", "t2", "t3"]
    assert all(r["gold_docs"] and r["modes"]["keyword"]["rank"] == 1 for r in records)
    assert (index / "CURRENT").is_file()  # the bench got its own index where we asked


def test_bench_with_a_wrong_gold_doc_counts_a_miss(tiny_bench, tmp_path, capsys):
    bench = tmp_path / "wrong_gold"
    bench.mkdir()
    (bench / "corpus.jsonl").write_text((tiny_bench / "corpus.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    # the question is about d2 but names d1 as gold, so d1 cannot come first
    _write_lines(bench / "questions.jsonl", [{**TINY_QUESTIONS[0], "doc_ids": ["d1"]}, {"qid": "t9", "question": "珠峰有多高？", "answers": [], "doc_ids": []}])
    code = main(["eval", "--bench", str(bench), "--index", str(tmp_path / "idx"), "--modes", "keyword", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["hit@1"] == 0.0
    assert report["n_retrieval"] == 1 and report["n_unanswerable"] == 1  # empty answers: unanswerable


# --------------------------------------------------------------------------- regression on the seed gold set


@pytest.mark.parametrize("mode", ["keyword", "hybrid"])
def test_gold_set_hit_at_5_does_not_regress(mode, seed_index_dir, seeds_dir, capsys):
    code = main(["eval", "--questions", str(GOLD), "--corpus", str(seeds_dir), "--index", str(seed_index_dir), "--modes", mode, "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["hit@5"] >= GOLD_HIT5_FLOOR[mode], f"{mode} hit@5 {report['hit@5']} fell below {GOLD_HIT5_FLOOR[mode]}"


def test_every_mode_pays_for_its_own_question_encoding(seed_assistant) -> None:
    """The query-vector LRU must not make the second mode of one run look free."""
    from rag.evaluate import run_evaluation

    question = EvalQuestion("t", "祁连县城镇新增就业多少人？", ("568人",), "fact", evidence="城镇新增就业568人")
    results = run_evaluation(seed_assistant, [question], ["dense", "hybrid"], k=5, progress=False)
    encode_ms = {mode: results[mode][0].timings_ms["encode"] for mode in ("dense", "hybrid")}
    assert min(encode_ms.values()) > 1.0, encode_ms  # one e5 query costs ~10 ms or more; a cache hit ~0.01 ms
