"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom, with the XML attacks defused first.

Well-formed feeds take the fast path (:mod:`feeds.loaders.fastfeed`, fastfeedparser, ~20x faster);
anything else, and anything that path is unsure of, goes through feedparser as before, which keeps
the entries of truncated feeds and words a clear error for broken ones.
"""

from __future__ import annotations

import io
import re
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from feeds.errors import ParseError
from feeds.loaders.fastfeed import parse_wellformed
from feeds.loaders.textutil import html_to_text, title_or_lead
from feeds.models import Item

MAX_FEED_BYTES = 16 * 1024 * 1024
"""Feeds larger than this are refused before parsing."""

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_PROLOG_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.DOTALL)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _doctype_end(data: bytes, start: int) -> int:
    """Index just past the ``>`` that closes the doctype at ``start``, or -1 when unterminated.

    Brackets (the internal subset), quoted literals and comments are skipped, so a ``>`` inside an
    entity value does not end the declaration early.
    """
    depth = 0
    pos = start + len(b"<!DOCTYPE")
    end = len(data)
    while pos < end:
        char = data[pos : pos + 1]
        if char in (b'"', b"'"):
            close = data.find(char, pos + 1)
            if close < 0:
                return -1
            pos = close + 1
            continue
        if data.startswith(b"<!--", pos):
            close = data.find(b"-->", pos + 4)
            if close < 0:
                return -1
            pos = close + 3
            continue
        if char == b"[":
            depth += 1
        elif char == b"]":
            depth = max(0, depth - 1)
        elif char == b">" and depth == 0:
            return pos + 1
        pos += 1
    return -1


def strip_doctype(data: bytes) -> bytes:
    """Remove the DOCTYPE (and its internal subset) from the prolog.

    feedparser's loose parser expands internal entities without limit (billion laughs,
    quadratic blow-up); without the declarations there is nothing to expand (SECURITY.md §3).

    Raises:
        ParseError: the doctype never closes.
    """
    pos = 0
    while True:
        skip = _PROLOG_SKIP.match(data, pos)
        if not skip or skip.end() == pos:
            break
        pos = skip.end()
    match = _DOCTYPE.match(data, pos + (len(data[pos:]) - len(data[pos:].lstrip())))
    if not match:
        return data
    end = _doctype_end(data, match.start())
    if end < 0:
        raise ParseError("XML is malformed: the DOCTYPE declaration is never closed")
    return data[: match.start()] + data[end:]


def _text(detail: Any, fallback: str) -> str:
    """Plain text of a feedparser text construct (``title_detail``, ``content[i]``...)."""
    value = str(detail.get("value", fallback) if detail else fallback)
    kind = str(detail.get("type", "") if detail else "")
    if kind in _HTML_TYPES or (not kind and "<" in value):
        return html_to_text(value)
    return value.strip()


def _when(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            try:
                # feedparser normalises to UTC already; the struct carries no zone.
                return datetime(*parsed[:6], tzinfo=UTC)
            except ValueError:
                continue
    return None


def _body(entry: Any) -> str:
    candidates = [_text(content, "") for content in entry.get("content") or []]
    if entry.get("summary"):
        candidates.append(_text(entry.get("summary_detail"), str(entry.get("summary"))))
    # Feeds often carry a teaser in <description> and the article in <content:encoded>.
    return max(candidates, key=len, default="")


def _bozo_message(exc: BaseException) -> str:
    line = getattr(exc, "getLineNumber", None)
    message = getattr(exc, "getMessage", None)
    if callable(line) and callable(message):
        return f"XML is malformed at line {line()}: {message()}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return f"XML is malformed: {text}"


def _single_line(text: str) -> str:
    return " ".join(text.split())


def parse_feed(data: bytes, origin: str) -> list[Item]:
    """Parse RSS/RDF/Atom bytes into items.

    Entries of a truncated feed are kept; a feed that is broken *and* yields nothing is an error.

    Raises:
        ParseError: the input is too large, or malformed with no entries.
    """
    if len(data) > MAX_FEED_BYTES:
        raise ParseError(f"feed is too large (over {MAX_FEED_BYTES // (1024 * 1024)} MiB)")
    cleaned = strip_doctype(data)
    fast = parse_wellformed(cleaned, origin)
    if fast is not None:
        return fast
    return parse_with_feedparser(cleaned, origin)


def parse_with_feedparser(cleaned: bytes, origin: str) -> list[Item]:
    """The feedparser path, on bytes already size-checked and DOCTYPE-stripped.

    Raises:
        ParseError: malformed with no entries, or not a feed.
    """
    # A stream, never str/bytes: feedparser treats a string (even bytes) as a path or URL first.
    parsed = feedparser.parse(io.BytesIO(cleaned), sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise ParseError(_bozo_message(parsed.get("bozo_exception") or ValueError("unknown")))
        if not parsed.get("version") and not parsed.get("feed"):
            raise ParseError("not a feed: no RSS, RDF or Atom content found")
        return []
    feed = parsed.get("feed") or {}
    source = _single_line(_text(feed.get("title_detail"), str(feed.get("title", ""))))
    items: list[Item] = []
    for entry in entries:
        body = _body(entry)
        title = _single_line(_text(entry.get("title_detail"), str(entry.get("title", ""))))
        title = title_or_lead(title, body)
        if not title and not body:
            continue
        items.append(
            Item(
                title=title,
                body=body,
                source=source,
                url=str(entry.get("link", "")),
                published=_when(entry),
                guid=str(entry.get("id", "")),
                author=_single_line(str(entry.get("author", ""))),
                origin=origin,
            )
        )
    return items
