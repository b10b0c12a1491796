"""Where the index keeps what it searches: FAISS (dense), bm25s (keyword), Milvus (both, as a service).

Retrieval needs one thing from a leg's store, the ``SearchLeg`` protocol:
``search(query, k, allowed) -> [(chunk id, score), ...]`` best first, where
the query is a vector (dense) or a token list (keyword) and ``allowed``
restricts the result to some chunk ids. ``AllowedChunks`` carries, next to
those ids, the same condition as a filter expression, so a store that
filters on its own side (Milvus) does not ship the id list.

``StoreChoice`` is the user's choice (``--store``, ``--milvus-uri``) as the
index manifest records it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

STORE_KINDS = ("faiss", "milvus")


class StoreUnavailable(Exception):
    """A store that cannot be reached or opened; the message is for users."""


class SearchLeg(Protocol):
    def search(self, query: Any, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        """Up to ``k`` (chunk id, score) pairs, best first."""

    def __len__(self) -> int: ...

    def settings(self) -> dict:
        """What the index manifest records about this store."""


class AllowedChunks(frozenset):
    """The chunk ids a question may be answered from, plus that condition as a store-side filter expression."""

    expression: str | None = None

    @classmethod
    def of(cls, ids: set[int], expression: str | None) -> "AllowedChunks":
        allowed = cls(ids)
        allowed.expression = expression
        return allowed


@dataclass(frozen=True)
class StoreChoice:
    """``faiss`` (files in the index folder: FAISS + bm25s) or ``milvus`` at ``uri``.

    ``uri`` is a local path (embedded milvus-lite, one process at a time) or
    ``http(s)://host:port`` (a Milvus server or ``milvus-lite server``); the
    token comes from MILVUS_TOKEN and is never recorded.
    """

    kind: str = "faiss"
    uri: str | None = None

    @classmethod
    def parse(cls, kind: str | None, uri: str | None) -> "StoreChoice | None":
        """From the command line; None when neither is given (use what the index records). ValueError on bad input."""
        if kind is None and not uri:
            return None
        kind = kind or ("milvus" if uri else "faiss")
        if kind not in STORE_KINDS:
            raise ValueError(f"存储方式必须是 {' / '.join(STORE_KINDS)} 之一（收到“{kind}”）。")
        if kind == "faiss":
            if uri:
                raise ValueError("--milvus-uri 只能与 --store milvus 一起使用。")
            return cls()
        if not uri or not uri.strip():
            raise ValueError("--store milvus 需要 --milvus-uri：本地路径（如 ./index/milvus.db）或服务地址（如 http://127.0.0.1:19530）。")
        uri = uri.strip()
        if not is_server_uri(uri):
            uri = str(Path(uri).expanduser().resolve())
        return cls("milvus", uri)

    @classmethod
    def from_manifest(cls, manifest: dict | None) -> "StoreChoice":
        recorded = (manifest or {}).get("store") or {}
        return cls(recorded.get("kind", "faiss"), recorded.get("uri"))

    def settings(self) -> dict:
        return {"kind": self.kind} if self.kind == "faiss" else {"kind": self.kind, "uri": self.uri}


def is_server_uri(uri: str) -> bool:
    return uri.startswith(("http://", "https://", "tcp://", "grpc://"))
