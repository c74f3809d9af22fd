"""The filter language typed into the search bar, parsed into a :class:`Query`.

Syntax (terms are ANDed; ``source:`` values are ORed)::

    leader:tokayev leader:"xi jinping" sector:energy source:el.kz
    is:unread is:read is:starred is:unstarred since:7d since:2024-07-01
    cluster:12 "exact phrase" words -excluded -"excluded phrase"

Parsing never crashes on odd input: an unbalanced quote takes the rest of the line as a phrase.
Only a malformed ``key:value`` (unknown key, sector, ``is:`` state or ``since:`` span) raises
:class:`~feeds.errors.QueryError`, so the search bar can show one clear message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any, Final, Literal

from feeds.errors import QueryError

SECTOR_IDS: Final[tuple[str, ...]] = (
    "agriculture",
    "energy",
    "mining",
    "manufacturing",
    "automotive",
    "transport",
    "logistics",
    "ecommerce",
    "finance",
    "trade",
    "technology",
    "tourism",
    "education",
    "health",
    "construction",
    "defence",
    "culture",
)

KEYS: Final[tuple[str, ...]] = ("leader", "sector", "source", "is", "since", "cluster")
IS_STATES: Final[tuple[str, ...]] = ("unread", "read", "starred", "unstarred")
_SINCE_SUGGESTIONS: Final[tuple[str, ...]] = ("1d", "7d", "30d", "12h", "2w")

ChipKind = Literal[
    "leaders",
    "sectors",
    "sources",
    "unread",
    "starred",
    "since",
    "since_date",
    "phrases",
    "words",
    "excluded",
    "clusters",
]

_SPAN_RE = re.compile(r"(\d+)\s*([mhdw])", re.IGNORECASE)
_UNITS: Final[dict[str, str]] = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
# A key is letters only, so "10:30" or "https://x" stay plain words.
_KEY_RE = re.compile(r"([A-Za-z]+):")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed filter; the empty ``Query()`` matches everything."""

    leaders: tuple[str, ...] = ()
    """Raw leader terms as typed ("tokayev", "xi jinping"); the store resolves them to ids."""
    sectors: tuple[str, ...] = ()
    """Sector ids, each one of :data:`SECTOR_IDS`; all must be present."""
    sources: tuple[str, ...] = ()
    """Source names or prefixes, lowercased; any may match."""
    unread: bool | None = None
    """True for ``is:unread``, False for ``is:read``, None for either."""
    starred: bool | None = None
    """True for ``is:starred``, False for ``is:unstarred``, None for either."""
    since: timedelta | None = None
    """Only items published within this span before now (``since:7d``)."""
    since_date: date | None = None
    """Only items published on or after this day (``since:2024-07-01``)."""
    phrases: tuple[str, ...] = ()
    """Exact phrases ("central bank"); all must occur."""
    words: tuple[str, ...] = ()
    """Plain words, matched as prefixes; all must occur."""
    excluded: tuple[str, ...] = ()
    """Words or phrases after ``-``; none may occur."""
    clusters: tuple[int, ...] = ()
    """Story cluster ids (``cluster:12``), reserved for story grouping."""

    @property
    def is_empty(self) -> bool:
        """True when the query filters nothing."""
        return self == Query()

    @property
    def has_text(self) -> bool:
        """True when the query needs the full-text index."""
        return bool(self.phrases or self.words or self.excluded)

    def chips(self) -> list[tuple[ChipKind, str]]:
        """Each term as ``(kind, rendered token)``, in canonical order, for removable chips."""
        out: list[tuple[ChipKind, str]] = []
        out += [("leaders", f"leader:{_quote(v)}") for v in self.leaders]
        out += [("sectors", f"sector:{v}") for v in self.sectors]
        out += [("sources", f"source:{_quote(v)}") for v in self.sources]
        if self.unread is not None:
            out.append(("unread", "is:unread" if self.unread else "is:read"))
        if self.starred is not None:
            out.append(("starred", "is:starred" if self.starred else "is:unstarred"))
        if self.since is not None:
            out.append(("since", f"since:{format_span(self.since)}"))
        if self.since_date is not None:
            out.append(("since_date", f"since:{self.since_date.isoformat()}"))
        out += [("clusters", f"cluster:{c}") for c in self.clusters]
        out += [("phrases", _force_quote(p)) for p in self.phrases]
        out += [("words", _quote(w)) for w in self.words]
        out += [("excluded", "-" + _quote(x)) for x in self.excluded]
        return out

    def to_text(self) -> str:
        """Render canonically; ``parse_query(q.to_text()) == q``."""
        return " ".join(token for _, token in self.chips())

    def without(self, kind: ChipKind, value: object = None) -> Query:
        """A copy with one chip removed: ``value`` from a tuple field, or a scalar field cleared."""
        current: Any = getattr(self, kind)
        if isinstance(current, tuple):
            items = list(current)
            if value in items:
                items.remove(value)
            changes: dict[str, Any] = {kind: tuple(items)}
        else:
            changes = {kind: None}
        return replace(self, **changes)


def format_span(span: timedelta) -> str:
    """Render a span as the largest exact unit of days, hours or minutes: ``7d``, ``12h``."""
    minutes = int(span.total_seconds() // 60)
    for suffix, size in (("d", 24 * 60), ("h", 60)):
        if minutes and minutes % size == 0:
            return f"{minutes // size}{suffix}"
    return f"{minutes}m"


def _needs_quotes(value: str) -> bool:
    # Exactly the cases where the tokenizer would read the bare value differently.
    if not value or value[0] in '"-' or any(c.isspace() for c in value):
        return True
    m = _KEY_RE.match(value)
    return m is not None and not value.startswith("//", m.end())


def _quote(value: str) -> str:
    return _force_quote(value) if _needs_quotes(value) else value


def _force_quote(value: str) -> str:
    # The language has no escape for '"'; a stray one inside a phrase is dropped (FTS would
    # ignore it as punctuation anyway).
    return '"' + value.replace('"', "") + '"'


def _tokens(text: str) -> list[tuple[str | None, str, bool, bool]]:
    """Split into ``(key, value, quoted, negated)`` tokens; never raises."""
    out: list[tuple[str | None, str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        key: str | None = None
        m = _KEY_RE.match(text, i)
        if m and not negated and not text.startswith("//", m.end()):
            key = m.group(1).lower()
            i = m.end()
        if i < n and text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:  # Unbalanced: the rest of the line is the phrase.
                end = n
            out.append((key, text[i + 1 : end], True, negated))
            i = end + 1
        else:
            j = i
            while j < n and not text[j].isspace():
                j += 1
            out.append((key, text[i:j], False, negated))
            i = j
    return out


def _parse_since(value: str) -> timedelta | date:
    m = _SPAN_RE.fullmatch(value.strip())
    if m:
        amount = int(m.group(1))
        return timedelta(**{_UNITS[m.group(2).lower()]: amount})
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(
            f"since:{value} is not a span or a date; try since:30m, 12h, 7d, 2w or 2024-07-01"
        ) from None


def parse_query(text: str) -> Query:
    """Parse the filter language into a :class:`Query`.

    Raises:
        QueryError: an unknown ``key:``, sector id, ``is:`` state, or a malformed value.
    """
    acc: dict[str, list[Any]] = {
        f.name: [] for f in fields(Query) if f.name not in ("unread", "starred", "since")
    }
    scalars: dict[str, Any] = {}

    def add(name: str, value: object) -> None:
        if value not in acc[name]:
            acc[name].append(value)

    for key, value, quoted, negated in _tokens(text):
        if key is None:
            value = " ".join(value.split())
            if not value:
                continue
            if negated:
                add("excluded", value)
            elif quoted:
                add("phrases", value)
            else:
                add("words", value)
            continue
        value = " ".join(value.split())
        if key not in KEYS:
            raise QueryError(
                f"unknown filter '{key}:'; use one of " + ", ".join(k + ":" for k in KEYS)
            )
        if not value:
            raise QueryError(f"'{key}:' needs a value")
        if key == "leader":
            add("leaders", value)
        elif key == "sector":
            sector = value.lower()
            if sector not in SECTOR_IDS:
                raise QueryError(
                    f"unknown sector '{value}'; valid sectors: " + ", ".join(SECTOR_IDS)
                )
            add("sectors", sector)
        elif key == "source":
            add("sources", value.lower())
        elif key == "is":
            state = value.lower()
            if state not in IS_STATES:
                raise QueryError(f"unknown is:{value}; use is:" + ", is:".join(IS_STATES))
            if state in ("unread", "read"):
                scalars["unread"] = state == "unread"
            else:
                scalars["starred"] = state == "starred"
        elif key == "since":
            since = _parse_since(value)
            if isinstance(since, timedelta):
                scalars["since"], scalars["since_date"] = since, None
            else:
                scalars["since"], scalars["since_date"] = None, since
        else:  # cluster
            if not value.isdigit():
                raise QueryError(f"cluster:{value} is not a cluster number")
            add("clusters", int(value))
    tuples: dict[str, Any] = {name: tuple(values) for name, values in acc.items()}
    tuples.pop("since_date")
    return Query(**tuples, **scalars)


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching names ("Tokáyev" → "tokayev")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def complete(
    text: str,
    cursor: int,
    leader_names: Sequence[str],
    sector_ids: Iterable[str] = SECTOR_IDS,
    sources: Sequence[str] = (),
) -> list[str]:
    """Completions for the token under ``cursor``, each a full replacement for that token.

    A bare prefix completes to keys (``le`` → ``leader:``); ``key:prefix`` completes values,
    leaders matching any word of their name (``leader:jin`` → ``leader:"Xi Jinping"``).
    """
    cursor = max(0, min(cursor, len(text)))
    start = cursor
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start:cursor]
    negated = token.startswith("-")
    if negated:
        token = token[1:]
    if ":" not in token:
        prefix = token.lower()
        if negated or not prefix:
            return [k + ":" for k in KEYS] if not negated and not prefix else []
        return [k + ":" for k in KEYS if k.startswith(prefix) and k != prefix]
    key, _, partial = token.partition(":")
    key = key.lower()
    partial = partial.lstrip('"')
    want = fold(partial)
    values: list[str]
    if key == "leader":
        values = []
        for name in leader_names:
            folded = fold(name)
            words = re.split(r"[\s\-]+", folded)
            if folded.startswith(want) or any(w.startswith(want) for w in words):
                values.append(name)
    elif key == "sector":
        values = [s for s in sector_ids if s.startswith(want)]
    elif key == "source":
        values = [s for s in sources if fold(s).startswith(want)]
    elif key == "is":
        values = [s for s in IS_STATES if s.startswith(want)]
    elif key == "since":
        values = [s for s in _SINCE_SUGGESTIONS if s.startswith(want)]
    else:
        return []
    return [f"{key}:{_quote(v)}" for v in values]
