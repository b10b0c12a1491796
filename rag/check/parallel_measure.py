"""The measure a parallel clause leaves out: "北湾港区完成集装箱吞吐量86.4万标箱，…；南岭港区完成52.7万标箱".

A clause of an article sentence that tells another subject's figure by repeating only the words of an earlier clause
of the same sentence before their measure (its lead differs, "南岭" for "北湾", the rest up to its figure, "港区完成",
is where the earlier clause goes on with its measure, "集装箱吞吐量") measures what that clause measures. Its figure's
label takes those words, so the figure is read as the same measure of its own subject, not as a figure of no measure.
"""
from __future__ import annotations

import re
from typing import Sequence

from .ablation import ingredient_on


def elided_measure(before: str, earlier: Sequence[str]) -> str:
    """The words an earlier parallel clause says after the words ``before`` repeats ("集装箱吞吐量"), else "".

    ``before``: the words before a figure in its clause ("南岭港区完成"); ``earlier``: the words before each earlier figure
    of its sentence in its clause, in order. The latest earlier clause whose lead differs (``readings._leads``) and
    whose rest starts with this clause's rest and goes on is the parallel one: its measure is taken when this clause
    ends with a verb and that clause goes on with a noun."""
    if not ingredient_on("parallel_measure"):
        return ""
    from .readings import _leads, _tagged  # readings reads candidates: imported here, not at the top

    own = before.strip()
    for other in reversed(earlier):
        other = other.strip()
        leads = _leads(other, own)
        if not leads:
            continue
        theirs, ours = other[len(leads[0]):], own[len(leads[1]):]
        if ours and theirs.startswith(ours) and len(theirs) > len(ours):
            elided = theirs[len(ours):]
            # it repeats the verb only ("完成"), and what the earlier clause goes on with is a measure ("集装箱吞吐量"),
            # not more words of a clause that has its own ("马铃薯种植面积" / "…稳定在")
            # (a clause whose own lead names that measure's head has its measure: "集装箱吞吐量完成…" after "…港域完成货物吞吐量…")
            if _last_flag(_tagged(ours)).startswith("v") and _first_flag(_tagged(elided)).startswith("n") \
                    and not _names_head(leads[1], elided):
                return elided
        return ""  # the nearest parallel clause alone is read
    return ""


def _names_head(lead: str, measure: str) -> bool:
    """Whether a clause's lead already names the head of a measure (its last word: "吞吐量" of "货物吞吐量")."""
    if not ingredient_on("own_measure_lead"):
        return False
    from .readings import _tagged

    words = [word for word, _ in _tagged(measure)]
    return bool(words) and len(words[-1]) >= 2 and words[-1] in lead


def _last_flag(tagged) -> str:
    tagged = list(tagged)
    return tagged[-1][1] if tagged else ""


def _first_flag(tagged) -> str:
    tagged = list(tagged)
    return tagged[0][1] if tagged else ""


# an item of a roundup naming only its place before its figure, at most a word of reaching between: "；武穴市为86.2%",
# "；叶集区126.8亿元"
_ITEM_PLACE = re.compile(r"([\u4e00-\u9fff]{1,4}?(?:县|区|市|旗|镇|乡))(?:为|是|达|达到|有)?")
# a scope or pointer word ("全市", "各县", "该区", "其中"), no place's name: no item's place, nor a clause's parallel subject
# (``own_subject``, which reads the same roundup items for the place a claim gives another's figure)
NOT_A_PLACE_NAME = re.compile(r"[全各该本其这那每分]")


def bare_item(before: str, earlier: Sequence[str]) -> "tuple[str, str] | None":
    """(The place, the measure) of an item of a roundup that names only its place ("武穴市为", "叶集区") before its figure,
    the measure said once by the list's lead, the first earlier clause of the sentence (over its ；) opening with another
    place of the same level and going on with words of its own ("英山县空气质量优良天数比例达到97.4%，…；罗田县为96.7%；…；
    武穴市为86.2%": 空气质量优良天数比例达到); else None (switch ``bare_item_measure``)."""
    if not ingredient_on("bare_item_measure"):
        return None
    from .scoring import _same_level  # scoring reads candidates: imported here, not at the top

    from .claims import NOT_PLACES
    from .readings import _is_name

    own = _ITEM_PLACE.fullmatch(before.strip())
    if (own is None or NOT_A_PLACE_NAME.search(own.group(1)) or not _is_name(own.group(1)) or not earlier
            or any(own.group(1).endswith(word) for word in NOT_PLACES)):
        return None  # (a place's name, no verb or scope in it: not "居全市" of "…，居全市第1位"; not a common noun of places
        #            ending like one: "通航城市" of "…；执飞航线28条，通航城市31个")
    place = own.group(1)
    for other in earlier:
        lead = _ITEM_PLACE.match(other.strip().lstrip("其中，, "))
        if lead is None:
            continue
        theirs = lead.group(1)
        rest = other.strip().lstrip("其中，, ")[len(theirs):]
        if NOT_A_PLACE_NAME.match(theirs) or theirs == place or not _same_level(theirs, place) or len(rest) < 2:
            return None
        return place, rest
    return None
