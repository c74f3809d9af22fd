"""A tiny private JSON codec for :class:`~feeds.models.Analysis` (the store's own format)."""

from __future__ import annotations

import json
from typing import Any

from feeds.models import Analysis, Figure, LeaderHit, Quote, SectorScore, Span, analysis_fields

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def analysis_to_json(analysis: Analysis) -> str:
    """Compact JSON of every field: the same text as ``json.dumps(dataclasses.asdict(...))``."""
    return _ENCODE(analysis_fields(analysis))


def analysis_from_json(text: str) -> Analysis:
    """Inverse of :func:`analysis_to_json`; unknown keys are ignored, missing ones default."""
    data: dict[str, Any] = json.loads(text) if text else {}
    return Analysis(
        leaders=tuple(
            LeaderHit(
                id=h["id"],
                name=h["name"],
                country=h["country"],
                mentions=tuple(Span(m["start"], m["end"]) for m in h.get("mentions", ())),
                short=h.get("short", ""),
            )
            for h in data.get("leaders", ())
        ),
        quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
        figures=tuple(Figure(**f) for f in data.get("figures", ())),
        sectors=tuple(
            SectorScore(
                id=s["id"],
                label=s["label"],
                score=s["score"],
                mentions=tuple(Span(m["start"], m["end"]) for m in s.get("mentions", ())),
            )
            for s in data.get("sectors", ())
        ),
    )
