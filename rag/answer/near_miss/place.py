"""The figure's place and scope against the asked place: another place governs the figure's clause
("西宁…时限压缩30%" for 海东), or the figure's scope word (全镇, 该村) is narrower than the asked one.
"""
from __future__ import annotations

import re

from ..question import GENERIC_PLACES, QuestionAnalysis, entity_in, is_province, pos_cut
from ..settings import ablated
from ..spans import ADMIN_LEVELS
from ..synonyms import known_common_word


def _foreign_place(before: str, analysis: QuestionAnalysis) -> str | None:
    """A specific place named in the figure's clause that the question does not ask about."""
    if not analysis.entities or any(entity_in(e, before) for e in analysis.entities):
        return None
    for word, flag in pos_cut(before):
        if flag != "ns" or len(word) < 2 or word in GENERIC_PLACES or word[1:] in GENERIC_PLACES:
            continue  # "各乡镇" names no place
        # a word 词林 files only as an everyday word names no place ("新建": jieba tags it ns)
        if word[-1] not in ADMIN_LEVELS and known_common_word(word):
            continue
        if not any(entity_in(word, e) or entity_in(e, word) for e in analysis.entities):
            return word
    return None


def _governing_place(said_before: str, analysis: QuestionAnalysis) -> str | None:
    """The place a sentence is about, named before the figure in an earlier clause ("分地区看，南昌市
    新能源汽车保有量达34.5万辆，…，一季度新注册登记新能源汽车2.9万辆"): it governs the later clauses'
    figures until another place is named, so a question about another place ("赣州市…多少辆") is not
    answered by them. The last specific place named before the figure, when the question does not
    ask it and no asked place is named after it."""
    if not any(e[-1] in ADMIN_LEVELS or is_province(e) for e in analysis.entities):
        return None  # the question asks about a place ("赣州市"), not a person or an organisation
    places = [(m, w) for m, w in _places_in(said_before)]
    if not places:
        return None
    at, word = places[-1]
    if any(entity_in(e, said_before[at:]) for e in analysis.entities):
        return None
    # a scope word after it names the figure's place anew ("据西宁市团委介绍，全省注册志愿者达120万人":
    # the figure is 全省's, which the article's setting may make the asked province)
    if _SCOPE_WORD.search(said_before, at + len(word)):
        return None
    if any(entity_in(word, e) or entity_in(e, word) for e in analysis.entities):
        return None
    return word


_SCOPE_PREFIX = "全我本各当该每这那"


def reference_opening(name: str) -> bool:
    """A place-like run opening with a scope or reference character read as one (该镇, 全市, 各乡镇, 这座港区), not a
    name the tagger reads whole with that character (那林镇, 本溪市, 当阳市: the character is the name's first)."""
    if not name or name[0] not in _SCOPE_PREFIX + "此":
        return False
    if ablated("reference_names") or name[1:] in GENERIC_PLACES or all(ch in "省市县区州旗盟镇乡村" for ch in name[1:]):
        return True  # (各乡镇, 各县区: the tagger reads a whole, every one of them)
    first, flag = (pos_cut(name)[:1] or (("", ""),))[0]
    return not (len(first) >= 2 and flag in ("ns", "nr", "nz", "nt"))
# a scope word as a clause's subject ("，全省注册志愿者…", "，一季度全县…"), not inside a phrase ("居全省首位")
_SCOPE_WORD = re.compile(
    r"[，,；;：:](?:[^，,；;：:。]{0,8}?(?:年|月|日|季度|底|以来|期间))?[全我本该](?:省|市|县|区|州|旗|盟)(?!场|域)"
)


def _places_in(text: str) -> list[tuple[int, str]]:
    """(offset, word) of each specific place jieba tags in ``text`` (not generic ones, nor everyday
    words 词林 files elsewhere)."""
    found, at = [], 0
    for word, flag in pos_cut(text):
        # a named area: "南昌市", "城东区" (not "乡镇", nor an everyday word jieba tags as a place)
        if flag == "ns" and len(word) >= 3 and word[-1] in ADMIN_LEVELS and word not in GENERIC_PLACES \
                and word[0] not in _SCOPE_PREFIX and word[1:] not in GENERIC_PLACES:  # "各乡镇" names none
            found.append((at, word))
        at += len(word)
    return found


# a town, township or village an article calls its own ("该镇去年新建…"): a smaller place than a county's
# ("全乡镇", every township of a county, is no town's own figure)
_TOWN_SCOPE = re.compile(r"(?:该|全|本|我)(?:镇|乡|村|街道|社区)(?![镇乡村])")
_WIDE_LEVEL = "省市县区州旗盟"


def _narrower_scope(before: str, analysis: QuestionAnalysis) -> bool:
    """The figure's clause speaks of a town or village ("该镇去年新建…2.3万亩") and the question
    of a county, city or province ("禹阳县去年全县新建"), naming no town: a part's figure, not the whole's."""
    if ablated("narrower_scope") or not _TOWN_SCOPE.search(before) or re.search(r"镇|乡|村|街道|社区", analysis.text):
        return False
    # a county, city or province asked: said as such, or named (its level character in or right after the entity read)
    return bool(re.search(r"(?:全|该|本|我)(?:省|市|县|区)", analysis.text)) or any(
        any(c in _WIDE_LEVEL for c in (e + analysis.text[analysis.text.find(e) + len(e):][:1])[1:])
        for e in analysis.entities if e in analysis.text
    )


# the levels of a scope an article speaks of its own place by ("我市", "全县"); a nation holds provinces, a
# province cities, a city counties (自治区 is a province, so 全区 is read as no level)
_SCOPE_LEVEL = {"国": 0, "省": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "旗": 3, "镇": 4, "乡": 4, "村": 5}
_OWN_SCOPE = re.compile(r"(?:全|该|本|我)(国|省|市|州|盟|县|旗|镇|乡|村)(?![镇乡村民级委直属域内外])")


def _narrower_own_scope(said_before: str, analysis: QuestionAnalysis) -> bool:
    """The question asks a nation's or a province's figure ("全国…完成了多少投资", "全省新改建…") and the
    figure's sentence, before it, last names its own place at a lower level ("我市…完成投资6.8亿元"): the
    figure is that place's, not the wider one's."""
    if ablated("own_scope"):
        return False
    asked = [_SCOPE_LEVEL[m.group(1)] for m in _OWN_SCOPE.finditer(analysis.text)]
    said = [_SCOPE_LEVEL[m.group(1)] for m in _OWN_SCOPE.finditer(said_before)]
    return bool(asked and said) and min(asked) <= 1 and said[-1] > min(asked)
