"""Refreshing feeds from a real loopback HTTP server: storing, 304s, hostile feeds, Retry-After,
politeness limits, and full-text extraction's SSRF refusal."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from feeds.errors import FetchError, ParseError
from feeds.fulltext import extract_main_text, fetch_full_text
from feeds.leader_lookup import resolve_leader_term
from feeds.net.fetch import make_client
from feeds.query import parse_query
from feeds.refresh import FeedProgress, RefreshSummary, refresh_sync
from feeds.store import Store, feedstate
from feeds.subscriptions import Subscription

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
KZ = (WEB / "feed_kz.xml").read_bytes()
WORLD = (WEB / "feed_world.atom").read_bytes()
TECH = (WEB / "feed_tech.json").read_bytes()
PAGE = (WEB / "page_with_feed.html").read_bytes()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/rss+xml"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    delay: float = 0.0


class FakeSite:
    """Routes by path, changeable between refreshes; records every request's headers."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.in_flight = self.max_in_flight = 0
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def handle(self, request: Request) -> Response:
        with self._lock:
            self.requests.append((request.path, dict(request.headers)))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            route = self.routes.get(request.path)
            if route is None:
                return Response(b"nope", status=404)
            if route.delay:
                time.sleep(route.delay)
            headers = dict(route.headers)
            if route.etag:
                headers["ETag"] = route.etag
                if request.headers.get("If-None-Match") == route.etag:
                    return Response(status=304, headers=headers)
            return Response(
                route.body, status=route.status, content_type=route.content_type, headers=headers
            )
        finally:
            with self._lock:
                self.in_flight -= 1


@pytest.fixture(scope="module")
def _server() -> Iterator[FakeSite]:
    # One loopback server per module: stopping werkzeug's server costs ~0.5 s.
    server = HTTPServer(host="127.0.0.1", threaded=True, startup_timeout=5)
    server.start()
    fake = FakeSite(server)
    server.expect_request(re.compile(".*")).respond_with_handler(fake.handle)
    try:
        yield fake
    finally:
        server.clear()
        server.stop()


@pytest.fixture
def site(_server: FakeSite) -> FakeSite:
    """The module's server with no routes and no recorded requests."""
    _server.routes.clear()
    _server.requests.clear()
    _server.max_in_flight = 0
    return _server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "news.db", leader_resolver=resolve_leader_term) as s:
        yield s


def three_feeds(site: FakeSite) -> list[Subscription]:
    site.routes["/kz.xml"] = Route(body=KZ, etag='"kz-1"')
    site.routes["/world.atom"] = Route(body=WORLD, content_type="application/atom+xml")
    site.routes["/tech.json"] = Route(body=TECH, content_type="application/feed+json")
    return [
        Subscription(site.url("/kz.xml"), "Steppe"),
        Subscription(site.url("/world.atom")),
        Subscription(site.url("/tech.json"), "Tech"),
    ]


def refresh(store: Store, subs: list[Subscription], **kwargs: object) -> RefreshSummary:
    return refresh_sync(store, subs, **kwargs)  # type: ignore[arg-type]


def test_three_feeds_are_stored_with_their_feed_url_and_analysed(
    site: FakeSite, store: Store
) -> None:
    subs = three_feeds(site)
    events: list[FeedProgress] = []
    summary = refresh(store, subs, on_progress=events.append)
    assert summary.ok and summary.new_items == 5
    assert [r.outcome for r in summary.results] == ["updated"] * 3
    assert [r.name for r in summary.results] == ["Steppe", "World Desk", "Tech"]
    assert store.total() == 5
    assert feedstate.item_counts(store) == {subs[0].url: 2, subs[1].url: 1, subs[2].url: 2}
    assert store.count(parse_query("leader:tokayev")) == 1
    [hit] = store.page(parse_query("leader:tokayev"))
    assert store.get_article(hit.id).item.feed_url == subs[0].url
    # Progress: one event per feed, counting up, totals accumulated.
    assert [e.done for e in events] == [1, 2, 3] and events[-1].total == 3
    assert events[-1].new_items == 5 and events[-1].errors == 0
    state = feedstate.get_state(store, subs[0].url)
    assert state is not None and state.etag == '"kz-1"' and state.title == "Steppe Wire"
    assert state.new_items_last == 2 and state.last_error == "" and state.last_status == 200


def test_second_refresh_with_304_stores_nothing_and_records_success(
    site: FakeSite, store: Store
) -> None:
    subs = three_feeds(site)[:1]
    refresh(store, subs, clock=lambda: 1_000_000.0)
    summary = refresh(store, subs, clock=lambda: 1_000_600.0)
    [result] = summary.results
    assert result.outcome == "not_modified" and result.new_items == 0 and summary.ok
    assert store.total() == 2
    # The validator went back byte-exact.
    assert site.requests[-1][1].get("If-None-Match") == '"kz-1"'
    state = feedstate.get_state(store, subs[0].url)
    assert state is not None and state.last_success_ts == 1_000_600 and state.last_status == 304
    assert state.etag == '"kz-1"' and state.title == "Steppe Wire"


def test_unchanged_feeds_are_recorded_in_a_few_commits(site: FakeSite, store: Store) -> None:
    subs = []
    for n in range(24):
        body = KZ.replace(b"steppe-", f"u{n}-".encode())
        site.routes[f"/u{n}.xml"] = Route(body=body, etag=f'"u{n}"')
        subs.append(Subscription(site.url(f"/u{n}.xml")))
    refresh(store, subs, analyse=False, clock=lambda: 1_000_000.0)
    before = store._generation  # noqa: SLF001 - counts this connection's commits
    summary = refresh(store, subs, analyse=False, clock=lambda: 1_000_600.0)
    assert [r.outcome for r in summary.results] == ["not_modified"] * 24
    # 24 answers of nothing new: gathered (up to 8 at a time; typically 3-4 commits), not
    # one commit per feed or two (20 without gathering).
    assert store._generation - before <= 12  # noqa: SLF001
    assert all(
        (st := feedstate.get_state(store, sub.url)) is not None and st.last_success_ts == 1_000_600
        for sub in subs
    )


def test_known_items_count_as_duplicates_not_new(site: FakeSite, store: Store) -> None:
    site.routes["/a.xml"] = Route(body=KZ)
    subs = [Subscription(site.url("/a.xml"))]
    refresh(store, subs)
    [result] = refresh(store, subs).results
    assert (result.outcome, result.new_items, result.duplicates) == ("updated", 0, 2)


@pytest.mark.parametrize(
    ("route", "words", "status"),
    [
        (Route(status=500, body=b"oops"), "server error (HTTP 500)", 500),
        (Route(status=503, body=b"", headers={"Retry-After": "120"}), "HTTP 503", 503),
        (Route(body=PAGE, content_type="text/html"), "the server sent a web page, not a feed", 200),
        (Route(body=KZ[:120]), "XML is malformed", 200),
        (Route(body=b""), "empty response", 200),
        (Route(body=b"   \n"), "empty response", 200),
        (Route(status=404, body=b"gone"), "feed not found (HTTP 404)", 404),
        (Route(status=410, body=b"gone"), "removed by the site (HTTP 410)", 410),
        (Route(body=b"<?xml version='1.0'?><rss><channel><item><title>x</titl"), "malformed", 200),
    ],
    ids=["500", "503", "html", "truncated", "empty", "blank", "404", "410", "broken-xml"],
)
def test_a_feed_that_goes_bad_keeps_its_items_and_says_why(
    site: FakeSite, store: Store, route: Route, words: str, status: int
) -> None:
    site.routes["/kz.xml"] = Route(body=KZ, etag='"v1"')
    subs = [Subscription(site.url("/kz.xml"), "Steppe")]
    refresh(store, subs, clock=lambda: 1_000_000.0)
    site.routes["/kz.xml"] = route
    summary = refresh(store, subs, clock=lambda: 1_000_100.0)
    [result] = summary.results
    assert result.outcome == "failed" and not summary.ok
    assert words in result.error, result.error
    assert store.total() == 2 and feedstate.item_count(store, subs[0].url) == 2
    state = feedstate.get_state(store, subs[0].url)
    assert state is not None and words in state.last_error and state.last_status == status
    # The last good time and the validators survive the failure.
    assert state.last_success_ts == 1_000_000 and state.last_attempt_ts == 1_000_100
    assert state.etag == '"v1"'


def test_unreachable_host_is_connection_refused_in_words(store: Store) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    [result] = refresh(store, [Subscription(f"http://127.0.0.1:{port}/feed")]).results
    assert result.outcome == "failed" and result.error == "connection refused"


def test_429_retry_after_is_recorded_and_always_respected(site: FakeSite, store: Store) -> None:
    site.routes["/busy.xml"] = Route(status=429, headers={"Retry-After": "600"})
    subs = [Subscription(site.url("/busy.xml"), "Busy", refresh_minutes=5)]
    [result] = refresh(store, subs, clock=lambda: 1_000_000.0).results
    assert result.error == "rate limited, retry after 10 min" and result.status == 429
    state = feedstate.get_state(store, subs[0].url)
    assert state is not None and state.retry_after_ts == 1_000_600
    asked = len(site.requests)
    [skipped] = refresh(store, subs, due_only=True, clock=lambda: 1_000_300.0).results
    assert skipped.outcome == "skipped" and "next try in 5 min" in skipped.error
    assert len(site.requests) == asked  # not a single request before Retry-After
    # Even an explicit refresh sends nothing before Retry-After.
    [still] = refresh(store, subs, clock=lambda: 1_000_300.0).results
    assert still.outcome == "skipped" and len(site.requests) == asked
    # After the wait, due_only fetches again.
    site.routes["/busy.xml"] = Route(body=KZ)
    [again] = refresh(store, subs, due_only=True, clock=lambda: 1_001_000.0).results
    assert again.outcome == "updated" and again.new_items == 2


def test_due_only_respects_refresh_minutes(site: FakeSite, store: Store) -> None:
    site.routes["/kz.xml"] = Route(body=KZ)
    subs = [Subscription(site.url("/kz.xml"), refresh_minutes=30)]
    refresh(store, subs, clock=lambda: 1_000_000.0)
    [early] = refresh(store, subs, due_only=True, clock=lambda: 1_000_000.0 + 600).results
    assert early.outcome == "skipped" and "not due yet (next in 20 min)" in early.error
    [later] = refresh(store, subs, due_only=True, clock=lambda: 1_000_000.0 + 1800).results
    assert later.outcome == "updated"


def test_per_host_limit_bounds_requests_in_flight(site: FakeSite, store: Store) -> None:
    subs = []
    for n in range(6):
        site.routes[f"/f{n}.xml"] = Route(body=KZ.replace(b"steppe-", f"f{n}-".encode()), delay=0.1)
        subs.append(Subscription(site.url(f"/f{n}.xml")))
    summary = refresh(store, subs, per_host=2, concurrency=16)
    assert summary.ok and summary.new_items == 12
    assert site.max_in_flight == 2


def test_a_crash_while_ingesting_stores_nothing_of_that_feed(
    site: FakeSite, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_insert = Store._insert
    calls = 0

    def boom(self: Store, *args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 2:  # the first item is written, then the transaction fails
            raise RuntimeError("storage exploded")
        return real_insert(self, *args, **kwargs)

    site.routes["/kz.xml"] = Route(body=KZ, etag='"x"')
    monkeypatch.setattr(Store, "_insert", boom)
    [result] = refresh(store, [Subscription(site.url("/kz.xml"))]).results
    assert result.outcome == "failed" and "storage exploded" in result.error
    assert store.total() == 0
    state = feedstate.get_state(store, site.url("/kz.xml"))
    assert state is not None and state.etag == ""  # so the next refresh downloads it again


def test_full_text_extracts_the_article() -> None:
    text = extract_main_text((WEB / "article.html").read_bytes(), "https://tech.example/1")
    assert "2,000 people" in text and "turning point" in text
    assert "Log in" not in text and "All rights reserved" not in text
    assert "\n\n" in text
    with pytest.raises(ParseError):
        extract_main_text(b"<html><body></body></html>")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/article.html",
        "http://2130706433:{port}/article.html",
        "http://[::1]:{port}/article.html",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
    ],
)
async def test_full_text_never_reaches_private_addresses(site: FakeSite, url: str) -> None:
    site.routes["/article.html"] = Route(body=b"<p>secret</p>", content_type="text/html")
    port = site.server.port
    async with make_client() as client:
        with pytest.raises(FetchError):
            await fetch_full_text(client, url.format(port=port))
    assert site.requests == []


async def test_full_text_through_a_public_fetch_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # The SSRF guard would refuse loopback, so serve the page from an in-memory transport.
    page = (WEB / "article.html").read_bytes()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, stream=httpx.ByteStream(page), headers={"Content-Type": "text/html"}
        )

    import feeds.net.guard as guard

    async def public(host: str, port: int) -> str:
        return "93.184.216.34"

    resolver: Callable[..., object] | None = getattr(guard, "resolve_public", None)
    if resolver is None:
        pytest.skip("guard has no resolve_public hook to stub")
    monkeypatch.setattr(guard, "resolve_public", public)
    async with make_client(transport=httpx.MockTransport(handler)) as client:
        text = await fetch_full_text(client, "https://news.example/a")
    assert "semiconductor plant" in text


def test_known_items_are_deduplicated_before_analysis(
    site: FakeSite, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import feeds.analysis

    calls: list[str] = []
    real = feeds.analysis.analyze

    def counting(item: Any) -> Any:
        calls.append(item.title)
        return real(item)

    monkeypatch.setattr(feeds.analysis, "analyze", counting)
    site.routes["/kz.xml"] = Route(body=KZ)
    subs = [Subscription(site.url("/kz.xml"))]
    assert refresh(store, subs).new_items == 2
    assert len(calls) == 2
    calls.clear()
    [again] = refresh(store, subs).results
    assert (again.new_items, again.duplicates) == (0, 2)
    assert calls == []  # known items: one key query, no analysis, no write


def test_refresh_without_analysis_lists_items_then_analyse_pending(
    site: FakeSite, store: Store
) -> None:
    from feeds.ingest import analyse_pending

    subs = three_feeds(site)
    assert refresh(store, subs, analyse=False).new_items == 5
    assert store.total() == 5 and store.pending_count() == 5
    assert store.count(parse_query("leader:tokayev")) == 0
    assert analyse_pending(store) == 5
    assert store.count(parse_query("leader:tokayev")) == 1


def test_a_byte_identical_body_is_not_parsed_again(
    site: FakeSite, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import feeds.loaders

    calls: list[str] = []
    real = feeds.loaders.load_bytes

    def counting(data: bytes, origin: str) -> Any:
        calls.append(origin)
        return real(data, origin)

    monkeypatch.setattr(feeds.loaders, "load_bytes", counting)
    # No validators: every refresh answers 200 with the whole body.
    site.routes["/kz.xml"] = Route(body=KZ)
    subs = [Subscription(site.url("/kz.xml"))]
    assert refresh(store, subs, clock=lambda: 1_000_000.0).new_items == 2
    state = feedstate.get_state(store, subs[0].url)
    assert state is not None and len(state.content_hash) == 32 and state.content_items == 2
    assert len(calls) == 1
    [again] = refresh(store, subs, clock=lambda: 1_000_600.0).results
    assert (again.outcome, again.new_items, again.duplicates) == ("updated", 0, 2)
    assert len(calls) == 1  # same bytes: no parse, no dedup query, no item write
    state = feedstate.get_state(store, subs[0].url)
    assert state is not None and state.last_success_ts == 1_000_600
    assert state.title == "Steppe Wire"
    # One changed byte is parsed again.
    site.routes["/kz.xml"] = Route(body=KZ.replace(b"steppe-", b"steppf-"))
    [changed] = refresh(store, subs).results
    assert changed.new_items == 2 and len(calls) == 2


def test_a_failed_fetch_keeps_the_content_hash_but_a_bad_body_is_parsed_again(
    site: FakeSite, store: Store
) -> None:
    site.routes["/kz.xml"] = Route(body=KZ)
    subs = [Subscription(site.url("/kz.xml"))]
    refresh(store, subs)
    site.routes["/kz.xml"] = Route(body=KZ[:120])
    [bad] = refresh(store, subs).results
    assert bad.outcome == "failed" and "malformed" in bad.error
    # The same bytes as the last *good* body after a failure: parsed again (not trusted blindly).
    site.routes["/kz.xml"] = Route(body=KZ)
    [good] = refresh(store, subs).results
    assert (good.outcome, good.duplicates) == ("updated", 2)


@pytest.mark.parametrize("processes", [0, 1])
def test_parsing_in_a_worker_process_stores_the_same(
    site: FakeSite, store: Store, processes: int
) -> None:
    subs = three_feeds(site)
    site.routes["/bad.xml"] = Route(body=b"<?xml version='1.0'?><rss><channel><item><title>x</t")
    subs.append(Subscription(site.url("/bad.xml"), "Bad"))
    summary = refresh(store, subs, parse_processes=processes, analyse=False)
    assert summary.new_items == 5 and store.total() == 5
    assert [r.outcome for r in summary.results] == ["updated"] * 3 + ["failed"]
    assert "malformed" in summary.results[-1].error
    assert feedstate.item_counts(store) == {subs[0].url: 2, subs[1].url: 1, subs[2].url: 2}
    [again] = refresh(store, subs[:1], parse_processes=processes).results
    assert (again.outcome, again.duplicates) == ("not_modified", 0)


def test_a_lazy_pool_starts_only_for_a_body_to_parse(site: FakeSite, store: Store) -> None:
    from feeds.refresh import LazyProcessPool

    subs = three_feeds(site)[:1]  # the one with an ETag
    pool = LazyProcessPool(2)
    try:
        summary = refresh(store, subs, pool=pool, analyse=False)
        assert summary.new_items == 2 and pool.started  # parsed in a forkserver worker
        assert store.count(parse_query("source:steppe")) == 2
    finally:
        pool.shutdown()
    idle = LazyProcessPool(2)
    [again] = refresh(store, subs, pool=idle).results
    assert again.outcome == "not_modified" and not idle.started
    idle.shutdown()


def test_many_feeds_share_commits_and_one_bad_write_rolls_back_alone(
    site: FakeSite, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_store_items = Store.store_items

    def picky(self: Store, items: Any) -> Any:
        items = list(items)
        if any("f3-" in i.guid or "f3-" in i.url for i in items):
            real_store_items(self, items[:1])  # half written, then it fails
            raise RuntimeError("disk hiccup")
        return real_store_items(self, items)

    monkeypatch.setattr(Store, "store_items", picky)
    subs = []
    for n in range(8):
        site.routes[f"/f{n}.xml"] = Route(body=KZ.replace(b"steppe-", f"f{n}-".encode()))
        subs.append(Subscription(site.url(f"/f{n}.xml")))
    summary = refresh(store, subs, analyse=False)
    outcomes = [r.outcome for r in summary.results]
    assert outcomes == ["updated"] * 3 + ["failed"] + ["updated"] * 4
    assert "disk hiccup" in summary.results[3].error
    assert store.total() == 14 and feedstate.item_count(store, subs[3].url) == 0
    state = feedstate.get_state(store, subs[3].url)
    assert state is not None and state.last_error and state.content_hash == ""


def test_a_callers_pool_analyses_items_as_soon_as_they_are_stored(
    site: FakeSite, store: Store
) -> None:
    """``fetch``'s pipeline: the caller's worker pool parses, ``on_stored`` hands each stored
    batch to the same workers for analysis, and the pool outlives the refresh."""
    from feeds.ingest import PendingAnalysis
    from feeds.refresh import parse_pool

    pool = parse_pool(2)
    try:
        pending = PendingAnalysis(store, pool)
        submitted: list[int] = []
        summary = refresh(
            store,
            three_feeds(site),
            analyse=False,
            pool=pool,
            on_stored=lambda: submitted.append(pending.submit()),
        )
        assert summary.new_items == 5 and sum(submitted) == 5
        assert store.pending_count() == 5  # analysed in the workers, not yet written
        assert pool.submit(int, "7").result() == 7  # not shut down by the refresh
        assert pending.finish() == 5
    finally:
        pool.shutdown()
    assert store.pending_count() == 0
    assert store.count(parse_query("leader:tokayev")) == 1
