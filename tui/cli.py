"""Command line entry point: ``newsdesk [PATH...]``, ``newsdesk import``, ``newsdesk analyze``.

Textual is imported only when the app is opened, so the scripting commands stay fast and work
without a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from feeds.errors import FeedError
from feeds.sanitize import clean_line

if TYPE_CHECKING:
    from feeds.store import Store

# Subscriptions and fetching (tui/cli_web.py); none of them imports Textual.
WEB_COMMANDS = ("add", "remove", "feeds", "import-opml", "export-opml", "fetch", "starter")


def _print_lines(lines: Sequence[str], stream: TextIO) -> None:
    for line in lines:
        print(clean_line(line), file=stream)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help="SQLite store to use (default: newsdesk.db in the platform data dir)",
    )


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Keyboard-driven news triage. Other commands: "
        "'newsdesk import PATH...', 'newsdesk analyze [--json] PATH...'.",
    )
    _add_db_option(parser)
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories of news to import before opening ('-' reads stdin)",
    )
    parser.add_argument("--version", action="version", version="newsdesk 0.1.0")
    return parser


def build_import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk import", description="Import news files without opening the app."
    )
    _add_db_option(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def build_analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk analyze",
        description="Print what newsdesk understands of each item; imports nothing.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per item (JSONL)")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    return parser


def _open_store(db: Path | None) -> Store:
    from feeds.leader_lookup import resolve_leader_term
    from feeds.paths import default_db_path
    from feeds.store import Store

    return Store.open(db or default_db_path(), leader_resolver=resolve_leader_term)


def run_import(argv: Sequence[str]) -> int:
    from feeds.ingest import describe_summary, import_paths

    args = build_import_parser().parse_args(argv)
    with _open_store(args.db) as store:
        summary = import_paths(store, args.paths)
    _print_lines(describe_summary(summary), sys.stdout)
    return 1 if summary.failures and not summary.added and not summary.duplicates else 0


def run_analyze(argv: Sequence[str]) -> int:
    from feeds.analysis import analysis_to_json, analyze
    from feeds.loaders import load_paths

    args = build_analyze_parser().parse_args(argv)
    loaded = load_paths(args.paths)
    for item in loaded.items:
        analysis = analyze(item)
        record = analysis_to_json(item, analysis)
        if args.json:
            # json.dumps escapes control characters, so raw text cannot reach the terminal.
            print(json.dumps(record, ensure_ascii=False))
        else:
            _print_lines(summary_lines(record), sys.stdout)
    _print_lines([f"failed: {failure}" for failure in loaded.failures], sys.stderr)
    return 1 if loaded.failures else 0


def summary_lines(record: dict) -> list[str]:  # type: ignore[type-arg]
    """A readable digest of one analysed item for ``newsdesk analyze`` without ``--json``."""
    lines = [f"# {record['title']}"]
    meta = " · ".join(str(v) for v in (record["source"], record["published"]) if v)
    if meta:
        lines.append(meta)
    for leader in record["leaders"]:
        lines.append(
            f"leader  {leader['name']} ({leader['country']}), {len(leader['mentions'])} mention(s)"
        )
    for quote in record["quotes"]:
        words = quote["text"].split()
        snippet = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
        lines.append(f"quote   “{snippet}” — {quote['speaker'] or 'unattributed'}")
    for figure in record["figures"]:
        flag = " (record)" if figure["record"] else ""
        value = f"{figure['value']:,.0f}" if figure["value"] >= 1000 else f"{figure['value']:g}"
        lines.append(f"figure  {figure['text']} = {value} {figure['unit']}{flag}")
    if record["sectors"]:
        lines.append("sectors " + ", ".join(s["id"] for s in record["sectors"]))
    lines.append("")
    return lines


def run_app(argv: Sequence[str]) -> int:
    from feeds.ingest import describe_summary, import_bundled_samples, import_paths

    args = build_app_parser().parse_args(argv)
    store = _open_store(args.db)
    try:
        if args.paths:
            summary = import_paths(store, args.paths)
            if summary.failures:
                _print_lines(describe_summary(summary), sys.stderr)
        elif store.is_empty():
            import_bundled_samples(store)
    except BaseException:
        store.close()
        raise
    if "-" in args.paths:
        _reattach_terminal_stdin()

    from feeds.config import load_config
    from tui.app import make_app

    try:
        config = load_config()
    except FeedError:
        store.close()
        raise
    app = make_app(store=store, config=config)  # the app closes the store when it exits
    app.run()
    return app.return_code or 0


def _reattach_terminal_stdin() -> None:
    """After reading news from a pipe, read keys from the terminal instead."""
    try:
        tty = open("/dev/tty", "rb")  # noqa: SIM115 - must outlive this function
    except OSError:
        return
    import os

    os.dup2(tty.fileno(), 0)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "import":
            return run_import(args[1:])
        if args and args[0] == "analyze":
            return run_analyze(args[1:])
        if args and args[0] in WEB_COMMANDS:
            from tui.cli_web import run_web_command

            return run_web_command(args[0], args[1:])
        return run_app(args)
    except FeedError as error:
        print(f"newsdesk: {clean_line(str(error))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`newsdesk analyze --json ... | head`): stop quietly, as a C
        # tool killed by SIGPIPE would, and keep Python from failing again on the final flush.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
