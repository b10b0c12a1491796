"""`rag add` / `rag remove` / `rag list`, filters, hot reload and crash safety, with the real encoder and index."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rag.assistant import Assistant, InvalidQuestion, validate_filters
from rag.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_SKIPPED, main
from rag.encoders import make_encoder
from rag.index import CURRENT_FILE, FAULT_POINTS, build_index, load_index, open_index, published_build_name, read_manifest
from rag.library import add_paths, list_sources, remove_sources

SEED_FILE = "000_8ae9b2f0223bb8b0.txt"
SEED_QUESTION = "祁连县城镇新增就业多少人？"
SEED_EVIDENCE = "568人"

LIBRARY_MD = """---
title: 西宁市新建三座公共图书馆
date: 2026-01-05
source: 西宁晚报
---
# 西宁市新建三座公共图书馆

本报讯 西宁市今年新建三座公共图书馆，总投资1.2亿元，预计年底前全部开放。

新馆藏书总量将达到四十五万册，其中少儿图书十二万册。
"""

HEATING_RECORD = {"title": "海东市冬季供暖面积扩大", "text": "海东市今年冬季集中供暖面积达到2300万平方米，比去年增加8%。", "date": "2026-02-01", "source": "新华社", "url": "https://example.org/heat"}
BRIDGE_RECORD = {"title": "湟水河新桥通车", "text": "湟水河上的朝阳大桥于去年12月通车，全长860米。", "date": "2025-12-20", "source": "青海日报"}
UNDATED_TEXT = "本报讯 互助县今年种植青稞一万二千亩，青稞酒产量达到九千吨。\n"


@pytest.fixture(scope="module", autouse=True)
def own_vector_cache(tmp_path_factory):
    """A vector cache of this module's own, so 'encoded' counts what really went through the encoder."""
    previous = os.environ.get("RAG_CACHE_DIR")
    os.environ["RAG_CACHE_DIR"] = str(tmp_path_factory.mktemp("vector-cache"))
    yield
    if previous is None:
        os.environ.pop("RAG_CACHE_DIR", None)
    else:
        os.environ["RAG_CACHE_DIR"] = previous


@pytest.fixture(scope="module")
def encoder():
    return make_encoder()


@pytest.fixture(scope="module")
def base_index(tmp_path_factory, seeds_dir, encoder) -> tuple[Path, Path]:
    """(corpus, index) of one seed file, built once; tests work on copies."""
    root = tmp_path_factory.mktemp("base")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(seeds_dir / SEED_FILE, corpus)
    build_index(corpus, root / "index", encoder)
    return corpus, root / "index"


@pytest.fixture()
def index(base_index, tmp_path) -> tuple[Path, Path]:
    corpus, index_dir = base_index
    shutil.copytree(index_dir, tmp_path / "index")
    return corpus, tmp_path / "index"


@pytest.fixture()
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "library.md").write_text(LIBRARY_MD, encoding="utf-8")
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (HEATING_RECORD, BRIDGE_RECORD)) + "\n", encoding="utf-8")
    (folder / "huzhu.txt").write_text(UNDATED_TEXT, encoding="utf-8")
    return folder


def _compact(text: str) -> str:
    return "".join(text.split())


def _ask(assistant: Assistant, question: str, **filters) -> list[str]:
    answer = assistant.ask(question, filters=validate_filters(**filters) if filters else None)
    return [_compact(c.text) for c in answer.citations]


def _snapshot(corpus: Path, index_dir: Path) -> list:
    """What an index answers to a fixed set of questions, for before/after comparisons."""
    assistant = Assistant(load_index(index_dir), make_encoder(), corpus, llm=None)
    out = []
    for question in (SEED_QUESTION, "海东市冬季供暖面积多少", "湟水河朝阳大桥全长多少米"):
        answer = assistant.ask(question)
        out.append((answer.answer, [(c.source, c.paragraph) for c in answer.citations]))
    return out


def test_add_files_of_each_format_keeps_metadata_and_answers_from_them(index, inbox, encoder):
    corpus, index_dir = index
    outcome = add_paths(index_dir, encoder, [inbox])
    assert [str(p) for p in outcome.problems] == [] and not outcome.skipped_any
    assert sorted(outcome.result.added) == ["huzhu.txt", "library.md", "wire.jsonl"]

    rows = {row["source"]: row for row in list_sources(index_dir, "added")}
    assert set(rows) == {"library.md", "wire.jsonl#1", "wire.jsonl#2", "huzhu.txt"}
    assert rows["library.md"]["title"] == "西宁市新建三座公共图书馆" and rows["library.md"]["date"] == "2026-01-05"
    assert rows["library.md"]["label"] == "西宁晚报" and rows["library.md"]["paragraphs"] == 2
    assert rows["wire.jsonl#1"]["title"] == HEATING_RECORD["title"] and rows["wire.jsonl#1"]["date"] == "2026-02-01"
    assert rows["wire.jsonl#1"]["label"] == "新华社" and rows["wire.jsonl#1"]["url"] == HEATING_RECORD["url"]
    assert rows["huzhu.txt"]["date"] is None and rows["huzhu.txt"]["added_at"]

    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    answer = assistant.ask("海东市冬季供暖面积多少")
    first = answer.citations[0]
    assert first.source == "wire.jsonl#1" and first.title == HEATING_RECORD["title"] and first.date == "2026-02-01"
    assert "2300万平方米" in answer.answer
    # the seed articles still answer as before
    assert SEED_EVIDENCE in assistant.ask(SEED_QUESTION).answer


def test_only_new_paragraphs_are_encoded_and_ids_are_never_reused(index, inbox, encoder):
    corpus, index_dir = index
    before = load_index(index_dir)
    old_ids = {c.id for c in before.table.all_chunks()}
    result = add_paths(index_dir, encoder, [inbox / "wire.jsonl"]).result
    after = load_index(index_dir)
    new_ids = {c.id for c in after.table.all_chunks()} - old_ids
    assert result.new_chunks == len(new_ids) == 2  # two short records, one chunk each
    assert result.encoded <= 2  # the seed chunks were not encoded again
    assert min(new_ids) > max(old_ids)
    assert set(after.dense.ids().tolist()) == old_ids | new_ids

    # replace the file: its old chunks go, new ones get fresh ids; removing and re-adding never reuses an id
    changed = dict(HEATING_RECORD, text="海东市今年冬季集中供暖面积达到2500万平方米。")
    (inbox / "wire.jsonl").write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    replaced = add_paths(index_dir, encoder, [inbox / "wire.jsonl"]).result
    assert replaced.replaced == ["wire.jsonl"] and replaced.new_chunks == 1
    third = load_index(index_dir)
    ids = {c.id for c in third.table.all_chunks()}
    assert not (ids & new_ids) and min(ids - old_ids) > max(new_ids)
    texts = "".join(p.text for p in third.table.all_paragraphs())
    assert "2500万平方米" in texts and "2300万平方米" not in texts and "朝阳大桥" not in texts


def test_readding_an_unchanged_file_does_nothing(index, inbox, encoder):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox])
    published = published_build_name(index_dir)
    again = add_paths(index_dir, encoder, [inbox / "library.md", inbox])  # by file and by folder: same names
    assert sorted(again.result.unchanged) == ["huzhu.txt", "library.md", "wire.jsonl"]
    assert again.result.manifest is None and published_build_name(index_dir) == published


def test_same_paragraph_from_two_sources_is_stored_once_and_cited_with_both(index, inbox, encoder, tmp_path):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox / "library.md"])
    copy = tmp_path / "reprint.jsonl"
    copy.write_text(json.dumps({"title": "转载", "text": "新馆藏书总量将达到四十五万册，其中少儿图书十二万册。", "source": "转载网"}, ensure_ascii=False), encoding="utf-8")
    result = add_paths(index_dir, encoder, [copy]).result
    assert result.added == ["reprint.jsonl"] and result.new_chunks == 0  # nothing new to index

    idx = load_index(index_dir)
    holders = [c for c in idx.table.all_chunks() if "四十五万册" in c.text]
    assert len(holders) == 1 and holders[0].source == "library.md"
    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    cited = next(c for c in assistant.ask("新馆藏书总量将达到多少册").citations if "四十五万册" in c.text)
    assert cited.source == "library.md" and cited.also_in == ("reprint.jsonl#1",)

    # when the indexed copy goes, the other source takes its place
    remove_sources(index_dir, encoder, ["library.md"])
    idx = load_index(index_dir)
    holders = [c for c in idx.table.all_chunks() if "四十五万册" in c.text]
    assert [c.source for c in holders] == ["reprint.jsonl#1"]


def test_remove_takes_articles_out_and_refuses_what_it_cannot_remove(index, inbox, encoder):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox])
    before = load_index(index_dir).table.counts()["chunks"]
    outcome = remove_sources(index_dir, encoder, ["library.md", SEED_FILE, "no-such.txt", "wire.jsonl#1"])
    assert outcome.result.removed == ["library.md"]
    assert outcome.unknown == ["no-such.txt"]
    assert [name for name, _ in outcome.refused] == [SEED_FILE, "wire.jsonl#1"]
    idx = load_index(index_dir)
    assert idx.table.counts()["chunks"] == before - 2 == len(idx.dense) == len(idx.keyword)
    assert "library.md" not in {row["source"] for row in list_sources(index_dir)}
    assistant = Assistant(idx, encoder, corpus, llm=None)
    assert all("图书馆" not in _compact(t) for t in _ask(assistant, "西宁市新建几座公共图书馆"))


def test_date_and_source_filters_restrict_retrieval(index, inbox, encoder):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox])
    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    question = "今年新建了什么，面积多少"
    january = assistant.search(question, k=10, filters=validate_filters(since="2026-01-01", until="2026-01-31")).hits
    assert january and {h.paragraph.source for h in january} == {"library.md"}
    since = assistant.search(question, k=10, filters=validate_filters(since="2026-01-01")).hits
    assert {h.paragraph.source for h in since} == {"library.md", "wire.jsonl#1"}  # undated and older left out
    by_label = assistant.search(question, k=10, filters=validate_filters(sources=["青海日报"])).hits
    assert {h.paragraph.source for h in by_label} == {"wire.jsonl#2"}
    by_file = assistant.search(question, k=10, filters=validate_filters(sources=["wire.jsonl"])).hits
    assert {h.paragraph.source for h in by_file} == {"wire.jsonl#1", "wire.jsonl#2"}
    nothing = assistant.ask(question, filters=validate_filters(since="2030-01-01"))
    assert nothing.refused and not nothing.citations and "筛选" in nothing.note
    with pytest.raises(InvalidQuestion):
        validate_filters(since="2026-02-01", until="2026-01-01")


def test_cli_add_list_remove_and_filtered_ask(index, inbox, capsys):
    corpus, index_dir = index
    common = ["--corpus", str(corpus), "--index", str(index_dir)]
    assert main(["add", str(inbox), *common]) == EXIT_OK
    capsys.readouterr()
    assert main(["list", "--added", "--json", *common]) == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert {row["source"] for row in rows} == {"library.md", "wire.jsonl#1", "wire.jsonl#2", "huzhu.txt"}
    assert main(["ask", "海东市冬季供暖面积多少", "--json", "--since", "2026-01-01", "--source", "新华社", *common]) == EXIT_OK
    result = json.loads(capsys.readouterr().out)
    assert [c["source"] for c in result["citations"]] == ["wire.jsonl#1"]
    assert result["citations"][0]["date"] == "2026-02-01" and result["citations"][0]["also_in"] == []
    assert main(["ask", "供暖面积多少", "--since", "2026-1-1", *common]) == EXIT_BAD_INPUT
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["remove", "library.md", "nothing-here.md", *common]) == EXIT_SKIPPED
    err = capsys.readouterr().err
    assert "跳过 nothing-here.md" in err and "删除 1 个" in err


def test_bad_files_are_reported_one_line_each_and_the_rest_goes_in(index, inbox, tmp_path, capsys):
    corpus, index_dir = index
    (inbox / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (inbox / "gbk.txt").write_bytes("本报讯 这是一篇国标编码的稿件。".encode("gbk"))
    (inbox / "empty.md").write_text("", encoding="utf-8")
    with open(inbox / "huge.txt", "wb") as handle:  # sparse: 200 MB on paper, no disk used
        handle.truncate(200 * 1024 * 1024)
    (inbox / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    lines = [json.dumps(BRIDGE_RECORD, ensure_ascii=False), "{not json", "[1, 2]", json.dumps({"title": "无正文"}),
             json.dumps({"title": "<b>标记</b>标题<script>x</script>", "text": "门源县油菜花节接待游客三十万人次。", "date": "明天"}, ensure_ascii=False)]
    (inbox / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    code = main(["add", str(inbox), "--corpus", str(corpus), "--index", str(index_dir)])
    err = capsys.readouterr().err
    assert code == EXIT_SKIPPED and "Traceback" not in err
    expected = {
        "跳过 binary.txt：不是文本文件": 1,
        "跳过 gbk.txt：不是 UTF-8 编码": 1,
        "跳过 empty.md：文件是空的": 1,
        "跳过 huge.txt：文件太大（200.0 MB）": 1,
        "跳过 photo.jpg：不支持的文件类型": 1,
        "跳过 mixed.jsonl 第 2 行：不是有效的 JSON": 1,
        "跳过 mixed.jsonl 第 3 行：不是 JSON 对象": 1,
        "跳过 mixed.jsonl 第 4 行：缺少正文": 1,
        "注意 mixed.jsonl 第 5 行：标题含有 HTML 标记": 1,
        "注意 mixed.jsonl 第 5 行：日期“明天”无法识别": 1,
    }
    for message, count in expected.items():
        assert err.count(message) == count, (message, err)
    rows = {row["source"]: row for row in list_sources(index_dir, "added")}
    assert set(rows) == {"library.md", "wire.jsonl#1", "wire.jsonl#2", "huzhu.txt", "mixed.jsonl#1", "mixed.jsonl#5"}
    assert rows["mixed.jsonl#5"]["title"] == "标记标题x" and rows["mixed.jsonl#5"]["date"] is None

    # a batch with nothing usable changes nothing and says so
    published = published_build_name(index_dir)
    assert main(["add", str(inbox / "binary.txt"), "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_SKIPPED
    assert published_build_name(index_dir) == published


def test_a_running_assistant_picks_up_a_new_version_and_old_readers_keep_working(index, inbox, encoder):
    corpus, index_dir = index
    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    held = load_index(index_dir)  # a reader that resolved the old build
    assert not any("2300万平方米" in t for t in _ask(assistant, "海东市冬季供暖面积多少"))
    add_paths(index_dir, encoder, [inbox / "wire.jsonl"])
    add_paths(index_dir, encoder, [inbox / "library.md"])
    add_paths(index_dir, encoder, [inbox / "huzhu.txt"])  # the held build's folder is gone by now
    assert not (held.directory).exists()
    assert any("2300万平方米" in t for t in _ask(assistant, "海东市冬季供暖面积多少"))  # no restart
    assert assistant.index.directory.name == published_build_name(index_dir)
    # the old reader still answers from its complete (unlinked) build
    old = Assistant(held, encoder, corpus, llm=None)
    assert SEED_EVIDENCE in old.ask(SEED_QUESTION).answer


def test_settings_change_rebuilds_everything_and_keeps_added_articles(index, inbox, encoder, minilm_encoder):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox / "wire.jsonl"])
    rebuilt = open_index(corpus, index_dir, minilm_encoder)
    assert read_manifest(index_dir)["encoder"] == minilm_encoder.name
    assert {"wire.jsonl#1", "wire.jsonl#2"} <= {p.source for p in rebuilt.table.all_paragraphs()}
    assert len(rebuilt.dense) == rebuilt.table.counts()["chunks"]


def test_a_changed_corpus_file_is_redone_alone(index, inbox, encoder):
    corpus, index_dir = index
    extra = corpus.parent / "corpus-two"
    shutil.copytree(corpus, extra)
    (extra / "local.txt").write_text(UNDATED_TEXT, encoding="utf-8")
    open_index(extra, index_dir, encoder)
    add_paths(index_dir, encoder, [inbox / "library.md"])
    before = {c.id: c.text for c in load_index(index_dir).table.all_chunks() if c.source == SEED_FILE}
    (extra / "local.txt").write_text("本报讯 互助县今年种植青稞一万五千亩。\n", encoding="utf-8")
    idx = open_index(extra, index_dir, encoder)
    assert {c.id: c.text for c in idx.table.all_chunks() if c.source == SEED_FILE} == before
    texts = [c.text for c in idx.table.all_chunks()]
    assert any("一万五千亩" in t for t in texts) and not any("一万二千亩" in t for t in texts)
    assert "library.md" in {p.source for p in idx.table.all_paragraphs()}
    shutil.rmtree(extra)


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_killed_add_leaves_the_index_as_before_or_after(index, inbox, point):
    """kill -9 at each step of `rag add`: the index loads and answers exactly as before (or, once published, as after)."""
    corpus, index_dir = index
    before = _snapshot(corpus, index_dir)
    env = {**os.environ, "RAG_FAULT_AT": point, "RAG_FAULT_MODE": "kill", "RAG_LLM_BASE_URL": ""}
    process = subprocess.run([sys.executable, "-m", "rag.cli", "add", str(inbox), "--corpus", str(corpus), "--index", str(index_dir)],
                             env=env, capture_output=True, text=True, timeout=300)
    assert process.returncode == -9, process.stderr
    after = _snapshot(corpus, index_dir)
    if point == "after_publish":
        assert after != before and "2300万平方米" in after[1][0]
    else:
        assert after == before
    assert len(list((index_dir / "builds").iterdir())) <= 3  # at most one abandoned folder, cleaned by the next update
    # the next command works and cleans up
    assert main(["add", str(inbox), "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_OK
    assert "2300万平方米" in _snapshot(corpus, index_dir)[1][0]
    assert len(list((index_dir / "builds").iterdir())) <= 2


@pytest.mark.parametrize("point", [p for p in FAULT_POINTS if p != "after_publish"])
def test_disk_full_during_add_or_remove_changes_nothing(index, inbox, encoder, point, monkeypatch, capsys):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox / "library.md"])
    before = _snapshot(corpus, index_dir)
    published = (index_dir / CURRENT_FILE).read_text()
    monkeypatch.setenv("RAG_FAULT_AT", point)
    monkeypatch.setenv("RAG_FAULT_MODE", "enospc")
    assert main(["add", str(inbox), "--corpus", str(corpus), "--index", str(index_dir)]) == 1
    assert main(["remove", "library.md", "--corpus", str(corpus), "--index", str(index_dir)]) == 1
    assert capsys.readouterr().err.count("磁盘空间不足") == 2
    assert (index_dir / CURRENT_FILE).read_text() == published
    assert len(list((index_dir / "builds").iterdir())) <= 2  # the half-written folders were dropped
    monkeypatch.delenv("RAG_FAULT_AT")
    assert _snapshot(corpus, index_dir) == before


def test_killed_remove_leaves_the_index_as_before(index, inbox, encoder):
    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox])
    before = _snapshot(corpus, index_dir)
    for point in ("table_written", "keyword_written", "before_publish"):
        env = {**os.environ, "RAG_FAULT_AT": point, "RAG_LLM_BASE_URL": ""}
        process = subprocess.run([sys.executable, "-m", "rag.cli", "remove", "wire.jsonl", "--corpus", str(corpus), "--index", str(index_dir)],
                                 env=env, capture_output=True, text=True, timeout=300)
        assert process.returncode == -9, process.stderr
        assert _snapshot(corpus, index_dir) == before


def test_ui_filters_go_through_the_facade(index, inbox, encoder):
    from ui.app import ChatHandlers

    corpus, index_dir = index
    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    handlers = ChatHandlers(assistant)
    add_paths(index_dir, encoder, [inbox])  # after the page was built: picked up without a restart
    *_, (messages, turns, _) = handlers.respond("今年新建了什么，面积多少", 5, "hybrid", [], "2026-01-01", "", "新华社， wire.jsonl")
    reply = messages[-1]["content"]
    assert "wire.jsonl#1" in reply and "library.md" not in reply and "wire.jsonl#2" not in reply
    *_, (messages, _, _) = handlers.respond("供暖面积多少", 5, "hybrid", turns, "2026/13/01", "", "")
    assert "不是有效日期" in messages[-1]["content"]


def _mount_tmpfs(target: Path, kib: int) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(target)], capture_output=True).returncode == 0


def test_a_real_full_disk_during_add_leaves_the_index_as_before(index, inbox, tmp_path, capsys):
    """On a small tmpfs (needs root; skipped elsewhere) the add fails at different steps as space runs out."""
    corpus, index_dir = index
    size_kib = sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file()) // 1024
    outcomes = set()
    for extra_kib in (24, 120, 200, 260, 320, 2000):
        disk = tmp_path / f"disk-{extra_kib}"
        if not _mount_tmpfs(disk, size_kib + 64 + extra_kib):
            pytest.skip("needs root to mount a small tmpfs")
        try:
            shutil.copytree(index_dir, disk / "index")
            published = (disk / "index" / CURRENT_FILE).read_text()
            code = main(["add", str(inbox / "wire.jsonl"), "--corpus", str(corpus), "--index", str(disk / "index")])
            err = capsys.readouterr().err
            assert "Traceback" not in err
            if code == EXIT_OK:
                assert (disk / "index" / CURRENT_FILE).read_text() != published
            else:
                assert code == 1 and "磁盘空间不足" in err
                assert (disk / "index" / CURRENT_FILE).read_text() == published
            loaded = load_index(disk / "index")
            assert loaded.table.counts()["chunks"] > 0
            loaded.table.close()
            outcomes.add(code)
        finally:  # lazy: FAISS or bm25s memory maps of the loaded build may still be open
            subprocess.run(["umount", "-l", str(disk)], capture_output=True)
    assert outcomes == {1, EXIT_OK}


def test_open_assistant_stats_follow_an_add_made_elsewhere(index, inbox, encoder):
    """The UI's corpus panel reads stats(): it must show the build a later `rag add` published."""
    corpus, index_dir = index
    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    before = assistant.stats()
    add_paths(index_dir, encoder, [inbox / "library.md"])
    after = assistant.stats()
    assert after["paragraphs"] > before["paragraphs"]
    assert after["articles"] == before["articles"] + 1


def test_an_unknown_source_filter_is_named_with_the_known_ones(index, inbox, encoder):
    from ui.app import ChatHandlers

    corpus, index_dir = index
    add_paths(index_dir, encoder, [inbox])
    assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
    with pytest.raises(InvalidQuestion) as raised:
        assistant.ask("供暖面积多少", filters=validate_filters(sources=["新华社", "wire.json"]))
    message = str(raised.value)
    assert "没有这个来源：wire.json" in message and "新华社、wire.json" not in message
    for known in (SEED_FILE, "wire.jsonl", "library.md", "新华社", "青海日报"):
        assert known in message
    with pytest.raises(InvalidQuestion, match="没有这个来源"):
        assistant.search("供暖面积多少", filters=validate_filters(sources=["nowhere.md"]))
    # the UI's source box shows the same message, in the chat
    *_, (messages, _, _) = ChatHandlers(assistant).respond("供暖面积多少", 5, "hybrid", [], "", "", "nowhere.md")
    assert "没有这个来源：nowhere.md" in messages[-1]["content"] and "wire.jsonl" in messages[-1]["content"]


def test_refresh_closes_the_replaced_build_once_no_question_uses_it(index, inbox, encoder):
    import sqlite3

    from llm_server import ChatCompletionsServer, StreamedReply

    from rag.llm import LLMConfig

    corpus, index_dir = index
    with ChatCompletionsServer(StreamedReply(["祁连县城镇新增就业", "568人[1]。"], delay_s=0.05)) as server:
        assistant = Assistant.open(corpus, index_dir, encoder, llm=LLMConfig(base_url=server.base_url, model="qwen-test", timeout_s=10))
        first = assistant.index.table
        running = assistant.ask_stream(SEED_QUESTION)
        assert isinstance(next(running), str)  # a question is mid-answer on the first build
        add_paths(index_dir, encoder, [inbox / "wire.jsonl"])
        assert assistant.refresh()  # another thread switches to the new build meanwhile
        first.counts()  # still open: the running question needs it
        *_, answer = running
        assert SEED_EVIDENCE in answer.answer and answer.citations
        with pytest.raises(sqlite3.ProgrammingError):  # closed once the last question using it ended
            first.counts()

        second = assistant.index.table
        add_paths(index_dir, encoder, [inbox / "library.md"])
        assistant.llm = None
        assert any("2300万平方米" in t for t in _ask(assistant, "海东市冬季供暖面积多少"))  # switches, then answers
        assert assistant.index.table is not second
        with pytest.raises(sqlite3.ProgrammingError):  # nothing was using it: closed right at the switch
            second.counts()
        assert assistant.sources() and assistant.stats()["chunks"] > 0


def test_added_files_with_a_utf8_bom_cite_offsets_into_the_file(index, tmp_path, encoder):
    """A BOM (U+FEFF, from a Windows editor) is counted: offsets index the file decoded as UTF-8, after a rebuild too."""
    corpus, index_dir = index
    inbox = tmp_path / "bom-inbox"
    inbox.mkdir()
    bom = b"\xef\xbb\xbf"
    (inbox / "library.md").write_bytes(bom + LIBRARY_MD.encode("utf-8"))
    (inbox / "huzhu.txt").write_bytes(bom + UNDATED_TEXT.encode("utf-8"))
    (inbox / "wire.jsonl").write_bytes(bom + (json.dumps(HEATING_RECORD, ensure_ascii=False) + "\n").encode("utf-8"))
    (inbox / "only-bom.txt").write_bytes(bom + b"\n")
    outcome = add_paths(index_dir, encoder, [inbox])
    assert [str(p) for p in outcome.problems] == ["跳过 only-bom.txt：文件是空的"]
    assert sorted(outcome.result.added) == ["huzhu.txt", "library.md", "wire.jsonl"]

    originals = {name: (inbox / name).read_bytes().decode("utf-8") for name in ("library.md", "huzhu.txt")}
    originals["wire.jsonl#1"] = HEATING_RECORD["text"]
    cases = [("西宁市今年新建几座公共图书馆？", "library.md", "三座"), ("互助县青稞酒产量达到多少吨？", "huzhu.txt", "九千吨"),
             ("海东市冬季供暖面积多少", "wire.jsonl#1", "2300万平方米")]

    def check() -> None:
        assistant = Assistant.open(corpus, index_dir, encoder, llm=None)
        for question, source, short in cases:
            answer = assistant.ask(question)
            first = answer.citations[0]
            assert first.source == source and answer.short == short, (question, answer.answer)
            original = originals[source]
            assert _compact(original[first.start:first.end]) == _compact(first.text)
            assert original[first.answer_start:first.answer_end] == short
            assert first.text[first.text_answer_start:first.text_answer_end] == short

    check()
    build_index(corpus, index_dir, encoder)  # a full rebuild re-parses the added files from their stored text
    check()


def test_an_abandoned_answer_finalized_while_the_lease_lock_is_held_does_not_deadlock(seed_assistant):
    """A generator dropped mid-answer in a reference cycle is finalized by whichever thread the
    garbage collector runs on, possibly one inside refresh()'s critical section."""
    import gc
    import threading

    def answering():
        with seed_assistant._lease():
            yield "piece"  # paused mid-answer, as while an LLM streams
            yield "rest"

    def collect_inside_the_lock():
        stream = answering()
        next(stream)
        cycle = [stream]
        cycle.append(cycle)
        del stream, cycle
        with seed_assistant._use_lock:
            gc.collect()

    worker = threading.Thread(target=collect_inside_the_lock, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "the lease release waited for a lock its own thread holds"
    assert not seed_assistant.ask("城中区一季度新增就业多少").refused
