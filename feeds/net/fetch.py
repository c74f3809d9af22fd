"""The one async HTTP fetch every network path uses (feeds, full articles, OPML by URL).

Policy lives here, not in callers: one wall-clock deadline per fetch, redirects followed by hand
(≤ ``max_redirects``, http/https only, never https→http), decoded-size cap enforced while
decompressing, conditional GET, Retry-After, and every failure turned into a ``FetchFailure``
whose ``str()`` is a short sentence naming the URL (SECURITY.md §4).
"""

from __future__ import annotations

import asyncio
import errno
import http
import http.cookiejar
import socket
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Literal

import httpx

from feeds import __version__
from feeds.errors import FetchError
from feeds.net import guard
from feeds.net.decode import BoundedDecoder, DecodeError

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
    limits = httpx.Limits(max_connections=32, max_keepalive_connections=16, keepalive_expiry=30)
    if transport is None and not _environment_proxies():
        # A custom transport turns httpx's environment proxies off, so it is used only when
        # there are none (with proxies the default transports are built, as before).
        transport = _LazyTLSTransport(limits)
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


def _environment_proxies() -> bool:
    """Whether httpx would route some scheme through a proxy from the environment."""
    from urllib.request import getproxies  # already imported by httpx

    found = getproxies()
    return any(found.get(scheme) for scheme in ("http", "https", "all"))


class _LazyTLSTransport(httpx.AsyncBaseTransport):
    """http:// on one connection pool, https:// on a verified one made at the first https request.

    Building the verified TLS context loads the whole CA bundle (~60 ms CPU, ~3 MB), which a
    refresh of plain-http feeds, or one whose feeds are all skipped, never needs. The https
    pool is exactly httpx's default (``verify=True``, honouring SSL_CERT_FILE/SSL_CERT_DIR).
    """

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        # Never used for TLS (only http:// URLs reach this pool), and it fails closed if it
        # ever were: certificates required, hostnames checked, and no CA trusted.
        self._plain = httpx.AsyncHTTPTransport(
            verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), limits=limits
        )
        self._tls: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme != "https":
            return await self._plain.handle_async_request(request)
        if self._tls is None:
            self._tls = httpx.AsyncHTTPTransport(verify=True, limits=self._limits)
        return await self._tls.handle_async_request(request)

    async def aclose(self) -> None:
        await self._plain.aclose()
        if self._tls is not None:
            await self._tls.aclose()


def parse_retry_after(value: str, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date); None if unusable."""
    value = value.strip()
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():  # RFC says integer; tolerate "1.5"
        return float(value)
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
    client: httpx.AsyncClient,
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
    client: httpx.AsyncClient,
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
            host = httpx.URL(url).host.lower()
        except httpx.InvalidURL:
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
        client: httpx.AsyncClient,
        etag: str,
        last_modified: str,
        limits: FetchLimits,
        public_only: bool,
    ) -> Fetched | NotModified:
        try:
            current = httpx.URL(self.source)
        except (httpx.InvalidURL, TypeError, ValueError):
            raise self.fail("bad_scheme", "not a valid web address") from None
        self._check_scheme(current, redirected=False)
        seen = {str(current)}
        conditional: dict[bytes, bytes] = {}
        if etag:
            conditional[b"If-None-Match"] = _header_bytes(etag)
        if last_modified:
            conditional[b"If-Modified-Since"] = _header_bytes(last_modified)
        timeout = httpx.Timeout(limits.deadline_s, connect=limits.connect_timeout_s)

        redirects = 0
        while True:
            self.hop = str(current)
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
                    location = resp.headers.get("location", "")
                    if status in _REDIRECTS and location:
                        pass  # leave the block (closing the response) before the next hop
                    elif status == 304:
                        return NotModified(
                            url=str(current),
                            etag=_raw_header(resp, b"etag") or etag,
                            last_modified=_raw_header(resp, b"last-modified") or last_modified,
                        )
                    elif 200 <= status < 300:
                        content = await self._read_body(resp, limits)
                        return Fetched(
                            url=str(current),
                            status=status,
                            content=content,
                            etag=_raw_header(resp, b"etag"),
                            last_modified=_raw_header(resp, b"last-modified"),
                            content_type=resp.headers.get("content-type", ""),
                        )
                    else:
                        raise self._status_failure(status, resp.headers)
            except httpx.HTTPError as exc:
                raise self._transport_failure(exc, limits) from exc

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

    async def _read_body(self, resp: httpx.Response, limits: FetchLimits) -> bytes:
        cap = limits.max_bytes
        length = resp.headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > cap:
            raise self.fail("too_large", f"response is larger than the {_size(cap)} limit")
        try:
            decoder = BoundedDecoder(resp.headers.get("content-encoding", ""))
        except DecodeError as exc:
            raise self.fail("http_error", str(exc)) from None
        parts: list[bytes] = []
        total = 0
        try:
            async for raw in resp.aiter_raw():
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
            raise self.fail("empty", "server sent an empty response", status=resp.status_code)
        return content

    def _status_failure(self, status: int, headers: httpx.Headers) -> FetchFailure:
        retry = None
        if "retry-after" in headers:
            retry = parse_retry_after(headers["retry-after"], datetime.now(UTC))
        try:
            # Our own reason phrase: the server's is untrusted text and often missing.
            phrase = http.HTTPStatus(status).phrase
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


def _raw_header(resp: httpx.Response, name: bytes) -> str:
    """A header value as the server sent it; latin-1 so any bytes round-trip through ``str``."""
    for key, value in resp.headers.raw:
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
