"""HTML article pages: main text via trafilatura, metadata from the page's own tags."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from feeds.errors import ParseError
from feeds.loaders.dates import parse_date
from feeds.loaders.plaintext import extract
from feeds.loaders.textutil import decode_text, element_to_text
from feeds.models import Item

# trafilatura and its helpers log through the root "last resort" handler when nothing is
# configured, which would print over a terminal UI; silence them at the library boundary.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>")
_BOILERPLATE = ("nav", "header", "footer", "aside", "form", "menu")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)


def _meta(doc: etree._Element) -> dict[str, str]:
    """``<meta>`` values keyed by lowercased property/name/itemprop; the first one wins."""
    found: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        value = (meta.get("content") or "").strip()
        if key and value:
            found.setdefault(key.strip().lower(), value)
    return found


def _published(doc: etree._Element, meta: dict[str, str]) -> datetime | None:
    for key in _DATE_META:
        if key in meta and (value := parse_date(meta[key])):
            return value
    for node in doc.iter("time"):
        if (stamp := node.get("datetime")) and (value := parse_date(stamp)):
            return value
    return None


def _first_text(doc: etree._Element, tag: str) -> str:
    for node in doc.iter(tag):
        text = " ".join(node.text_content().split())
        if text:
            return text
    return ""


def _trafilatura(markup: str, url: str) -> dict[str, Any]:
    """Run trafilatura; any failure inside it means "found nothing", and we fall back."""
    try:
        import trafilatura
    except ImportError:  # e.g. lxml_html_clean missing: degrade to the lxml fallback
        return {}
    try:
        document = trafilatura.bare_extraction(
            markup,
            url=url or None,
            include_comments=False,
            favor_precision=True,
            with_metadata=True,
        )
    except Exception:  # noqa: BLE001 - third-party heuristics on hostile pages
        return {}
    if document is None:
        return {}
    if isinstance(document, dict):
        return document
    result: dict[str, Any] = document.as_dict()
    return result


def _fallback_text(doc: etree._Element) -> str:
    body = doc.find(".//body")
    root = body if body is not None else doc
    for tag in _BOILERPLATE:
        for node in list(root.iter(tag)):
            if node.getparent() is not None:
                node.drop_tree()  # keeps the tail text, which belongs to the parent
    return element_to_text(root)


def parse_html(data: bytes, origin: str) -> list[Item]:
    """Parse one HTML article page into an item.

    Raises:
        ParseError: the page cannot be decoded or has no article text.
    """
    markup = _XML_DECL.sub("", decode_text(data))
    if not markup.strip():
        raise ParseError("empty file: no text")
    try:
        doc = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError, AssertionError) as exc:  # lxml asserts on some input
        raise ParseError(f"HTML cannot be parsed: {exc}") from None
    meta = _meta(doc)
    canonical = next(
        (link.get("href", "") for link in doc.iter("link") if link.get("rel") == "canonical"), ""
    )
    url = meta.get("og:url") or canonical

    page_published = _published(doc, meta)
    found = _trafilatura(markup, url)
    text = str(found.get("text") or "")
    title = str(found.get("title") or "") or meta.get("og:title", "") or _first_text(doc, "title")
    if not text.strip():
        text = _fallback_text(doc)
    title = title or _first_text(doc, "h1")
    if not text.strip():
        raise ParseError("HTML page has no article text")

    # trafilatura puts one paragraph per line; our bodies separate paragraphs with a blank line.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    fields = extract(text, title=title or None)
    published = page_published or parse_date(str(found.get("date") or "")) or fields.published
    return [
        Item(
            title=fields.title,
            body=fields.body,
            source=meta.get("og:site_name") or str(found.get("sitename") or "") or fields.source,
            url=url or str(found.get("url") or ""),
            published=published,
            photo_credit=fields.photo_credit,
            author=meta.get("author") or str(found.get("author") or "") or fields.author,
            origin=origin,
        )
    ]
