"""`--corpus` without `--index`: another folder gets its own index and the default index stays as it was.

Before, `rag ask "…" --corpus other/` rebuilt the default index over other/, and from then on a plain `rag ask` (and
`rag serve`) read other/ instead of the articles it read before. The default index and the bundled corpus are pointed
at folders of this test (the real encoder and index are used), and the cache dir too, so nothing of the project's is
touched.
"""
from __future__ import annotations

import json

import pytest

import rag.assistant
from rag.cli import main
from rag.index import read_manifest

HOME_ARTICLE = "岚溪市就业工作稳步推进\n\n本报讯　今年一季度，岚溪市城镇新增就业3160人，完成全年目标任务的31%。\n"
OTHER_ARTICLE = "青禾县春耕生产全面展开\n\n本报讯　今年以来，青禾县已完成春播面积12.6万亩，比上年增加0.8万亩。\n"


@pytest.fixture
def folders(tmp_path, monkeypatch):
    home, other = tmp_path / "home", tmp_path / "other"
    for folder, text in ((home, HOME_ARTICLE), (other, OTHER_ARTICLE)):
        folder.mkdir()
        (folder / "article.txt").write_text(text, encoding="utf-8")
    default_index = tmp_path / "index"
    monkeypatch.setattr(rag.assistant, "DEFAULT_CORPUS", home)
    monkeypatch.setattr(rag.assistant, "DEFAULT_INDEX", default_index)
    monkeypatch.setenv("RAG_CACHE_DIR", str(tmp_path / "cache"))
    return home, other, default_index, tmp_path / "cache" / "indexes"


def _ask(capsys, *argv) -> tuple[dict, str]:
    assert main(["ask", *argv, "--json"]) == 0
    captured = capsys.readouterr()
    return json.loads(captured.out), captured.err


def test_another_folder_gets_its_own_index_and_the_default_stays(folders, capsys):
    home, other, default_index, own_indexes = folders
    first, _ = _ask(capsys, "岚溪市一季度新增就业多少人")
    assert "3160人" in first["answer"]
    built = read_manifest(default_index)

    asked_other, note = _ask(capsys, "青禾县春播面积多少", "--corpus", str(other))
    assert "12.6万亩" in asked_other["answer"]
    assert "自己的索引" in note and str(default_index) in note
    assert read_manifest(default_index) == built  # not rebuilt over other/
    (own,) = own_indexes.iterdir()
    assert read_manifest(own)["corpus"] == str(other.resolve())

    again, _ = _ask(capsys, "岚溪市一季度新增就业多少人")
    assert "3160人" in again["answer"] and again["citations"][0]["source"] == "article.txt"
    assert read_manifest(default_index) == built


def test_the_folder_the_default_index_was_built_from_keeps_using_it(folders, capsys):
    home, other, default_index, own_indexes = folders
    assert main(["index", "--corpus", str(other), "--index", str(default_index)]) == 0
    capsys.readouterr()
    asked, note = _ask(capsys, "青禾县春播面积多少", "--corpus", str(other))
    assert "12.6万亩" in asked["answer"] and "自己的索引" not in note
    assert not own_indexes.exists()
    plain, _ = _ask(capsys, "青禾县春播面积多少")  # the default index serves the folder it was built from
    assert "12.6万亩" in plain["answer"]


def test_an_explicit_index_is_used_as_given(folders, capsys, tmp_path):
    home, other, default_index, own_indexes = folders
    chosen = tmp_path / "chosen"
    asked, note = _ask(capsys, "青禾县春播面积多少", "--corpus", str(other), "--index", str(chosen))
    assert "12.6万亩" in asked["answer"] and "自己的索引" not in note
    assert read_manifest(chosen)["corpus"] == str(other.resolve())
    assert not default_index.exists() and not own_indexes.exists()
