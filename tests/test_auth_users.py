"""The users file and `rag users add/remove/list`: salted hashes, atomic writes, passwords never echoed."""
from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from rag.cli import main
from rag.users import UserBook, UsersFileError, add_user, password_matches, read_users, remove_user
from serve_process import rag_command, rag_env

PASSWORD = "desk-password-甲-42"


def run_users(*args: str, stdin: str = "", env_users: Path | None = None) -> subprocess.CompletedProcess:
    """`rag users ...` as its own process (the real stdin, environment and exit code)."""
    env = rag_env(**({"RAG_USERS": str(env_users)} if env_users else {}))
    return subprocess.run(rag_command("users", *args), input=stdin, capture_output=True, text=True, env=env, timeout=60)


def users_in_process(monkeypatch, capsys, *args: str, stdin: str = "") -> tuple[int, str, str]:
    """`rag users ...` through the same ``main`` in this process (quicker: no interpreter start-up)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["users", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_remove_through_the_cli_with_the_password_from_stdin(tmp_path, monkeypatch, capsys):
    users = tmp_path / "users.json"
    added = run_users("add", "记者甲", stdin=PASSWORD + "\n", env_users=users)
    assert added.returncode == 0 and "已添加用户 记者甲" in added.stderr, "RAG_USERS names the file"
    code, _, _ = users_in_process(monkeypatch, capsys, "add", "editor.b", "--users", str(users), stdin="another-password\n")
    assert code == 0

    code, out, _ = users_in_process(monkeypatch, capsys, "list", "--users", str(users))
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["editor.b", "记者甲"]

    text = users.read_text(encoding="utf-8")
    assert PASSWORD not in text and "another-password" not in text
    assert users.stat().st_mode & 0o777 == 0o600
    stored = read_users(users)["记者甲"].password_hash
    assert stored.startswith("scrypt$") and password_matches(PASSWORD, stored)
    assert not password_matches(PASSWORD + "x", stored) and not password_matches(PASSWORD, "garbage")
    assert read_users(users)["editor.b"].password_hash.split("$")[4] != stored.split("$")[4], "each hash has its own salt"

    code, _, err = users_in_process(monkeypatch, capsys, "add", "记者甲", "--users", str(users), stdin="a-new-password\n")
    assert code == 0 and "已更新" in err
    assert password_matches("a-new-password", read_users(users)["记者甲"].password_hash)

    code, _, _ = users_in_process(monkeypatch, capsys, "remove", "记者甲", "--users", str(users))
    assert code == 0 and set(read_users(users)) == {"editor.b"}
    assert list(tmp_path.glob(".*.tmp")) == [], "no temp file is left behind"


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (("add", "有 空格"), PASSWORD + "\n", "用户名"),
        (("add", "x" * 65), PASSWORD + "\n", "用户名"),
        (("add", "记者丁"), "short\n", "至少需要 8 个字符"),
        (("add", "记者丁"), "", "没有从标准输入读到密码"),
        (("remove", "nobody"), "", "没有 nobody"),
    ],
)
def test_bad_requests_are_refused_in_chinese_with_exit_2_and_leave_the_file_alone(tmp_path, monkeypatch, capsys, args, stdin, message):
    users = tmp_path / "users.json"
    add_user(users, "记者甲", PASSWORD)
    before = users.read_bytes()
    code, _, err = users_in_process(monkeypatch, capsys, *args, "--users", str(users), stdin=stdin)
    assert code == 2 and message in err and "Traceback" not in err
    assert users.read_bytes() == before


def test_a_missing_or_malformed_users_file_is_a_chinese_error(tmp_path, capsys):
    assert main(["users", "list"]) == 2 and "--users" in capsys.readouterr().err
    assert main(["users", "list", "--users", str(tmp_path / "none.json")]) == 2
    assert "不存在" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('{"users": [', encoding="utf-8")
    assert main(["users", "remove", "a", "--users", str(broken)]) == 2
    assert "格式不对" in capsys.readouterr().err
    assert broken.read_text(encoding="utf-8") == '{"users": ['


def read_until(fd: int, wanted: bytes, timeout_s: float = 30.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout_s
    while wanted not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_on_a_terminal_the_password_is_asked_twice_and_never_echoed(tmp_path):
    users = tmp_path / "users.json"
    secret = "tty-secret-password"
    pid, fd = pty.fork()
    if pid == 0:  # the child: `rag users add` with the pty as its terminal
        env = rag_env()
        os.execve(rag_command()[0], rag_command("users", "add", "记者甲", "--users", str(users)), env)
    try:
        transcript = read_until(fd, "密码".encode())
        os.write(fd, (secret + "\n").encode())
        transcript += read_until(fd, "再输入一次".encode())
        os.write(fd, (secret + "\n").encode())
        transcript += read_until(fd, "已添加".encode())
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, transcript.decode(errors="replace")
    assert secret.encode() not in transcript, "the terminal never shows the password"
    assert password_matches(secret, read_users(users)["记者甲"].password_hash)


def test_concurrent_adds_lose_nobody(tmp_path):
    users = tmp_path / "users.json"
    names = [f"reporter{i}" for i in range(8)]
    # Each call opens the lock file itself; flock locks conflict between open files, threads included.
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(lambda name: add_user(users, name, PASSWORD), names))
    assert set(read_users(users)) == set(names)


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    users = tmp_path / "users.json"
    add_user(users, "记者甲", PASSWORD)
    before = users.read_bytes()

    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        add_user(users, "记者乙", PASSWORD)
    assert users.read_bytes() == before and list(tmp_path.glob(".*.tmp")) == []


def test_a_running_server_sees_changes_and_fails_closed_on_a_broken_file(tmp_path):
    users = tmp_path / "users.json"
    add_user(users, "记者甲", PASSWORD)
    book = UserBook(users)
    assert book.check("记者甲", PASSWORD) and not book.check("记者甲", "wrong-password")
    assert not book.check("nobody", PASSWORD) and not book.check("记者甲", None)
    add_user(users, "记者乙", PASSWORD)
    assert book.check("记者乙", PASSWORD)
    remove_user(users, "记者甲")
    assert not book.check("记者甲", PASSWORD)
    users.write_text(json.dumps({"format": "something else"}), encoding="utf-8")
    assert len(book) == 0 and not book.check("记者乙", PASSWORD)
    users.unlink()
    assert len(book) == 0
    with pytest.raises(UsersFileError):
        UserBook(users)
