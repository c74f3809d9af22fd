"""The fast path for RSS/RDF/Atom: fastfeedparser and a strict lxml tree, on well-formed XML only.

:func:`feeds.loaders.feed.parse_feed` calls :func:`parse_wellformed` on the DOCTYPE-stripped bytes.
It returns None, and the caller falls back to feedparser, whenever this path could differ from it:

* the bytes are not well-formed XML for a strict lxml parser that expands no entity, loads no DTD
  and fetches nothing. Every entity attack (the DOCTYPE is gone, so its references are undefined),
  raw control characters (an ESC in a CDATA title), truncated feeds and HTML entities without a
  DTD fail here. fastfeedparser would *recover* from them by dropping text silently; feedparser
  keeps what it can and reports what it cannot (docs/BENCHMARKS.md, "Feed parser");
* fastfeedparser raises, finds no entry, or its entries do not line up one to one with the
  ``item``/``entry`` elements of the tree;
* a shape whose feedparser outcome is not worth copying: ``xml:base``, inline XHTML, markup
  inside a title or body element, two guids or two dates of one kind in an entry...

The items must equal the feedparser path's, field for field (``tests/feeds/
test_loaders_fastfeed.py`` checks the fixtures, edge cases, the shared corpus and genfeeds output).
fastfeedparser's own choices differ from feedparser's in many places (it invents a guid from the
link, a link from the guid, a description from the content; it reads other dates and authors), so
only the titles come from it; guid, link, author, date and body are read from the strict tree by
feedparser's rules (``feedparser/namespaces/_base.py``), dates with feedparser's own date parser.
Every text gets feedparser's double-UTF-8 repair ("KÃ¶lner") and Windows-1252 mapping of C1
characters; titles and bodies go through the loader's :func:`~feeds.loaders.textutil.html_to_text`.
Nothing else is sanitised (display sanitising happens in the interface).

fastfeedparser is always handed bytes: given a ``str`` starting with ``http`` it fetches the URL.
"""

from __future__ import annotations

import contextlib
import html
import html.entities
import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import urljoin

import fastfeedparser
from feedparser.datetimes import _parse_date as feedparser_date
from lxml import etree

from feeds.loaders.textutil import html_to_text, title_or_lead
from feeds.models import Item

_ATOM_NAMESPACES = frozenset({"http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"})
"""The Atom namespaces feedparser knows (fastfeedparser also takes an https spelling)."""
_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"
_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_RSS1_ITEM = "{http://purl.org/rss/1.0/}item"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_SUMMARY_TYPES = ("text/plain", *_HTML_TYPES)
"""Content types whose value is also the summary (a module constant: mypyc cannot compile a
starred tuple inside ``in``)."""

# feedparser's guess whether nominally plain RSS text is HTML (``mixin.looks_like_html``).
_CLOSE_TAG = re.compile(r"</(\w+)>")
_ENTITY_REF = re.compile(r"&#?\w+;")
_TAG_NAME = re.compile(r"</?(\w+)")
_NAMED_ENTITY = re.compile(r"&(\w+);")
_HTML_ELEMENT_NAMES = """
    a abbr acronym address area article aside audio b big blockquote br button canvas caption
    center cite code col colgroup command datagrid datalist dd del details dfn dialog dir div dl dt
    em event-source fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hr i img
    input ins keygen kbd label legend li m map menu meter multicol nav nextid noscript ol optgroup
    option output p pre progress q s samp section select small sound source spacer span strike
    strong sub sup table tbody td textarea tfoot th thead time tr tt u ul var video"""
_HTML_ELEMENTS = frozenset(_HTML_ELEMENT_NAMES.split())
"""feedparser's ``_HTMLSanitizer.acceptable_elements`` (the test checks they stay equal)."""

# feedparser maps C1 controls to the Windows-1252 characters they stand for (``html._cp1252``).
_CP1252 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_C1 = re.compile("[\x80-\x9f]")

# Namespaces feedparser reads without a prefix, and the prefixes it gives the ones that matter here.
_UNPREFIXED = frozenset(
    {
        "http://backend.userland.com/rss",
        "http://blogs.law.harvard.edu/tech/rss",
        "http://purl.org/rss/1.0/",
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://example.com/newformat#",
        "http://example.com/necho",
        "http://purl.org/echo/",
        "uri/of/echo/namespace#",
        "http://purl.org/pie/",
        "http://purl.org/atom/ns#",
        "http://www.w3.org/2005/atom",
        "http://purl.org/rss/1.0/modules/rss091#",
    }
)
"""Lowercased, as feedparser matches them (``_FeedParserMixin.namespaces``; tested equal)."""
_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://example.com/dtds/podcast-1.0.dtd": "itunes",
    "http://search.yahoo.com/mrss": "media",
    "http://search.yahoo.com/mrss/": "media",
}
# Elements feedparser turns into an entry's summary or content, by its (prefixed) name.
_DESCRIPTIONS = frozenset({"description", "dc_description", "media_description"})
_SUMMARIES = frozenset({"summary", "itunes_summary"})
_CONTENTS = {"content": "text/plain", "content_encoded": "text/html", "fullitem": "text/html"}
_UNSUPPORTED = frozenset({"body", "xhtml_body", "abstract", "dcterms_abstract"})
_BODY_LOCALS = (
    "{*}description",
    "{*}summary",
    "{*}content",
    "{*}encoded",
    "{*}fullitem",
    "{*}body",
    "{*}abstract",
)

_AUTHORS = frozenset({"author", "dc_author", "dc_creator", "itunes_author", "managingeditor"})
_DATES = {
    **dict.fromkeys(("pubdate", "published", "issued", "dcterms_issued"), "published"),
    **dict.fromkeys(
        ("updated", "modified", "dc_date", "lastbuilddate", "dcterms_modified"), "updated"
    ),
    **dict.fromkeys(("created", "dcterms_created"), "created"),
}
"""Elements feedparser reads as an entry's ``published``, ``updated`` and ``created`` dates."""
_URI_FIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")
_LINK_REF = re.compile(r"&([A-Za-z0-9_]+);")

_local = threading.local()


def _strict_parser() -> etree.XMLParser:
    """One strict parser per thread (lxml parsers must not be shared between threads)."""
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            recover=False,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_blank_text=False,
        )
        _local.parser = parser
    return parser


def _looks_like_html(text: str) -> bool:
    if not (_CLOSE_TAG.search(text) or _ENTITY_REF.search(text)):
        return False
    if any(tag.lower() not in _HTML_ELEMENTS for tag in _TAG_NAME.findall(text)):
        return False
    return all(name in html.entities.entitydefs for name in _NAMED_ENTITY.findall(text))


def _fix(text: str) -> str:
    """feedparser's post-processing of every text it keeps (``mixin.pop``).

    feedparser hands its XML parser the document re-encoded as UTF-8, so the repair applies
    whatever the declared encoding.
    """
    if not text.isascii():
        # UTF-8 that was decoded as Latin-1 and encoded again at the source ("KÃ¶lner").
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("iso-8859-1").decode("utf-8")
        if _C1.search(text):
            text = text.translate(_CP1252)
    return text


def _single_line(text: str) -> str:
    return " ".join(text.split())


def _as_text(value: str, kind: str) -> str:
    """The loader's rule (``feed._text``): HTML types become text, plain text is stripped."""
    if kind in _HTML_TYPES or (not kind and "<" in value):
        return html_to_text(value)
    return value.strip()


class _Shape:
    """The feed's kind and its entry elements, found in the strict tree."""

    def __init__(self, root: etree._Element) -> None:
        self.kind = ""
        self.entries: list[etree._Element] = []
        self.atom = ""
        tag = root.tag if isinstance(root.tag, str) else ""
        if tag.rpartition("}")[2].lower() == "rss":
            channel = root.find("channel")
            if channel is not None:
                self.kind = "rss"
                self.entries = channel.findall("item")
        elif tag == _RDF:
            self.kind = "rdf"
            self.entries = root.findall(f".//{_RSS1_ITEM}") or root.findall("item")
        elif tag.startswith("{") and tag.endswith("}feed"):
            namespace = tag[1:].partition("}")[0]
            if namespace in _ATOM_NAMESPACES:
                self.kind = "atom"
                self.atom = f"{{{namespace}}}"
                self.entries = root.findall(f".//{self.atom}entry")

    def atom_type(self, element: etree._Element, name: str) -> str | None:
        """feedparser's content type of an Atom text construct (None when absent)."""
        found = element.find(f"{self.atom}{name}")
        if found is None:
            return None
        kind = (found.get("type") or "text").strip().lower()
        return _map_type(kind)


def _map_type(kind: str) -> str:
    """feedparser's ``map_content_type``."""
    kind = kind.lower()
    if kind in ("text", "plain"):
        return "text/plain"
    return {"html": "text/html", "xhtml": "application/xhtml+xml"}.get(kind, kind)


_NAMES: dict[tuple[str, str | None], str] = {}
"""``(tag, prefix)`` → feedparser name; bounded, as tags come from untrusted documents."""
_NAMES_MAX = 4096


def _feedparser_name(node: etree._Element) -> str:
    """The name feedparser dispatches ``node`` on: ``description``, ``media_description``..."""
    key = (str(node.tag), node.prefix)
    name = _NAMES.get(key)
    if name is not None:
        return name
    qname = etree.QName(node)
    namespace = qname.namespace
    local = str(qname.localname).lower()
    if not namespace or namespace.lower() in _UNPREFIXED:
        name = local
    else:
        prefix = _PREFIXES.get(namespace.lower()) or node.prefix
        name = f"{prefix}_{local}" if prefix else local
    if len(_NAMES) < _NAMES_MAX:
        _NAMES[key] = name
    return name


def _depth(node: etree._Element, top: etree._Element) -> int:
    depth = 0
    while node is not top:
        parent = node.getparent()
        if parent is None:
            break
        node = parent
        depth += 1
    return depth


class _Meta:
    """guid, url, author and date of one entry, by feedparser's rules (``namespaces/_base.py``)."""

    __slots__ = ("author", "guid", "published", "url")

    def __init__(self) -> None:
        self.guid = ""
        self.url = ""
        self.author = ""
        self.published: datetime | None = None


def _uri(text: str) -> str:
    """feedparser's ``resolve_uri`` with no base (``urls._urljoin``)."""
    # _URI_FIXER.sub(r"\1\3", text), without re's template machinery: the pattern is anchored
    # (one match at most) and its last group is always empty, so the extra slashes go.
    fixed = _URI_FIXER.match(text)
    if fixed is not None:
        text = fixed[1] + text[fixed.end() :]
    try:
        return urljoin("", text)
    except ValueError:
        return ""


def _is_permalink(node: etree._Element) -> bool:
    for name, value in node.attrib.items():
        if str(name).lower() == "ispermalink":
            return str(value) == "true"
    return True


def _atom_author(node: etree._Element, fix: Callable[[str], str]) -> str | None:
    """``name (email)`` of a person construct; None when it has neither (feedparser's is murky)."""
    name = email = ""
    for child in node:
        if not isinstance(child.tag, str):
            continue
        kind = _feedparser_name(child)
        if kind == "name":
            name = fix((child.text or "").strip())
        elif kind == "email":
            email = fix((child.text or "").strip())
    if name and email:
        return f"{name} ({email})"
    return name or email or None


def _meta(element: etree._Element, fix: Callable[[str], str]) -> _Meta | None:
    """Replay feedparser on the entry's children; None for shapes it is not worth copying."""
    meta = _Meta()
    link: str | None = None
    about = element.get(_RDF_ABOUT)
    if about is not None:
        meta.guid = about
    seen_id = False
    dates: dict[str, str] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        name = _feedparser_name(child)
        if name == "title":
            if len(child):
                return None  # markup inside a title: fastfeedparser reads only the text before it
        elif name == "link":
            if child.get("url") is not None or child.get("uri") is not None:
                return None
            href = child.get("href")
            if href is None:
                if len(child):
                    return None
                text = fix(_uri((child.text or "").strip()).replace("&amp;", "&"))
                link = _LINK_REF.sub(r"&\1", text) if "&" in text else text
                continue
            rel = child.get("rel") or "alternate"
            kind = _map_type(child.get("type") or "text/html")
            if rel == "alternate" and kind in _HTML_TYPES:
                link = _uri(href)
        elif name in ("guid", "id"):
            if seen_id or len(child):
                return None
            seen_id = True
            permalink = _is_permalink(child)
            value = (child.text or "").strip()
            meta.guid = fix(_uri(value) if permalink and value else value)
            if permalink and link is None:
                link = meta.guid
        elif name in _AUTHORS:
            # The last one wins: a person construct by its name and email, else its text.
            if len(child):
                person = _atom_author(child, fix)
                if person is None:
                    return None
                meta.author = person
            else:
                meta.author = fix((child.text or "").strip())
        elif name in _DATES:
            key = _DATES[name]
            if key in dates:
                return None  # which one feedparser keeps depends on parse failures
            dates[key] = fix((child.text or "").strip())
    meta.url = link or ""
    for key in ("published", "updated", "created"):
        if key not in dates:
            continue
        parsed = feedparser_date(dates[key])
        if not isinstance(parsed, time.struct_time):
            continue
        try:
            # feedparser normalises to UTC already; the struct carries no zone.
            meta.published = datetime(*parsed[:6], tzinfo=UTC)
        except ValueError:
            continue
        break
    return meta


def parse_wellformed(data: bytes, origin: str) -> list[Item] | None:
    """Items of a well-formed RSS/RDF/Atom document, or None to let feedparser decide.

    ``data`` must already be size-checked and DOCTYPE-stripped.
    """
    try:
        root = etree.fromstring(data, _strict_parser())
    except (etree.XMLSyntaxError, ValueError):
        return None
    if b"xml:base" in data:
        return None  # relative links resolved against a base: feedparser's business
    shape = _Shape(root)
    if not shape.kind or not shape.entries:
        return None
    try:
        parsed = fastfeedparser.parse(
            bytes(data),
            include_content=False,
            include_tags=False,
            include_media=False,
            include_enclosures=False,
        )
    except Exception:  # noqa: BLE001 - any refusal goes to feedparser, which words it
        return None
    entries = parsed.get("entries") or []
    if len(entries) != len(shape.entries):
        return None
    if shape.kind == "atom" and any(
        shape.atom_type(element, "title") == "application/xhtml+xml" for element in shape.entries
    ):
        return None  # an inline XHTML title: fastfeedparser reads no text from it
    fix = _fix
    feed = parsed.get("feed") or {}
    source = _single_line(_title(str(feed.get("title") or ""), shape, root, fix))
    items: list[Item] = []
    for element, entry in zip(shape.entries, entries, strict=True):
        body = _body(element, shape, fix)
        meta = _meta(element, fix)
        if body is None or meta is None:
            return None
        title = _single_line(_title(str(entry.get("title") or ""), shape, element, fix))
        title = title_or_lead(title, body)
        if not title and not body:
            continue
        items.append(
            Item(
                title=title,
                body=body,
                source=source,
                url=meta.url,
                published=meta.published,
                guid=meta.guid,
                author=_single_line(meta.author),
                origin=origin,
            )
        )
    return items


def _title(value: str, shape: _Shape, element: etree._Element, fix: Callable[[str], str]) -> str:
    """A title as feedparser types it: Atom says so, RSS titles are guessed (looks_like_html)."""
    if shape.kind == "atom":
        return _as_text(fix(value), shape.atom_type(element, "title") or "text/plain")
    return _as_text(fix(value), "text/html" if _looks_like_html(value) else "text/plain")


def _body(element: etree._Element, shape: _Shape, fix: Callable[[str], str]) -> str | None:
    """The body as the feedparser path builds it, or None when this path cannot tell.

    feedparser's rules, replayed on the entry's elements in document order: ``content:encoded`` and
    friends are contents (and the summary when there is none yet); a description-like element is
    the summary, except that a second one arriving before any content becomes a content itself
    (NYT's ``media:description`` photo captions); the loader then takes the longest text.
    """
    summary: str | None = None
    summary_depth: int | None = None
    detail: tuple[str, str] | None = None
    contents: list[str] = []
    has_content = False
    atom = shape.kind == "atom"
    for node in element.iter(*_BODY_LOCALS):
        if node is element or not isinstance(node.tag, str):
            continue
        name = _feedparser_name(node)
        if name in _UNSUPPORTED:
            return None
        is_content = name in _CONTENTS
        if not is_content and name not in _DESCRIPTIONS and name not in _SUMMARIES:
            continue
        if len(node) or node.get("mode") or node.get("src"):
            return None  # markup, base64 or out-of-line content: feedparser's own business
        if is_content:
            default = _CONTENTS[name]
        elif summary is not None and not has_content:
            is_content, default = True, "text/plain"
        else:
            default = "text/html" if name in _DESCRIPTIONS else "text/plain"
        kind = _map_type(node.get("type") or default)
        if not (kind.startswith("text/") or kind.endswith("xml")) or kind.endswith("xhtml+xml"):
            return None
        raw = (node.text or "").strip()
        if not atom and kind == "text/plain" and _looks_like_html(raw):
            kind = "text/html"
        value = fix(raw)
        if is_content:
            has_content = True
            contents.append(_as_text(value, kind))
            if summary is None and kind in _SUMMARY_TYPES:
                summary = value
            continue
        depth = _depth(node, element)
        if summary_depth is None or depth <= summary_depth:
            summary, summary_depth = value, depth
        detail = (value, kind)
    candidates = contents
    if summary:
        candidates.append(_as_text(*detail) if detail else _as_text(summary, ""))
    return max(candidates, key=len, default="")
