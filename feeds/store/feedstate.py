"""Per-feed fetch state (table ``feed_state``, schema v2) and per-feed item counts.

These are functions over an open :class:`~feeds.store.Store` rather than methods, so the store
module stays untouched; they use its private helpers ``Store._transaction()`` (one write
transaction, rolled back on error) and ``Store._rows()`` (locked read), which serialise on the
store's lock like every other call.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from feeds.store import Store

_COLUMNS = (
    "url, title, etag, last_modified, last_attempt_ts, last_success_ts, last_error, last_status,"
    " retry_after_ts, new_items_last"
)


@dataclass(frozen=True, slots=True)
class FeedState:
    """What newsdesk learned the last times it fetched one feed."""

    url: str
    title: str = ""
    """The feed's own title as last seen."""
    etag: str = ""
    last_modified: str = ""
    last_attempt_ts: int | None = None
    last_success_ts: int | None = None
    last_error: str = ""
    """Words for the user; empty after a success."""
    last_status: int | None = None
    """HTTP status of the last answer, None when there was none (DNS, refused...)."""
    retry_after_ts: int | None = None
    """Do not ask this feed again before this time (unix seconds), from 429/503."""
    new_items_last: int = 0
    content_hash: str = ""
    """Digest of the last good 200 body (:func:`content_digest`); '' when unknown."""
    content_items: int = 0
    """Items that body held (all stored by then)."""


_HASH_VERSION = 5
"""Schema version that added ``content_hash`` and ``content_items``."""


def content_digest(content: bytes) -> str:
    """The digest a body is remembered by: BLAKE2b-128, hex (≈ 1 GB/s; no parse needed)."""
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def _columns(store: Store) -> str:
    if store.schema_version >= _HASH_VERSION:
        return f"{_COLUMNS}, content_hash, content_items"
    return _COLUMNS


def _state(row: Sequence[Any]) -> FeedState:
    return FeedState(*row)


def get_state(store: Store, url: str) -> FeedState | None:
    """The stored state of ``url``, or None when it was never fetched."""
    rows = store._rows(f"SELECT {_columns(store)} FROM feed_state WHERE url = ?", (url,))
    return _state(rows[0]) if rows else None


def all_states(store: Store) -> dict[str, FeedState]:
    """Every feed's stored state, by URL."""
    rows = store._rows(f"SELECT {_columns(store)} FROM feed_state")
    return {row[0]: _state(row) for row in rows}


def item_counts(store: Store) -> dict[str, int]:
    """Stored items per feed URL (items from local files are not counted)."""
    # Grouping walks the partial index items_feed, never the table.
    rows = store._rows(
        "SELECT feed_url, count(*) FROM items WHERE feed_url != '' GROUP BY feed_url"
    )
    return {row[0]: int(row[1]) for row in rows}


def item_count(store: Store, url: str) -> int:
    """Stored items of one feed."""
    rows = store._rows("SELECT count(*) FROM items WHERE feed_url = ?", (url,))
    return int(rows[0][0])


def record_success(
    store: Store,
    url: str,
    *,
    now: int,
    title: str = "",
    etag: str = "",
    last_modified: str = "",
    status: int | None = 200,
    new_items: int = 0,
    not_modified: bool = False,
    content_hash: str = "",
    content_items: int = 0,
) -> None:
    """Record a good answer: validators kept for the next conditional GET, error cleared.

    On a 304 (``not_modified``) the server may omit validators; the stored ones are kept then.
    A title is kept when the new one is empty. ``content_hash`` (with ``content_items``)
    remembers the body just stored; '' keeps the remembered one (a 304, an unchanged body).
    Call it only once the body's items are committed (or in the same :meth:`Store.batch`).
    """
    with store._transaction() as conn:
        if content_hash and store.schema_version >= _HASH_VERSION:
            conn.execute(
                "INSERT INTO feed_state (url, content_hash, content_items) VALUES (?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET content_hash = excluded.content_hash,"
                " content_items = excluded.content_items",
                (url, content_hash, content_items),
            )
        conn.execute(
            "INSERT INTO feed_state (url, title, etag, last_modified, last_attempt_ts,"
            " last_success_ts, last_error, last_status, retry_after_ts, new_items_last)"
            " VALUES (?, ?, ?, ?, ?, ?, '', ?, NULL, ?)"
            " ON CONFLICT (url) DO UPDATE SET"
            " title = CASE WHEN excluded.title != '' THEN excluded.title ELSE title END,"
            " etag = CASE WHEN ? AND excluded.etag = '' THEN etag ELSE excluded.etag END,"
            " last_modified = CASE WHEN ? AND excluded.last_modified = '' THEN last_modified"
            " ELSE excluded.last_modified END,"
            " last_attempt_ts = excluded.last_attempt_ts,"
            " last_success_ts = excluded.last_success_ts,"
            " last_error = '', last_status = excluded.last_status, retry_after_ts = NULL,"
            " new_items_last = excluded.new_items_last",
            (
                url,
                title,
                etag,
                last_modified,
                now,
                now,
                status,
                new_items,
                int(not_modified),
                int(not_modified),
            ),
        )


def record_failure(
    store: Store,
    url: str,
    *,
    now: int,
    error: str,
    status: int | None = None,
    retry_after_ts: int | None = None,
) -> None:
    """Record a failed fetch; validators, last success and every stored item are kept."""
    with store._transaction() as conn:
        conn.execute(
            "INSERT INTO feed_state (url, last_attempt_ts, last_error, last_status,"
            " retry_after_ts, new_items_last) VALUES (?, ?, ?, ?, ?, 0)"
            " ON CONFLICT (url) DO UPDATE SET last_attempt_ts = excluded.last_attempt_ts,"
            " last_error = excluded.last_error, last_status = excluded.last_status,"
            " retry_after_ts = excluded.retry_after_ts, new_items_last = 0",
            (url, now, error, status, retry_after_ts),
        )


def forget_state(store: Store, url: str) -> None:
    """Drop a feed's fetch state (its stored items stay)."""
    with store._transaction() as conn:
        conn.execute("DELETE FROM feed_state WHERE url = ?", (url,))
