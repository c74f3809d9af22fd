"""feeds.net.fetch against real servers on 127.0.0.1 (SECURITY.md §7 C1–C7)."""

from __future__ import annotations

import asyncio
import gzip
import ssl
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
import trustme

from feeds import __version__
from feeds.errors import FetchError
from feeds.net import (
    FetchClient,
    Fetched,
    FetchFailure,
    FetchLimits,
    NotModified,
    fetch,
    fetch_many,
    guard,
    make_client,
    parse_retry_after,
)
from tests.feeds.http_servers import (
    GzipBomb,
    LoopbackServer,
    chunked,
    closed_port,
    drip,
    redirect,
    respond,
)

# Every fetch in this file is bounded by this deadline, so no test can hang.
LIMITS = FetchLimits(deadline_s=5.0)
FEED = b"<rss><channel><title>t</title></channel></rss>"
MiB = 1 << 20


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as srv:
        yield srv


@pytest.fixture(params=["httpx", "refresh"])
async def client(request: pytest.FixtureRequest) -> AsyncIterator[httpx.AsyncClient]:
    """Every test runs with a plain httpx client and with the refresh's FetchClient (which
    makes the same client lazily)."""
    if request.param == "refresh":
        async with FetchClient() as fc:
            yield fc  # type: ignore[misc] - fetch() accepts both
    else:
        async with make_client() as c:
            yield c


async def failure(client: httpx.AsyncClient, url: str, **kwargs: object) -> FetchFailure:
    kwargs.setdefault("limits", LIMITS)
    with pytest.raises(FetchFailure) as info:
        await fetch(client, url, **kwargs)  # type: ignore[arg-type]
    return info.value


# --- success, conditional GET, identity -------------------------------------------------------


async def test_conditional_get_round_trip_echoes_validators_byte_exact(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    # Unusual but legal validators, one with a non-ASCII (latin-1) byte: echoed exactly.
    etag = 'W/"5e1c-1f\xe9 x"'
    modified = "Tue, 15 Nov 1994 12:45:26 GMT"

    def feed(h: object) -> None:
        from http.server import BaseHTTPRequestHandler

        assert isinstance(h, BaseHTTPRequestHandler)
        if h.headers.get("If-None-Match") == etag:
            respond(304)(h)  # a 304 that omits the validators
        else:
            respond(200, FEED, [("ETag", etag), ("Last-Modified", modified)])(h)

    server.route("/feed", feed)
    first = await fetch(client, server.url("/feed"), limits=LIMITS)
    assert isinstance(first, Fetched)
    assert (first.status, first.content, first.etag, first.last_modified) == (
        200,
        FEED,
        etag,
        modified,
    )
    second = await fetch(
        client,
        server.url("/feed"),
        etag=first.etag,
        last_modified=first.last_modified,
        limits=LIMITS,
    )
    assert second == NotModified(server.url("/feed"), etag, modified)
    seen = server.requests
    assert "if-none-match" not in seen[0].headers
    assert seen[1].headers["if-none-match"] == etag
    assert seen[1].headers["if-modified-since"] == modified


async def test_304_with_new_validators_replaces_old(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/feed", respond(304, b"", [("ETag", '"v2"')]))
    got = await fetch(client, server.url("/feed"), etag='"v1"', last_modified="x", limits=LIMITS)
    assert got == NotModified(server.url("/feed"), '"v2"', "x")


async def test_user_agent_names_newsdesk_and_version(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/feed", respond(200, FEED, [("Content-Type", "application/rss+xml")]))
    got = await fetch(client, server.url("/feed"), limits=LIMITS)
    assert isinstance(got, Fetched) and got.content_type == "application/rss+xml"
    headers = server.requests[0].headers
    assert headers["user-agent"].startswith(f"newsdesk/{__version__} ")
    assert headers["accept-encoding"] == "gzip, deflate"  # never br/zstd: not bounded by us


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),  # zlib-wrapped, as the RFC says
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send
    ],
)
async def test_compressed_bodies_are_decoded(
    server: LoopbackServer, client: httpx.AsyncClient, encoding: str, encode: object
) -> None:
    assert callable(encode)
    body = FEED * 5000
    server.route("/feed", respond(200, encode(body), [("Content-Encoding", encoding)]))
    got = await fetch(client, server.url("/feed"), limits=LIMITS)
    assert isinstance(got, Fetched) and got.content == body


async def test_relative_redirect_is_followed_and_final_url_reported(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/old", redirect("/new", 301))
    server.route("/new", respond(200, FEED))
    got = await fetch(client, server.url("/old"), limits=LIMITS)
    assert isinstance(got, Fetched) and got.url == server.url("/new")


async def test_cookies_are_never_stored_or_sent(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/feed", respond(200, FEED, [("Set-Cookie", "track=1; Path=/")]))
    await fetch(client, server.url("/feed"), limits=LIMITS)
    await fetch(client, server.url("/feed"), limits=LIMITS)
    assert "cookie" not in server.requests[1].headers


async def test_fetch_many_keeps_order_and_returns_failures(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/a", respond(200, b"A"))
    server.route("/b", respond(304))
    results = await fetch_many(
        client,
        [(server.url("/a"), "", ""), (server.url("/missing"), "", ""), (server.url("/b"), "e", "")],
        limits=LIMITS,
    )
    assert isinstance(results[0], Fetched) and results[0].content == b"A"
    assert isinstance(results[1], FetchFailure) and results[1].kind == "not_found"
    assert results[2] == NotModified(server.url("/b"), "e", "")


# --- C1–C3: size caps and the deadline --------------------------------------------------------


async def test_gzip_bomb_stops_at_cap_with_bounded_memory(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    bomb = GzipBomb(1 << 30)  # 1 GiB of zeros, ~1 MB on the wire, generated while sending
    server.route("/bomb", bomb.route())
    cap = 5 * MiB
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        err = await failure(client, server.url("/bomb"), limits=FetchLimits(max_bytes=cap))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    growth = peak - base
    print(f"gzip bomb 1 GiB, cap {cap / MiB:g} MiB: peak growth {growth / MiB:.2f} MiB")
    assert err.kind == "too_large" and "5 MiB" in str(err)
    assert growth <= 10 * MiB


async def test_gzip_bomb_with_default_cap_holds_no_more_than_the_cap(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/bomb", GzipBomb(1 << 30).route())
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        err = await failure(client, server.url("/bomb"), limits=FetchLimits())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    growth = peak - base
    print(f"gzip bomb 1 GiB, default 10 MiB cap: peak growth {growth / MiB:.2f} MiB")
    assert err.kind == "too_large"
    # The kept body itself is up to the cap; decoding adds only a few 64 KiB pieces on top.
    assert growth <= FetchLimits().max_bytes + 1 * MiB


async def test_oversize_content_length_refused_before_reading(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    def huge(h: object) -> None:
        from http.server import BaseHTTPRequestHandler

        assert isinstance(h, BaseHTTPRequestHandler)
        h.send_response(200)
        h.send_header("Content-Length", str(50 * MiB))
        h.end_headers()
        h.wfile.write(b"x" * 1024)  # never sends the rest; the client must not wait for it

    server.route("/huge", huge)
    err = await failure(client, server.url("/huge"), limits=FetchLimits(max_bytes=MiB))
    assert err.kind == "too_large" and "1 MiB" in str(err)


async def test_oversize_chunked_without_content_length(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/big", chunked(b"y" * 65536 for _ in range(64)))  # 4 MiB, no length
    err = await failure(client, server.url("/big"), limits=FetchLimits(max_bytes=MiB))
    assert err.kind == "too_large"


async def test_body_exactly_at_cap_is_accepted(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/fit", chunked(b"z" * 1024 for _ in range(1024)))
    got = await fetch(client, server.url("/fit"), limits=FetchLimits(max_bytes=MiB))
    assert isinstance(got, Fetched) and len(got.content) == MiB


async def test_slow_drip_ends_by_the_deadline(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/drip", drip(0.5, 40))  # would take 20 s; every single read is quick
    start = time.monotonic()
    err = await failure(client, server.url("/drip"), limits=FetchLimits(deadline_s=1.5))
    elapsed = time.monotonic() - start
    assert err.kind == "timeout" and "timed out after 1.5 s" in str(err)
    assert elapsed < 2.5


# --- C4: redirects ----------------------------------------------------------------------------


async def test_redirect_loop_is_refused(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    server.route("/a", redirect("/b"))
    server.route("/b", redirect("/a"))
    err = await failure(client, server.url("/a"))
    assert err.kind == "too_many_redirects" and "loop" in str(err)
    assert server.paths == ["/a", "/b"]


async def test_redirect_chain_of_six_is_refused_and_five_is_followed(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    for i in range(1, 7):
        server.route(f"/r{i}", redirect(f"/r{i + 1}" if i < 6 else "/feed", 307))
    server.route("/feed", respond(200, FEED))
    err = await failure(client, server.url("/r1"))
    assert err.kind == "too_many_redirects" and "more than 5 redirects" in str(err)
    assert "/feed" not in server.paths
    got = await fetch(client, server.url("/r2"), limits=LIMITS)  # 5 hops
    assert isinstance(got, Fetched) and got.url == server.url("/feed")


async def test_redirect_to_other_scheme_is_refused(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/go", redirect("file:///etc/passwd"))
    err = await failure(client, server.url("/go"))
    assert err.kind == "bad_scheme"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/feed",
        "javascript:alert(1)",
        "no scheme",
        "http://0177.0.0.1/",  # httpx rejects octal IPv4 outright, which is just as safe
    ],
)
async def test_bad_scheme(client: httpx.AsyncClient, url: str) -> None:
    err = await failure(client, url)
    assert err.kind == "bad_scheme" and isinstance(err, FetchError)
    assert str(err).startswith(url)


# --- TLS: downgrade and certificate failures --------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[LoopbackServer]:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    with LoopbackServer(ssl_context=ctx) as srv:
        yield srv


@pytest.fixture
async def trusting_client(ca: trustme.CA) -> AsyncIterator[httpx.AsyncClient]:
    # Test only: the production client has no way to change trust; we inject a transport.
    ctx = ssl.create_default_context()
    ca.configure_trust(ctx)
    async with make_client(transport=httpx.AsyncHTTPTransport(verify=ctx)) as c:
        yield c


async def test_https_to_http_downgrade_is_refused(
    tls_server: LoopbackServer, server: LoopbackServer, trusting_client: httpx.AsyncClient
) -> None:
    tls_server.route("/ok", respond(200, FEED))
    tls_server.route("/go", redirect(server.url("/feed")))
    server.route("/feed", respond(200, FEED))
    ok = await fetch(trusting_client, tls_server.url("/ok"), limits=LIMITS)
    assert isinstance(ok, Fetched)  # the TLS path itself works with the right CA
    err = await failure(trusting_client, tls_server.url("/go"))
    assert err.kind == "downgrade" and "https→http downgrade" in str(err)
    assert server.requests == []


async def test_untrusted_certificate_is_a_tls_failure(
    tls_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    tls_server.route("/feed", respond(200, FEED))
    err = await failure(client, tls_server.url("/feed"))
    assert err.kind == "tls" and "TLS certificate could not be verified" in str(err)
    assert tls_server.requests == []


async def test_certificate_for_another_name_is_a_tls_failure(
    ca: trustme.CA, trusting_client: httpx.AsyncClient
) -> None:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("feeds.example").configure_cert(ctx)
    with LoopbackServer(ssl_context=ctx) as srv:
        err = await failure(trusting_client, srv.url("/feed"))
    assert err.kind == "tls" and "mismatch" in str(err)


# --- C5: SSRF ---------------------------------------------------------------------------------

LOOPBACK_SPELLINGS = [
    "2130706433",
    "0x7f000001",
    "127.1",
    "[::ffff:127.0.0.1]",
    "127.0.0.1",
    "localhost",
]


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
async def test_ssrf_loopback_spellings_blocked_when_public_only(
    server: LoopbackServer, client: httpx.AsyncClient, host: str
) -> None:
    server.route("/feed", respond(200, FEED))
    url = server.url("/feed", host=host)
    err = await failure(client, url, public_only=True)
    assert err.kind == "blocked_address" and "non-public address" in str(err)
    assert server.requests == []  # refused before any connection
    # The same URL is fine for a feed the user subscribed to (intranet feeds are allowed).
    got = await fetch(client, url, limits=LIMITS)
    assert isinstance(got, Fetched) and got.content == FEED


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[64:ff9b::7f00:1]/",
        "https://[2002:7f00:1::1]/",
    ],
)
async def test_ssrf_private_ranges_blocked(client: httpx.AsyncClient, url: str) -> None:
    err = await failure(client, url, public_only=True)
    assert err.kind == "blocked_address"


async def test_ssrf_ipv6_loopback_allowed_for_subscriptions(client: httpx.AsyncClient) -> None:
    try:
        srv = LoopbackServer(host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with srv:
        srv.route("/feed", respond(200, FEED))
        err = await failure(client, srv.url("/feed"), public_only=True)
        assert err.kind == "blocked_address" and srv.requests == []
        got = await fetch(client, srv.url("/feed"), limits=LIMITS)
        assert isinstance(got, Fetched)


def test_public_address_rules() -> None:
    from ipaddress import ip_address

    public = ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e"]
    private = [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "::",
        "fd00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "2002:c0a8:101::1",
    ]
    assert all(guard.is_public_address(ip_address(a)) for a in public)
    assert not any(guard.is_public_address(ip_address(a)) for a in private)


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend 127.0.0.1 (only) is a public address, so hops after the first can be tested."""
    real = guard.is_public_address
    monkeypatch.setattr(guard, "is_public_address", lambda a: str(a) == "127.0.0.1" or real(a))


@pytest.mark.usefixtures("loopback_is_public")
async def test_ssrf_checked_again_on_every_redirect_hop(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/article", redirect(server.url("/secret", host="127.0.0.2")))
    server.route("/secret", respond(200, b"secret"))
    err = await failure(client, server.url("/article"), public_only=True)
    assert err.kind == "blocked_address" and "after redirect" in str(err)
    assert server.paths == ["/article"]


@pytest.mark.usefixtures("loopback_is_public")
async def test_ssrf_connects_to_the_checked_address(
    server: LoopbackServer, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "news.example" exists only in our fake resolver: reaching the server proves the request
    # went to the address the guard approved, with no second (rebindable) DNS lookup.
    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "news.example" else ["10.0.0.1"]

    monkeypatch.setattr(guard, "_resolve", resolve)
    server.route("/a", respond(200, FEED))
    got = await fetch(
        client, server.url("/a", host="news.example"), public_only=True, limits=LIMITS
    )
    assert isinstance(got, Fetched) and got.url == server.url("/a", host="news.example")
    assert server.requests[0].headers["host"] == f"news.example:{server.port}"


@pytest.mark.usefixtures("loopback_is_public")
async def test_ssrf_pinned_https_still_verifies_the_certificate_for_the_name(
    ca: trustme.CA, trusting_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The connection goes to the checked IP, but SNI and certificate checks use the real name.
    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    monkeypatch.setattr(guard, "_resolve", resolve)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("news.example").configure_cert(ctx)
    with LoopbackServer(ssl_context=ctx) as srv:
        srv.route("/a", respond(200, FEED))
        url = srv.url("/a", host="news.example")
        got = await fetch(trusting_client, url, public_only=True, limits=LIMITS)
        assert isinstance(got, Fetched) and got.url == url
        wrong = await failure(
            trusting_client, srv.url("/a", host="other.example"), public_only=True
        )
        assert wrong.kind == "tls"


@pytest.mark.usefixtures("loopback_is_public")
async def test_ssrf_every_resolved_address_must_be_public(
    server: LoopbackServer, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1", "192.168.0.10"]

    monkeypatch.setattr(guard, "_resolve", resolve)
    err = await failure(client, server.url("/a", host="mixed.example"), public_only=True)
    assert err.kind == "blocked_address" and "192.168.0.10" in str(err)
    assert server.requests == []


# --- C7 and status mapping --------------------------------------------------------------------


async def test_429_retry_after_seconds(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    server.route("/feed", respond(429, b"slow down", [("Retry-After", "120")]))
    err = await failure(client, server.url("/feed"))
    assert (err.kind, err.status, err.retry_after_s) == ("rate_limited", 429, 120.0)
    assert "server says 429 Too Many Requests" in str(err)


async def test_429_and_503_retry_after_http_date(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    server.route("/limited", respond(429, b"", [("Retry-After", when)]))
    server.route("/down", respond(503, b"", [("Retry-After", when)]))
    limited = await failure(client, server.url("/limited"))
    down = await failure(client, server.url("/down"))
    assert limited.kind == "rate_limited" and down.kind == "server_error"
    for err in (limited, down):
        assert err.retry_after_s is not None and 80 <= err.retry_after_s <= 90


def test_parse_retry_after() -> None:
    now = datetime(2025, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert parse_retry_after("30", now) == 30.0
    assert parse_retry_after(" 0 ", now) == 0.0
    assert parse_retry_after("Wed, 01 Jan 2025 12:02:00 GMT", now) == 120.0
    assert parse_retry_after("Wed, 01 Jan 2025 11:00:00 GMT", now) == 0.0  # past: go now
    for junk in ("", "soon", "-5", "Wed, 99 Foo 2025"):
        assert parse_retry_after(junk, now) is None


@pytest.mark.parametrize(
    ("status", "kind", "words"),
    [
        (404, "not_found", "server says 404 Not Found"),
        (410, "gone", "server says 410 Gone"),
        (500, "server_error", "server says 500 Internal Server Error"),
        (403, "http_error", "server says 403 Forbidden"),
    ],
)
async def test_status_mapping(
    server: LoopbackServer, client: httpx.AsyncClient, status: int, kind: str, words: str
) -> None:
    server.route("/feed", respond(status, b"<html>error</html>"))
    err = await failure(client, server.url("/feed"))
    assert (err.kind, err.status) == (kind, status)
    assert str(err).startswith(f"{server.url('/feed')}: {words}")


async def test_empty_body(server: LoopbackServer, client: httpx.AsyncClient) -> None:
    server.route("/feed", respond(200, b""))
    server.route("/blank", respond(200, gzip.compress(b"  \n"), [("Content-Encoding", "gzip")]))
    assert (await failure(client, server.url("/feed"))).kind == "empty"
    assert (await failure(client, server.url("/blank"))).kind == "empty"


async def test_corrupt_and_unadvertised_encodings_are_errors(
    server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    server.route("/bad", respond(200, b"not gzip at all", [("Content-Encoding", "gzip")]))
    server.route("/br", respond(200, b"\x1b\x00", [("Content-Encoding", "br")]))
    cut = gzip.compress(FEED * 100)[:-20]
    server.route("/cut", respond(200, cut, [("Content-Encoding", "gzip")]))
    for path in ("/bad", "/br", "/cut"):
        assert (await failure(client, server.url(path))).kind == "http_error"


# --- connection failures ----------------------------------------------------------------------


async def test_refused_connection(client: httpx.AsyncClient) -> None:
    url = f"http://127.0.0.1:{closed_port()}/feed"
    err = await failure(client, url)
    assert err.kind == "refused" and str(err) == f"{url}: connection refused"


@pytest.mark.parametrize("public_only", [False, True])
async def test_unresolvable_host(client: httpx.AsyncClient, public_only: bool) -> None:
    err = await failure(client, "http://no-such-host.invalid/feed", public_only=public_only)
    assert err.kind == "dns" and "could not resolve host no-such-host.invalid" in str(err)


async def test_deadline_covers_connect_phase(monkeypatch: pytest.MonkeyPatch) -> None:
    # A transport that never answers stands in for a black-holed address.
    class Stall(httpx.AsyncBaseTransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            await asyncio.sleep(60)
            raise AssertionError("unreachable")

    async with make_client(transport=Stall()) as c:
        err = await failure(c, "http://feeds.example/", limits=FetchLimits(deadline_s=0.3))
    assert err.kind == "timeout" and str(err) == "http://feeds.example/: timed out after 0.3 s"
