"""Readings of Chinese text shared by the ingest and answer stages: jieba's part-of-speech cut,
the province names, and years that are only a comparison's baseline.

``rag.setting`` (an ingest stage) reads an article's places with these, and so does the answer
stage (``rag.answer.question``); both import them from here, so data flows one way: ingest
never imports the answer stage.
"""
from __future__ import annotations

import functools
import re
import threading

import jieba
import jieba.posseg

from .tokenize import new_jieba_tokenizer

# the administrative levels below a province, by the suffix a place name ends in (大理州, 大理市, 阿勒泰地区)
LOCAL_LEVELS = ("市", "州", "盟", "地区", "县", "区", "旗")

PROVINCE_NAMES = frozenset(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
    "海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split()
)


def is_province(entity: str) -> bool:
    core = entity[:-1] if entity.endswith("省") else entity
    return core in PROVINCE_NAMES or entity.endswith("省")


# a county, banner or city named short (芷江县, 威宁县) as its core and level, written in full with the minorities it is
# the autonomous place of (芷江侗族自治县, 威宁彝族回族苗族自治县) or their 自治 alone (威宁自治县)
_AUTONOMOUS_INFIX = r"(?:[\u4e00-\u9fff]{1,6}?族)*自治"


def autonomous_form(short: str, text: str) -> int | None:
    """Where ``text`` opens with the full autonomous form of the place ``short`` names by its core and level (芷江县:
    "芷江侗族自治县…"), that form's length; else None. The core has two characters at least and the level is one of
    县/旗/市/区/州, the levels an autonomous place has."""
    if len(short) < 3 or short[-1] not in "县旗市区州":
        return None
    m = re.match(re.escape(short[:-1]) + _AUTONOMOUS_INFIX + re.escape(short[-1]), text)
    return m.end() if m else None


@functools.lru_cache(maxsize=1024)
def dictionary_place(short: str) -> bool:
    """Whether jieba's dictionary holds the local place ``short`` (临夏州), as written or in its full autonomous form
    (黄南州: 黄南藏族自治州)."""
    if in_dictionary(short):
        return True
    if len(short) < 3:
        return False
    tokenizer = pos_tokenizer().tokenizer
    tokenizer.check_initialized()
    freq = tokenizer.FREQ
    return any(
        word.startswith(short[:-1]) and word.endswith(short[-1]) and autonomous_form(short, word) == len(word) and count
        for word, count in freq.items()
    )


# --- the jieba instance, built on first use --------------------------------------
_tokenizer_lock = threading.Lock()
_pos_tokenizer: jieba.posseg.POSTokenizer | None = None


def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """Our own jieba part-of-speech tokenizer (not the BM25 one: that one carries a
    corpus user dictionary whose tags we do not control). Built once, lazily."""
    global _pos_tokenizer
    if _pos_tokenizer is None:
        with _tokenizer_lock:
            if _pos_tokenizer is None:
                jieba.setLogLevel(60)
                # A private stock dictionary: never the shared /tmp/jieba.cache.
                _pos_tokenizer = _StockTagsPOSTokenizer(new_jieba_tokenizer())
    return _pos_tokenizer


class _StockTagsPOSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's tagger on our private tokenizer, with a copy of the word tags
    ``jieba.posseg`` read from the stock dictionary when it was imported:
    reading the 349k lines again took 0.4-0.6 s of every start-up."""

    def __init__(self, tokenizer: jieba.Tokenizer):
        self.tokenizer = tokenizer
        stock = jieba.posseg.dt
        if stock.tokenizer.dictionary == tokenizer.dictionary:  # both the stock dict.txt
            self.word_tag_tab = dict(stock.word_tag_tab)
        else:  # someone pointed jieba at another dictionary
            self.load_word_tag(tokenizer.get_dict_file())


@functools.lru_cache(maxsize=50_000)
def pos_cut(text: str) -> tuple[tuple[str, str], ...]:
    """(word, flag) pairs of ``text``.

    Cached: part-of-speech tagging is ~95% of answer-extraction time, and the
    same passage sentences come back question after question.
    """
    return tuple((pair.word, pair.flag) for pair in pos_tokenizer().cut(text))


_COMPARISON_YEAR = re.compile(r"(?:与|较|比|同比)(\d{4}年)(?:相比|同期)?")


def without_baselines(text: str) -> str:
    """``text`` without years that are only a baseline ("与2024年相比增加168万辆"):
    such a year does not date the figure next to it."""
    return _COMPARISON_YEAR.sub("", text)


# --- a place word read as a whole word ----------------------------------------------
# A name's first character starts this many names of jieba's dictionary at least: a surname (王 1819, 刘 942,
# 杜 216); 翠 (21) or 蒿 (1) start names only by chance.
SURNAME_NAMES = 60
# the suffixes of a place's level a person's given name never ends in (刘长海 may be a person, 刘长县 is not)
_LEVEL_SUFFIX = "省市县区州盟旗镇乡村"
# what a person is introduced by: a post, trade or role ending the word before the name (局长, 书记, 主任, 负责人,
# 医生, 村民, 教师, 队员, 选手, 专家, 法官, 记者, 理事长)
_ROLE_END = "长记任人生民师员手家官者医警"
# what a person does right after the name in news text: says something
_SAYS = frozenset("说 表示 介绍 告诉 认为 指出 称 强调 坦言 回忆 感慨 笑称".split())
# single characters that introduce a place rather than start its name (在岳阳, 从岳阳, 至陕川, 对岳阳, 的岚江)
_BEFORE_A_PLACE = frozenset("在从到至向往赴来去自于由与和及或对的为以据过各该本每其此这那个等")
# a place word opening with a reference or a number is a whole word of its own: 我区, 全旗, 四县 ("2025年|我区", "居|四县")
_WHOLE_OPENING = frozenset("全该本我各此其这那每一二两三四五六七八九十几数多")


@functools.lru_cache(maxsize=1)
def name_starts() -> "Counter[str]":
    """How many person's names (two or three characters) of jieba's dictionary start with each character."""
    from collections import Counter

    tags = pos_tokenizer().word_tag_tab
    return Counter(w[0] for w, f in tags.items() if f == "nr" and len(w) in (2, 3))


def in_dictionary(word: str) -> bool:
    return bool(pos_tokenizer().tokenizer.FREQ.get(word))


def person_named(words, i: int) -> bool:
    """Whether the place-tagged word ``words[i]`` (a sequence of (word, flag) pairs) is the given name of a person whose
    surname jieba cut off before it: "理事长刘|长海介绍", "局长李|华东说". The character before is a surname (it starts
    many of the dictionary's names) and no function word, the word has no place's level suffix, and a person is meant:
    a post or role ends the word before the surname, or the person speaks right after the name."""
    word = words[i][0]
    if i == 0 or len(word) != 2 or word[-1] in _LEVEL_SUFFIX:
        return False
    surname, flag = words[i - 1]
    if len(surname) != 1 or flag[:1] in ("p", "c", "u", "d", "v", "r", "f", "m", "t", "x") or name_starts()[surname] < SURNAME_NAMES:
        return False
    role = i >= 2 and words[i - 2][0][-1:] in _ROLE_END and words[i - 2][1][:1] == "n" and len(words[i - 2][0]) >= 2
    says = i + 1 < len(words) and words[i + 1][0] in _SAYS
    return role or says


def glued_place(words, i: int) -> str:
    """The longer name a word ``words[i]`` of a place's form is the tail of, else "": a place of one character and its
    level's suffix that jieba's dictionary does not hold ("开区", "黑镇") is what is left of a name it cut after its first
    character ("经|开区" of 荆州经开区, "磨|黑镇"), unless that character introduces a place (在, 从, 至, 的…)."""
    word = words[i][0]
    if i == 0 or len(word) != 2 or word[-1] not in "区县市镇乡旗" or word[0] in _WHOLE_OPENING or in_dictionary(word):
        return ""
    before, flag = words[i - 1]
    if len(before) != 1 or not "\u4e00" <= before <= "\u9fff" or before in _BEFORE_A_PLACE or flag[:1] in ("u", "c", "x", "r"):
        return ""
    # jieba tags such a tail a place or a common noun by context (荆州经|开区 either way); a tail it did not take for a place
    # is read so only after a character that is no verb, adjective or adverb ("禁|钓区" is a zone where fishing is banned)
    if words[i][1] != "ns" and flag[:1] in ("v", "a", "d"):
        return ""
    return before + word
