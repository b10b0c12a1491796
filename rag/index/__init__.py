"""Build, update, publish, check and load the on-disk index.

Layout of an index directory::

    index/
      CURRENT              name of the published build (replaced atomically)
      builds/<name>/       manifest.json, chunks.sqlite, keyword/, dense/, user_words.txt
      added/               the user's added articles: primary data (rag.source_store), never derived
      damaged/<name>/      builds found damaged, moved aside (kept, never deleted)
      .lock                held while a build runs

Every file of a build has its size and sha256 in the manifest, which
carries its own checksum. Opening the index checks sizes and the small
files' hashes; deriving a new build from one, and `rag doctor`, check every
hash. A damaged build is moved to damaged/ and the index is rebuilt from the
added-articles store plus the corpus folder, saying so in Chinese.

A build is written into a fresh folder under builds/ and becomes visible only
when CURRENT is replaced, so killing a build at any moment leaves the
previous index usable, and a reader that resolved CURRENT keeps a complete
build even while a newer one is published.

Updates (`rag add`, `rag remove`, a changed corpus file) never change a
published build: the store of added articles is changed right before the
new build is published (a crash in between is caught up at the next open,
since each manifest records the store digest it was built from), and the
new build is derived from the previous one (the SQLite
table copied and changed in one transaction, the FAISS index loaded, ids
removed and added, the BM25 index rebuilt from the tokens stored in the
table) and published the same way. Only the new paragraphs' chunks are
tokenized and encoded; chunk ids keep growing and are never reused. A
settings change (encoder, chunking, format) rebuilds everything, the added
articles included (from the store).

``RAG_FAULT_AT`` (tests only) names a step at which the process kills
itself (``RAG_FAULT_MODE=kill``, the default) or fails as a full disk would
(``enospc``); see ``FAULT_POINTS``.
"""
from __future__ import annotations

from .manifest import (ADDED_CHANGED, BUILDS_DIR, CHUNK_MAX_CHARS, CHUNK_OVERLAP_SENTENCES, CORPUS_CHANGED,
                       CURRENT_FILE, DAMAGED_BUILDS_DIR, FORMAT_VERSION, MANIFEST_CHECKSUM, MANIFEST_FILE,
                       SENTENCE_VECTORS_ENV, SMALL_FILE_BYTES, STORE_DIGEST, UPDATABLE, USER_WORDS_FILE, BuildDamaged,
                       IndexCorrupt, Report, StoreUnreachable, expected_settings, published_build_name, read_manifest,
                       staleness, verify_build)
from .loading import Index, load_index
from .writing import FAULT_POINTS, UpdateResult
from .lifecycle import build_index, doctor, open_index, sync_corpus, update_index

__all__ = [
    "ADDED_CHANGED", "BUILDS_DIR", "BuildDamaged", "CHUNK_MAX_CHARS", "CHUNK_OVERLAP_SENTENCES", "CORPUS_CHANGED",
    "CURRENT_FILE", "DAMAGED_BUILDS_DIR", "FAULT_POINTS", "FORMAT_VERSION", "Index", "IndexCorrupt",
    "MANIFEST_CHECKSUM", "MANIFEST_FILE", "Report", "SENTENCE_VECTORS_ENV", "SMALL_FILE_BYTES", "STORE_DIGEST",
    "StoreUnreachable", "UPDATABLE", "USER_WORDS_FILE", "UpdateResult", "build_index", "doctor",
    "expected_settings", "load_index", "open_index", "published_build_name", "read_manifest", "staleness",
    "sync_corpus", "update_index", "verify_build",
]
