"""Find a site's feeds from one of its HTML pages: ``<link rel="alternate" type="...">``."""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FEED_TYPES = {
    "application/rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/feed+json": "json",
    "application/json": "json",  # JSON Feed 1.0 pages often still say this
    "application/rdf+xml": "rdf",
}
_SCAN_BYTES = 1024 * 1024
"""Only the start of a page is scanned: feed links live in <head>."""


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed advertised by a page."""

    url: str
    """Absolute http(s) URL."""
    title: str = ""
    kind: str = ""
    """"rss", "atom", "rdf" or "json"."""


class _LinkParser(HTMLParser):
    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base_url
        self.links: list[FeedLink] = []
        self.page_title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base = urljoin(self.base, href.strip())
        elif tag == "title" and not self.page_title:
            self._in_title = True
        elif tag == "link":
            self._link({k.lower(): v or "" for k, v in attrs})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_title = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title = " ".join((self.page_title + " " + data).split())

    def _link(self, attrs: dict[str, str]) -> None:
        rels = attrs.get("rel", "").lower().split()
        kind = FEED_TYPES.get(attrs.get("type", "").split(";")[0].strip().lower())
        href = attrs.get("href", "").strip()
        if "alternate" not in rels or kind is None or not href:
            return
        url = urljoin(self.base, href)
        if urlsplit(url).scheme not in ("http", "https"):
            return
        if any(link.url == url for link in self.links):
            return
        self.links.append(FeedLink(url, " ".join(attrs.get("title", "").split()), kind))


def _decode(data: bytes) -> str:
    # Only ASCII markup matters here; any byte-compatible decoding finds the tags.
    head = data[:_SCAN_BYTES]
    for encoding in ("utf-8", "cp1252"):
        try:
            return head.decode(encoding)
        except UnicodeDecodeError:
            continue
    return head.decode("latin-1")


def find_feed_links(page: bytes | str, base_url: str) -> list[FeedLink]:
    """Feeds a page advertises, in document order, with absolute URLs (duplicates dropped).

    Comments in a link's ``rel`` such as ``"alternate nofollow"`` still count; ``<base href>`` is
    honoured; links to non-http(s) schemes are ignored.
    """
    parser = _LinkParser(base_url)
    text = page if isinstance(page, str) else _decode(page)
    parser.feed(text[:_SCAN_BYTES])
    parser.close()
    return parser.links


def page_title(page: bytes | str) -> str:
    """The page's ``<title>`` text, whitespace collapsed (empty when none)."""
    parser = _LinkParser("")
    parser.feed(page if isinstance(page, str) else _decode(page))
    parser.close()
    return parser.page_title
