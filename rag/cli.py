"""The `rag` command line: index, ask, serve, eval.

Messages for users are Chinese and go to stderr; results go to stdout.
Exit codes: 0 ok, 1 the corpus, index or model could not be used, 2 bad input.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Sequence

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    from .assistant import DEFAULT_CORPUS, DEFAULT_INDEX
    from .encoders import DEFAULT_ENCODER

    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles or a corpus.jsonl (default: the bundled seeds)")
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index directory (default: %(default)s)")
    parser.add_argument("--encoder", default=DEFAULT_ENCODER, help='"e5-small" (bundled, default) or "st:NAME_OR_PATH" for a sentence-transformers model')


def _open_assistant(args: argparse.Namespace):
    from .assistant import Assistant

    return Assistant.open(args.corpus, args.index, args.encoder, progress=True, report=_say)


def cmd_index(args: argparse.Namespace) -> int:
    from .encoders import make_encoder
    from .index import build_index, staleness

    encoder = make_encoder(args.encoder)
    reason = staleness(args.index, args.corpus, encoder)
    if reason is None and not args.force:
        _say(f"索引已是最新：{args.index}（加 --force 可强制重建）")
        return EXIT_OK
    _say(f"{reason or '强制重建'}，正在建立索引…")
    build_index(args.corpus, args.index, encoder, progress=True, report=_say)
    return EXIT_OK


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
        "citations": [
            {
                "n": c.n,
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
            for c in answer.citations
        ],
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
        print(f"[{c.n}] {c.title or '（无标题）'} · {c.source} 第{c.paragraph}段 · 得分 {c.score:.4f}  {legs}")
        text = c.text
        if c.text_answer_start is not None and c.text_answer_end is not None:
            text = f"{text[:c.text_answer_start]}【{text[c.text_answer_start:c.text_answer_end]}】{text[c.text_answer_end:]}"
        print(f"    {text}")


def cmd_ask(args: argparse.Namespace) -> int:
    from .assistant import InvalidQuestion, validate_options, validate_question

    try:  # check before the (possibly slow) index is opened
        question = validate_question(args.question)
        validate_options(args.k, args.mode)
    except InvalidQuestion as exc:
        _say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    assistant = _open_assistant(args)
    answer = assistant.ask(question, history=args.after or (), k=args.k, mode=args.mode)
    if args.json:
        print(json.dumps(answer_to_json(answer), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from ui.app import serve

    assistant = _open_assistant(args)
    serve(assistant, host=args.host, port=args.port)
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
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.set_defaults(run=cmd_ask)

    serve = commands.add_parser("serve", help="start the web UI")
    _add_corpus_options(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=7860)
    serve.set_defaults(run=cmd_serve)

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
    from .corpus import CorpusError
    from .encoders import EncoderUnavailable

    try:
        return args.run(args)
    except (CorpusError, EncoderUnavailable) as exc:
        _say(f"错误：{exc}")
        return EXIT_FAILED
    except OSError as exc:  # e.g. the port is taken, the index folder is not writable, the disk is full
        _say(f"错误：{exc.strerror or exc}" + (f"（{exc.filename}）" if getattr(exc, "filename", None) else ""))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _say("已中断。")
        return 130


if __name__ == "__main__":
    sys.exit(main())
