"""Refresh subscribed feeds concurrently: fetch, parse and store feed by feed, then analyse.

Each feed takes two slots: one per host while its request is in flight (politeness) and one
global until it is stored (bounds memory: at most ``concurrency`` feeds' bodies and items are
alive at once, never the whole refresh). Fetched feeds go to one writer, which stores whatever
has arrived in one worker-thread call and one transaction (:meth:`Store.batch`), so the event
loop, and the TUI on it, never stalls, and a refresh pays one commit per batch, not per feed.
Parsing runs in that thread, or in worker processes when ``parse_processes`` asks for them (the
CLI does: another core). A body byte-identical to the last one stored is not parsed at all.

Storing is phase 1 of the two-phase import (``feeds.ingest``): items already stored are
recognised by key (one indexed query per feed) and skipped; new ones are stored without analysis,
so they are listed at once. Phase 2, ``feeds.ingest.analyse_pending``, runs after every feed is
stored (``analyse=True``) or is left to the caller (the CLI times it, the TUI runs it in a
background worker).

Durability: a feed's new items and its fetch state (the new validators and body digest) are one
savepoint of the batch's transaction, so they commit together or not at all; a feed that fails
rolls back alone, is recorded as failed, and never deletes any stored item. A crash before the
commit leaves the old validators, so the next refresh downloads the feeds again and
de-duplicates.
"""

from __future__ import annotations

import asyncio
import concurrent.futures  # asyncio imports it anyway
import contextlib
import math
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal, TypeGuard, TypeVar
from urllib.parse import urlsplit

from feeds.errors import FeedError, FetchError, ParseError
from feeds.net.fetch import FetchClient, Fetched, FetchFailure, FetchLimits, NotModified, fetch
from feeds.store import feedstate
from feeds.subscriptions import Subscription

if TYPE_CHECKING:
    import httpx

    from feeds.models import Item
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

    if not data or data.isspace():  # what strip() leaves empty, without copying the bytes
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


@dataclass(slots=True)
class _Job:
    """One fetched feed waiting for the writer: its answer (or fetch error) and the outcome."""

    sub: Subscription
    state: feedstate.FeedState | None
    name: str
    answer: Fetched | NotModified | BaseException
    now: int
    done: asyncio.Future[FeedResult]
    parsed: tuple[str, list[Item]] | None = None
    """(title, items) from the parse process, before dedup."""
    items: list[Item] | None = None
    """Parsed new items (phase 1 input); None until parsed."""
    title: str = ""
    digest: str = ""
    count: int = 0
    """Items in the body (new and known)."""
    duplicates: int = 0
    error: BaseException | None = None
    cpu_ms: float = 0.0


def _parse_body(content: bytes, url: str, sub_title: str) -> tuple[str, list[Item]]:
    """Check and parse one feed's body; its items tagged with their feed. Returns (title, items)."""
    from feeds.loaders import load_bytes

    _check_is_feed(content, url)
    items = load_bytes(content, url)
    title = next((i.source for i in items if i.source), "")
    fallback = sub_title or title
    # Tag items with their feed (for per-feed views and counts); an untitled feed still needs
    # a source so source: filters can find it.
    return title, [replace(i, feed_url=url, source=i.source or fallback) for i in items]


def _parse_in_worker(content: bytes, url: str, sub_title: str) -> tuple[str, list[Item]] | str:
    """:func:`_parse_body` in the parse process: a failure comes back as its words (picklable)."""
    try:
        return _parse_body(content, url, sub_title)
    except Exception as error:  # noqa: BLE001 - described here, recorded by the parent
        return describe_error(error)


def _digest_and_parse_in_worker(
    content: bytes, url: str, sub_title: str
) -> tuple[str, tuple[str, list[Item]] | str]:
    """The body's digest and :func:`_parse_in_worker`'s answer, both in the parse process."""
    return feedstate.content_digest(content), _parse_in_worker(content, url, sub_title)


def _start_worker() -> None:
    """Nothing: submitted once so the pool forks its processes now, before any thread."""


class _ParsedElsewhere(ParseError):
    """A parse failure described by the parse process (``message`` is already the words)."""


def _comparable(state: feedstate.FeedState | None) -> TypeGuard[feedstate.FeedState]:
    """Whether a body could be found unchanged against ``state`` (see :func:`_unchanged`)."""
    return state is not None and bool(state.content_hash) and not state.last_error


def _unchanged(job: _Job, content: bytes) -> bool:
    """Whether ``content`` is the body last stored for this feed (then its items are known)."""
    state = job.state
    job.digest = feedstate.content_digest(content)
    if _comparable(state) and state.content_hash == job.digest:
        job.items, job.count, job.duplicates = [], state.content_items, state.content_items
        job.title = state.title
        return True
    return False


def _parse(store: Store, job: _Job, content: bytes) -> None:
    """Parse one feed's body (unless done already) and keep its new items on ``job``.

    A body byte-identical to the last one stored for this feed is not parsed at all: its items
    are known (the digest is recorded only once they are committed).
    """
    if job.parsed is None:
        if job.digest or _unchanged(job, content):
            return
        job.parsed = _parse_body(content, job.sub.url, job.sub.title)
    title, items = job.parsed
    job.parsed = None
    # Dedup first: known items cost one indexed query for the whole feed, and no write at all.
    known = store.known_keys(item.key for item in items)
    job.items = [i for i in items if i.key not in known]
    job.title, job.count = title, len(items)
    job.duplicates = len(items) - len(job.items)


def _write_batch(store: Store, jobs: Sequence[_Job]) -> list[FeedResult]:
    """Phase 1 for several fetched feeds (in a worker thread): parse, then one transaction.

    Each feed's items and fetch state are savepoints of one :meth:`Store.batch` transaction,
    so a feed that fails to store rolls back alone and is recorded as failed, and the whole
    batch costs one commit. Items and their feed's validators commit together (never the
    validators without the items).
    """
    for job in jobs:
        if isinstance(job.answer, Fetched) and job.error is None:
            start = time.thread_time()
            try:
                _parse(store, job, job.answer.content)
            except Exception as error:  # noqa: BLE001 - one bad feed must not stop the others
                job.error = error
            job.cpu_ms = (time.thread_time() - start) * 1000
            job.answer = replace(job.answer, content=b"")  # the body is not needed any more
    try:
        with store.batch(refetchable=True):  # a lost commit is fetched again next time
            return [_write_one(store, job) for job in jobs]
    except FeedError as error:
        # The batch itself failed (e.g. the commit): nothing of it is stored. Say so per feed
        # and record the failures one by one, best effort.
        results = []
        for job in jobs:
            words = describe_error(error)
            with contextlib.suppress(FeedError):
                feedstate.record_failure(store, job.sub.url, now=job.now, error=words)
            results.append(FeedResult(job.sub.url, job.name, "failed", error=words))
        return results


def _write_one(store: Store, job: _Job) -> FeedResult:
    """Store one job's new items and its fetch state (inside :func:`_write_batch`'s batch)."""
    sub, answer, now = job.sub, job.answer, job.now
    if isinstance(answer, BaseException):
        return _fail(store, sub, job.name, answer, now)
    if isinstance(answer, NotModified):
        feedstate.record_success(
            store,
            sub.url,
            now=now,
            etag=answer.etag,
            last_modified=answer.last_modified,
            status=304,
            not_modified=True,
        )
        return FeedResult(sub.url, job.name, "not_modified", status=304)
    if job.error is not None:
        return _fail(store, sub, job.name, job.error, now, status=answer.status)
    start = time.thread_time()
    added, duplicates = 0, job.duplicates
    try:
        # One savepoint for the feed: its items and validators commit together or not at all.
        with store.batch():
            if job.items:
                summary = store.store_items(job.items)
                added, duplicates = summary.added, duplicates + summary.duplicates
            feedstate.record_success(
                store,
                sub.url,
                now=now,
                title=job.title,
                etag=answer.etag,
                last_modified=answer.last_modified,
                status=answer.status,
                new_items=added,
                content_hash=job.digest,
                content_items=job.count,
            )
    except Exception as error:  # noqa: BLE001 - rolled back alone; the others carry on
        return _fail(store, sub, job.name, error, now, status=answer.status)
    finally:
        job.items = None
    return FeedResult(
        sub.url,
        sub.title or job.title or sub.url,
        "updated",
        new_items=added,
        duplicates=duplicates,
        status=answer.status,
        cpu_ms=job.cpu_ms + (time.thread_time() - start) * 1000,
    )


def _fail(
    store: Store,
    sub: Subscription,
    name: str,
    error: BaseException,
    now: int,
    *,
    status: int | None = None,
) -> FeedResult:
    words = describe_error(error)
    retry_at: int | None = None
    if isinstance(error, FetchFailure):
        status = error.status if error.status is not None else status
        if error.retry_after_s:
            retry_at = now + min(MAX_RETRY_AFTER_S, max(0, math.ceil(error.retry_after_s)))
    try:
        feedstate.record_failure(
            store, sub.url, now=now, error=words, status=status, retry_after_ts=retry_at
        )
    except FeedError as store_error:
        words = f"{words}; and the error could not be recorded: {store_error}"
    return FeedResult(sub.url, name, "failed", error=words, status=status, retry_after_ts=retry_at)


async def _writer(
    store: Store,
    queue: asyncio.Queue[_Job | None],
    batch: int,
    on_stored: Callable[[], object] | None = None,
    quiet_batch: int = 1,
) -> None:
    """Drain ``queue``: whatever has arrived is written together, in one worker-thread call.

    A batch of nothing but 304s and failures waits briefly for up to ``quiet_batch`` feeds;
    keep that below the number of feeds in flight, or the wait only stalls the downloads (each
    feed holds its slot until it is written).

    While one batch is written, downloads carry on and the next batch gathers, so a slow disk
    (one fsync per commit) costs per batch, not per feed. None ends the loop.
    """
    while True:
        first = await queue.get()
        if first is None:
            return
        jobs = [first]
        stop = False
        while len(jobs) < batch and not queue.empty():
            nxt = queue.get_nowait()
            if nxt is None:
                stop = True
                break
            jobs.append(nxt)
        if not stop and all(isinstance(j.answer, NotModified | BaseException) for j in jobs):
            # Nothing here a reader is waiting to see: gather more first, so a refresh of
            # mostly-unchanged feeds commits a few times instead of once or twice per feed.
            stop = await _gather_more(queue, jobs, quiet_batch, _QUIET_GATHER_S)
        try:
            results = await asyncio.to_thread(_write_batch, store, jobs)
        except Exception as error:  # noqa: BLE001 - e.g. the store failed on record
            results = [
                FeedResult(j.sub.url, j.sub.name, "failed", error=describe_error(error))
                for j in jobs
            ]
        for job, result in zip(jobs, results, strict=True):
            if not job.done.done():
                job.done.set_result(result)
        if on_stored is not None and any(r.new_items for r in results):
            on_stored()
        if stop:
            return


_QUIET_GATHER_S = 0.05
"""How long the writer waits for more feeds when a batch holds only 304s and failures."""


async def _gather_more(
    queue: asyncio.Queue[_Job | None], jobs: list[_Job], batch: int, wait_s: float
) -> bool:
    """Add to ``jobs`` what arrives within ``wait_s`` (up to ``batch``); True if the queue
    ended (None arrived)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_s
    while len(jobs) < batch:
        remaining = deadline - loop.time()
        if remaining <= 0:
            return False
        try:
            nxt = await asyncio.wait_for(queue.get(), remaining)
        except TimeoutError:
            return False
        if nxt is None:
            return True
        jobs.append(nxt)
    return False


def parse_pool(processes: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes for parsing, started now (before any thread of this refresh exists).

    ``fork`` where available: the child needs no interpreter start-up or re-import of
    ``__main__``, and it only ever runs :func:`_parse_in_worker` (or
    :func:`_digest_and_parse_in_worker`) on bytes it is sent.
    """
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=processes, mp_context=multiprocessing.get_context(method)
    )
    # Fork now; the parsers are imported by the first parse. Importing them up front cost a
    # refresh where every feed answers 304 ~0.1 s of CPU, memory, and a wait at exit for the
    # worker to finish importing before it saw the shutdown.
    pool.submit(_start_worker)
    return pool


_T = TypeVar("_T")


class LazyProcessPool(concurrent.futures.Executor):
    """Worker processes started at the first task, for refreshes that may need none.

    A refresh where every feed answers 304 (or sends the body it sent last time) parses
    nothing: forking workers up front cost it ~0.05-0.1 s and a megabyte. Threads exist by
    the time a body arrives, so the workers come from a forkserver (a fresh interpreter
    that imports the parsers once, then forks), never from this process; ``spawn`` where
    there is no forkserver.
    """

    def __init__(self, processes: int) -> None:
        self._processes = processes
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._pool is not None

    def submit(
        self, fn: Callable[..., _T], /, *args: Any, **kwargs: Any
    ) -> concurrent.futures.Future[_T]:
        with self._lock:
            if self._pool is None:
                import multiprocessing

                methods = multiprocessing.get_all_start_methods()
                context = multiprocessing.get_context(
                    "forkserver" if "forkserver" in methods else "spawn"
                )
                if "forkserver" in methods:
                    context.set_forkserver_preload(["feeds.refresh", "feeds.loaders"])
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=self._processes, mp_context=context
                )
            return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


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
    parse_processes: int = 0,
    pool: concurrent.futures.Executor | None = None,
    on_stored: Callable[[], object] | None = None,
) -> RefreshSummary:
    """Fetch every given subscription (disabled ones too: the caller chooses) and store news.

    Args:
        client: An httpx client from :func:`feeds.net.fetch.make_client`; one is made (and
            closed) when None.
        concurrency: Feeds in flight at once (downloading or waiting to be stored), which
            also bounds the bodies and items held in memory.
        per_host: Requests in flight to one host at once.
        on_progress: Called on the event loop after each feed, in completion order.
        due_only: Skip feeds whose Retry-After has not passed or whose ``refresh_minutes``
            have not elapsed since the last attempt.
        clock: Unix time now, for the state rows and due checks.
        analyse: Run phase 2 (:func:`feeds.ingest.analyse_pending`) once every feed is
            stored. False leaves the new items listed but unanalysed, for the caller to
            analyse (e.g. in a background worker).
        parse_processes: Parse feeds in this many worker processes (another core) instead of
            the writer thread. 0 (the default) starts no process; the CLI uses one.
        pool: Parse in this executor instead (the caller made it with :func:`parse_pool`
            before starting any thread, and shuts it down); ``parse_processes`` is ignored.
        on_stored: Called on the event loop after each write batch that stored new items
            (e.g. to hand them to analysis workers while the other feeds download).

    Never raises for a feed's failure: each one is a :class:`FeedResult` with words.
    """
    own_pool = pool is None
    if pool is None and parse_processes > 0 and subscriptions:
        pool = parse_pool(parse_processes)
    states = await asyncio.to_thread(feedstate.all_states, store)
    total = len(subscriptions)
    results: list[FeedResult | None] = [None] * total
    done = new_items = errors = 0
    global_slots = asyncio.Semaphore(max(1, concurrency))
    host_slots: dict[str, asyncio.Semaphore] = {}
    queue: asyncio.Queue[_Job | None] = asyncio.Queue()
    client_made: FetchClient | None = None
    client_lock = asyncio.Lock()

    async def get_client() -> httpx.AsyncClient | FetchClient:
        # Made on first use. A FetchClient fetches plain-http feeds without httpx and makes its
        # httpx client (and loads the CA bundle) only when a feed needs it.
        nonlocal client_made
        if client is not None:
            return client
        async with client_lock:
            if client_made is None:
                client_made = FetchClient()
            return client_made

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
        name = sub.title or (state.title if state else "") or sub.url
        # Retry-After is honoured on every refresh, asked for or not (SECURITY.md §4):
        # the server said when it will talk to us again.
        reason = is_due(sub, state, clock()) if due_only else rate_limited(state, clock())
        if reason:
            report(index, FeedResult(sub.url, name, "skipped", error=reason))
            return
        host = (urlsplit(sub.url).hostname or "").lower()
        host_slot = host_slots.setdefault(host, asyncio.Semaphore(max(1, per_host)))
        # Host slot first: a feed waiting on a busy host must not hold one of the global slots.
        # The global slot is held until the feed is stored (it bounds memory); the host slot
        # only while the request is in flight (it is the politeness limit).
        async with host_slot:
            await global_slots.acquire()
            try:
                http = await get_client()
                answer: Fetched | NotModified | BaseException = await fetch(
                    http,
                    sub.url,
                    etag=state.etag if state else "",
                    last_modified=state.last_modified if state else "",
                    limits=limits,
                )
            except FetchError as error:
                answer = error
            except BaseException:
                global_slots.release()
                raise
        try:
            loop = asyncio.get_running_loop()
            job = _Job(sub, state, name, answer, int(clock()), loop.create_future())
            del answer
            if pool is not None and isinstance(job.answer, Fetched):
                # Parse on another core while this process downloads and stores.
                content = job.answer.content
                job.answer = replace(job.answer, content=b"")
                parsed: tuple[str, list[Item]] | str | None = None
                if not _comparable(state):
                    # Nothing stored to compare with (a first fetch, a failed last one): the
                    # body is parsed anyway, so the worker hashes it too, off this thread.
                    job.digest, parsed = await loop.run_in_executor(
                        pool, _digest_and_parse_in_worker, content, sub.url, sub.title
                    )
                elif not _unchanged(job, content):
                    parsed = await loop.run_in_executor(
                        pool, _parse_in_worker, content, sub.url, sub.title
                    )
                if parsed is not None:
                    if isinstance(parsed, str):
                        job.error = _ParsedElsewhere(parsed)
                    else:
                        job.parsed = parsed
                del content
            queue.put_nowait(job)
            result = await job.done
        finally:
            global_slots.release()
        report(index, result)

    writer = asyncio.create_task(
        _writer(
            store,
            queue,
            batch=max(1, concurrency) * 2,
            on_stored=on_stored,
            quiet_batch=max(1, concurrency // 2),
        )
    )
    try:
        await asyncio.gather(*(run(i, sub) for i, sub in enumerate(subscriptions)))
    finally:
        queue.put_nowait(None)
        await writer
        if client_made is not None:
            await client_made.aclose()
        if pool is not None and own_pool:
            # wait=True: on Python 3.11, shutdown(wait=False) races the pool's manager thread at
            # interpreter exit ("OSError: [Errno 9] Bad file descriptor", CPython gh-125451).
            # The workers are idle by now, so waiting costs nothing.
            pool.shutdown(wait=True, cancel_futures=True)
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
    parse_processes: int = 0,
    pool: concurrent.futures.Executor | None = None,
    on_stored: Callable[[], object] | None = None,
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
            parse_processes=parse_processes,
            pool=pool,
            on_stored=on_stored,
        )
    )
