"""What a comparison question asks (``Comparison``): its two sides as worded, one ordinary question per side, the
relation asked (the winner, the difference, yes or no, the ratio) and its direction word (多, 少, 早, …).

Read by ``question_forms`` (the question), answered by ``side_figures`` (each side's figure) and ``answer`` (the verdict).
"""
from __future__ import annotations

import re
from dataclasses import dataclass


WHICH = "which"  # A和B哪个多: the winner
DIFFERENCE = "difference"  # A比B多多少, A和B相差多少: the difference
YES_NO = "yes_no"  # A比B多吗, A是不是比B多: yes or no
RATIO = "ratio"  # A是B的几倍

DIRECTIONS = "多少高低大小长短快慢早晚重轻远近先前后"
LARGER = "多高大长快晚重远"  # these want the larger value (晚: the later date); the others the smaller
DATED = "早晚先前后"
# "…增长速度，A和B谁更快", "哪个增幅大": a rate of growth asked, not the amount grown to
RATE_ASKED = re.compile(r"增速|增长速度|增长幅度|增幅|涨幅|增长率|(?:增长|增加|上涨|涨)得?(?:更|较)?快")
OPPOSITE = dict(zip("多少高低大小长短快慢早晚重轻远近", "少多低高小大短长慢快晚早轻重近远"))


@dataclass(frozen=True)
class Comparison:
    """A comparison question read: the two sides as worded, one ordinary question per side, and what is asked."""

    sides: tuple[str, str]
    side_questions: tuple[str, str]
    asks: str  # WHICH, DIFFERENCE, YES_NO or RATIO
    direction: str  # the comparative word: 多, 少, 早, … (先 is read as 早)
    unit: str = ""  # the unit a difference is asked in: "多多少人" → 人, "早几年" → 年
    measure: str = ""  # the measure both sides share, when the question names one: "城镇新增就业"
    # "X比2024年多多少": the article may state the change itself ("与2024年相比增加168万辆") rather
    # than the earlier year's figure; this asks for it, when the two sides cannot be answered
    stated_change: str | None = None
    # "A和B哪个多？多几所？": the winner and, after a second question, the difference too
    with_difference: bool = False
    # other ways to ask each side, tried in turn when it is refused: without what it borrowed from the
    # other (its place, period: "祁连县城镇新增就业" against "城中区一季度…"), and without the unit the
    # difference was asked in ("民生问题比惠民实事多几件": 172项 is no 件)
    alternatives: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # "A比B增长了几倍" asks the growth multiple (A÷B − 1: 300 against 100 增长了2倍), not the ratio "A是B的几倍"
    growth: bool = False
    # "还有多少处没整改完": what is left, the whole (side A) less the part done (side B)
    remainder: bool = False

    @property
    def dated(self) -> bool:
        return self.direction in DATED
