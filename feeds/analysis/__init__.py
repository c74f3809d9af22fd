"""Understanding an article: leaders, quotes, figures and sectors (rules + shipped data).

Public API::

    analyze(item) -> Analysis
    warm_up() -> None                            # load data and compile patterns ahead of time
    analysis_to_json(item, analysis) -> dict     # the ``analyze --json`` contract
    analysis_from_json(d) -> Analysis

Every span indexes into ``item.body``. The title counts for sector weighting and leader
presence; ``item.published`` (or today) is the date titles are resolved on.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from feeds.analysis.figures import find_figures
from feeds.analysis.figures import warm_up as _warm_figures
from feeds.analysis.leaders import find_names, gazetteer
from feeds.analysis.quotes import find_quotes
from feeds.analysis.quotes import warm_up as _warm_quotes
from feeds.analysis.sectors import SECTORS, find_sectors
from feeds.analysis.sectors import warm_up as _warm_sectors
from feeds.analysis.titles import find_titles
from feeds.analysis.titles import warm_up as _warm_titles
from feeds.models import (
    Analysis,
    Figure,
    Item,
    LeaderHit,
    Quote,
    SectorScore,
    Span,
    analysis_fields,
)

__all__ = ["analyze", "analysis_to_json", "analysis_from_json", "warm_up", "SECTORS"]

log = logging.getLogger(__name__)
T = TypeVar("T")
_WARM = (_warm_figures, _warm_quotes, _warm_sectors, _warm_titles)


def _safe(fn: Callable[[], list[T]], what: str) -> list[T]:
    """Run one analyser; a bug in one must not lose the others (or the import)."""
    try:
        return fn()
    except Exception:  # pragma: no cover - defensive, fuzzed in tests
        log.exception("analysis step %s failed", what)
        return []


def _day(item: Item) -> dt.date:
    if item.published is None:
        return dt.date.today()
    return item.published.astimezone(dt.UTC).date()


def warm_up() -> None:
    """Load the gazetteer and lexicons and compile the patterns built on first use.

    Everything here is cached for the process: call it once (at start-up, or before timing)
    so that the first article analysed costs what any other does.
    """
    gazetteer()
    for fn in _WARM:
        fn()


def analyze(item: Item) -> Analysis:
    """Leaders, quotes, figures and sectors of one item."""
    body = item.body or ""
    title = item.title or ""
    day = _day(item)
    names = _safe(lambda: find_names(body, day), "names")
    titles = _safe(lambda: find_titles(body, day, names), "titles")
    mentions = sorted(set(names + titles))
    people = gazetteer().people
    spans: dict[str, list[Span]] = {}
    for s, e, pid in mentions:
        spans.setdefault(pid, []).append(Span(s, e))
    for _s, _e, pid in _safe(lambda: find_names(title, day), "title names"):
        spans.setdefault(pid, [])  # named in the headline only: present, no body span
    leaders = tuple(
        LeaderHit(pid, people[pid].name, people[pid].country, tuple(sp), people[pid].short)
        for pid, sp in spans.items()
        if pid in people
    )
    quotes = _safe(lambda: find_quotes(body, mentions), "quotes")
    figures = _safe(lambda: find_figures(body), "figures")
    sectors = _safe(lambda: find_sectors(title, body), "sectors")
    return Analysis(leaders, tuple(quotes), tuple(figures), tuple(sectors))


def analysis_to_json(item: Item, analysis: Analysis) -> dict[str, Any]:
    """One ``analyze --json`` object: the item fields plus everything found in it."""
    return {
        "title": item.title,
        "source": item.source,
        "url": item.url,
        "published": item.published.isoformat() if item.published else None,
        "photo_credit": item.photo_credit,
        "body": item.body,
        **analysis_fields(analysis),
    }


def analysis_from_json(d: dict[str, Any]) -> Analysis:
    """Rebuild an :class:`Analysis` from :func:`analysis_to_json` output (extra keys ignored)."""
    return Analysis(
        leaders=tuple(
            LeaderHit(
                str(h["id"]),
                str(h["name"]),
                str(h["country"]),
                tuple(Span(int(m["start"]), int(m["end"])) for m in h.get("mentions", ())),
                str(h.get("short", "")),
            )
            for h in d.get("leaders", ())
        ),
        quotes=tuple(
            Quote(
                int(q["start"]),
                int(q["end"]),
                str(q["text"]),
                q.get("speaker"),
                q.get("cue"),
                q.get("speaker_id"),
            )
            for q in d.get("quotes", ())
        ),
        figures=tuple(
            Figure(
                int(f["start"]),
                int(f["end"]),
                str(f["text"]),
                f["kind"],
                float(f["value"]),
                str(f["unit"]),
                bool(f.get("record", False)),
            )
            for f in d.get("figures", ())
        ),
        sectors=tuple(
            SectorScore(
                str(s["id"]),
                str(s["label"]),
                float(s["score"]),
                tuple(Span(int(m["start"]), int(m["end"])) for m in s.get("mentions", ())),
            )
            for s in d.get("sectors", ())
        ),
    )
