"""A stock asked, a flow given: "湟源县一共有多少个行政村" asks how many there are, and "抽调316名干部深入9个乡镇146个
行政村" counts the villages the cadres went to; "石门村一共有多少户村民" is not answered by "带动86户村民在家门口就业",
nor "现在一共有多少名在编教师" by "公开招聘教师128名". A question whose only verb is 有 (一共有, 现在有, 有多少…) asks
how many exist; a figure its clause makes the object of another action (a verb right before it that the question does
not say, and no verb of being, having or reaching) counts those the action touched.
"""
from __future__ import annotations

import re

from ..question import QuestionAnalysis, pos_cut
from ..settings import ablated

# "一共有多少个", "现在有几名", "拥有多少": the question's 有, right before its wh-word
_HAVE_ASKED = re.compile(r"(?:有|拥有)(?:多少|几)")
# the verbs of being, having or reaching a number: a stock said ("共有…10所", "保有量达4397万辆", "增至一百五十余条")
_STOCK_VERBS = re.compile(r"^(?:有|共有|拥有|现有|建有|设有|达|达到|达至|增至|增加到|增长到|突破|超过|超|为|是|计|共计|合计|总计|累计|保有|在册|在编|约|近)$")

# a clause counting up to now: what has been done by a date is what there is then
_AS_OF = re.compile(r"已|目前|现在|截至|截止|累计|至今|总数|共")


# a count of events ("一共有多少人次", "多少架次", "几个班次"): visits, flights or runs over a time, never what there is
_EVENTS_COUNTED = re.compile(r"(?:万|千|百|亿)*(?:人次|架次|班次|车次|航次|批次|频次)")


def _stock_asked(analysis: QuestionAnalysis) -> bool:
    """The question asks how many there are: 有 right before its wh-word, no other verb before it, and it ends in
    the counted noun ("城中区今年一共有多少名高校毕业生？"), not in a verb ("有多少人报名")."""
    text = analysis.text.rstrip("？?。！! ")
    m = _HAVE_ASKED.search(text)
    if not m or (_EVENTS_COUNTED.match(text[m.end():]) and not ablated("events_counted")):
        return False
    head = pos_cut(text[:m.start()])
    if any(flag == "v" and word not in ("有", "现有", "拥有") for word, flag in head):
        return False
    tail = pos_cut(text[m.end():])
    if not tail or tail[-1][1][:1] != "n":
        return False
    # a verb of the tail only as the counted noun's modifier ("多少名在编教师"), not an action asked ("多少家单位确定…")
    return not any(flag == "v" and (i != len(tail) - 2 or len(word) < 2) for i, (word, flag) in enumerate(tail))


def _predicate_after(after: str, analysis: QuestionAnalysis) -> bool:
    """The question's last word, when another noun comes before it ("多少名运动员参赛": 参赛), is said after the figure
    in its clause ("316名运动员参赛"): the figure is the subject of what is asked, not the object of another action."""
    m = _HAVE_ASKED.search(analysis.text)
    tail = [(w, f) for w, f in pos_cut(analysis.text[m.end():].rstrip("？?。！! "))] if m else []
    nouns = [w for w, f in tail if f[:1] == "n"]
    return len(nouns) >= 2 and len(nouns[-1]) >= 2 and nouns[-1] in re.split(r"[，,；;。]", after)[0]


def flow_for_stock(before: str, after: str, analysis: QuestionAnalysis) -> bool:
    """Whether the figure (its sentence up to it: ``before``; after it: ``after``) is the object of an action the question does not say,
    when the question asks how many there are."""
    if not _stock_asked(analysis):
        return False
    clause = re.split(r"[，,；;：:。]", before)[-1]
    if _AS_OF.search(clause) or _predicate_after(after, analysis):  # "已建成…22处", "目前入驻商户186家": what has been done by now is what there is
        return False
    verbs = [w for w, flag in pos_cut(clause) if flag == "v"]
    if not verbs:
        return False
    verb = verbs[-1]
    return len(verb) >= 2 and not _STOCK_VERBS.match(verb) and verb not in analysis.text


# a flow asked: what is new in the period ("新增了多少架", "新建", "新开", "新装", "新注册")
_FLOW_ASKED = re.compile(r"新(?:增|建|开|装|注册|添|上)")
# a stock said: how many there are ("保有量达到2650架", "现有…236台", "共有烧烤门店726家", "总数达到")
_STOCK_SAID = re.compile(r"保有量|现有|共有|总数|总量|拥有")


# a word of adding that opens with 新, whatever the tagger makes of it (新建 ns, 新开工 nz)
_FLOW_WORD = re.compile(r"新(?:增|建|开|装|注册|添|上|登记|签|设|招|入|投|产|办|种|造|改|购|领|发|引|落)")


def _new_said(clause: str) -> bool:
    """Whether ``clause`` says something new: 新 alone ("新注册登记", "新上牌") or opening a verb or a word of adding
    ("新增", "新建", "新开工"); with switch ``new_kind_word`` not 新 opening a word that names a kind or a place
    ("新能源汽车保有量", "新型储能", "新兴产业", "新疆", "新区"), which is no flow: "全国新能源汽车保有量达4397万辆" is a stock."""
    if "新" not in clause:
        return False
    if ablated("new_kind_word"):
        return True
    return any(word == "新" or (word.startswith("新") and (flag.startswith("v") or _FLOW_WORD.match(word)))
               for word, flag in pos_cut(clause))


def stock_for_flow(clause: str, analysis: QuestionAnalysis) -> bool:
    """Whether the figure's clause says a stock ("全市植保无人机保有量达到2650架") and nothing new ("新"), when the
    question asks a flow ("全市今年新增了多少架植保无人机"): how many there are is not how many were added."""
    return bool(_FLOW_ASKED.search(analysis.text)) and bool(_STOCK_SAID.search(clause)) and not _new_said(clause)


def stock_said(sentence: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` of ``sentence`` is a stock by its own clause ("，总数达到79家", "现有…236台")."""
    left = max((m.end() for m in re.finditer(r"[，,；;。！？!?]", sentence[:start])), default=0)
    return bool(_STOCK_SAID.search(sentence[left:end]))
