"""Shared text helpers: offset-preserving folding, paragraphs, sentences, data loading."""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from functools import cache, lru_cache
from importlib import resources
from typing import Any

# Punctuation variants folded to ASCII so one alias spelling matches them all.
_PUNCT = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u0451": "\u0435",
}


class _FoldTable(dict[int, str]):
    """``str.translate`` table computed lazily: one output character per input character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = _PUNCT.get(ch)
        if out is None:
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)
            )
            low = base.lower()
            # Keep the length: a character whose fold is longer (ß → ss) only lowercases.
            out = low if len(low) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lowercase and strip accents, keeping ``len`` and every offset of ``text`` unchanged.

    Folding is per character, so ``fold(text)[s:e] == fold(text[s:e])``: fold a body once and
    slice it rather than folding its pieces.
    """
    if len(text) > 200:
        return _fold_long(text)  # one article's body is folded by several analysis steps
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


_NON_ASCII = re.compile(r"([^\x00-\x7f]+)")


_FEW = 64
"""Non-ASCII characters a text may hold for :func:`_fold_few` (most English copy has a few)."""


def _fold_few(text: str) -> str | None:
    """``text.translate(_TABLE)`` when ``text`` holds at most ``_FEW`` non-ASCII characters,
    else None.

    The ASCII characters fold by ``lower()``, done on bytes (``str.lower`` is slow on a
    non-ASCII string); each other character, a "?" in the ASCII encoding, is folded alone.
    """
    q = text.encode("ascii", "replace")
    low = q.lower().decode("ascii")
    pieces: list[str] = []
    prev = 0
    i = q.find(b"?")
    while i >= 0:
        c = text[i]
        if c != "?":
            if len(pieces) >= 2 * _FEW:
                return None
            pieces.append(low[prev:i])
            pieces.append(_TABLE[ord(c)])
            prev = i + 1
        i = q.find(b"?", i + 1)
    pieces.append(low[prev:])
    return "".join(pieces)


@lru_cache(maxsize=4)
def _fold_long(text: str) -> str:
    if text.isascii():
        return text.lower()
    few = _fold_few(text)
    if few is not None:
        return few
    # ``translate`` is slow on non-ASCII strings; most of a body is ASCII, where folding is
    # ``lower``, so only the non-ASCII runs go through the table.
    parts = _NON_ASCII.split(text)
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].lower()
    for i in range(1, len(parts), 2):
        parts[i] = parts[i].translate(_TABLE)
    return "".join(parts)


@lru_cache(maxsize=4)
def ascii_view(text: str) -> tuple[bytes, str | None]:
    """``text`` encoded to ASCII with "?" for each other character (offsets kept), and those
    characters in order: None when there are more than ``_FEW`` (the view then says little).

    Cached per text (figures and sectors ask for the same body). Lets byte-string methods,
    much faster than ``str`` ones on a non-ASCII text, answer for the ASCII part.
    """
    q = text.encode("ascii", "replace")
    return q, "" if text.isascii() else _odd_characters(text, q)


def non_ascii(text: str) -> str | None:
    """The non-ASCII characters of ``text`` in order; None when there are more than ``_FEW``."""
    if text.isascii():
        return ""
    return _odd_characters(text, text.encode("ascii", "replace"))


def _odd_characters(text: str, q: bytes) -> str | None:
    """:func:`non_ascii` of ``text``, given ``q``, its ASCII encoding with "?" replacements."""
    odd: list[str] = []
    i = q.find(b"?")
    while i >= 0:
        c = text[i]
        if c != "?":
            if len(odd) >= _FEW:
                return None
            odd.append(c)
        i = q.find(b"?", i + 1)
    return "".join(odd)


# Byte → " " for the ASCII whitespace of ``str.split`` (``str.isspace``: it includes
# "\x1c"-"\x1f"), "x" for every other byte.
_WS_TO_SPACE = bytes(32 if chr(b).isspace() else 120 for b in range(256))


def word_count(text: str) -> int:
    """``len(text.split())``, without building the words."""
    q, odd = ascii_view(text)
    if odd is None or any(c.isspace() for c in odd):
        return len(text.split())  # many non-ASCII characters, or one is a space (NBSP ...)
    t = q.translate(_WS_TO_SPACE)
    return t.count(b" x") + (t[:1] == b"x")


@lru_cache(maxsize=4)
def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines (a feed body may use single or double newlines).

    Cached per text (several analysis steps ask for the same body): do not mutate the list.
    """
    out = []
    # Maximal runs without a line break, found with ``str.find`` (a regex scan tests every
    # character), trimmed by ``str.isspace`` (what ``strip`` drops) without slicing the text.
    n = len(text)
    s = 0
    while s < n:
        e = text.find("\n", s)
        if e < 0:
            e = n
        a, b = s, e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
        s = e + 1
    return out


# A sentence ends at . ! ? (optionally followed by a closing quote) before whitespace and an
# upper-case letter, a quote or a digit; or at a line break (with the line breaks after it).
# One pattern per mark, each opening with its plain character: the regex engine skips to that
# character far faster than it tries a pattern opening with a class (or an alternation) at every
# character.
_SENT_MARKS = tuple(
    (mark, re.compile(re.escape(mark) + r"[\"”»’']?(?=\s+[\"“«‘(A-ZА-ЯЁ0-9])")) for mark in ".!?…"
)


@lru_cache(maxsize=4)
def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans; good enough for "same sentence" tests.

    Cached per text (several analysis steps ask for the same body): do not mutate the list.
    """
    # Where sentences may end. No match holds another's mark (a match is a mark and maybe a
    # quote, or line breaks only), so the matches of each pattern, merged, are those of one
    # scan for all; only a run of line breaks ends in one.
    ends = []
    n = len(text)
    i = text.find("\n")
    while i >= 0:  # the runs of line breaks, found with ``str.find`` (cheaper than a regex scan)
        i += 1
        while i < n and text[i] == "\n":
            i += 1
        ends.append(i)
        i = text.find("\n", i)
    for mark, rx in _SENT_MARKS:
        if mark in text:
            ends += [m.end() for m in rx.finditer(text)]
    ends.sort()
    out = []
    start = 0
    for end in ends:
        # Only a line break can end a blank sentence.
        if text[end - 1] == "\n" and not text[start:end].strip():
            start = end
            continue
        out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def search_at(
    rx: re.Pattern[str], body: str, starts: list[int], pos: int, end: int
) -> re.Match[str] | None:
    """``rx.search(body, pos, end)`` tried only at ``starts`` (sorted offsets where a match
    may begin): a pattern with a costly first step, matched where a cheaper pass put it."""
    for i in range(bisect_left(starts, pos), len(starts)):
        p = starts[i]
        if p >= end:
            break
        m = rx.match(body, p, end)
        if m is not None:
            return m
    return None


@cache
def load_json(name: str) -> Any:
    """Load a data file shipped in ``feeds/analysis/data`` (works from a wheel too)."""
    ref = resources.files("feeds.analysis") / "data" / name
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-empty lines of a shipped text data file."""
    ref = resources.files("feeds.analysis") / "data" / name
    lines = ref.read_text(encoding="utf-8").splitlines()
    return tuple(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def is_word_char(ch: str) -> bool:
    """Letters, digits and underscore: what must not touch a whole-word match."""
    return ch.isalnum() or ch == "_"
