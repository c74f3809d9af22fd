"""Two-phase import: items are stored and listed first, analysed afterwards; dedup comes first;
``replace_content`` swaps an item's text and analysis in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import feeds.analysis
from feeds.analysis import samestory
from feeds.ingest import analyse_pending, import_paths, replace_body
from feeds.leader_lookup import resolve_leader_term
from feeds.models import Analysis, Item, LeaderHit, SectorScore, Span
from feeds.query import parse_query
from feeds.store import Store, clusters

NOW = datetime(2025, 4, 6, 12, 0, tzinfo=UTC)
TOKAYEV_TEXT = (
    "President Kassym-Jomart Tokayev met energy ministers in Astana on Monday to discuss "
    "oil exports, new pipelines and the price of gas for the coming winter season."
)


def news(n: int, body: str = "Plain words about the weather and nothing else.") -> Item:
    return Item(
        title=f"Story {n}",
        body=body,
        source="El.kz",
        url=f"https://el.example/{n}",
        published=NOW - timedelta(hours=n),
        feed_url="https://el.example/feed",
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "news.db", leader_resolver=resolve_leader_term) as s:
        yield s


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Titles of the items the analysis engine was called on."""
    calls: list[str] = []
    real = feeds.analysis.analyze

    def counting(item: Item) -> Analysis:
        calls.append(item.title)
        return real(item)

    monkeypatch.setattr(feeds.analysis, "analyze", counting)
    return calls


def test_items_are_listed_before_analysis_and_filterable_after(
    store: Store, counted: list[str]
) -> None:
    summary = store.store_items([news(1, TOKAYEV_TEXT), news(2)])
    assert (summary.added, summary.duplicates) == (2, 0)
    # Phase 1: listed, not analysed, no leader or full-text entry yet.
    assert [h.title for h in store.page(parse_query(""))] == ["Story 1", "Story 2"]
    assert store.count(parse_query("source:el.kz")) == 2
    assert store.count(parse_query("pipelines")) == 0
    assert store.count(parse_query("leader:tokayev")) == 0
    assert store.pending_count() == 2 and counted == []
    # Phase 2: indexed for text search exactly once.
    assert analyse_pending(store) == 2
    assert store.count(parse_query("pipelines")) == 1
    fts_integrity_check(store)
    assert sorted(counted) == ["Story 1", "Story 2"]
    assert store.pending_count() == 0
    [hit] = store.page(parse_query("leader:tokayev"))
    assert hit.title == "Story 1" and hit.leader_tags == ("Tokayev",)
    assert store.count(parse_query("sector:energy")) >= 1
    assert store.get_article(hit.id).analysis.leaders
    assert analyse_pending(store) == 0


def test_analyse_pending_batches_limit_and_stop(store: Store) -> None:
    store.store_items([news(n) for n in range(1, 8)])
    seen: list[int] = []
    assert analyse_pending(store, limit=5, batch=2, on_batch=seen.append) == 5
    assert seen == [2, 4, 5] and store.pending_count() == 2
    assert analyse_pending(store, should_stop=lambda: True) == 0
    assert analyse_pending(store) == 2 and store.pending_count() == 0


def test_crash_between_phases_loses_nothing(tmp_path: Path, counted: list[str]) -> None:
    path = tmp_path / "news.db"
    with Store.open(path, leader_resolver=resolve_leader_term) as s:
        s.store_items([news(1, TOKAYEV_TEXT), news(2)])
    # "Crash": the process ends before phase 2. A crash *during* a phase-2 batch rolls the
    # batch back (one transaction), which is the same state.
    with Store.open(path, leader_resolver=resolve_leader_term) as s:
        assert s.total() == 2 and s.pending_count() == 2
        assert s.count(parse_query("leader:tokayev")) == 0
        assert analyse_pending(s) == 2
        assert s.count(parse_query("leader:tokayev")) == 1


def test_failed_batch_rolls_back_and_stays_pending(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.store_items([news(1, TOKAYEV_TEXT), news(2)])

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(clusters, "assign_many", boom)
    with pytest.raises(RuntimeError):
        analyse_pending(store)
    assert store.pending_count() == 2
    assert store.count(parse_query("leader:tokayev")) == 0
    monkeypatch.undo()
    assert analyse_pending(store) == 2
    assert store.count(parse_query("leader:tokayev")) == 1


def test_reimport_adds_nothing_and_analyses_nothing(
    store: Store, counted: list[str], tmp_path: Path
) -> None:
    store.store_items([news(1, TOKAYEV_TEXT), news(2)])
    analyse_pending(store)
    counted.clear()
    again = store.store_items([news(1, TOKAYEV_TEXT), news(2), news(3)])
    assert (again.added, again.duplicates) == (1, 2)
    analyse_pending(store)
    assert counted == ["Story 3"]  # known items are never analysed again
    assert store.total() == 3
    # Local files: the same two phases.
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Astana talks\n\n" + TOKAYEV_TEXT, encoding="utf-8")
    first = import_paths(store, [folder])
    counted.clear()
    second = import_paths(store, [folder])
    assert (first.added, second.added, second.duplicates) == (1, 0, 1)
    assert counted == []
    assert store.pending_count() == 0


def test_known_keys(store: Store) -> None:
    store.store_items([news(1), news(2)])
    keys = [news(n).key for n in (1, 2, 3)]
    assert store.known_keys(keys) == set(keys[:2])
    assert store.known_keys([]) == set()


def fts_integrity_check(store: Store) -> None:
    """FTS5's own check: the external-content index matches the rows it indexes."""
    with store._lock:  # noqa: SLF001 - a consistency check the public API has no need for
        store._conn.execute("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')")  # noqa: SLF001


def test_analysis_is_skipped_for_items_analysed_meanwhile(store: Store) -> None:
    store.store_items([news(1)])
    [(item_id, item)] = store.pending_items()
    # A pending item has no full-text entry: replacing its text must not delete one.
    store.replace_content(item_id, replace(item, body=TOKAYEV_TEXT), Analysis())
    assert store.apply_analysis([(item_id, item, Analysis())]) == 0
    assert store.pending_count() == 0
    assert store.count(parse_query("pipelines")) == 1
    assert store.count(parse_query("weather")) == 0
    fts_integrity_check(store)


def test_migration_6_unindexes_pending_items_indexed_by_older_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from feeds.store import schema

    path = tmp_path / "news.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:5])
        with Store.open(path) as s:
            s.store_items([news(1, TOKAYEV_TEXT), news(2)])
            # What versions before 6 did in phase 1: index the pending rows at once.
            with s._lock:  # noqa: SLF001
                s._conn.execute(  # noqa: SLF001
                    "INSERT INTO items_fts (rowid, title, body) SELECT id, title, body FROM items"
                )
    with Store.open(path) as s:
        assert s.count(parse_query("pipelines")) == 0
        fts_integrity_check(s)
        assert analyse_pending(s) == 2
        assert s.count(parse_query("pipelines")) == 1
        assert s.count(parse_query("weather")) == 1
        fts_integrity_check(s)


def test_migration_4_marks_existing_rows_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from feeds.store import schema

    path = tmp_path / "news.db"
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
        with Store.open(path) as s:
            s.import_items([(news(1), Analysis())])
    with Store.open(path) as s:
        assert s.pending_count() == 0 and s.total() == 1
    conn = sqlite3.connect(path)
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM items WHERE analysed = 0 ORDER BY id LIMIT 5"
    ).fetchall()
    conn.close()
    assert "items_pending" in str(plan)


def hit(name: str, leader_id: str, country: str) -> LeaderHit:
    return LeaderHit(leader_id, name, country, (Span(0, 4),))


def test_replace_content_updates_text_fts_analysis_tags_and_signature(store: Store) -> None:
    old = news(1, "Short teaser about grain harvest figures in the north.")
    store.import_items([(old, Analysis(leaders=(hit("Xi Jinping", "xi-jinping", "CN"),)))])
    [row] = store.page(parse_query(""))
    assert store.count(parse_query("leader:xi")) == 1
    store.toggle_starred(row.id)
    full = Item(
        title="Story 1, full text",
        body=TOKAYEV_TEXT,
        source=old.source,
        url=old.url,
        published=old.published,
        feed_url=old.feed_url,
    )
    analysis = Analysis(
        leaders=(hit("Kassym-Jomart Tokayev", "kassym-jomart-tokayev", "KZ"),),
        sectors=(SectorScore("energy", "Energy", 3.0, ()),),
    )
    store.replace_content(row.id, full, analysis)
    article = store.get_article(row.id)
    assert article.title == "Story 1, full text" and article.item.body == TOKAYEV_TEXT
    assert article.starred and article.published == row.published
    assert article.analysis == analysis
    assert article.leader_tags == ("Tokayev",) and article.sector_tags == ("energy",)
    # Full-text index: old words gone, new words found (external content kept consistent).
    assert store.count(parse_query("harvest")) == 0
    assert store.count(parse_query("pipelines")) == 1
    assert store.count(parse_query("leader:xi")) == 0
    assert store.count(parse_query("leader:tokayev")) == 1
    assert store.count(parse_query("sector:energy")) == 1
    with store._lock:  # noqa: SLF001 - checking the stored signature and FTS integrity
        conn = store._conn  # noqa: SLF001
        conn.execute("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')")
        blob = conn.execute(
            "SELECT minhash FROM item_signature WHERE item_id = ?", (row.id,)
        ).fetchone()[0]
        old_keys = samestory.copy_band_keys(samestory.copy_signature(old))
        stale = conn.execute(
            f"SELECT count(*) FROM item_band WHERE band_key IN ({', '.join('?' * len(old_keys))})",
            old_keys,
        ).fetchone()[0]
    assert blob == samestory.signature_to_bytes(samestory.copy_signature(full))
    assert stale == 0


def test_replace_content_unknown_id_is_a_store_error(store: Store) -> None:
    from feeds.errors import StoreError

    with pytest.raises(StoreError):
        store.replace_content(999, news(1), Analysis())


def test_replace_body_reanalyses(store: Store) -> None:
    store.store_items([news(1)])
    analyse_pending(store)
    [row] = store.page(parse_query(""))
    replace_body(store, row.id, TOKAYEV_TEXT)
    assert store.count(parse_query("leader:tokayev")) == 1
    assert store.get_article(row.id).item.body == TOKAYEV_TEXT


def test_cluster_windows_match_samestory() -> None:
    assert samestory.COPY_WINDOW.total_seconds() == clusters._COPY_SECONDS  # noqa: SLF001
    assert samestory.STORY_WINDOW.total_seconds() == clusters._STORY_SECONDS  # noqa: SLF001


# -- phase 2 in worker processes ---------------------------------------------------------------


def _clustering(store: Store) -> list[tuple[str, ...]]:
    """The clusters as sets of item URLs (ids and cluster ids may differ between stores)."""
    groups: dict[int, list[str]] = {}
    for cluster_id, url in store._conn.execute(
        "SELECT cluster_id, url FROM items WHERE cluster_id IS NOT NULL ORDER BY url"
    ):
        groups.setdefault(cluster_id, []).append(url)
    return sorted(tuple(g) for g in groups.values())


def _heads(store: Store) -> list[tuple[str, int, int, str, str]]:
    return sorted(
        store._conn.execute(
            "SELECT url, is_head, outlets, leader_tags, sector_tags FROM items"
        ).fetchall()
    )


def _wire_day() -> list[Item]:
    """Copies of three sample stories from several outlets, and unrelated items, over a day."""
    from importlib import resources

    folder = resources.files("feeds.samples")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))[:6]
    items = []
    for n, name in enumerate(names * 3):
        title, _, body = folder.joinpath(name).read_text(encoding="utf-8").partition("\n")
        outlet = f"Outlet{n % 4}"
        items.append(
            Item(
                title=f"{outlet}: {title.strip()}",
                body=body.strip(),
                source=outlet,
                url=f"https://{outlet.lower()}.example/{n}",
                published=NOW - timedelta(hours=n),
            )
        )
    return items + [news(100 + n) for n in range(5)]


@pytest.mark.parametrize("pool_kind", ["thread", "process"])
def test_analysis_in_workers_clusters_exactly_like_analyse_pending(
    tmp_path: Path, pool_kind: str
) -> None:
    """Guaranteed: the same clusters, heads, outlet counts and tags whether phase 2 runs here
    (any batch size) or with the analysis in workers (:class:`PendingAnalysis`), as long as
    every item of a batch is within a week of the others (the stop-key window is per batch).
    Cluster *ids* are not guaranteed."""
    import concurrent.futures

    from feeds.ingest import PendingAnalysis
    from feeds.refresh import parse_pool

    items = _wire_day()
    outcomes = []
    for label in ("one-by-one", "default", "interrupted", "workers", "workers-then-cluster"):
        with Store.open(tmp_path / f"{label}.db", clock=lambda: NOW) as s:
            s.store_items(items)
            if label == "one-by-one":
                assert analyse_pending(s, batch=1) == len(items)
            elif label == "default":
                assert analyse_pending(s) == len(items)
            elif label == "interrupted":
                # Analysed (filterable) but the process ended before clustering: the next
                # run clusters from the stored analyses.
                assert analyse_pending(s, batch=5, cluster=False) == len(items)
                assert s.unclustered_count() == len(items) and s.pending_count() == 0
                assert s.count(parse_query("cluster:1")) == 0
            else:
                pool: concurrent.futures.Executor = (
                    concurrent.futures.ThreadPoolExecutor(2)
                    if pool_kind == "thread"
                    else parse_pool(2)
                )
                with pool:
                    later = label == "workers-then-cluster"
                    pending = PendingAnalysis(s, pool, page=4, keys_later=later)
                    assert pending.submit() == len(items)
                    batches: list[int] = []
                    analysed: list[int] = []

                    def on_analysed(store: Store = s, analysed: list[int] = analysed) -> None:
                        # Every item filterable before clustering is finished.
                        analysed.append(store.pending_count())
                        assert store.count(parse_query("sector:energy")) >= 1

                    assert pending.finish(
                        batch=7,
                        on_batch=batches.append,
                        on_analysed=on_analysed,
                        cluster_while_waiting=label == "workers",
                    ) == len(items)
                    assert batches[-1] == len(items) and len(batches) > 1
                    assert analysed == [0]
        if label == "interrupted":
            with Store.open(tmp_path / f"{label}.db", clock=lambda: NOW) as s:
                assert analyse_pending(s) == 0
        with Store.open(tmp_path / f"{label}.db", clock=lambda: NOW) as s:
            assert s.pending_count() == 0 and s.unclustered_count() == 0
            outcomes.append((_clustering(s), _heads(s)))
    assert outcomes[0][0], "the sample copies must cluster"
    assert all(outcome == outcomes[0] for outcome in outcomes[1:])


def test_a_broken_worker_falls_back_to_analysing_here(store: Store) -> None:
    import concurrent.futures

    from feeds.ingest import PendingAnalysis

    class Broken(concurrent.futures.Executor):
        def submit(self, fn: object, /, *args: object, **kwargs: object) -> Any:
            future: concurrent.futures.Future[object] = concurrent.futures.Future()
            future.set_exception(concurrent.futures.process.BrokenProcessPool("gone"))
            return future

    store.store_items([news(1, TOKAYEV_TEXT), news(2)])
    assert PendingAnalysis(store, Broken()).finish() == 2
    assert store.count(parse_query("leader:tokayev")) == 1


def test_pending_analysis_stops_when_asked(store: Store) -> None:
    import concurrent.futures

    from feeds.ingest import PendingAnalysis

    store.store_items([news(n) for n in range(5)])
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pending = PendingAnalysis(store, pool, page=2)
        assert pending.finish(should_stop=lambda: True) == 0
    assert store.pending_count() == 5
    assert analyse_pending(store) == 5


def test_finish_hands_the_workers_a_bounded_window_of_pages(store: Store) -> None:
    """finish() used to hand every pending page over at once, holding all their items (and the
    pool's copies) in the writer: 10k items cost ~28 MB there, 100k would cost ~280 MB."""
    import concurrent.futures
    import threading

    from feeds import ingest
    from feeds.ingest import PendingAnalysis

    class Counting(concurrent.futures.ThreadPoolExecutor):
        def __init__(self) -> None:
            super().__init__(2)
            self.lock = threading.Lock()
            self.outstanding = self.most = self.pages = 0

        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
            if fn is not ingest.prepare_items:  # match keys come later, a few pages ahead
                return super().submit(fn, *args, **kwargs)
            with self.lock:
                self.outstanding += 1
                self.pages += 1
                self.most = max(self.most, self.outstanding)
            future = super().submit(fn, *args, **kwargs)
            future.add_done_callback(lambda _f: self._done())
            return future

        def _done(self) -> None:
            with self.lock:
                self.outstanding -= 1

    store.store_items([news(n, TOKAYEV_TEXT) if n % 7 == 0 else news(n) for n in range(60)])
    with Counting() as pool:
        pending = PendingAnalysis(store, pool, page=2, keys_later=True)
        assert pending.finish(batch=10) == 60
    assert pool.pages == 30
    assert 2 <= pool.most <= ingest._FINISH_IN_FLIGHT
    assert store.pending_count() == 0 and store.unclustered_count() == 0
    assert store.count(parse_query("leader:tokayev")) == 1  # nine copies, one cluster row
