"""The two sides of a comparison: the phrases around a connector (和/与/跟/同/及/还是/、 as jieba tokens, so the 和 of a
word is no connector), never inside a name of the corpus (the index's user words), and, among several connectors,
the split whose two phrases are most alike; with the words before and after them that both sides share.
"""
from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Collection

from ..question import pos_cut, pos_tokenizer
from ..settings import ablated
from .anchors import NAME_LEVELS, PERIOD, times_named


# the connectors that join two sides, as jieba tokens
_CONNECTORS = frozenset(("和", "与", "跟", "同", "及", "以及", "还是", "或", "或者", "、", "对比", "对", "vs", "VS"))
_GLUED_CONNECTORS = "和与跟同及"
# words closing the sides' clause that say only "compared": "A和B相比，哪个多"
_COMPARED = re.compile(
    r"(?:[，,]?(?:相比较|相比|比较起来|比起来|比较|对比|来比|比一比|比|之中|当中|中间|中|里|两者|二者|双方|的话|"
    r"分别是多少|各是多少|分别有多少|各有多少|分别|各自|(?:这)?两(?:个)?[地县区市省乡镇村项类种家所方个者]))+$"
)
# a side's own 中 or 里 after a numeral is no "among" (大理一中, 下关一中, 附中, 十里): the name keeps it
_OWN_ENDING = re.compile(r"(?:[一二三四五六七八九十百千\d附][中里])$")
# "江垭和溪口两个人民法庭去年受理案件": the count and kind after the second side say what both sides are; the kind and
# what follows are shared by both, as words after the sides ("江垭人民法庭去年受理案件", "溪口人民法庭…")
_BOTH_KIND = re.compile(r"(?:这)?两(?:个|家|所|座|条|位|名|支|项|处|级)(?=..)")
# off while a question whose sides cut so cannot be asked side by side is read again as worded ("东台和亭湖两家法院")
KIND_SHARED: ContextVar[bool] = ContextVar("kind_shared", default=True)


def inside_names(text: str, names: Collection[str]) -> set[int]:
    """Character positions of ``text`` covered by a corpus name that holds a connector ("和平医院")."""
    covered: set[int] = set()
    for name in names:
        if len(name) >= 2 and any(c in name for c in "和与跟同及还或、比") and name in text:
            for match in re.finditer(re.escape(name), text):
                covered.update(range(match.start(), match.end()))
    return covered


def _connector_splits(clause: str, names: Collection[str]) -> list[tuple[str, str]]:
    """Every (A, B) a connector token of ``clause`` splits it into, both sides non-empty. jieba's
    guesses at unknown words may glue a connector to a neighbour ("资金和发的" → 和发): in a token
    the dictionary does not know, a connector character at its edge still joins."""
    covered = inside_names(clause, names)
    known = pos_tokenizer().tokenizer.FREQ
    splits, at = [], 0
    for word, flag in pos_cut(clause):
        start, at = at, at + len(word)
        if word in _CONNECTORS and flag in ("c", "p", "x", "eng", "zg"):
            cut = (start, at)
        elif len(word) >= 2 and known.get(word, 0) < 5 and word[0] in _GLUED_CONNECTORS:
            cut = (start, start + 1)
        elif len(word) >= 2 and known.get(word, 0) < 5 and word[-1] in _GLUED_CONNECTORS:
            cut = (at - 1, at)
        elif len(word) >= 2 and word[0] in _GLUED_CONNECTORS and start and clause[start - 1] in NAME_LEVELS \
                and clause.rstrip(" ，,").endswith(clause[start - 1]) and not ablated("glued_between_places"):
            cut = (start, start + 1)  # "寨蒿镇和平永镇": two towns, though 和平 is a word
        else:
            continue
        a, b = clause[:cut[0]].strip(" ，,"), clause[cut[1]:].strip(" ，,")
        if a and b and cut[0] not in covered:
            splits.append((a, b))
    return splits


def _likeness(a: str, b: str) -> float:
    """How parallel two phrases are: shared ending and beginning, similar length."""
    suffix = next((n for n in range(min(len(a), len(b)), 0, -1) if a[-n:] == b[-n:]), 0)
    prefix = next((n for n in range(min(len(a), len(b)), 0, -1) if a[:n] == b[:n]), 0)
    return suffix + 0.5 * prefix - 0.1 * abs(len(a) - len(b))


def _compared_off(side: str) -> str:
    """``side`` less the words closing it that say only "compared", but not a name's own 一中 or 附中."""
    if _OWN_ENDING.search(side) and not ablated("own_ending"):
        return _COMPARED.sub("", side[:-1]) + side[-1] if _COMPARED.search(side[:-1]) else side
    return _COMPARED.sub("", side)


def two_sides(left: str, names: Collection[str]) -> tuple[str, str, str, str] | None:
    """(shared words before, side A, side B, shared words after) of the clause(s) naming both sides."""
    left = _compared_off(left.strip(" ，,：:"))
    # "在A和B中", "对比A和B": a leading preposition is dropped when jieba cuts it as a word of its own
    # (not the 就 of 就业, the 在 of 在线, the 从 of 从业)
    opening = re.match(r"(?:在|从|就|对比|比较|比一比)(?=.{4})", left)
    if opening and pos_cut(left)[0][0] == opening.group():
        left = left[opening.end():]
    clauses: list[str] = []
    joins: dict[int, tuple[str, str]] = {}  # a clause opened by a connector splits there, whatever jieba tags it
    for clause in (c for c in re.split(r"[，,：:；;]", left) if c.strip()):
        opener = next((c for c in sorted(_CONNECTORS, key=len, reverse=True) if clause.startswith(c)), None)
        if clauses and opener:  # "A的降幅，和B的增幅", "A，跟B，哪个多": one clause
            joins[len(clauses) - 1] = (clauses[-1].strip(), clause[len(opener):].strip())
            clauses[-1] += clause
        else:
            clauses.append(clause)
    for i in range(len(clauses) - 1, -1, -1):
        splits = _connector_splits(clauses[i], names) or ([joins[i]] if i in joins and all(joins[i]) else [])
        if splits:
            a, b = max(splits, key=lambda s: _likeness(*s))
            after = "".join(clauses[i + 1:])
            both = _BOTH_KIND.search(b) if KIND_SHARED.get() and not ablated("both_kind") else None
            if both and both.start() >= 1:
                b, after = b[:both.start()], b[both.end():] + after
            a, b = _compared_off(a), _compared_off(b)
            b, period = _trailing_period(a, b)
            return "".join(clauses[:i]) + period, a, b, after
    return None


# a calendar period ending a side ("许昌站去年", "靖西市前三季度", "靖西市1—11月")
_ENDING_PERIOD = re.compile(f"(?:{PERIOD.pattern})$")


def _trailing_period(a: str, b: str) -> tuple[str, str]:
    """(side B, the period ending it) when that period dates both sides: "许昌东站和许昌站去年哪个…", "A和B今年谁…"
    put the period after the second side, of both (the first names none): it goes with the shared words before the
    sides (a period, no part of the measure); B's own name is what is left. Nothing
    moves when the first side names a period (today's and last year's figures) or B is a period only."""
    if ablated("trailing_period"):
        return b, ""
    period = _ENDING_PERIOD.search(b)
    name = b[:period.start()] if period else b
    if not period or len(name) < 2 or PERIOD.search(name[-4:]) or PERIOD.search(a) or times_named(a):
        return b, ""
    return name, b[len(name):]
