"""Fact checking, helper "claimgate9": the learned check of each figure verdict (rag/check/gate.py, trained by
eval/train_claim_gate.py), with the real encoder and indexes.

A 未找到 the gate turns to 不一致 with the article's figure: one TRAINED dev row (seeds n069, "本次联赛共有48支球队参赛"
→ 42支), kept as the move's example; it can flip with a retrain. The tests that cannot pass by fit (helper "fixgate9"):
decide() on hand-made probabilities, a stable tie order, a coarse date never a rival for a day, a bad gate.json.

A wrong 一致 turned to 未找到: leave-one-set-out chose no threshold for that move (the wrong 一致 of the dev rows and
mutants, 4 + 4 of 2,039, have P(supported) ≥ 0.9 like the right ones), so the shipped model never drops a 一致; the move
is tested with its threshold raised, on a real claim.
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from conftest import assistant_over, claim_verdicts

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fresh4_assistant(tmp_path_factory):
    return assistant_over(ROOT / "eval" / "fresh4", tmp_path_factory, "gate9-fresh4")


@pytest.fixture(scope="module")
def fresh6_assistant(tmp_path_factory):
    return assistant_over(ROOT / "eval" / "fresh6", tmp_path_factory, "gate9-fresh6")


def test_feature_vector_has_every_feature_and_is_finite(seed_assistant, monkeypatch):
    from rag.check import gate

    seen = []
    monkeypatch.setattr(gate, "RECORDER", lambda claim, vec, *rest: seen.append(vec))
    for text in ("城中区一季度城镇新增就业2470人", "城中区二季度新增就业3000人", "本次联赛共有48支球队参赛。"):
        seed_assistant.check(text)
    assert len(seen) == 3
    for vec in seen:
        assert len(vec) == len(gate.FEATURE_NAMES)
        assert all(isinstance(v, float) and math.isfinite(v) for v in vec)


def test_model_file_loads_with_its_thresholds():
    from rag.check import gate

    model = gate.load_model()
    assert model is not None
    assert sorted(model["classes"]) == ["contradicted", "not_found", "supported"]
    assert model["_coef"].shape == (3, len(gate.FEATURE_NAMES))
    assert model["features"] == list(gate.FEATURE_NAMES)
    assert {"drop_supported", "promote_contradicted", "demote_contradicted"} <= set(model["thresholds"])
    p = gate.probabilities([0.0] * len(gate.FEATURE_NAMES), model)
    assert abs(sum(p.values()) - 1) < 1e-9


def _promoted(assistant, claim: str, found: str, monkeypatch, differs: str = "数值"):
    report = assistant.check(claim)
    assert report.verdict == "contradicted", claim_verdicts(report)
    checked = next(c for c in report.claims if c.verdict == "contradicted")
    assert found in checked.found, claim_verdicts(report)
    assert checked.differs == differs
    assert checked.citations and checked.citations[0].text_answer_start is not None  # the span is highlighted
    said = checked.citations[0].text[checked.citations[0].text_answer_start:checked.citations[0].text_answer_end]
    assert found.lstrip("增长下降") in said and "资料写的是" in checked.reason
    monkeypatch.setenv("RAG_CHECK_ABLATE", "gate")
    assert assistant.check(claim).verdict == "not_found"


def test_not_found_to_contradicted_on_seeds_dev(seed_assistant, monkeypatch):
    # a TRAINED row (seeds dev n069): the one example of this move kept; a retrain may flip it, the tests below cannot
    _promoted(seed_assistant, "本次联赛共有48支球队参赛。", "42支", monkeypatch)


def test_drop_move_turns_a_supported_to_not_found_when_its_threshold_asks(seed_assistant, monkeypatch):
    from rag.check import gate

    claim = "城中区一季度城镇新增就业两千零四十七人"
    assert seed_assistant.check(claim).verdict == "supported"
    model = dict(gate.load_model())
    model["thresholds"] = {**model["thresholds"], "drop_supported": 1.01}
    monkeypatch.setattr(gate, "load_model", lambda: model)
    [checked] = seed_assistant.check(claim).claims
    assert checked.verdict == "not_found" and checked.found is None
    assert "没有找到" in checked.reason and checked.citations
    monkeypatch.setenv("RAG_CHECK_ABLATE", "gate")
    assert seed_assistant.check(claim).verdict == "supported"


def test_done_when_cli_claims_of_issue_10_keep_their_verdicts(seed_index_dir, seeds_dir, capsys):
    import json

    from rag.cli import main

    def cli(text: str) -> dict:
        assert main(["check", text, "--json", "--index", str(seed_index_dir), "--corpus", str(seeds_dir)]) == 0
        return json.loads(capsys.readouterr().out)

    wrong = cli("城中区一季度城镇新增就业2470人")
    [claim] = wrong["claims"]
    assert (wrong["verdict"], claim["found"], claim["differs"]) == ("contradicted", "2047人", "数值")
    cited = claim["citations"][0]
    assert cited["source"].startswith("002") and cited["paragraph"] == 15
    assert cited["answer_start"] is not None and cited["answer_end"] > cited["answer_start"]
    assert cli("城中区一季度城镇新增就业两千零四十七人")["verdict"] == "supported"
    assert cli("城中区二季度新增就业3000人")["verdict"] == "not_found"


# --- tests that cannot pass by fit (helper "fixgate9") ---

def test_decide_on_hand_made_probabilities():
    from rag.check.gate import decide

    t = {"drop_supported": 0.3, "promote_contradicted": 0.7, "demote_contradicted": 0.2}
    p = lambda s, c: {"supported": s, "contradicted": c, "not_found": 1 - s - c}
    assert decide("supported", p(0.2, 0.5), True, t) == "not_found"
    assert decide("supported", p(0.4, 0.5), True, t) == "supported"
    assert decide("contradicted", p(0.5, 0.1), True, t) == "not_found"
    assert decide("contradicted", p(0.5, 0.3), True, t) == "contradicted"
    assert decide("not_found", p(0.1, 0.8), True, t) == "contradicted"
    assert decide("not_found", p(0.1, 0.8), False, t) == "not_found"  # no rival fit to report: never 不一致
    assert decide("not_found", p(0.1, 0.6), True, t) == "not_found"
    off = {"drop_supported": 0.0, "promote_contradicted": 1.01, "demote_contradicted": 0.0}
    for rule in ("supported", "contradicted", "not_found"):
        assert decide(rule, p(0.0, 1.0), True, off) == rule


TIED = "6月1日举行的是“春暖行动暨就业援助季”省级专场招聘会。"  # two dates of one sentence say the same words: a tie


def test_tied_rivals_give_the_same_found_every_time(seed_assistant):
    seen = set()
    for _ in range(6):
        report = seed_assistant.check(TIED)
        seen.add(tuple((c.verdict, c.found) for c in report.claims))
    assert len(seen) == 1, seen
    [claims] = seen
    assert all(found != "2026年" for _, found in claims)  # a bare year is no rival for a day


def test_a_coarse_date_is_never_a_rival_for_a_day(seed_assistant, monkeypatch):
    from rag.check import gate
    from rag.check.figures import find_figures

    [day] = find_figures("6月1日")
    [year] = find_figures("2026年")
    [other_day] = find_figures("3月1日")
    [month] = find_figures("3月")
    [dated] = find_figures("2025年6月1日")
    assert not gate.date_contradicts(day, year) and not gate.date_contradicts(year, day)
    assert gate.date_contradicts(day, other_day) and gate.date_contradicts(day, month)
    assert gate.date_contradicts(dated, year)  # the year both state differs
    assert not gate.date_contradicts(dated, find_figures("2025年")[0])
    rivals = []
    real_loose = gate.loose_rival
    monkeypatch.setattr(gate, "loose_rival", lambda *a: rivals.append(real_loose(*a)) or rivals[-1])
    seed_assistant.check(TIED)
    assert rivals and all(r is None or r.candidate.figure.value[1] is not None for r in rivals)


def _write(tmp_path, name, model):
    import json

    path = tmp_path / name
    path.write_text(model if isinstance(model, str) else json.dumps(model), encoding="utf-8")
    return str(path)


def test_a_bad_gate_file_turns_the_gate_off_with_one_warning(tmp_path, caplog):
    import json

    from rag.check import gate

    good = json.loads(gate.MODEL_PATH.read_text(encoding="utf-8"))
    short = dict(good, coef=[row[:-1] for row in good["coef"]])
    renamed = dict(good, features=good["features"][:-1] + ["something_else"])
    no_thresholds = {k: v for k, v in good.items() if k != "thresholds"}
    partial = dict(good, thresholds={"drop_supported": 0.0})
    cases = {"missing": str(tmp_path / "none.json"), "corrupt": _write(tmp_path, "corrupt.json", "{\"coef\": [1, "),
             "short": _write(tmp_path, "short.json", short), "renamed": _write(tmp_path, "renamed.json", renamed),
             "no_thresholds": _write(tmp_path, "nt.json", no_thresholds), "partial": _write(tmp_path, "partial.json", partial)}
    for name, path in cases.items():
        caplog.clear()
        with caplog.at_level("WARNING", logger="rag.check.gate"):
            assert gate.load_model(path) is None, name
            assert gate.load_model(path) is None, name  # read once: one warning
        assert len(caplog.records) == 1 and "claim gate off" in caplog.records[0].getMessage(), name
        if name != "missing":
            with pytest.raises(gate.BadModel):
                gate.read_model(path)
    assert gate.load_model(_write(tmp_path, "good.json", good)) is not None


def test_without_a_model_the_rules_verdict_stands(seed_assistant, monkeypatch):
    from rag.check import gate

    monkeypatch.setenv("RAG_CHECK_ABLATE", "gate")
    rules = [(c.verdict, c.found) for c in seed_assistant.check("本次联赛共有48支球队参赛。").claims]
    monkeypatch.delenv("RAG_CHECK_ABLATE")
    monkeypatch.setattr(gate, "load_model", lambda *a: None)
    monkeypatch.setattr(gate, "features", lambda *a, **k: pytest.fail("features computed with no model"))
    assert [(c.verdict, c.found) for c in seed_assistant.check("本次联赛共有48支球队参赛。").claims] == rules
