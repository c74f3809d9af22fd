"""Plain, immutable data passed from the core to the interface.

Every offset in an :class:`Analysis` indexes into :attr:`Item.body` (Python ``str`` indices).
Datetimes are timezone-aware (UTC when the source gave no zone).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

FigureKind = Literal["money", "percent", "count", "quantity", "date"]


@dataclass(frozen=True, slots=True)
class Item:
    """One news item as loaded from a file or feed, before it is stored."""

    title: str
    """Headline, raw (sanitised only at display)."""
    body: str
    """Cleaned article text; analysis offsets index into it."""
    source: str = ""
    """Outlet name ("El.kz", "Reuters"), or the feed title."""
    url: str = ""
    """Link to the article on the web, empty when unknown."""
    published: datetime | None = None
    """Publication time, timezone-aware, or None when unknown."""
    photo_credit: str = ""
    """Photo credit taken out of the body ("Akorda"), empty when none."""
    guid: str = ""
    """Feed-supplied unique id, empty when none."""
    author: str = ""
    """Byline, empty when unknown."""
    origin: str = ""
    """Where it was loaded from: a file path, "-" for stdin, or a feed URL."""
    feed_url: str = ""
    """URL of the subscribed feed this item came from, empty for local files."""

    @property
    def key(self) -> str:
        """Stable identity: feed guid, else URL, else a hash of title and body."""
        from feeds.identity import item_key

        return item_key(self)

    def __reduce__(self) -> tuple[type[Item], tuple[Any, ...]]:
        # Pickled as a constructor call with every field in order: parse workers send every
        # item to the main process, and the dataclass default (state lists built over
        # fields()) cost a third more to pickle and half more to unpickle.
        return (
            Item,
            (
                self.title,
                self.body,
                self.source,
                self.url,
                self.published,
                self.photo_credit,
                self.guid,
                self.author,
                self.origin,
                self.feed_url,
            ),
        )


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of :attr:`Item.body`."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LeaderHit:
    """A leader found in an article, with every place they are mentioned."""

    id: str
    """Gazetteer id, e.g. "kassym-jomart-tokayev"."""
    name: str
    """Canonical display name, e.g. "Kassym-Jomart Tokayev"."""
    country: str
    """ISO 3166-1 alpha-2 code, or an organisation code such as "UN"."""
    mentions: tuple[Span, ...]
    """Every mention in the body: by name, alias or resolved title."""
    short: str = ""
    """Compact tag for headline rows ("Tokayev", "von der Leyen", "Lula"); empty: from name."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote and who said it."""

    start: int
    """Offset of the quoted text's first character (inside the quote marks)."""
    end: int
    """Offset one past the quoted text's last character."""
    text: str
    """The quoted words (body[start:end], paragraphs joined for continued quotes)."""
    speaker: str | None
    """Canonical name of the speaker, or None when it could not be resolved."""
    cue: str | None
    """The reporting verb or phrase ("said", "emphasized", "according to"), if any."""
    speaker_id: str | None = None
    """Gazetteer id when the speaker is a known leader or configured person."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that matters: money, percentage, quantity, count or date."""

    start: int
    end: int
    text: str
    """The matched text, e.g. "$41 billion"."""
    kind: FigureKind
    value: float
    """Normalised value (41e9 for "$41 billion"; 12.5 for "12.5%")."""
    unit: str
    """ISO currency code, "%", "pp", a unit name, or the counted noun phrase."""
    record: bool = False
    """True when the text calls it a record / all-time high."""


@dataclass(frozen=True, slots=True)
class SectorScore:
    """An economic sector the article is about."""

    id: str
    """One of :data:`feeds.analysis.sectors.SECTOR_IDS`."""
    label: str
    """Human label, e.g. "E-commerce"."""
    score: float
    """Relevance score; higher is more central to the article."""
    mentions: tuple[Span, ...] = ()
    """Where the sector's terms occur in the body (for highlighting)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What newsdesk understood of one item; all spans index into its body."""

    leaders: tuple[LeaderHit, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    sectors: tuple[SectorScore, ...] = ()


def analysis_fields(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """Every field of ``analysis`` as plain JSON-ready data, in field order (what
    ``dataclasses.asdict`` gives, built directly: ``asdict`` deep-copies generically and was
    most of the cost of writing an analysis)."""
    return {
        "leaders": [
            {
                "id": h.id,
                "name": h.name,
                "country": h.country,
                "mentions": _spans(h.mentions),
                "short": h.short,
            }
            for h in analysis.leaders
        ],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "cue": q.cue,
                "speaker_id": q.speaker_id,
            }
            for q in analysis.quotes
        ],
        "figures": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "kind": f.kind,
                "value": f.value,
                "unit": f.unit,
                "record": f.record,
            }
            for f in analysis.figures
        ],
        "sectors": [
            {"id": c.id, "label": c.label, "score": c.score, "mentions": _spans(c.mentions)}
            for c in analysis.sectors
        ],
    }


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [{"start": m.start, "end": m.end} for m in spans]


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """An input that could not be loaded, with a one-line reason."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Items loaded from one or more inputs, and the inputs that failed."""

    items: tuple[Item, ...] = ()
    failures: tuple[LoadFailure, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """Outcome of storing a batch of items."""

    added: int = 0
    duplicates: int = 0
    failures: tuple[LoadFailure, ...] = field(default_factory=tuple)
