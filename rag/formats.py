"""Reading the files a user adds (`rag add`): .txt, .md and .jsonl, checked one by one.

Every problem becomes one Chinese line for the user (``Problem``) and the
file (or JSONL line) is skipped; the rest of the batch still goes in.
Nothing here raises for bad input.

- .txt: newspaper text like the seeds (rag.ingest.parse_source).
- .md: the same reader (it knows Markdown headings), after an optional front
  matter block (``title:``, ``date:``, ``source:``, ``url:``) is read and blanked.
- .jsonl: one article per line, ``{"title", "text", "date"?, "source"?, "url"?}``;
  each line becomes its own source ``<file>#<line number>``.

A file larger than ``MAX_FILE_BYTES`` is refused from its size, before it is read.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .ingest import BOM
from .sources import KIND_PAGE, KIND_PLAIN, ORIGIN_ADDED, SourceDoc, SourceGroup, bytes_hash, front_matter, group_of

MAX_FILE_BYTES = 20 * 1024 * 1024  # 20 MB: ~7 million Chinese characters, far beyond any article file
MAX_TITLE_CHARS = 200
ADD_SUFFIXES = (".txt", ".md", ".jsonl")

_TAG = re.compile(r"<[^>]{0,200}>")
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:$|[T\s])")


@dataclass(frozen=True)
class Problem:
    """One line for the user about one file (or one line of a JSONL file)."""

    where: str  # file name, or "file 第 N 行"
    message: str
    skipped: bool = True  # False: a warning only, the article still went in

    def __str__(self) -> str:
        return f"{'跳过' if self.skipped else '注意'} {self.where}：{self.message}"


def normalise_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from "2026-01-05", "2026/1/5", "2026年1月5日", "2026-01-05T08:00"; None when not a date."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def clean_title(value: object) -> tuple[str | None, bool]:
    """A title without HTML markup or line breaks, and whether markup had to be removed."""
    if not isinstance(value, str):
        return None, False
    stripped = _TAG.sub("", value)
    had_markup = stripped != value
    title = " ".join(html.unescape(stripped).split())[:MAX_TITLE_CHARS]
    return title or None, had_markup


def find_article_files(paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """(file, group name) for every article file named or found under a named folder, and what was not usable.

    A file is named by its path inside the folder that was named ("2026-01-05.md",
    "sport/2026-01-05.md"), or by its file name when it was named itself, so
    `rag add inbox` and `rag add inbox/2026-01-05.md` give the same name, and a
    newer copy of a file from another folder replaces the older one.
    """
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in map(Path, paths):
        if path.is_dir():
            root = path.resolve()
            files = sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))
            for file in files:
                name = file.relative_to(root).as_posix()
                if file.suffix.lower() in ADD_SUFFIXES:
                    found.append((file, name))
                else:
                    problems.append(Problem(name, f"不支持的文件类型（{file.suffix or '无扩展名'}），只收 .txt、.md、.jsonl"))
        elif path.is_file():
            if path.suffix.lower() in ADD_SUFFIXES:
                found.append((path, path.name))
            else:
                problems.append(Problem(path.name, f"不支持的文件类型（{path.suffix or '无扩展名'}），只收 .txt、.md、.jsonl"))
        else:
            problems.append(Problem(str(path), "找不到这个文件或目录"))
    return found, problems


def _read_text(path: Path, name: str) -> tuple[str | None, bytes, Problem | None]:
    """The file decoded as UTF-8, a byte order mark kept as U+FEFF: citation offsets index this text
    (rag.ingest.read_source reads corpus files the same way)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # judged by size alone: a huge file is never read into memory
            return None, b"", Problem(name, f"文件太大（{size / 1024 / 1024:.1f} MB），单个文件上限 {MAX_FILE_BYTES // 1024 // 1024} MB，请拆分后再添加")
        data = path.read_bytes()
    except OSError as exc:
        return None, b"", Problem(name, f"无法读取（{exc.strerror or exc}）")
    if b"\0" in data:
        return None, data, Problem(name, "不是文本文件（含二进制内容）")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None, data, Problem(name, "不是 UTF-8 编码的文本，请另存为 UTF-8 后再添加")
    if not text.removeprefix(BOM).strip():
        return None, data, Problem(name, "文件是空的")
    return text, data, None


def read_article_file(path: Path, name: str, added_at: str) -> tuple[SourceGroup | None, list[Problem]]:
    """One added file as a source group (None when nothing in it is usable) and its problems."""
    text, data, problem = _read_text(path, name)
    if problem is not None:
        return None, [problem]
    assert text is not None
    digest = bytes_hash(data)
    problems: list[Problem] = []
    if path.suffix.lower() == ".jsonl":  # offsets are per record text: a BOM before the first record is not part of one
        items = _jsonl_docs(text.removeprefix(BOM), name, digest, added_at, problems)
    else:
        fields: dict[str, str] = {}
        if path.suffix.lower() == ".md":
            fields, _ = front_matter(text)
        title, had_markup = clean_title(fields.get("title"))
        if had_markup:
            problems.append(Problem(name, "标题含有 HTML 标记，已去掉标记后收录", skipped=False))
        date = normalise_date(fields.get("date")) if fields.get("date") else None
        if fields.get("date") and date is None:
            problems.append(Problem(name, f"日期“{fields['date'][:40]}”无法识别，已忽略", skipped=False))
        doc = SourceDoc(name, name, ORIGIN_ADDED, digest, KIND_PAGE, title, date, fields.get("url") or None,
                        fields.get("source") or None, added_at, text)
        items = [(doc, text)]
    group = group_of(name, ORIGIN_ADDED, digest, items)
    if not group.paragraphs:
        if not any(p.skipped and p.where == name for p in problems):
            problems.append(Problem(name, "没有找到可以收录的正文"))
        return None, problems
    return group, problems


def _jsonl_docs(text: str, name: str, digest: str, added_at: str, problems: list[Problem]) -> list[tuple[SourceDoc, str]]:
    items: list[tuple[SourceDoc, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name} 第 {number} 行"
        try:
            record = json.loads(line)
        except ValueError:
            problems.append(Problem(where, "不是有效的 JSON"))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(where, "不是 JSON 对象"))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append(Problem(where, "缺少正文（text）"))
            continue
        title, had_markup = clean_title(record.get("title"))
        if had_markup:
            problems.append(Problem(where, "标题含有 HTML 标记，已去掉标记后收录", skipped=False))
        date = normalise_date(record.get("date"))
        if record.get("date") not in (None, "") and date is None:
            problems.append(Problem(where, f"日期“{str(record.get('date'))[:40]}”无法识别，已忽略", skipped=False))
        label = record.get("source") if isinstance(record.get("source"), str) and record.get("source").strip() else None
        url = record.get("url") if isinstance(record.get("url"), str) and record.get("url").strip() else None
        doc = SourceDoc(f"{name}#{number}", name, ORIGIN_ADDED, digest, KIND_PLAIN, title, date, url,
                        label.strip() if label else None, added_at, body)
        items.append((doc, body))
    if not items and not problems:
        problems.append(Problem(name, "没有找到可以收录的文章"))
    return items
