"""Index build, publish, load, staleness, corruption and interrupted builds, with the real encoder and stores."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rag.ingest import PARSER_VERSION

from rag.encoders import make_encoder
from rag.index import (
    CURRENT_FILE,
    IndexCorrupt,
    build_index,
    load_index,
    open_index,
    read_manifest,
    staleness,
)


@pytest.fixture(scope="module")
def encoder():
    return make_encoder()


@pytest.fixture()
def small_corpus(tmp_path, seeds_dir) -> Path:
    """One real seed file, so that rebuilds in these tests stay quick."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seeds_dir / "000_8ae9b2f0223bb8b0.txt", corpus)
    return corpus


def test_manifest_records_settings_counts_and_fingerprint(seed_index_dir, seeds_dir, encoder):
    manifest = read_manifest(seed_index_dir)
    assert manifest["encoder"] == encoder.name
    assert manifest["dim"] == encoder.dim == 384
    assert manifest["counts"]["chunks"] >= manifest["counts"]["paragraphs"] > 50
    assert manifest["dense_index"] in ("flat", "hnsw")
    assert manifest["tokenizer"]
    assert set(manifest["stage_seconds"]) >= {"ingest", "chunk", "tokenize", "bm25", "encode", "faiss"}
    assert staleness(seed_index_dir, seeds_dir, encoder) is None


def test_loaded_index_parts_agree(seed_index_dir):
    index = load_index(seed_index_dir)
    counts = index.table.counts()
    assert counts["chunks"] == len(index.dense) == index.manifest["counts"]["chunks"]
    chunk = index.table.all_chunks()[0]
    paragraph = index.table.paragraph(chunk.source, chunk.paragraph)
    assert paragraph.text[chunk.para_start:chunk.para_end] == chunk.text
    # the keyword store finds a chunk by its own words
    tokens = index.tokenizer.tokenize(chunk.text)
    assert chunk.id in [item for item, _ in index.keyword.search(tokens, 5)]


def test_changed_article_makes_index_stale_and_open_rebuilds(small_corpus, tmp_path, encoder):
    index_dir = tmp_path / "index"
    assert staleness(index_dir, small_corpus, encoder) == "还没有索引"
    first = open_index(small_corpus, index_dir, encoder)
    assert staleness(index_dir, small_corpus, encoder) is None

    article = next(small_corpus.iterdir())
    article.write_text(article.read_text(encoding="utf-8") + "\n\n本报讯 新增一段测试文字：青稞酒产量达到九千吨。\n", encoding="utf-8")
    assert "资料文件有变化" in staleness(index_dir, small_corpus, encoder)
    second = open_index(small_corpus, index_dir, encoder)
    assert second.directory != first.directory
    texts = [p.text for p in second.table.all_paragraphs()]
    assert any("青稞酒产量达到九千吨" in t for t in texts)


def test_an_index_from_an_older_parser_is_stale(small_corpus, tmp_path, encoder, monkeypatch):
    # a parser change alters paragraphs and titles while the files stay the same
    index_dir = tmp_path / "index"
    open_index(small_corpus, index_dir, encoder)
    monkeypatch.setattr("rag.ingest.PARSER_VERSION", PARSER_VERSION + 1)
    reason = staleness(index_dir, small_corpus, encoder)
    assert reason is not None and "parser" in reason


def test_switching_off_a_layout_reading_makes_the_index_stale_and_back(small_corpus, tmp_path, encoder, monkeypatch):
    # RAG_INGEST_ABLATE changes how pages are cut into articles, so an index built either way must not serve the other
    index_dir = tmp_path / "index"
    open_index(small_corpus, index_dir, encoder)
    assert staleness(index_dir, small_corpus, encoder) is None
    monkeypatch.setenv("RAG_INGEST_ABLATE", "deck_line")
    reason = staleness(index_dir, small_corpus, encoder)
    assert reason is not None and "deck_line" in reason
    open_index(small_corpus, index_dir, encoder)
    assert staleness(index_dir, small_corpus, encoder) is None
    for unswitched in ("no_such_reading", None):  # a name no reading has is no switch: as if none were set
        if unswitched:
            monkeypatch.setenv("RAG_INGEST_ABLATE", unswitched)
        else:
            monkeypatch.delenv("RAG_INGEST_ABLATE")
        reason = staleness(index_dir, small_corpus, encoder)
        assert reason is not None and "parser" in reason and "deck_line" in reason
    monkeypatch.setenv("RAG_INGEST_ABLATE", "lead_places")  # a reading of the setting (rag.setting) counts too
    reason = staleness(index_dir, small_corpus, encoder)
    assert reason is not None and "lead_places" in reason


def test_other_encoder_makes_index_stale(seed_index_dir, seeds_dir, minilm_encoder):
    reason = staleness(seed_index_dir, seeds_dir, minilm_encoder)
    assert reason is not None and "encoder" in reason


@pytest.mark.parametrize("damage", ["manifest", "table", "dense", "pointer"])
def test_corrupt_index_is_detected_and_rebuilt(small_corpus, tmp_path, encoder, damage):
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, encoder)
    build = load_index(index_dir).directory
    if damage == "manifest":
        (build / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "table":
        (build / "chunks.sqlite").write_bytes(b"this is not a database" * 100)
    elif damage == "dense":
        for file in (build / "dense").iterdir():
            file.write_bytes(b"\0garbage")
    else:
        (index_dir / CURRENT_FILE).write_text("no-such-build\n", encoding="utf-8")

    if damage in ("manifest", "pointer"):
        assert "损坏" in staleness(index_dir, small_corpus, encoder)
    else:
        with pytest.raises(IndexCorrupt):
            load_index(index_dir)
    messages: list[str] = []
    index = open_index(small_corpus, index_dir, encoder, report=messages.append)
    assert any("损坏" in m for m in messages)
    assert index.table.counts()["chunks"] > 0


def test_killed_build_leaves_previous_index_usable(small_corpus, tmp_path, encoder):
    """Kill `rag index --force` at several moments; the published index must stay loadable and unchanged."""
    index_dir = tmp_path / "index"
    build_index(small_corpus, index_dir, encoder)
    before = read_manifest(index_dir)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "rag.cli", "index", "--force", "--corpus", str(small_corpus), "--index", str(index_dir)]
    for delay in (0.3, 1.0, 2.0, 3.5):
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        manifest = read_manifest(index_dir)
        index = load_index(index_dir)
        assert index.table.counts()["chunks"] == manifest["counts"]["chunks"]
        assert manifest["corpus_fingerprint"] == before["corpus_fingerprint"]
    # a later build cleans up what the killed ones left behind
    build_index(small_corpus, index_dir, encoder)
    assert len(list((index_dir / "builds").iterdir())) <= 2


def test_sentence_transformers_encoder_builds_a_working_index(small_corpus, tmp_path, minilm_encoder):
    index_dir = tmp_path / "index"
    index = open_index(small_corpus, index_dir, minilm_encoder)
    assert read_manifest(index_dir)["encoder"] == minilm_encoder.name
    vector = minilm_encoder.encode_queries(["Qilian county"])[0]
    assert len(index.dense.search(vector, 3)) == 3


def test_manifest_is_json_without_pickle(seed_index_dir):
    build = load_index(seed_index_dir).directory
    json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    for file in build.rglob("*"):
        if file.is_file():
            assert not file.read_bytes().startswith(b"\x80\x04"), f"{file} looks like a pickle"
