"""The store's analysis codec: the hand-built encoder writes exactly what ``asdict`` would, so a
field added to a model cannot silently go missing from stored analyses."""

from __future__ import annotations

import json
from dataclasses import asdict

from feeds.analysis import analyze
from feeds.ingest import bundled_samples_dir
from feeds.loaders import load_paths
from feeds.models import Analysis, Figure, LeaderHit, Quote, SectorScore, Span
from feeds.store.codec import analysis_from_json, analysis_to_json

EVERY_FIELD = Analysis(
    leaders=(LeaderHit("xi-jinping", "Xi Jinping", "CN", (Span(0, 2), Span(40, 50))),),
    quotes=(
        Quote(3, 30, "“We agreed on «45» projects”", "Xi Jinping", "said", "xi-jinping"),
        Quote(60, 80, "\u201cNo speaker here\u201d", None, None),
    ),
    figures=(
        Figure(5, 17, "$41 billion", "money", 41e9, "USD", record=True),
        Figure(20, 23, "12.5%", "percent", 12.5, "%"),
    ),
    sectors=(SectorScore("energy", "Energy", 3.25, (Span(1, 4),)), SectorScore("trade", "T", 1.0)),
)


def reference(analysis: Analysis) -> str:
    return json.dumps(asdict(analysis), ensure_ascii=False, separators=(",", ":"))


def test_encoder_writes_what_asdict_writes() -> None:
    assert analysis_to_json(EVERY_FIELD) == reference(EVERY_FIELD)
    assert analysis_to_json(Analysis()) == reference(Analysis())
    assert analysis_from_json(analysis_to_json(EVERY_FIELD)) == EVERY_FIELD


def test_encoder_matches_on_the_bundled_samples() -> None:
    with bundled_samples_dir() as folder:
        items = load_paths([folder]).items
    analyses = [analyze(item) for item in items]
    assert sum(len(a.quotes) + len(a.figures) for a in analyses) > 20  # real content, not empty
    for analysis in analyses:
        assert analysis_to_json(analysis) == reference(analysis)
        assert analysis_from_json(analysis_to_json(analysis)) == analysis
