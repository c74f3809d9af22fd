"""Real HTTP(S) servers on loopback for network tests (stdlib only, plus a caller's SSL context).

Each server binds a random free port, serves from daemon threads, records every request it saw
(so a test can assert that *no* connection reached it), and stops when its ``with`` block ends.
Routes are plain callables that write the response themselves, which is what lets us drip bytes
slowly or stream a 1 GiB gzip bomb generated on the fly.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Seen:
    """One request as the server received it (header names lower-cased)."""

    path: str
    headers: dict[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # never wait for a dripping handler when the test ends

    def __init__(self, addr: tuple[str, int], owner: LoopbackServer, family: int) -> None:
        self.address_family = family
        self.owner = owner
        super().__init__(addr, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, addr = self.socket.accept()
        if self.owner.ssl_context is not None:
            # Handshake later, in the handler thread, so a client that rejects our certificate
            # cannot stall the accept loop.
            sock = self.owner.ssl_context.wrap_socket(
                sock, server_side=True, do_handshake_on_connect=False
            )
        return sock, addr

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up mid-response is the point of several tests


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # a stuck client cannot pin a handler thread for long
    server: _Server

    def handle(self) -> None:
        if isinstance(self.connection, ssl.SSLSocket):
            try:
                self.connection.do_handshake()
            except (ssl.SSLError, OSError):
                return
        with contextlib.suppress(ConnectionError, TimeoutError, ssl.SSLError):
            super().handle()

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        owner = self.server.owner
        headers = {k.lower(): v for k, v in self.headers.items()}
        with owner.lock:
            owner.requests.append(Seen(self.path, headers))
        route = owner.routes.get(self.path.split("?", 1)[0])
        if route is None:
            respond(404, b"no such route")(self)
        else:
            route(self)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


class LoopbackServer:
    """A threaded HTTP server on ``host`` (default 127.0.0.1) with a random port."""

    def __init__(
        self, *, host: str = "127.0.0.1", ssl_context: ssl.SSLContext | None = None
    ) -> None:
        self.host = host
        self.ssl_context = ssl_context
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._httpd = _Server((host, 0), self, family)
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def scheme(self) -> str:
        return "https" if self.ssl_context is not None else "http"

    def url(self, path: str, host: str | None = None) -> str:
        """Absolute URL of ``path`` on this server (optionally spelling the host differently)."""
        name = host or (f"[{self.host}]" if ":" in self.host else self.host)
        return f"{self.scheme}://{name}:{self.port}{path}"

    def route(self, path: str, handler: Route) -> None:
        self.routes[path] = handler

    @property
    def paths(self) -> list[str]:
        with self.lock:
            return [r.path for r in self.requests]

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def closed_port() -> int:
    """A port on 127.0.0.1 with nothing listening (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


# --- route builders ---------------------------------------------------------------------------


def respond(status: int, body: bytes = b"", headers: Iterable[tuple[str, str]] = ()) -> Route:
    """A fixed response with Content-Length."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        for name, value in headers:
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return route


def redirect(location: str, status: int = 302) -> Route:
    return respond(status, b"", [("Location", location)])


def chunked(pieces: Iterable[bytes], headers: Iterable[tuple[str, str]] = ()) -> Route:
    """200 with Transfer-Encoding: chunked (no Content-Length) streaming ``pieces`` lazily."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        for name, value in headers:
            h.send_header(name, value)
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for piece in pieces:
            if piece:
                h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        h.wfile.write(b"0\r\n\r\n")

    return route


def drip(interval_s: float, count: int) -> Route:
    """200 announcing ``count`` bytes, then one byte every ``interval_s`` (a stalling server)."""

    def route(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(count))
        h.end_headers()
        h.wfile.flush()
        for _ in range(count):
            time.sleep(interval_s)
            h.wfile.write(b"x")
            h.wfile.flush()

    return route


class GzipBomb:
    """A gzip stream of ``total`` zero bytes, produced block by block without ever holding it.

    After ``Z_FULL_FLUSH`` the compressor starts from a clean state, so every 1 MiB block of zeros
    compresses to the same bytes: we compress two blocks once and repeat the second. 1 GiB comes
    out as about 1 MB on the wire. The trailer's CRC is computed as blocks go out.
    """

    BLOCK = 1 << 20

    def __init__(self, total: int) -> None:
        assert total % self.BLOCK == 0 and total >= 2 * self.BLOCK
        self.total = total
        self._zeros = bytes(self.BLOCK)
        comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        self._first = comp.compress(self._zeros) + comp.flush(zlib.Z_FULL_FLUSH)
        self._again = comp.compress(self._zeros) + comp.flush(zlib.Z_FULL_FLUSH)

    def __iter__(self) -> Iterator[bytes]:
        crc = zlib.crc32(self._zeros)
        yield self._first
        for _ in range(self.total // self.BLOCK - 1):
            crc = zlib.crc32(self._zeros, crc)
            yield self._again
        # Final empty stored block, then the gzip trailer: CRC32 and length mod 2**32.
        yield (
            b"\x03\x00"
            + crc.to_bytes(4, "little")
            + (self.total & 0xFFFFFFFF).to_bytes(4, "little")
        )

    def route(self) -> Route:
        return chunked(self, [("Content-Encoding", "gzip"), ("Content-Type", "application/xml")])
