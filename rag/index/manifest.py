"""What a build is and whether to trust it: the settings an index must match, the manifest with its own checksum and
every file's size and sha256, which build is published, and whether the index is stale for a corpus."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable

from ..chunk_table import ChunkTable
from ..corpus import corpus_fingerprint
from ..sources import ORIGIN_ADDED
from ..encoders import Encoder
from ..ingest import parser_setting
from ..source_store import SourceStore, store_digest
from ..stores import StoreChoice


FORMAT_VERSION = 3  # 2: sources table, stored tokens, paragraph text hashes; 3: paragraph setting
CHUNK_MAX_CHARS = 200
CHUNK_OVERLAP_SENTENCES = 0
MANIFEST_FILE = "manifest.json"
USER_WORDS_FILE = "user_words.txt"
BUILDS_DIR = "builds"
CURRENT_FILE = "CURRENT"
DAMAGED_BUILDS_DIR = "damaged"
SMALL_FILE_BYTES = 256 * 1024  # files up to this size are hashed at every open; larger ones by `rag doctor` and updates

Report = Callable[[str], None]


class IndexCorrupt(Exception):
    """An index that exists but cannot be trusted; the message says why."""


class BuildDamaged(IndexCorrupt):
    """One file of a build fails its check: ``file`` (inside the build) and ``why``, for users."""

    def __init__(self, build: Path, file: str, why: str):
        super().__init__(f"{BUILDS_DIR}/{build.name}/{file} {why}")
        self.build, self.file, self.why = build, file, why


class StoreUnreachable(IndexCorrupt):
    """The index's store (a Milvus server or folder) cannot be reached now: not a reason to rebuild."""


def expected_settings(encoder: Encoder) -> dict:
    """Everything besides the corpus that makes an index valid for this configuration."""
    return {
        "format_version": FORMAT_VERSION,
        "encoder": encoder.name,
        "dim": encoder.dim,
        "chunking": {"max_chars": CHUNK_MAX_CHARS, "overlap_sentences": CHUNK_OVERLAP_SENTENCES},
        "parser": parser_setting(),
    }


def published_build(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT_FILE
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    return index_dir / BUILDS_DIR / name if name else None


def read_manifest(index_dir: Path) -> dict | None:
    """The published build's manifest, None when nothing is published; IndexCorrupt when unreadable."""
    build = published_build(index_dir)
    if build is None:
        return None
    return _checked_manifest(build)


MANIFEST_CHECKSUM = "manifest_sha256"


def manifest_checksum(manifest: dict) -> str:
    body = {k: v for k, v in manifest.items() if k != MANIFEST_CHECKSUM}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _checked_manifest(build: Path) -> dict:
    """A build's manifest; BuildDamaged when it is missing, unreadable or fails its own checksum."""
    if not build.is_dir():
        raise BuildDamaged(build, "", "不存在（CURRENT 指向的版本找不到）")
    try:
        manifest = json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BuildDamaged(build, MANIFEST_FILE, f"无法读取（{exc.__class__.__name__}）") from exc
    if not isinstance(manifest, dict):
        raise BuildDamaged(build, MANIFEST_FILE, "格式不对")
    if MANIFEST_CHECKSUM in manifest and manifest[MANIFEST_CHECKSUM] != manifest_checksum(manifest):
        raise BuildDamaged(build, MANIFEST_FILE, "校验和不符")
    return manifest


def _sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def file_checksums(build: Path) -> dict[str, dict]:
    """Size and sha256 of every file of a build but the manifest (which carries its own checksum)."""
    return {
        path.relative_to(build).as_posix(): {"size": path.stat().st_size, "sha256": _sha256_file(path)}
        for path in sorted(build.rglob("*")) if path.is_file() and path.name != MANIFEST_FILE
    }


def verify_build(build: Path, full: bool = False) -> dict:
    """The build's manifest after checking every file it lists: sizes, and hashes of the small files
    (of all files when ``full``). BuildDamaged names the first file that fails.

    A build from before checksums (no "files" in its manifest) has nothing to compare against and passes.
    """
    manifest = _checked_manifest(build)
    for name, expected in (manifest.get("files") or {}).items():
        path = build / name
        try:
            size = path.stat().st_size
        except OSError:
            raise BuildDamaged(build, name, "不见了") from None
        if size != expected.get("size"):
            raise BuildDamaged(build, name, f"大小不符（应为 {expected.get('size')} 字节，实为 {size} 字节）")
        if (full or size <= SMALL_FILE_BYTES) and _sha256_file(path) != expected.get("sha256"):
            raise BuildDamaged(build, name, "校验和不符（内容被改动）")
    return manifest


SENTENCE_VECTORS_ENV = "RAG_SENTENCE_VECTORS"  # "off": builds store no sentence vectors (eval/perf synthetic scale)
CORPUS_CHANGED = "资料文件有变化"
ADDED_CHANGED = "添加的文章与索引不一致"
UPDATABLE = (CORPUS_CHANGED, ADDED_CHANGED)  # reasons an update file by file fixes (no full rebuild)


def published_build_name(index_dir: Path) -> str | None:
    """The name CURRENT points at (cheap: one small read), None when nothing is published."""
    build = published_build(index_dir)
    return build.name if build is not None else None


def staleness(index_dir: Path, corpus: Path, encoder: Encoder, store: StoreChoice | None = None) -> str | None:
    """Why the index must be (re)built, or None when the published one fits (``store`` None: any store)."""
    try:
        manifest = read_manifest(index_dir)
    except IndexCorrupt as exc:
        return f"索引已损坏：{exc}"
    if manifest is None:
        return "还没有索引"
    wanted = expected_settings(encoder)
    for key, value in wanted.items():
        if manifest.get(key) != value:
            return f"索引设置已变化（{key}: {manifest.get(key)!r} → {value!r}）"
    if store is not None and store.settings() != StoreChoice.from_manifest(manifest).settings():
        return f"存储方式已变化（{StoreChoice.from_manifest(manifest).settings()} → {store.settings()}）"
    if manifest.get("corpus_fingerprint") != corpus_fingerprint(corpus):
        return CORPUS_CHANGED
    recorded = manifest.get(STORE_DIGEST)
    if recorded is None:  # a build from before the store: compare with the added articles its table holds
        recorded = _added_digest_of(published_build(index_dir))
    if recorded != SourceStore(index_dir).digest():
        return ADDED_CHANGED
    return None


def _added_digest_of(build: Path) -> str | None:
    try:
        table = ChunkTable(build)
        try:
            return store_digest({d.group: d.group_hash for d in table.docs(origin=ORIGIN_ADDED)})
        finally:
            table.close()
    except Exception:  # unreadable: the load that follows reports the damage
        return None


STORE_DIGEST = "added_store_digest"  # manifest key: the digest of the added-articles store the build was made from


def manifest_of(build: Path) -> dict:
    return json.loads((build / MANIFEST_FILE).read_text(encoding="utf-8"))


def read_user_words(build: Path) -> list[str]:
    return [w for w in (build / USER_WORDS_FILE).read_text(encoding="utf-8").split("\n") if w]


def recorded_corpus(damage: IndexCorrupt) -> Path | None:
    """The corpus a damaged build was made from, when its manifest still says so."""
    try:
        return Path(manifest_of(damage.build)["corpus"]) if isinstance(damage, BuildDamaged) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None
