"""JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): a small parser of our own."""

from __future__ import annotations

import json
from typing import Any

from feeds.errors import ParseError
from feeds.loaders.dates import parse_date
from feeds.loaders.textutil import html_to_text
from feeds.models import Item


def _str(value: Any) -> str:
    """Strings as they are, numbers as text (ids are sometimes numbers), anything else empty."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _authors(item: dict[str, Any], feed: dict[str, Any]) -> str:
    people = item.get("authors")
    if not isinstance(people, list):
        single = item.get("author")
        people = [single] if isinstance(single, dict) else []
    names = [_str(person.get("name")) for person in people if isinstance(person, dict)]
    names = [name for name in names if name]
    if not names and feed is not item:
        return _authors(feed, feed)
    return ", ".join(names)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def parse_jsonfeed(data: bytes, origin: str) -> list[Item]:
    """Parse JSON Feed bytes into items.

    Raises:
        ParseError: not JSON, not a JSON Feed, or ``items`` is not a list.
    """
    try:
        feed = json.loads(data)
    except RecursionError:
        raise ParseError("JSON is nested too deeply") from None
    except UnicodeDecodeError:
        raise ParseError("JSON is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ParseError(f"JSON is malformed at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(feed, dict) or "jsonfeed.org" not in _str(feed.get("version")):
        raise ParseError("JSON but not a JSON Feed (no jsonfeed.org version)")
    entries = feed.get("items", [])
    if not isinstance(entries, list):
        raise ParseError("JSON Feed 'items' is not a list")
    source = _one_line(_str(feed.get("title")))
    items: list[Item] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        html = _str(entry.get("content_html"))
        body = html_to_text(html) if html else _str(entry.get("content_text"))
        if not body:
            body = _str(entry.get("summary"))
        title = _one_line(_str(entry.get("title")))
        if not title:
            # Microblog-style items have no title; use the opening of the text.
            first = body.split("\n", 1)[0]
            title = first[:100] + ("…" if len(first) > 100 else "")
        if not title:
            continue
        items.append(
            Item(
                title=title,
                body=body,
                source=source,
                url=_str(entry.get("url")) or _str(entry.get("external_url")),
                published=parse_date(_str(entry.get("date_published")))
                or parse_date(_str(entry.get("date_modified"))),
                guid=_str(entry.get("id")),
                author=_authors(entry, feed),
                origin=origin,
            )
        )
    return items
