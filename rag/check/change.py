"""由A…到B: the words of a change told from one value to another ("由2020年的93.4%提高到96.2%", "从一季度的9.8%提高至"),
one vocabulary for every reading of it the checker makes.

Five readings use these words, each for its own question, and they are not one function on purpose (each was measured
with its own window; a shared one changes verdicts):

- ``candidates._own_periods`` / ``_from_to`` — **the periods of a change's end** before a candidate is scored: the last
  由/从 of the figure's clause with a 到/至 after it (``OPENING``, ``END``), a figure at the start and none at the end, all in
  one clause (no verb needed: "由2022年的41家到2024年的73家").
- ``candidates._change_sizes`` — **how much a change came to**: two exact figures with only a verb and 到/至 between them
  (``CHANGE_BETWEEN``, which also reads 增至/减至 but not 缩短到) and a 由/从 at most 14 characters before the first
  (``CHANGE_FROM``).
- ``binding.bind_period`` — **the later time of a figure a verdict rests on**: the figure right after its verb and 到/至
  (``ENDED_BY``, which also reads 达到), a 由/从 and one year up to 30 characters back across clause marks (``FROM_YEAR``),
  and the start's own year (``OWN_YEAR``).
- ``binding.bind_role`` and ``binding.bind_from_period`` — **the to-value a from-value opens**: a 由/从 at most 8
  characters before the figure (``FROM_BEFORE``), then a verb setting a value (``SET_TO``, which also reads 上调/下调/调整
  but not 达到: "达到" is a level, no change) before the next figure (``TO_AFTER``); a claim's own "提高到…" (``CLAIM_TO``).

The verbs all readings share are ``_CHANGE_VERBS``; each adds the ones only it reads.
"""
from __future__ import annotations

import re

FROM = "[由从]"
TO = "(?:到|至)"
YEAR = r"(?:19|20)\d\d年"
# a change to a value, read by every reading ("提高到", "缩短至"); the short verbs (升, 降, 增, 减) each reading adds after
_CHANGE_VERBS = "提高|提升|增加|增长|上升|下降|减少|降低|扩大|缩小"
_LONG_VERBS = "缩短|压缩|延长"

# candidates._from_to: the start of a change, its figure, and the clause it runs to; the end after the last 到/至
OPENING = re.compile(rf"{FROM}(?=[^，,；;。：:]*?{TO}[^，,；;。：:]*$)")
END = re.compile(rf"{TO}(?P<to>[^，,；;。：:到至]*)$")

# candidates._change_sizes: only the verb and 到/至 between the two ends ("由去年同期的71.3%提高到78.6%")
CHANGE_BETWEEN = re.compile(rf"^(?:的)?(?P<verb>{_CHANGE_VERBS}|升|降|增|减)(?:了)?{TO}(?:[^，,；;。：:]{{0,12}}?的)?$")
CHANGE_FROM = re.compile(rf"{FROM}(?P<when>[^，,；;。：:由从]{{0,12}}?)(?:的)?$")

# binding.bind_period: "由2020年的93.4%提高到96.2%": the figure after 提高到 is the later one
ENDED_BY = re.compile(rf"(?:{_CHANGE_VERBS}|{_LONG_VERBS}|达|升|降){TO}$")
FROM_YEAR = re.compile(rf"{FROM}({YEAR})")
OWN_YEAR = re.compile(rf"{FROM}({YEAR})的?$")

# binding.bind_role: "由每人每月148元提高到168元": a from-value, its to-value after the verb
SET_TO = rf"(?:{_CHANGE_VERBS}|上调|下调|{_LONG_VERBS}|调整|增|降){TO}了?[^\d，,；;。]{{0,6}}"
CLAIM_TO = re.compile(rf"{SET_TO}$")
FROM_BEFORE = re.compile(rf"{FROM}[^\d，,；;。由从]{{0,8}}$")
TO_AFTER = re.compile(rf"^[^\d，,；;。]{{0,6}}?{SET_TO}")
