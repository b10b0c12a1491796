"""Fact-check mode: claim finding, value comparison, verdicts with what differs, the CLI and the eval.

Verdict tests run the real index of the seeds (built once per session) through ``Assistant.check``.
The claims here are written for these tests from the seed articles, not taken from eval/claims.jsonl.
"""
from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

from rag.check import MAX_DRAFT_CHARS
from rag.check.claims import find_claims, periods_in
from rag.check.compare import units_match, value_satisfies
from rag.check.evaluate import ClaimFileError, GoldClaim, ClaimResult, found_holds, load_gold, summarise_claims
from rag.check.figures import find_figures
from rag.cli import main


def figure(text: str):
    (found,) = find_figures(text)
    return found


# --------------------------------------------------------------------------- finding claims


def test_one_sentence_with_two_figures_is_two_claims_and_filler_is_unchecked():
    text = "今年以来，城中区城镇新增就业2047人，农村劳动力转移就业3263人次。这一成绩来之不易。"
    claims, unchecked = find_claims(text)
    assert [c.stated for c in claims] == ["2047人", "3263人次"]
    assert [text[c.start:c.end] for c in claims] == [c.text for c in claims]
    assert claims[1].text == "农村劳动力转移就业3263人次"
    assert claims[1].places == ("城中区",)  # inherited from earlier in the sentence
    assert [u.text for u in unchecked] == ["这一成绩来之不易。"]


def test_names_and_dates_without_a_number_are_claims():
    claims, _ = find_claims("3月20日，城北区校园足球联赛在博雅小学开幕。中共大同铁路工人支部成立于1925年8月。")
    by_kind = {(c.kind, c.stated) for c in claims}
    assert ("place", "博雅小学") in by_kind
    assert ("date", "1925年8月") in by_kind
    assert ("date", "3月20日") in by_kind


def test_a_date_that_only_says_when_is_an_anchor_not_a_claim():
    claims, _ = find_claims("截至2月19日，城中区零工驿站已注册企业176家。")
    assert [c.stated for c in claims] == ["176家"]
    assert claims[0].periods == ("M2D19",)


def test_periods_are_read_alike_in_draft_and_article():
    assert periods_in("城中区一季度") == periods_in("首季度") == ("Q1",)
    assert periods_in("与2024年相比增加") == ()  # a comparison base is not the period
    assert periods_in("2025年新注册") == ("2025",)


@pytest.mark.parametrize("written, value, unit, qualifier", [
    ("两千零四十七人", Decimal(2047), "人", "exact"),
    ("超2.46万单", Decimal(24600), "单", "lower"),
    ("3792.64万元", Decimal("37926400"), "元", "exact"),
    ("300家以上", Decimal(300), "家", "lower"),
    ("近6000人", Decimal(6000), "人", "near"),
    ("六点八公里", Decimal("6.8"), "公里", "exact"),
    ("八成以上", Decimal(80), "%", "lower"),
    ("4300余人次", Decimal(4300), "人次", "lower"),
])
def test_figures_are_read_by_value_with_unit_and_qualifier(written, value, unit, qualifier):
    found = figure(written)
    assert (found.value, found.unit, found.qualifier) == (value, unit, qualifier)


def test_ordinals_and_single_numerals_are_not_figures():
    assert find_figures("第三届会员代表大会") == []
    assert find_figures("一人一策，五个认同") == []


# --------------------------------------------------------------------------- comparing values


@pytest.mark.parametrize("stated, found, holds", [
    ("超过300家", "300家以上", True),
    ("约300家", "300家以上", True),
    ("500家", "300家以上", False),
    ("超过500家", "300家以上", False),
    ("超过200家", "300家以上", False),  # two bounds: the threshold itself is misquoted
    ("24600单", "2.46万单", True),
    ("两千零四十七人", "2047人", True),
    ("2470人", "2047人", False),
    ("超过6000人", "近6000人", False),
    ("约2000人", "2047人", True),
    ("不低于一倍", "不低于100%", True),
])
def test_values_compare_by_value_with_qualifiers(stated, found, holds):
    assert value_satisfies(figure(stated), figure(found)) is holds


def test_units_count_the_same_thing_or_not():
    assert units_match(figure("342名"), figure("342人"))
    assert not units_match(figure("6211人"), figure("6211人次"))
    assert not units_match(figure("295美元"), figure("295元"))


# --------------------------------------------------------------------------- verdicts


def only_claim(report):
    assert len(report.claims) == 1, [c.claim.text for c in report.claims]
    return report.claims[0]


def test_the_issue_examples(seed_assistant):
    wrong = only_claim(seed_assistant.check("城中区一季度城镇新增就业2470人"))
    assert (wrong.verdict, wrong.found, wrong.differs) == ("contradicted", "2047人", "数值")
    cited = wrong.citations[0]
    assert (cited.source.startswith("002"), cited.paragraph) == (True, 15)
    assert cited.text[cited.text_answer_start:cited.text_answer_end].endswith("2047人")
    assert cited.answer_start is not None and cited.answer_end > cited.answer_start
    assert only_claim(seed_assistant.check("城中区一季度城镇新增就业两千零四十七人")).verdict == "supported"
    assert only_claim(seed_assistant.check("城中区二季度新增就业3000人")).verdict == "not_found"


@pytest.mark.parametrize("claim, verdict", [
    ("全省已有超过300家用人单位确定进场招聘", "supported"),
    ("约300家用人单位确定进场招聘", "supported"),
    ("已有超过500家用人单位确定进场招聘", "contradicted"),
    ("“零工驿站”成功匹配零工订单24600单", "supported"),
    ("城中区发放补贴等共计3792.64万元", "supported"),
    ("湟源县抽调361名干部深入乡镇", "contradicted"),
    ("湟源县抽调316名干部深入乡镇", "supported"),
    ("大通县累计吸纳就业人员473人", "contradicted"),
    ("城中区一季度新增就业岗位2047个", "not_found"),  # the right number on a measure the article does not report
    ("祁连县一季度新增就业2047人", "not_found"),  # right figure, wrong place: the article gives no Q1 figure for 祁连县
    ("海东市一季度城镇新增就业900人", "not_found"),  # a place the articles never give this figure for
])
def test_verdicts(seed_assistant, claim, verdict):
    assert seed_assistant.check(claim).verdict == verdict


@pytest.mark.parametrize("claim, differs, found", [
    ("城北区共有国家级校园足球特色学校12所", "数值", "10所"),
    ("城中区零工平台日均工资295美元", "单位", "295元"),
    ("祁连县城镇新增就业2047人", "地点", "568人"),  # the right figure of another place, where 祁连县's own is given
    ("城北区“石榴籽杯”校园足球联赛于3月21日开幕", "时间", "3月20日"),
    ("全省社会工作专业人才较去年减少37%", "方向", "增长37%"),
    ("中国气象局局长王明表示，将全面开展农业气候资源普查和区划", "名称", "陈振林"),
])
def test_each_kind_of_difference(seed_assistant, claim, differs, found):
    report = seed_assistant.check(claim)
    assert report.verdict == "contradicted"
    wrong = [c for c in report.claims if c.verdict == "contradicted"]
    assert (wrong[0].differs, wrong[0].found) == (differs, found)
    assert wrong[0].citations and wrong[0].citations[0].text_answer_start is not None


def test_a_text_without_claims_has_no_verdict(seed_assistant):
    report = seed_assistant.check("节后收心归位，既是纪律要求，也是职责所在。")
    assert report.verdict is None and report.claims == ()
    assert len(report.unchecked) == 1


# --------------------------------------------------------------------------- command line


CLAIM_KEYS = {"n", "text", "start", "end", "verdict", "stated", "found", "differs", "reason", "citations"}


def test_check_json_has_the_stable_keys(seed_index_dir, seeds_dir, capsys):
    text = "今年以来，城中区城镇新增就业2470人，农村劳动力转移就业3263人次。这一成绩来之不易。"
    code = main(["check", text, "--json", "--index", str(seed_index_dir), "--corpus", str(seeds_dir)])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert {"text", "verdict", "claims", "timings_ms"} <= set(out)
    assert out["verdict"] == "contradicted"
    assert [c["verdict"] for c in out["claims"]] == ["contradicted", "supported"]
    for claim in out["claims"]:
        assert set(claim) == CLAIM_KEYS
        assert text[claim["start"]:claim["end"]] == claim["text"]
    citation = out["claims"][0]["citations"][0]
    original = (seeds_dir / citation["source"]).read_text(encoding="utf-8")
    assert "".join(original[citation["answer_start"]:citation["answer_end"]].split()).endswith("2047人")


def test_check_reads_a_file_and_stdin_and_marks_claims(seed_index_dir, seeds_dir, capsys, tmp_path, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text("城中区二季度新增就业3000人。", encoding="utf-8")
    assert main(["check", "--file", str(draft), "--index", str(seed_index_dir), "--corpus", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "〔1？〕" in out and "未找到" in out
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("城中区一季度城镇新增就业2470人".encode())))
    assert main(["check", "-", "--index", str(seed_index_dir), "--corpus", str(seeds_dir)]) == 0
    out = capsys.readouterr().out
    assert "〔1✗〕" in out and "【" in out and "2047人】" in out


@pytest.mark.parametrize("make_argv, message", [
    (lambda tmp: ["check", ""], "是空的"),
    (lambda tmp: ["check", "  \n "], "是空的"),
    (lambda tmp: ["check", "字" * (MAX_DRAFT_CHARS + 1)], "太长"),
    (lambda tmp: ["check"], "请给出要核实的文字"),
    (lambda tmp: ["check", "--file", str(tmp / "missing.txt")], "找不到文件"),
    (lambda tmp: ["check", "--file", str(tmp / "gbk.txt")], "不是 UTF-8"),
    (lambda tmp: ["check", "城中区新增就业2047人", "--since", "2026-13-01"], "不是有效日期"),
])
def test_bad_input_exits_2_with_a_chinese_message(make_argv, message, capsys, tmp_path):
    (tmp_path / "gbk.txt").write_bytes("城中区新增就业2047人".encode("gbk"))
    code = main([*make_argv(tmp_path), "--index", str(tmp_path / "never-built")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "never-built").exists()  # rejected before any work


# --------------------------------------------------------------------------- evaluation


def test_gold_files_are_checked_line_by_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"cid": "a", "claim": "x", "verdict": "maybe", "evidence": null, "correct": null}\n', encoding="utf-8")
    with pytest.raises(ClaimFileError, match="第 1 行.*verdict"):
        load_gold(bad)
    drafts = tmp_path / "drafts.jsonl"
    drafts.write_text(json.dumps({"did": "d", "draft": "甲乙", "claims": [{"text": "丙", "verdict": "supported"}]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ClaimFileError, match="不在 draft 原文里"):
        load_gold(drafts)


def test_found_is_compared_by_value():
    assert found_holds("2047人", "两千零四十七人")
    assert found_holds("增加7个城市", "7个")
    assert not found_holds("2470人", "2047人")
    assert not found_holds(None, "2047人")


def _result(gold: str, predicted: str, split: str = "dev") -> ClaimResult:
    return ClaimResult(GoldClaim("c", "x", gold, None, None, None, split), predicted, None, None, None, None, 1, 10.0)


def test_claim_metrics_count_wrong_supported_and_the_confusion_matrix():
    results = [_result("supported", "supported"), _result("contradicted", "supported"), _result("not_found", "not_found"),
               _result("contradicted", "contradicted"), _result("not_found", "contradicted")]
    summary = summarise_claims(results)
    assert summary["accuracy"] == 0.6
    assert summary["wrong_supported"] == {"count": 1, "rate": round(1 / 4, 4)}
    assert summary["confusion"]["contradicted"] == {"supported": 1, "contradicted": 1, "not_found": 0}
    assert summary["per_verdict"]["contradicted"]["recall"] == 0.5
    assert summary["per_verdict"]["supported"]["precision"] == 0.5


def test_eval_claims_command_reports_metrics_per_split(seed_index_dir, seeds_dir, tmp_path, capsys):
    rows = [
        {"cid": "t1", "claim": "城中区一季度城镇新增就业2470人", "verdict": "contradicted", "evidence": "城镇新增就业2047人", "correct": "2047人", "split": "dev"},
        {"cid": "t2", "claim": "城中区一季度城镇新增就业2047人", "verdict": "supported", "evidence": "城镇新增就业2047人", "correct": None, "split": "test"},
        {"cid": "t3", "claim": "城中区二季度新增就业3000人", "verdict": "not_found", "evidence": None, "correct": None, "split": "test"},
    ]
    gold = tmp_path / "claims.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code = main(["eval", "--claims", str(gold), "--corpus", str(seeds_dir), "--index", str(seed_index_dir), "--json", "--out", str(out_dir)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["accuracy"] == 1.0 and report["found_correct"] == 1.0 and report["evidence_hit@1"] == 1.0
    assert report["wrong_supported"]["count"] == 0
    assert set(report["by_split"]) == {"dev", "test"} and report["by_split"]["test"]["n"] == 2
    assert (out_dir / "confusion.png").stat().st_size > 1000
    assert len((out_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_check_tab_handler_answers_bad_input_in_chinese_and_escapes_text(seed_assistant):
    from ui.check_tab import CheckHandlers
    from ui.gate import AnswerGate

    handlers = CheckHandlers(seed_assistant, AnswerGate())
    assert "是空的" in handlers.check("   ")
    assert "太长" in handlers.check("字" * (MAX_DRAFT_CHARS + 1))
    html = handlers.check("<script>x</script>城中区一季度城镇新增就业2470人")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'class="ck-claim ck-contradicted"' in html and "资料：2047人" in html
