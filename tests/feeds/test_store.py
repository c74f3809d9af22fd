"""The SQLite store on real files: dedup, persistence, migrations, filters, paging, counts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feeds.errors import StoreError
from feeds.models import Analysis, Item, LeaderHit, Quote, SectorScore, Span
from feeds.query import Query, parse_query
from feeds.store import Headline, PageKey, Store, schema

NOW = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
TOKAYEV = ("kassym-jomart-tokayev", "Kassym-Jomart Tokáyev", "KZ")
XI = ("xi-jinping", "Xi Jinping", "CN")
PUTIN = ("vladimir-putin", "Vladimir Putin", "RU")


def make(
    n: int,
    *,
    title: str = "Item",
    body: str = "plain text",
    source: str = "El.kz",
    hours_ago: float | None = None,
    leaders: tuple[tuple[str, str, str], ...] = (),
    sectors: tuple[tuple[str, float], ...] = (),
) -> tuple[Item, Analysis]:
    """One (item, analysis) pair; distinct ``n`` gives distinct keys."""
    published = NOW - timedelta(hours=n if hours_ago is None else hours_ago)
    item = Item(
        title=f"{title} {n}",
        body=body,
        source=source,
        url=f"https://news.example/{n}",
        published=published,
    )
    analysis = Analysis(
        leaders=tuple(LeaderHit(i, name, c, (Span(0, 1),)) for i, name, c in leaders),
        sectors=tuple(SectorScore(s, s.title(), score) for s, score in sectors),
    )
    return item, analysis


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "sub" / "news.db", clock=lambda: NOW) as s:
        yield s


@pytest.fixture
def filled(store: Store) -> Store:
    """Ten items with leaders, sectors, sources and text worth filtering."""
    store.import_items(
        [
            make(1, leaders=(TOKAYEV,), sectors=(("energy", 3.0), ("finance", 1.0))),
            make(2, leaders=(TOKAYEV, XI), sectors=(("energy", 1.0),), source="Reuters"),
            make(3, leaders=(XI,), body="The central bank raised rates", source="Reuters UK"),
            make(4, body="bank holiday and pipelines", sectors=(("finance", 2.0),)),
            make(5, leaders=(PUTIN,), body="Oil pipeline talks", source="TASS"),
            make(6, body="pipelines everywhere", sectors=(("energy", 2.0), ("finance", 2.5))),
            make(7, title="Crème brûlée", body="dessert diplomacy"),
            make(30, body="old central bank news"),
            make(100, leaders=(TOKAYEV,), body="AND OR NOT NEAR star*"),
            make(200, body="ancient"),
        ]
    )
    return store


def titles(rows: list[Headline]) -> list[str]:
    return [r.title for r in rows]


def ids(store: Store, text: str) -> list[int]:
    return [int(r.title.split()[-1]) for r in store.page(parse_query(text), limit=1000)]


# -- opening, migrations, errors -------------------------------------------------------------


def test_open_creates_dirs_wal_and_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "news.db"
    with Store.open(path) as s:
        assert s.is_empty() and s.total() == 0
        assert s.journal_mode == "wal"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    conn.close()


def test_v1_database_upgrades_when_a_migration_is_appended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    with Store.open(path) as s:
        s.import_items([make(1)])

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE items ADD COLUMN note TEXT NOT NULL DEFAULT ''")

    shipped = len(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, add_column])
    with Store.open(path) as s:
        assert s.total() == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == shipped + 1
    assert conn.execute("SELECT note FROM items").fetchone() == ("",)
    conn.close()


def test_failed_migration_leaves_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    Store.open(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half (x)")
        conn.execute("THIS IS NOT SQL")

    shipped = len(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    with pytest.raises(StoreError):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == shipped
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='half'").fetchone() == (0,)
    conn.close()


def test_first_release_database_upgrades_to_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
        with Store.open(path) as s:
            s.import_items([make(1)])
    with Store.open(path) as s:
        assert s.total() == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(schema.MIGRATIONS)
    assert conn.execute("SELECT count(*) FROM feed_state").fetchone() == (0,)
    conn.close()


def test_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer") as info:
        Store.open(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 2000]
)
def test_corrupt_or_foreign_file_is_a_store_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "news.db"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)


def test_other_apps_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a newsdesk database"):
        Store.open(path)


def test_locked_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store.open(path, busy_timeout_ms=50) as s:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="locked"):
                s.import_items([make(1)])
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert s.import_items([make(1)]).added == 1


# -- writing ---------------------------------------------------------------------------------


def test_dedup_same_items_twice(store: Store) -> None:
    pairs = [make(i) for i in range(5)]
    assert store.import_items(pairs).added == 5
    again = store.import_items(pairs)
    assert (again.added, again.duplicates) == (0, 5)
    assert store.total() == 5
    # Duplicates inside one batch count too.
    within = store.import_items([make(9), make(9)])
    assert (within.added, within.duplicates) == (1, 1)


def test_unencodable_item_is_a_failure_not_a_crash(store: Store) -> None:
    bad = Item(title="bad \ud800 surrogate", body="x", url="https://bad.example")
    summary = store.import_items([(bad, Analysis()), make(1)])
    assert summary.added == 1 and len(summary.failures) == 1


def test_read_and_starred_persist_across_reopen_and_reimport(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store.open(path, clock=lambda: NOW) as s:
        s.import_items([make(1), make(2), make(3)])
        first, second, third = s.page(Query())
        s.set_read([first.id, second.id], True)
        assert s.toggle_starred(third.id) is True
        assert s.toggle_read(second.id) is False
    with Store.open(path, clock=lambda: NOW) as s:
        assert s.import_items([make(1), make(2), make(3)]).duplicates == 3
        rows = {r.id: r for r in s.page(Query())}
        assert rows[first.id].read and not rows[second.id].read
        assert rows[third.id].starred and not rows[first.id].starred


def test_article_round_trips_item_and_analysis(store: Store) -> None:
    item = Item(
        title="Tokayev meets Xi",
        body="Tokayev said “we agree”.",
        source="Akorda",
        url="",
        published=None,
        photo_credit="Akorda",
        guid="g-1",
        author="Staff",
        origin="/tmp/a.txt",
    )
    analysis = Analysis(
        leaders=(LeaderHit(*TOKAYEV, (Span(0, 7),)), LeaderHit(*XI, (Span(13, 15),))),
        quotes=(Quote(16, 24, "we agree", "Kassym-Jomart Tokáyev", "said", TOKAYEV[0]),),
        sectors=(SectorScore("trade", "Trade", 1.5),),
    )
    store.import_items([(item, analysis)])
    head = store.page(Query())[0]
    assert head.leader_tags == ("Tokáyev", "Xi")  # family-first name order for CN
    assert head.sector_tags == ("trade",)
    article = store.get_article(head.id)
    assert article.item == item and article.item.key == "guid:g-1"
    assert article.analysis == analysis
    assert article.published == NOW and not article.published_known  # import time stands in
    with pytest.raises(StoreError):
        store.get_article(12345)


# -- filters ---------------------------------------------------------------------------------


def test_unfiltered_order_is_newest_first(filled: Store) -> None:
    assert ids(filled, "") == [1, 2, 3, 4, 5, 6, 7, 30, 100, 200]


def test_leader_filter_by_alias_accent_and_id(filled: Store) -> None:
    assert ids(filled, "leader:tokayev") == [1, 2, 100]
    assert ids(filled, "leader:TOKÁYEV") == [1, 2, 100]
    assert ids(filled, "leader:jomart") == [1, 2, 100]
    assert ids(filled, 'leader:"xi jinping"') == [2, 3]
    assert ids(filled, "leader:vladimir-putin") == [5]
    assert ids(filled, "leader:tokayev leader:xi") == [2]  # AND
    assert ids(filled, "leader:nobody") == []
    assert filled.count(parse_query("leader:nobody")) == 0


def test_custom_leader_resolver_then_fallback(tmp_path: Path) -> None:
    aliases = {"president of kazakhstan": ["kassym-jomart-tokayev"]}
    with Store.open(
        tmp_path / "n.db", clock=lambda: NOW, leader_resolver=lambda t: aliases.get(t.lower(), [])
    ) as s:
        s.import_items([make(1, leaders=(TOKAYEV,)), make(2, leaders=(XI,))])
        assert ids(s, 'leader:"President of Kazakhstan"') == [1]
        assert ids(s, "leader:xi") == [2]


def test_sector_filters_are_anded(filled: Store) -> None:
    assert ids(filled, "sector:energy") == [1, 2, 6]
    assert ids(filled, "sector:energy sector:finance") == [1, 6]
    assert ids(filled, "sector:culture") == []
    assert ids(filled, "leader:tokayev sector:finance") == [1]


def test_source_filter_exact_or_prefix_case_insensitive(filled: Store) -> None:
    assert ids(filled, "source:reuters") == [2, 3]
    assert ids(filled, 'source:"reuters uk"') == [3]
    assert ids(filled, "source:EL.KZ") == [1, 4, 6, 7, 30, 100, 200]
    assert ids(filled, "source:tass source:reuters") == [2, 3, 5]  # OR
    assert ids(filled, "source:nowhere") == []


def test_read_and_starred_filters(filled: Store) -> None:
    rows = {int(r.title.split()[-1]): r.id for r in filled.page(Query())}
    filled.set_read([rows[1], rows[3]], True)
    filled.toggle_starred(rows[5])
    assert ids(filled, "is:unread") == [2, 4, 5, 6, 7, 30, 100, 200]
    assert ids(filled, "is:read") == [1, 3]
    assert ids(filled, "is:starred") == [5]
    assert ids(filled, "is:unstarred is:read") == [1, 3]


def test_since_uses_injected_clock(filled: Store) -> None:
    assert ids(filled, "since:6h") == [1, 2, 3, 4, 5, 6]
    assert ids(filled, "since:2d") == [1, 2, 3, 4, 5, 6, 7, 30]
    assert ids(filled, "since:2024-06-29") == [1, 2, 3, 4, 5, 6, 7, 30]


def test_full_text_phrase_prefix_exclusion_and_accents(filled: Store) -> None:
    assert ids(filled, '"central bank"') == [3, 30]
    assert ids(filled, "bank") == [3, 4, 30]
    assert ids(filled, "pipe") == [4, 5, 6]  # prefix
    assert ids(filled, '"pipe"') == []  # a phrase is exact
    assert ids(filled, "pipe -oil") == [4, 6]
    assert ids(filled, '-"central bank" bank') == [4]
    assert len(ids(filled, "-pipelines")) == 8  # exclusion alone
    assert ids(filled, "creme brulee") == [7]  # diacritics folded
    assert ids(filled, "pipe leader:putin") == [5]


@pytest.mark.parametrize(
    "text", ['"', "AND", "OR NOT", "*", "-", "NEAR(", 'NEAR("a" "b", 2)', "a:b:c", "^x", "'", "-*"]
)
def test_hostile_fts_syntax_never_errors(filled: Store, text: str) -> None:
    q = Query(words=(text,), phrases=(text,)) if text.strip() else Query()
    filled.page(q)
    filled.count(q)
    filled.page(Query(excluded=(text,)))


def test_fts_operators_are_plain_words(filled: Store) -> None:
    assert ids(filled, "AND") == [4, 100]  # "and" in item 4's body, as a word
    assert ids(filled, "NEAR") == [100]
    assert ids(filled, "star*") == [100]
    assert ids(filled, '"not near"') == [100]


def test_common_word_strategy_matches_rare_word_strategy(tmp_path: Path) -> None:
    # Enough matches to switch away from sort-by-rowid; results must not depend on the plan.
    with Store.open(tmp_path / "n.db", clock=lambda: NOW) as s:
        s.import_items(
            make(i, body="common" if i % 3 else "common rare", hours_ago=i % 500)
            for i in range(3000)
        )
        for text in ("common", "rare", "comm -rare"):
            q = parse_query(text)
            walked = walk_forward(s, q, 97)
            assert len(walked) == s.count(q)
            assert walked == sorted(walked, key=lambda h: h.sort_key, reverse=True)
            # Single-row pages take the per-row probe plan; same rows, same order.
            assert walk_forward(s, q, 1, stop=40) == walked[:40]


# -- paging, position, next unread, counts ------------------------------------------------


def walk_forward(store: Store, q: Query, size: int, stop: int = 10**9) -> list[Headline]:
    out: list[Headline] = []
    key: PageKey | None = None
    while len(out) < stop and (rows := store.page(q, after=key, limit=size)):
        out += rows
        key = rows[-1].sort_key
    return out


def walk_backward(store: Store, q: Query, size: int) -> list[Headline]:
    out: list[Headline] = []
    key: PageKey | None = None
    while rows := store.page_before(q, key, size):
        out = rows + out
        key = rows[0].sort_key
    return out


@pytest.fixture
def ties(store: Store) -> Store:
    """50 items on only 7 distinct timestamps, to prove ties break by id."""
    store.import_items(
        make(i, hours_ago=i % 7, leaders=(TOKAYEV,) if i % 2 else ()) for i in range(50)
    )
    return store


@pytest.mark.parametrize("text", ["", "leader:tokayev", "plain -nothing"])
@pytest.mark.parametrize("size", [1, 7, 50, 200])
def test_keyset_paging_both_ways_equals_full_order(ties: Store, text: str, size: int) -> None:
    q = parse_query(text)
    full = ties.page(q, limit=1000)
    expected = sorted(full, key=lambda h: (h.published_ts, h.id), reverse=True)
    assert full == expected and len(full) == ties.count(q)
    assert walk_forward(ties, q, size) == full
    assert walk_backward(ties, q, size) == full


def test_page_before_returns_rows_just_before_key(ties: Store) -> None:
    full = ties.page(Query(), limit=1000)
    assert ties.page_before(Query(), full[10].sort_key, 3) == full[7:10]
    assert ties.page_before(Query(), None, 4) == full[-4:]
    assert ties.page(Query(), after=full[-1].sort_key) == []


def test_position_matches_list_index(ties: Store) -> None:
    for text in ("", "leader:tokayev"):
        q = parse_query(text)
        full = ties.page(q, limit=1000)
        assert [ties.position(q, h.id) for h in full] == list(range(len(full)))
    untagged = next(h for h in ties.page(Query(), limit=1000) if not h.leader_tags)
    assert ties.position(parse_query("leader:tokayev"), untagged.id) is None
    assert ties.position(Query(), 99999) is None


def test_next_unread_forward_and_backwards(ties: Store) -> None:
    full = ties.page(Query(), limit=1000)
    ties.set_read([h.id for h in full[:5]] + [h.id for h in full[6:20]], True)
    assert ties.next_unread(Query()) == ties.page(Query(), limit=1000)[5]
    got = ties.next_unread(Query(), full[5].sort_key)
    assert got is not None and got.id == full[20].id
    back = ties.next_unread(Query(), full[20].sort_key, backwards=True)
    assert back is not None and back.id == full[5].id
    assert ties.next_unread(Query(), full[5].sort_key, backwards=True) is None


def test_leader_and_sector_counts_within_view(filled: Store) -> None:
    assert filled.leader_counts(Query()) == [
        ("kassym-jomart-tokayev", "Kassym-Jomart Tokáyev", 3),
        ("xi-jinping", "Xi Jinping", 2),
        ("vladimir-putin", "Vladimir Putin", 1),
    ]
    assert filled.leader_counts(parse_query("source:reuters")) == [
        ("xi-jinping", "Xi Jinping", 2),
        ("kassym-jomart-tokayev", "Kassym-Jomart Tokáyev", 1),
    ]
    assert filled.sector_counts(Query()) == [("energy", 3), ("finance", 3)]
    assert filled.sector_counts(parse_query("leader:tokayev")) == [("energy", 2), ("finance", 1)]
    assert filled.leader_counts(parse_query("leader:nobody")) == []
    assert filled.count(parse_query("sector:energy")) == 3
    assert filled.total() == 10 and not filled.is_empty()


# -- batches ---------------------------------------------------------------------------------


def test_batch_commits_once_and_a_failed_write_inside_rolls_back_alone(tmp_path: Path) -> None:
    from feeds.store import feedstate

    path = tmp_path / "news.db"
    with Store.open(path) as s:
        with s.batch():
            s.store_items([make(1)[0]])
            with pytest.raises(StoreError), s._transaction() as conn:
                conn.execute("INSERT INTO feed_state (url, title) VALUES ('u', 'half written')")
                conn.execute("INSERT INTO no_such_table VALUES (1)")
            feedstate.record_success(s, "v", now=5, content_hash="ab", content_items=1)
            with s.batch():  # nested: part of the outer one
                s.store_items([make(2)[0]])
            # Another connection sees nothing before the commit.
            other = sqlite3.connect(path)
            assert other.execute("SELECT count(*) FROM items").fetchone() == (0,)
            other.close()
        assert s.total() == 2
        assert feedstate.get_state(s, "u") is None
        state = feedstate.get_state(s, "v")
        assert state is not None and (state.content_hash, state.content_items) == ("ab", 1)


def test_a_batch_that_raises_rolls_back_everything(tmp_path: Path) -> None:
    with Store.open(tmp_path / "news.db") as s:
        with pytest.raises(RuntimeError), s.batch():
            s.store_items([make(1)[0]])
            raise RuntimeError("stop")
        assert s.total() == 0
        s.store_items([make(2)[0]])  # usable afterwards, outside any batch
        assert s.total() == 1
