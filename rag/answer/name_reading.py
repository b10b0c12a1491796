"""Whether a word jieba reads as a person's name is one, judged from its dictionary and the question's
structure rather than from a list of the words seen.

jieba's tagger guesses names from ordinary words: a classifier after 多少 taken for a surname (多少|张康|养),
two words run together across their boundary (最多拉了: 最|多拉; 马拉松赛|道: 赛道), a noun and the verb
after it (钱花在), a verb and its object (开门迎客). A Chinese personal name starts with a surname, and the
names jieba's own dictionary lists show which characters start names; a word that starts as a verb or a
number does, and starts few of them, is no name. An office said short (卫健委) is no person but the
office of the place before it, and "苏州人" (a place + 人) names the place's people: the place is what the
passages must say."""
from __future__ import annotations

import re

from ..places import SURNAME_NAMES, pos_tokenizer
from ..places import in_dictionary as _in_dictionary, name_starts as _name_starts
from .settings import ablated

_PERSON_FLAGS = ("nr", "nrt", "nrfg")
_OFFICE_END = "局委厅办处署"
_COUNT_WORDS = re.compile(r"(?:多少|几|[0-9０-９]+|[一二两三四五六七八九十百千万]+)$")
# a name's first character starts this many names of jieba's dictionary at least (rag.places: 王 1819, 苏 240,
# 钱 128; 迎 19 and 多 32 start names only by chance)
_SURNAME_NAMES = SURNAME_NAMES
# a word of the language (马拉松 in jieba's dictionary), not a rare name the dictionary lists
_COMMON = 50
# what follows a verb, not a name: its preposition or aspect particle (钱花|在老百姓身上, 人走|了)
_VERB_FOLLOWERS = frozenset("在 了 到 着 过 给 完 掉".split())


def _tag(word: str) -> str:
    return pos_tokenizer().word_tag_tab.get(word, "")


def office_short(word: str, flag: str) -> bool:
    """A person-tagged word jieba does not know ending in an office's kind (卫健委, 发改委, 人社局)."""
    return (flag in _PERSON_FLAGS and len(word) >= 3 and word[-1] in _OFFICE_END and not _in_dictionary(word)
            and not ablated("name_reading"))


def demonym_place(word: str, flag: str) -> str | None:
    """The place of "苏州人" (a place's people), which jieba tags as a person's name."""
    if ablated("name_reading") or flag not in _PERSON_FLAGS or len(word) < 3 or word[-1] != "人":
        return None
    return word[:-1] if _tag(word[:-1]) == "ns" else None


def misread_name(tokens: list[tuple[str, str]], k: int) -> bool:
    """Whether token ``k``, tagged a person's name, is ordinary words jieba ran together."""
    word, flag = tokens[k]
    if ablated("name_reading") or flag not in _PERSON_FLAGS or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word):
        return False
    if office_short(word, flag) or demonym_place(word, flag):
        return False
    before = tokens[k - 1][0] if k > 0 else ""
    after = tokens[k + 1][0] if k + 1 < len(tokens) else ""
    # a classifier right after a count (多少|张康养, 三|位...) starts no name: it counts what follows
    if _COUNT_WORDS.search(before) and _tag(word[0]) == "q":
        return True
    # the word runs across a word boundary: its first character ends the word before (最|多拉: 最多), or
    # its last one begins the word after (马拉松赛|道: 赛道), the rest being a word of its own
    if before and _in_dictionary(before[-1] + word[0]) and _in_dictionary(word[1:]) \
            and _tag(before[-1] + word[0])[:1] not in ("n", "") and len(before[-1] + word[0]) == 2:
        return True
    freq = pos_tokenizer().tokenizer.FREQ
    if after and len(word) >= 3 and _in_dictionary(word[-1] + after[0]) \
            and freq.get(word[:-1], 0) > max(freq.get(word, 0), _COMMON):
        return True
    # a two-character word whose first character is, alone, a verb or a number and starts few of the
    # dictionary's names (迎客, 多拉), or that jieba's dictionary lacks and reads as a word and the verb
    # after it (钱花: 钱 + 花)
    if len(word) == 2:
        first, second = _tag(word[0]), _tag(word[1])
        if first[:1] in ("v", "m", "d", "p", "c", "u") and _name_starts()[word[0]] < _SURNAME_NAMES:
            return True
        # (the verb's own complement or preposition follows: 钱花|在, 人走|了; "康养|床位", "龙胜" stay)
        if not _in_dictionary(word) and first[:1] == "n" and second[:1] == "v" and after in _VERB_FOLLOWERS \
                and _name_starts()[word[0]] < 10 * _SURNAME_NAMES:
            return True
    return False
