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
