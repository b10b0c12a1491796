"""A named railway station is a name the article must say (switch ``station``): "安阳站" is not "安阳东站", nor "抚州东站"
"抚州站". A city has several stations, and an article that names them one by one gives each its own figures ("去年，安阳东站
共发送旅客618.5万人次，…；安阳站发送旅客243.1万人次"). The claim's place (rag.check.claims.places_in) written right before 站,
with a compass direction or not ("德州东站", "汉中站"), names one station of its place.

The reading is kept narrow, to what its premise needs: an article figure is not the claim station's only where the figure's own
clause names one station of the same place, another one (a clause naming several, "六安站、六安北站、金寨站等全市铁路车站
旅客发送量1028万人次", tells their total, not one station's), and the article (the
figure's paragraph or its context) names the claim's very station too, as a station of its own. A clause naming none, or an
article never naming the claim's station as written ("安阳高铁站" may be its "安阳东站"), tells nothing either way."""
from __future__ import annotations

import re

from .ablation import ingredient_on

_TAIL = r"(?:火车|高铁)?(?P<dir>[东西南北]?)站(?![点台长务])"  # "站点", "站台", "站长", "站务" are no station's name
_CLAUSE_MARKS = "，,；;。：:！？"


def _stations(text: str, place: str) -> list[tuple[int, str]]:
    """(end, direction) of each station of ``place`` that ``text`` names, in order."""
    return [(m.end(), m.group("dir")) for m in re.finditer(re.escape(place) + _TAIL, text)]


def claim_stations(text: str, places) -> tuple[tuple[str, str], ...]:
    """(place, direction) of each station the claim's ``text`` names by one of its ``places``: "安阳站…" → (("安阳", ""),)."""
    if not ingredient_on("station"):
        return ()
    found = sorted((end, place, way) for place in places if len(place) >= 2 for end, way in _stations(text, place))
    return tuple(dict.fromkeys((place, way) for _, place, way in found))


def another_station(station: tuple[str, str], before_figure: str, article: str) -> bool:
    """Whether the article figure after ``before_figure`` (its paragraph's text up to the figure) is another station's than
    ``station`` (place, direction): its clause names one station of the place, another one, and ``article`` names ``station``."""
    place, way = station
    clause = before_figure[max(before_figure.rfind(mark) for mark in _CLAUSE_MARKS) + 1:]
    named = _stations(clause, place)
    if len(named) != 1 or named[0][1] == way:
        return False  # (a clause naming several stations, "六安站、六安北站、金寨站等全市铁路车站旅客发送量", tells their total, or each's)
    return any(found == way for _, found in _stations(article, place))


def station_name(station: tuple[str, str]) -> str:
    return f"{station[0]}{station[1]}站"
