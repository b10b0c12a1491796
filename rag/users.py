"""Who may sign in to a shared `rag serve`: a users file of names and salted scrypt password hashes.

    rag users add 张三 --users desk-users.json      # asks for the password twice, without echo
    rag serve --host 0.0.0.0 --users desk-users.json

The file is JSON, readable only by its owner (mode 0600), never holds a password in
plain text, and is rewritten atomically (temp file, fsync, rename, fsync of the folder)
under a lock, so a crash or two concurrent `rag users add` never leave it half written
or lose an entry. A running server re-reads it when it changes, so adding or removing
a user takes effect without a restart.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import os
import re
import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping

USERS_ENV = "RAG_USERS"
FILE_FORMAT = "news-qa users"
FILE_VERSION = 1
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 1024  # scrypt reads all of it: a bound keeps a sign-in cheap
NAME_PATTERN = re.compile(r"[\w.@-]{1,64}")  # \w includes Chinese characters
# scrypt cost: 16 MiB and tens of ms per check on an idle core (~0.3 s at load 20 on this 2-core machine);
# below OWASP's N=2**17 for speed, as every sign-in also sits behind a per-client exponential delay.
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_BYTES = 2**14, 8, 1, 32
MAX_SCRYPT_N = 2**20  # parameters read from a file are bounded so a tampered file cannot exhaust memory
HASH_SCHEME = "scrypt"


class UsersFileError(ValueError):
    """The users file or a request about it is not usable; the message is for users (Chinese)."""


@dataclass(frozen=True)
class User:
    name: str
    password_hash: str  # "scrypt$N$r$p$salt_hex$hash_hex"
    added_at: str  # ISO time, UTC


def validate_name(name: object) -> str:
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise UsersFileError("用户名须为 1 到 64 个字符，只能包含汉字、字母、数字以及 . _ - @。")
    return name


def validate_password(password: object) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_CHARS:
        raise UsersFileError(f"密码至少需要 {MIN_PASSWORD_CHARS} 个字符。")
    if len(password) > MAX_PASSWORD_CHARS:
        raise UsersFileError(f"密码不能超过 {MAX_PASSWORD_CHARS} 个字符。")
    return password


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          dklen=length, maxmem=256 * r * n + 2**20)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_BYTES)
    return f"{HASH_SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    """Whether ``password`` hashes to ``stored``; False (never an exception) for a malformed hash."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        n, r, p = int(n), int(r), int(p)
        salt_bytes, digest_bytes = bytes.fromhex(salt), bytes.fromhex(digest)
    except (AttributeError, ValueError):
        return False
    if scheme != HASH_SCHEME or not (2 <= n <= MAX_SCRYPT_N and 1 <= r <= 32 and 1 <= p <= 16) or not digest_bytes:
        return False
    if len(password) > MAX_PASSWORD_CHARS:
        return False
    try:
        candidate = _scrypt(password, salt_bytes, n, r, p, len(digest_bytes))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, digest_bytes)


# A hash nobody's password matches, checked for unknown names so that a sign-in takes as long
# whether or not the name exists (the name list is not revealed by timing).
_DECOY_HASH = hash_password(secrets.token_urlsafe(16))


def read_users(path: Path) -> dict[str, User]:
    """The users in ``path`` by name; UsersFileError (Chinese) when it is missing or malformed."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsersFileError(f"用户文件不存在：{path}。请先用 rag users add 用户名 --users {path} 添加用户。") from None
    except OSError as exc:
        raise UsersFileError(f"无法读取用户文件 {path}：{exc.strerror or exc}") from None
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != FILE_FORMAT or data.get("version") != FILE_VERSION:
            raise ValueError("not a users file")
        users = {}
        for entry in data["users"]:
            user = User(validate_name(entry["name"]), str(entry["password_hash"]), str(entry.get("added_at", "")))
            users[user.name] = user
        return users
    except (ValueError, KeyError, TypeError, AttributeError, UsersFileError):
        raise UsersFileError(f"用户文件 {path} 格式不对（不是 rag users 写的文件，或已损坏）。") from None


def _serialise(users: Mapping[str, User]) -> bytes:
    entries = [{"name": u.name, "password_hash": u.password_hash, "added_at": u.added_at}
               for u in sorted(users.values(), key=lambda u: u.name)]
    return (json.dumps({"format": FILE_FORMAT, "version": FILE_VERSION, "users": entries},
                       ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _write_private_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data``: a 0600 temp file, fsync'd, renamed over it, then the folder fsync'd."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialises read-modify-write of ``path`` between processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def add_user(path: Path, name: str, password: str) -> bool:
    """Add ``name`` (or set a new password when it exists); True when the name is new."""
    validate_name(name)
    validate_password(password)
    password_hash = hash_password(password)  # slow: outside the lock
    with _locked(path):
        users = read_users(path) if path.exists() else {}
        is_new = name not in users
        users[name] = User(name, password_hash, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
        _write_private_atomically(path, _serialise(users))
    return is_new


def remove_user(path: Path, name: str) -> bool:
    """Remove ``name``; False when it was not in the file (the file is then left unchanged)."""
    with _locked(path):
        users = read_users(path)
        if name not in users:
            return False
        del users[name]
        _write_private_atomically(path, _serialise(users))
    return True


class UserBook:
    """The users file as a running server sees it: re-read when the file changes, checked in constant time.

    When the file disappears or becomes unreadable, nobody can sign in (fail closed) until it is fixed.
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int, int] | None = None
        self._users: dict[str, User] = read_users(self.path)  # a bad file stops the server from starting
        self._stamp = self._current_stamp()

    def _current_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def users(self) -> dict[str, User]:
        stamp = self._current_stamp()
        with self._lock:
            if stamp != self._stamp:
                try:
                    self._users = read_users(self.path) if stamp is not None else {}
                except UsersFileError:
                    self._users = {}
                self._stamp = stamp
            return self._users

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.users()

    def __len__(self) -> int:
        return len(self.users())

    def check(self, name: str, password: str) -> bool:
        """Whether ``name`` exists and ``password`` is theirs; as slow for unknown names as for known ones."""
        user = self.users().get(name) if isinstance(name, str) else None
        if not isinstance(password, str):
            return False
        matches = password_matches(password, user.password_hash if user else _DECOY_HASH)
        return matches and user is not None
