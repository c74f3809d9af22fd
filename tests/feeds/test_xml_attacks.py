"""XML attacks through ``feeds.loaders.load_bytes`` (SECURITY.md §3, scenario B2).

Each hostile feed must finish quickly, grow traced memory by at most 64 MiB, expand nothing, leak
no local file and make no network request (an external DTD or entity points at a loopback canary
server started here; it must see zero requests). The pass figure is ≤ 1 s; the time assertion is
deliberately loose (5 s) so that a busy machine cannot make the tests flaky.
"""

from __future__ import annotations

import threading
import time
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from feeds.errors import ParseError
from feeds.loaders import load_bytes
from feeds.models import Item

MAX_GROWTH = 64 * 1024 * 1024
MAX_SECONDS = 5.0
"""Generous bound; the goal is ≤ 1 s."""


def _rss(title: str, doctype: str = "", body: str = "plain body") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{doctype}"
        '<rss version="2.0"><channel><title>Attack feed</title>'
        "<link>https://example.com/</link><description>d</description>"
        f"<item><title>{title}</title><link>https://example.com/a</link>"
        f"<description>{body}</description></item>"
        "</channel></rss>\n"
    ).encode()


def billion_laughs() -> bytes:
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _rss("&lol9;", "<!DOCTYPE rss [\n" + "\n".join(lines) + "\n]>\n", "&lol9;")


def quadratic_single_line() -> bytes:
    """50 KB entity × 50,000 references on one line: 2.5 billion characters if expanded."""
    return _rss("&a;" * 50_000, f'<!DOCTYPE rss [<!ENTITY a "{"A" * 50_000}">]>\n')


def quadratic_multi_line() -> bytes:
    """One ``<!ENTITY>`` per line — the shape feedparser's loose parser expands (7 GiB, 48 s)."""
    decls = "\n".join(f'<!ENTITY e{i} "{"B" * 25_000}">' for i in range(4))
    title = "".join(f"&e{i % 4};" for i in range(50_000))
    return _rss(title, f"<!DOCTYPE rss [\n{decls}\n]>\n")


def quadratic_many_entities() -> bytes:
    """Thousands of small ``<!ENTITY>`` lines, each referenced many times."""
    decls = "\n".join(f'<!ENTITY e{i} "{"C" * 50}">' for i in range(2_000))
    title = "".join(f"&e{i % 2_000};" for i in range(40_000))
    return _rss(title, f"<!DOCTYPE rss [\n{decls}\n]>\n")


def xxe_file() -> bytes:
    doctype = '<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n'
    return _rss("leak &xxe; here", doctype, "body &xxe; body")


def external_dtd(canary: str) -> bytes:
    return _rss("external dtd", f'<!DOCTYPE rss SYSTEM "{canary}/external.dtd">\n')


def parameter_entity(canary: str) -> bytes:
    doctype = f'<!DOCTYPE rss [\n<!ENTITY % remote SYSTEM "{canary}/param.dtd">\n%remote;\n]>\n'
    return _rss("parameter entity &canary;", doctype)


def external_entity(canary: str) -> bytes:
    doctype = f'<!DOCTYPE rss [\n<!ENTITY ext SYSTEM "{canary}/entity.xml">\n]>\n'
    return _rss("external entity &ext;", doctype, "&ext;")


class _Canary(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        _Canary.hits.append(self.path)
        body = b'<!ENTITY canary "CANARY-FETCHED">'
        self.send_response(200)
        self.send_header("Content-Type", "application/xml-dtd")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server API
        return


@pytest.fixture(scope="module")
def canary() -> Iterator[str]:
    """Base URL of a loopback HTTP server that records every request it gets."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Canary)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _load(data: bytes) -> list[Item] | ParseError:
    try:
        return load_bytes(data, "attack.xml")
    except ParseError as exc:
        return exc


def _load_measured(data: bytes) -> tuple[list[Item] | ParseError, float, int]:
    """Load ``data``; return the items (or the ParseError), seconds and traced memory growth.

    Time is taken on a run without tracemalloc (which slows Python code several-fold), memory on
    a second, traced run.
    """
    started = time.perf_counter()
    result = _load(data)
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        baseline = tracemalloc.get_traced_memory()[0]
        _load(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, elapsed, peak - baseline


def _texts(result: list[Item] | ParseError) -> list[str]:
    if isinstance(result, ParseError):
        return [str(result)]
    return [t for item in result for t in (item.title, item.body, item.source, item.author)]


def _assert_defused(
    data: bytes, result: list[Item] | ParseError, seconds: float, growth: int
) -> None:
    assert seconds < MAX_SECONDS, f"took {seconds:.2f} s"
    assert growth <= MAX_GROWTH, f"traced memory grew {growth / 1024**2:.0f} MiB"
    if isinstance(result, ParseError):
        assert str(result).strip() and "\n" not in str(result)
    for text in _texts(result):
        # Anything expanded is longer than the input that declared it.
        assert len(text) <= len(data), f"{len(text)}-character field from {len(data)} bytes"
        assert "lollollol" not in text
        assert "A" * 1000 not in text and "B" * 1000 not in text and "C" * 1000 not in text
        assert "CANARY-FETCHED" not in text


@pytest.mark.parametrize(
    "make",
    [billion_laughs, quadratic_single_line, quadratic_multi_line, quadratic_many_entities],
    ids=["billion-laughs", "quadratic-single-line", "quadratic-multi-line", "quadratic-many"],
)
def test_entity_expansion_is_defused(make: object) -> None:
    assert callable(make)
    data = make()
    result, seconds, growth = _load_measured(data)
    _assert_defused(data, result, seconds, growth)


def test_xxe_does_not_read_local_files() -> None:
    data = xxe_file()
    result, seconds, growth = _load_measured(data)
    _assert_defused(data, result, seconds, growth)
    passwd = Path("/etc/passwd")
    secrets = ["root:x:0:0", "root:"]
    if passwd.is_file():
        first = passwd.read_text(errors="replace").splitlines()[:1]
        secrets += [line for line in first if line]
    for text in _texts(result):
        for secret in secrets:
            assert secret not in text


@pytest.mark.parametrize(
    "make",
    [external_dtd, parameter_entity, external_entity],
    ids=["external-dtd", "parameter-entity", "external-entity"],
)
def test_no_network_fetch_for_dtds_or_entities(canary: str, make: object) -> None:
    assert callable(make)
    data = make(canary)
    before = len(_Canary.hits)
    result, seconds, growth = _load_measured(data)
    _assert_defused(data, result, seconds, growth)
    assert _Canary.hits[before:] == [], f"the parser fetched {_Canary.hits[before:]}"


def test_canary_server_records_requests(canary: str) -> None:
    """The canary itself works, so "0 hits" above means something."""
    import urllib.request

    before = len(_Canary.hits)
    with urllib.request.urlopen(f"{canary}/probe", timeout=5) as response:  # noqa: S310
        assert response.status == 200
    assert _Canary.hits[before:] == ["/probe"]
