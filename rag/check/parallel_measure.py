"""The measure a parallel clause leaves out: "北湾港区完成集装箱吞吐量86.4万标箱，…；南岭港区完成52.7万标箱".

A clause of an article sentence that tells another subject's figure by repeating only the words of an earlier clause
of the same sentence before their measure (its lead differs, "南岭" for "北湾", the rest up to its figure, "港区完成",
is where the earlier clause goes on with its measure, "集装箱吞吐量") measures what that clause measures. Its figure's
label takes those words, so the figure is read as the same measure of its own subject, not as a figure of no measure.
"""
from __future__ import annotations

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
    if ingredient_on("bare_place_item") and _leading_place(own) == own:
        return _measure_after_place(own, earlier)
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


def _leading_place(text: str) -> str:
    """The place a clause opens with ("惠来县" of "惠来县进出口"), else ""."""
    from .claims import places_in

    places = places_in(text)
    return places[0] if places and text.startswith(places[0]) else ""


def _measure_after_place(place: str, earlier: Sequence[str]) -> str:
    """What a list item naming only its place before its figure ("…；普宁市121.3亿元") measures: the words after the place
    of the nearest earlier clause of its sentence that opens with another place and goes on with a measure ("惠来县进出口
    218.9亿元" → 进出口; "榕城区城镇新增就业5430人；揭东区4870人" → 城镇新增就业). Clauses opening with no place ("增长") and
    other bare places are passed over; a nearest place clause whose rest names no noun gives nothing."""
    from .readings import _tagged

    for other in reversed(earlier):
        other = other.strip()
        lead = _leading_place(other)
        if not lead or lead == other:
            continue
        if lead == place:
            return ""
        rest = other[len(lead):]
        return rest if any(flag.startswith(("n", "vn")) for _, flag in _tagged(rest)) else ""
    return ""
