"""Where the package keeps what it may recompute: passage vectors, jieba's dictionary, benchmark indexes."""
from __future__ import annotations

import os
from pathlib import Path


def default_cache_dir() -> Path:
    """$RAG_CACHE_DIR if set, else ~/.cache/news-qa (never a shared /tmp file)."""
    configured = os.environ.get("RAG_CACHE_DIR")
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "news-qa"
