"""The jieba tokenizer for the keyword leg and the corpus's user dictionary, on real seed text."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import jieba
import pytest

from rag.tokenize import ChineseTokenizer, extract_user_words



@pytest.fixture(scope="module")
def seed_user_words(seed_blocks) -> list[str]:
    return extract_user_words(seed_blocks)


@pytest.fixture(scope="module")
def tokenizer(seed_user_words) -> ChineseTokenizer:
    return ChineseTokenizer(seed_user_words)


@pytest.fixture(scope="module")
def plain_tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer()


# -- extract_user_words ---------------------------------------------------------


def test_user_words_from_seeds_include_the_local_place_names(seed_user_words):
    for name in ("城中区", "祁连县", "哈拉直沟乡", "海北藏族自治州", "零工驿站"):
        assert name in seed_user_words


def test_user_words_are_bounded_sorted_and_deterministic(seed_user_words, seed_blocks):
    assert seed_user_words == sorted(set(seed_user_words))
    assert all(2 <= len(word) <= 8 for word in seed_user_words)
    # No clauses: nothing with punctuation, spaces or the commonest function characters.
    assert not [w for w in seed_user_words if re.search(r"[\W_]", w) or set(w) & set("的了，。")]
    assert extract_user_words(seed_blocks) == seed_user_words
    # A bounded dictionary: a few per paragraph at most, not every n-gram.
    assert len(seed_user_words) < len(seed_blocks)


def test_a_name_does_not_swallow_the_verb_or_place_before_it():
    words = extract_user_words(
        [
            "记者走进互助县哈拉直沟乡春灌现场。",
            "针对春灌难题，哈拉直沟乡党委积极争取项目支持。",
            "记者从海北藏族自治州祁连县政府了解到。",
        ]
    )
    assert "哈拉直沟乡" in words
    assert "祁连县" in words
    assert not [w for w in words if w.startswith(("走进", "记者", "从"))]
    assert "互助县哈拉直沟乡" not in words
    assert "海北藏族自治州祁连县" not in words


def test_common_words_ending_in_a_suffix_character_are_not_names():
    words = extract_user_words(["全省城市干部到各乡镇举办培训。"] * 3)
    assert not {"全省", "城市", "干部", "乡镇", "各乡镇", "举办"} & set(words)


def test_repeated_quoted_names_are_kept_but_one_off_speech_is_not():
    texts = [
        "城中区打造“零工驿站”，“零工驿站”小程序已注册企业176家。",
        "他说：“过了正月十五再说”。",
    ]
    words = extract_user_words(texts)
    assert "零工驿站" in words
    assert "过了正月十五再说" not in words


def test_no_text_gives_no_words():
    assert extract_user_words([]) == []
    assert extract_user_words(["", "2025年3月1日", "abc"]) == []


# -- ChineseTokenizer ------------------------------------------------------------


def test_place_names_stay_whole_in_search_mode(tokenizer):
    tokens = tokenizer.tokenize("西宁市城中区人力资源和社会保障局")
    assert "城中区" in tokens
    assert "西宁市" in tokens
    assert "和" not in tokens


def test_user_words_change_the_cut(tokenizer, plain_tokenizer):
    text = "互助县哈拉直沟乡春灌现场见闻"
    assert "哈拉直沟乡" in tokenizer.tokenize(text)
    assert "哈拉直沟乡" not in plain_tokenizer.tokenize(text)


def test_numbers_stay_whole_and_width_and_case_are_normalised(plain_tokenizer):
    tokens = plain_tokenizer.tokenize("累计带动就业2047人，订单超２．４６万单，ＡＩ一体机")
    assert "2047" in tokens
    assert "人" in tokens
    assert "2.46" in tokens
    assert "ai" in tokens


def test_punctuation_whitespace_and_stopwords_are_dropped(plain_tokenizer):
    tokens = plain_tokenizer.tokenize("城中区的就业工作 取得了成效、和\n进展！（下转第六版）")
    assert tokens
    assert all(re.search(r"\w", t) for t in tokens)
    assert not {"的", "了", "和", " ", "\n", "、", "！"} & set(tokens)
    assert {"城中区", "就业", "成效", "进展"} <= set(tokens)


def test_question_words_are_dropped_but_single_characters_kept(plain_tokenizer):
    tokens = plain_tokenizer.tokenize("城中区一季度新增就业多少人？")
    assert "多少" not in tokens
    assert "人" in tokens
    assert "就业" in tokens


def test_empty_and_punctuation_only_text(plain_tokenizer):
    assert plain_tokenizer.tokenize("") == []
    assert plain_tokenizer.tokenize("，。！？ \n\t……") == []


def test_tokenizers_do_not_share_user_words(plain_tokenizer):
    ChineseTokenizer(["哈拉直沟乡"])
    assert "哈拉直沟乡" not in plain_tokenizer.tokenize("哈拉直沟乡")
    assert not jieba.dt.FREQ.get("哈拉直沟乡")  # the global jieba is never touched


def run_python(code: str, env_changes: dict[str, str]) -> None:
    env = {**os.environ, **env_changes}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)


def test_jieba_cache_goes_to_the_private_directory_not_the_shared_tmp(tmp_path):
    # A fresh process: within one, the stock dictionary is loaded only once.
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    run_python(
        "from rag.tokenize import ChineseTokenizer; ChineseTokenizer()",
        {"RAG_CACHE_DIR": str(tmp_path / "cache"), "TMPDIR": str(shared_tmp)},
    )
    assert (tmp_path / "cache" / "jieba" / "jieba.cache").is_file()
    assert not list(shared_tmp.glob("jieba*"))

    run_python(
        f"from pathlib import Path; from rag.tokenize import ChineseTokenizer; "
        f"ChineseTokenizer(cache_dir=Path({str(tmp_path / 'given')!r}))",
        {"TMPDIR": str(shared_tmp)},
    )
    assert (tmp_path / "given" / "jieba.cache").is_file()


def test_settings_describe_the_user_dictionary(tokenizer, plain_tokenizer, seed_user_words):
    settings = tokenizer.settings()
    assert settings["mode"] == "search"
    assert settings["user_words"] == len(seed_user_words)
    assert settings["user_words_sha256"] != plain_tokenizer.settings()["user_words_sha256"]
    reordered = ChineseTokenizer(list(reversed(seed_user_words)))
    assert reordered.settings() == settings


def test_ask_on_a_full_disk_answers_without_a_jieba_traceback_or_temp_file(seed_index_dir, seeds_dir, tmp_path):
    """F7: the cache directory on a full 1 MB tmpfs (jieba's dictionary cache needs ~9 MB).

    Runs `rag ask` in a private mount namespace (needs unshare and mount rights; skipped elsewhere).
    """
    import shutil

    disk = tmp_path / "full-disk"
    disk.mkdir()
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs {disk}"], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs unshare and mount rights)")
    ask = [sys.executable, "-m", "rag.cli", "ask", "祁连县城镇新增就业多少人？", "--index", str(seed_index_dir), "--corpus", str(seeds_dir)]
    script = (f"mount -t tmpfs -o size=1m tmpfs {disk} && "
              f"{' '.join(ask)}; code=$?; echo; echo LEFT:; find {disk} -type f -printf '%f\\n'; exit $code")
    env = {**os.environ, "RAG_CACHE_DIR": str(disk), "RAG_LLM_BASE_URL": ""}
    process = subprocess.run(["unshare", "-m", "sh", "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    assert "568" in process.stdout  # the answer is there
    assert "Traceback" not in process.stderr and "Dump cache file failed" not in process.stderr, process.stderr
    left = process.stdout.split("LEFT:", 1)[1].split()
    assert not [name for name in left if "tmp" in name], left  # no temp file left in the cache directory
