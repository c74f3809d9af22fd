"""Full article text: fetch the page an item links to and extract its main text (trafilatura).

Links come from feed content, that is from strangers, so the fetch is ``public_only``: it can
never reach loopback, private networks or cloud metadata addresses (SECURITY.md §4, SSRF).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from feeds.errors import FetchError, ParseError
from feeds.net.fetch import FetchLimits, NotModified, fetch

if TYPE_CHECKING:
    import httpx

ARTICLE_LIMITS = FetchLimits(max_bytes=5 * 1024 * 1024, deadline_s=20.0)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def extract_main_text(page: bytes, url: str = "") -> str:
    """The main text of an HTML article page, paragraphs separated by blank lines.

    Raises:
        ParseError: no article text could be found on the page.
    """
    import trafilatura

    if not page.strip():
        raise ParseError("the page is empty", source=url or None)
    try:
        text = trafilatura.extract(
            page,
            url=url or None,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception as error:  # noqa: BLE001 - a library crash on hostile HTML
        raise ParseError(f"the page could not be read: {type(error).__name__}") from None
    if not text or not text.strip():
        raise ParseError("no article text found on the page", source=url or None)
    # trafilatura separates paragraphs with single newlines; the article pane expects blank lines.
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(p for p in paragraphs if p)


async def fetch_full_text(
    client: httpx.AsyncClient, url: str, *, limits: FetchLimits = ARTICLE_LIMITS
) -> str:
    """Download the article at ``url`` (public addresses only) and return its main text.

    Raises:
        FetchError: not an http(s) URL, a private address, or the download failed (words in
            ``str()``).
        ParseError: the answer is not a web page or holds no article text.
    """
    if urlsplit(url).scheme not in ("http", "https"):
        raise FetchError("only http and https links can be opened", source=url)
    answer = await fetch(client, url, limits=limits, public_only=True)
    if isinstance(answer, NotModified):  # we sent no validators; a 304 here is a broken server
        raise FetchError("the server answered 304 Not Modified to a plain request", source=url)
    kind = (answer.content_type or "").split(";")[0].strip().lower()
    if kind not in _HTML_TYPES:
        raise ParseError(f"the link is not a web page ({kind})", source=url)
    # Extraction is CPU work (lxml + heuristics); keep it off the event loop.
    return await asyncio.to_thread(extract_main_text, answer.content, answer.url or url)
