"""Numbers as news text writes them: "2047", "3792.64 万", "37,111", "两千零四十七", "百万".

``values_in`` reads every value a text states, so a figure can be checked
against a passage whatever way either writes it (the LLM answer check, and the
extractor's check that a number a question names is in the passage).
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

# A number starts where a run of digits starts: never inside one. Without the look-behind a pattern that
# embeds this one (rag.check.figures) retries at every digit of a long run that fails to match, which takes
# time quadratic in the run (a 5,000-digit claim took over 20 s); every such inner match was refused anyway.
ARABIC_NUMBER = re.compile(r"(?<!\d)\d+(?:,\d{3}(?!\d))*(?:\.\d+)?")
_SCALES = {"万": Decimal(10**4), "亿": Decimal(10**8)}
_CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERAL = re.compile(f"[{''.join(_CHINESE_DIGITS)}{''.join(_CHINESE_UNITS)}万亿]+")


def number_values(match: re.Match[str], text: str) -> set[Decimal]:
    """The values one written number may stand for: "5.3万" is both 5.3 and 53000."""
    value = Decimal(match.group().replace(",", ""))
    values = {value}
    # Layout text often keeps a space before the scale: "3792.64 万元".
    scale = _SCALES.get(text[match.end() : match.end() + 3].lstrip(" \t")[:1])
    if scale is not None:
        values.add(value * scale)
    return values


def _chinese_numeral_value(numeral: str) -> Decimal | None:
    """Value of a Chinese numeral such as "两千零四十七" or "二〇二四"."""
    if all(ch in _SCALES for ch in numeral):
        return None  # a bare 万 or 亿 is a word here, not zero
    if not any(ch in _CHINESE_UNITS or ch in _SCALES for ch in numeral):
        if all(ch in _CHINESE_DIGITS for ch in numeral):
            return Decimal("".join(str(_CHINESE_DIGITS[ch]) for ch in numeral))
        return None
    total = section = digit = 0
    for ch in numeral:
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
        elif ch in _CHINESE_UNITS:
            section += (digit or 1) * _CHINESE_UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10**4
            section = digit = 0
        else:  # 亿
            total = (total + section + digit) * 10**8
            section = digit = 0
    return Decimal(total + section + digit)


def _normalized(text: str) -> str:
    """Full-width digits as ASCII; a full-width comma is a list separator, never a thousands
    separator ("105，112，120人"), so it must not become "," as NFKC would make it."""
    return unicodedata.normalize("NFKC", text.replace("，", "、"))


def values_in(text: str) -> set[Decimal]:
    """Every numeric value a text states, in Arabic or Chinese numerals."""
    plain = _normalized(text)
    values: set[Decimal] = set()
    for match in ARABIC_NUMBER.finditer(plain):
        values |= number_values(match, plain)
        if match.group().count(",") == 1:  # "37,111" might be two numbers in a list ("1,000,000" is not)
            values |= {Decimal(part) for part in match.group().split(",") if not part.startswith("0")}
    for match in _CHINESE_NUMERAL.finditer(plain):
        value = _chinese_numeral_value(match.group())
        if value is not None:
            values.add(value)
    return values


# A Chinese numeral counts as a figure only before a unit and from ten up: "百万辆"
# and "二十一条" are figures, while the 百 of "百姓" and the 一 of "一天" are words.
_NUMERAL_CHARS = f"{''.join(_CHINESE_DIGITS)}{''.join(_CHINESE_UNITS)}"
# A Chinese numeral with 万/亿 inside joining its parts: "一万二千" is one number, never "二千".
CHINESE_NUMERAL = f"[{_NUMERAL_CHARS}]+(?:[万亿][{_NUMERAL_CHARS}]+)*"
_COUNTED_CHINESE = re.compile(  # whole numerals only: "一万二千亩" is 12000, never its tail "二千"
    f"(?<![{_NUMERAL_CHARS}万亿])(?P<num>{CHINESE_NUMERAL}[万亿]?)"
    "(?=[余多]?[个名人家项条辆元岁年天次户所座件场批位支吨亩套台处期倍])"
)


def figures_in(text: str) -> list[tuple[str, Decimal]]:
    """The figures a text names, as written and by value: "超过1000万辆" gives
    ("1000万", 10000000); a scale after the number is part of its value."""
    plain = _normalized(text)
    found = []
    for match in ARABIC_NUMBER.finditer(plain):
        values = number_values(match, plain)
        scale_follows = len(values) > 1
        written = match.group() + (plain[match.end():].lstrip(" \t")[:1] if scale_follows else "")
        found.append((written, max(values) if scale_follows else Decimal(match.group().replace(",", ""))))
    for match in _COUNTED_CHINESE.finditer(plain):
        value = _chinese_numeral_value(match.group("num"))
        if value is not None and value >= 10:  # "一天", "两个", "上一年" are words, not figures
            found.append((match.group("num"), value))
    return found
