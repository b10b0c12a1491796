"""The `rag` command line: bad input, JSON output, a real subprocess run."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from rag.cli import main


@pytest.mark.parametrize(
    "argv, message",
    [
        (["ask", ""], "问题是空的"),
        (["ask", "   \n\t "], "问题是空的"),
        (["ask", "问" * 501], "问题太长"),
        (["ask", "城中区新增就业多少", "--k", "0"], "返回条数"),
        (["ask", "城中区新增就业多少", "--mode", "fuzzy"], "检索方式"),
    ],
)
def test_bad_questions_exit_2_with_a_chinese_message(argv, message, capsys, tmp_path):
    code = main([*argv, "--index", str(tmp_path / "never-built")])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "never-built").exists()  # rejected before any work


def test_missing_corpus_exits_1(capsys, tmp_path):
    code = main(["ask", "城中区新增就业多少", "--corpus", str(tmp_path / "nowhere"), "--index", str(tmp_path / "idx")])
    err = capsys.readouterr().err
    assert code == 1 and "找不到资料目录" in err


def test_unknown_encoder_exits_1(capsys, tmp_path, seeds_dir):
    code = main(["index", "--corpus", str(seeds_dir), "--index", str(tmp_path / "idx"), "--encoder", "st:/no/such/model"])
    err = capsys.readouterr().err
    assert code == 1 and "错误" in err and "Traceback" not in err


def test_ask_json_has_the_stable_keys(seed_index_dir, seeds_dir, capsys):
    code = main(["ask", "城中区一季度新增就业多少", "--json", "--corpus", str(seeds_dir), "--index", str(seed_index_dir)])
    out = capsys.readouterr().out
    assert code == 0
    result = json.loads(out)
    assert {"question", "answer", "refused", "rewritten_question", "citations"} <= set(result)
    assert result["question"] == "城中区一季度新增就业多少"
    first = result["citations"][0]
    assert {"n", "source", "title", "paragraph", "start", "end", "text", "score", "scores", "answer_start", "answer_end"} <= set(first)
    assert first["n"] == 1
    assert "城镇新增就业2047人" in first["text"]
    original = (seeds_dir / first["source"]).read_text(encoding="utf-8")
    assert "".join(original[first["start"]:first["end"]].split()) == "".join(first["text"].split())


def test_ask_in_a_real_process_prints_numbered_citations(seed_index_dir, seeds_dir):
    result = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "祁连县城镇新增就业多少人？", "--corpus", str(seeds_dir), "--index", str(seed_index_dir)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "RAG_LLM_BASE_URL": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "[1]" in result.stdout and "568人" in result.stdout
    assert "000_8ae9b2f0223bb8b0.txt" in result.stdout


def test_help_is_english_and_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "usage: rag" in capsys.readouterr().out


def test_commands_without_corpus_use_the_corpus_the_index_was_built_from(tmp_path, seeds_dir, capsys):
    """`rag ask --index X` must not sync X against the seeds when X indexes another folder."""
    import shutil

    corpus = tmp_path / "mine"
    corpus.mkdir()
    shutil.copy(seeds_dir / "002_edbf45a9668c438f.txt", corpus)
    index = tmp_path / "index"
    assert main(["index", "--corpus", str(corpus), "--index", str(index)]) == 0
    capsys.readouterr()
    assert main(["list", "--json", "--index", str(index)]) == 0
    listed = json.loads(capsys.readouterr().out)
    sources = {row["source"] for row in listed}
    assert sources == {"002_edbf45a9668c438f.txt"}
    assert main(["ask", "祁连县城镇新增就业多少人？", "--json", "--index", str(index)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert all(c["source"] == "002_edbf45a9668c438f.txt" for c in result["citations"])


def test_ask_with_an_unknown_source_says_so_and_lists_known_ones(seed_index_dir, seeds_dir, capsys):
    code = main(["ask", "城中区一季度新增就业多少", "--source", "人民日报", "--source", "000_8ae9b2f0223bb8b0.txt",
                 "--corpus", str(seeds_dir), "--index", str(seed_index_dir)])
    captured = capsys.readouterr()
    assert code == 2
    assert "没有这个来源：人民日报" in captured.err
    assert "没有这个来源：人民日报、" not in captured.err  # only the unknown name is blamed
    assert all(name in captured.err for name in ("000_8ae9b2f0223bb8b0.txt", "002_edbf45a9668c438f.txt"))
    assert "Traceback" not in captured.err and captured.out == ""
