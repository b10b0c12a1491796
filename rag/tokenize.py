"""Chinese tokenization for the keyword leg, and the corpus's own user dictionary.

jieba's stock dictionary knows common words and many big place names, but
the news we index is full of small places, offices and programmes
("哈拉直沟乡", "海连社区", "零工驿站") that it cuts into meaningless single
characters. ``extract_user_words`` finds such names in the corpus by pattern
and frequency; ``ChineseTokenizer`` cuts text with a private jieba instance
that knows them, so the index and the questions are cut the same way.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import re
import tempfile
import threading
import time
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import jieba
import jieba.posseg

from .cache_dir import default_cache_dir

log = logging.getLogger(__name__)

# Bump when the rules below change the tokens produced, so an index built
# with the old rules is recognised as stale from its manifest.
TOKENIZER_VERSION = 1

# jieba logs every dictionary load to stderr at DEBUG; our callers only need
# to hear about real problems.
jieba.setLogLevel(logging.WARNING)

# Single characters that carry no meaning for retrieval. Kept deliberately
# small: single characters otherwise stay, because short names ("互助县" cut
# as 互助/县, a surname, a one-character place) depend on them.
STOPWORDS = frozenset("的了和与及或是在也都而之着把被等其这那就吗呢吧啊")
# Question words: a question says "多少" or "哪里", its answer never does,
# so as query terms they only add noise (and BM25 would weigh them as rare).
QUESTION_WORDS = frozenset(
    "多少 什么 哪里 哪儿 哪些 哪个 哪 怎么 怎样 怎么样 如何 为什么 为何 谁 几 何时 何地".split()
)
_DROPPED = STOPWORDS | QUESTION_WORDS

_CJK = "\u4e00-\u9fff\u3400-\u4dbf"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_HAS_WORD_CHAR = re.compile(r"\w")
# Strip punctuation at token edges ("100%" -> "100") but keep it inside
# ("2.46", "1+1+n").
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")

USER_WORD_MIN_CHARS = 2
USER_WORD_MAX_CHARS = 8  # longer "words" would hide their parts from search mode


def normalise(text: str) -> str:
    """NFKC (full-width letters, digits and punctuation to half width) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


# ---------------------------------------------------------------------------
# The corpus's user dictionary
# ---------------------------------------------------------------------------

# Name endings of places and organisations. A place name ending is also a
# boundary: in "海北藏族自治州祁连县" the county starts after the prefecture.
_PLACE_SUFFIXES = ("街道", "社区", "省", "市", "州", "县", "区", "乡", "镇", "村")
_ORG_SUFFIXES = (
    "合作社", "中心", "公司", "协会", "学校", "小学", "中学", "大学", "医院",
    "局", "厅", "委", "部", "办",
)
_NAME_SUFFIXES = tuple(sorted(_PLACE_SUFFIXES + _ORG_SUFFIXES, key=len, reverse=True))
_PLACE_SUFFIX_CHARS = frozenset(s[-1] for s in _PLACE_SUFFIXES)

# jieba part-of-speech tags that never stand inside a name: verbs,
# prepositions, conjunctions, particles, adverbs, pronouns, numerals,
# measure words, direction and time words, interjections. A name is extended
# leftwards from its ending only over tokens without these tags, which keeps
# "走进互助县" from becoming a name.
_NOT_IN_NAME_TAGS = frozenset(
    "v p c u uj ul uz ud ug uv d r m q f t tg y e o x ad ag a an z zg".split()
)
# Inside a name jieba does not know, cut into single characters, a character's
# dictionary tag says little ("哈拉直沟乡": 直 is tagged as an adverb); only
# verbs, prepositions, particles, pronouns, numerals and the like still stop it.
_NOT_IN_UNKNOWN_NAME_TAGS = frozenset("v p c u uj ul uz ud ug uv r m q f y e o x".split())

# "各地党委", "这些村": a determiner in front makes a phrase, not a name.
_DETERMINERS = frozenset("各每该此这那其")

# Tags of proper names (place, organisation, other, person):
# "城中区" ends in the place word "中区", "党员干部" in the common noun "干部".
_PROPER_TAGS = frozenset("ns nt nz nr nrt nrfg".split())

# Characters a repeated term may not begin or end with: function words glue
# real terms to their neighbours ("的就业", "就业的").
_FUNCTION_CHARS = frozenset(
    "的了和与及或是在也都而之着把被等其这那就从对为向于以由将到个不有并且已还又再更最"
    "各每该本此我你他她它们年月日"
)

_QUOTED = re.compile(r'[“"「『《〈]([^“”"「」『』《》〈〉]{2,12})[”"」』》〉]')
_QUOTED_NAME = re.compile(f"[{_CJK}0-9a-z]+")
# Quoted speech and slogans ("过了正月十五再说") are not names; these
# characters mark them.
_NOT_IN_QUOTED_NAME = frozenset("的了也要在是和与就都而把被吗呢吧啊")

QUOTED_MIN_COUNT = 2
NAME_MIN_COUNT = 2  # a name is extended leftwards only over strings seen this often
REPEATED_MIN_COUNT = 3
REPEATED_MIN_CHARS = 3
REPEATED_MAX_CHARS = 6
REPEATED_MAX_CORPUS_CHARS = 5_000_000  # bounds time and memory on big corpora


@lru_cache(maxsize=1)
def _reference_segmenter() -> tuple[jieba.Tokenizer, dict[str, str]]:
    """A plain jieba (stock dictionary, no user words) and its part-of-speech table.

    Cached: it is read-only, and used only to judge where names start and
    whether stock jieba already cuts a string well.
    """
    tokenizer = _new_jieba(default_cache_dir() / "jieba")
    tags = jieba.posseg.POSTokenizer(tokenizer).word_tag_tab
    return tokenizer, tags


def extract_user_words(texts: Iterable[str]) -> list[str]:
    """Names and terms in ``texts`` that jieba should keep whole, sorted.

    Three bounded sources, each 2-8 characters:

    * place and organisation names: jieba tokens ending in a name suffix
      (省/市/州/县/区/乡/镇/村/街道/社区, 局/厅/委/部/办/中心/公司/协会/学校/小学 ...)
      with at least two characters before the suffix, extended leftwards over
      name-like tokens (no verbs, prepositions, pronouns ...; a place name
      before it starts a new name) while the longer name occurs at least
      twice in the corpus, or while jieba has cut an unknown name into
      single characters;
    * quoted names: the contents of “…”, 「…」 and 《…》 when they are a bare
      word (no punctuation, no function characters);
    * repeated terms: 3-6 character strings that stock jieba cuts with a
      single character inside, seen at least three times on jieba token
      boundaries, with at least two different neighbours on each side (so
      they are units, not fragments of a longer string).
    """
    segmenter, tags = _reference_segmenter()
    words: set[str] = set()
    quoted: Counter[str] = Counter()
    name_sites: list[list[tuple[str, bool]]] = []
    segmented_runs: list[tuple[str, list[str]]] = []
    repeated_budget = REPEATED_MAX_CORPUS_CHARS
    for text in texts:
        text = normalise(text)
        quoted.update(_quoted_names(text))
        for run in _CJK_RUN.findall(text):
            tokens = list(segmenter.cut(run, HMM=False))
            name_sites.extend(_name_site_extensions(tokens, tags))
            if repeated_budget >= len(run):
                segmented_runs.append((run, tokens))
                repeated_budget -= len(run)
    # A name is quoted again and again; a one-off quote is usually speech.
    words.update(w for w, count in quoted.items() if count >= QUOTED_MIN_COUNT)
    words.update(_choose_names(name_sites))
    words.update(_repeated_terms(segmented_runs, tags))
    return sorted(w for w in words if USER_WORD_MIN_CHARS <= len(w) <= USER_WORD_MAX_CHARS)


def _quoted_names(text: str) -> Iterable[str]:
    for match in _QUOTED.finditer(text):
        inner = match.group(1)
        if (
            len(inner) <= USER_WORD_MAX_CHARS
            and _QUOTED_NAME.fullmatch(inner)
            and re.search(f"[{_CJK}]", inner)
            and not _NOT_IN_QUOTED_NAME.intersection(inner)
        ):
            yield inner


def _name_site_extensions(
    tokens: list[str], tags: dict[str, str]
) -> Iterable[list[tuple[str, bool]]]:
    """For each token that ends a name, the candidate names ending there, shortest first.

    The shortest is the suffix token plus just enough tokens before it to
    give two characters before the suffix; each next one adds one more
    name-like token on the left. The flag says the added token belongs to
    the name without further evidence: the name so far starts with a single
    character, so jieba did not know it and cut it up, and the added token
    is another single character or a proper-name word ("逊/布/沟/村",
    "哈拉/直/沟/乡").
    """
    for i, token in enumerate(tokens):
        suffix = next((s for s in _NAME_SUFFIXES if token.endswith(s)), None)
        if suffix is None:
            continue
        if token != suffix and (
            tags.get(token) in _NOT_IN_NAME_TAGS
            or len(token) - len(suffix) < 2
            or tags.get(token[-len(suffix) - 1:], "ns") not in _PROPER_TAGS
        ):
            # A dictionary word that merely ends in a suffix character
            # (举办, 全省, 城市), or ends in such a word (党员干部, 各乡镇).
            continue
        name, first, glued = token, token, False
        extensions: list[tuple[str, bool]] = []
        for left in reversed(tokens[:i]):
            if len(name) - len(suffix) >= 2:
                extensions.append((name, glued))
            if (
                len(name) + len(left) > USER_WORD_MAX_CHARS
                or tags.get(left) in (
                    _NOT_IN_UNKNOWN_NAME_TAGS if len(left) == len(first) == 1 else _NOT_IN_NAME_TAGS
                )
                # "江苏连云港市": a place word before a name is a name of its own.
                or (len(left) > 1 and tags.get(left) == "ns")
                or left in _FUNCTION_CHARS
                or left[-1] in _PLACE_SUFFIX_CHARS
            ):
                break
            glued = len(first) == 1 and (len(left) == 1 or tags.get(left) in _PROPER_TAGS)
            name, first = left + name, left
        else:
            if len(name) - len(suffix) >= 2:
                extensions.append((name, glued))
        if extensions:
            yield extensions


def _choose_names(sites: list[list[tuple[str, bool]]]) -> set[str]:
    """At each site, the shortest name, lengthened while the longer one recurs.

    One-off words in front of a name are usually a verb or modifier of the
    sentence ("调整优化行业协会"); a name's real first characters recur with
    it, or are single characters of a name jieba does not know.
    """
    counts = Counter(name for site in sites for name, _ in site)
    chosen: set[str] = set()
    for site in sites:
        name = site[0][0]
        for longer, glued in site[1:]:
            if not glued and counts[longer] < NAME_MIN_COUNT:
                break
            name = longer
        if name[0] not in _DETERMINERS:  # "各地党委" is not a name
            chosen.add(name)
    return chosen


def _repeated_terms(segmented_runs: list[tuple[str, list[str]]], tags: dict[str, str]) -> set[str]:
    counts: Counter[str] = Counter()
    left: dict[str, set[str]] = defaultdict(set)
    right: dict[str, set[str]] = defaultdict(set)
    for run, tokens in segmented_runs:
        starts = [0]
        for token in tokens:
            starts.append(starts[-1] + len(token))
        # Only strings that begin and end on jieba's token boundaries, and
        # that jieba cuts with a single character inside: those are the
        # terms it gets wrong ("哈拉/直/沟"), not ones it already handles.
        for first in range(len(tokens)):
            has_single = False
            for last in range(first, len(tokens)):
                has_single = has_single or len(tokens[last]) == 1
                begin, end = starts[first], starts[last + 1]
                if end - begin > REPEATED_MAX_CHARS:
                    break
                if end - begin < REPEATED_MIN_CHARS or not has_single:
                    continue
                gram = run[begin:end]
                if (
                    gram[0] in _FUNCTION_CHARS
                    or gram[-1] in _FUNCTION_CHARS
                    or STOPWORDS.intersection(gram)
                    # "想通过", "系统中", "才发现": a verb, adverb or direction
                    # word at an edge means a phrase, not a term.
                    or tags.get(tokens[first]) in _NOT_IN_NAME_TAGS
                    or tags.get(tokens[last]) in _NOT_IN_NAME_TAGS
                ):
                    continue
                counts[gram] += 1
                # The edge of a run (punctuation, a number) is one kind of
                # neighbour, so boilerplate like "（下转第六版）" does not pass.
                left[gram].add(run[begin - 1] if begin > 0 else "^")
                right[gram].add(run[end] if end < len(run) else "$")
    return {
        gram
        for gram, count in counts.items()
        if count >= REPEATED_MIN_COUNT and len(left[gram]) >= 2 and len(right[gram]) >= 2
    }


# ---------------------------------------------------------------------------
# The tokenizer
# ---------------------------------------------------------------------------


def new_jieba_tokenizer(cache_dir: Path | None = None) -> jieba.Tokenizer:
    """A private jieba instance with the stock dictionary, for other uses of jieba
    (part-of-speech tagging, say): it starts in ~10 ms once one is loaded, and
    never writes the shared /tmp/jieba.cache."""
    return _new_jieba(cache_dir if cache_dir is not None else default_cache_dir() / "jieba")


def _new_jieba(cache_dir: Path) -> jieba.Tokenizer:
    """A private jieba instance with its own copy of the stock dictionary.

    Never the global ``jieba.dt``: user words added to one index's tokenizer
    must not leak into another's, and ``add_word`` extends the copy only.
    """
    frequencies, total = _stock_prefix_dictionary(cache_dir)
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = dict(frequencies)
    tokenizer.total = total
    tokenizer.initialized = True
    return tokenizer


# The stock prefix dictionary, loaded once per process and never modified
# (every tokenizer copies it). jieba's own disk cache (a marshal file, kept
# in our cache directory rather than the shared /tmp/jieba.cache) saves little:
# measured here 0.41 s to start from it against 0.50 s from dict.txt. Copying
# the loaded dictionary takes about 10 ms, so every tokenizer after the first
# in a process starts almost at once.
_STOCK_DICTIONARY_CACHE: tuple[dict[str, int], int] | None = None
_STOCK_DICTIONARY_LOCK = threading.Lock()


def _stock_prefix_dictionary(cache_dir: Path) -> tuple[dict[str, int], int]:
    global _STOCK_DICTIONARY_CACHE
    with _STOCK_DICTIONARY_LOCK:
        if _STOCK_DICTIONARY_CACHE is None:
            _STOCK_DICTIONARY_CACHE = _load_or_build_prefix_dictionary(_writable_dir(cache_dir) / JIEBA_CACHE_FILE)
        return _STOCK_DICTIONARY_CACHE


def stock_word_frequencies() -> dict[str, int]:
    """jieba's stock dictionary as word -> frequency (its prefixes map to 0), shared and read-only:
    whether some characters make a dictionary word, without cutting any text."""
    return _stock_prefix_dictionary(default_cache_dir() / "jieba")[0]


JIEBA_CACHE_FILE = "jieba.cache"  # jieba's own name and marshal format, so caches it wrote earlier are reused


def _load_or_build_prefix_dictionary(cache_file: Path) -> tuple[dict[str, int], int]:
    """jieba's stock prefix dictionary from our cache file, else built from dict.txt and cached.

    Done here rather than by ``jieba.Tokenizer.initialize`` because jieba logs
    a traceback ("Dump cache file failed") and leaves its temp file behind when
    the cache cannot be written, e.g. on a full disk. The cache is only an
    optimisation: failing to write it costs one quiet log line, nothing else.
    """
    try:
        with open(cache_file, "rb") as handle:
            frequencies, total = marshal.load(handle)
        if isinstance(frequencies, dict) and isinstance(total, int) and frequencies:
            return frequencies, total
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing or damaged: rebuild it
    loader = jieba.Tokenizer()
    frequencies, total = loader.gen_pfdict(loader.get_dict_file())
    temp: str | None = None
    try:
        descriptor, temp = tempfile.mkstemp(dir=cache_file.parent, prefix=f".{cache_file.name}.", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            marshal.dump((frequencies, total), handle)
        os.replace(temp, cache_file)
        temp = None
    except (OSError, ValueError) as exc:
        log.info("jieba dictionary cache not written to %s (%s); it is rebuilt at the next start", cache_file, exc)
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    return frequencies, total


def _writable_dir(preferred: Path) -> Path:
    """``preferred`` if it can be created and written, else a per-user temp dir.

    Choosing a writable directory up front keeps the dictionary cache
    useful when the home directory is read-only.
    """
    fallback = Path(tempfile.gettempdir()) / f"news-qa-{os.getuid()}" / "jieba"
    for directory in (preferred, fallback):
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(directory, os.W_OK):
            return directory
    log.warning("no writable cache directory for jieba; it will rebuild its dictionary each start")
    return preferred


class ChineseTokenizer:
    """jieba search-mode tokens, normalised for BM25.

    ``tokenize`` NFKC-normalises and lower-cases, cuts with
    ``cut_for_search`` (which adds the 2- and 3-character dictionary words
    inside longer words, so "城中区" also yields "城中"), drops punctuation,
    whitespace, the few single-character stopwords and question words, and
    keeps numbers whole ("2047人" -> "2047", "人"). The same tokenizer cuts
    the indexed chunks and the questions.
    """

    def __init__(self, user_words: Sequence[str] = (), cache_dir: Path | None = None) -> None:
        started = time.perf_counter()
        self._cache_dir = cache_dir if cache_dir is not None else default_cache_dir() / "jieba"
        self._jieba = _new_jieba(self._cache_dir)
        # jieba only matches words made of the characters it cuts as words
        # (no spaces or punctuation); anything else could never apply.
        self.user_words: tuple[str, ...] = tuple(
            sorted({w for w in (normalise(w).strip() for w in user_words) if jieba.re_han_default.fullmatch(w)})
        )
        for word in self.user_words:
            # freq=None lets jieba pick the smallest frequency that keeps the
            # word whole, rather than one that would swallow its neighbours.
            self._jieba.add_word(word)
        self.init_seconds = time.perf_counter() - started

    def tokenize(self, text: str) -> list[str]:
        tokens: list[str] = []
        for piece in self._jieba.cut_for_search(normalise(text)):
            token = _EDGE_PUNCT.sub("", piece)
            if token and _HAS_WORD_CHAR.search(token) and token not in _DROPPED:
                tokens.append(token)
        return tokens

    def settings(self) -> dict:
        """What an index manifest records to tell whether its tokens are still valid."""
        digest = hashlib.sha256("\n".join(self.user_words).encode("utf-8")).hexdigest()
        return {
            "tokenizer": "jieba",
            "tokenizer_version": TOKENIZER_VERSION,
            "jieba_version": jieba.__version__,
            "mode": "search",
            "hmm": True,
            "normalise": "nfkc+lower",
            "stopwords": " ".join(sorted(_DROPPED)),
            "user_words": len(self.user_words),
            "user_words_sha256": digest,
        }
