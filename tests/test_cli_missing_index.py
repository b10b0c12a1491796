"""`rag list` / `rag remove` before any index was built: a clear message, nothing built, nothing written."""
from __future__ import annotations

import pytest

from rag.cli import EXIT_FAILED, main


@pytest.mark.parametrize("argv", [["list"], ["list", "--json", "--added"], ["remove", "library.md"]])
@pytest.mark.parametrize("folder_exists", [False, True])
def test_list_and_remove_on_a_missing_index_say_to_run_rag_index_first(argv, folder_exists, tmp_path, seeds_dir, capsys):
    index_dir = tmp_path / "never-built"
    if folder_exists:
        index_dir.mkdir()
    code = main([*argv, "--corpus", str(seeds_dir), "--index", str(index_dir)])
    captured = capsys.readouterr()
    assert code == EXIT_FAILED  # 1: the index could not be used
    assert f"索引不存在：{index_dir}" in captured.err and "请先运行 rag index" in captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    if folder_exists:
        assert list(index_dir.iterdir()) == []  # nothing built, no lock or build folder left behind
    else:
        assert not index_dir.exists()
