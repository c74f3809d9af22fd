"""User-defined people (config ``[[people]]``) match, highlight and filter like leaders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from feeds.analysis import analyze
from feeds.analysis.leaders import all_leaders, find_names, match_leader_term, set_extra_people
from feeds.config import Person
from feeds.models import Item

MINISTER = Person(
    name="Murat Nurtleu",
    aliases=("Nurtleu", "Мурат Нуртлеу", "Нуртлеу"),
    country="KZ",
    role="Foreign Minister",
)
CEO = Person(name="Ada Example", aliases=("AE",), country="", role="CEO")


@pytest.fixture(autouse=True)
def people() -> Iterator[None]:
    # Never read the real configuration directory: inject the people, restore afterwards.
    set_extra_people([MINISTER, CEO])
    yield
    set_extra_people([])


def test_analyze_finds_configured_minister_by_alias() -> None:
    item = Item(
        title="Talks in Astana",
        body="Foreign Minister Nurtleu met his counterpart. Later Nurtleu said talks went well.",
        published=dt.datetime(2024, 7, 3, tzinfo=dt.UTC),
    )
    hits = {h.id: h for h in analyze(item).leaders}
    hit = hits["person:murat-nurtleu"]
    assert hit.name == "Murat Nurtleu" and hit.country == "KZ"
    assert [item.body[m.start : m.end] for m in hit.mentions] == ["Nurtleu", "Nurtleu"]


def test_cyrillic_alias_with_case_ending() -> None:
    text = "Встреча с Нуртлеу и письмо Мурату. Мурат Нуртлеу заявил."
    got = [(text[s:e], pid) for s, e, pid in find_names(text)]
    assert ("Мурат Нуртлеу", "person:murat-nurtleu") in got
    assert ("Нуртлеу", "person:murat-nurtleu") in got


def test_match_leader_term_and_all_leaders() -> None:
    for term in ("Nurtleu", "murat nurtleu", "НУРТЛЕУ", "person:murat-nurtleu"):
        assert match_leader_term(term) == {"person:murat-nurtleu"}, term
    rows = all_leaders()
    assert ("person:murat-nurtleu", "Murat Nurtleu", "KZ") in rows
    assert ("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KZ") in rows


def test_short_alias_is_case_sensitive() -> None:
    assert [p for _, _, p in find_names("AE said so.")] == ["person:ada-example"]
    assert find_names("The ae of it; AEGIS is a system.") == []


def test_person_already_a_leader_is_not_duplicated() -> None:
    set_extra_people([Person(name="Olzhas Bektenov", aliases=("Премьер Бектенов",))])
    assert not [r for r in all_leaders() if r[0].startswith("person:")]
    assert match_leader_term("Премьер Бектенов") == {"olzhas-bektenov"}


def test_no_people_means_only_the_gazetteer() -> None:
    set_extra_people([])
    assert match_leader_term("Nurtleu") == frozenset()
