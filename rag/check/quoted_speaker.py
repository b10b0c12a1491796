"""Whose words a quote is: a claim giving a speaker's words to one person ("院长熊国栋说，巡诊车“就是一个会跑的卫生院”")
against the person the article names at those words.

Chinese news quotes a person in “…” and names them at the quote, right after its closing mark ("“这就是一个会跑的卫生院。”
罗坪镇卫生院院长刘志明说。", "…投产。”公司总经理叶建平告诉记者，…") or right before its opening one ("局长杨晓峰说：“…”").
The sentence splitter cuts the attribution after "。”" into a sentence of its own, where the claim's words are not: so
the quote is read with the attribution at its marks, in its paragraph.

    other_quoted_speaker(claim, hits) -> Verdict | None   # 不一致 on 名称 when the article gives the words to another
"""
from __future__ import annotations

import re
from typing import Sequence

from ..schema import Hit
from .report import CONTRADICTED, Claim

_VERBS = "说|表示|介绍|指出|认为|称|强调|告诉|坦言|回忆|感慨|笑着说"
_TITLES = ("局长|书记|所长|乡长|县长|市长|主任|负责人|院长|总经理|董事长|部长|厅长|站长|校长|经理|理事长|队长|社长|会长|主席|"
           "镇长|村长|支书|馆长|处长|科长|行长|园长|场长|厂长|总监|主管|老板|店长|医生|教授|专家")
# a title, then the name of the one saying the words (a Mongolian or Tibetan name may run to five characters: 巴音额日乐)
SPEAKER = re.compile(rf"(?:{_TITLES})(?P<name>[\u4e00-\u9fff]{{2,5}}?)(?={_VERBS})")
# characters no personal name has: what stands between a title and its verb when no name does ("主任在会上表示")
_NOT_NAME = re.compile(r"[在也还对向就又都则曾再和与给为从据了着过的是这那其该此]")
_QUOTE = re.compile(r"“([^“”]{4,})”")
_CJK = re.compile(r"[\u4e00-\u9fff\d]")
ATTRIBUTION_REACH = 25  # how far from a quote's mark its speaker is named
SAID_MIN = 0.7  # of the claim's said words (character pairs) the quote must say
SAID_PAIRS_MIN = 5  # fewer pairs than this ("“一日游”") are a term in quotes, not words said


def speakers(text: str) -> list[tuple[str, int]]:
    return [(m.group("name"), m.start("name")) for m in SPEAKER.finditer(text) if not _NOT_NAME.search(m.group("name"))]


def _pairs(text: str) -> set[str]:
    chars = "".join(_CJK.findall(text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def _said_by_claim(claim: Claim) -> tuple[str, str] | None:
    """(the speaker the claim names, the words it gives them) for a claim of the speaker's name ("…院长熊国栋说，天越冷越要…")."""
    sentence = claim.sentence or claim.text
    for m in SPEAKER.finditer(sentence):
        name = m.group("name")
        if name == claim.stated and not _NOT_NAME.search(name):
            verb = re.compile(_VERBS).match(sentence, m.end("name"))
            return name, sentence[verb.end() if verb else m.end("name"):]
    return None


def _attributed(text: str, q_start: int, q_end: int) -> tuple[str, int] | None:
    """The one speaker the article names at the quote ``text[q_start:q_end]`` (its marks included): right after its
    closing mark, in the clause that follows, else right before its opening mark."""
    after = re.split(r"[。！？!?“]", text[q_end: q_end + ATTRIBUTION_REACH + 10])[0]
    found = [(n, q_end + at) for n, at in speakers(after) if at <= ATTRIBUTION_REACH]
    if not found:
        before_start = max(0, q_start - ATTRIBUTION_REACH - 10)
        before = re.split(r"[。！？!?”]", text[before_start: q_start])[-1]
        offset = q_start - len(before)
        if re.search(r"[：:，,]?\s*$", before) and re.search(rf"(?:{_VERBS})[：:，,]?\s*$", before):
            found = [(n, offset + at) for n, at in speakers(before)]
    names = {n for n, _ in found}
    return found[-1] if len(names) == 1 else None


def other_quoted_speaker(claim: Claim, hits: Sequence[Hit]):
    """不一致 on 名称 where an article quote says the words the claim gives its speaker and the article names another
    speaker at that quote (and nowhere in that paragraph the claim's); else None."""
    from .verify import Verdict  # (verify imports this module)

    said = _said_by_claim(claim)
    if said is None:
        return None
    name, words = said
    wanted = _pairs(words)
    if len(wanted) < SAID_PAIRS_MIN:
        return None
    best = None
    for hit in hits:
        paragraph = hit.paragraph
        text = paragraph.text
        for m in _QUOTE.finditer(text):
            share = len(wanted & _pairs(m.group(1))) / len(wanted)
            if share >= SAID_MIN and (best is None or share > best[0]):
                best = (share, paragraph, m.start(), m.end())
    if best is None:
        return None
    _, paragraph, q_start, q_end = best
    speaker = _attributed(paragraph.text, q_start, q_end)
    if speaker is None or speaker[0] == name or name in paragraph.text:
        return None
    found, at = speaker
    return Verdict(CONTRADICTED, f"资料里这句话是“{found}”说的，而不是“{name}”（名称不同）。", found=found, differs="名称",
                   evidence=((paragraph, at, at + len(found)),))
