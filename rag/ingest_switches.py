"""The readings of page layout and of an article's setting that ``RAG_INGEST_ABLATE`` switches off, for ablation runs
(``RAG_INGEST_ABLATE=deck_line,page_year``). They change how a page is cut into articles and what each article's
setting is, so an index records which were off (``rag.ingest.parser_setting``) and is rebuilt when that changes."""
from __future__ import annotations

import os

READINGS = ("deck_line", "comma_headline", "paper_line", "paper_level", "page_year", "lead_places", "brief_column", "dateline_level",
            "local_head", "paper_place_word")


def switched_off(name: str) -> bool:
    """Whether the reading ``name`` (one of READINGS) is switched off by RAG_INGEST_ABLATE."""
    return name in os.environ.get("RAG_INGEST_ABLATE", "").split(",")
