"""Subscription and fetch commands: add, remove, feeds, import-opml, export-opml, fetch, starter.

None of these imports Textual: ``newsdesk fetch`` runs from cron and must start fast. Every
string that came from outside (titles, URLs, server words) is printed through ``clean_line``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from feeds.errors import FeedError, FetchError, ParseError
from feeds.sanitize import clean_line

# Everything else is imported by the command that needs it: `newsdesk fetch --help` (and a
# cron run that fails on its arguments) then costs the interpreter and argparse, not the network
# and storage stacks.
if TYPE_CHECKING:
    import httpx

    from feeds.ingest import PendingAnalysis
    from feeds.refresh import FeedProgress, FeedResult
    from feeds.store import Store
    from feeds.subscriptions import Subscription

MAX_OPML_INPUT = 5 * 1024 * 1024
_PARSE_PROCESS_FEEDS = 8
"""From this many feeds on, ``fetch`` parses in a worker process (start-up ≈ 0.1 s)."""


def _out(*lines: str, stream: TextIO | None = None) -> None:
    for line in lines:
        print(clean_line(line), file=stream or sys.stdout)


def _err(*lines: str) -> None:
    _out(*lines, stream=sys.stderr)


def _parser(name: str, description: str) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(prog=f"newsdesk {name}", description=description)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None, help="SQLite store to use")


def _open_store(db: Path | None) -> Store:
    from feeds.leader_lookup import resolve_leader_term
    from feeds.paths import default_db_path
    from feeds.store import Store

    return Store.open(db or default_db_path(), leader_resolver=resolve_leader_term)


def relative_time(ts: int | None, now: float) -> str:
    """ "5 min ago", "3 h ago", "2 days ago"; "never" for None."""
    if ts is None:
        return "never"
    seconds = max(0, int(now - ts))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    days = seconds // 86400
    return f"{days} day{'s' if days != 1 else ''} ago"


# -- add / remove -----------------------------------------------------------------------------


async def _resolve_feed(client: httpx.AsyncClient, url: str) -> tuple[str, str, str]:
    """Fetch ``url``; when it is a web page, follow its advertised feed.

    Returns (feed URL, feed title, how it was found).

    Raises:
        FetchError / ParseError: unreachable, or neither a feed nor a page advertising one.
    """
    from feeds.discover import find_feed_links, page_title
    from feeds.loaders import detect_format, load_bytes
    from feeds.net.fetch import NotModified, fetch
    from feeds.refresh import FEED_FORMATS

    answer = await fetch(client, url)
    if isinstance(answer, NotModified):
        raise FetchError("the server answered 304 Not Modified to a plain request", source=url)
    fmt = detect_format(answer.content, url)
    how = "the URL is a feed"
    if fmt == "html":
        links = find_feed_links(answer.content, answer.url or url)
        if not links:
            title = page_title(answer.content)
            named = f" ({title})" if title else ""
            raise ParseError(f"the page{named} advertises no feed", source=url)
        link = links[0]
        how = f"found on the page: {link.kind} feed" + (f" “{link.title}”" if link.title else "")
        url = link.url
        answer = await fetch(client, url)
        if isinstance(answer, NotModified):
            raise FetchError("the server answered 304 Not Modified", source=url)
        fmt = detect_format(answer.content, url)
    if fmt not in FEED_FORMATS:
        raise ParseError(f"not a feed (the server sent {fmt})", source=url)
    items = load_bytes(answer.content, url)
    title = next((i.source for i in items if i.source), "")
    return url, title, how


async def _resolve_with_client(url: str) -> tuple[str, str, str]:
    from feeds.net.fetch import make_client

    async with make_client() as client:
        return await _resolve_feed(client, url)


def run_add(argv: Sequence[str]) -> int:
    import asyncio

    from feeds.subscriptions import (
        Subscription,
        find_subscription,
        load_subscriptions,
        merge_subscriptions,
        save_subscriptions,
        url_problem,
    )

    parser = _parser("add", "Subscribe to a feed, or to the feed a web page advertises.")
    parser.add_argument("url")
    parser.add_argument("--folder", default="", help='folder, nested as "A/B"')
    parser.add_argument("--title", default="", help="display name (default: the feed's title)")
    parser.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    parser.add_argument(
        "--no-check", action="store_true", help="subscribe without fetching the URL first"
    )
    args = parser.parse_args(argv)
    problem = url_problem(args.url)
    if problem:
        _err(f"newsdesk add: {args.url}: {problem}")
        return 2
    url, title, how = args.url.strip(), "", "not checked"
    if not args.no_check:
        try:
            url, title, how = asyncio.run(_resolve_with_client(url))
        except FeedError as error:
            from feeds.refresh import describe_error

            _err(f"not subscribed: {args.url}: {describe_error(error)}")
            _err("(use --no-check to subscribe anyway)")
            return 1
    subs = load_subscriptions()
    new = Subscription(
        url=url,
        title=args.title or title,
        folder="/".join(p.strip() for p in args.folder.split("/") if p.strip()),
        tags=tuple(args.tag),
    )
    merged = merge_subscriptions(subs, [new])
    if not merged.added:
        have = find_subscription(subs, url)
        _out(f"already subscribed: {have.name if have else url} <{url}>")
        return 0
    save_subscriptions(merged.subscriptions)
    folder = f" in {new.folder}" if new.folder else ""
    _out(f"subscribed: {new.name} <{url}>{folder} ({how})")
    return 0


def run_remove(argv: Sequence[str]) -> int:
    from feeds.subscriptions import load_subscriptions, remove_subscription, save_subscriptions

    parser = _parser("remove", "Unsubscribe (stored items are kept).")
    parser.add_argument("feed", metavar="URL_OR_TITLE")
    args = parser.parse_args(argv)
    subs, removed = remove_subscription(load_subscriptions(), args.feed)
    if removed is None:
        _err(f"newsdesk remove: no subscription with URL or title {args.feed!r}")
        return 1
    save_subscriptions(subs)
    _out(f"removed: {removed.name} <{removed.url}> (its stored items are kept)")
    return 0


# -- listing ----------------------------------------------------------------------------------


def run_feeds(argv: Sequence[str]) -> int:
    from feeds.store import feedstate
    from feeds.subscriptions import load_subscriptions, subscriptions_path

    parser = _parser("feeds", "List subscriptions with their last fetch and item counts.")
    _add_db(parser)
    args = parser.parse_args(argv)
    subs = load_subscriptions()
    if not subs:
        _out(
            f"no subscriptions yet ({subscriptions_path()})",
            "add one with 'newsdesk add URL', or see 'newsdesk starter'",
        )
        return 0
    with _open_store(args.db) as store:
        states = feedstate.all_states(store)
        counts = feedstate.item_counts(store)
    now = time.time()
    for sub in subs:
        state = states.get(sub.url)
        name = sub.title or (state.title if state else "") or sub.url
        flags = [sub.folder] if sub.folder else []
        if not sub.enabled:
            flags.append("disabled")
        label = f"{name}  [{', '.join(flags)}]" if flags else name
        last = relative_time(state.last_success_ts if state else None, now)
        _out(label, f"  {sub.url}")
        _out(f"  {counts.get(sub.url, 0)} items · last success {last}")
        if state and state.last_error:
            _out(f"  last error: {state.last_error}")
    return 0


# -- OPML -------------------------------------------------------------------------------------


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read(MAX_OPML_INPUT + 1)
    try:
        with open(name, "rb") as handle:
            return handle.read(MAX_OPML_INPUT + 1)
    except OSError as error:
        raise ParseError(f"cannot read: {error.strerror or error}", source=name) from None


def run_import_opml(argv: Sequence[str]) -> int:
    from feeds.subscriptions import (
        load_subscriptions,
        merge_subscriptions,
        parse_opml,
        save_subscriptions,
    )

    parser = _parser("import-opml", "Add the feeds of an OPML file (folders kept).")
    parser.add_argument("file", metavar="FILE", help="OPML file, or '-' for stdin")
    args = parser.parse_args(argv)
    found = parse_opml(_read_input(args.file), args.file)
    merged = merge_subscriptions(load_subscriptions(), found.subscriptions)
    if merged.added:
        save_subscriptions(merged.subscriptions)
    _out(
        f"{len(merged.added)} added, {len(merged.duplicates)} skipped as duplicates, "
        f"{len(found.rejected)} rejected"
    )
    _err(*(f"rejected: {entry}" for entry in found.rejected))
    return 1 if found.rejected and not merged.added and not merged.duplicates else 0


def run_export_opml(argv: Sequence[str]) -> int:
    from feeds.subscriptions import load_subscriptions, to_opml, write_atomically

    parser = _parser("export-opml", "Write the subscriptions as OPML.")
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="default: stdout")
    args = parser.parse_args(argv)
    data = to_opml(load_subscriptions())
    if args.file == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomically(Path(args.file), data)
        _err(f"wrote {args.file}")
    return 0


# -- starter list -----------------------------------------------------------------------------


def starter_feeds() -> list[Subscription]:
    """The bundled starter list (``feeds/data/starter_feeds.toml``)."""
    from importlib import resources

    from feeds.subscriptions import parse_subscriptions

    source = resources.files("feeds") / "data" / "starter_feeds.toml"
    return parse_subscriptions(source.read_text(encoding="utf-8"), Path(str(source)))


def run_starter(argv: Sequence[str]) -> int:
    from feeds.subscriptions import (
        find_subscription,
        load_subscriptions,
        merge_subscriptions,
        save_subscriptions,
    )

    parser = _parser("starter", "List, or subscribe to, a starter list of news feeds.")
    parser.add_argument("--enable", action="store_true", help="subscribe to all of them")
    args = parser.parse_args(argv)
    starters = starter_feeds()
    subs = load_subscriptions()
    if args.enable:
        merged = merge_subscriptions(subs, starters)
        if merged.added:
            save_subscriptions(merged.subscriptions)
        _out(
            f"{len(merged.added)} subscribed, {len(merged.duplicates)} already subscribed;"
            " run 'newsdesk fetch' to download them"
        )
        return 0
    for sub in starters:
        mark = "*" if find_subscription(subs, sub.url) else " "
        _out(f"{mark} {sub.folder:<13} {sub.title}  <{sub.url}>")
    _out("", "(* = subscribed) 'newsdesk starter --enable' subscribes to all of them")
    return 0


# -- fetch ------------------------------------------------------------------------------------


def _result_line(result: FeedResult) -> str:
    if result.outcome == "updated":
        dup = f", {result.duplicates} already stored" if result.duplicates else ""
        return f"ok    {result.name}: {result.new_items} new{dup}"
    if result.outcome == "not_modified":
        return f"ok    {result.name}: not modified"
    if result.outcome == "skipped":
        return f"skip  {result.name}: {result.error}"
    return f"FAIL  {result.name}: {result.error}"


def run_fetch(argv: Sequence[str]) -> int:
    parser = _parser(
        "fetch",
        "Refresh subscribed feeds and print a summary. Exit status 1 if any feed failed.",
    )
    _add_db(parser)
    parser.add_argument(
        "--only", action="append", default=[], metavar="URL", help="just this feed (repeatable)"
    )
    parser.add_argument(
        "--due",
        action="store_true",
        help="skip feeds asked to wait (Retry-After) or fetched within their refresh_minutes",
    )
    parser.add_argument("--quiet", action="store_true", help="print only failures and totals")
    parser.add_argument(
        "--no-analyse",
        action="store_true",
        help="store new items only (listed at once); analysis runs on the next fetch or in the app",
    )
    parser.add_argument(
        "--timings",
        action="store_true",
        help="print when items were listed, analysed (filterable) and clustered",
    )
    args = parser.parse_args(argv)
    from feeds.refresh import refresh_sync
    from feeds.subscriptions import Subscription, find_subscription, load_subscriptions, url_problem

    subs = load_subscriptions()
    if args.only:
        chosen: list[Subscription] = []
        for key in args.only:
            found = find_subscription(subs, key)
            if found is None:
                if url_problem(key):
                    _err(f"newsdesk fetch: no subscription with URL or title {key!r}")
                    return 2
                found = Subscription(url=key)  # a one-off fetch of an unsubscribed URL
            chosen.append(found)
        subs = chosen
    else:
        subs = [s for s in subs if s.enabled]
    if not subs:
        _out("no feeds to fetch; add one with 'newsdesk add URL' or 'newsdesk starter --enable'")
        return 0
    quiet: bool = args.quiet

    def progress(event: FeedProgress) -> None:
        if not quiet or event.result.outcome == "failed":
            _out(_result_line(event.result))

    started = time.perf_counter()
    with _open_store(args.db) as store:
        # Phase 1 stores every feed's new items (listed) before anything is analysed. With two
        # or more cores, two worker processes (forked now, before any thread) parse the feeds
        # and, as soon as a write batch has stored new items, analyse them; this process then
        # only clusters and writes (phase 2), once every feed is stored.
        pool = None
        pending: PendingAnalysis | None = None

        def analysis() -> PendingAnalysis:
            # Made when the first new items are stored: a fetch with nothing new (every feed
            # 304 or unchanged) never imports the analysis pipeline.
            nonlocal pending
            if pending is None:
                from feeds.ingest import PendingAnalysis

                assert pool is not None
                # With a core to spare, one page is analysed while feeds still download (the
                # other worker stays free to parse). On two cores that slowed the listing
                # (main process, parse worker and server already share them) without
                # finishing the analysis sooner, so there it all waits for phase 2.
                spare = (os.cpu_count() or 1) > 2
                pending = PendingAnalysis(
                    store, pool, in_flight=1 if spare else 0, keys_later=not spare
                )
            return pending

        if (os.cpu_count() or 1) > 1 and len(subs) >= _PARSE_PROCESS_FEEDS:
            from feeds.refresh import LazyProcessPool, parse_pool
            from feeds.store import feedstate

            # Most feeds known with validators or a body hash: most will answer 304 or send
            # what they sent last time, and nothing may need parsing; the workers then start
            # at the first new body (a forkserver: ~0.3 s later than a fork now, which a
            # first refresh of everything cannot afford).
            states = feedstate.all_states(store)
            known = sum(
                1
                for sub in subs
                if (st := states.get(sub.url)) and (st.etag or st.last_modified or st.content_hash)
            )
            pool = LazyProcessPool(2) if 2 * known >= len(subs) else parse_pool(2)
        try:
            summary = refresh_sync(
                store,
                subs,
                on_progress=progress,
                due_only=args.due,
                analyse=False,
                pool=pool,
                on_stored=(
                    (lambda: analysis().submit())
                    if pool is not None and not args.no_analyse
                    else None
                ),
            )
            listed_at, listed = time.time(), time.perf_counter() - started
            analysed = 0
            marks: list[tuple[float, float]] = []

            def mark() -> None:
                marks.append((time.time(), time.perf_counter() - started))

            if not args.no_analyse and (store.pending_count() or store.unclustered_count()):
                if pool is not None:
                    # Analyses first (filterable by leader and sector), clustering after;
                    # meanwhile only if a core is free beside the two workers.
                    analysed = analysis().finish(
                        batch=500,
                        on_analysed=mark,
                        cluster_while_waiting=(os.cpu_count() or 1) > 2,
                    )
                else:
                    from feeds.ingest import analyse_pending

                    analysed = analyse_pending(store)
        finally:
            if pool is not None:
                # Not wait=False: on Python 3.11 that races the pool's manager thread at exit
                # (an OSError traceback, CPython gh-125451); the workers are idle by now.
                pool.shutdown(wait=True, cancel_futures=True)
        clustered_at, done = time.time(), time.perf_counter() - started
        analysed_at, filterable = marks[0] if marks else (clustered_at, done)
    ok = sum(1 for r in summary.results if r.ok)
    _out(
        f"{len(summary.results)} feeds: {ok} ok, {len(summary.failed)} failed, "
        f"{len(summary.skipped)} skipped; {summary.new_items} new items"
    )
    if args.timings:
        _out(
            f"timings: listed {listed:.3f} s (at {listed_at:.3f}), analysed {analysed} items"
            f" {filterable:.3f} s (at {analysed_at:.3f}), clustered {done:.3f} s"
            f" (at {clustered_at:.3f})"
        )
    return 0 if summary.ok else 1


_COMMANDS: dict[str, Callable[[Sequence[str]], int]] = {
    "add": run_add,
    "remove": run_remove,
    "feeds": run_feeds,
    "import-opml": run_import_opml,
    "export-opml": run_export_opml,
    "fetch": run_fetch,
    "starter": run_starter,
}


def run_web_command(name: str, argv: list[str]) -> int:
    """Run one of ``tui.cli.WEB_COMMANDS``; FeedErrors propagate to ``main`` (exit 2)."""
    command = _COMMANDS.get(name)
    if command is None:
        _err(f"newsdesk: unknown command {name!r}")
        return 2
    return command(argv)


__all__ = ["relative_time", "run_web_command", "starter_feeds"]
