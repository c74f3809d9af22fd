"""Versioned schema: ``PRAGMA user_version`` counts the migrations applied.

Append a function to :data:`MIGRATIONS` to change the schema; never edit one that has shipped.
Each migration runs in its own transaction together with the version bump, so a crash leaves the
database at the previous version, never half-migrated.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from feeds.errors import StoreError

Migration = Callable[[sqlite3.Connection], None]

_V1 = (
    """
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        source_key TEXT NOT NULL DEFAULT '',   -- casefolded source, for source: filters
        url TEXT NOT NULL DEFAULT '',
        published_ts INTEGER NOT NULL,         -- unix seconds; import time when unknown
        published_known INTEGER NOT NULL DEFAULT 1,
        photo_credit TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        guid TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        feed_url TEXT NOT NULL DEFAULT '',
        imported_ts INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        leader_tags TEXT NOT NULL DEFAULT '',  -- "Tokayev,Xi": paints a row without joins
        sector_tags TEXT NOT NULL DEFAULT '',
        analysis_json TEXT NOT NULL DEFAULT '{}',
        cluster_id INTEGER
    )
    """,
    # Every list view is "newest first" over one of these, so paging never sorts.
    "CREATE INDEX items_published ON items (published_ts, id)",
    "CREATE INDEX items_read ON items (read, published_ts, id)",
    "CREATE INDEX items_starred ON items (starred, published_ts, id)",
    "CREATE INDEX items_source ON items (source_key, published_ts, id)",
    "CREATE INDEX items_cluster ON items (cluster_id, published_ts, id)"
    " WHERE cluster_id IS NOT NULL",
    """
    CREATE TABLE leaders (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT ''
    )
    """,
    # Denormalised (tag, published) keys: a leader/sector filter walks its own slice of the
    # index already in display order instead of probing every item (PERFORMANCE.md §5).
    """
    CREATE TABLE item_leader (
        leader_id TEXT NOT NULL,
        published_ts INTEGER NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        PRIMARY KEY (leader_id, published_ts, item_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX item_leader_item ON item_leader (item_id)",
    """
    CREATE TABLE item_sector (
        sector_id TEXT NOT NULL,
        published_ts INTEGER NOT NULL,
        item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        score REAL NOT NULL,
        PRIMARY KEY (sector_id, published_ts, item_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX item_sector_item ON item_sector (item_id)",
    # Distinct sources, so a source: prefix resolves to exact keys without scanning items.
    "CREATE TABLE sources (key TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID",
    # External content: the text lives once, in items; prefix='2 3' keeps short prefix
    # searches indexed (300 ms → 0.04 ms at 1M in PERFORMANCE.md).
    """
    CREATE VIRTUAL TABLE items_fts USING fts5 (
        title, body,
        content='items', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2',
        prefix='2 3'
    )
    """,
)


def _migration_1(conn: sqlite3.Connection) -> None:
    for statement in _V1:
        conn.execute(statement)


_V2 = (
    # Fetch state per subscribed feed. The subscription list itself is the user's TOML file;
    # this is what newsdesk learned while fetching (validators, errors, politeness).
    """
    CREATE TABLE feed_state (
        url TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        etag TEXT NOT NULL DEFAULT '',             -- echoed byte-exact in If-None-Match
        last_modified TEXT NOT NULL DEFAULT '',    -- echoed byte-exact in If-Modified-Since
        last_attempt_ts INTEGER,
        last_success_ts INTEGER,
        last_error TEXT NOT NULL DEFAULT '',       -- words for the user, empty after success
        last_status INTEGER,
        retry_after_ts INTEGER,                    -- do not ask again before this (429/503)
        new_items_last INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID
    """,
    "CREATE INDEX items_feed ON items (feed_url, published_ts, id) WHERE feed_url != ''",
)


def _migration_2(conn: sqlite3.Connection) -> None:
    for statement in _V2:
        conn.execute(statement)


_V3 = (
    # Same copy / same story (feeds.analysis.samestory). A cluster groups items; its newest
    # member is the head, the one row list views show.
    """
    CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('copy', 'story')),  -- 'story' once any link is
        created_ts INTEGER NOT NULL                             -- not a near-verbatim copy
    )
    """,
    # is_head: 1 for the row a collapsed list shows (every unclustered item, and the newest
    # member of each cluster). outlets: distinct other sources in the cluster, so a row paints
    # "+2 outlets" without a join.
    "ALTER TABLE items ADD COLUMN is_head INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE items ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0",
    # Partial indexes holding heads only: a collapsed list pages and counts from an index
    # already in display order, as before, instead of probing rows to skip hidden members.
    "CREATE INDEX items_head_published ON items (published_ts, id) WHERE is_head = 1",
    "CREATE INDEX items_head_read ON items (read, published_ts, id) WHERE is_head = 1",
    "CREATE INDEX items_head_starred ON items (starred, published_ts, id) WHERE is_head = 1",
    # Hidden members only: a collapsed full-text count is "matches minus hidden matches".
    "CREATE INDEX items_hidden ON items (id) WHERE is_head = 0",
    # The same flag on the denormalised tag keys, so leader:/sector: stay index-only. These are
    # WITHOUT ROWID tables: the flag sits in the primary-key record the filter already walks,
    # so it needs no index of its own.
    "ALTER TABLE item_leader ADD COLUMN head INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE item_sector ADD COLUMN head INTEGER NOT NULL DEFAULT 1",
    # What matching needs from a stored item, computed once at import: the MinHash signature
    # (128 little-endian uint16, "b-bit MinHash"), headline + lead content tokens.
    """
    CREATE TABLE item_signature (
        item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
        published_ts INTEGER NOT NULL,
        minhash BLOB NOT NULL,
        story_tokens TEXT NOT NULL DEFAULT ''
    )
    """,
    # LSH band keys (copy and headline bands share one key space), looked up by key within a
    # published_ts window: one short index range per band.
    """
    CREATE TABLE item_band (
        band_key INTEGER NOT NULL,
        published_ts INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        PRIMARY KEY (band_key, published_ts, item_id)
    ) WITHOUT ROWID
    """,
    """
    CREATE TABLE item_figure (
        figure_key TEXT NOT NULL,
        published_ts INTEGER NOT NULL,
        item_id INTEGER NOT NULL,
        PRIMARY KEY (figure_key, published_ts, item_id)
    ) WITHOUT ROWID
    """,
)


def _migration_3(conn: sqlite3.Connection) -> None:
    for statement in _V3:
        conn.execute(statement)


_V4 = (
    # Two-phase import: a refresh stores items (text, dates, full-text index) with no analysis
    # so they are listed at once; ``feeds.ingest.analyse_pending`` analyses them afterwards.
    # Rows stored before this migration were analysed at import, hence the default of 1.
    "ALTER TABLE items ADD COLUMN analysed INTEGER NOT NULL DEFAULT 1",
    # The queue of unanalysed items, oldest first; empty (and free) once they are done.
    "CREATE INDEX items_pending ON items (id) WHERE analysed = 0",
)


def _migration_4(conn: sqlite3.Connection) -> None:
    for statement in _V4:
        conn.execute(statement)


_V5 = (
    # What the last good 200 body was: a refresh that downloads the very same bytes again (a
    # server that sends no validators, or a new Last-Modified over unchanged content) skips
    # parsing and dedup entirely. content_hash is a hex BLAKE2b digest of the decoded body
    # ('' = unknown); content_items is how many items that body held (reported as known).
    "ALTER TABLE feed_state ADD COLUMN content_hash TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE feed_state ADD COLUMN content_items INTEGER NOT NULL DEFAULT 0",
)


def _migration_5(conn: sqlite3.Connection) -> None:
    for statement in _V5:
        conn.execute(statement)


def _migration_6(conn: sqlite3.Connection) -> None:
    # From now on an item has a full-text entry once it is analysed (phase 2): indexing is
    # most of phase 1's cost. Pending items stored by earlier versions were indexed at once;
    # drop those entries (with exactly the stored values, as external content requires) so
    # phase 2 does not index them twice.
    conn.execute(
        "INSERT INTO items_fts (items_fts, rowid, title, body)"
        " SELECT 'delete', id, title, body FROM items WHERE analysed = 0"
    )


def _migration_7(conn: sqlite3.Connection) -> None:
    # items.analysed = 2: analysed (filterable by leader and sector) but not yet clustered.
    # A refresh writes the analyses first and clusters afterwards; this is that queue.
    conn.execute("CREATE INDEX items_unclustered ON items (id) WHERE analysed = 2")


_OLD_COPY_BANDS_END = 42 << 32
"""Copy band keys before v8 (42 bands of 3 rows) were below this; story keys start here."""
_REBAND_CHUNK = 5000


_REBAND_SPAN_S = 14 * 86_400
"""Items re-banded by migration 8: those this close to the newest one (twice the 7-day copy
window). Older items can only be copies of news published within a week of them."""


def _migration_8(conn: sqlite3.Connection) -> None:
    # Copy bands: 21 of 2 rows over the stored 16-bit signature values instead of 42 of 3
    # (feeds.analysis.samestory.COPY_BANDS): the same copies are found with half the copy
    # rows, which were most of item_band. The old rows go; recent matched items get their new
    # keys from their stored signatures (100k items spread over months: about 2 s instead of
    # 9 s for all of them; clusters already formed are kept either way).
    from feeds.lsh import copy_band_keys_stored

    conn.execute("DELETE FROM item_band WHERE band_key < ?", (_OLD_COPY_BANDS_END,))
    newest = conn.execute("SELECT max(published_ts) FROM item_signature").fetchone()[0]
    if newest is None:
        return
    since = int(newest) - _REBAND_SPAN_S
    after = -1
    while True:
        rows = conn.execute(
            "SELECT item_id, published_ts, minhash FROM item_signature WHERE item_id > ?"
            " AND published_ts >= ? ORDER BY item_id LIMIT ?",
            (after, since, _REBAND_CHUNK),
        ).fetchall()
        if not rows:
            return
        after = rows[-1][0]
        band_rows = sorted(
            (key, ts, item_id)
            for item_id, ts, blob in rows
            for key in copy_band_keys_stored(bytes(blob))
        )
        conn.executemany(
            "INSERT OR IGNORE INTO item_band (band_key, published_ts, item_id) VALUES (?, ?, ?)",
            band_rows,
        )


MIGRATIONS: list[Migration] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
]
"""Ordered migrations; after applying ``MIGRATIONS[i]`` the version is ``i + 1``."""


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the database up to ``len(MIGRATIONS)``; return the final version.

    Raises:
        StoreError: the database was written by a newer newsdesk.
    """
    migrations = MIGRATIONS  # read at call time so tests can substitute the list
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > len(migrations):
        raise StoreError(
            f"database schema version {version} is newer than this newsdesk understands "
            f"({len(migrations)}); upgrade newsdesk",
            source=str(path),
        )
    for index in range(version, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[index](conn)
            # PRAGMA cannot take a bound parameter; index is an int we computed.
            conn.execute(f"PRAGMA user_version = {index + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return len(migrations)
