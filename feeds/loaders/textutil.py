"""Shared text helpers: decoding bytes we were not told the charset of, and HTML to plain text."""

from __future__ import annotations

import codecs
import html
import re

from lxml import etree
from lxml import html as lxml_html

from feeds.errors import ParseError
from feeds.loaders.detect import bom_encoding

_WORD = re.compile(r"[^\W\d_]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:\-]+)["']""")


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _looks_like_cp1251(text: str) -> bool:
    """Real Russian/Kazakh prose: Cyrillic words, mostly lowercase, not mixed into Latin words."""
    cyrillic = [c for c in text if _is_cyrillic(c)]
    if len(cyrillic) < 3:
        return False
    words = [w for w in _WORD.findall(text) if any(_is_cyrillic(c) for c in w)]
    mixed = sum(1 for w in words if any(c.isascii() for c in w))
    lower = sum(1 for c in cyrillic if c.islower())
    return mixed <= len(words) * 0.05 and lower >= len(cyrillic) * 0.5


def _looks_like_latin1(text: str) -> bool:
    """Western text: no C1 controls, accented letters sit inside otherwise Latin words."""
    if any("\x80" <= c <= "\x9f" for c in text):
        return False
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    inside = sum(1 for w in words if any(c.isascii() for c in w) or len(w) == 1)
    return not words or inside >= len(words) * 0.5


def declared_charset(data: bytes) -> str | None:
    """The charset an XML declaration or HTML ``<meta>`` names, if it is one Python knows."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, *, guess_legacy: bool = True) -> str:
    """Decode ``data``: BOM, UTF-8, the declared charset, then cp1251/latin-1 when plausible.

    Raises:
        ParseError: the bytes are in no encoding we can recognise with confidence.
    """
    found = bom_encoding(data)
    if found:
        encoding, skip = found
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise ParseError(f"not valid {encoding} text (byte {exc.start})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    if guess_legacy:
        for encoding, plausible in (("cp1251", _looks_like_cp1251), ("cp1252", _looks_like_latin1)):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if plausible(text):
                return text
        text = data.decode("latin-1")
        if _looks_like_latin1(text):
            return text
    raise ParseError(
        f"not valid UTF-8 text (bad byte at offset {utf8_error.start}) and no known encoding fits"
    )


def normalize_paragraphs(text: str) -> str:
    """Strip each line, collapse runs of blank lines, join paragraphs with one blank line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line:
            current.append(line)
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    if current:
        paragraphs.append("\n".join(current))
    return "\n\n".join(paragraphs)


_DROP = frozenset(("script", "style", "noscript", "template", "iframe", "svg", "head", "object"))
_BLOCK = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "li",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figure",
        "figcaption",
        "hr",
        "address",
        "form",
        "fieldset",
        "details",
        "summary",
    ]
)
# Runs of spaces, tabs and no-break spaces that are not already one plain space (\r, \v and \f
# are listed for completeness; splitlines() has made them line breaks by then). Replacing only
# these gives the same text as replacing every run, without one replacement per word gap (that
# was most of the cost of a typical summary).
_SPACE_RUNS = re.compile(r" [ \t\r\f\v\u00a0]+|[\t\r\f\v\u00a0][ \t\r\f\v\u00a0]*")
# Summaries are mostly <p>, <br> and inline emphasis/links. For those a regex pass gives the same
# text as the element walk at a fraction of the cost; anything else takes the full parse.
_SIMPLE_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>")
_INLINE = frozenset(("a", "b", "i", "em", "strong", "span", "u", "small", "sub", "sup", "abbr"))
_SIMPLE_BLOCKS = frozenset(("p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4"))
_SIMPLE_TEXT = {**dict.fromkeys(_SIMPLE_BLOCKS, "\n\n"), "br": "\n", **dict.fromkeys(_INLINE, "")}
"""What each simple tag becomes in the text (a tag not listed takes the full parse)."""


def html_to_text(markup: str) -> str:
    """Readable text from an HTML fragment or page: blocks become paragraphs, ``<br>`` a newline.

    Scripts, styles and other non-content elements are dropped; entities come out decoded.
    The walk is iterative, so deeply nested hostile markup cannot exhaust the recursion limit.
    """
    if not markup.strip():
        return ""
    if "<" not in markup and "&" not in markup:
        # Plain text (most feed summaries): same result as the walk below, without a parse.
        return _collapse_spaces(normalize_paragraphs(markup))
    simple = _simple_html_to_text(markup)
    if simple is not None:
        return simple
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    except AssertionError:
        # lxml asserts "too many bodies" on some fragments ("<!DOCTYPE><script>…"): read the
        # markup as a whole document instead of failing the item (and with it the feed).
        try:
            doc = lxml_html.document_fromstring(markup)
        except (etree.ParserError, ValueError, AssertionError):
            return ""
        root = doc.body if doc.body is not None else doc
    return element_to_text(root)


def _simple_html_to_text(markup: str) -> str | None:
    """:func:`html_to_text` for fragments of only simple tags, else None."""
    # Text and tag names alternate: [text, name, text, ..., name, text].
    parts = _SIMPLE_TAG.split(markup)
    for i in range(1, len(parts), 2):
        replacement = _SIMPLE_TEXT.get(parts[i].lower())
        if replacement is None:
            return None
        parts[i] = replacement
    text = "".join(parts)
    # Stray angle brackets, comments, CDATA and processing instructions ("<!", "<?": no tag
    # match starts there or takes their "<"): let the real parser decide what they mean.
    if "<" in text or ">" in text:
        return None
    return _collapse_spaces(normalize_paragraphs(html.unescape(text)))


def _collapse_spaces(text: str) -> str:
    """Each run of spaces, tabs and no-break spaces in ``text`` made one space.

    On :func:`normalize_paragraphs`' output this equals collapsing each line before normalising
    (what the walk means): its lines are stripped, so no run touches a line break, and hold no
    ``\\r``, ``\\v`` or ``\\f`` (line breaks to ``splitlines``). Most text has no run to
    collapse; three substring tests (fast, unlike a regex scan) find that out.
    """
    if "  " in text or "\t" in text or "\xa0" in text:
        return _SPACE_RUNS.sub(" ", text)
    return text


def element_to_text(root: etree._Element) -> str:
    """Readable text of a parsed HTML element (see :func:`html_to_text`)."""
    parts: list[str] = []
    skipping: list[etree._Element] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skipping or tag in _DROP or not tag:
                # Comments and processing instructions carry no text; note them so "end" pairs up.
                skipping.append(element)
                continue
            if tag in _BLOCK:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if skipping and skipping[-1] is element:
                skipping.pop()
                if not skipping and element.tail:
                    parts.append(element.tail)
                continue
            if skipping:
                continue
            if tag in _BLOCK:
                parts.append("\n\n")
            if element is not root and element.tail:
                parts.append(element.tail)
    return _collapse_spaces(normalize_paragraphs("".join(parts)))


def title_or_lead(title: str, body: str) -> str:
    """The entry's title, else the first line of its body (cut at 100 characters)."""
    if title:
        return title
    first = body.split("\n", 1)[0]
    return first[:100] + ("…" if len(first) > 100 else "")
