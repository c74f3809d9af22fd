"""One plain-http GET without httpx (asyncio streams and h11), for ``fetch.FetchClient``.

Why: a refresh whose feeds mostly answer 304 spent most of its CPU in httpx's client, transport
and anyio layers (about 1 ms per request on loopback) and ~7 MB of memory importing them. This
module only moves bytes: one request per connection (``Connection: close``), the response framed
by h11 (the HTTP/1.1 parser httpx itself uses, with httpcore's head-size limit), and the status,
raw headers and raw body chunks handed back to ``fetch()``, which applies exactly the same policy
as to an httpx response (deadline, redirects, decoded-size cap, validators, status mapping).

Only URLs that httpx would send unchanged are taken (:func:`plain_target`); anything else (https,
userinfo, IPv6 or non-ASCII hosts, characters httpx would re-encode) goes through httpx.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

import h11

_READ = 64 * 1024
_MAX_HEAD = 100 * 1024
"""Largest response head accepted: httpcore's limit, so a server httpx can read is readable here."""
# A host httpx would send as is and the resolver cannot read as a number in another spelling
# (octal, hex, short forms like "127.1"): lower-case DNS labels whose last one starts with a
# letter, or a canonical dotted-quad IPv4 address.
_HOST = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?"
    r"|(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}"
    r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
)
# Path and query characters httpx leaves alone; '%' only as a valid escape; no dot segments
# (httpx removes them).
_TARGET = re.compile(r"/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")
# Characters anywhere after "http://" (the fragment too: httpx refuses a URL for one in it).
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*")
_DOT_SEGMENT = re.compile(r"/\.\.?(?:/|\?|$)")


@dataclass(frozen=True, slots=True)
class Target:
    """Where a plain-http request goes and what it asks for."""

    host: str
    port: int
    host_header: bytes
    target: bytes


def plain_target(url: str) -> Target | None:
    """The request for ``url`` when it is plain http in the form httpx would send unchanged."""
    if not url.startswith("http://") or not _URL_CHARS.fullmatch(url, 7):
        return None
    rest = url[7:].split("#", 1)[0]
    slash = rest.find("/")
    netloc, target = (rest, "/") if slash < 0 else (rest[:slash], rest[slash:])
    if "?" in netloc:
        return None  # "http://host?q": httpx inserts the "/"; leave such spellings to it
    host, colon, port_text = netloc.partition(":")
    if not _HOST.fullmatch(host) or not _TARGET.fullmatch(target) or _DOT_SEGMENT.search(target):
        return None
    port = 80
    if colon:
        # httpx drops an explicit default port from the Host header; leave that spelling to it.
        if not port_text.isdigit() or port_text.startswith("0") or int(port_text) == 80:
            return None
        port = int(port_text)
        if port > 65535:
            return None
    return Target(host, port, netloc.encode("ascii"), target.encode("ascii"))


class ConnectTimeout(Exception):
    """The TCP connection was not established within the connect timeout."""


class ConnectFailed(Exception):
    """The TCP connection could not be made; ``__cause__`` is the OSError."""


@dataclass(slots=True)
class Response:
    """Status and raw headers of a response whose body has not been read yet."""

    status: int
    raw_headers: list[tuple[bytes, bytes]]
    _conn: h11.Connection
    _reader: asyncio.StreamReader

    def header(self, name: bytes) -> str:
        """The first ``name`` header (lower-case name), decoded as httpx decodes header values."""
        for key, value in self.raw_headers:
            if key.lower() == name:
                for encoding in ("ascii", "utf-8"):
                    try:
                        return value.decode(encoding)
                    except UnicodeDecodeError:
                        pass
                return value.decode("latin-1")
        return ""

    async def chunks(self) -> AsyncIterator[bytes]:
        """The body as received (still content-encoded), chunk by chunk."""
        while True:
            event = self._conn.next_event()
            if event is h11.NEED_DATA:
                self._conn.receive_data(await self._reader.read(_READ))
            elif isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                return


@asynccontextmanager
async def get(
    target: Target, headers: Sequence[tuple[bytes, bytes]], *, connect_timeout: float
) -> AsyncIterator[Response]:
    """GET ``target`` and yield the response once its headers are in; the connection is closed
    when the block ends (the body is read inside it, or not at all).

    Raises:
        ConnectTimeout / ConnectFailed: no connection.
        OSError: the connection failed after it was made.
        h11.ProtocolError: the request could not be sent as is, or the server broke HTTP.
    """
    try:
        async with asyncio.timeout(connect_timeout):
            reader, writer = await asyncio.open_connection(
                target.host,
                target.port,
                # Racing addresses (as anyio does for httpx) only helps a name; an IPv4
                # literal has one address, and the race would cost a task per connection.
                happy_eyeballs_delay=None if target.host.replace(".", "").isdigit() else 0.25,
            )
    except TimeoutError:
        raise ConnectTimeout from None
    except OSError as exc:
        raise ConnectFailed from exc
    try:
        conn = h11.Connection(h11.CLIENT, max_incomplete_event_size=_MAX_HEAD)
        request = h11.Request(
            method=b"GET",
            target=target.target,
            headers=[(b"Host", target.host_header), *headers, (b"Connection", b"close")],
        )
        writer.write(conn.send(request) + conn.send(h11.EndOfMessage()))
        await writer.drain()
        while True:
            event = conn.next_event()
            if event is h11.NEED_DATA:
                conn.receive_data(await reader.read(_READ))
            elif isinstance(event, h11.Response):
                break
            # InformationalResponse (1xx): skipped, as httpx does.
        yield Response(event.status_code, list(event.headers.raw_items()), conn, reader)
    finally:
        writer.close()
