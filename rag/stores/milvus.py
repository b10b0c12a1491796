"""Chunk vectors and BM25 in Milvus: embedded milvus-lite (a local path) or a Milvus server (http://host:port).

One collection per index build (a *generation*), written completely before
the build is published; publishing also points the alias ``<prefix>`` at it,
so a reader (ours through the manifest, anyone else through the alias) never
sees half an update. A build derived from the previous one copies the kept
chunks' vectors from the previous generation and encodes only new chunks.

Each row is one chunk: id, source, group (the file it came in), label,
paragraph, offsets, title, date, the dense vector (unit length, inner
product = cosine, as in FAISS) and, where the server has BM25 (Milvus >= 2.5
and milvus-lite), our own jieba tokens for Milvus's BM25 function. The tokens
are written as short hex digests (``TOKEN_PREFIX`` + blake2b) so Milvus's
``standard`` analyzer keeps every one of our tokens as one term: the keyword
leg sees exactly the terms of the bm25s store (same k1/b), instead of
Milvus's own jieba segmentation without our corpus dictionary.

On a server without BM25 (Milvus 2.3/2.4) the keyword leg stays local
(bm25s files in the build folder) and the manifest says so.

Filters (--since/--until/--source) become a filter expression on the date,
source, group and label fields (``filter_expression``).
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import threading
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from . import AllowedChunks, StoreUnavailable, is_server_uri

log = logging.getLogger(__name__)

TOKEN_ENV = "MILVUS_TOKEN"
TOKEN_PREFIX = "t"
TOKEN_DIGEST_BYTES = 6  # 48 bits: a collision among a million distinct tokens has odds ~2e-3 and costs one merged term
BM25_K1, BM25_B = 1.5, 0.75  # as the bm25s store (rag.stores.bm25)
BM25_SINCE = (2, 5)  # Milvus servers from 2.5 have sparse vectors with a BM25 function
INSERT_BATCH = 1000
COPY_BATCH = 1000
MAX_TEXT = 4096  # characters kept of source / group / label / title (VARCHAR limits are in bytes: 4 per character)
# Tens of thousands of ids in one `id in [...]` expression are slow to parse; above this, ask for more and filter here.
MAX_IDS_IN_EXPRESSION = 5000

_clients: dict[str, object] = {}
_clients_lock = threading.Lock()


def client_for(uri: str):
    """One MilvusClient per URI per process (embedded milvus-lite allows a single holder of its folder)."""
    with _clients_lock:
        client = _clients.get(uri)
        if client is not None:
            return client
        try:
            from pymilvus import MilvusClient
        except ImportError as exc:
            raise StoreUnavailable("使用 Milvus 需要安装 pymilvus 和 milvus-lite：pip install 'news-qa[milvus]'") from exc
        # milvus-lite has no MVCC timestamp call; every query iterator warns that it uses the client's clock instead
        logging.getLogger("pymilvus.client.iterator.query_iterator").setLevel(logging.ERROR)
        try:
            if is_server_uri(uri):
                client = MilvusClient(uri=uri, token=os.environ.get(TOKEN_ENV, ""), timeout=30)
            else:
                Path(uri).parent.mkdir(parents=True, exist_ok=True)
                # The embedded engine serves pymilvus in-process and logs "Method not implemented" for a timestamp
                # call pymilvus makes on every create_collection; it is harmless and not ours to show users.
                logging.getLogger("grpc._server").setLevel(logging.CRITICAL)
                logging.getLogger("milvus_lite").setLevel(logging.CRITICAL)  # its open failures: we say why (below)
                client = MilvusClient(uri)
        except Exception as exc:  # pymilvus raises its own and grpc's errors; users get one message
            raise StoreUnavailable(_why_unavailable(uri, exc)) from exc
        _clients[uri] = client
        return client


def _held_by_another_process(data_dir: str) -> bool:
    """milvus-lite locks <dir>/LOCK while a process has the folder open (pymilvus does not pass that reason on)."""
    lock = Path(data_dir) / "LOCK"
    if not lock.is_file():
        return False
    with open(lock, "rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


def _why_unavailable(uri: str, exc: Exception) -> str:
    text = f"{exc.__class__.__name__}: {exc}"
    if not is_server_uri(uri) and _held_by_another_process(uri):
        return (f"Milvus 数据目录 {uri} 正被另一个进程使用（嵌入式 milvus-lite 同时只能由一个进程打开）。"
                "多个进程共用时请运行 milvus-lite server --data-dir 该目录 --host 127.0.0.1 --port 端口，"
                "并用 --milvus-uri http://127.0.0.1:端口 连接。")
    return f"无法连接 Milvus（{uri}）：{text[:300]}"


def check_reachable(uri: str) -> str:
    """The server's version, or StoreUnavailable saying why it cannot be used."""
    client = client_for(uri)
    try:
        return server_version(client)
    except Exception as exc:
        raise StoreUnavailable(_why_unavailable(uri, exc)) from exc


def server_version(client) -> str:
    return str(client.get_server_version())


def has_bm25(version: str) -> bool:
    """milvus-lite (3.x) and Milvus servers from 2.5 run BM25 functions; 2.3/2.4 do not."""
    if version.startswith("milvus_lite"):
        return True
    found = re.search(r"(\d+)\.(\d+)", version)
    return bool(found) and (int(found.group(1)), int(found.group(2))) >= BM25_SINCE


def hashed_tokens(tokens: Iterable[str]) -> str:
    """Our tokens as space-separated hex terms that any Milvus analyzer keeps whole."""
    return " ".join(TOKEN_PREFIX + hashlib.blake2b(t.encode("utf-8"), digest_size=TOKEN_DIGEST_BYTES).hexdigest() for t in tokens)


def collection_prefix(index_dir: Path) -> str:
    """The alias of an index folder's current generation: stable per folder, a valid Milvus name."""
    digest = hashlib.sha1(str(Path(index_dir).resolve()).encode("utf-8")).hexdigest()[:10]
    return f"news_qa_{digest}"


def generation_name(prefix: str, build_name: str) -> str:
    return f"{prefix}_{re.sub(r'[^0-9A-Za-z_]', '_', build_name)}"


def _literal(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def filter_expression(since: str | None, until: str | None, sources: Sequence[str]) -> str | None:
    """The expression of rag.chunk_table's ``chunk_ids_where``: dated within bounds, from one of ``sources``."""
    parts = []
    if since or until:
        parts.append('date != ""')
    if since:
        parts.append(f"date >= {_literal(since)}")
    if until:
        parts.append(f"date <= {_literal(until)}")
    if sources:
        names = "[" + ", ".join(_literal(s) for s in sources) + "]"
        parts.append(f"(source in {names} or group in {names} or label in {names})")
    return " and ".join(parts) or None


def allowed_chunks(ids: set[int], since: str | None, until: str | None, sources: Sequence[str]) -> AllowedChunks:
    return AllowedChunks.of(ids, filter_expression(since, until, sources))


def _schema(dim: int, bm25: bool):
    from pymilvus import DataType, Function, FunctionType, MilvusClient

    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    for name in ("source", "group", "label", "title"):
        schema.add_field(name, DataType.VARCHAR, max_length=4 * MAX_TEXT)
    schema.add_field("date", DataType.VARCHAR, max_length=16)
    for name in ("paragraph", "para_start", "para_end"):
        schema.add_field(name, DataType.INT64)
    schema.add_field("vector", DataType.FLOAT_VECTOR, dim=dim)
    if bm25:
        schema.add_field("tokens", DataType.VARCHAR, max_length=65535, enable_analyzer=True, analyzer_params={"tokenizer": "standard"})
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["tokens"], output_field_names=["sparse"]))
    index_params = MilvusClient.prepare_index_params()
    # FLAT = exact, as the FAISS store below 50k; a Milvus server builds HNSW/IVF per segment for larger collections (docs/milvus.md).
    index_params.add_index("vector", index_type="FLAT", metric_type="IP")
    if bm25:
        index_params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25", params={"bm25_k1": BM25_K1, "bm25_b": BM25_B})
    return schema, index_params


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    matrix = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def write_generation(
    uri: str,
    name: str,
    dim: int,
    rows: Sequence[dict],
    tokens: dict[int, list[str]],
    new_vectors: dict[int, np.ndarray],
    previous: str | None,
) -> dict:
    """Create collection ``name`` holding ``rows`` (chunk fields keyed as in the schema, without vectors).

    A row's vector comes from ``new_vectors`` or, for a kept chunk, from the
    ``previous`` generation. Returns the store's manifest settings.
    """
    client = client_for(uri)
    version = server_version(client)
    bm25 = has_bm25(version)
    if client.has_collection(name):
        client.drop_collection(name)  # a leftover of a build that died before publishing
    schema, index_params = _schema(dim, bm25)
    # Strong: a reader right after publishing sees every row. milvus-lite is always current (and rejects the timestamp call).
    strong = {} if version.startswith("milvus_lite") else {"consistency_level": "Strong"}
    client.create_collection(name, schema=schema, index_params=index_params, **strong)
    vectors = dict(new_vectors)
    missing = [r["id"] for r in rows if r["id"] not in vectors]
    if missing:
        if previous is None:
            raise StoreUnavailable(f"Milvus 集合缺少 {len(missing)} 个片段的向量")
        vectors.update(_copy_vectors(client, previous, missing))
    still = [i for i in missing if i not in vectors]
    if still:
        raise StoreUnavailable(f"上一版 Milvus 集合 {previous} 中缺少 {len(still)} 个片段的向量，请运行 rag index --force 重建")
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start:start + INSERT_BATCH]
        matrix = _unit_rows(np.vstack([vectors[r["id"]] for r in batch]))
        data = []
        for row, vector in zip(batch, matrix):
            item = {**row, **{f: row[f][:MAX_TEXT] for f in ("source", "group", "label", "title")}, "vector": vector.tolist()}
            if bm25:
                item["tokens"] = hashed_tokens(tokens.get(row["id"], ()))
            data.append(item)
        client.insert(name, data)
    client.flush(name)
    return {
        "kind": "milvus",
        "uri": uri,
        "collection": name,
        "server_version": version,
        "dense": {"index": "FLAT", "metric": "IP", "dim": dim, "vectors": len(rows)},
        "keyword": {"library": "milvus-bm25", "k1": BM25_K1, "b": BM25_B, "analyzer": "standard over hashed jieba tokens"}
        if bm25 else {"library": "bm25s", "local": True, "why": f"Milvus {version} has no BM25 (needs >= 2.5)"},
    }


def _copy_vectors(client, collection: str, ids: Sequence[int]) -> dict[int, np.ndarray]:
    wanted = set(ids)
    found: dict[int, np.ndarray] = {}
    iterator = client.query_iterator(collection, batch_size=COPY_BATCH, filter="id >= 0", output_fields=["id", "vector"])
    try:
        while True:
            batch = iterator.next()
            if not batch:
                break
            for row in batch:
                if row["id"] in wanted:
                    found[int(row["id"])] = np.asarray(row["vector"], dtype=np.float32)
    finally:
        iterator.close()
    return found


def publish_alias(uri: str, collection: str, alias: str) -> None:
    """Point ``alias`` at ``collection`` (one metadata change on the server)."""
    client = client_for(uri)
    prefix = alias + "_"
    exists = any(alias in _aliases(client, name) for name in client.list_collections() if name.startswith(prefix))
    if exists:
        client.alter_alias(collection, alias)
    else:
        client.create_alias(collection, alias)


def _aliases(client, collection: str) -> list[str]:
    found = client.list_aliases(collection)
    return list(found.get("aliases", ())) if isinstance(found, dict) else list(found)


def drop_generations(uri: str, prefix: str, keep: set[str]) -> None:
    """Drop this index folder's generations other than ``keep`` (collection names)."""
    client = client_for(uri)
    for name in client.list_collections():
        if name.startswith(prefix + "_") and name not in keep:
            try:
                client.drop_collection(name)
            except Exception as exc:  # a reader on another server node may still hold it; the next update retries
                log.info("cannot drop %s yet (%s)", name, exc)


_loaded: set[tuple[str, str]] = set()


def _ensure_loaded(uri: str, client, collection: str) -> None:
    """A collection is searchable once loaded (into a server's memory); new processes find it released."""
    with _clients_lock:
        if (uri, collection) in _loaded:
            return
    state = str(client.get_load_state(collection).get("state", ""))
    if "Loaded" not in state:
        client.load_collection(collection)
    with _clients_lock:
        _loaded.add((uri, collection))


class _Leg:
    def __init__(self, uri: str, collection: str, rows: int):
        self.client = client_for(uri)
        self.collection = collection
        self._rows = rows
        _ensure_loaded(uri, self.client, collection)

    def __len__(self) -> int:
        return self._rows

    def count(self) -> int:
        """Rows the server holds now (one round trip)."""
        return int(self.client.get_collection_stats(self.collection)["row_count"])

    def _search(self, data, field: str, metric: str, k: int, allowed: set[int] | None) -> list[tuple[int, float]]:
        if k <= 0:
            return []
        expression = None
        limit = k
        if allowed is not None:
            if not allowed:
                return []
            expression = getattr(allowed, "expression", None)
            if expression is None and len(allowed) <= MAX_IDS_IN_EXPRESSION:
                expression = f"id in [{', '.join(str(int(i)) for i in allowed)}]"
            elif expression is None:
                limit = min(max(4 * k, 200), 16384)
        try:
            found = self.client.search(self.collection, data=[data], anns_field=field, limit=limit,
                                       filter=expression or "", output_fields=["id"], search_params={"metric_type": metric})
        except Exception as exc:  # a server gone away, a dropped collection: one message for users
            raise StoreUnavailable(f"Milvus 检索失败（{self.collection}）：{exc.__class__.__name__}: {str(exc)[:300]}") from exc
        hits = [(int(hit["id"]), float(hit["distance"])) for hit in found[0]]
        if allowed is not None and expression is None:
            hits = [h for h in hits if h[0] in allowed]
        hits.sort(key=lambda h: (-h[1], h[0]))  # equal scores in chunk-id order, as the local stores
        return hits[:k]


class MilvusDense(_Leg):
    """The dense leg: cosine over the generation's unit vectors."""

    def __init__(self, uri: str, collection: str, rows: int, dim: int):
        super().__init__(uri, collection, rows)
        self.dim = dim
        self.kind = "milvus-flat"

    def search(self, query_vector: np.ndarray, k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        vector = _unit_rows(np.asarray(query_vector, dtype=np.float32).reshape(1, -1))[0]
        if not np.any(vector):
            return []
        return self._search(vector.tolist(), "vector", "IP", k, allowed)

    def settings(self) -> dict:
        return {"library": "milvus", "collection": self.collection, "metric": "inner_product", "dim": self.dim, "vectors": len(self)}


class MilvusKeyword(_Leg):
    """The keyword leg: Milvus's BM25 over our hashed tokens, on the bm25s store's scale (only positive scores).

    Milvus's BM25 keeps the (k1 + 1) factor that Lucene's variant (bm25s)
    drops, so its scores are divided by it; milvus-lite 3.x reports them
    negated (as a distance, smaller first). A BM25 score is never negative,
    so a negative one can only be that convention.
    """

    def search(self, query_tokens: list[str], k: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
        if not query_tokens:
            return []
        hits = self._search(hashed_tokens(query_tokens), "sparse", "BM25", k, allowed)
        if any(score < 0 for _, score in hits):
            hits = [(item, -score) for item, score in hits]
        hits = [(item, score / (BM25_K1 + 1)) for item, score in hits if score > 0]
        hits.sort(key=lambda h: (-h[1], h[0]))
        return hits

    def settings(self) -> dict:
        return {"library": "milvus-bm25", "collection": self.collection, "k1": BM25_K1, "b": BM25_B, "documents": len(self)}


# -- a build's files, for replicas ------------------------------------------------------------------------------
# A replica (rag.replica) needs, besides the search collection, the build's other files: the chunk table, the
# corpus dictionary, the sentence vectors, the manifest (and on a server without BM25 the bm25s files). They go
# into a companion collection of the generation as base64 pieces of VARCHAR (Milvus has no byte-string field;
# every collection needs a vector field, hence a 2-dim placeholder).

FILES_SUFFIX = "_files"
PIECE_BYTES = 45_000  # 60,000 base64 characters (ASCII): under VARCHAR's 65,535-byte limit
FILES_INSERT_BATCH = 64  # pieces per insert / read batch: ~4 MB, well under gRPC's message limit
PLACEHOLDER_DIM = 2


def files_collection(generation: str) -> str:
    return generation + FILES_SUFFIX


def write_build_files(uri: str, generation: str, files: dict[str, Path]) -> int:
    """Store ``files`` (path inside the build -> file) as the generation's companion collection, read and sent
    a batch of pieces at a time (memory stays at one batch, ~4 MB); returns the pieces written."""
    import base64

    from pymilvus import DataType, MilvusClient

    client = client_for(uri)
    name = files_collection(generation)
    if client.has_collection(name):
        client.drop_collection(name)
    schema = MilvusClient.create_schema(auto_id=False, enable_dynamic_field=False)
    schema.add_field("key", DataType.VARCHAR, is_primary=True, max_length=1100)
    schema.add_field("path", DataType.VARCHAR, max_length=1024)
    schema.add_field("part", DataType.INT64)
    schema.add_field("parts", DataType.INT64)
    schema.add_field("data", DataType.VARCHAR, max_length=65535)
    schema.add_field("placeholder", DataType.FLOAT_VECTOR, dim=PLACEHOLDER_DIM)
    index_params = MilvusClient.prepare_index_params()
    index_params.add_index("placeholder", index_type="FLAT", metric_type="L2")
    strong = {} if server_version(client).startswith("milvus_lite") else {"consistency_level": "Strong"}
    client.create_collection(name, schema=schema, index_params=index_params, **strong)
    written, batch = 0, []
    for path, file in sorted(files.items()):
        parts = max(1, -(-file.stat().st_size // PIECE_BYTES))
        with open(file, "rb") as handle:
            for part in range(parts):
                data = base64.b64encode(handle.read(PIECE_BYTES)).decode("ascii")
                batch.append({"key": f"{path}#{part}", "path": path, "part": part, "parts": parts, "data": data,
                              "placeholder": [0.0] * PLACEHOLDER_DIM})
                if len(batch) == FILES_INSERT_BATCH:
                    client.insert(name, batch)
                    written, batch = written + len(batch), []
    if batch:
        client.insert(name, batch)
        written += len(batch)
    client.flush(name)
    return written


def read_build_files(uri: str, generation: str) -> dict[str, bytes]:
    """The files ``write_build_files`` stored for ``generation``; StoreUnavailable when absent or incomplete."""
    import base64

    client = client_for(uri)
    name = files_collection(generation)
    try:
        if not client.has_collection(name):
            raise StoreUnavailable(f"Milvus 中没有索引版本 {generation} 的文件（{name}）：写入端的索引版本太旧或已被删除，"
                                   "请在写入端运行一次 rag index 或 rag add")
        _ensure_loaded(uri, client, name)
        pieces: dict[str, dict[int, str]] = {}
        expected: dict[str, int] = {}
        iterator = client.query_iterator(name, batch_size=FILES_INSERT_BATCH, filter="part >= 0",
                                         output_fields=["path", "part", "parts", "data"])
        try:
            while batch := iterator.next():
                for row in batch:
                    pieces.setdefault(row["path"], {})[int(row["part"])] = row["data"]
                    expected[row["path"]] = int(row["parts"])
        finally:
            iterator.close()
    except StoreUnavailable:
        raise
    except Exception as exc:  # a generation dropped while we read it, a server gone away
        raise StoreUnavailable(f"无法从 Milvus 读取索引版本 {generation} 的文件：{exc.__class__.__name__}: {str(exc)[:300]}") from exc
    incomplete = sorted(path for path, parts in pieces.items() if sorted(parts) != list(range(expected[path])))
    if incomplete:
        raise StoreUnavailable(f"Milvus 中索引版本 {generation} 的文件不完整：{'、'.join(incomplete)}")
    return {path: base64.b64decode("".join(parts[i] for i in range(len(parts)))) for path, parts in pieces.items()}


def resolve_alias(uri: str, alias: str) -> str:
    """The collection (generation) ``alias`` points at now; StoreUnavailable when there is no such alias."""
    client = client_for(uri)
    try:
        return str(client.describe_alias(alias)["collection_name"])
    except Exception as exc:
        raise StoreUnavailable(f"Milvus（{uri}）中没有索引别名 {alias}（{exc.__class__.__name__}）。"
                               "用 rag replica list --milvus-uri 查看可用的索引") from exc


def published_indexes(uri: str) -> dict[str, str]:
    """alias -> generation, for every index this project published on the server (those with build files)."""
    client = client_for(uri)
    names = set(client.list_collections())
    found = {}
    for name in sorted(names):
        if name.startswith("news_qa_") and files_collection(name) in names:
            for alias in _aliases(client, name):
                if alias.startswith("news_qa_"):
                    found[alias] = name
    return found
