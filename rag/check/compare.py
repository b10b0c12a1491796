"""Comparing a stated figure with an article's figure: by value, by unit, and by what each qualifier allows.

"300家以上" supports "超过300家" and "约300家" (the article's value satisfies both) but not "500家" or
"超过500家"; "2.46万单" equals "24600单"; "近6000人" does not support "超过6000人".
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from .ablation import ingredient_on
from .figures import ABOUT, BARE_UNIT, EXACT, GENERIC_UNIT, LOWER, NEAR, ORDER_SEVERAL, ORDER_UP_TO, UPPER, Figure

ABOUT_TOLERANCE = Decimal("0.1")  # "约300家" allows 270..330: never more than a tenth of the value either way
NEAR_TOLERANCE = Decimal("0.1")  # "近6000人" is 5400..6000
SPECIFIC_UNITS = frozenset({"人", "人次", "元", "%", "个百分点", "倍"})
CLASSIFIER_SPECIFIC = frozenset({"例", "斤"})
_MORE_AFTER = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿][多余]")  # "六十多幢", "1400余万元", "五十八万余人次"
_ORDER_BAND = re.compile(f"(?P<order>[{ORDER_SEVERAL}{ORDER_UP_TO}])[十百千万亿]")  # rag.check.figures._order_figures
_TENTHS = re.compile(r"[一两二三四五六七八九]成|[二三四五六七八九十]分之")  # "三成", "四分之一": a share rounded to tenths


def precision(figure: Figure) -> Decimal:
    """The place of the last digit a figure states, in its unit: "404亿" 1亿, "2200亿" 100亿, "403.6亿" 0.1亿, "六十" 10,
    "一千多万" 1000万, "1.38亿" 100万, "三成" 10 (points). A round figure ("400亿") is read as stated to its last non-zero
    digit: a reporter rounds a precise figure to it."""
    value = figure.value
    assert isinstance(value, Decimal)
    if not value:
        return Decimal(1)
    if _TENTHS.search(figure.written):
        return Decimal(10)  # "三成", "三分之一" (33.3…%): a share told to the nearest tenth or so
    return Decimal(1).scaleb(value.normalize().as_tuple().exponent)


def allowed_range(figure: Figure) -> tuple[Decimal | None, Decimal | None]:
    """The values a stated figure allows (None: unbounded), from its qualifier and the precision it is stated to
    (``precision``). One rule for every form:

    - 约/左右 (and a share in 成 without a qualifier, a rounded figure by its form): within one unit of the last place
      stated, never more than a tenth of the value: "约404亿元" is 403..405亿 (403.6亿, not 440亿), "约400亿元" 360..440亿,
      "约占三成" 27..33%;
    - 近/接近/将近: the same below it, never above: "接近400亿元" is 360..400亿, "接近1.4亿人次" 1.3..1.4亿;
    - 多/余 after the number: up to one unit of its last place more: "六十多幢" 60..70, "一千多万人次" 1000..2000万
      (never 6280 for "一千四百多家");
    - 超过/逾/以上: the value or more; 不到/以下: the value or less; no qualifier: the value exactly."""
    value = figure.value
    assert isinstance(value, Decimal)
    by_precision = ingredient_on("precision")
    step = min(precision(figure), abs(value) * ABOUT_TOLERANCE) if by_precision else abs(value) * ABOUT_TOLERANCE
    qualifier = figure.qualifier
    if by_precision and qualifier == EXACT and _TENTHS.search(figure.written):
        qualifier = ABOUT
    order = _ORDER_BAND.search(figure.written) if ingredient_on("order_words") else None
    if order:  # "数十家" is 20..100, "上万人次" 1万..10万
        return value * (2 if order.group("order") == ORDER_SEVERAL else 1), value * 10
    if qualifier == LOWER:
        more = by_precision and _MORE_AFTER.search(figure.written) and not figure.written.startswith("多于")
        return value, (value + precision(figure) if more else None)
    if qualifier == UPPER:
        return None, value
    if qualifier == NEAR:
        return value - min(step, abs(value) * NEAR_TOLERANCE), value
    if qualifier == ABOUT:
        return value - step, value + step
    return value, value


def _below(qualifier: str) -> bool:
    return qualifier in (UPPER, NEAR)


def in_same_terms(stated: Figure, found: Figure) -> tuple[Figure, Figure]:
    """Both figures in one unit where one converts to the other: "一倍" is "100%"."""
    pair = (stated.unit_class, found.unit_class)
    if pair == ("倍", "%"):
        return replace(stated, value=stated.value * 100, unit="%"), found
    if pair == ("%", "倍"):
        return stated, replace(found, value=found.value * 100, unit="%")
    return stated, found


def units_match(stated: Figure, found: Figure) -> bool:
    stated, found = in_same_terms(stated, found)
    if stated.kind != found.kind:
        return False
    if stated.kind == "date":
        return True
    if stated.unit_class == found.unit_class:
        return True
    if BARE_UNIT in (stated.unit_class, found.unit_class):  # "66万" counts what the words around it say: "志愿者66万名"
        return not {stated.unit_class, found.unit_class} & {"%", "个百分点", "倍"}
    # "11个" may count what "11座" counts, but never people, money or a share
    pair = {stated.unit_class, found.unit_class}
    # (nor cases, counted like 人次, or a weight: "新增远程会诊中心2个" is not told by "远程会诊830例")
    specific = SPECIFIC_UNITS | CLASSIFIER_SPECIFIC if ingredient_on("classifier_units") else SPECIFIC_UNITS
    return GENERIC_UNIT in pair and not pair & specific


def dates_agree(stated: Figure, found: Figure) -> bool:
    """Two dates, one less specific than the other, whose parts both state are equal ("2025年" and "2025年4月"): neither
    says another date (the same date told of another part of the day is for ``_other_day_part`` to read)."""
    if not stated.kind == found.kind == "date" or stated.value == found.value:
        return False
    parts = [(a, b) for a, b in zip(stated.value, found.value) if a is not None and b is not None]
    return bool(parts) and all(a == b for a, b in parts)


def value_satisfies(stated: Figure, found: Figure) -> bool:
    """Whether the article's figure ``found`` makes the stated figure true (units aside)."""
    if stated.kind == "date" or found.kind == "date":
        if stated.kind != found.kind:
            return False
        parts = [(a, b) for a, b in zip(stated.value, found.value) if a is not None and b is not None]
        # a finer part the article's date lacks where it states the coarser one is not confirmed: "2025年" tells no
        # month, so not "2025年4月" ("4月" without its year may still tell "2025年4月")
        finer_unsaid = any(stated.value[i] is not None and found.value[i] is None and found.value[i - 1] is not None
                           for i in range(1, len(stated.value)))
        return bool(parts) and all(a == b for a, b in parts) and not finer_unsaid
    stated, found = in_same_terms(stated, found)
    low, high = allowed_range(stated)
    value = found.value
    if (low is not None and value < low) or (high is not None and value > high):
        return False
    # "近6000人" (under 6000) never makes "超过6000人" true, nor "6000人以上" "不到6000人".
    if found.qualifier != EXACT and stated.qualifier not in (EXACT, ABOUT):
        if found.qualifier == ABOUT and not is_threshold(stated) and ingredient_on("about_within"):
            # a rounded figure of the article all of whose values the claim allows makes it true: "约58万人" (57..59万) is
            # "将近60万人" (54..60万), not "超过58万人"
            f_low, f_high = allowed_range(found)
            return (low is None or f_low >= low) and (high is None or f_high <= high)
        if _below(found.qualifier) != _below(stated.qualifier):
            return False
        # a rule's threshold ("不低于", "至少") is quoted, not implied: "降幅不低于30%" misquotes "降幅不低于50%";
        # a rounded count is implied by a slightly higher one: "超2.46万单" makes "逾2.4万单" true (not "超1万单":
        # a figure that far off is another statement)
        if found.qualifier in (LOWER, UPPER) and stated.qualifier in (LOWER, UPPER) and found.value != stated.value and (
                is_threshold(found) or is_threshold(stated) or not _rounded(stated.value, found.value)):
            return False
    return True


THRESHOLD_WORDS = ("不", "至少", "最多", "最高", "最低")  # 不低于, 不得超过, 不少于, 至少…: a rule's bound


def _rounded(stated: Decimal, found: Decimal) -> bool:
    """Whether ``stated`` is ``found`` rounded (within ABOUT_TOLERANCE)."""
    return abs(found - stated) <= abs(found) * ABOUT_TOLERANCE


def is_threshold(figure: Figure) -> bool:
    """Whether a bound is a rule's threshold ("不低于50%") rather than a rounded amount ("超2.46万单")."""
    return figure.written.lstrip().startswith(THRESHOLD_WORDS)


def same_written_number(stated: Figure, found: Figure) -> bool:
    """"3792.64元" against "3792.64万元": the same digits at another scale or unit."""
    return bool(stated.mantissa) and stated.mantissa.replace(",", "") == found.mantissa.replace(",", "")
