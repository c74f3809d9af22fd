"""Clusters in the store: assigned at import, collapsed in lists, expanded by ``cluster:N``.

Decided semantics (also in ``Store._plan``):

* Every list (page, page_before, count, position, next_unread, leader/sector counts) shows one
  row per cluster, its newest member, unless the query has ``cluster:N`` (all members of those
  clusters, nothing collapsed) or ``source:`` (that outlet's own items, each one: the head may
  belong to another outlet, and the row's ``outlets`` still says who else carried it).
* Other filters apply to the head: ``leader:``/``sector:``/``is:``/text match the row shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path

import pytest

from feeds.models import Analysis, Figure, Item, LeaderHit, Span
from feeds.query import Query, parse_query
from feeds.store import Headline, Store, schema
from tests.feeds.test_store import walk_backward, walk_forward

NOW = datetime(2025, 4, 6, 12, 0, tzinfo=UTC)
TOKAYEV = LeaderHit("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KZ", (Span(0, 1),))
XI = LeaderHit("xi-jinping", "Xi Jinping", "CN", (Span(0, 1),))
REUTERS = "003_reuters_eu_central_asia_raw_materials_summit.txt"
XINHUA = "004_xinhua_chinese_president_central_asia_trade.txt"
MACRON = "006_reuters_macron_war_economy_defence.txt"


def text(name: str) -> tuple[str, str]:
    raw = resources.files("feeds.samples").joinpath(name).read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    return title.strip(), body.strip()


def copy_of(
    name: str,
    source: str,
    hours_ago: float,
    *,
    leaders: tuple[LeaderHit, ...] = (TOKAYEV,),
    cut: int = 0,
) -> tuple[Item, Analysis]:
    """An outlet's re-publication: its own headline and URL, the last ``cut`` paragraphs gone."""
    title, body = text(name)
    paragraphs = body.split("\n\n")
    body = "\n\n".join(paragraphs[: len(paragraphs) - cut])
    item = Item(
        title=f"{source}: {title}",
        body=body,
        source=source,
        url=f"https://{source.lower()}.example/{name}",
        published=NOW - timedelta(hours=hours_ago),
    )
    return item, Analysis(leaders=leaders)


def plain(
    n: int, *, hours_ago: float | None = None, source: str = "El.kz"
) -> tuple[Item, Analysis]:
    item = Item(
        title=f"Item {n}",
        body="plain text",
        source=source,
        url=f"https://plain.example/{n}",
        published=NOW - timedelta(hours=n if hours_ago is None else hours_ago),
    )
    return item, Analysis()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "news.db", clock=lambda: NOW) as s:
        yield s


@pytest.fixture
def wire(store: Store) -> Store:
    """One Reuters story carried by three outlets, plus two unrelated stories."""
    store.import_items(
        [
            copy_of(REUTERS, "Reuters", 30),
            copy_of(XINHUA, "Xinhua", 20, leaders=(XI,)),
            copy_of(REUTERS, "Kazinform", 10, cut=1),
            copy_of(MACRON, "Reuters", 5, leaders=()),
            copy_of(REUTERS, "Astana Times", 2, cut=2),
        ]
    )
    return store


def by_source(rows: list[Headline]) -> list[str]:
    return [r.source for r in rows]


def test_three_outlets_collapse_into_one_row(wire: Store) -> None:
    rows = wire.page(Query())
    assert by_source(rows) == ["Astana Times", "Reuters", "Xinhua"]
    head = rows[0]
    assert head.outlets == 2 and head.cluster_id is not None
    assert rows[1].outlets == 0 and rows[1].cluster_id is None
    assert wire.count(Query()) == 3 and wire.total() == 5
    assert wire.cluster_kind(head.cluster_id) == "copy"
    article = wire.get_article(head.id)
    assert article.cluster_id == head.cluster_id and article.outlets == 2


def test_cluster_query_lists_every_member(wire: Store) -> None:
    head = wire.page(Query())[0]
    assert head.cluster_id is not None
    q = Query(clusters=(head.cluster_id,))
    members = wire.page(q)
    assert by_source(members) == ["Astana Times", "Kazinform", "Reuters"]
    assert all(m.outlets == 2 and m.cluster_id == head.cluster_id for m in members)
    assert wire.count(q) == 3 and wire.count(parse_query(f"cluster:{head.cluster_id}")) == 3
    assert wire.cluster_members(head.cluster_id) == members
    assert wire.cluster_members(12345) == []
    assert [wire.position(q, m.id) for m in members] == [0, 1, 2]
    # Hidden members have no position in the collapsed list.
    assert wire.position(Query(), members[1].id) is None
    assert wire.position(Query(), head.id) == 0


def test_reading_one_member_reads_the_cluster(wire: Store) -> None:
    head = wire.page(Query())[0]
    assert head.cluster_id is not None
    oldest = wire.cluster_members(head.cluster_id)[-1]
    wire.set_read([oldest.id], True)
    assert all(m.read for m in wire.cluster_members(head.cluster_id))
    assert by_source(wire.page(parse_query("is:unread"))) == ["Reuters", "Xinhua"]
    assert wire.count(parse_query("is:read")) == 1
    wire.set_read([head.id], False, whole_cluster=False)
    assert [m.read for m in wire.cluster_members(head.cluster_id)] == [False, True, True]
    assert wire.toggle_read(head.id) is True
    assert all(m.read for m in wire.cluster_members(head.cluster_id))
    assert wire.toggle_read(oldest.id) is False
    assert not any(m.read for m in wire.cluster_members(head.cluster_id))
    assert wire.toggle_read(oldest.id, whole_cluster=False) is True
    assert [m.read for m in wire.cluster_members(head.cluster_id)] == [False, False, True]


def test_next_unread_skips_hidden_members(wire: Store) -> None:
    first = wire.next_unread(Query())
    assert first is not None and first.source == "Astana Times"
    after = wire.next_unread(Query(), first.sort_key)
    assert after is not None and after.source == "Reuters" and after.cluster_id is None


def test_source_filter_lists_that_outlets_own_items(wire: Store) -> None:
    rows = wire.page(parse_query("source:kazinform"))
    assert by_source(rows) == ["Kazinform"] and rows[0].outlets == 2
    assert wire.count(parse_query("source:reuters")) == 2  # its copy and its Macron story
    assert wire.count(parse_query("source:reuters source:kazinform")) == 3


def test_leader_sector_and_text_filters_collapse(wire: Store) -> None:
    assert by_source(wire.page(parse_query("leader:tokayev"))) == ["Astana Times"]
    assert wire.count(parse_query("leader:tokayev")) == 1
    assert wire.leader_counts(Query()) == [
        ("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", 1),
        ("xi-jinping", "Xi Jinping", 1),
    ]
    assert wire.leader_counts(parse_query("source:kazinform")) == [
        ("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", 1)
    ]
    # "uranium" occurs in every copy of the Reuters story and nowhere else.
    assert wire.count(parse_query("uranium")) == 1
    assert by_source(wire.page(parse_query("uranium"))) == ["Astana Times"]
    head = wire.page(Query())[0]
    assert wire.count(parse_query(f"uranium cluster:{head.cluster_id}")) == 3
    assert wire.count(parse_query(f"leader:tokayev cluster:{head.cluster_id}")) == 3


def test_reimport_adds_nothing(wire: Store) -> None:
    before = wire.page(Query(clusters=(wire.page(Query())[0].cluster_id or 0,)))
    summary = wire.import_items([copy_of(REUTERS, "Reuters", 30), copy_of(MACRON, "Reuters", 5)])
    assert (summary.added, summary.duplicates) == (0, 2)
    assert wire.count(Query()) == 3
    assert wire.page(Query(clusters=(before[0].cluster_id or 0,))) == before


def test_a_later_copy_becomes_the_head_in_a_later_import(wire: Store) -> None:
    head = wire.page(Query())[0]
    wire.import_items([copy_of(REUTERS, "Tengrinews", 1, cut=1)])
    rows = wire.page(Query())
    assert rows[0].source == "Tengrinews" and rows[0].cluster_id == head.cluster_id
    assert rows[0].outlets == 3 and wire.count(Query()) == 3


def test_copies_more_than_a_week_apart_stay_separate(store: Store) -> None:
    store.import_items([copy_of(REUTERS, "Reuters", 24 * 9), copy_of(REUTERS, "Kazinform", 1)])
    assert store.count(Query()) == 2
    assert all(r.cluster_id is None for r in store.page(Query()))


def test_same_story_by_leader_and_figure_within_72h(store: Store) -> None:
    figure = Figure(0, 1, "$41 billion", "money", 41e9, "USD")

    def story(n: int, title: str, hours_ago: float) -> tuple[Item, Analysis]:
        item = Item(
            title=title,
            body=f"Report number {n}.",
            source=f"Outlet {n}",
            url=f"https://s.example/{n}",
            published=NOW - timedelta(hours=hours_ago),
        )
        return item, Analysis(leaders=(TOKAYEV,), figures=(figure,))

    store.import_items(
        [
            story(1, "Tokayev hails record trade", 100),
            story(2, "Kazakhstan trade hits new high", 50),
            story(3, "Astana reports trade figures", 10),
        ]
    )
    rows = store.page(Query())
    # 50 h and 10 h ago are 40 h apart: one story; 100 h ago is 50 h from the next: also linked.
    assert len(rows) == 1 and rows[0].outlets == 2
    assert rows[0].cluster_id is not None and store.cluster_kind(rows[0].cluster_id) == "story"
    store.import_items([story(4, "Tokayev trade, again", 24 * 8)])
    assert store.count(Query()) == 2  # 8 days ago: more than 72 h from every member


def test_collapse_without_links_changes_nothing(store: Store) -> None:
    store.import_items(plain(i) for i in range(20))
    assert store.count(Query()) == 20
    assert all(r.cluster_id is None and r.outlets == 0 for r in store.page(Query()))


# -- paging exactness over collapsed views --------------------------------------------------


@pytest.fixture
def mixed(store: Store) -> Store:
    """Unclustered items on few timestamps (ties), interleaved with clustered copies."""
    pairs = [plain(i, hours_ago=i % 5, source="TASS" if i % 3 else "El.kz") for i in range(30)]
    for k, name in enumerate((REUTERS, XINHUA, MACRON)):
        for j, source in enumerate(("Reuters", "Kazinform", "AP")):
            pairs.append(copy_of(name, source, hours_ago=k + j * 0.5, cut=j))
    store.import_items(pairs)
    return store


@pytest.mark.parametrize("text", ["", "leader:tokayev", "is:unread", "source:tass", "item"])
@pytest.mark.parametrize("size", [1, 4, 13, 100])
def test_keyset_paging_over_collapsed_views_is_exact(mixed: Store, text: str, size: int) -> None:
    q = parse_query(text)
    full = mixed.page(q, limit=1000)
    assert full == sorted(full, key=lambda h: h.sort_key, reverse=True)
    assert len(full) == mixed.count(q)
    assert walk_forward(mixed, q, size) == full
    assert walk_backward(mixed, q, size) == full
    assert [mixed.position(q, h.id) for h in full] == list(range(len(full)))


def test_collapsed_view_has_one_row_per_cluster(mixed: Store) -> None:
    full = mixed.page(Query(), limit=1000)
    assert len(full) == 30 + 3 and mixed.total() == 39
    clustered = [h for h in full if h.cluster_id is not None]
    assert len({h.cluster_id for h in clustered}) == 3 and all(h.outlets == 2 for h in clustered)


# -- schema ----------------------------------------------------------------------------------


def test_v2_database_upgrades_and_old_items_stay_unclustered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        with Store.open(path, clock=lambda: NOW) as s:
            s.import_items([copy_of(REUTERS, "Reuters", 3)])
            assert s.page(Query())[0].outlets == 0
    with Store.open(path, clock=lambda: NOW) as s:
        # No signature was stored before v3, so the new copy has nothing to match.
        s.import_items([copy_of(REUTERS, "Kazinform", 1)])
        assert s.count(Query()) == 2
        s.import_items([copy_of(REUTERS, "AP", 0.5, cut=1)])
        rows = s.page(Query())
        assert rows[0].source == "AP" and rows[0].outlets == 1 and s.count(Query()) == 2
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS) >= 3
    conn.close()


def test_a_merge_that_leaves_no_room_still_refreshes_heads(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two clusters merged for an item that then does not fit: every member of the merged
    cluster agrees on its one head and outlet count (they used to keep the old cluster's)."""
    from feeds.store import clusters

    store.import_items([plain(n, source=f"S{n}") for n in range(1, 6)])
    ids = [h.id for h in store.page(parse_query(""))]
    monkeypatch.setattr(clusters, "MERGE_LIMIT", 4)
    now = int(NOW.timestamp())
    with store._transaction() as conn:
        first = clusters._link(conn, ids[0], {ids[1]}, set(), now)
        second = clusters._link(conn, ids[2], {ids[3]}, set(), now)
        assert first != second
        assert clusters._link(conn, ids[4], {ids[0], ids[2]}, set(), now) is None
    rows = store._conn.execute(
        "SELECT cluster_id, is_head, outlets FROM items WHERE cluster_id IS NOT NULL"
    ).fetchall()
    assert {r[0] for r in rows} == {first} and len(rows) == 4
    assert sum(r[1] for r in rows) == 1 and {r[2] for r in rows} == {3}


def test_migration_8_rebands_recent_items_for_the_new_copy_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stores from before v8 hold 42 copy bands per item in the old layout: they are replaced
    by the 21 new ones (from the stored signatures) for recent items, so a new copy of an
    item stored before the upgrade still finds it; story bands are untouched."""
    from feeds.analysis import samestory

    path = tmp_path / "news.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:7])
        with Store.open(path, clock=lambda: NOW) as s:
            s.import_items([copy_of(REUTERS, "Reuters", 3), copy_of(MACRON, "Reuters", 24 * 30)])
    conn = sqlite3.connect(path)
    # Make it an old store: its copy rows in the pre-v8 layout (band numbers 0-41, CRC keys).
    story_rows = conn.execute("SELECT count(*) FROM item_band WHERE band_key >= 42 << 32")
    stories = story_rows.fetchone()[0]
    conn.execute("DELETE FROM item_band WHERE band_key < 42 << 32")
    items = conn.execute("SELECT item_id, published_ts FROM item_signature").fetchall()
    conn.executemany(
        "INSERT INTO item_band VALUES (?, ?, ?)",
        [
            ((band << 32) | (7919 * item_id + band), ts, item_id)
            for item_id, ts in items
            for band in range(42)
        ],
    )
    conn.commit()
    conn.close()
    with Store.open(path, clock=lambda: NOW) as s:
        s.import_items([copy_of(REUTERS, "Kazinform", 1, cut=1)])
        rows = s.page(Query())
        assert rows[0].source == "Kazinform" and rows[0].outlets == 1 and s.count(Query()) == 2
    conn = sqlite3.connect(path)
    recent, old = conn.execute(
        "SELECT item_id, minhash FROM item_signature ORDER BY published_ts DESC"
    ).fetchall()[1:]
    for item_id, blob, want in ((recent[0], recent[1], True), (old[0], old[1], False)):
        keys = sorted(
            r[0]
            for r in conn.execute(
                "SELECT band_key FROM item_band WHERE item_id = ? AND band_key < 42 << 32",
                (item_id,),
            )
        )
        # The month-old item is outside the re-banded span: no copy rows at all any more.
        assert keys == (sorted(samestory.copy_band_keys_stored(blob)) if want else [])
    assert (
        conn.execute("SELECT count(*) FROM item_band WHERE band_key >= 42 << 32").fetchone()[0]
        >= stories
    )
    conn.close()
