"""The passage-vector cache, around the real e5-small encoder."""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

import numpy as np
import pytest

from rag.encoders import Encoder, make_encoder
from rag.vector_cache import CachedEncoder, cache_file_for, default_cache_dir

PROJECT_ROOT = Path(__file__).resolve().parent.parent

TEXTS = [
    "城中区一季度新增就业2047人。",
    "祁连县将80%以上财政资金投向民生领域。",
    "全省共有社会工作专业人才3200人。",
    "志愿服务组织5800个，志愿者66万名。",
]


class CountingEncoder:
    """The real encoder, recording which passages reach it."""

    def __init__(self, inner: Encoder, name: str | None = None):
        self.inner = inner
        self.name = name or inner.name
        self.dim = inner.dim
        # the same encoder keeps its per-engine cache files; one renamed is another encoder
        self.vector_cache_names = None if name else getattr(inner, "vector_cache_names", None)
        self.passage_calls: list[list[str]] = []
        self.query_calls = 0

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.query_calls += 1
        return self.inner.encode_queries(texts)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        self.passage_calls.append(list(texts))
        return self.inner.encode_passages(texts, batch_size=batch_size, progress=progress)

    @property
    def encoded(self) -> list[str]:
        return [t for call in self.passage_calls for t in call]


@pytest.fixture(scope="module")
def e5() -> Encoder:
    return make_encoder()


@pytest.fixture
def counting(e5) -> CountingEncoder:
    return CountingEncoder(e5)


def test_cached_encoder_keeps_name_and_dim_and_passes_queries_through(counting, tmp_path):
    cached = CachedEncoder(counting, tmp_path)
    assert (cached.name, cached.dim) == (counting.name, counting.dim)
    vectors = cached.encode_queries(["城中区一季度新增就业多少"])
    assert counting.query_calls == 1
    np.testing.assert_array_equal(vectors, counting.inner.encode_queries(["城中区一季度新增就业多少"]))
    assert counting.passage_calls == []


def test_second_encode_of_the_same_texts_does_not_call_the_encoder(counting, tmp_path):
    first = CachedEncoder(counting, tmp_path).encode_passages(TEXTS)
    assert counting.encoded == TEXTS
    np.testing.assert_allclose(first, counting.inner.encode_passages(TEXTS), atol=1e-5)

    # A new object on the same directory: what a second run of a benchmark sees.
    rerun = CountingEncoder(counting.inner)
    again = CachedEncoder(rerun, tmp_path)
    second = again.encode_passages(TEXTS, progress=True)
    assert rerun.passage_calls == []
    assert (again.hits, again.misses) == (len(TEXTS), 0)
    np.testing.assert_array_equal(second, first)
    assert second.dtype == np.float32 and second.shape == (len(TEXTS), counting.dim)


def test_only_new_texts_are_encoded_and_rows_keep_their_order(counting, tmp_path):
    cached = CachedEncoder(counting, tmp_path)
    cached.encode_passages(TEXTS[:2])
    counting.passage_calls.clear()
    mixed = [TEXTS[3], TEXTS[0], TEXTS[2], TEXTS[1]]
    vectors = cached.encode_passages(mixed)
    assert sorted(counting.encoded) == sorted([TEXTS[2], TEXTS[3]])
    np.testing.assert_allclose(vectors, counting.inner.encode_passages(mixed), atol=1e-5)


def test_repeated_texts_are_encoded_once(counting, tmp_path):
    texts = [TEXTS[0], TEXTS[1], TEXTS[0], TEXTS[0]]
    vectors = CachedEncoder(counting, tmp_path).encode_passages(texts)
    assert counting.encoded == [TEXTS[0], TEXTS[1]]
    np.testing.assert_array_equal(vectors[0], vectors[2])
    np.testing.assert_array_equal(vectors[0], vectors[3])
    assert not np.array_equal(vectors[0], vectors[1])


def test_key_is_the_exact_text(counting, tmp_path):
    cached = CachedEncoder(counting, tmp_path)
    cached.encode_passages([TEXTS[0]])
    cached.encode_passages([TEXTS[0] + " ", TEXTS[0].replace("。", "")])
    assert counting.encoded == [TEXTS[0], TEXTS[0] + " ", TEXTS[0].replace("。", "")]


def test_empty_input(counting, tmp_path):
    vectors = CachedEncoder(counting, tmp_path).encode_passages([])
    assert vectors.shape == (0, counting.dim)
    assert counting.passage_calls == []


def test_one_cache_file_per_encoder_name(counting, tmp_path):
    e5_file = cache_file_for((counting.vector_cache_names or (counting.name,))[0], tmp_path)  # its engine's file
    assert e5_file.parent == tmp_path / "vectors"
    assert cache_file_for("st:/models/a", tmp_path) != cache_file_for("st:/models_a", tmp_path)
    CachedEncoder(counting, tmp_path).encode_passages(TEXTS[:1])
    assert e5_file.is_file()
    # Another encoder name does not see the e5 vectors.
    other = CountingEncoder(counting.inner, name="another-encoder")
    CachedEncoder(other, tmp_path).encode_passages(TEXTS[:1])
    assert other.encoded == TEXTS[:1]
    assert cache_file_for("another-encoder", tmp_path).is_file()


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))
    assert default_cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("RAG_CACHE_DIR")
    assert default_cache_dir() == Path.home() / ".cache" / "news-qa"


def test_cache_dir_defaults_to_rag_cache_dir(counting, monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path))
    cached = CachedEncoder(counting)
    assert cached.path == cache_file_for((counting.vector_cache_names or (counting.name,))[0], tmp_path)
    cached.encode_passages(TEXTS[:1])
    assert cached.path.is_file()


def _fill(counting: CountingEncoder, cache_dir: Path) -> tuple[CachedEncoder, np.ndarray]:
    cached = CachedEncoder(counting, cache_dir)
    vectors = cached.encode_passages(TEXTS)
    counting.passage_calls.clear()
    return cached, vectors


def _moved_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*"))


def test_a_file_that_is_not_a_database_is_moved_aside_and_rebuilt(counting, tmp_path, caplog):
    cached, before = _fill(counting, tmp_path)
    cached.path.write_bytes(b"this is not sqlite " * 500)
    with caplog.at_level(logging.WARNING, logger="rag.vector_cache"):
        after = cached.encode_passages(TEXTS)
    np.testing.assert_allclose(after, before, atol=1e-5)
    assert counting.encoded == TEXTS  # the cache was lost, so everything was encoded again
    assert len(_moved_aside(cached.path)) == 1
    assert any("corrupt" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    # ...into a fresh cache that works.
    counting.passage_calls.clear()
    cached.encode_passages(TEXTS)
    assert counting.passage_calls == []


def test_damaged_pages_are_detected_and_the_cache_rebuilt(counting, tmp_path):
    cached, before = _fill(counting, tmp_path)
    data = bytearray(cached.path.read_bytes())
    assert len(data) > 8192
    data[4096:] = b"\xff" * (len(data) - 4096)  # keep the header, wreck every page after the first
    cached.path.write_bytes(bytes(data))
    after = cached.encode_passages(TEXTS)
    np.testing.assert_allclose(after, before, atol=1e-5)
    assert len(_moved_aside(cached.path)) == 1


def test_a_cache_file_of_another_encoder_is_not_trusted(counting, tmp_path):
    cached, _ = _fill(counting, tmp_path)
    impostor = CountingEncoder(counting.inner, name="impostor")
    shutil.copy(cached.path, cache_file_for("impostor", tmp_path))
    CachedEncoder(impostor, tmp_path).encode_passages(TEXTS)
    assert impostor.encoded == TEXTS
    assert len(_moved_aside(cache_file_for("impostor", tmp_path))) == 1


def test_an_unusable_cache_directory_does_not_stop_encoding(counting, tmp_path, caplog):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="rag.vector_cache"):
        vectors = CachedEncoder(counting, blocker).encode_passages(TEXTS)
    np.testing.assert_allclose(vectors, counting.inner.encode_passages(TEXTS), atol=1e-5)
    assert any(r.levelno == logging.WARNING for r in caplog.records)


WRITER = """
import sys, time
from pathlib import Path
from rag.encoders import make_encoder
from rag.vector_cache import CachedEncoder
cache_dir, start, stop = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
texts = [f"第{i}条：城中区一季度新增就业{i * 7}人。" for i in range(start, stop)]
encoder = CachedEncoder(make_encoder(), cache_dir)
(cache_dir / f"ready-{start}").touch()
while not (cache_dir / "go").exists():  # both open the new cache file at the same moment
    time.sleep(0.001)
print(encoder.encode_passages(texts, batch_size=4).shape[0])
"""


@pytest.mark.parametrize("attempt", range(4))  # the race is timing-dependent: give it several chances to show
def test_two_processes_can_fill_one_cache_at_the_same_time(counting, tmp_path, attempt):
    # Overlapping ranges, so both write some of the same keys.
    ranges = (("0", "20"), ("10", "30"))
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), start, stop], cwd=PROJECT_ROOT,
                         env={**os.environ, "OMP_NUM_THREADS": "1"},  # one core each, not four threads on two
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for start, stop in ranges
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready-{start}").exists() for start, _ in ranges) and time.monotonic() < deadline:
        time.sleep(0.01)
    (tmp_path / "go").touch()
    outputs = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err[-2000:] for _, err in outputs]
    assert [out.strip() for out, _ in outputs] == ["20", "20"]
    # Neither writer may have fallen back to running without the cache.
    assert not [err for _, err in outputs if "unusable" in err], [err[-2000:] for _, err in outputs]
    union = [f"第{i}条：城中区一季度新增就业{i * 7}人。" for i in range(30)]
    cached = CachedEncoder(counting, tmp_path)
    vectors = cached.encode_passages(union)
    assert counting.passage_calls == []
    np.testing.assert_allclose(vectors[::10], counting.inner.encode_passages(union[::10]), atol=1e-5)


def test_only_the_newest_moved_aside_file_is_kept(counting, tmp_path, caplog):
    cached, before = _fill(counting, tmp_path)
    older = [cached.path.with_name(f"{cached.path.name}.corrupt-20200101T000000-{pid}") for pid in (11, 12)]
    for path in older:
        path.write_bytes(b"an old corrupt copy " * 100)
    other = cache_file_for("another encoder", tmp_path)
    other_aside = other.with_name(f"{other.name}.corrupt-20200101T000000-13")
    other_aside.write_bytes(b"another cache's copy")

    cached.path.write_bytes(b"first corruption " * 500)
    with caplog.at_level(logging.INFO, logger="rag.vector_cache"):
        np.testing.assert_allclose(cached.encode_passages(TEXTS), before, atol=1e-5)
    kept = _moved_aside(cached.path)
    assert len(kept) == 1 and kept[0] not in older
    assert kept[0].read_bytes() == b"first corruption " * 500
    assert other_aside.is_file()  # another cache file's copy is not this one's to delete
    removed = [r.getMessage() for r in caplog.records if "removed" in r.getMessage()]
    assert len(removed) == 2 and all(any(p.name in m for m in removed) for p in older)

    # A second corruption replaces the first copy: still one, the newest.
    cached.path.write_bytes(b"second corruption " * 500)
    cached.encode_passages(TEXTS)
    kept = _moved_aside(cached.path)
    assert len(kept) == 1 and kept[0].read_bytes() == b"second corruption " * 500
    assert other_aside.is_file()


def test_a_build_says_what_it_encodes_and_what_the_cache_gives(monkeypatch, tmp_path):
    """The build's message counts the passages really encoded: a rebuild whose vectors are all cached says so,
    rather than announcing the slow step it skips."""
    from rag.index import build_index

    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "page.txt").write_text("甲县新建污水管网\n\n本报讯　今年甲县新建污水管网12公里，惠及居民3400户。\n", encoding="utf-8")
    said: list[str] = []
    build_index(corpus, tmp_path / "first", make_encoder(), report=said.append)
    encoding = [m for m in said if m.startswith("正在编码")]
    assert len(encoding) == 1 and "取自缓存" not in encoding[0], said

    said.clear()
    build_index(corpus, tmp_path / "second", make_encoder(), report=said.append)
    assert not any(m.startswith("正在编码") for m in said), said
    assert any("全部取自缓存" in m for m in said), said
