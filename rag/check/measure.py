"""What a figure measures, as comparable pieces: the words around it without anchors, filler or direction.

Both the draft and the articles are read with these, so "城中区一季度城镇新增就业" and "截至目前，城镇新增就业"
reduce to the same measure, and "较去年增长" keeps only its direction.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from .ablation import ingredient_on

UP = ("增长", "增加", "提高", "提升", "上升", "扩大", "增至", "升至", "上涨", "多出", "增幅", "加大", "上调", "回升", "攀升",
      "走高", "涨幅", "翻番", "增到", "升到", "涨到", "高出", "延长", "拉长", "增多", "增大", "升高", "上浮", "增强", "扩容", "加快", "提速", "抬升")
# "负增长" is read before "增长": a word of DOWN is looked for first
DOWN = ("负增长", "下降", "减少", "降低", "下滑", "压缩", "缩短", "减至", "降至", "回落", "缩减", "下跌", "降幅", "压减", "削减", "缩小",
        "锐减", "骤降", "萎缩", "下调", "缩水", "收窄", "走低", "减幅", "跌幅", "减小", "下浮", "减弱", "放缓", "减慢",
        "降速", "压降", "收缩", "降到", "减到", "跌到")
# a one-character direction verb right before its figure: "同比增3.2%", "比去年降了37%", "较上年少7个"
# (a label has a space where its figure stood; 至少/不少/最多 are qualifiers of the figure, not directions)
# (新增 is a level, "新增就业2047人"; 多达/较多 say how many, not which way)
_VERB_BEFORE_FIGURE = re.compile(r"(?<![至不最许很新较])(?P<verb>[增涨升降减跌少]|多(?!达))了?(?:达到|达|至|到)?\s")
# "比上年多打了11.4公斤", "较去年少用了3吨": 比/较 X 多/少 + a verb of one character + 了 before the figure is how much more or
# less was done than X, a change (the verb between tells what was done: 打 of 打粮, 用 of 用水)
_COMPARED_MORE = re.compile(r"(?:比|较)[^，,；;。：:\s]{1,8}?(?P<verb>[多少])[\u4e00-\u9fff]了\s")
# "比去年同期多补0.35亿立方米", "比去年多招1300人": the same without 了 (switch ``compared_more_bare``; never 多达, 最多, 至少, 不少)
_COMPARED_MORE_BARE = re.compile(r"(?:比|较)[^，,；;。：:\s]{1,8}?(?<![至不最许很较])(?P<verb>[多少])(?!达)[\u4e00-\u9fff]\s")
# "比去年同期每斤高0.4元左右", "较上年低2个百分点": 比/较 X 高/低 before the figure is how much higher or lower than X, a change
# (高于/低于 before a figure are its qualifiers, read by rag.check.figures, not here)
_COMPARED_HIGHER = re.compile(r"(?:比|较)[^，,；;。：:\s]{1,10}?(?P<verb>[高低])了?\s")
# How much more or less than a base a figure is, told by the verb right before it after 比/较 and the base (rag.check switch
# ``compared_by``): "比上年末新增了14家" (新增 alone is a level, "新增就业2047人"), "超出计划515人", "超过计划15%" (超过 right before
# its figure is a qualifier, "超过1000人", read by rag.check.figures; before a base and no 的 it says by how much the figure passes it)
_COMPARED_NEW = re.compile(r"(?:比|较)[^，,；;。：:\s]{1,8}?新(?P<verb>增)了?\s")
_EXCEEDS_BASE = re.compile(r"(?P<verb>超)(?:出|过)了?(?P<base>[^\s，,；;。：:的了\d]{1,8})\s")
# the verb of a comparison right before its figure ("比上个供暖季多了 ", "比计划多出 ") says which way, not what is measured: not a
# measure word (jieba reads "供暖季多了" as one word); nor is 超出/超过 before the base it passes ("超出计划 ")
_COMPARED_VERB = re.compile(r"(?P<keep>(?:比|较)[^，,；;。：:\s]{1,10}?)(?:多出|多了|高出|高了|少了|低了|[多少高低])(?=\s)")
_DOUBLED_VERB = re.compile(r"(?P<verb>翻)了?\s")
_VERB_DIRECTION = {"翻": "up", "超": "up", "高": "up", "低": "down", "增": "up", "涨": "up", "升": "up", "多": "up", "降": "down", "减": "down", "跌": "down", "少": "down"}
# Words that turn a figure into another measure: a target is not a result.
MODALITY = ("目标", "计划", "预计", "预期", "力争", "任务")
# Words that say nothing about what is measured: "共有", "累计", "达到"... (single characters such as
# 达/为/将 are not removed here, where they would cut words like "小将"; jieba's words drop them)
FILLER = re.compile(
    r"截至目前|截至|今年以来|近年来|目前|其中|累计|共计|共有|总计|合计|达到|实现了|已经|"
    r"已有|现有|全年|同比|环比|(?:较|比|与)?(?:去年|上年|上一年|前一年|上月|上季度)(?:底|末|同期)?(?:相比)?|相比|相较|全部|总量|数量|规模|当前|一共|总共"
)
_PERIOD_WORDS = re.compile(r"(?:19|20)\d{2}年度?|第?[一二三四首1-4]季度?|[上下]半年|前三季度")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_SINGLE_KEPT = "在于从对向和与及等比较同占已共达为有约的了是将增涨升多降减跌少至到由"  # …and one-character directions ("比2024年多")


def direction(text: str) -> str | None:
    """"up" for 增长/增加/提高…, "down" for 下降/减少/压缩…, None when the text states no direction."""
    word = direction_word(text)
    if word is None:
        return None
    if word in DOWN:
        return "down"
    if word in UP:
        return "up"
    return _VERB_DIRECTION[word[0]]


def direction_word(text: str) -> str | None:
    """The word that says which way a figure went: one of DOWN / UP, else a one-character verb right before
    the figure ("增" of "同比增3.2%")."""
    for word in (*DOWN, *UP):
        if word in text:
            return word
    verb = _VERB_BEFORE_FIGURE.search(text)
    if verb is None and ingredient_on("double_words"):
        verb = _DOUBLED_VERB.search(text)  # "比2023年翻了 " (its figure "一番", rag.check.figures)
    if verb is None and ingredient_on("compared_more"):
        verb = _COMPARED_MORE.search(text)
    if verb is None and ingredient_on("compared_more_bare"):
        verb = _COMPARED_MORE_BARE.search(text)
    if verb is None and ingredient_on("compared_higher"):
        verb = _COMPARED_HIGHER.search(text)
    if verb is None and ingredient_on("compared_by"):
        verb = _COMPARED_NEW.search(text) or _EXCEEDS_BASE.search(text)
    return verb.group("verb") if verb else None


def level_reached(text: str) -> bool:
    """Whether the direction word is one of a level reached ("提升至98%", "降到 "), not of a change."""
    word = direction_word(text)
    return word is not None and (word.endswith(("至", "到")) or re.search(re.escape(word) + r"了?[至到]", text) is not None)


_NUMERAL_CHAR = re.compile("[〇零一二两三四五六七八九十百千半番]")
_QUOTED_NAME = re.compile(r"[“《][^”》]{1,30}[”》]")


@lru_cache(maxsize=8192)
def numerals_blanked(label: str) -> str:
    """``label`` with every figure written in words ("两千四百多名", "四百一十余家", "九成", "一半以上", "翻了一番") blanked, as
    a figure in digits is no word of it: a reporter writes the article's "2400余名" as "两千四百多名", and "两千", "一百多" or
    "九成" are then no words the article must say (switch ``numeral_words``; ranks, "第一", and dates stay)."""
    if not _NUMERAL_CHAR.search(label) or not ingredient_on("numeral_words"):
        return label
    from .figures import RANK_UNIT, find_figures  # (figures reads no measure: no cycle)

    quoted = [m.span() for m in _QUOTED_NAME.finditer(label)]  # "“百村绿化”行动": a figure inside a quoted name is the name's
    for figure in reversed(find_figures(label)):
        if any(start < figure.end and figure.start < end for start, end in quoted):
            continue
        if figure.kind == "figure" and figure.unit != RANK_UNIT and _NUMERAL_CHAR.search(figure.written):
            label = label[:figure.start] + " " + label[figure.end:]
    return label


def measure_text(label: str, drop: Sequence[str] = ()) -> str:
    """The label without the given anchors, periods, filler and direction words (spaces where they stood), and without
    its figures written in words (``numerals_blanked``)."""
    label = numerals_blanked(label)
    for word in sorted(drop, key=len, reverse=True):
        label = label.replace(word, " ")
    if ingredient_on("compared_by"):
        label = _COMPARED_VERB.sub(lambda m: m.group("keep") + " ", label)
        label = _EXCEEDS_BASE.sub(lambda m: " " + m.group("base") + " ", label)
    label = _PERIOD_WORDS.sub(" ", label)
    label = FILLER.sub(" ", label)
    for word in sorted((*UP, *DOWN), key=len, reverse=True):
        label = label.replace(word, " ")
    return label


def measure_bigrams(label: str, drop: Sequence[str] = ()) -> set[str]:
    """Character bigrams of the Chinese runs of a label's measure (single characters count alone)."""
    runs = _CJK_RUN.findall(measure_text(label, drop))
    return {run[i:i + 2] for run in runs for i in range(len(run) - 1)} | {
        run for run in runs if len(run) == 1 and run not in _SINGLE_KEPT
    }


def says_what(label: str) -> bool:
    """Whether a label names a measure at all ("较去年增长" does not: it leans on the figure before it)."""
    return len(measure_bigrams(label)) >= 1 and bool(_CJK_RUN.search(measure_text(label).replace("人", "")))


_LABEL_FILLER_WORDS = frozenset("本次 本届 此次 这次 该项 上述 分别 "  # which one of them: the draft's and the article's differ
                                "届时 现在 上午 下午 晚上 当天 当日 中旬 上旬 下旬 年底 年初 以及 成功 累计 实现 达到 共有 共计 总计 合计 已经 目前 其中 全年 同比 环比 去年 上年 同期 今年 以来 截至 当前 一共 总共 数量 人数 规模 总量 开展 进行 相比 相较 比例 情况 方面 工作 我们 通过".split())


# words that point back to a subject named before ("该县", "该企业", "上述平台", "这届"): the claim's anchors stand for it
_REFERRING_WORD = re.compile(r"(?:该|上述|此|这)[\u4e00-\u9fff]{0,4}$")
_POINTERS = frozenset(("该", "上述", "此", "这", "这一", "这个", "这些", "该项"))


# What a label is read for at most (as the encoder reads 1,024 characters): a run-on sentence of hundreds of
# dates is every date's label, and reading it whole for each of them made a draft's check quadratic in its length
MAX_LABEL_CHARS = 1024


@lru_cache(maxsize=8192)
def _cut_run(run: str) -> tuple[tuple[str, str], ...]:
    """jieba's (word, flag) of one Chinese run, cut once (the runs of a draft and its articles repeat)."""
    import jieba.posseg

    return tuple((w.word, w.flag) for w in jieba.posseg.cut(run))


def _tagged_words(label: str, drop: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return _tagged_label(label[:MAX_LABEL_CHARS], tuple(drop))


@lru_cache(maxsize=4096)
def _tagged_label(label: str, drop: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    for place in sorted(drop, key=len, reverse=True):
        label = label.replace(place, " ")
    words = []
    for run in _CJK_RUN.findall(measure_text(label)):
        pointed = False  # the noun after "这一"/"上述"/"该" names what was named before ("这一平台"): the anchors stand for it
        for word, flag in _cut_run(run):
            if _REFERRING_WORD.match(word) or word in _POINTERS:
                pointed = word in _POINTERS or len(word) <= 2 and word[-1] in "一个些"
                continue
            if pointed and word in ("一", "个", "些"):  # "这" + "一" + "平台"
                continue
            if pointed and flag[0] == "n":
                pointed = False
                continue
            pointed = False
            if len(word) >= 2 and word not in _LABEL_FILLER_WORDS and not any(word in d for d in drop):
                words.append((word, flag))
    return tuple(words)


def measure_words(label: str, drop: Sequence[str] = ()) -> tuple[str, ...]:
    """The words (two characters or more, cut by jieba) that say what a figure measures; words inside
    one of ``drop`` (the places a claim is anchored to) are left out."""
    return tuple(dict.fromkeys(w for w, _ in _tagged_words(label, drop)))


def key_words(label: str, drop: Sequence[str] = ()) -> tuple[str, ...]:
    """The nouns among ``measure_words``: what is counted ("岗位", "小将"), not what was done ("参赛")."""
    return tuple(dict.fromkeys(w for w, flag in _tagged_words(label, drop) if flag[0] in "nj" or flag in ("vn", "l", "i")))


def share_present_heads(words: Sequence[str], text: str) -> float:
    """As ``share_present``, a compound of four characters or more also counting when its head (its last
    two characters: Chinese compounds end in what they are) stands in ``text``: "办事效率" by "效率"."""
    return sum(1 for w in words if w in text or (len(w) >= 4 and w[-2:] in text)) / len(words) if words else 0.0


def modality(text: str) -> frozenset[str]:
    return frozenset(word for word in MODALITY if word in text)


def share_present(words: Sequence[str], text: str) -> float:
    """Share of ``words`` that occur in ``text`` (0 for no words)."""
    return sum(1 for w in words if w in text) / len(words) if words else 0.0
