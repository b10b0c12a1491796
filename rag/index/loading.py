"""Loading a published build: the chunk table, both search stores and the tokenizer, checked against the manifest."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..chunk_table import ChunkTable
from ..stores.faiss import DenseStore
from ..stores import SearchLeg, StoreChoice, StoreUnavailable
from ..stores.bm25 import KeywordStore
from ..tokenize import ChineseTokenizer
from .manifest import (BuildDamaged, IndexCorrupt, StoreUnreachable, USER_WORDS_FILE, published_build, read_manifest,
                       verify_build)


@dataclass
class Index:
    """A loaded build: the chunk table, both search stores and the tokenizer that made the keyword store."""

    directory: Path
    manifest: dict
    table: ChunkTable
    keyword: SearchLeg  # KeywordStore (bm25s) or MilvusKeyword
    dense: SearchLeg  # DenseStore (FAISS) or MilvusDense
    tokenizer: ChineseTokenizer

    @property
    def store(self) -> StoreChoice:
        return StoreChoice.from_manifest(self.manifest)

    def allowed_chunks(self, since: str | None, until: str | None, sources: Sequence[str]) -> set[int]:
        """The chunk ids a filter admits; on Milvus also as a filter expression the server applies itself."""
        ids = self.table.chunk_ids_where(since, until, sources)
        if self.store.kind != "milvus":
            return ids
        from ..stores.milvus import allowed_chunks

        return allowed_chunks(ids, since, until, sources)


def load_index(index_dir: Path) -> Index:
    """Load the published build; IndexCorrupt when any part is missing or unreadable."""
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexCorrupt("还没有索引")
    build = published_build(index_dir)
    assert build is not None
    verify_build(build)
    try:
        table = ChunkTable(build)
        keyword, dense = _load_stores(build, manifest)
        user_words = (build / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n")
    except StoreUnavailable as exc:
        raise StoreUnreachable(str(exc)) from exc
    except Exception as exc:  # any unreadable part means the whole build is untrusted
        raise BuildDamaged(build, "", f"无法读取（{exc.__class__.__name__}: {exc}）") from exc
    counts = table.counts()
    stored = len(dense)
    if StoreChoice.from_manifest(manifest).kind == "milvus":
        try:
            stored = dense.count()  # what the server holds, not what the manifest says
        except Exception as exc:
            raise StoreUnreachable(f"Milvus 集合无法读取（{exc.__class__.__name__}: {exc}）") from exc
    if counts["chunks"] != manifest.get("counts", {}).get("chunks") or stored != counts["chunks"]:
        raise BuildDamaged(build, "", "各部分的条目数不一致")
    tokenizer = ChineseTokenizer([w for w in user_words if w])
    return Index(build, manifest, table, keyword, dense, tokenizer)


def _load_stores(build: Path, manifest: dict) -> tuple[SearchLeg, SearchLeg]:
    """The keyword and dense legs of a build: files in the build folder, or the build's Milvus generation."""
    store = manifest.get("store") or {}
    if store.get("kind", "faiss") == "faiss":
        return KeywordStore.load(build / "keyword"), DenseStore.load(build / "dense")
    from ..stores.milvus import MilvusDense, MilvusKeyword

    rows = manifest["counts"]["chunks"]
    dense = MilvusDense(store["uri"], store["collection"], rows, manifest["dim"])
    if store["keyword"]["library"] == "milvus-bm25":
        return MilvusKeyword(store["uri"], store["collection"], rows), dense
    return KeywordStore.load(build / "keyword"), dense
