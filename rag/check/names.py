"""Names in a slot: who holds a role, which organisation did something, which item ranks first.

A claim may be right in every word but one name, and the article says that name in a slot the claim's other words
fix exactly. This module reads three such slots in the article paragraphs retrieved for the claim:

- **A person by role**: "码头操作部经理林国建" — the role (its words before the name, ending in a title such as
  经理, 主任, 师傅) is said in the article followed by another person ("码头操作部经理林建国") → 不一致 on 名称,
  ``found`` the article's person.
- **An organisation doing something**: "攀枝花市中西医结合医院老年医学中心正式投入使用" — the words after the name
  (four characters or more) are said in the article after another name of the same kind (ending as it does:
  "攀枝花市中心医院") → 不一致 on 名称.
- **The first-ranked item**: "排名第一的是日本", "金枪鱼是第一大品类", "餐饮消费占比最高" — the article sentence that
  ranks the items and names the claim's one ("美国、沙特阿拉伯和日本位居前三", "排名前三的省份依次为陕西、山西和河北",
  "鱿鱼运回量…仍是第一大品类", "住宿、餐饮和医疗康复消费分别占34%、27%和16%") puts another one first → 不一致 on 名称.

Only a contradiction is concluded, and only where the claim's name is not said in the paragraph at all (a person or
organisation) or is said in the ranking sentence in another place than first: the same name in the slot, or no such
slot, leaves the verdict as it is. ``RAG_CHECK_ABLATE=name_slot`` / ``first_ranked`` switch the parts off.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Sequence

import jieba
import jieba.posseg

from ..schema import Hit, Paragraph
from .ablation import ingredient_on
from .measure import measure_words, share_present_heads
from .report import CONTRADICTED, Claim

if TYPE_CHECKING:
    from .candidates import ContextOf
    from .verify import Verdict

# titles a person is named after ("经理林建国", "把桩师傅余和平")
_TITLE = re.compile(r"(?:董事长|总经理|经理|总监|主任|局长|处长|科长|所长|站长|院长|校长|馆长|队长|部长|组长|社长|会长|理事长|秘书长|"
                    r"书记|主席|村长|镇长|县长|区长|市长|厂长|负责人|师傅|传承人|教授|研究员|工程师|技术员|医生|医师|护士长|讲解员|老师|民警|船长)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# characters that end a name rather than continue it: what follows a person's name in a news sentence
_AFTER_NAME = set("今已在的是和与等说表介告称指认向带正也还对从将曾则就都为所被把让给")
_CLAUSE_MARK = re.compile(r"[，,。；;：:、！？!?“”\"（）()《》\s]")
_ORG_END = re.compile(r"(?:医院|法院|检察院|研究院|研究所|公司|集团|银行|大学|学院|学校|中学|小学|博物馆|图书馆|协会|商会|合作社|工厂|管理局|管理处|中心)")

# the claim's first-ranked item: "排名第一的是X", "X是第一大品类", "X占比最高"
_RANK_ONE = re.compile(r"排名第一|排第一|位居第一|位列第一|居第一|位居首位|居首位|居首|排在首位|第一大|占比最高|比重最高|份额最高|占比最大|比重最大")
_COPULA_AFTER = re.compile(r"^(?:的是|的为|的|是|为)")
_COPULA_BEFORE = re.compile(r"(?:仍然是|仍是|依然是|还是|也是|是|为|成为|的)$")
# the article's ranking: an ordered list after 依次为, a list before 位居前三, a subject of 第一大 / 居首
_IN_ORDER = re.compile(r"(?:依次为|依次是|分别为|分别是|依次)")
_TOP_N = re.compile(r"(?:位居|位列|排名|居|排在|列)前[二两三四五六七八九十\d]+")
_ITEM_SPLIT = re.compile(r"[、，,]|和|及|与|以及")
_RESPECTIVE = re.compile(r"分别(?:占|为|是|达|达到)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")
_LEAD_WORDS = re.compile(r"^(?:其中|此外|另外|同时|而|其次|首先|今年|去年|目前)")
_ITEM_TAIL = re.compile(r"(?:运回量|出口额|进口额|销售额|产量|占比|消费|的)$")


def _verdict(found: str, stated: str, paragraph: Paragraph, start: int, end: int, what: str) -> "Verdict":
    from .verify import Verdict  # (verify imports whole_claim, which imports this module)
    return Verdict(CONTRADICTED, f"资料写的是“{found}”{what}，而不是“{stated}”（名称不同）。", found=found, differs="名称",
                   evidence=((paragraph, start, end),))


def _person_at(text: str, at: int) -> str:
    """The person's name that starts at ``text[at]``: two or three characters, fewer when the third ends it."""
    name = ""
    for ch in text[at:at + 3]:
        if not _CJK.match(ch) or (len(name) >= 2 and ch in _AFTER_NAME):
            break
        name += ch
    return name if len(name) >= 2 else ""


_FUNCTION_CHARS = re.compile(r"[\d\s]|[在从于对向与和把被将了的由经]|年|月|日|率先")
_POINTER = re.compile(r"^(?:该|这|此|其|本)")


def _noun_phrase(text: str) -> str:
    """The name at the end of ``text``: what follows its last digit or function word ("出席了第二实验中学" → "第二实验中学")."""
    cut = max((m.end() for m in _FUNCTION_CHARS.finditer(text)), default=0)
    return text[cut:]


def _looks_like_person(name: str) -> bool:
    """A surname and given name, not a word of the language ("一刻"): its first word is a name or a single character."""
    first = next(iter(jieba.posseg.lcut(name)), None)
    if first is None:
        return False
    if len(first.word) == 1:  # a surname, not a verb, preposition or pointer ("到江苏代表团")
        return first.flag[:1] not in ("v", "p", "c", "u", "d", "f") and first.word not in _AFTER_NAME and first.word not in "该这此其本各每"
    return first.flag.startswith("nr")


def _paragraphs(hits: Sequence[Hit]) -> list[Paragraph]:
    seen, out = set(), []
    for hit in hits:
        key = id(hit.paragraph)
        if key not in seen:
            seen.add(key)
            out.append(hit.paragraph)
    return out


def person_by_role(claim: Claim, hits: Sequence[Hit], context_of: "ContextOf") -> "Verdict | None":
    """Another person after the claim's role in the article ("操作部经理林建国" for "操作部经理林国建")."""
    sentence = claim.sentence
    for title in _TITLE.finditer(sentence):
        name = _person_at(sentence, title.end())
        if not name or not _looks_like_person(name):
            continue  # "总书记参加…": no person after the title
        clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, title.start())), default=0)
        role = sentence[clause_start:title.end()]
        role = role[role.rfind("的") + 1:]  # "61岁的把桩师傅": the role is what comes after 的
        if any(role[-2:] + name in paragraph.text for paragraph in _paragraphs(hits)):
            return None  # the article says the claim's person in the role
        for paragraph in _paragraphs(hits):
            text = paragraph.text
            if name in context_of(paragraph):
                continue  # the claim's person is this paragraph's (a role may be said of several)
            # the longest end of the claim's role the article says, four characters or more (the title and two before it)
            for n in range(len(role), max(len(title.group()) + 2, 4) - 1, -1):
                found = [m.end() for m in re.finditer(re.escape(role[-n:]), text)]
                for after in found:
                    theirs = _person_at(text, after)
                    if theirs and theirs[:2] != name[:2] and not _TITLE.match(text, after) and _looks_like_person(theirs):
                        return _verdict(role[-n:] + theirs, role[-n:] + name, paragraph, after - n, after + len(theirs), "")
                if found:
                    break
    return None


def organisation_doing(claim: Claim, hits: Sequence[Hit], context_of: "ContextOf") -> "Verdict | None":
    """Another organisation before the claim's words after its one ("攀枝花市中心医院老年医学中心正式投入使用")."""
    sentence = claim.sentence
    for end in _ORG_END.finditer(sentence):
        clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, end.start())), default=0)
        name = _noun_phrase(sentence[clause_start:end.end()])
        rest_end = _CLAUSE_MARK.search(sentence, end.end())
        rest = sentence[end.end(): rest_end.start() if rest_end else len(sentence)]
        if len(name) < 4 or len(rest) < 4 or _POINTER.match(name) or not _CJK.match(rest):
            continue  # "这家医院…" points back; "…医院2023年6月…": a date, not what it did
        rest = rest[:10]
        if any(name + rest[:4] in paragraph.text for paragraph in _paragraphs(hits)):
            return None  # the article says the claim's organisation doing it
        for paragraph in _paragraphs(hits):
            text = paragraph.text
            if name in context_of(paragraph):
                continue  # the claim's organisation is this paragraph's
            at = text.find(rest)
            if at < 0:
                continue
            start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, at)), default=0)
            start = max(start, at - len(name) - 6)
            theirs = _noun_phrase(text[start:at])
            if theirs in name or name in theirs or _POINTER.match(theirs):
                continue  # the same organisation written shorter or longer, or "该公司"
            if len(theirs) >= 3 and theirs[-1] == name[-1] and theirs != name and _ORG_END.search(theirs):
                return _verdict(theirs, name, paragraph, start, at, rest)
    return None


def _claimed_first(sentence: str) -> tuple[str, str] | None:
    """The item the claim ranks first and the ranking's words: ("日本", "排名第一"), ("金枪鱼", "第一大")."""
    rank = _RANK_ONE.search(sentence)
    if rank is None:
        return None
    after = sentence[rank.end():]
    copula = _COPULA_AFTER.match(after)
    if copula:
        stop = _CLAUSE_MARK.search(after, copula.end())
        item = after[copula.end(): stop.start() if stop else len(after)]
        item = item[item.rfind("是") + 1:] if copula.group() == "的" else item  # "排名第一的目的港是釜山"
        if rank.group() != "第一大" and 2 <= len(item) <= 8:
            return item, rank.group()
    clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, rank.start())), default=0)
    item = _COPULA_BEFORE.sub("", sentence[clause_start:rank.start()])
    item = _LEAD_WORDS.sub("", item)
    if re.match(r"[在从于对按据]", item) or re.search(r"[中里内间]$", item):
        return None  # "在全市各乡镇中位列第一": a scope, the ranked one is named before it
    return (item, rank.group()) if 2 <= len(item) <= 8 else None


def _items(text: str) -> list[str]:
    return [i.strip() for i in _ITEM_SPLIT.split(text) if i.strip()]


def _same_item(a: str, b: str) -> bool:
    a, b = _ITEM_TAIL.sub("", a) or a, _ITEM_TAIL.sub("", b) or b
    return a in b or b in a


def _first_in(sentence: str, item: str) -> tuple[str, int] | None:
    """The item the article sentence puts first, with where it starts, where the sentence ranks items and names ``item``."""
    order = _IN_ORDER.search(sentence)
    if order and _TOP_N.search(sentence[:order.start()]) or order and "第一" in sentence[:order.start()]:
        stop = re.search(r"[，,。；;]", sentence[order.end():])
        items = _items(sentence[order.end(): order.end() + stop.start() if stop else len(sentence)])
        if items:
            return items[0], sentence.find(items[0], order.end())
    top = _TOP_N.search(sentence)
    if top:
        start = max((m.end() for m in re.finditer(r"[，,。；;：:]", sentence[:top.start()])), default=0)
        items = _items(sentence[start:top.start()])
        if len(items) >= 2:
            return items[0], sentence.find(items[0], start)
    respective = _RESPECTIVE.search(sentence)
    if respective:
        start = max((m.end() for m in re.finditer(r"[，,。；;：:]", sentence[:respective.start()])), default=0)
        items = _items(_LEAD_WORDS.sub("", sentence[start:respective.start()]))
        stop = re.search(r"[，,。；;]", sentence[respective.end():])
        values = [Decimal(v) for v in _PERCENT.findall(sentence[respective.end(): respective.end() + stop.start() if stop else len(sentence)])]
        if len(items) >= 2 and len(values) == len(items):
            first = items[values.index(max(values))]
            return first, sentence.find(first, start)
    one = _RANK_ONE.search(sentence)
    if one:
        # the subject of the ranking: the first item of the clauses before it, up to the sentence's start
        start = max((m.end() for m in re.finditer(r"[。；;：:]", sentence[:one.start()])), default=0)
        pieces = [_LEAD_WORDS.sub("", p.strip()) for p in re.split(r"[，,]", sentence[start:one.start()])]
        head = re.match(r"[\u4e00-\u9fff]{2,}(?=\d)", next((p for p in pieces if p), ""))
        word = next((w for w in jieba.lcut(head.group()) if len(w) >= 2), None) if head else None
        if word:
            return word, sentence.find(word, start)
    return None


def first_ranked(claim: Claim, hits: Sequence[Hit], context_of: "ContextOf") -> "Verdict | None":
    """Another item first in the article sentence that ranks the claim's items ("美国、沙特阿拉伯和日本位居前三")."""
    claimed = _claimed_first(claim.sentence)
    if claimed is None:
        return None
    item, rank = claimed
    frame = measure_words(claim.sentence.replace(item, " ").replace(rank, " "), claim.places)
    best = None
    for paragraph in _paragraphs(hits):
        text = paragraph.text
        for stop in re.finditer(r"[^。！？!?]+[。！？!?]?", text):  # whole sentences: a ranking may run past "；"
            s_start, s_end = stop.start(), stop.end()
            sentence = text[s_start:s_end]
            if _ITEM_TAIL.sub("", item) not in sentence and item not in sentence:
                continue
            first = _first_in(sentence, item)
            if first is None:
                continue
            said = share_present_heads(frame, context_of(paragraph)) if frame else 0.0
            if best is None or said > best[0]:
                best = (said, paragraph, s_start, first)
    if best is None or best[0] < 0.5:
        return None
    _, paragraph, s_start, (theirs, at) = best
    if _same_item(theirs, item):
        return None
    start = s_start + max(at, 0)
    return _verdict(theirs, item, paragraph, start, start + len(theirs), "排在第一")


def other_in_slot(claim: Claim, hits: Sequence[Hit], context_of: "ContextOf", ranked_only: bool = False) -> "Verdict | None":
    """A 不一致 where the article names another person, organisation or first item in the claim's slot, else None
    (``ranked_only``: the first item only, the slot most exactly told)."""
    if not hits:
        return None
    if ranked_only:
        return first_ranked(claim, hits, context_of) if ingredient_on("first_ranked") else None
    if ingredient_on("first_ranked"):
        ranked = first_ranked(claim, hits, context_of)
        if ranked is not None:
            return ranked
    if ingredient_on("name_slot"):
        return person_by_role(claim, hits, context_of) or organisation_doing(claim, hits, context_of)
    return None
