"""The one async HTTP fetch every network path uses (feeds, full articles, OPML by URL).

Policy lives here, not in callers: one wall-clock deadline per fetch, redirects followed by hand
(≤ ``max_redirects``, http/https only, never https→http), decoded-size cap enforced while
decompressing, conditional GET, Retry-After, and every failure turned into a ``FetchFailure``
whose ``str()`` is a short sentence naming the URL (SECURITY.md §4).

Requests go through httpx; a :class:`FetchClient` (what a refresh uses) imports it and makes its
client only when a request is actually sent.
"""

from __future__ import annotations

import asyncio
import errno
import os
import socket
import ssl
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from feeds import __version__
from feeds.errors import FetchError
from feeds.net import guard
from feeds.net.decode import BoundedDecoder, DecodeError

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"newsdesk/{__version__} (+https://github.com/newsdesk)"
# Only what we can decompress with a bound ourselves (decode.py); never br/zstd.
ACCEPT_ENCODING = "gzip, deflate"

FailureKind = Literal[
    "dns",
    "refused",
    "tls",
    "timeout",
    "not_found",
    "gone",
    "rate_limited",
    "server_error",
    "http_error",
    "too_large",
    "too_many_redirects",
    "downgrade",
    "bad_scheme",
    "blocked_address",
    "empty",
    "network",
]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Bounds for one fetch."""

    max_bytes: int = 10 * 1024 * 1024  # decoded size cap
    deadline_s: float = 30.0  # one wall-clock deadline: DNS, connect, redirects and body
    max_redirects: int = 5
    connect_timeout_s: float = 10.0


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful 2xx response with its decoded body and validators for the next request."""

    url: str  # final URL after redirects
    status: int
    content: bytes  # decoded (gzip/deflate undone), at most ``max_bytes``
    etag: str
    last_modified: str
    content_type: str


@dataclass(frozen=True, slots=True)
class NotModified:
    """The server answered 304: the stored copy is current."""

    url: str
    etag: str
    last_modified: str


class FetchFailure(FetchError):
    """A fetch that produced no usable body; ``kind`` is machine-readable, ``str()`` is for people.

    ``source`` is the URL the caller asked for; ``url`` is the hop where it failed (they differ
    after redirects, and the message then names both).
    """

    def __init__(
        self,
        source: str,
        kind: FailureKind,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message, source=source)
        self.kind: FailureKind = kind
        self.url = url or source
        self.status = status
        self.retry_after_s = retry_after_s

    def __str__(self) -> str:
        # Unlike FeedError, never append the chained exception: httpx/ssl texts are long and
        # technical; they stay available on ``__cause__`` for logs.
        return f"{self.source}: {self.message}"


def make_client(*, transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """The shared client: verified TLS, our User-Agent, no automatic redirects or decoding tricks.

    ``transport`` exists for tests (mock transports, a test CA); there is deliberately no switch
    to disable certificate checks.
    """
    import http.cookiejar

    import httpx

    limits = httpx.Limits(max_connections=32, max_keepalive_connections=16, keepalive_expiry=30)
    if transport is None and not _environment_proxies():
        from feeds.net.transport import LazyTLSTransport

        # A custom transport turns httpx's environment proxies off, so it is used only when
        # there are none (with proxies the default transports are built, as before).
        transport = LazyTLSTransport(limits)
    return httpx.AsyncClient(
        transport=transport,
        verify=True,
        follow_redirects=False,  # fetch() follows by hand to enforce scheme/SSRF rules per hop
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        limits=limits,
        # No cookies: feeds need none, and a shared jar would let one site track us across
        # fetches (and could leak across the IP-pinned requests of the SSRF guard).
        cookies=http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[])),
        timeout=httpx.Timeout(30.0, connect=10.0),
    )


_PROXY_VARIABLES = frozenset({"http_proxy", "https_proxy", "all_proxy"})


def _environment_proxies() -> bool:
    """Whether a proxy variable is set (httpx would route some scheme through it).

    Read from the environment like ``urllib.request.getproxies`` on Unix (any case), without
    importing it; a CGI environment's HTTP_PROXY, which urllib ignores, counts here too.
    """
    return any(value and name.lower() in _PROXY_VARIABLES for name, value in os.environ.items())


class FetchClient:
    """The client of a refresh: the httpx client of :func:`make_client`, made at the first
    request (a refresh whose feeds are all skipped imports no httpx), closed with this one."""

    def __init__(self) -> None:
        self._client: httpx.AsyncClient | None = None

    def httpx_client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = make_client()
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def __aenter__(self) -> FetchClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def parse_retry_after(value: str, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date); None if unusable."""
    value = value.strip()
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():  # RFC says integer; tolerate "1.5"
        return float(value)
    from email.utils import parsedate_to_datetime  # only for an HTTP-date Retry-After

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


async def fetch(
    client: httpx.AsyncClient | FetchClient,
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    limits: FetchLimits = FetchLimits(),  # noqa: B008 - frozen, so sharing the default is safe
    public_only: bool = False,
) -> Fetched | NotModified:
    """GET ``url`` under ``limits``; raise ``FetchFailure`` for anything but 2xx/304.

    ``etag``/``last_modified`` are the validators from the previous ``Fetched`` and are sent back
    byte-for-byte. ``public_only`` applies the SSRF guard (links taken from feed content).
    """
    attempt = _Attempt(url)
    try:
        async with asyncio.timeout(limits.deadline_s):
            return await attempt.run(client, etag, last_modified, limits, public_only)
    except TimeoutError:
        raise attempt.fail("timeout", f"timed out after {limits.deadline_s:g} s") from None


async def fetch_many(
    client: httpx.AsyncClient | FetchClient,
    requests: Iterable[tuple[str, str, str]],
    *,
    limits: FetchLimits = FetchLimits(),  # noqa: B008
    public_only: bool = False,
    concurrency: int = 16,
    per_host: int = 2,
) -> list[Fetched | NotModified | FetchFailure]:
    """Fetch ``(url, etag, last_modified)`` triples concurrently, politely; results in order.

    At most ``concurrency`` fetches run at once and at most ``per_host`` against one host.
    """
    overall = asyncio.Semaphore(concurrency)
    hosts: dict[str, asyncio.Semaphore] = {}

    async def one(url: str, etag: str, last_modified: str) -> Fetched | NotModified | FetchFailure:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        host_sem = hosts.setdefault(host, asyncio.Semaphore(per_host))
        async with overall, host_sem:
            try:
                return await fetch(
                    client,
                    url,
                    etag=etag,
                    last_modified=last_modified,
                    limits=limits,
                    public_only=public_only,
                )
            except FetchFailure as exc:
                return exc

    return list(await asyncio.gather(*(one(*r) for r in requests)))


class _Attempt:
    """State of one fetch: the URL asked for and the hop in progress (for messages)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.hop = source
        self.redirected = False

    def fail(self, kind: FailureKind, message: str, **extra: int | float | None) -> FetchFailure:
        if self.redirected:
            message = f"{message} (after redirect to {self.hop})"
        status = extra.get("status")
        retry = extra.get("retry_after_s")
        return FetchFailure(
            self.source,
            kind,
            message,
            url=self.hop,
            status=int(status) if status is not None else None,
            retry_after_s=float(retry) if retry is not None else None,
        )

    async def run(
        self,
        client: httpx.AsyncClient | FetchClient,
        etag: str,
        last_modified: str,
        limits: FetchLimits,
        public_only: bool,
    ) -> Fetched | NotModified:
        conditional: dict[bytes, bytes] = {}
        if etag:
            conditional[b"If-None-Match"] = _header_bytes(etag)
        if last_modified:
            conditional[b"If-Modified-Since"] = _header_bytes(last_modified)
        if isinstance(client, FetchClient):
            client = client.httpx_client()
        return await self._run_httpx(client, conditional, etag, last_modified, limits, public_only)

    async def _run_httpx(
        self,
        client: httpx.AsyncClient,
        conditional: dict[bytes, bytes],
        etag: str,
        last_modified: str,
        limits: FetchLimits,
        public_only: bool,
    ) -> Fetched | NotModified:
        """The hops through httpx, redirects followed by hand."""
        import httpx

        try:
            current = httpx.URL(self.source)
        except (httpx.InvalidURL, TypeError, ValueError):
            raise self.fail("bad_scheme", "not a valid web address") from None
        self._check_scheme(current, redirected=False)
        seen = {str(current)}
        timeout = httpx.Timeout(limits.deadline_s, connect=limits.connect_timeout_s)

        redirects = 0
        while True:
            self.hop = str(current)
            answer = await self._hop(
                client, current, conditional, etag, last_modified, limits, public_only, timeout
            )
            if not isinstance(answer, str):
                return answer
            location = answer
            redirects += 1
            if redirects > limits.max_redirects:
                raise self.fail("too_many_redirects", f"more than {limits.max_redirects} redirects")
            try:
                nxt = current.join(location)
            except (httpx.InvalidURL, ValueError):
                raise self.fail("http_error", "server sent an unusable redirect") from None
            self._check_scheme(nxt, redirected=True)
            if current.scheme == "https" and nxt.scheme == "http":
                self.hop, self.redirected = str(nxt), True
                raise self.fail("downgrade", "refused to follow https→http downgrade")
            if str(nxt) in seen:
                raise self.fail("too_many_redirects", f"redirect loop back to {nxt}")
            seen.add(str(nxt))
            current = nxt
            self.redirected = True

    async def _hop(
        self,
        client: httpx.AsyncClient,
        current: httpx.URL,
        conditional: dict[bytes, bytes],
        etag: str,
        last_modified: str,
        limits: FetchLimits,
        public_only: bool,
        timeout: httpx.Timeout,
    ) -> Fetched | NotModified | str:
        """One request through httpx: the answer, or the Location it redirects to."""
        import httpx

        target, headers = current, dict(conditional)
        extensions: dict[str, str] = {}
        if public_only:
            target, pin_headers, extensions = await self._pinned(current)
            headers.update(pin_headers)
        try:
            async with client.stream(
                "GET", target, headers=headers, extensions=extensions, timeout=timeout
            ) as resp:
                status = resp.status_code
                location: str = resp.headers.get("location", "")
                if status in _REDIRECTS and location:
                    return location  # leaving the block closes the response
                raw = resp.headers.raw
                if status == 304:
                    return NotModified(
                        url=str(current),
                        etag=_raw_header(raw, b"etag") or etag,
                        last_modified=_raw_header(raw, b"last-modified") or last_modified,
                    )
                if 200 <= status < 300:
                    content = await self._read_body(
                        resp.aiter_raw(),
                        resp.headers.get("content-length", ""),
                        resp.headers.get("content-encoding", ""),
                        status,
                        limits,
                    )
                    return Fetched(
                        url=str(current),
                        status=status,
                        content=content,
                        etag=_raw_header(raw, b"etag"),
                        last_modified=_raw_header(raw, b"last-modified"),
                        content_type=resp.headers.get("content-type", ""),
                    )
                raise self._status_failure(status, resp.headers.get("retry-after"))
        except httpx.HTTPError as exc:
            raise self._transport_failure(exc, limits) from exc

    def _check_scheme(self, url: httpx.URL, *, redirected: bool) -> None:
        if url.scheme not in ("http", "https"):
            scheme = f"{url.scheme}:" if url.scheme else "a scheme-less address"
            if redirected:
                raise self.fail("bad_scheme", f"refused redirect to {scheme}")
            raise self.fail("bad_scheme", f"only http and https can be fetched, not {scheme}")
        if not url.raw_host:
            raise self.fail("bad_scheme", "web address has no host")

    async def _pinned(self, url: httpx.URL) -> tuple[httpx.URL, dict[bytes, bytes], dict[str, str]]:
        """Check ``url``'s host for the SSRF guard and aim the request at the checked address.

        The request goes to the IP itself, with the real name in Host and in TLS SNI (which is
        also the name the certificate is verified against), so no second DNS lookup happens.
        ``Connection: close`` keeps these IP-keyed connections out of the pool, so one pinned
        fetch never reuses a TLS session that was verified for a different host name.
        """
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        try:
            ip = await guard.resolve_public(host, port)
        except guard.ResolveError:
            raise self.fail("dns", f"could not resolve host {host}") from None
        except guard.BlockedAddress as exc:
            raise self.fail(
                "blocked_address", f"refused to fetch a non-public address ({exc.address})"
            ) from None
        headers = {b"Host": url.netloc, b"Connection": b"close"}
        extensions = {"sni_hostname": host} if url.scheme == "https" else {}
        return url.copy_with(host=ip), headers, extensions

    async def _read_body(
        self,
        chunks: AsyncIterator[bytes],
        length: str,
        encoding: str,
        status: int,
        limits: FetchLimits,
    ) -> bytes:
        """Decode the raw ``chunks`` of a body under the decoded-size cap."""
        cap = limits.max_bytes
        length = length.strip()
        if length.isdigit() and int(length) > cap:
            raise self.fail("too_large", f"response is larger than the {_size(cap)} limit")
        try:
            decoder = BoundedDecoder(encoding)
        except DecodeError as exc:
            raise self.fail("http_error", str(exc)) from None
        parts: list[bytes] = []
        total = 0
        try:
            async for raw in chunks:
                for piece in decoder.feed(raw):
                    total += len(piece)
                    if total > cap:
                        raise self.fail("too_large", f"response grew past the {_size(cap)} limit")
                    parts.append(piece)
            for piece in decoder.finish():
                total += len(piece)
                if total > cap:
                    raise self.fail("too_large", f"response grew past the {_size(cap)} limit")
                parts.append(piece)
        except DecodeError as exc:
            raise self.fail("http_error", f"server sent {exc}") from None
        content = b"".join(parts)
        if not content or content.isspace():  # isspace: no copy of a 10 MiB body
            raise self.fail("empty", "server sent an empty response", status=status)
        return content

    def _status_failure(self, status: int, retry_after: str | None) -> FetchFailure:
        from http import HTTPStatus

        retry = None
        if retry_after is not None:
            retry = parse_retry_after(retry_after, datetime.now(UTC))
        try:
            # Our own reason phrase: the server's is untrusted text and often missing.
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = ""
        said = f"server says {status} {phrase}".rstrip()
        kind: FailureKind
        if status == 404:
            kind = "not_found"
        elif status == 410:
            kind, said = "gone", f"{said} (removed for good)"
        elif status == 429:
            kind = "rate_limited"
        elif 500 <= status < 600:
            kind = "server_error"
        else:
            kind = "http_error"
        if retry is not None:
            said = f"{said}; retry after {retry:.0f} s"
        return self.fail(kind, said, status=status, retry_after_s=retry)

    def _transport_failure(self, exc: httpx.HTTPError, limits: FetchLimits) -> FetchFailure:
        import httpx

        if isinstance(exc, httpx.ConnectTimeout):
            return self.fail(
                "timeout", f"timed out connecting after {limits.connect_timeout_s:g} s"
            )
        if isinstance(exc, httpx.TimeoutException):
            return self.fail("timeout", f"timed out after {limits.deadline_s:g} s")
        if isinstance(exc, httpx.UnsupportedProtocol):
            return self.fail("bad_scheme", "only http and https can be fetched")
        for cause in _chain(exc):
            if isinstance(cause, ssl.SSLCertVerificationError):
                why = cause.verify_message or "unknown reason"
                return self.fail("tls", f"TLS certificate could not be verified ({why})")
            if isinstance(cause, ssl.SSLError):
                return self.fail("tls", "TLS handshake failed")
            if isinstance(cause, socket.gaierror):
                host = httpx.URL(self.hop).host
                return self.fail("dns", f"could not resolve host {host}")
            if isinstance(cause, ConnectionRefusedError) or (
                isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED
            ):
                return self.fail("refused", "connection refused")
        if isinstance(exc, httpx.ConnectError):
            return self.fail("network", "could not connect")
        if isinstance(exc, httpx.RemoteProtocolError):
            return self.fail("network", "server broke off the response")
        return self.fail("network", "network error")


def _chain(exc: BaseException) -> Iterable[BaseException]:
    """``exc`` and everything it was raised from, including exception-group members."""
    todo, seen = [exc], set()
    while todo:
        cur = todo.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        yield cur
        if isinstance(cur, BaseExceptionGroup):
            todo.extend(cur.exceptions)
        for nxt in (cur.__cause__, cur.__context__):
            if nxt is not None:
                todo.append(nxt)


def _raw_header(raw: Iterable[tuple[bytes, bytes]], name: bytes) -> str:
    """A header value as the server sent it; latin-1 so any bytes round-trip through ``str``."""
    for key, value in raw:
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _header_bytes(value: str) -> bytes:
    """Inverse of ``_raw_header`` (validators are echoed byte-exact)."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


def _size(n: int) -> str:
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"
