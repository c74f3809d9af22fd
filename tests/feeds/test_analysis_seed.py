"""The seed article: every line of its expected.json must hold (general rules, no seed strings)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from feeds.analysis import analyze
from feeds.models import Analysis, Item

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed"
STEM = "000_c41913dc013a7d8d"


def _ws(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def seed() -> tuple[Item, Analysis, dict[str, object]]:
    raw = (SEED / f"{STEM}.txt").read_text(encoding="utf-8")
    expected = json.loads((SEED / f"{STEM}.expected.json").read_text(encoding="utf-8"))
    paras = [p.strip() for p in raw.split("\n\n") if p.strip()]
    first = next(i for i, p in enumerate(paras) if p.startswith("President of Kazakhstan Kassym"))
    last = next(i for i, p in enumerate(paras) if p.endswith("between the countries."))
    item = Item(
        title=paras[0],
        body="\n\n".join(paras[first : last + 1]),
        source="El.kz",
        published=dt.datetime(2024, 7, 3, 14, 3, tzinfo=dt.UTC),
        photo_credit="Akorda",
    )
    return item, analyze(item), expected


def test_seed_leaders(seed: tuple[Item, Analysis, dict[str, object]]) -> None:
    item, analysis, expected = seed
    by_name = {h.name: h for h in analysis.leaders}
    for want in expected["leaders"]:  # type: ignore[attr-defined]
        hit = by_name[want["name"]]
        assert hit.country == want["country"]
        texts = {_ws(item.body[m.start : m.end]) for m in hit.mentions}
        for form in want["mentioned_as"]:
            assert _ws(form) in texts, form


def test_seed_quotes(seed: tuple[Item, Analysis, dict[str, object]]) -> None:
    item, analysis, expected = seed
    for want in expected["quotes"]:  # type: ignore[attr-defined]
        q = next(q for q in analysis.quotes if _ws(q.text).startswith(_ws(want["starts_with"])))
        assert q.speaker == want["speaker"]
        assert q.cue == want["cue"]
        assert item.body[q.start : q.end] == q.text
    for bad in expected["must_not_be_quotes"]:  # type: ignore[attr-defined]
        assert all(_ws(q.text) != _ws(bad) for q in analysis.quotes)


def test_seed_figures(seed: tuple[Item, Analysis, dict[str, object]]) -> None:
    _, analysis, expected = seed
    for want in expected["figures"]:  # type: ignore[attr-defined]
        f = next(f for f in analysis.figures if _ws(f.text) == _ws(want["text"]))
        assert f.kind == want["kind"]
        assert f.value == pytest.approx(want["value"])
        if "unit" in want:
            assert f.unit == want["unit"]
        assert f.record is bool(want.get("record", False))


def test_seed_sectors(seed: tuple[Item, Analysis, dict[str, object]]) -> None:
    _, analysis, expected = seed
    got = [s.id for s in analysis.sectors]
    assert set(expected["sectors"]) <= set(got)  # type: ignore[arg-type]
    assert len(got) <= len(expected["sectors"]) + 2  # type: ignore[arg-type]
    scores = [s.score for s in analysis.sectors]
    assert scores == sorted(scores, reverse=True)
