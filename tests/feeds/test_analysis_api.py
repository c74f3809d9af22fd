"""Public API: analyze(), JSON contract and roundtrip, robustness on arbitrary input."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.analysis import SECTORS, analysis_from_json, analysis_to_json, analyze
from feeds.models import Item

BODY = (
    "President of Kazakhstan Kassym-Jomart Tokayev met Chinese President Xi Jinping.\n\n"
    "“Trade reached a record $41 billion and 45 joint projects are under way,” Tokayev said.\n\n"
    "They discussed energy, transport, logistics and finance."
)


def _item() -> Item:
    return Item(
        title="Tokayev meets Xi",
        body=BODY,
        source="Test",
        url="https://x.test/a",
        published=dt.datetime(2024, 7, 3, 14, 3, tzinfo=dt.UTC),
    )


def test_json_contract_keys_and_spans() -> None:
    item = _item()
    d = analysis_to_json(item, analyze(item))
    assert set(d) >= {
        "title",
        "source",
        "url",
        "published",
        "photo_credit",
        "body",
        "leaders",
        "quotes",
        "figures",
        "sectors",
    }
    assert d["published"] == "2024-07-03T14:03:00+00:00"
    for h in d["leaders"]:
        assert set(h) == {"id", "name", "country", "mentions", "short"}
        for m in h["mentions"]:
            assert set(m) == {"start", "end"}
    for q in d["quotes"]:
        assert BODY[q["start"] : q["end"]] == q["text"]
    for f in d["figures"]:
        assert BODY[f["start"] : f["end"]] == f["text"]
        assert f["kind"] in {"money", "percent", "count", "quantity", "date"}
    assert all(s["id"] in SECTORS for s in d["sectors"])
    json.dumps(d)  # serialisable as is


def test_json_roundtrip() -> None:
    item = _item()
    a = analyze(item)
    assert a.leaders and a.quotes and a.figures and a.sectors
    assert analysis_from_json(json.loads(json.dumps(analysis_to_json(item, a)))) == a


def test_published_none_uses_today_and_empty_body() -> None:
    a = analyze(Item(title="", body=""))
    assert a.leaders == a.quotes == a.figures == a.sectors == ()
    assert analyze(Item(title="x", body="The President of Kazakhstan spoke.")).leaders


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=40))
def test_analyze_never_raises(body: str, title: str) -> None:
    a = analyze(Item(title=title, body=body))
    for h in a.leaders:
        for m in h.mentions:
            assert 0 <= m.start < m.end <= len(body)
    for q in a.quotes:
        assert 0 <= q.start <= q.end <= len(body)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "“",
                "”",
                '"',
                "«",
                "»",
                "„",
                "‘",
                "’",
                "\n\n",
                "Tokayev",
                " said",
                " the president",
                "$4",
                "5%",
                ",",
                " word",
                ".",
            ]
        ),
        max_size=40,
    )
)
def test_analyze_never_raises_on_punctuation_soup(parts: list[str]) -> None:
    analyze(Item(title="", body="".join(parts)))
