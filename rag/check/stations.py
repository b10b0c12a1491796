"""A named railway station is a name the article must say (switch ``station``): "安阳站" is not "安阳东站", nor "抚州东站"
"抚州站". The claim's place (rag.check.claims.places_in) written right before 站, with a compass direction or not ("德州东站",
"汉中站", "阜阳西站"), names one station of the place; a city has several ("安阳站" and "安阳东站" each report their own
发送旅客), and the place alone, said by both, does not tell them apart. So an article figure is the claim station's only
where the last station the article names before it, in its paragraph, is that very station ("去年，安阳东站共发送旅客618.5万人次"
is 安阳东站's, not the claim's "安阳站去年发送旅客618.5万人次"), or, naming none there, where the article says it before."""
from __future__ import annotations

import re

from .ablation import ingredient_on
from .claims import places_in

_TAIL = r"(?:火车|高铁)?(?P<dir>[东西南北]?)站(?![点台长务])"  # "站点", "站台", "站长", "站务" are no station's name


def _stations(text: str, places) -> list[tuple[int, str, str]]:
    """(end, place, direction) of each station ``text`` names by one of ``places``, in order."""
    found = []
    for place in places:
        if len(place) < 2:
            continue
        for m in re.finditer(re.escape(place) + _TAIL, text):
            found.append((m.end(), place, m.group("dir")))
    return sorted(found)


def claim_stations(text: str, places) -> tuple[tuple[str, str], ...]:
    """(place, direction) of each station the claim's ``text`` names by one of its ``places``: "安阳站…" → (("安阳", ""),)."""
    if not ingredient_on("station"):
        return ()
    return tuple(dict.fromkeys((place, way) for _, place, way in _stations(text, places)))


def station_unsaid(station: tuple[str, str], before_figure: str, context: str) -> bool:
    """Whether the article does not tell ``station`` (place, direction) of its figure: the last station named before the
    figure in its paragraph (``before_figure``) is another one, or none is named there and ``context`` never names it."""
    named = _stations(before_figure, places_in(before_figure) + (station[0],))
    if named:
        return named[-1][1:] != station
    return not any(found[1:] == station for found in _stations(context, (station[0],)))


def station_name(station: tuple[str, str]) -> str:
    return f"{station[0]}{station[1]}站"
