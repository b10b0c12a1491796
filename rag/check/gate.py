"""A learned check of each figure verdict: the hand rules decide, a small model reads what they computed and may step back.

The rules (``verify``) read every candidate figure of the retrieved paragraphs against the claim (``scoring``: measure
words restated and said, place, period, co-figures, unit, value, direction, meaning, names left unsaid) and decide by a
cascade. The gate reads the same quantities as numbers, for the candidate the verdict rests on (the evidence one, else
the best scored) and for its best rival (the best scored candidate of the same kind whose value differs), with the
claim's own shape (places, periods, qualifiers, direction, other figures) and the verdict the rules gave, and gives
P(supported), P(contradicted), P(not_found) by a multinomial logistic model (``gate.json``, trained by
eval/train_claim_gate.py on the dev halves of every open set and on the mutation probe, thresholds chosen by
leave-one-set-out). Two moves only, both toward the safe side of a fact-checker's worst error:

- a 一致 with P(supported) below ``drop_supported`` becomes 未找到 (the closest paragraph cited);
- a 未找到 with P(contradicted) above ``promote_contradicted`` and a rival whose value differs, in the claim's direction
  and with its place and period holding, becomes 不一致 with that rival's figure as ``found`` (its span highlighted).

Everything else stands as the rules gave it. Only figure and date claims are read (names are told by their words).
``RAG_CHECK_ABLATE=gate`` switches it off. ``RECORDER`` (a callable, None in use) receives every claim's features
and both verdicts: the training script's hook.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .candidates import Scored
from .compare import units_match
from .measure import direction, direction_word
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

MODEL_PATH = Path(__file__).with_name("gate.json")
VERDICT_ORDER = (SUPPORTED, CONTRADICTED, NOT_FOUND)
_QUALIFIER = ("超过", "以上", "近", "约", "余", "不低于", "不少于", "逾", "多", "左右", "突破")

ROW_FEATURES = ("restated", "said", "said_in_sentence", "in_label", "place_ok", "period_ok", "co_ok", "unit_ok", "value_ok",
                "direction_ok", "semantic", "flipped", "slip", "lexical", "unsaid_names", "rank", "only_one")
FEATURE_NAMES = (
    ("kind_date", "rule_supported", "rule_contradicted", "rule_not_found", "whole_claim_moved", "rows_log", "value_ok_rows_log",
     "true_same_subject_rows", "claim_places", "claim_periods", "claim_co_figures", "claim_direction", "claim_qualifier",
     "claim_label_len", "has_chosen")
    + tuple(f"chosen_{name}" for name in ROW_FEATURES)
    + ("has_rival",) + tuple(f"rival_{name}" for name in ROW_FEATURES)
    + ("rival_minus_chosen_score", "rival_same_sentence"))

# (claim, features, rule verdict, gated verdict, rival found or None); set by eval/train_claim_gate.py only
RECORDER: Callable[[Claim, list[float], str, str, str | None], None] | None = None


def _row(row: Scored | None) -> list[float]:
    if row is None:
        return [0.0] * len(ROW_FEATURES)
    c = row.candidate
    only_one = not any(f.unit_class == c.figure.unit_class for f in c.sentence_figures)
    return [row.restated, row.said, row.said_in_sentence, row.in_label, float(row.place_ok), float(row.period_ok),
            float(row.co_ok), float(row.unit_ok), float(row.value_ok), float(row.direction_ok), float(row.semantic),
            float(row.flipped), float(row.slip), float(row.lexical), float(bool(row.unsaid_names)), 1.0 / (1.0 + c.hit_rank),
            float(only_one)]


def chosen_row(verdict, scored: Sequence[Scored]) -> Scored | None:
    """The candidate the verdict rests on: its evidence span's, else the best scored."""
    if verdict.evidence:
        paragraph, start, end = verdict.evidence[0]
        for row in scored:
            c = row.candidate
            if c.paragraph == paragraph and c.evidence_start == start and c.evidence_end == end:
                return row
        for row in scored:
            c = row.candidate
            if c.paragraph == paragraph and start <= c.figure.start < end + 1:
                return row
    return scored[0] if scored else None


def rival_row(claim: Claim, chosen: Scored | None, scored: Sequence[Scored]) -> Scored | None:
    """The best scored candidate, other than the chosen one, whose value does not make the claim true, in the claim's
    unit class, not a level for a change nor a change for a level."""
    stated = claim.figure
    claim_change = direction(claim.label) is not None
    for row in scored:
        if row is chosen or row.value_ok and row.unit_ok and row.direction_ok:
            continue
        if stated is not None and row.candidate.figure.unit_class != stated.unit_class:
            continue
        if (direction(row.candidate.label) is not None) != claim_change:
            continue
        return row
    return None


def features(claim: Claim, verdict, scored: Sequence[Scored], before_whole: str | None = None) -> list[float]:
    chosen = chosen_row(verdict, scored)
    rival = rival_row(claim, chosen, scored)
    label = claim.label or ""
    near = claim.text
    vec = [float(claim.kind == "date"), float(verdict.verdict == SUPPORTED), float(verdict.verdict == CONTRADICTED),
           float(verdict.verdict == NOT_FOUND), float(before_whole is not None and before_whole != verdict.verdict),
           math.log1p(len(scored)), math.log1p(sum(1 for r in scored if r.value_ok)),
           math.log1p(sum(1 for r in scored if r.true and r.same_subject)),
           min(len(claim.places), 3) / 3, min(len(claim.periods), 3) / 3, min(len(claim.co_figures), 3) / 3,
           float(direction(label) is not None), float(any(q in near for q in _QUALIFIER)), min(len(label), 30) / 30,
           float(chosen is not None)]
    vec += _row(chosen)
    vec += [float(rival is not None)] + _row(rival)
    vec += [(rival.score - chosen.score) if rival is not None and chosen is not None else 0.0,
            float(rival is not None and chosen is not None and rival.candidate.sentence == chosen.candidate.sentence)]
    return vec


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    p = Path(path)
    if not p.exists():
        return None
    model = json.loads(p.read_text(encoding="utf-8"))
    model["_coef"] = np.asarray(model["coef"], dtype=float)
    model["_intercept"] = np.asarray(model["intercept"], dtype=float)
    model["_mean"] = np.asarray(model["mean"], dtype=float)
    model["_scale"] = np.asarray(model["scale"], dtype=float)
    return model


def probabilities(vec: Sequence[float], model: dict) -> dict[str, float]:
    """P of each verdict (keys of VERDICT_ORDER) under the model."""
    x = (np.asarray(vec, dtype=float) - model["_mean"]) / model["_scale"]
    z = model["_coef"] @ x + model["_intercept"]
    z = np.exp(z - z.max())
    p = z / z.sum()
    return {label: float(p[i]) for i, label in enumerate(model["classes"])}


def decide(rule: str, p: dict[str, float], has_rival: bool, rival_ok: bool, thresholds: dict) -> str:
    """The gated verdict from the rules' one and the model's probabilities."""
    if rule == SUPPORTED and p[SUPPORTED] < thresholds["drop_supported"]:
        return NOT_FOUND
    if rule == NOT_FOUND and has_rival and rival_ok and p[CONTRADICTED] > thresholds["promote_contradicted"]:
        return CONTRADICTED
    return rule


def _rival_ok(claim: Claim, rival: Scored | None) -> bool:
    """A rival fit to be reported as what the article says: the same place and period, no name of the claim unsaid,
    and the claim's measure said in its own sentence."""
    return rival is not None and rival.same_subject and not rival.unsaid_names and rival.said >= 0.5


def apply(claim: Claim, verdict, scored: Sequence[Scored], before_whole: str | None = None):
    """``verdict`` as the gate reads it (figure and date claims only)."""
    from .ablation import ingredient_on

    if claim.kind not in ("figure", "date") or claim.figure is None:
        return verdict
    model = load_model()
    vec = features(claim, verdict, scored, before_whole)
    chosen = chosen_row(verdict, scored)
    rival = rival_row(claim, chosen, scored)
    rival_ok = _rival_ok(claim, rival)
    gated = verdict.verdict
    if model is not None:
        gated = decide(verdict.verdict, probabilities(vec, model), rival is not None, rival_ok, model["thresholds"])
    if RECORDER is not None:
        RECORDER(claim, vec, verdict.verdict, gated, _rival_found(claim, rival) if rival_ok else None)
    if not ingredient_on("gate") or gated == verdict.verdict:
        return verdict
    return _rewrite(claim, verdict, gated, rival)


def _rival_found(claim: Claim, rival: Scored) -> str:
    with_direction = rival.value_ok and rival.unit_ok and not rival.direction_ok
    return ((direction_word(rival.candidate.label) or "") if with_direction else "") + rival.candidate.figure.written


def _rewrite(claim: Claim, verdict, gated: str, rival: Scored | None):
    from .verify import Verdict

    if gated == NOT_FOUND:
        related = tuple(p for p, _, _ in verdict.evidence)[:1] + tuple(verdict.related)
        return Verdict(NOT_FOUND, f"资料里的“{verdict.found or claim.stated}”与所述事项不完全对得上（地点、时间或所指不能确认），"
                                  "没有找到能证实这一说法的原文。", related=tuple(dict.fromkeys(related))[:2])
    assert rival is not None
    c = rival.candidate
    found = _rival_found(claim, rival)
    stated = claim.figure
    if rival.value_ok and rival.unit_ok and not rival.direction_ok:
        differs, stated_text = "方向", (direction_word(claim.label) or "") + claim.stated
    elif claim.kind == "date":
        differs, stated_text = "时间", claim.stated
    elif stated is not None and not units_match(stated, c.figure):
        differs, stated_text = "单位", claim.stated
    else:
        differs, stated_text = "数值", claim.stated
    said = c.paragraph.text[c.evidence_start:c.evidence_end]
    return Verdict(CONTRADICTED, f"资料写的是“{said}”：{found}，而不是{stated_text}（{differs}不同）。", found=found, differs=differs,
                   evidence=((c.paragraph, c.evidence_start, c.evidence_end),))


__all__ = ["FEATURE_NAMES", "MODEL_PATH", "RECORDER", "apply", "decide", "features", "load_model", "probabilities"]
