"""Added articles are primary data: kept in a store no rebuild derives or deletes, every build file checksummed,
damaged builds moved aside and rebuilt from the store plus the corpus (issue 13, F5). Real encoder, index and CLI."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from eval.fault_drills import article, damage  # the drill script's articles and damage, on a smaller scale
from rag.cli import EXIT_FAILED, EXIT_OK, main
from rag.encoders import make_encoder
from rag.index import CURRENT_FILE, DAMAGED_BUILDS_DIR, MANIFEST_CHECKSUM, STORE_DIGEST, build_index, load_index, verify_build
from rag.library import add_paths
from rag.source_store import STORE_DIR, SourceStore

SEED_FILE = "000_8ae9b2f0223bb8b0.txt"
ADDS = 12  # separate `rag add`s (the fault drill script does 200)


@pytest.fixture(scope="module")
def encoder():
    return make_encoder()


@pytest.fixture(scope="module")
def base(tmp_path_factory, seeds_dir, encoder) -> tuple[Path, Path, list[str]]:
    """(corpus, index, added file names): one seed file, then ADDS files added one `rag add` at a time."""
    root = tmp_path_factory.mktemp("durable")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(seeds_dir / SEED_FILE, corpus)
    index_dir = root / "index"
    build_index(corpus, index_dir, encoder)
    names = []
    for n in range(ADDS):
        path = root / "inbox" / f"item{n:03d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(article(n), encoding="utf-8")
        assert add_paths(index_dir, encoder, [path]).result.added == [path.name]
        names.append(path.name)
    return corpus, index_dir, names


@pytest.fixture()
def index(base, tmp_path) -> tuple[Path, Path, list[str]]:
    corpus, index_dir, names = base
    shutil.copytree(index_dir, tmp_path / "index")
    return corpus, tmp_path / "index", names


def published(index_dir: Path) -> Path:
    return index_dir / "builds" / (index_dir / CURRENT_FILE).read_text().strip()


def listed_added(corpus: Path, index_dir: Path, capsys) -> tuple[int, set[str], str]:
    """`rag list --added --json`: exit code, the sources listed, and what it said on stderr."""
    code = main(["list", "--added", "--json", "--corpus", str(corpus), "--index", str(index_dir)])
    out, err = capsys.readouterr()
    return code, ({row["source"] for row in json.loads(out)} if code == EXIT_OK else set()), err


def assert_all_kept(corpus: Path, index_dir: Path, names: list[str], capsys) -> None:
    code, listed, err = listed_added(corpus, index_dir, capsys)
    assert code == EXIT_OK, err
    assert listed == set(names)
    loaded = load_index(index_dir)
    texts = "".join(p.text for p in loaded.table.all_paragraphs())
    loaded.table.close()
    for n in range(len(names)):  # the text itself, not only the name, is searchable again
        assert f"新建道路{n * 7 + 3}公里" in texts


def build_files(index_dir: Path) -> list[str]:
    build = published(index_dir)
    return sorted(p.relative_to(build).as_posix() for p in build.rglob("*") if p.is_file())


def test_every_build_file_is_covered_by_a_checksum_and_the_store_holds_every_add(base):
    corpus, index_dir, names = base
    build = published(index_dir)
    manifest = verify_build(build, full=True)
    assert set(manifest["files"]) == set(build_files(index_dir)) - {"manifest.json"}
    assert "user_words.txt" in manifest["files"] and MANIFEST_CHECKSUM in manifest
    store = SourceStore(index_dir)
    assert set(store.entries()) == set(names)
    assert manifest[STORE_DIGEST] == store.digest()
    groups, damaged = store.load()
    assert not damaged and {g.name for g in groups} == set(names)


@pytest.mark.parametrize("file", ["chunks.sqlite", "user_words.txt"])
def test_f5_a_truncated_build_file_is_set_aside_and_rebuilt_with_every_added_article(index, capsys, file):
    """F5: the rebuild used to start from an older build and delete the damaged one; now nothing added is lost."""
    corpus, index_dir, names = index
    build = published(index_dir)
    damage(build / file, "truncate50")
    code, listed, err = listed_added(corpus, index_dir, capsys)
    assert code == EXIT_OK and listed == set(names), err
    assert file in err and "已损坏" in err and STORE_DIR in err  # which file, and rebuilt from where
    kept = index_dir / DAMAGED_BUILDS_DIR / build.name
    assert (kept / file).is_file()  # the damaged build is kept, not deleted
    assert f"{DAMAGED_BUILDS_DIR}/{build.name}" in err
    verify_build(published(index_dir), full=True)
    assert_all_kept(corpus, index_dir, names, capsys)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["truncate0", "truncate50", "truncate99", "bitflip"])
def test_damaging_any_single_build_file_loses_no_added_article(base, tmp_path, capsys, how):
    """Each file of the published build in turn: the first command that checks (the quick check at open, else
    `rag doctor`'s full one) sets the build aside and rebuilds; every added article is still there."""
    corpus, original, names = base
    for file in build_files(original):
        index_dir = tmp_path / f"{how}-{file.replace('/', '_')}"
        shutil.copytree(original, index_dir)
        build = published(index_dir)
        damage(build / file, how)
        code, listed, err = listed_added(corpus, index_dir, capsys)
        assert code in (EXIT_OK, EXIT_FAILED) and "Traceback" not in err, (file, err)
        assert main(["doctor", "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_OK, file
        err += capsys.readouterr().err
        assert file in err, (file, err)  # the user is told which file
        assert (index_dir / DAMAGED_BUILDS_DIR / build.name / file).is_file(), file  # kept, not deleted
        verify_build(published(index_dir), full=True)
        assert_all_kept(corpus, index_dir, names, capsys)
        shutil.rmtree(index_dir)


def test_an_index_from_before_the_store_has_its_added_articles_migrated(index, capsys):
    """Old indexes: no added/ folder, manifests without checksums. The first open imports their added articles."""
    corpus, index_dir, names = index
    shutil.rmtree(index_dir / STORE_DIR)
    for manifest_file in (index_dir / "builds").glob("*/manifest.json"):
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        for key in ("files", MANIFEST_CHECKSUM, STORE_DIGEST):
            manifest.pop(key, None)
        manifest_file.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    code, listed, err = listed_added(corpus, index_dir, capsys)
    assert code == EXIT_OK and listed == set(names)
    assert f"已把 {len(names)} 个添加的文件存入原始资料库" in err
    assert set(SourceStore(index_dir).entries()) == set(names)
    # from now on a forced full rebuild reads the store: nothing is lost, and the new build has checksums
    assert main(["index", "--force", "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_OK
    assert "files" in verify_build(published(index_dir), full=True)
    assert_all_kept(corpus, index_dir, names, capsys)


def test_a_damaged_store_record_is_restored_from_a_build_copy_and_kept(index, capsys):
    corpus, index_dir, names = index
    store = SourceStore(index_dir)
    record = store.record_path(names[3])
    damage(record, "bitflip")
    assert main(["doctor", "--check-only", "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_FAILED
    assert record.name in capsys.readouterr().err
    assert main(["doctor", "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_OK
    err = capsys.readouterr().err
    assert names[3] in err and "恢复" in err
    assert (store.directory / "damaged" / record.name).is_file()
    groups, damaged = store.load()
    assert not damaged and {g.name for g in groups} == set(names)
    assert main(["doctor", "--check-only", "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_OK


def test_an_add_killed_after_the_store_was_written_is_completed_by_the_next_open(index, tmp_path, capsys):
    corpus, index_dir, names = index
    extra = tmp_path / "late.txt"
    extra.write_text(article(ADDS), encoding="utf-8")
    before = published(index_dir).name
    env = {**os.environ, "RAG_FAULT_AT": "store_written", "RAG_LLM_BASE_URL": ""}
    process = subprocess.run([sys.executable, "-m", "rag.cli", "add", str(extra), "--corpus", str(corpus), "--index", str(index_dir)],
                             env=env, capture_output=True, text=True, timeout=300)
    assert process.returncode == -9, process.stderr
    assert published(index_dir).name == before  # not published
    assert "late.txt" in SourceStore(index_dir).entries()  # but the user's article is safe
    code, listed, err = listed_added(corpus, index_dir, capsys)
    assert code == EXIT_OK and listed == set(names) | {"late.txt"}, err
    assert main(["remove", "late.txt", "--corpus", str(corpus), "--index", str(index_dir)]) == EXIT_OK
    assert "late.txt" not in SourceStore(index_dir).entries()
    assert_all_kept(corpus, index_dir, names, capsys)
