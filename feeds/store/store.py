"""The SQLite store: items, their analysis, read/starred state, and fast filtered paging.

Every list query is "newest first" (``published_ts DESC, id DESC``) and is answered from an index
already in that order: keyset paging (never ``OFFSET``), leader/sector filters driven by their
denormalised ``(tag, published_ts, item_id)`` keys, and full-text search through FTS5 without
ranking. See ``/work/shared/guides/PERFORMANCE.md`` for why each of these matters.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Self

from feeds.errors import StoreError
from feeds.models import Analysis, ImportSummary, Item, LoadFailure
from feeds.query import Query, fold
from feeds.short_names import short_name
from feeds.store import clusters, schema
from feeds.store.codec import analysis_from_json, analysis_to_json

if TYPE_CHECKING:
    from feeds.analysis.samestory import MatchKeys

LeaderResolver = Callable[[str], Iterable[str]]
Clock = Callable[[], datetime]

_MAX_TAGS = 3
# Above this many full-text matches, walking the recency index and probing the match set beats
# sorting all matches (a common word); below it, sorting the few matches is cheaper.
_FTS_SORT_LIMIT = 2000
_HAS_TOKEN = re.compile(r"[^\W_]")
_ITEM_COLUMN = re.compile(r"\bi\.")
_HEADLINE_COLUMNS = (
    "i.id, i.title, i.source, i.url, i.published_ts, i.read, i.starred, i.leader_tags, "
    "i.sector_tags, i.outlets, i.cluster_id"
)
_ARTICLE_FIRST = 11  # index of the first column after _HEADLINE_COLUMNS in get_article
# Schema version that added clusters (migration 3): below it nothing is clustered or collapsed.
_CLUSTER_VERSION = 3
# Schema version that added items.analysed (migration 4): two-phase import.
_TWO_PHASE_VERSION = 4
_IMPORT_CACHE_KIB = -65536  # negative: KiB, i.e. 64 MiB, while an import runs
_UNCLUSTERED = 2
"""``items.analysed`` of an item analysed (filterable) but not yet clustered (0: pending)."""
_MATCHER_MAX_ITEMS = 20_000
"""Items whose matching facts phase 2 keeps in memory between batches (≈ 1.2 KB each)."""


class PageKey(NamedTuple):
    """Position in the display order: ``(published_ts, id)``, newest first."""

    published_ts: int
    id: int


@dataclass(frozen=True, slots=True)
class Headline:
    """One row of the headline list: everything needed to paint it, nothing more."""

    id: int
    """Store id (``items.id``)."""
    title: str
    source: str
    url: str
    published: datetime
    """Publication time (UTC), or the import time when the item had none."""
    read: bool
    starred: bool
    leader_tags: tuple[str, ...]
    """Up to three short leader names ("Tokayev", "Xi"), most mentioned first."""
    sector_tags: tuple[str, ...]
    """Up to three sector ids, highest score first."""
    published_ts: int
    """Unix seconds of :attr:`published`; with :attr:`id`, the sort key."""
    outlets: int = 0
    """How many *other* distinct sources carry this item's story (0 when it stands alone)."""
    cluster_id: int | None = None
    """The same-copy/same-story cluster (``cluster:N`` lists it), or None when alone."""

    @property
    def sort_key(self) -> PageKey:
        """The keyset-paging key of this row."""
        return PageKey(self.published_ts, self.id)


@dataclass(frozen=True, slots=True)
class Article(Headline):
    """A stored item in full: its headline fields, the item and its analysis."""

    item: Item = field(kw_only=True)
    analysis: Analysis = field(kw_only=True)
    photo_credit: str = field(default="", kw_only=True)
    author: str = field(default="", kw_only=True)
    published_known: bool = field(default=True, kw_only=True)
    """False when :attr:`published` is really the import time."""
    imported: datetime | None = field(default=None, kw_only=True)


def _utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(text.split(",")) if text else ()


def _headline(row: Sequence[Any]) -> Headline:
    return Headline(
        id=row[0],
        title=row[1],
        source=row[2],
        url=row[3],
        published=_utc(row[4]),
        read=bool(row[5]),
        starred=bool(row[6]),
        leader_tags=_split_tags(row[7]),
        sector_tags=_split_tags(row[8]),
        published_ts=row[4],
        outlets=row[9],
        cluster_id=row[10],
    )


def _fts_phrase(text: str, *, prefix: bool) -> str | None:
    """One FTS5 phrase for user text, immune to FTS syntax in it (``AND``, ``*``, ``NEAR(``...).

    Quoting makes every character literal; FTS5 then tokenises the inside with the table's own
    tokenizer, so punctuation just separates tokens. Text with no letters or digits would be an
    empty phrase, so it is dropped.
    """
    if not _HAS_TOKEN.search(text):
        return None
    phrase = '"' + text.replace('"', " ") + '"'
    last = re.findall(r"[^\W_]+", text)[-1]
    # One-letter prefixes have no prefix index and would expand to thousands of terms.
    return phrase + "*" if prefix and len(last) >= 2 else phrase


def _tags(analysis: Analysis) -> tuple[str, str]:
    """The row's painted tags: up to three leader short names and sector ids, best first."""
    tags: list[str] = []
    for hit in sorted(analysis.leaders, key=lambda h: -len(h.mentions)):
        tag = hit.short or short_name(hit.name, hit.country)
        if tag and tag not in tags and len(tags) < _MAX_TAGS:
            tags.append(tag)
    sectors = sorted(analysis.sectors, key=lambda s: -s.score)
    sector_tags = list(dict.fromkeys(s.id for s in sectors))[:_MAX_TAGS]
    return ",".join(tags), ",".join(sector_tags)


def _write_tag_rows(
    conn: sqlite3.Connection,
    item_id: int,
    ts: int,
    analysis: Analysis,
    leaders: dict[str, tuple[str, str]],
    *,
    head: bool = True,
) -> None:
    """The denormalised leader/sector keys of one item; its leaders are added to ``leaders``."""
    for hit in analysis.leaders:
        leaders[hit.id] = (hit.name, hit.country)
    conn.executemany(
        "INSERT OR IGNORE INTO item_leader (leader_id, published_ts, item_id) VALUES (?, ?, ?)",
        [(leader_id, ts, item_id) for leader_id in sorted({h.id for h in analysis.leaders})],
    )
    best: dict[str, float] = {}
    for s in sorted(analysis.sectors, key=lambda s: -s.score):
        best.setdefault(s.id, s.score)
    conn.executemany(
        "INSERT INTO item_sector (sector_id, published_ts, item_id, score) VALUES (?, ?, ?, ?)",
        [(sid, ts, item_id, score) for sid, score in best.items()],
    )
    if not head:
        for table in ("item_leader", "item_sector"):
            conn.execute(f"UPDATE {table} SET head = 0 WHERE item_id = ?", (item_id,))


def _write_leaders(conn: sqlite3.Connection, leaders: dict[str, tuple[str, str]]) -> None:
    conn.executemany(
        "INSERT INTO leaders (id, name, country) VALUES (?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country",
        [(lid, name, country) for lid, (name, country) in leaders.items()],
    )


def _write_sources(conn: sqlite3.Connection, sources: dict[str, str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO sources (key, name) VALUES (?, ?)", list(sources.items())
    )


def _unstorable(item: Item, exc: Exception) -> LoadFailure:
    origin = item.origin or item.url or item.title[:60]
    return LoadFailure(origin, f"could not be stored: {exc}")


@dataclass(slots=True)
class _Plan:
    """A query compiled to SQL over one driving index."""

    source: str
    """FROM clause; ``i`` is always items."""
    ts: str
    """Column holding published_ts in the driving index."""
    id: str
    """Column holding the item id in the driving index."""
    where: list[str]
    params: list[Any]
    empty: bool = False
    """True when no row can match (e.g. an unknown leader), so no SQL need run."""
    fts_only: str | None = None
    """The FTS expression when it is the query's only condition (counted by FTS alone)."""
    fts_heads: str | None = None
    """The FTS expression when it and collapsing are the only conditions."""

    def counted(self) -> str:
        """FROM clause for counting: the driving index alone when no condition needs items."""
        if " CROSS JOIN " in self.source and not any(_ITEM_COLUMN.search(c) for c in self.where):
            return self.source.split(" CROSS JOIN ")[0]
        return self.source

    def clause(self, extra: Sequence[str] = ()) -> str:
        conditions = [*self.where, *extra]
        return " WHERE " + " AND ".join(conditions) if conditions else ""


class Store:
    """An open newsdesk database. Thread-safe: calls are serialised on one connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        leader_resolver: LeaderResolver | None,
        clock: Clock,
        journal_mode: str,
        schema_version: int = len(schema.MIGRATIONS),
        reader: sqlite3.Connection | None = None,
    ) -> None:
        """Use :meth:`open`."""
        self._conn = conn
        # A second, read-only connection: under WAL it reads the last commit while a refresh
        # holds the write connection, so the interface never waits for a batch of feeds.
        self._reader = reader
        self._reader_lock = threading.Lock()
        self._writer_thread: int | None = None
        """The thread inside a write transaction; its reads must see its own writes."""
        self._generation = 0
        """Counts commits, so caches filled from the reader connection can tell they are old."""
        self.path = path
        self.journal_mode = journal_mode
        """``"wal"`` normally; another mode where WAL is unavailable (network filesystems)."""
        self._resolver = leader_resolver
        self._clock = clock
        self._lock = threading.RLock()
        self._batching = False
        self.schema_version = schema_version
        """Migrations applied (``len(schema.MIGRATIONS)`` except in tests of old schemas)."""
        self._leaders: dict[str, tuple[str, str]] | None = None
        self._match_counts: dict[str, int] = {}
        self._matcher: clusters.Matcher | None = None
        """Same-story matching state kept between phase-2 batches (see :meth:`_take_matcher`)."""
        self._matcher_data_version = 0
        self._clustered = schema_version >= _CLUSTER_VERSION
        self._two_phase = schema_version >= _TWO_PHASE_VERSION
        # Only a test that truncates schema.MIGRATIONS runs below v3; there items.outlets is
        # missing, so rows read a constant instead.
        self._columns = (
            _HEADLINE_COLUMNS if self._clustered else _HEADLINE_COLUMNS.replace("i.outlets", "0")
        )

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        leader_resolver: LeaderResolver | None = None,
        clock: Clock | None = None,
        busy_timeout_ms: int = 5000,
    ) -> Store:
        """Open (creating and migrating as needed) the store at ``path``.

        Args:
            path: Database file; parent directories are created.
            leader_resolver: Maps a typed leader term to leader ids (e.g. the gazetteer's
                aliases); when it yields nothing, names stored in the database are tried.
            clock: Returns "now" as an aware datetime; for ``since:`` and import times.
            busy_timeout_ms: How long to wait for another writer before giving up.

        Raises:
            StoreError: the file is not a newsdesk database, is corrupt, is locked, or was
                written by a newer version.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError("cannot create the database directory", source=str(path)) from exc
        conn: sqlite3.Connection | None = None
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per batch.
            conn = sqlite3.connect(
                path,
                timeout=busy_timeout_ms / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # First real read of the file: a foreign or corrupt file fails here.
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise StoreError(
                    "not a newsdesk database (it holds other tables); choose another file",
                    source=str(path),
                )
            # WAL: readers never block the writer, and a kill -9 mid-write loses nothing
            # committed. On filesystems without shared memory (NFS) SQLite keeps the old mode;
            # we record it rather than fail. synchronous stays FULL (the default) for durability.
            mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]).lower()
            version = schema.migrate(conn, path)
            reader = _open_reader(path, busy_timeout_ms) if mode == "wal" else None
        except StoreError:
            if conn is not None:
                conn.close()
            raise
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise _store_error(exc, path) from exc
        return cls(
            conn,
            path,
            leader_resolver=leader_resolver,
            clock=clock or (lambda: datetime.now(UTC)),
            journal_mode=mode,
            schema_version=version,
            reader=reader,
        )

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        with self._lock:
            self._conn.close()
        if self._reader is not None:
            with self._reader_lock:
                self._reader.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- low-level helpers -----------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        if self._reader is not None and self._writer_thread != threading.get_ident():
            with self._reader_lock:
                try:
                    return self._reader.execute(sql, params).fetchall()
                except sqlite3.Error as exc:
                    raise _store_error(exc, self.path) from exc
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _store_error(exc, self.path) from exc

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """Mark this thread as the writer while it holds the write lock (nesting allowed)."""
        previous = self._writer_thread
        self._writer_thread = threading.get_ident()
        try:
            yield
        finally:
            self._writer_thread = previous

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        rows = self._rows(sql, params)
        return rows[0][0] if rows else None

    @contextmanager
    def batch(self, *, refetchable: bool = False) -> Iterator[None]:
        """Group writes into one transaction: one commit (one fsync) for all of them.

        ``refetchable``: everything written can be fetched or computed again (a refresh's
        items and feed states), so the commit does not wait for the disk (see
        :meth:`_relaxed_sync`).

        Every write method called inside (on this thread; others wait on the store's lock)
        becomes a savepoint: its failure rolls back only its own changes and raises as usual,
        so the caller can record that and carry on; the rest commits together at the end.
        A failure of the batch itself (e.g. the commit) rolls everything back and raises
        StoreError. A batch inside a batch is a savepoint too (its writes commit or roll
        back together, with the outer batch's commit). Keep batches short: readers on other
        threads wait for the lock.
        """
        with self._lock, self._writing():
            if self._batching:
                with self._savepoint():
                    yield
                return
            with self._relaxed_sync(refetchable), self._immediate():
                self._batching = True
                try:
                    yield
                finally:
                    self._batching = False

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        """A write inside :meth:`batch`: rolled back alone on failure."""
        try:
            self._conn.execute("SAVEPOINT write")
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) from exc
        try:
            yield self._conn
            self._conn.execute("RELEASE write")
        except BaseException as exc:
            self._conn.execute("ROLLBACK TO write")
            self._conn.execute("RELEASE write")
            if isinstance(exc, sqlite3.Error):
                raise _store_error(exc, self.path) from exc
            raise

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure rolls all of it back and raises StoreError.

        Inside :meth:`batch` it is a savepoint of the batch's transaction instead.
        """
        with self._lock, self._writing():
            if self._batching:
                with self._savepoint() as conn:
                    yield conn
                return
            with self._immediate():
                yield self._conn

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT; any failure rolls it all back (SQLite's as StoreError)."""
        try:
            # IMMEDIATE takes the write lock now, so a busy database fails before any work.
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _store_error(exc, self.path) from exc
        try:
            yield
            self._conn.execute("COMMIT")
            self._generation += 1
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise _store_error(exc, self.path) from exc
            raise

    # -- writing ---------------------------------------------------------------------------

    def import_items(self, pairs: Iterable[tuple[Item, Analysis]]) -> ImportSummary:
        """Store new items with their analysis, in one transaction (both phases at once).

        Items whose :attr:`Item.key` is already stored count as duplicates and change nothing
        (their read/starred state is kept). An item SQLite cannot encode is reported as a
        failure; any other error rolls back the whole batch.
        """
        imported_ts = int(self._clock().timestamp())
        added = duplicates = 0
        failures: list[LoadFailure] = []
        leaders: dict[str, tuple[str, str]] = {}
        sources: dict[str, str] = {}
        entries: list[clusters.Entry] = []
        with self._import_cache(), self._transaction() as conn:
            for item, analysis in pairs:
                tags, sector_tags = _tags(analysis)
                try:
                    inserted = self._insert(
                        conn,
                        item,
                        imported_ts,
                        tags=tags,
                        sector_tags=sector_tags,
                        analysis_json=analysis_to_json(analysis),
                        pending=False,
                    )
                except (UnicodeEncodeError, OverflowError, ValueError) as exc:
                    # Lone surrogates and the like: skip this item, keep the batch.
                    failures.append(_unstorable(item, exc))
                    continue
                if inserted is None:
                    duplicates += 1
                    continue
                added += 1
                item_id, ts = inserted
                _write_tag_rows(conn, item_id, ts, analysis, leaders)
                sources.setdefault(item.source.casefold(), item.source)
                entries.append((item_id, item, analysis, ts))
            # Same copy / same story against what is stored (and earlier in this batch).
            if self._clustered:
                self._matcher = None  # it would miss these band rows
                clusters.assign_many(conn, entries, imported_ts)
            _write_leaders(conn, leaders)
            _write_sources(conn, sources)
        if leaders:
            self._leaders = None
        if added:
            self._match_counts.clear()
        return ImportSummary(added=added, duplicates=duplicates, failures=tuple(failures))

    def store_items(self, items: Iterable[Item]) -> ImportSummary:
        """Phase 1 of an import: store new items without analysis, in one transaction.

        The items are listed (and found by source, date and read-state filters) as soon as
        this returns; they have no full-text entry, leader/sector tags, clusters or analysis
        until phase 2,
        :func:`feeds.ingest.analyse_pending`, has processed them. Duplicates (by
        :attr:`Item.key`) change nothing; an item SQLite cannot encode is a failure; any other
        error rolls back the whole batch.
        """
        if not self._two_phase:
            raise StoreError(
                "this database predates two-phase import; reopen it to upgrade",
                source=str(self.path),
            )
        imported_ts = int(self._clock().timestamp())
        added = duplicates = 0
        failures: list[LoadFailure] = []
        sources: dict[str, str] = {}
        with self._transaction() as conn:
            for item in items:
                try:
                    inserted = self._insert(conn, item, imported_ts, pending=True)
                except (UnicodeEncodeError, OverflowError, ValueError) as exc:
                    failures.append(_unstorable(item, exc))
                    continue
                if inserted is None:
                    duplicates += 1
                    continue
                added += 1
                sources.setdefault(item.source.casefold(), item.source)
            _write_sources(conn, sources)
        if added:
            self._match_counts.clear()
        return ImportSummary(added=added, duplicates=duplicates, failures=tuple(failures))

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` (:attr:`Item.key` values) are already stored (indexed lookups)."""
        wanted = list(dict.fromkeys(keys))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # stay under SQLite's bound-variable limit
            chunk = wanted[start : start + 500]
            rows = self._rows(
                f"SELECT key FROM items WHERE key IN ({', '.join('?' * len(chunk))})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def pending_count(self) -> int:
        """Stored items still waiting for analysis (phase 2)."""
        if not self._two_phase:
            return 0
        return int(self._scalar("SELECT count(*) FROM items WHERE analysed = 0"))

    def pending_items(
        self, limit: int = 200, *, after: int = 0, unclustered: bool = False
    ) -> list[tuple[int, Item]]:
        """Up to ``limit`` items waiting for analysis, oldest stored first, as ``(id, item)``;
        only ids above ``after`` (to page through the queue while earlier pages are analysed).
        With ``unclustered``, items analysed but waiting for same-story clustering instead.
        """
        if not self._two_phase or limit <= 0:
            return []
        # A literal, not a parameter: only then can SQLite use the partial index of the queue
        # (items_pending / items_unclustered) instead of walking every row above ``after``.
        queue = _UNCLUSTERED if unclustered else 0
        rows = self._rows(
            "SELECT id, title, body, source, url, published_ts, published_known, photo_credit,"
            f" guid, author, origin, feed_url FROM items WHERE analysed = {queue:d} AND id > ?"
            " ORDER BY id LIMIT ?",
            (after, limit),
        )
        return [
            (
                r[0],
                Item(
                    title=r[1],
                    body=r[2],
                    source=r[3],
                    url=r[4],
                    published=_utc(r[5]) if r[6] else None,
                    photo_credit=r[7],
                    guid=r[8],
                    author=r[9],
                    origin=r[10],
                    feed_url=r[11],
                ),
            )
            for r in rows
        ]

    def apply_analysis(
        self,
        results: Iterable[tuple[int, Item, Analysis]],
        keys: Sequence[MatchKeys | None] | None = None,
        *,
        cluster: bool = True,
    ) -> int:
        """Phase 2 of an import: write analyses of pending items, in one transaction.

        For each ``(id, item, analysis)`` (``item`` as :meth:`pending_items` returned it):
        analysis JSON, the full-text entry, leader/sector tags and index rows, then
        same-copy/same-story clusters.
        ``keys``, parallel to ``results``, may carry each item's precomputed
        :class:`~feeds.analysis.samestory.MatchKeys` (e.g. from an analysis worker process).
        Items no longer pending (analysed meanwhile, e.g. by :meth:`replace_content`, or gone)
        are skipped. Returns how many were written.

        With ``cluster=False`` the items are filterable afterwards but not yet clustered;
        :meth:`cluster_pending` clusters them (in id order, so the clusters are the same).
        """
        imported_ts = int(self._clock().timestamp())
        leaders: dict[str, tuple[str, str]] = {}
        entries: list[clusters.Entry] = []
        entry_keys: list[MatchKeys | None] = []
        wanted = list(results)
        matcher = self._take_matcher()  # dropped if this transaction fails
        clustering = self._clustered and cluster
        with self._import_cache(bands=clustering), self._transaction() as conn:
            stamps: dict[int, int] = {}
            ids = [r[0] for r in wanted]
            for start in range(0, len(ids), 500):  # stay under SQLite's bound-variable limit
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                stamps.update(
                    conn.execute(
                        f"SELECT id, published_ts FROM items WHERE id IN ({marks})"
                        " AND analysed = 0",
                        chunk,
                    ).fetchall()
                )
            updates: list[tuple[str, str, str, int]] = []
            fts_rows: list[tuple[int, str, str]] = []
            leader_rows: list[tuple[str, int, int]] = []
            sector_rows: list[tuple[str, int, int, float]] = []
            for n, (item_id, item, analysis) in enumerate(wanted):
                ts = stamps.pop(item_id, None)  # pop: an id listed twice is written once
                if ts is None:
                    continue
                tags, sector_tags = _tags(analysis)
                updates.append((tags, sector_tags, analysis_to_json(analysis), item_id))
                fts_rows.append((item_id, item.title, item.body))
                for hit in analysis.leaders:
                    leaders[hit.id] = (hit.name, hit.country)
                leader_rows.extend(
                    (leader_id, ts, item_id)
                    for leader_id in sorted({h.id for h in analysis.leaders})
                )
                best: dict[str, float] = {}
                for sector in sorted(analysis.sectors, key=lambda s: -s.score):
                    best.setdefault(sector.id, sector.score)
                sector_rows.extend((sid, ts, item_id, score) for sid, score in best.items())
                entries.append((item_id, item, analysis, ts))
                entry_keys.append(keys[n] if keys is not None else None)
            deferred = self._clustered and not cluster
            conn.executemany(
                "UPDATE items SET leader_tags = ?, sector_tags = ?, analysis_json = ?,"
                f" analysed = {_UNCLUSTERED if deferred else 1} WHERE id = ?",
                updates,
            )
            # An external-content index must hold exactly the row's values, or a later
            # 'delete' would corrupt it: ``item`` is the row as pending_items read it, and a
            # still-pending row's text cannot have changed since (replace_content marks it
            # analysed). Values, not INSERT … SELECT: re-reading each row cost 3x as much.
            conn.executemany(
                "INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)", fts_rows
            )
            conn.executemany(
                "INSERT OR IGNORE INTO item_leader (leader_id, published_ts, item_id)"
                " VALUES (?, ?, ?)",
                leader_rows,
            )
            conn.executemany(
                "INSERT INTO item_sector (sector_id, published_ts, item_id, score)"
                " VALUES (?, ?, ?, ?)",
                sector_rows,
            )
            if self._clustered and not deferred:
                _assigned, matcher = clusters.assign_many(
                    conn, entries, imported_ts, entry_keys, matcher
                )
            _write_leaders(conn, leaders)
        self._keep_matcher(matcher)
        if leaders:
            self._leaders = None
        if entries:
            self._match_counts.clear()
        return len(entries)

    def unclustered_count(self) -> int:
        """Analysed items still waiting to be clustered (``apply_analysis(cluster=False)``)."""
        if not self._clustered or not self._two_phase:
            return 0
        return int(self._scalar(f"SELECT count(*) FROM items WHERE analysed = {_UNCLUSTERED}"))

    def cluster_pending(
        self,
        limit: int = 1000,
        known: Mapping[int, tuple[Analysis, MatchKeys | None]] | None = None,
    ) -> list[int]:
        """Cluster up to ``limit`` items analysed without clustering, lowest id first, in one
        transaction; returns their ids.

        ``known`` may hold an item's analysis and match keys already in memory (e.g. from the
        analysis workers); anything else is read back from the row.
        """
        if not self._clustered or not self._two_phase or limit <= 0:
            return []
        known = known or {}
        imported_ts = int(self._clock().timestamp())
        matcher = self._take_matcher()  # dropped if this transaction fails
        with self._import_cache(), self._transaction() as conn:
            rows = conn.execute(
                f"SELECT id, published_ts FROM items WHERE analysed = {_UNCLUSTERED}"
                " ORDER BY id LIMIT ?",
                (limit,),
            ).fetchall()
            if not rows:
                self._keep_matcher(matcher)
                return []
            # Text and analysis are read back only for items nobody handed over (a crash).
            missing = [r[0] for r in rows if r[0] not in known]
            stored: dict[int, tuple[str, str, str]] = {}
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                stored.update(
                    (r[0], r[1:])
                    for r in conn.execute(
                        "SELECT id, title, body, analysis_json FROM items"
                        f" WHERE id IN ({', '.join('?' * len(chunk))})",
                        chunk,
                    )
                )
            entries: list[clusters.Entry] = []
            entry_keys: list[MatchKeys | None] = []
            for item_id, ts in rows:
                got = known.get(item_id)
                if got is not None and got[1] is not None:
                    # The match keys are all clustering reads of the item's text.
                    entries.append((item_id, Item(title="", body=""), got[0], ts))
                    entry_keys.append(got[1])
                    continue
                if item_id not in stored:  # known, but its keys failed in the worker
                    stored.update(
                        (r[0], r[1:])
                        for r in conn.execute(
                            "SELECT id, title, body, analysis_json FROM items WHERE id = ?",
                            (item_id,),
                        )
                    )
                title, body, encoded = stored[item_id]
                analysis = got[0] if got is not None else analysis_from_json(encoded)
                entries.append((item_id, Item(title=title, body=body), analysis, ts))
                entry_keys.append(None)
            _assigned, matcher = clusters.assign_many(
                conn, entries, imported_ts, entry_keys, matcher
            )
            ids = [e[0] for e in entries]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                conn.execute(
                    f"UPDATE items SET analysed = 1 WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
        self._keep_matcher(matcher)
        self._match_counts.clear()
        return ids

    def _take_matcher(self) -> clusters.Matcher | None:
        """The matching state of the last phase-2 batch, if still true of the database.

        Band rows written by another connection (another newsdesk process) since then make it
        stale; ``PRAGMA data_version`` changes exactly when another connection commits. This
        connection's other writers of band rows drop it themselves.
        """
        with self._lock:
            matcher, self._matcher = self._matcher, None
            if matcher is None or self._data_version() != self._matcher_data_version:
                return None
            return matcher

    def _keep_matcher(self, matcher: clusters.Matcher | None) -> None:
        with self._lock:
            # Inside an outer batch the commit is not ours: it may still roll back.
            if matcher is None or self._batching or matcher.size > _MATCHER_MAX_ITEMS:
                self._matcher = None
                return
            self._matcher = matcher
            self._matcher_data_version = self._data_version()

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def replace_content(self, item_id: int, item: Item, analysis: Analysis) -> None:
        """Replace an item's title and body (e.g. the full article's text) and its analysis.

        In one transaction: the row's text, its full-text entry, analysis JSON, leader/sector
        tags and index rows, and its same-story matching facts. Read/starred state, dates and
        cluster membership are kept. The item counts as analysed afterwards.

        Raises:
            StoreError: no item has this id.
        """
        leaders: dict[str, tuple[str, str]] = {}
        tags, sector_tags = _tags(analysis)
        with self._transaction() as conn:
            head_column = "is_head" if self._clustered else "1"
            analysed_column = "analysed" if self._two_phase else "1"
            row = conn.execute(
                f"SELECT title, body, published_ts, analysis_json, {head_column},"
                f" {analysed_column} FROM items WHERE id = ?",
                (item_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"no stored item with id {item_id}", source=str(self.path))
            old_title, old_body, ts, old_json, head, indexed = row
            if indexed:  # a pending item has no full-text entry yet
                # External-content FTS: delete exactly the old values, then index the new ones.
                conn.execute(
                    "INSERT INTO items_fts (items_fts, rowid, title, body)"
                    " VALUES ('delete', ?, ?, ?)",
                    (item_id, old_title, old_body),
                )
            pending = ", analysed = 1" if self._two_phase else ""
            conn.execute(
                "UPDATE items SET title = ?, body = ?, leader_tags = ?, sector_tags = ?,"
                f" analysis_json = ?{pending} WHERE id = ?",
                (item.title, item.body, tags, sector_tags, analysis_to_json(analysis), item_id),
            )
            conn.execute(
                "INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)",
                (item_id, item.title, item.body),
            )
            conn.execute("DELETE FROM item_leader WHERE item_id = ?", (item_id,))
            conn.execute("DELETE FROM item_sector WHERE item_id = ?", (item_id,))
            _write_tag_rows(conn, item_id, ts, analysis, leaders, head=bool(head))
            _write_leaders(conn, leaders)
            if self._clustered:
                self._matcher = None  # it holds the old band rows and facts
                old = replace(item, title=old_title, body=old_body)
                clusters.replace_facts(
                    conn, item_id, (old, analysis_from_json(old_json)), item, analysis, ts
                )
        if leaders:
            self._leaders = None
        self._match_counts.clear()

    def _insert(
        self,
        conn: sqlite3.Connection,
        item: Item,
        imported_ts: int,
        *,
        tags: str = "",
        sector_tags: str = "",
        analysis_json: str = "{}",
        pending: bool,
    ) -> tuple[int, int] | None:
        """Insert one item row (and, unless ``pending``, its full-text entry); ``(id,
        published_ts)``, None if known."""
        ts = int(item.published.timestamp()) if item.published else imported_ts
        columns = (
            "key, title, body, source, source_key, url, published_ts, published_known,"
            " photo_credit, author, guid, origin, feed_url, imported_ts, leader_tags,"
            " sector_tags, analysis_json"
        )
        values: list[Any] = [
            item.key,
            item.title,
            item.body,
            item.source,
            item.source.casefold(),
            item.url,
            ts,
            int(item.published is not None),
            item.photo_credit,
            item.author,
            item.guid,
            item.origin,
            item.feed_url,
            imported_ts,
            tags,
            sector_tags,
            analysis_json,
        ]
        if pending:
            columns += ", analysed"
            values.append(0)
        cur = conn.execute(
            f"INSERT OR IGNORE INTO items ({columns}) VALUES ({', '.join('?' * len(values))})",
            values,
        )
        if cur.rowcount == 0:
            return None
        item_id = int(cur.lastrowid or 0)
        if not pending:  # a pending item is indexed for text search when it is analysed
            conn.execute(
                "INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)",
                (item_id, item.title, item.body),
            )
        return item_id, ts

    @contextmanager
    def _relaxed_sync(self, relaxed: bool = True) -> Iterator[None]:
        """``PRAGMA synchronous = NORMAL`` meanwhile (when ``relaxed``), as before after.

        For writes that can be fetched or computed again (imported items, feed states,
        analyses, clusters). In WAL mode NORMAL loses nothing when the process dies (kill -9:
        the WAL is in the OS's cache); only a power loss or OS crash may roll back the last
        such commits, and the database stays intact. The user's own changes (read, starred)
        keep FULL. SQLite refuses the change inside a transaction, so within an outer one
        this does nothing (that transaction's own commit decides). On a 200 x 50 cold refresh,
        listing took 1.63 s instead of 1.75 s (medians of 5).
        """
        if not relaxed or self.journal_mode != "wal" or self._conn.in_transaction:
            yield
            return
        previous = int(self._conn.execute("PRAGMA synchronous").fetchone()[0])
        self._conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA synchronous = {previous:d}")

    @contextmanager
    def _import_cache(self, *, bands: bool = True) -> Iterator[None]:
        """A larger page cache while importing (``bands``: this batch writes band rows),
        back to the default afterwards.

        Band keys land at random places in ``item_band``; with the 2 MB default a big batch
        spills dirty pages to the WAL mid-transaction (10k items: 24-42 s instead of 14 s).
        Browsing keeps the small cache, so the TUI's memory stays within budget.

        The cyclic garbage collector is paused meanwhile: a batch allocates hundreds of
        thousands of small containers (band buckets, rows), none in a cycle, and each
        collection re-walks everything the process holds (10k items: 11.7 s of CPU with it,
        8.6 s without). Whatever cycles arise are collected when it resumes.
        """
        import gc

        with self._lock:
            previous = int(self._conn.execute("PRAGMA cache_size").fetchone()[0])
            if bands:
                self._conn.execute(f"PRAGMA cache_size = {_IMPORT_CACHE_KIB}")
            collecting = gc.isenabled()
            gc.disable()
            try:
                with self._relaxed_sync():  # imported items and analyses can be made again
                    yield
            finally:
                if collecting:
                    gc.enable()
                self._conn.execute(f"PRAGMA cache_size = {previous}")

    def set_read(self, ids: Sequence[int], read: bool, *, whole_cluster: bool = True) -> None:
        """Mark items read or unread, in one transaction.

        With ``whole_cluster`` (the default) every member of their clusters changes too: the
        collapsed list shows one row per story, and reading it in one outlet is reading it.
        """
        with self._transaction() as conn:
            conn.executemany(
                "UPDATE items SET read = ? WHERE id = ? AND read != ?",
                [(int(read), i, int(read)) for i in ids],
            )
            if whole_cluster:
                self._spread(conn, ids, "read", read)

    @staticmethod
    def _spread(
        conn: sqlite3.Connection, ids: Sequence[int], column: Literal["read"], value: bool
    ) -> None:
        """Copy ``column`` = ``value`` to every cluster-mate of ``ids`` (indexed, chunked)."""
        found: set[int] = set()
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):  # stay under SQLite's bound-variable limit
            chunk = unique[start : start + 500]
            rows = conn.execute(
                f"SELECT DISTINCT cluster_id FROM items WHERE id IN ({', '.join('?' * len(chunk))})"
                " AND cluster_id IS NOT NULL",
                chunk,
            ).fetchall()
            found.update(r[0] for r in rows)
        conn.executemany(
            f"UPDATE items SET {column} = ? WHERE cluster_id = ? AND {column} != ?",
            [(int(value), cid, int(value)) for cid in sorted(found)],
        )

    def toggle_read(self, item_id: int, *, whole_cluster: bool = True) -> bool:
        """Flip an item's read state (and, by default, its cluster's); return the new state."""
        with self._transaction() as conn:
            value = self._flip(conn, item_id, "read")
            if whole_cluster:
                self._spread(conn, [item_id], "read", value)
        return value

    def cluster_members(self, cluster_id: int) -> list[Headline]:
        """Every item of a cluster, newest (the head) first; empty for an unknown id."""
        rows = self._rows(
            f"SELECT {self._columns} FROM items i WHERE i.cluster_id = ?"
            " ORDER BY i.published_ts DESC, i.id DESC",
            (cluster_id,),
        )
        return [_headline(r) for r in rows]

    def cluster_kind(self, cluster_id: int) -> Literal["copy", "story"] | None:
        """``"copy"`` when every link in the cluster is near-verbatim, ``"story"`` otherwise."""
        kind = self._scalar("SELECT kind FROM clusters WHERE id = ?", (cluster_id,))
        return "copy" if kind == "copy" else "story" if kind == "story" else None

    def toggle_starred(self, item_id: int) -> bool:
        """Flip an item's starred state; return the new state."""
        return self._toggle(item_id, "starred")

    def _toggle(self, item_id: int, column: Literal["read", "starred"]) -> bool:
        with self._transaction() as conn:
            return self._flip(conn, item_id, column)

    def _flip(
        self, conn: sqlite3.Connection, item_id: int, column: Literal["read", "starred"]
    ) -> bool:
        row = conn.execute(f"SELECT {column} FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise StoreError(f"no stored item with id {item_id}", source=str(self.path))
        value = not row[0]
        conn.execute(f"UPDATE items SET {column} = ? WHERE id = ?", (int(value), item_id))
        return value

    # -- reading ---------------------------------------------------------------------------

    def total(self) -> int:
        """Number of stored items."""
        return int(self._scalar("SELECT count(*) FROM items"))

    def is_empty(self) -> bool:
        """True when nothing is stored."""
        return self._scalar("SELECT 1 FROM items LIMIT 1") is None

    def get_article(self, item_id: int) -> Article:
        """The full stored item.

        Raises:
            StoreError: no item has this id.
        """
        rows = self._rows(
            f"SELECT {self._columns}, i.body, i.published_known, i.photo_credit, i.author,"
            " i.guid, i.origin, i.feed_url, i.imported_ts, i.analysis_json"
            " FROM items i WHERE i.id = ?",
            (item_id,),
        )
        if not rows:
            raise StoreError(f"no stored item with id {item_id}", source=str(self.path))
        row = rows[0]
        head = _headline(row)
        body, known, credit, author, guid, origin, feed_url, imported, analysis = row[
            _ARTICLE_FIRST:
        ]
        item = Item(
            title=head.title,
            body=body,
            source=head.source,
            url=head.url,
            published=head.published if known else None,
            photo_credit=credit,
            guid=guid,
            author=author,
            origin=origin,
            feed_url=feed_url,
        )
        return Article(
            id=head.id,
            title=head.title,
            source=head.source,
            url=head.url,
            published=head.published,
            read=head.read,
            starred=head.starred,
            leader_tags=head.leader_tags,
            sector_tags=head.sector_tags,
            published_ts=head.published_ts,
            outlets=head.outlets,
            cluster_id=head.cluster_id,
            item=item,
            analysis=analysis_from_json(analysis),
            photo_credit=credit,
            author=author,
            published_known=bool(known),
            imported=_utc(imported),
        )

    def page(self, q: Query, *, after: PageKey | None = None, limit: int = 200) -> list[Headline]:
        """Up to ``limit`` rows strictly after ``after`` in display order (from the top if None)."""
        return self._keyset_page(q, after, limit, newest_first=True)

    def page_before(
        self, q: Query, before: PageKey | None = None, limit: int = 200
    ) -> list[Headline]:
        """The ``limit`` rows just before ``before`` (the last rows if None), in display order."""
        rows = self._keyset_page(q, before, limit, newest_first=False)
        rows.reverse()
        return rows

    def _keyset_page(
        self, q: Query, key: PageKey | None, limit: int, *, newest_first: bool
    ) -> list[Headline]:
        """Rows past ``key`` walking the display order down (newest first) or up (oldest first)."""
        plan = self._plan(q, limit)
        if plan.empty or limit <= 0:
            return []
        extra: list[str] = []
        params = list(plan.params)
        # Walking down the list means smaller (published, id) keys; up means larger ones.
        cmp, order = ("<", "DESC") if newest_first else (">", "ASC")
        if key is not None:
            extra.append(f"{plan.ts} {cmp}= ? AND ({plan.ts} {cmp} ? OR {plan.id} {cmp} ?)")
            params += [key[0], key[0], key[1]]
        sql = (
            f"SELECT {self._columns} FROM {plan.source}{plan.clause(extra)}"
            f" ORDER BY {plan.ts} {order}, {plan.id} {order} LIMIT ?"
        )
        return [_headline(r) for r in self._rows(sql, [*params, limit])]

    def count(self, q: Query) -> int:
        """Number of items the query matches."""
        plan = self._plan(q)
        if plan.empty:
            return 0
        if plan.fts_only is not None:
            return self._match_count(plan.fts_only)
        if plan.where == ["i.is_head = 1"] and plan.source == "items i":
            # Everything, collapsed: SQLite counts a whole table without a scan, and hidden
            # members are few (a partial index), where walking the head index costs ~7 ms at 100k.
            hidden = self._scalar("SELECT count(*) FROM items WHERE is_head = 0")
            return self.total() - int(hidden)
        if plan.fts_heads is not None:
            return self._match_count(plan.fts_heads) - self._match_count(
                plan.fts_heads, hidden=True
            )
        return int(
            self._scalar(f"SELECT count(*) FROM {plan.counted()}{plan.clause()}", plan.params)
        )

    def position(self, q: Query, item_id: int) -> int | None:
        """Zero-based row of ``item_id`` in the query's display order, or None if not in it."""
        plan = self._plan(q)
        if plan.empty:
            return None
        ts = self._scalar("SELECT published_ts FROM items WHERE id = ?", (item_id,))
        if ts is None:
            return None
        found = self._scalar(
            f"SELECT 1 FROM {plan.source}{plan.clause([f'{plan.ts} = ?', f'{plan.id} = ?'])}",
            [*plan.params, ts, item_id],
        )
        if found is None:
            return None
        before = f"{plan.ts} >= ? AND ({plan.ts} > ? OR {plan.id} > ?)"
        return int(
            self._scalar(
                f"SELECT count(*) FROM {plan.counted()}{plan.clause([before])}",
                [*plan.params, ts, ts, item_id],
            )
        )

    def next_unread(
        self, q: Query, after: PageKey | None = None, *, backwards: bool = False
    ) -> Headline | None:
        """The first unread row after ``after`` in display order (before it if ``backwards``)."""
        unread = replace(q, unread=True)
        rows = (
            self.page_before(unread, after, 1)
            if backwards
            else self.page(unread, after=after, limit=1)
        )
        return rows[0] if rows else None

    def leader_counts(self, q: Query) -> list[tuple[str, str, int]]:
        """``(leader id, name, items)`` within the query's view, most frequent first."""
        plan = self._plan(q)
        if plan.empty:
            return []
        # The whole collapsed view: one count per cluster, from the head-only partial index.
        where, params = " WHERE l.head = 1" if self._clustered else "", list(plan.params)
        if not q.is_empty:
            where = f" WHERE l.item_id IN (SELECT {plan.id} FROM {plan.source}{plan.clause()})"
        rows = self._rows(
            "SELECT l.leader_id, coalesce(ld.name, l.leader_id), count(*) AS n"
            " FROM item_leader l LEFT JOIN leaders ld ON ld.id = l.leader_id"
            f"{where} GROUP BY l.leader_id ORDER BY n DESC, 2",
            params,
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def sector_counts(self, q: Query) -> list[tuple[str, int]]:
        """``(sector id, items)`` within the query's view, most frequent first."""
        plan = self._plan(q)
        if plan.empty:
            return []
        where, params = " WHERE s.head = 1" if self._clustered else "", list(plan.params)
        if not q.is_empty:
            where = f" WHERE s.item_id IN (SELECT {plan.id} FROM {plan.source}{plan.clause()})"
        rows = self._rows(
            f"SELECT s.sector_id, count(*) AS n FROM item_sector s{where}"
            " GROUP BY s.sector_id ORDER BY n DESC, 1",
            params,
        )
        return [(r[0], r[1]) for r in rows]

    def leaders(self) -> list[tuple[str, str, str]]:
        """Every stored leader as ``(id, name, country)``, by name (for completion)."""
        return sorted(
            ((lid, name, country) for lid, (name, country) in self._leader_table().items()),
            key=lambda t: t[1],
        )

    def sources(self) -> list[str]:
        """Every stored source name, by name (for completion)."""
        return [r[0] for r in self._rows("SELECT name FROM sources ORDER BY key")]

    # -- query compilation -----------------------------------------------------------------

    def _leader_table(self) -> dict[str, tuple[str, str]]:
        if self._leaders is None:
            rows = self._rows("SELECT id, name, country FROM leaders")
            self._leaders = {r[0]: (r[1], r[2]) for r in rows}
        return self._leaders

    def resolve_leader(self, term: str) -> list[str]:
        """Leader ids a typed term means: the resolver's answer, else stored names and ids."""
        if self._resolver is not None:
            ids = list(dict.fromkeys(self._resolver(term)))
            if ids:
                return ids
        want = fold(" ".join(term.split()))
        found: list[str] = []
        for lid, (name, _country) in self._leader_table().items():
            folded = fold(name)
            words = set(folded.split()) | set(re.split(r"[\s\-]+", folded))
            if want in (fold(lid), folded) or want in words:
                found.append(lid)
        return sorted(found)

    def _source_keys(self, value: str) -> list[str]:
        # Exact name or prefix ("reuters" → "reuters", "reuters.com"); '\uffff' bounds the range.
        key = value.casefold()
        rows = self._rows(
            "SELECT key FROM sources WHERE key >= ? AND key < ?", (key, key + "\uffff")
        )
        return [r[0] for r in rows]

    def _plan(self, q: Query, limit: int | None = None) -> _Plan:
        """Compile ``q``; ``limit`` is the page size when only one page is wanted."""
        leader_sets = [self.resolve_leader(term) for term in q.leaders]
        if any(not ids for ids in leader_sets):
            return _Plan("items i", "i.published_ts", "i.id", [], [], empty=True)
        # One row per cluster (its head) unless the query asks for clusters, or for sources:
        # source:X lists X's own items, whichever outlet's copy happens to head the cluster.
        # The literal "head = 1" terms let SQLite use the partial head-only indexes.
        collapse = self._clustered and not q.clusters and not q.sources
        # Drive from the narrowest ordered index we can: one leader's or sector's slice.
        driver_leader = next((ids[0] for ids in leader_sets if len(ids) == 1), None)
        driver_sector = q.sectors[0] if driver_leader is None and q.sectors else None
        if driver_leader is not None:
            # CROSS JOIN pins the loop order: walk the tag index, look items up by rowid.
            plan = _Plan(
                "item_leader d CROSS JOIN items i ON i.id = d.item_id",
                "d.published_ts",
                "d.item_id",
                ["d.leader_id = ?", *(["d.head = 1"] if collapse else [])],
                [driver_leader],
            )
            leader_sets.remove([driver_leader])
        elif driver_sector is not None:
            plan = _Plan(
                "item_sector d CROSS JOIN items i ON i.id = d.item_id",
                "d.published_ts",
                "d.item_id",
                ["d.sector_id = ?", *(["d.head = 1"] if collapse else [])],
                [driver_sector],
            )
        else:
            plan = _Plan("items i", "i.published_ts", "i.id", [], [])
            if collapse:
                plan.where.append("i.is_head = 1")
        # Other tags: primary-key probes on the same (tag, published_ts, item_id) keys.
        for ids in leader_sets:
            marks = ", ".join("?" * len(ids))
            plan.where.append(
                "EXISTS (SELECT 1 FROM item_leader x WHERE x.leader_id IN "
                f"({marks}) AND x.published_ts = i.published_ts AND x.item_id = i.id)"
            )
            plan.params += ids
        for sector in q.sectors:
            if sector == driver_sector:
                continue
            plan.where.append(
                "EXISTS (SELECT 1 FROM item_sector x WHERE x.sector_id = ?"
                " AND x.published_ts = i.published_ts AND x.item_id = i.id)"
            )
            plan.params.append(sector)
        if q.sources:
            keys = sorted({k for value in q.sources for k in self._source_keys(value)})
            if not keys:
                plan.empty = True
                return plan
            plan.where.append(f"i.source_key IN ({', '.join('?' * len(keys))})")
            plan.params += keys
        if q.unread is not None:
            plan.where.append("i.read = ?")
            plan.params.append(0 if q.unread else 1)
        if q.starred is not None:
            plan.where.append("i.starred = ?")
            plan.params.append(1 if q.starred else 0)
        since: int | None = None
        now = self._clock()
        if q.since is not None:
            since = int((now - q.since).timestamp())
        if q.since_date is not None:
            day = datetime.combine(q.since_date, time(), tzinfo=now.tzinfo or UTC)
            since = max(since or 0, int(day.timestamp()))
        if since is not None:
            plan.where.append(f"{plan.ts} >= ?")
            plan.params.append(since)
        if q.clusters:
            plan.where.append(f"i.cluster_id IN ({', '.join('?' * len(q.clusters))})")
            plan.params += list(q.clusters)
        self._plan_text(q, plan, limit)
        return plan

    def _match_count(self, expr: str, *, hidden: bool = False) -> int:
        """Documents matching an FTS expression, cached until the next import or read change.

        Scrolling re-plans the same query for every page; the count walks whole doclists.
        ``hidden`` counts only collapsed-away cluster members: walking the few hidden rows and
        probing the match set beats probing every match for its head flag.
        """
        # Keyed by the commit generation too: a count read beside a writer (on the reader
        # connection) is filed under the generation it saw and never served after a commit.
        generation = self._generation
        key = f"{generation}\0" + ("\0hidden\0" if hidden else "") + expr
        count = self._match_counts.get(key)
        if count is None:
            sql = "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?"
            if hidden:
                sql = (
                    "SELECT count(*) FROM items i WHERE i.is_head = 0"
                    " AND i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"
                )
            count = int(self._scalar(sql, (expr,)))
            if self._writer_thread == threading.get_ident():
                return count  # read inside an open transaction: may still roll back
            if len(self._match_counts) > 256:
                self._match_counts.clear()
            self._match_counts[key] = count
        return count

    def _text_strategy(self, expr: str, limit: int | None) -> str | None:
        """Pick how to join a full-text match to the recency index; None keeps the default.

        Never rank (bm25 on a common word costs seconds at 1M). Few matches: fetch them by
        rowid and sort (the default). Many: walk the recency index and either probe FTS per
        row (dense matches, one page: ~40 us a probe) or probe a materialised match set
        ('+' stops SQLite from choosing the rowid-lookup-and-sort plan).
        """
        matches = self._match_count(expr)
        if matches <= _FTS_SORT_LIMIT:
            return None
        if limit is not None:
            density = matches / max(1, self.total())
            # Costs measured at 100k: a per-row probe ~40 us, materialising ~0.17 us a match.
            if limit / density * 40 < matches * 0.17:
                return (
                    "EXISTS (SELECT 1 FROM items_fts f WHERE items_fts MATCH ? AND f.rowid = i.id)"
                )
        return "+i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"

    def _plan_text(self, q: Query, plan: _Plan, limit: int | None) -> None:
        positive = [p for w in q.words if (p := _fts_phrase(w, prefix=True))]
        positive += [p for w in q.phrases if (p := _fts_phrase(w, prefix=False))]
        negative = [p for w in q.excluded if (p := _fts_phrase(w, prefix=False))]
        if positive:
            expr = " AND ".join(positive)
            if negative:
                expr = f"({expr}) NOT ({' OR '.join(negative)})"
            condition = "i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"
            if plan.source == "items i":
                condition = self._text_strategy(expr, limit) or condition
            if not plan.where and plan.source == "items i":
                plan.fts_only = expr
            if plan.where == ["i.is_head = 1"] and plan.source == "items i":
                plan.fts_heads = expr
            plan.where.append(condition)
            plan.params.append(expr)
        elif negative:
            plan.where.append("i.id NOT IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)")
            plan.params.append(" OR ".join(negative))


def _open_reader(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A read-only connection to the same file (WAL lets it read beside the writer)."""
    reader = sqlite3.connect(
        path, timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
    )
    reader.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    reader.execute("PRAGMA query_only = ON")
    return reader


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """A one-line, user-facing error for an SQLite failure on ``path``."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        message = "the database is locked by another program (is newsdesk already running?)"
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        message = "not a newsdesk database, or it is corrupt"
    elif "readonly" in text or "read-only" in text:
        message = "the database is read-only"
    elif "unable to open" in text:
        message = "cannot open the database file"
    elif "disk" in text and "full" in text:
        message = "the disk is full"
    else:
        message = f"database error: {exc}"
    return StoreError(message, source=str(path))
