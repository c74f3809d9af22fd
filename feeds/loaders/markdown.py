"""Markdown articles: optional front matter, ``# Title``, body with the syntax lightly stripped."""

from __future__ import annotations

import re

from feeds.errors import ParseError
from feeds.loaders.dates import parse_date
from feeds.loaders.plaintext import extract
from feeds.models import Item

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<block>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^(?P<key>[\w-]+)[ \t]*:[ \t]*(?P<value>.*?)[ \t]*$")
_ATX = re.compile(r"^[ ]{0,3}(?P<marks>#{1,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
_SETEXT_RULE = re.compile(r"^[ ]{0,3}(?:=+|-+)[ \t]*$")
_HRULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*\S+.*$")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto):[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1")
_EMPH_STAR = re.compile(r"(?<![\w*])\*(?=\S)(?P<text>[^*\n]+?)(?<=\S)\*(?![\w*])")
# Underscores inside words (snake_case) are not emphasis, so require word boundaries around.
_EMPH_UNDER = re.compile(r"(?<!\w)_(?=\S)(?P<text>[^_\n]+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"~~(?P<text>.+?)~~")
_CODE = re.compile(r"`+(?P<text>[^`\n]+)`+")
_QUOTE = re.compile(r"^[ ]{0,3}(?:>[ \t]?)+")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML-ish ``key: value`` front matter from the text; values are unquoted strings."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group("block").splitlines():
        kv = _KEY_VALUE.match(line)
        if kv and kv.group("value"):
            value = kv.group("value")
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            meta[kv.group("key").lower()] = value
    return meta, text[match.end() :]


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\g<text>", line)
    line = _REF_LINK.sub(r"\g<text>", line)
    line = _AUTOLINK.sub(r"\g<url>", line)
    line = _CODE.sub(r"\g<text>", line)
    line = _STRONG.sub(r"\g<text>", line)
    line = _EMPH_STAR.sub(r"\g<text>", line)
    line = _EMPH_UNDER.sub(r"\g<text>", line)
    return _STRIKE.sub(r"\g<text>", line)


def strip_markdown(text: str) -> tuple[str, str]:
    """Return ``(first_heading, text)`` with markdown syntax removed and paragraphs kept."""
    lines = _HTML_COMMENT.sub("", text).splitlines()
    heading = ""
    out: list[str] = []
    for index, raw in enumerate(lines):
        if _FENCE.match(raw) or _REF_DEF.match(raw) or _HRULE.match(raw):
            out.append("")
            continue
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        if raw.strip() and _SETEXT_RULE.match(nxt) and not _HRULE.match(raw):
            # Setext heading: the underline is dropped by the rule check on the next line.
            line = _inline(raw.strip())
            heading = heading or line
            out.append(line)
            continue
        if _SETEXT_RULE.match(raw) and index > 0 and lines[index - 1].strip():
            continue
        atx = _ATX.match(raw)
        if atx:
            line = _inline(atx.group("text"))
            heading = heading or (line if len(atx.group("marks")) == 1 else "")
            out.append(line)
            continue
        out.append(_inline(_QUOTE.sub("", raw)))
    return heading, "\n".join(out)


def parse_markdown(text: str, origin: str) -> list[Item]:
    """Parse one markdown article.

    Raises:
        ParseError: there is no text at all.
    """
    meta, rest = front_matter(text.replace("\r\n", "\n"))
    heading, plain = strip_markdown(rest)
    if not plain.strip() and not meta.get("title"):
        raise ParseError("empty file: no text")
    title = meta.get("title") or None
    if title is None and heading:
        title = heading
    # With a known title, extract() drops the heading line so the body does not start with it.
    fields = extract(plain, title=title)
    date = meta.get("date") or meta.get("published") or ""
    published = parse_date(date)
    return [
        Item(
            title=fields.title,
            body=fields.body,
            source=meta.get("source") or fields.source,
            url=meta.get("url", ""),
            published=published or fields.published,
            photo_credit=fields.photo_credit,
            author=meta.get("author") or fields.author,
            origin=origin,
        )
    ]
