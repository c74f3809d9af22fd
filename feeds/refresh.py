"""Refresh subscribed feeds concurrently: fetch, parse and store feed by feed, then analyse.

Each feed is a pipeline run inside two slots, one per host (politeness) and one global (bounds
memory: at most ``concurrency`` feeds' items are alive at once, never the whole refresh). CPU work
(parsing, analysis, SQLite) runs in a worker thread so the event loop, and the TUI on it, never
stalls.

Storing is phase 1 of the two-phase import (``feeds.ingest``): items already stored are
recognised by key (one indexed query per feed) and skipped; new ones are stored without analysis,
so they are listed at once. Phase 2, ``feeds.ingest.analyse_pending``, runs after every feed is
stored (``analyse=True``) or is left to the caller (the CLI times it, the TUI runs it in a
background worker).

Durability: ``Store.store_items`` commits a feed's new items in one transaction; the fetch state
(including the new ETag) is written right after, in its own transaction. That order is the safe
one: a crash between the two leaves the items stored and the old validators, so the next refresh
downloads the feed again and de-duplicates. A failure commits nothing of the feed's items and
never deletes any.
"""

from __future__ import annotations

import asyncio
import math
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from feeds.errors import FeedError, FetchError, ParseError
from feeds.net.fetch import FetchFailure, FetchLimits, NotModified, fetch, make_client
from feeds.store import feedstate
from feeds.subscriptions import Subscription

if TYPE_CHECKING:
    import httpx

    from feeds.store import Store

Outcome = Literal["updated", "not_modified", "failed", "skipped"]
FEED_FORMATS = frozenset({"rss", "atom", "rdf", "jsonfeed"})
MAX_RETRY_AFTER_S = 24 * 3600
"""A Retry-After further away than this is capped, so one odd header cannot silence a feed."""
DEFAULT_LIMITS = FetchLimits()
# The closing root tag of an RSS, Atom or RDF document, near the end of the body.
_XML_END = re.compile(rb"</\s*(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedResult:
    """What happened to one feed in a refresh."""

    url: str
    name: str
    """Subscription title, else the feed's own title, else the URL."""
    outcome: Outcome
    new_items: int = 0
    duplicates: int = 0
    error: str = ""
    """Words for the user when failed; the reason when skipped."""
    status: int | None = None
    retry_after_ts: int | None = None
    cpu_ms: float = 0.0
    """CPU time spent parsing, analysing and storing (the worker thread's, not the network)."""

    @property
    def ok(self) -> bool:
        return self.outcome in ("updated", "not_modified")


@dataclass(frozen=True, slots=True)
class FeedProgress:
    """Reported after each feed finishes."""

    done: int
    total: int
    result: FeedResult
    new_items: int
    """New items so far in this refresh, all feeds."""
    errors: int
    """Failed feeds so far."""


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """Every feed's result, in subscription order."""

    results: tuple[FeedResult, ...] = ()

    @property
    def new_items(self) -> int:
        return sum(r.new_items for r in self.results)

    @property
    def failed(self) -> tuple[FeedResult, ...]:
        return tuple(r for r in self.results if r.outcome == "failed")

    @property
    def skipped(self) -> tuple[FeedResult, ...]:
        return tuple(r for r in self.results if r.outcome == "skipped")

    @property
    def ok(self) -> bool:
        """True when no feed failed (skipped feeds do not count as failures)."""
        return not self.failed


def describe_error(error: BaseException) -> str:
    """Short human words for a failed fetch or parse."""
    if isinstance(error, FetchFailure):
        kind, status = error.kind, error.status
        if kind == "dns":
            return "host not found"
        if kind == "refused":
            return "connection refused"
        if kind == "tls":
            return f"secure connection failed: {error.message}"
        if kind == "timeout":
            return "timed out"
        if kind == "not_found":
            return "feed not found (HTTP 404)"
        if kind == "gone":
            return "feed removed by the site (HTTP 410)"
        if kind == "rate_limited":
            if error.retry_after_s:
                minutes = max(1, math.ceil(error.retry_after_s / 60))
                return f"rate limited, retry after {minutes} min"
            return "rate limited by the server"
        if kind == "server_error":
            return f"server error (HTTP {status})" if status else "server error"
        if kind == "http_error":
            return f"HTTP error {status}" if status else "HTTP error"
        if kind == "empty":
            return "the server sent an empty response"
        # The fetcher's own words, without the URL prefix its str() adds (the feed is named).
        return error.message
    if isinstance(error, ParseError):
        message = error.message
        if message.startswith(("XML is malformed", "not a feed", "the server sent")):
            return message
        return f"the feed could not be read: {message}"
    if isinstance(error, FeedError):
        return str(error)
    return f"unexpected error: {type(error).__name__}: {error}"


def rate_limited(state: feedstate.FeedState | None, now: float) -> str | None:
    """Why the server's Retry-After forbids asking now, or None."""
    if state is not None and state.retry_after_ts is not None and state.retry_after_ts > now:
        wait = max(1, math.ceil((state.retry_after_ts - now) / 60))
        return f"rate limited by the server; next try in {wait} min"
    return None


def is_due(sub: Subscription, state: feedstate.FeedState | None, now: float) -> str | None:
    """Why ``sub`` should not be fetched now by a ``--due`` refresh, or None when it is due."""
    if state is None:
        return None
    limited = rate_limited(state, now)
    if limited:
        return limited
    last = state.last_attempt_ts if state.last_error else state.last_success_ts
    if last is not None and now - last < sub.refresh_minutes * 60:
        wait = max(1, math.ceil((last + sub.refresh_minutes * 60 - now) / 60))
        return f"not due yet (next in {wait} min)"
    return None


def _check_is_feed(data: bytes, url: str) -> None:
    from feeds.loaders import detect_format

    if not data.strip():
        raise ParseError("the server sent an empty response")
    fmt = detect_format(data, url)
    if fmt == "html":
        raise ParseError("the server sent a web page, not a feed")
    if fmt not in FEED_FORMATS:
        raise ParseError(f"the server sent {fmt} text, not a feed")
    # feedparser keeps the entries of a cut-off document, which would store a half item;
    # a transfer that ends before the root element closes is refused as a whole.
    if fmt != "jsonfeed" and not _XML_END.search(data[-4096:]):
        raise ParseError("XML is malformed: the feed ends before its closing tag (truncated)")


def _ingest(
    store: Store, sub: Subscription, content: bytes, now: int
) -> tuple[int, int, str, float]:
    """Parse one feed's body and store its new items, unanalysed (in a worker thread).

    Returns (new items, duplicates, feed title, CPU milliseconds).
    """
    from feeds.loaders import load_bytes

    start = time.thread_time()
    _check_is_feed(content, sub.url)
    items = load_bytes(content, sub.url)
    title = next((i.source for i in items if i.source), "")
    fallback = sub.title or title
    # Tag items with their feed (for per-feed views and counts); an untitled feed still needs
    # a source so source: filters can find it.
    tagged = [replace(i, feed_url=sub.url, source=i.source or fallback) for i in items]
    del items
    # Dedup first: known items cost one indexed query for the whole feed, and no write at all.
    keyed = [(item.key, item) for item in tagged]
    known = store.known_keys(key for key, _item in keyed)
    fresh = [item for key, item in keyed if key not in known]
    added, duplicates = 0, len(keyed) - len(fresh)
    if fresh:
        summary = store.store_items(fresh)
        added, duplicates = summary.added, duplicates + summary.duplicates
    return added, duplicates, title, (time.thread_time() - start) * 1000


async def _refresh_one(
    store: Store,
    client: httpx.AsyncClient,
    sub: Subscription,
    state: feedstate.FeedState | None,
    limits: FetchLimits,
    clock: Callable[[], float],
    ingest_lane: asyncio.Semaphore,
) -> FeedResult:
    name = sub.title or (state.title if state else "") or sub.url
    etag = state.etag if state else ""
    modified = state.last_modified if state else ""
    try:
        answer = await fetch(client, sub.url, etag=etag, last_modified=modified, limits=limits)
    except FetchError as error:
        return await _fail(store, sub, name, error, clock)
    now = int(clock())
    if isinstance(answer, NotModified):
        await asyncio.to_thread(
            feedstate.record_success,
            store,
            sub.url,
            now=now,
            etag=answer.etag,
            last_modified=answer.last_modified,
            status=304,
            not_modified=True,
        )
        return FeedResult(sub.url, name, "not_modified", status=304)
    try:
        # One feed parses and stores at a time: that work holds the GIL (and the store's
        # lock), so more threads only contend; meanwhile downloads carry on concurrently.
        async with ingest_lane:
            added, dups, title, cpu_ms = await asyncio.to_thread(
                _ingest, store, sub, answer.content, now
            )
    except Exception as error:  # noqa: BLE001 - one bad feed must not stop the others
        return await _fail(store, sub, name, error, clock, status=answer.status)
    # Validators only after the items are committed (see the module docstring).
    await asyncio.to_thread(
        feedstate.record_success,
        store,
        sub.url,
        now=now,
        title=title,
        etag=answer.etag,
        last_modified=answer.last_modified,
        status=answer.status,
        new_items=added,
    )
    return FeedResult(
        sub.url,
        sub.title or title or sub.url,
        "updated",
        new_items=added,
        duplicates=dups,
        status=answer.status,
        cpu_ms=cpu_ms,
    )


async def _fail(
    store: Store,
    sub: Subscription,
    name: str,
    error: BaseException,
    clock: Callable[[], float],
    *,
    status: int | None = None,
) -> FeedResult:
    now = int(clock())
    words = describe_error(error)
    retry_at: int | None = None
    if isinstance(error, FetchFailure):
        status = error.status if error.status is not None else status
        if error.retry_after_s:
            retry_at = now + min(MAX_RETRY_AFTER_S, max(0, math.ceil(error.retry_after_s)))
    try:
        await asyncio.to_thread(
            feedstate.record_failure,
            store,
            sub.url,
            now=now,
            error=words,
            status=status,
            retry_after_ts=retry_at,
        )
    except FeedError as store_error:
        words = f"{words}; and the error could not be recorded: {store_error}"
    return FeedResult(sub.url, name, "failed", error=words, status=status, retry_after_ts=retry_at)


async def refresh_feeds(
    store: Store,
    subscriptions: Sequence[Subscription],
    *,
    client: httpx.AsyncClient | None = None,
    concurrency: int = 16,
    per_host: int = 2,
    limits: FetchLimits = DEFAULT_LIMITS,
    on_progress: Callable[[FeedProgress], None] | None = None,
    due_only: bool = False,
    clock: Callable[[], float] = time.time,
    analyse: bool = True,
) -> RefreshSummary:
    """Fetch every given subscription (disabled ones too: the caller chooses) and store news.

    Args:
        client: An httpx client from :func:`feeds.net.fetch.make_client`; one is made (and
            closed) when None.
        concurrency: Feeds in flight at once, which also bounds items held in memory.
        per_host: Requests in flight to one host at once.
        on_progress: Called on the event loop after each feed, in completion order.
        due_only: Skip feeds whose Retry-After has not passed or whose ``refresh_minutes``
            have not elapsed since the last attempt.
        clock: Unix time now, for the state rows and due checks.
        analyse: Run phase 2 (:func:`feeds.ingest.analyse_pending`) once every feed is
            stored. False leaves the new items listed but unanalysed, for the caller to
            analyse (e.g. in a background worker).

    Never raises for a feed's failure: each one is a :class:`FeedResult` with words.
    """
    states = await asyncio.to_thread(feedstate.all_states, store)
    total = len(subscriptions)
    results: list[FeedResult | None] = [None] * total
    done = new_items = errors = 0
    global_slots = asyncio.Semaphore(max(1, concurrency))
    host_slots: dict[str, asyncio.Semaphore] = {}
    ingest_lane = asyncio.Semaphore(1)
    own_client = client is None
    http = client if client is not None else make_client()

    def report(index: int, result: FeedResult) -> None:
        nonlocal done, new_items, errors
        results[index] = result
        done += 1
        new_items += result.new_items
        errors += result.outcome == "failed"
        if on_progress is not None:
            on_progress(FeedProgress(done, total, result, new_items, errors))

    async def run(index: int, sub: Subscription) -> None:
        state = states.get(sub.url)
        # Retry-After is honoured on every refresh, asked for or not (SECURITY.md §4):
        # the server said when it will talk to us again.
        reason = is_due(sub, state, clock()) if due_only else rate_limited(state, clock())
        if reason:
            name = sub.title or (state.title if state else "") or sub.url
            report(index, FeedResult(sub.url, name, "skipped", error=reason))
            return
        host = (urlsplit(sub.url).hostname or "").lower()
        host_slot = host_slots.setdefault(host, asyncio.Semaphore(max(1, per_host)))
        # Host slot first: a feed waiting on a busy host must not hold one of the global slots.
        async with host_slot, global_slots:
            try:
                result = await _refresh_one(store, http, sub, state, limits, clock, ingest_lane)
            except Exception as error:  # noqa: BLE001 - e.g. the store failed on record
                result = FeedResult(sub.url, sub.name, "failed", error=describe_error(error))
        report(index, result)

    try:
        await asyncio.gather(*(run(i, sub) for i, sub in enumerate(subscriptions)))
    finally:
        if own_client:
            await http.aclose()
    summary = RefreshSummary(tuple(r for r in results if r is not None))
    if analyse and summary.new_items:
        from feeds.ingest import analyse_pending

        await asyncio.to_thread(analyse_pending, store)
    return summary


def refresh_sync(
    store: Store,
    subscriptions: Sequence[Subscription],
    *,
    concurrency: int = 16,
    per_host: int = 2,
    limits: FetchLimits = DEFAULT_LIMITS,
    on_progress: Callable[[FeedProgress], None] | None = None,
    due_only: bool = False,
    clock: Callable[[], float] = time.time,
    analyse: bool = True,
) -> RefreshSummary:
    """:func:`refresh_feeds` for synchronous callers (the CLI): runs its own event loop."""
    return asyncio.run(
        refresh_feeds(
            store,
            subscriptions,
            concurrency=concurrency,
            per_host=per_host,
            limits=limits,
            on_progress=on_progress,
            due_only=due_only,
            clock=clock,
            analyse=analyse,
        )
    )
