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
- a 未找到 with P(contradicted) above ``promote_contradicted`` and a rival fit to report becomes 不一致 with that rival's
  figure as ``found`` (its span highlighted): the scored rival when its place and period hold, else the **loose rival**
  (of every figure of the retrieved paragraphs in the claim's unit with another value, the one whose clause and sentence
  say most of the claim's own characters, the claim's place and period said in its article, a change for a change);
- (a 不一致 with P(contradicted) below ``demote_contradicted`` becomes 未找到.)

Leave-one-set-out chose the drop and demote thresholds off (0.0): the rules' wrong 一致 look like right ones to every
feature here; see eval/README.md, "Eighth session, helper claimgate9: claim gate".

Everything else stands as the rules gave it. Only figure and date claims are read (names are told by their words).
``RAG_CHECK_ABLATE=gate`` switches it off. ``RECORDER`` (a callable, None in use) receives every claim's features
and both verdicts: the training script's hook.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from dataclasses import dataclass

from .candidates import Candidate, Scored, _periods_of, candidates
from .compare import units_match, value_satisfies
from .subject import place_in
from .measure import direction, direction_word
from .report import CONTRADICTED, NOT_FOUND, SUPPORTED, Claim

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).with_name("gate.json")
THRESHOLDS = ("drop_supported", "promote_contradicted", "demote_contradicted")
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
    + ("rival_minus_chosen_score", "rival_same_sentence",
       # what the rules do not read: the claim's own characters in the article (pairs of them), and meaning (e5 cosine)
       "chosen_pairs_sentence", "chosen_pairs_context", "rival_pairs_sentence", "chosen_cos", "rival_cos", "rival_minus_chosen_cos",
       # the loose rival: of every figure of the retrieved paragraphs in the claim's unit with another value, the one whose clause
       # and sentence say most of the claim's characters (scored or not)
       "has_loose", "loose_pairs_label", "loose_pairs_sentence", "loose_place_ok", "loose_period_ok", "loose_only_one", "loose_rank",
       "loose_same_change", "loose_is_rival", "loose_cos", "loose_margin"))

# (claim, features, rule verdict, gated verdict, rival found or None, rival fit to report); set by eval/train_claim_gate.py only
RECORDER: Callable[[Claim, list[float], str, str, str | None, bool], None] | None = None


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
        if stated is not None and stated.kind == "date" and not date_contradicts(stated, row.candidate.figure):
            continue
        if (direction(row.candidate.label) is not None) != claim_change:
            continue
        return row
    return None


def date_contradicts(stated, found) -> bool:
    """Whether the date ``found`` says another date than ``stated``: a part both state differs. A date lacking every
    part the other states tells nothing of it ("2026年" neither tells nor contradicts "6月1日"; "3月" does contradict it)."""
    return stated.kind == found.kind == "date" and any(
        a is not None and b is not None and a != b for a, b in zip(stated.value, found.value))


def _distance(stated, found) -> float:
    """How far the article's figure is from the claim's (ratio for amounts, days for dates): among rivals the claim's words
    fit equally ("由现在的300万标箱提升至450万标箱" for "提升到500万标箱"), the nearer is the one the writer misstated."""
    if stated.kind == "date":
        return float(sum(abs(a - b) * w for a, b, w in zip(stated.value, found.value, (372, 31, 1)) if a is not None and b is not None))
    a, b = float(stated.value), float(found.value)
    return abs(math.log(b / a)) if a > 0 and b > 0 else abs(b - a)


def _order(c: Candidate) -> tuple:
    """A stable order among equally scored candidates: retrieval rank, then where the figure stands (never identity)."""
    return (c.hit_rank, c.paragraph.source, c.paragraph.number, c.figure.start, c.figure.end)


_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _pairs(text: str) -> set[str]:
    return set(_CJK_PAIR.findall(text))


def _pairs_in(pairs: set[str], text: str) -> float:
    return sum(1 for p in pairs if p in text) / len(pairs) if pairs else 0.0


@dataclass(frozen=True)
class Loose:
    candidate: Candidate
    in_label: float
    in_sentence: float
    place_ok: bool
    period_ok: bool
    same_change: bool
    margin: float

    @property
    def fit(self) -> bool:
        """Fit to be reported as what the article says: its place and period hold, a change for a change."""
        return self.place_ok and self.period_ok and self.same_change and self.in_label + self.in_sentence >= 0.8


def loose_rival(claim: Claim, hits: Sequence, context_of: Callable | None) -> Loose | None:
    """Of every figure of the retrieved paragraphs of the claim's kind and unit with another value, the one whose clause and
    sentence say most of the claim's own characters (pairs of them); its place and period read in its article's context."""
    stated = claim.figure
    pairs = _pairs(claim.text.replace(claim.stated, "，"))
    if stated is None or not pairs or not hits:
        return None
    ranked = []
    for c in candidates(hits):
        if c.figure.kind != stated.kind or c.figure.unit_class != stated.unit_class:
            continue
        if stated.kind == "figure" and not units_match(stated, c.figure):
            continue
        if value_satisfies(stated, c.figure) or stated.kind == "date" and not date_contradicts(stated, c.figure):
            continue  # ("2025年" neither tells nor contradicts the day of "3月20日")
        in_label, in_sentence = _pairs_in(pairs, c.label), _pairs_in(pairs, c.sentence)
        ranked.append((in_label + in_sentence, in_label, c, in_sentence))
    if not ranked:
        return None
    # the most of the claim's characters, then the most in its own clause, then the nearest value, then a stable order
    # (ties are common: the same words before two figures of one sentence)
    ranked.sort(key=lambda r: (-r[0], -r[1], _distance(stated, r[2].figure), _order(r[2])))
    total, in_label, c, in_sentence = ranked[0]
    margin = total - ranked[1][0] if len(ranked) > 1 else total
    context = context_of(c.paragraph) if context_of is not None else c.paragraph.text
    periods = _periods_of(context)
    return Loose(c, in_label, in_sentence, all(place_in(p, context) for p in claim.places), all(p in periods for p in claim.periods),
                 (direction(c.label) is None) == (direction(claim.label) is None), margin)


def features(claim: Claim, verdict, scored: Sequence[Scored], before_whole: str | None = None,
             context_of: Callable | None = None, similarity: Callable | None = None, hits: Sequence = (),
             loose: "Loose | None | bool" = False) -> list[float]:
    chosen = chosen_row(verdict, scored)
    rival = rival_row(claim, chosen, scored)
    if loose is False:  # (not read yet)
        loose = loose_rival(claim, hits, context_of)
    pairs = _pairs(claim.text.replace(claim.stated, "，"))
    cosines = [0.0, 0.0, 0.0]
    rows = (chosen.candidate if chosen else None, rival.candidate if rival else None, loose.candidate if loose else None)
    if similarity is not None and any(rows):
        from .semantic import masked_claim

        sentences = [c.sentence.strip() or "。" for c in rows if c is not None]
        got = list(similarity(masked_claim(claim), sentences))
        cosines = [float(got.pop(0)) if c is not None else 0.0 for c in rows]
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
    vec += [_pairs_in(pairs, chosen.candidate.sentence) if chosen is not None else 0.0,
            _pairs_in(pairs, context_of(chosen.candidate.paragraph)) if chosen is not None and context_of is not None else 0.0,
            _pairs_in(pairs, rival.candidate.sentence) if rival is not None else 0.0,
            cosines[0], cosines[1], cosines[1] - cosines[0] if chosen is not None and rival is not None else 0.0]
    if loose is None:
        vec += [0.0] * 11
    else:
        c = loose.candidate
        vec += [1.0, loose.in_label, loose.in_sentence, float(loose.place_ok), float(loose.period_ok),
                float(not any(f.unit_class == c.figure.unit_class for f in c.sentence_figures)), 1.0 / (1.0 + c.hit_rank),
                float(loose.same_change), float(rival is not None and rival.candidate is c), cosines[2], loose.margin]
    return vec


class BadModel(ValueError):
    """gate.json is unreadable or does not fit the features this code computes."""


def read_model(path: str | Path = MODEL_PATH) -> dict:
    """gate.json checked against this code: the feature names in order, three classes, every array's shape, finite
    numbers, every threshold. Raises ``BadModel`` (FileNotFoundError for a missing file) saying what is wrong."""
    p = Path(path)
    try:
        model = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BadModel(f"{p}: not readable JSON ({err})") from err
    if not isinstance(model, dict):
        raise BadModel(f"{p}: not a JSON object")
    n = len(FEATURE_NAMES)
    if model.get("features") != list(FEATURE_NAMES):
        got = model.get("features")
        raise BadModel(f"{p}: its features ({len(got) if isinstance(got, list) else got!r}) are not this code's "
                       f"{n} FEATURE_NAMES in order; retrain with eval/train_claim_gate.py --collect")
    if not isinstance(model.get("classes"), list) or sorted(model["classes"]) != sorted(VERDICT_ORDER):
        raise BadModel(f"{p}: classes {model.get('classes')!r} are not {sorted(VERDICT_ORDER)}")
    thresholds = model.get("thresholds")
    if not isinstance(thresholds, dict) or any(not isinstance(thresholds.get(k), (int, float)) for k in THRESHOLDS):
        raise BadModel(f"{p}: thresholds {thresholds!r} lack one of {THRESHOLDS}")
    for key, shape in (("coef", (3, n)), ("intercept", (3,)), ("mean", (n,)), ("scale", (n,))):
        try:
            array = np.asarray(model.get(key), dtype=float)
        except (TypeError, ValueError) as err:
            raise BadModel(f"{p}: {key} is not an array of numbers ({err})") from err
        if array.shape != shape or not np.all(np.isfinite(array)):
            raise BadModel(f"{p}: {key} has shape {array.shape}, wants {shape} of finite numbers")
        model["_" + key] = array
    if np.any(model["_scale"] == 0):
        raise BadModel(f"{p}: a scale of 0")
    return model


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    """The gate's model, or None, once per path: a missing or bad gate.json leaves the rules' verdicts as they are (the
    gate off, as with RAG_CHECK_ABLATE=gate) and logs one warning saying why."""
    try:
        return read_model(path)
    except FileNotFoundError:
        log.warning("claim gate off: no model file %s; the rules' verdicts stand (train it: eval/train_claim_gate.py)", path)
    except BadModel as err:
        log.warning("claim gate off: %s; the rules' verdicts stand", err)
    return None


def model_hash() -> str:
    """A hash of this module's source: what the training cache was computed by."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def probabilities(vec: Sequence[float], model: dict) -> dict[str, float]:
    """P of each verdict (keys of VERDICT_ORDER) under the model."""
    x = (np.asarray(vec, dtype=float) - model["_mean"]) / model["_scale"]
    z = model["_coef"] @ x + model["_intercept"]
    z = np.exp(z - z.max())
    p = z / z.sum()
    return {label: float(p[i]) for i, label in enumerate(model["classes"])}


def decide(rule: str, p: dict[str, float], rival_ok: bool, thresholds: dict) -> str:
    """The gated verdict from the rules' one and the model's probabilities (also what eval/train_claim_gate.py scores)."""
    if rule == SUPPORTED and p[SUPPORTED] < thresholds["drop_supported"]:
        return NOT_FOUND
    if rule == CONTRADICTED and p[CONTRADICTED] < thresholds["demote_contradicted"]:
        return NOT_FOUND
    if rule == NOT_FOUND and rival_ok and p[CONTRADICTED] > thresholds["promote_contradicted"]:
        return CONTRADICTED
    return rule


def _rival_ok(rival: Scored | None) -> bool:
    """A rival fit to be reported as what the article says: the same place and period, no name of the claim unsaid,
    and the claim's measure said in its own sentence."""
    return rival is not None and rival.same_subject and not rival.unsaid_names and rival.said >= 0.5


def apply(claim: Claim, verdict, scored: Sequence[Scored], before_whole: str | None = None,
          context_of: Callable | None = None, similarity: Callable | None = None, hits: Sequence = ()):
    """``verdict`` as the gate reads it (figure and date claims only)."""
    from .ablation import ingredient_on

    if claim.kind not in ("figure", "date") or claim.figure is None:
        return verdict
    model = load_model()
    if model is None and RECORDER is None:
        return verdict
    loose = loose_rival(claim, hits, context_of)
    vec = features(claim, verdict, scored, before_whole, context_of, similarity, hits, loose)
    chosen = chosen_row(verdict, scored)
    rival = rival_row(claim, chosen, scored)
    found_as: Candidate | None = rival.candidate if _rival_ok(rival) else None
    with_direction = found_as is not None and rival.value_ok and rival.unit_ok and not rival.direction_ok
    if found_as is None:
        found_as = loose.candidate if loose is not None and loose.fit else None
    gated = verdict.verdict
    if model is not None:
        gated = decide(verdict.verdict, probabilities(vec, model), found_as is not None, model["thresholds"])
    if RECORDER is not None:
        found = _found_of(found_as, with_direction) if found_as is not None else None
        RECORDER(claim, vec, verdict.verdict, gated, found, found_as is not None)
    if not ingredient_on("gate") or gated == verdict.verdict:
        return verdict
    return _rewrite(claim, verdict, gated, found_as, with_direction)


def _found_of(candidate: Candidate, with_direction: bool) -> str:
    return ((direction_word(candidate.label) or "") if with_direction else "") + candidate.figure.written


def _rewrite(claim: Claim, verdict, gated: str, c: Candidate | None, with_direction: bool):
    from .verify import Verdict

    if gated == NOT_FOUND and verdict.verdict == CONTRADICTED:
        related = tuple(p for p, _, _ in verdict.evidence)[:1] + tuple(verdict.related)
        return Verdict(NOT_FOUND, f"资料里的“{verdict.found}”未必说的是所述事项（地点、时间或所指不能确认），没有找到能核实这一说法的原文。",
                       related=tuple(dict.fromkeys(related))[:2])
    if gated == NOT_FOUND:
        related = tuple(p for p, _, _ in verdict.evidence)[:1] + tuple(verdict.related)
        return Verdict(NOT_FOUND, f"资料里的“{verdict.found or claim.stated}”与所述事项不完全对得上（地点、时间或所指不能确认），"
                                  "没有找到能证实这一说法的原文。", related=tuple(dict.fromkeys(related))[:2])
    assert c is not None
    found = _found_of(c, with_direction)
    stated = claim.figure
    if with_direction:
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


__all__ = ["FEATURE_NAMES", "MODEL_PATH", "RECORDER", "BadModel", "apply", "date_contradicts", "decide", "features", "load_model",
           "model_hash", "probabilities", "read_model"]
