"""Sectors: fixed vocabulary, weighting, negative phrases, enumerations."""

from __future__ import annotations

from feeds.analysis.sectors import SECTOR_IDS, SECTORS, find_sectors, iptc_code

ORDER = [
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
]


def _ids(title: str, body: str) -> list[str]:
    return [s.id for s in find_sectors(title, body)]


def test_vocabulary_and_codes() -> None:
    assert list(SECTORS) == ORDER == list(SECTOR_IDS)
    assert all(SECTORS[i] for i in ORDER)
    assert iptc_code("tourism") == "medtop:20000331"


def test_two_distinct_terms_assign_one_does_not() -> None:
    assert "energy" in _ids("", "Oil output rose while the new refinery opened near the coast.")
    assert "energy" not in _ids("", "Oil was mentioned once in a long story about elections.")


def test_negative_phrases_cancel_hits() -> None:
    body = "Sunflower oil exports and olive oil prices rose as farmers harvested crops."
    ids = _ids("", body)
    assert "energy" not in ids
    assert "agriculture" in ids
    assert "defence" not in _ids("", "The trade war and a price war hit margins.")


def test_enumeration_is_strong_evidence() -> None:
    body = (
        "The ministers discussed cooperation in several areas, including mining, tourism, "
        "health and construction. The meeting lasted an hour and many other topics came up "
        "in a long and friendly conversation between the delegations."
    )
    assert set(_ids("", body)) >= {"mining", "tourism", "health", "construction"}


def test_strong_phrases_and_russian_stems() -> None:
    assert "trade" in _ids("", "Mutual trade grew last year.")
    assert "education" in _ids("", "A branch of the university will open.")
    assert "trade" in _ids("", "Товарооборот вырос.")
    assert "agriculture" in _ids("", "Сельское хозяйство и урожай зерна выросли.")


def test_title_weighs_more_and_output_is_sorted() -> None:
    got = find_sectors("Banks and investors rally", "Steel plants and mining firms also gained.")
    assert got[0].id == "finance"
    assert [s.score for s in got] == sorted((s.score for s in got), reverse=True)
