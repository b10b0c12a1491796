"""A place named by a compass point beside the asked one: "沧州站" is not "沧州西站", nor "西洞庭湖" "东洞庭湖".

Stations, lakes, districts and ports of one city or area are told apart by a compass point (东/西/南/北): the city's
own station (沧州站) and its west station (沧州西站), the east and the west lake (东洞庭湖, 西洞庭湖). A figure whose
sentence, before it, names the asked name with a compass point put in before its kind character, or with its compass
point changed, and never says the asked name itself, is the other place's: "沧州西站假期发送旅客14.8万人次" does not
answer "沧州站发送旅客多少人次", nor "2025—2026年度东洞庭湖…记录到越冬水鸟…21.36万只" "西洞庭湖记录到…多少只".
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..question import QuestionAnalysis
from ..scoring import Candidate

_POINTS = "东西南北"
# the kind a name ends in: a station, a lake, a port, a district… (the character after which a compass point is put
# in: 沧州站 → 沧州西站)
_KIND = "站港湖湾区县市镇乡村岛桥门"
_NAME = re.compile(r"[\u4e00-\u9fff]{2,}")
_MAX_CORE = 6  # characters of a name before its kind
_MIN_CORE = 2  # characters of the name before its kind or after its compass point


def _variants(name: str) -> list[tuple[str, str]]:
    """(a name of the question, a name of another place with a compass point), for each run of ``name``: a point put in
    before a kind character (沧州站 → 沧州西站), or a point changed (西洞庭湖 → 东洞庭湖)."""
    found = []
    for end in range(len(name)):
        if name[end] in _KIND and end >= _MIN_CORE and name[end - 1] not in _POINTS:
            for start in range(max(0, end - _MAX_CORE), end - _MIN_CORE + 1):
                core = name[start:end]
                found += [(core + name[end], core + point + name[end]) for point in _POINTS]
        if name[end] in _POINTS:
            rest = re.match(r"[\u4e00-\u9fff]{%d,%d}?[%s]" % (_MIN_CORE - 1, _MAX_CORE, _KIND), name[end + 1:])
            if rest:
                asked = name[end] + rest.group()
                found += [(asked, point + rest.group()) for point in _POINTS if point != name[end]]
    return found


@lru_cache(maxsize=1024)
def _question_variants(question: str) -> tuple[tuple[str, str], ...]:
    """The (asked, other) name pairs of every run of ``question``, those the question itself says as the other left out:
    read once per question, not once per candidate figure."""
    return tuple((asked, other) for run in _NAME.findall(question) for asked, other in _variants(run) if other not in question)


def other_point_place(sentence: str, span_start: int, analysis: QuestionAnalysis) -> str | None:
    """The name of the other place the figure's sentence names before it (沧州西站 for 沧州站 asked), or None."""
    said_before = sentence[:span_start]
    for asked, other in _question_variants(analysis.text):
        if other in said_before and asked not in sentence:
            return other
    return None
