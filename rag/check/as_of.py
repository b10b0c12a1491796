"""The month a stock is counted at (switch ``as_of``): "截至3月底，全市享受长期护理保险待遇的失能人员达到1.86万人" states the
count at the end of March; "截至6月底，…达到1.86万人" at the end of June, and the one does not tell the other.

``periods_in`` reads both as the month ("M3", "M6"), and a month of the article figure's sentence is no conflict there (it is
as often the date of an event as the period of a figure), so the as-of month is read here, on the words before each figure in
its sentence: "截至/截止/到 + month + 底/末" ("截至9月末", "到6月底", "截至今年3月底"). Only the month is compared, and only when
both say one: "截至2月26日" against "截至2月19日" is a reporter's date, left as before.
"""
from __future__ import annotations

import re

from .ablation import ingredient_on

MONTH_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}
AS_OF = re.compile(r"(?:截至|截止到?|到)(?:\d{4}年|今年|去年|上年|本年)?(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?(?:底|末)")


def as_of_months(text: str) -> set[int]:
    """The months ``text`` counts a stock at: "截至9月末" → {9}, "到今年6月底" → {6}."""
    return {int(m.group(1)) if m.group(1).isdigit() else MONTH_NUMERALS[m.group(1)] for m in AS_OF.finditer(text)}


def words_before(claim, candidate) -> tuple[str, str]:
    """The words before the claim's figure in its sentence, and before the article's figure in its sentence (the sentence
    holding the figure, where the paragraph says it twice); read by ``month_scope`` too."""
    claim_before = ""
    if claim.figure is not None and claim.sentence:
        at = claim.figure.start - claim.sentence_start
        claim_before = claim.sentence[:at] if 0 <= at <= len(claim.sentence) else ""
    text = candidate.paragraph.text
    s_at = text.rfind(candidate.sentence, 0, candidate.figure.start + len(candidate.sentence)) if candidate.sentence else -1
    article_before = text[s_at:candidate.figure.start] if 0 <= s_at <= candidate.figure.start else ""
    return claim_before, article_before


def other_as_of(claim_before: str, article_before: str) -> bool:
    """Whether the claim's words before its figure count it at the end of a month the article's words before its figure do not,
    while they count it at the end of another one."""
    if not ingredient_on("as_of"):
        return False
    claim_months = as_of_months(claim_before)
    return bool(claim_months) and bool((article_months := as_of_months(article_before))) and not claim_months & article_months


def as_of_words(article_before: str) -> str | None:
    """The article's last as-of words before its figure ("截至6月底"), for what it says instead."""
    found = list(AS_OF.finditer(article_before))
    return found[-1].group(0) if found else None


def counted_at_another_month(claim, candidate) -> str | None:
    """The article's as-of words ("截至6月底") when the claim (a ``Claim``) counts its figure at the end of a month the
    article figure's sentence (a ``Candidate``'s) does not, while it counts it at the end of another one; else None.
    Read once here for the scoring (the period does not hold) and the verdict (what the article says instead)."""
    if not ingredient_on("as_of") or claim.figure is None or not AS_OF.search(claim.sentence or ""):
        return None  # (most claims say no month's end: the article's words are not read)
    claim_before, article_before = words_before(claim, candidate)
    return as_of_words(article_before) if other_as_of(claim_before, article_before) else None
