"""Which kind of news file is this? Content decides; the file name only breaks ties."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import PurePath
from typing import Final, Literal

Format = Literal["text", "markdown", "html", "rss", "atom", "rdf", "jsonfeed"]
FORMATS: Final[tuple[Format, ...]] = ("text", "markdown", "html", "rss", "atom", "rdf", "jsonfeed")

_SNIFF_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"SQLite format 3",
)

# Prolog noise before the root element: XML declaration / PIs, comments, a doctype
# (possibly with an internal subset).
_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<([A-Za-z][\w.\-]*(?::[\w.\-]+)?)")
_HTML_TAGS = frozenset(
    [
        "html",
        "head",
        "body",
        "title",
        "meta",
        "link",
        "div",
        "p",
        "span",
        "article",
        "section",
        "main",
        "header",
        "footer",
        "nav",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "li",
        "a",
        "img",
        "br",
        "script",
        "style",
        "form",
        "iframe",
        "figure",
    ]
)
# Bullet lists are left out: plain-text articles use "- " lists too.
_MARKDOWN_HINTS = re.compile(
    r"^(?:#{1,6}[ \t]+\S|```)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|^[ ]{0,3}\[[^\]]+\]:\s*\S",
    re.MULTILINE,
)
_SETEXT = re.compile(r"\A\s*[^\n]+\n(?:=+|-+)[ \t]*\n")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:[\w-]+[ \t]*:.*\r?\n)+---[ \t]*\r?\n")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """Return ``(encoding, bom_length)`` when ``data`` starts with a Unicode byte-order mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def is_binary(data: bytes) -> bool:
    """True for images, archives and other non-text bytes (NULs, unless a UTF-16/32 BOM)."""
    if any(data.startswith(magic) for magic in _BINARY_MAGIC):
        return True
    if bom_encoding(data) is not None:
        return False
    return b"\x00" in data[:_SNIFF_BYTES]


def sniff_text(data: bytes) -> str:
    """Decode the head of ``data`` leniently, for detection only (never for content)."""
    head = data[:_SNIFF_BYTES]
    found = bom_encoding(head)
    if found:
        encoding, skip = found
        return head[skip:].decode(encoding, errors="replace")
    return head.decode("utf-8", errors="replace")


def root_element(text: str) -> str | None:
    """The first element name after the XML prolog, lowercased, or None when text is not markup."""
    pos = 0
    while True:
        match = _PROLOG.match(text, pos)
        if not match or match.end() == pos:
            break
        pos = match.end()
    rest = text[pos:].lstrip()
    if rest[:9].lower() == "<!doctype" and "html" in rest[9:40].lower():
        return "html"
    tag = _TAG.match(rest)
    return tag.group(1).lower() if tag else None


def _extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _looks_like_json(data: bytes) -> bool:
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):
        return False
    return isinstance(parsed, dict | list)


def detect_format(data: bytes, name: str) -> Format:
    """Classify ``data`` as one of :data:`FORMATS`, by content first and ``name`` second.

    Feeds are recognised by their XML root (``rss``, ``feed``, ``rdf:RDF``), JSON Feed by a JSON
    document (the JSON Feed parser then checks its ``version``), HTML by its doctype or tags, and
    markdown by headings, front matter or link syntax; anything else is plain text.
    """
    text = sniff_text(data).lstrip("\ufeff")
    stripped = text.lstrip()
    ext = _extension(name)

    if stripped.startswith("<"):
        root = root_element(stripped)
        local = root.rsplit(":", 1)[-1] if root else None
        if local == "rss":
            return "rss"
        if local == "feed":
            return "atom"
        if local == "rdf":
            return "rdf"
        if local in _HTML_TAGS:
            return "html"
        # Some other XML: trust a feed extension, else an RSS-shaped body, else HTML.
        if ext in ("atom",):
            return "atom"
        if ext in ("rdf",):
            return "rdf"
        if ext in ("rss", "xml") or "<channel" in stripped[:4096].lower():
            return "rss"
        return "html"

    # JSON goes to the JSON Feed parser even when broken, so the user hears what is wrong with it.
    if stripped.startswith("{") or (
        stripped.startswith("[") and (ext == "json" or _looks_like_json(data))
    ):
        return "jsonfeed"

    if re.match(r"\A\s*(?:<!doctype html|<html)", stripped, re.IGNORECASE):
        return "html"
    if _FRONT_MATTER.match(stripped) or _SETEXT.match(stripped):
        return "markdown"
    first_line = stripped.split("\n", 1)[0]
    if re.match(r"#{1,6}\s+\S", first_line):
        return "markdown"
    if len(_MARKDOWN_HINTS.findall(stripped[:8192])) >= 2:
        return "markdown"
    if ext in ("md", "markdown", "mdown", "mkd"):
        return "markdown"
    return "text"
