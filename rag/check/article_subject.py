"""A place claim told by an article sentence that names no place: the article's own place is its subject (``place_subject``).

A news article names its place once, in its title or lead, and then tells what happened there without naming it again:
"祁连县…" in the lead, then "顺利通过国家学前教育普及普惠县认定". A claim whose subject is that place ("祁连县已通过国家学前教育
普及普惠县认定") is told by such a sentence, when

- the claim's place opens its clause (its subject: not where something is done, "在…举行", nor where a thing is, "位于…");
- the article's last place of the claim's place's kind before the sentence (title, lead, the paragraph up to it) is the claim's;
- the sentence names no place of its own, nor a whole (全市, 全县…) of another kind than the claim's place;
- every number the claim's clause says is the sentence's too (the frame words are words, not figures).

The rest of the claim's clause must still be said by the sentence (``verify_name`` reads its frame words as for a
sentence that names the place), so a right event told of the article's place confirms it and nothing else does.
"""
from __future__ import annotations

import re

from ..places import is_province
from .ablation import ingredient_on
from .candidates import _level
from .claims import places_in
from .report import Claim

_WHOLE = re.compile(r"(?:全|我|本|该)([省市县区州镇乡旗村])")
_CLAUSE_OPENING = re.compile(r"(?:^|[，,；;。：:！？!?])\s*$")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _opens_clause(claim: Claim) -> bool:
    at = claim.stated_start - claim.start + claim.text_offset
    return bool(_CLAUSE_OPENING.search(claim.sentence[:at]))


def told_of_article_place(claim: Claim, sentence: str, context: str) -> bool:
    """Whether ``sentence`` (of an article whose title, lead and paragraph are ``context``) tells of the claim's place
    without naming it: the article's place is the claim's, and the sentence names no other."""
    if not ingredient_on("place_subject") or claim.kind != "place" or not _opens_clause(claim):
        return False
    name = "".join(claim.stated.split())
    province = is_province(name)
    kind = "省" if province else _level(name)  # a province named without its suffix ("山西") is a 省
    if not kind:
        return False
    said = _NUMBER.findall(sentence)
    if any(number not in said for number in _NUMBER.findall(claim.text)):
        return False  # a number of the clause ("满意度在180分以上") the sentence does not say ("90分以上") is no word of it
    if any(place not in claim.text and place != "全" + kind for place in places_in(sentence)):
        return False  # the sentence names a place (or 全国) of its own
    if any(whole.group(1) != kind for whole in _WHOLE.finditer(sentence)):
        return False  # "全市…" is not a 县's
    # the article's place of the claim's place's kind told last before the sentence (title, lead, the paragraph up to it):
    # "青海省…祁连县…" tells 祁连县's, "…金台区则探索…。该区引入…" 金台区's
    at = context.rfind(sentence)
    before = context[:at] if at >= 0 else context
    named = [place for place in places_in(before) if not place.startswith("全")]
    if province or not ingredient_on("place_subject_any"):
        named = [place for place in named if (is_province(place) if province else _level(place) == kind)]
    # (switch place_subject_any: below a province, the last place of any kind named before it: "…城中区…。西宁市人社局…" is
    # the city's; the places a province's article names after it are its own)
    last = max(named, key=before.rfind) if named else None  # (places_in names each place once: by where it is said last)
    return last is not None and (last == name or name in last or last in name)
