"""The direct plain-http path (``feeds.net.direct``) takes only URLs httpx would send unchanged.

Its behaviour (validators, redirects, caps, status mapping...) is tested with every other fetch
test: ``tests/feeds/test_fetch.py`` runs each one through httpx and through ``FetchClient``.
"""

from __future__ import annotations

import contextlib
import os
import random
import socket
import string
import threading
from collections.abc import Iterator

import httpx
import pytest

from feeds.net import FetchClient, Fetched, FetchFailure, FetchLimits, fetch, make_client
from feeds.net.direct import plain_target

LIMITS = FetchLimits(deadline_s=5.0)

ACCEPTED = [
    "http://127.0.0.1:8765/feed0000.xml",
    "http://example.com",
    "http://example.com/a/b?x=1&y=%2F",
    "http://news.example.org:8080/rss;v=2",
    "http://localhost/feed#top",
    "http://xn--bcher-kva.example/feed",
]

REFUSED = [
    "https://example.com/",  # TLS goes through httpx
    "http://Example.com/",  # httpx lower-cases the host
    "http://example.com:80/",  # httpx drops the default port
    "http://example.com:/",
    "http://example.com:99999/",
    "http://0177.0.0.1/",  # numbers in other spellings: the resolver would read them as IPs
    "http://127.1/",
    "http://0x7f.0.0.1/",
    "http://[::1]/",
    "http://user:pw@example.com/",  # httpx would send the credentials
    "http://example.com/a b",  # characters httpx would percent-encode
    "http://example.com/é",
    "http://bücher.example/",
    "http://example.com/a/../b",  # dot segments httpx would remove
    "http://example.com/./b",
    "http://example.com/%zz",
    "http://example.com?x",
    "http://example.com./",
    "http://example.com/feed#a\tb",  # httpx refuses control characters, even in the fragment
]


@pytest.mark.parametrize("url", ACCEPTED)
def test_accepted_urls_are_sent_exactly_as_httpx_sends_them(url: str) -> None:
    target = plain_target(url)
    parsed = httpx.URL(url)
    assert target is not None
    assert (target.host, target.port) == (parsed.raw_host.decode(), parsed.port or 80)
    assert (target.host_header, target.target) == (parsed.netloc, parsed.raw_path)


@pytest.mark.parametrize("url", REFUSED)
def test_other_spellings_are_left_to_httpx(url: str) -> None:
    assert plain_target(url) is None


def test_random_urls_never_disagree_with_httpx() -> None:
    rng = random.Random(20261127)
    alphabet = string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@/?#%[] \"<>\\^`{|}é\t"
    hosts = ["example.com", "a-b.example", "127.0.0.1", "x", "EXAMPLE.com", "01.2.3.4", "a.b1"]
    taken = 0
    for _ in range(5000):
        port = rng.choice(["", ":8080", ":80", ":0", ":08", ":65535", ":"])
        path = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        url = f"http://{rng.choice(hosts)}{port}/{path}"
        target = plain_target(url)
        if target is None:
            continue
        taken += 1
        parsed = httpx.URL(url)  # raises if httpx would refuse a URL the direct path takes
        assert (target.host_header, target.target) == (parsed.netloc, parsed.raw_path), url
    assert taken > 500  # the generator does reach the direct path


@pytest.mark.parametrize("name", ["http_proxy", "HTTPS_PROXY", "all_proxy"])
def test_a_proxy_in_the_environment_sends_everything_through_httpx(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # httpx honours proxy variables; going direct would bypass the user's proxy.
    assert FetchClient().direct or any(k.lower().endswith("_proxy") for k in os.environ)
    monkeypatch.setenv(name, "http://127.0.0.1:9")
    assert not FetchClient().direct


RAW_ANSWERS = {
    "closes at once": b"",
    "body cut short": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc",
    "not http": b"NOT HTTP AT ALL\r\n\r\n",
    "50 KiB header": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 50_000 + b"\r\n\r\n<rss/>",
    "200 KiB header": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n<rss/>",
}


@pytest.fixture
def raw_server() -> Iterator[tuple[int, dict[str, bytes]]]:
    """A TCP server that answers each request with ``answer["now"]`` and closes."""
    answer: dict[str, bytes] = {"now": b""}
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    conn.recv(65536)
                    conn.sendall(answer["now"])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], answer
    finally:
        stop.set()
        thread.join()
        listener.close()


@pytest.mark.parametrize("case", RAW_ANSWERS)
async def test_broken_servers_fail_the_same_way_direct_and_through_httpx(
    raw_server: tuple[int, dict[str, bytes]], case: str
) -> None:
    port, answer = raw_server
    answer["now"] = RAW_ANSWERS[case]
    outcomes = []
    for client in (FetchClient(), make_client()):
        async with client:
            try:
                got = await fetch(client, f"http://127.0.0.1:{port}/f", limits=LIMITS)
                outcomes.append(("ok", got.content if isinstance(got, Fetched) else b""))
            except FetchFailure as failure:
                outcomes.append((failure.kind, str(failure).encode()))
    assert outcomes[0] == outcomes[1]
