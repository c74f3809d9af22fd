"""The filter language: parsing, canonical rendering, chips and completion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from feeds.errors import QueryError
from feeds.query import SECTOR_IDS, Query, complete, parse_query


def test_parses_every_kind_of_term() -> None:
    q = parse_query(
        'leader:tokayev leader:"xi jinping" sector:energy source:El.kz is:unread is:starred '
        'since:7d cluster:4 "exact phrase" words -excluded -"excluded phrase"'
    )
    assert q == Query(
        leaders=("tokayev", "xi jinping"),
        sectors=("energy",),
        sources=("el.kz",),
        unread=True,
        starred=True,
        since=timedelta(days=7),
        phrases=("exact phrase",),
        words=("words",),
        excluded=("excluded", "excluded phrase"),
        clusters=(4,),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since:12h", timedelta(hours=12)),
        ("since:2w", timedelta(weeks=2)),
        ("since:30m", timedelta(minutes=30)),
    ],
)
def test_since_spans(text: str, expected: timedelta) -> None:
    assert parse_query(text).since == expected


def test_since_iso_date_and_read_states() -> None:
    q = parse_query("since:2024-07-01 is:read")
    assert q.since_date == date(2024, 7, 1) and q.since is None
    assert q.unread is False


@pytest.mark.parametrize(
    "text",
    [
        "",
        'leader:"xi jinping" sector:finance source:reuters is:read is:unstarred since:3d',
        'since:2024-07-01 "unbalanced rest of line',
        'https://x.example 10:30 foo"bar --dash -leader:y cluster:7',
        'a  b   "c   d"  -"e f"',
    ],
)
def test_to_text_round_trips(text: str) -> None:
    q = parse_query(text)
    assert parse_query(q.to_text()) == q
    assert parse_query(q.to_text()).to_text() == q.to_text()


def test_unbalanced_quote_takes_rest_as_phrase() -> None:
    assert parse_query('oil "central bank').phrases == ("central bank",)
    assert parse_query('"').is_empty
    assert parse_query('leader:"kim jong').leaders == ("kim jong",)


def test_unknown_key_is_a_clear_error() -> None:
    with pytest.raises(QueryError, match="unknown filter 'colour:'"):
        parse_query("colour:red")


def test_unknown_sector_lists_valid_ids() -> None:
    with pytest.raises(QueryError) as info:
        parse_query("sector:banking")
    assert "banking" in str(info.value)
    assert all(s in str(info.value) for s in SECTOR_IDS)


@pytest.mark.parametrize("text", ["is:maybe", "since:soon", "since:", "cluster:x"])
def test_bad_values_raise_query_error(text: str) -> None:
    with pytest.raises(QueryError):
        parse_query(text)


def test_without_removes_one_chip() -> None:
    q = parse_query("leader:a leader:b is:unread since:1d oil")
    assert q.without("leaders", "a").leaders == ("b",)
    assert q.without("unread").unread is None
    assert q.without("since").since is None
    assert q.without("words", "oil").words == ()
    assert q.without("words", "absent") == q
    kinds = [kind for kind, _ in q.chips()]
    assert kinds == ["leaders", "leaders", "unread", "since", "words"]


def test_complete_keys_and_values() -> None:
    names = ["Xi Jinping", "Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan"]
    assert complete("oil le", 6, names) == ["leader:"]
    assert complete("leader:jin", 10, names) == ['leader:"Xi Jinping"']
    assert complete("leader:jom", 10, names) == ['leader:"Kassym-Jomart Tokayev"']
    assert complete("leader:erdog", 12, names) == ['leader:"Recep Tayyip Erdoğan"']
    assert complete("sector:en", 9, names, SECTOR_IDS) == ["sector:energy"]
    assert complete("is:un", 5, names) == ["is:unread", "is:unstarred"]
    # Completion looks only at the token under the cursor.
    assert complete("sector:en oil", 9, names) == ["sector:energy"]
    assert complete("colour:", 7, names) == []
