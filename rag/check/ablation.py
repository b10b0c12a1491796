"""Switching single ingredients of the fact checker off, to measure what each one pays (``RAG_CHECK_ABLATE``).

    RAG_CHECK_ABLATE=semantic,abbreviation rag eval --claims eval/claims.jsonl --split dev

Ingredients: ``semantic`` (sentence vectors, rag.check.semantic), ``abbreviation`` (在京 for 北京),
``province_wide`` (全省 for a named province), ``names`` (the names around a figure must be the article's:
no 一致 otherwise, and one other name makes it 不一致), ``frame`` (a name claim is 一致 only when the rest
of its clause is the article's too), ``direction`` (the stated value read backwards on looser overlap, and
claims of a direction without a number, rag.check.direction), ``place_chain`` (a small place under another
county or city, rag.check.place_chain), ``change`` (a stated change is neither confirmed nor contradicted by a
level or share), ``record`` (a date's event may be named by its paragraph's title, a record's field must be the
claim's event), ``place_between`` (a place claim compared at the article's place between the same words),
``unit_slip`` (the same number in another unit of the same quantity, its words restated, is 不一致 on 单位).
"""
from __future__ import annotations

import os

INGREDIENTS = ("semantic", "abbreviation", "province_wide", "names", "frame", "direction", "place_chain", "change", "record",
               "place_between", "unit_slip")


def ingredient_on(name: str) -> bool:
    return name not in {part.strip() for part in os.environ.get("RAG_CHECK_ABLATE", "").split(",")}
