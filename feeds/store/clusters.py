"""Cluster assignment at import time: same copy and same story, stored as clusters of items.

Runs inside :meth:`feeds.store.Store.import_items`' transaction, on its connection, so an item
and its cluster membership are committed together. Each new item is matched only against
stored items close in time, through indexed lookups:

* copy candidates: its 32 MinHash band keys in ``item_band`` within ±7 days, confirmed by the
  stored signatures' estimated Jaccard;
* story candidates: its 16 headline + lead band keys within ±72 h (confirmed by the exact token
  Jaccard), and items sharing a money/percent key in ``item_figure`` *and* a leader within ±72 h.

A cluster's newest member is its head (``items.is_head = 1``, mirrored into ``item_leader.head``
and ``item_sector.head``); the partial indexes on those flags keep collapsed lists index-only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from feeds.analysis.samestory import (
    COPY_CONFIRM,
    COPY_WINDOW,
    STORY_CONFIRM,
    STORY_WINDOW,
    StoryFacts,
    copy_band_keys,
    estimate_jaccard,
    signature_from_bytes,
    signature_to_bytes,
    story_band_keys,
    token_jaccard,
)
from feeds.models import Analysis, Item

MERGE_LIMIT = 200
"""Two existing clusters are merged only while the result stays this small.

Story links are transitive; without a bound one busy news day could chain into a single
cluster, and every later import into it would rewrite hundreds of rows.
"""

_COPY_SECONDS = int(COPY_WINDOW.total_seconds())
_STORY_SECONDS = int(STORY_WINDOW.total_seconds())


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _band_matches(conn: sqlite3.Connection, keys: Sequence[int], ts: int, window: int) -> set[int]:
    if not keys:
        return set()
    # IN on the leading key column plus a range on published_ts: one index seek per band.
    rows = conn.execute(
        f"SELECT item_id FROM item_band WHERE band_key IN ({_marks(keys)})"
        " AND published_ts BETWEEN ? AND ?",
        [*keys, ts - window, ts + window],
    ).fetchall()
    return {r[0] for r in rows}


def _copy_links(conn: sqlite3.Connection, facts: StoryFacts, keys: Sequence[int]) -> set[int]:
    candidates = sorted(_band_matches(conn, keys, facts.published_ts, _COPY_SECONDS))
    if not candidates:
        return set()
    rows = conn.execute(
        f"SELECT item_id, minhash FROM item_signature WHERE item_id IN ({_marks(candidates)})",
        candidates,
    ).fetchall()
    return {
        item_id
        for item_id, blob in rows
        if estimate_jaccard(facts.signature, signature_from_bytes(blob)) >= COPY_CONFIRM
    }


def _story_links(
    conn: sqlite3.Connection, facts: StoryFacts, keys: Sequence[int], leaders: Sequence[str]
) -> set[int]:
    ts = facts.published_ts
    found: set[int] = set()
    candidates = sorted(_band_matches(conn, keys, ts, _STORY_SECONDS))
    if candidates:
        rows = conn.execute(
            f"SELECT item_id, story_tokens FROM item_signature"
            f" WHERE item_id IN ({_marks(candidates)})",
            candidates,
        ).fetchall()
        found |= {
            item_id
            for item_id, text in rows
            if token_jaccard(facts.tokens, frozenset(text.split())) >= STORY_CONFIRM
        }
    figures = sorted(facts.figures)
    if figures and leaders:
        rows = conn.execute(
            "SELECT DISTINCT f.item_id FROM item_figure f"
            f" WHERE f.figure_key IN ({_marks(figures)}) AND f.published_ts BETWEEN ? AND ?"
            " AND EXISTS (SELECT 1 FROM item_leader l"
            f" WHERE l.item_id = f.item_id AND l.leader_id IN ({_marks(leaders)}))",
            [*figures, ts - _STORY_SECONDS, ts + _STORY_SECONDS, *leaders],
        ).fetchall()
        found |= {r[0] for r in rows}
    return found


def assign(
    conn: sqlite3.Connection,
    item_id: int,
    item: Item,
    analysis: Analysis,
    published_ts: int,
    now_ts: int,
) -> int | None:
    """Store the matching facts of a just-inserted item and put it in a cluster if it has one.

    Returns the item's cluster id, or None when it matched nothing.
    """
    facts = StoryFacts.of(item, analysis, published_ts)
    copy_keys = copy_band_keys(facts.signature)
    story_keys = story_band_keys(facts.tokens)
    leaders = sorted(facts.leaders)
    # Match before indexing the item itself, so it never finds itself.
    copies = _copy_links(conn, facts, copy_keys)
    stories = _story_links(conn, facts, story_keys, leaders) - copies
    blob = signature_to_bytes(facts.signature)
    conn.execute(
        "INSERT INTO item_signature (item_id, published_ts, minhash, story_tokens)"
        " VALUES (?, ?, ?, ?)",
        (item_id, published_ts, blob, " ".join(sorted(facts.tokens))),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO item_band (band_key, published_ts, item_id) VALUES (?, ?, ?)",
        [(key, published_ts, item_id) for key in (*copy_keys, *story_keys)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO item_figure (figure_key, published_ts, item_id) VALUES (?, ?, ?)",
        [(key, published_ts, item_id) for key in sorted(facts.figures)],
    )
    links = sorted(copies | stories)
    if not links:
        return None
    kind = "story" if stories else "copy"
    rows = conn.execute(
        f"SELECT DISTINCT cluster_id FROM items WHERE id IN ({_marks(links)})"
        " AND cluster_id IS NOT NULL ORDER BY cluster_id",
        links,
    ).fetchall()
    existing = [r[0] for r in rows]
    if existing:
        target = _merge(conn, existing)
        if kind == "story":
            conn.execute("UPDATE clusters SET kind = 'story' WHERE id = ?", (target,))
    else:
        target = int(
            conn.execute(
                "INSERT INTO clusters (kind, created_ts) VALUES (?, ?)", (kind, now_ts)
            ).lastrowid
            or 0
        )
    # Unclustered linked items join too; those in clusters we could not merge stay put.
    conn.execute(
        f"UPDATE items SET cluster_id = ? WHERE id IN ({_marks(links)}) AND cluster_id IS NULL",
        [target, *links],
    )
    conn.execute("UPDATE items SET cluster_id = ? WHERE id = ?", (target, item_id))
    refresh(conn, target)
    return target


def _merge(conn: sqlite3.Connection, cluster_ids: Sequence[int]) -> int:
    """Fold clusters into the oldest one while it stays under :data:`MERGE_LIMIT`."""
    target = cluster_ids[0]
    size = _size(conn, target)
    for other in cluster_ids[1:]:
        other_size = _size(conn, other)
        if size + other_size > MERGE_LIMIT:
            continue
        conn.execute("UPDATE items SET cluster_id = ? WHERE cluster_id = ?", (target, other))
        conn.execute(
            "UPDATE clusters SET kind = 'story' WHERE id = ?"
            " AND EXISTS (SELECT 1 FROM clusters WHERE id = ? AND kind = 'story')",
            (target, other),
        )
        conn.execute("DELETE FROM clusters WHERE id = ?", (other,))
        size += other_size
    return target


def _size(conn: sqlite3.Connection, cluster_id: int) -> int:
    row = conn.execute("SELECT count(*) FROM items WHERE cluster_id = ?", (cluster_id,)).fetchone()
    return int(row[0])


def refresh(conn: sqlite3.Connection, cluster_id: int) -> None:
    """Recompute a cluster's head (its newest member) and outlet count on every member."""
    rows = conn.execute(
        "SELECT id, source_key FROM items WHERE cluster_id = ? ORDER BY published_ts DESC, id DESC",
        (cluster_id,),
    ).fetchall()
    if not rows:
        return
    head = rows[0][0]
    outlets = len({r[1] for r in rows}) - 1
    ids = [r[0] for r in rows]
    conn.execute(
        "UPDATE items SET is_head = (id = ?), outlets = ? WHERE cluster_id = ?"
        " AND (is_head != (id = ?) OR outlets != ?)",
        (head, outlets, cluster_id, head, outlets),
    )
    for table in ("item_leader", "item_sector"):
        conn.execute(
            f"UPDATE {table} SET head = (item_id = ?) WHERE item_id IN ({_marks(ids)})"
            " AND head != (item_id = ?)",
            [head, *ids, head],
        )
