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
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from feeds.models import Analysis, Item

if TYPE_CHECKING:
    from feeds.analysis.samestory import MatchKeys, Signature, StoryFacts

MERGE_LIMIT = 200
"""Two existing clusters are merged only while the result stays this small.

Story links are transitive; without a bound one busy news day could chain into a single
cluster, and every later import into it would rewrite hundreds of rows.
"""

# The windows are samestory's COPY_WINDOW and STORY_WINDOW (checked by the tests); samestory
# itself is imported lazily: it pulls in the analysis package, which a 304-only refresh or the
# TUI's first paint must not pay for.
_COPY_SECONDS = int(timedelta(days=7).total_seconds())
_STORY_SECONDS = int(timedelta(hours=72).total_seconds())
MAX_CANDIDATES = 16
"""Candidates confirmed per item and kind. Real copies share most bands and rank first, and one
confirmed link is enough to join a cluster (links are transitive), so the cap only bites on
text so uniform that hundreds of items collide (synthetic feeds), where confirming every pair
made import quadratic. (64 before: a quarter of a cold 10k-item refresh's clustering time.)"""
BUCKET_LIMIT = MERGE_LIMIT
"""Rows of one band key within the window beyond which the key is ignored (a stop key)."""
_CHUNK = 500
"""Bound variables per ``IN (...)`` list: well under SQLite's limit."""

Entry = tuple[int, Item, Analysis, int]
"""``(item id, item, analysis, published_ts)`` of an item to cluster."""


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


class Matcher:
    """Matching state of one or more batches: stored band rows, signatures and token sets.

    All new band keys of a batch are looked up together (two ``IN (...)`` queries per 500
    keys: a count, then the rows of the keys that are not stop keys), stored candidates'
    signatures and token sets are read once, and assigned items are indexed in memory, so
    later items find them exactly as if they had been stored one by one.

    The state stays valid for later batches whose window lies inside :attr:`low`..
    :attr:`high` as long as nothing else writes band rows (the store drops it otherwise):
    every key in memory was loaded before this matcher indexed an item under it, so its
    bucket holds every row of the window. A run of batches then reads each key once instead
    of re-reading the previous batches' rows (10k items: ≈ 1 s of a cold refresh).
    """

    def __init__(self, conn: sqlite3.Connection, low: int, high: int) -> None:
        self.conn = conn
        self.low = low
        self.high = high
        """The published_ts window whose rows the loaded buckets hold."""
        self.loaded: set[int] = set()
        """Band keys whose stored rows were read (or that had none)."""
        # Nothing matchable stored in the window (a first refresh, or a quiet week): no key
        # needs looking up at all; everything this matcher will know it indexes itself.
        self.blank = self._nothing_stored(low, high)
        self.bands: dict[int, int | list[int]] = {}
        """band key -> item ids, stored rows and this batch's items (in that order); a key
        with one item maps to its id (most copy keys never see a second: no list each)."""
        self.stamps: dict[int, int] = {}
        """item id -> published_ts of every item in a loaded bucket."""
        self.earliest = high
        self.latest = low
        """The range of :attr:`stamps`: when it lies within an item's window, no candidate
        needs a window check."""
        self.signatures: dict[int, Signature] = {}
        self.tokens: dict[int, tuple[str, ...]] = {}
        """item id -> its headline + lead tokens, each once."""
        self.full: set[int] = set()
        """Stop keys: oversized buckets, never used for candidates."""

    @property
    def size(self) -> int:
        """Items whose facts are held."""
        return len(self.signatures)

    def _nothing_stored(self, low: int, high: int) -> bool:
        """Whether no matched item (one with band rows) is published within [low, high]."""
        row = self.conn.execute(
            "SELECT 1 FROM items i JOIN item_signature s ON s.item_id = i.id"
            " WHERE i.published_ts BETWEEN ? AND ? LIMIT 1",
            (low, high),
        ).fetchone()
        return row is None

    def cover(self, low: int, high: int) -> bool:
        """Make this state serve a batch needing rows within ``[low, high]``, if it can.

        It can when the window already covers that span, or when the part it lacks holds
        no stored rows (then the buckets are complete for the wider window too)."""
        before = (low, self.low - 1) if low < self.low else None
        after = (self.high + 1, high) if high > self.high else None
        if any(span is not None and not self._nothing_stored(*span) for span in (before, after)):
            return False
        self.low, self.high = min(low, self.low), max(high, self.high)
        return True

    def load_bands(self, keys: set[int]) -> None:
        """Stored rows of each band key not loaded yet, within the window; a key with more
        than :data:`BUCKET_LIMIT` rows is a stop key (text too common to tell stories apart)
        and is ignored, as LSH implementations ignore oversized buckets."""
        if self.blank:
            return
        low, high = self.low, self.high
        ordered = sorted(keys - self.loaded)
        self.loaded.update(ordered)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start : start + _CHUNK]
            # Count first (in SQLite, no rows cross into Python): a stop key's bucket can hold
            # thousands of rows that would only be thrown away.
            counted = self.conn.execute(
                "SELECT band_key, count(*) FROM item_band"
                f" WHERE band_key IN ({_marks(chunk)}) AND published_ts BETWEEN ? AND ?"
                " GROUP BY band_key",
                [*chunk, low, high],
            ).fetchall()
            wanted = []
            for key, n in counted:
                if n > BUCKET_LIMIT:
                    self.full.add(key)
                else:
                    wanted.append(key)
            if not wanted:
                continue
            rows = self.conn.execute(
                "SELECT band_key, published_ts, item_id FROM item_band"
                f" WHERE band_key IN ({_marks(wanted)}) AND published_ts BETWEEN ? AND ?"
                " ORDER BY band_key, published_ts, item_id",
                [*wanted, low, high],
            ).fetchall()
            for key, ts, item_id in rows:
                bucket = self.bands.setdefault(key, [])
                if isinstance(bucket, int):  # (a key is loaded before anything is added)
                    bucket = self.bands[key] = [bucket]
                bucket.append(item_id)
                self.stamps[item_id] = ts
            if rows:
                self.earliest = min(self.earliest, min(r[1] for r in rows))
                self.latest = max(self.latest, max(r[1] for r in rows))

    def matches(self, keys: Sequence[int], ts: int, window: int) -> list[int]:
        """Candidates sharing a band within ``window``: at most :data:`MAX_CANDIDATES`, those
        sharing the most bands (the likeliest matches) first, ties to the highest id."""
        hits: Counter[int] = Counter()
        full, bands = self.full, self.bands
        for key in keys:
            if key not in full:
                bucket = bands.get(key)
                if bucket is None:
                    continue
                if isinstance(bucket, int):
                    hits[bucket] += 1
                else:
                    hits.update(bucket)  # counted in C
        if not hits:
            return []
        outside = ts - self.earliest > window or self.latest - ts > window
        if len(hits) > _VECTOR_FROM:
            return _strongest(hits, self.stamps if outside else None, ts, window)
        if outside:
            stamps = self.stamps
            for item_id in [i for i in hits if abs(stamps[i] - ts) > window]:
                del hits[item_id]
        if len(hits) <= MAX_CANDIDATES:
            return sorted(hits)
        return sorted(sorted(hits, key=lambda i: (hits[i], i))[-MAX_CANDIDATES:])

    def load_facts(self, ids: Sequence[int]) -> None:
        from feeds.analysis.samestory import signature_from_bytes

        missing = [i for i in ids if i not in self.signatures]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            rows = self.conn.execute(
                "SELECT item_id, minhash, story_tokens FROM item_signature"
                f" WHERE item_id IN ({_marks(chunk)})",
                chunk,
            ).fetchall()
            for item_id, blob, text in rows:
                self.signatures[item_id] = signature_from_bytes(blob)
                self.tokens[item_id] = tuple(map(sys.intern, text.split()))

    def add(self, item_id: int, facts: StoryFacts, keys: Sequence[int]) -> None:
        self.signatures[item_id] = facts.signature
        # A tuple of shared strings: a fifth of a frozenset's memory, and only ever the
        # argument of a set intersection.
        self.tokens[item_id] = tuple(map(sys.intern, facts.tokens))
        ts = facts.published_ts
        self.stamps[item_id] = ts
        self.earliest = min(self.earliest, ts)
        self.latest = max(self.latest, ts)
        full, bands = self.full, self.bands
        for key in keys:
            if key in full:
                continue
            bucket = bands.get(key)
            if bucket is None:
                bands[key] = item_id
            elif isinstance(bucket, int):
                bands[key] = [bucket, item_id]
            else:
                bucket.append(item_id)
                if len(bucket) > BUCKET_LIMIT:
                    full.add(key)


_VECTOR_FROM = 64
"""Above this many counted candidates, window check and ranking run in numpy (on synthetic
text with a tiny vocabulary an item can count thousands)."""


def _strongest(
    hits: Counter[int], stamps: dict[int, int] | None, ts: int, window: int
) -> list[int]:
    """:meth:`Matcher.matches`' selection for many candidates: those within ``window`` of
    ``ts`` (every one when ``stamps`` is None), the :data:`MAX_CANDIDATES` largest by (shared
    bands, id), in id order."""
    import numpy as np

    count = len(hits)
    ids = np.fromiter(hits.keys(), dtype=np.int64, count=count)
    shared = np.fromiter(hits.values(), dtype=np.int64, count=count)
    if stamps is not None:
        when = np.fromiter(map(stamps.__getitem__, hits.keys()), dtype=np.int64, count=count)
        near = np.abs(when - ts) <= window
        ids, shared = ids[near], shared[near]
    if len(ids) > MAX_CANDIDATES:
        if int(ids.max()) < 2**40:  # rowids: always, in practice; then one integer ranks
            best = np.argpartition((shared << 40) | ids, -MAX_CANDIDATES)[-MAX_CANDIDATES:]
        else:
            best = np.lexsort((ids, shared))[-MAX_CANDIDATES:]
        ids = ids[best]
    return sorted(ids.tolist())


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
    return assign_many(conn, [(item_id, item, analysis, published_ts)], now_ts)[0][0]


def assign_many(
    conn: sqlite3.Connection,
    entries: Sequence[Entry],
    now_ts: int,
    keys: Sequence[MatchKeys | None] | None = None,
    matcher: Matcher | None = None,
) -> tuple[list[int | None], Matcher]:
    """:func:`assign` for a batch, in order: each item is matched against stored items and the
    batch's earlier items, exactly as one-by-one assignment would, with far fewer queries.

    ``keys``, when given, holds each entry's :class:`~feeds.analysis.samestory.MatchKeys`
    (computed elsewhere, e.g. in an analysis worker process); None entries are computed here.
    ``matcher`` is the state an earlier call returned, reused when its window covers this
    batch; the caller must drop it when anything else has written band rows since, or when
    that call's transaction rolled back.

    Returns each entry's cluster id (None when it matched nothing) at the time it was
    assigned, and the matching state (for the next batch).
    """
    from feeds.analysis.samestory import (
        COPY_CONFIRM,
        STORY_CONFIRM,
        STORY_MIN_TOKENS,
        MatchKeys,
        estimate_jaccard,
        signature_to_bytes,
    )

    if not entries:
        return [], matcher or Matcher(conn, 0, -1)
    prepared = []
    for n, (item_id, item, analysis, ts) in enumerate(entries):
        match = keys[n] if keys is not None else None
        if match is None:
            match = MatchKeys.of(item)
        prepared.append((item_id, match.facts(analysis, ts), match.copy_keys, match.story_keys))
    stamps = [e[3] for e in entries]
    low, high = min(stamps) - _COPY_SECONDS, max(stamps) + _COPY_SECONDS
    batch = matcher if matcher is not None and matcher.cover(low, high) else None
    if batch is None:
        batch = Matcher(conn, low, high)
    batch.load_bands({k for _i, _f, ck, sk in prepared for k in (*ck, *sk)})
    band_rows: list[tuple[int, int, int]] = []
    signature_rows: list[tuple[int, int, bytes, str]] = []
    assigned: list[int | None] = []
    touched: set[int] = set()
    for item_id, facts, copy_keys, story_keys in prepared:
        ts = facts.published_ts
        # Match before indexing the item itself, so it never finds itself.
        copy_candidates = batch.matches(copy_keys, ts, _COPY_SECONDS)
        story_candidates = batch.matches(story_keys, ts, _STORY_SECONDS)
        batch.load_facts(sorted({*copy_candidates, *story_candidates}))
        copies = {
            other
            for other in copy_candidates
            if other in batch.signatures
            and estimate_jaccard(facts.signature, batch.signatures[other]) >= COPY_CONFIRM
        }
        stories: set[int] = set()
        mine = facts.tokens
        size = len(mine)
        if size >= STORY_MIN_TOKENS:  # token_jaccard, inlined: no union set per pair
            tokens = batch.tokens
            for other in story_candidates:
                theirs = tokens.get(other)
                if theirs is None or len(theirs) < STORY_MIN_TOKENS:
                    continue
                shared = len(mine.intersection(theirs))
                if shared / (size + len(theirs) - shared) >= STORY_CONFIRM:
                    stories.add(other)
        stories |= _figure_links(conn, facts)
        stories -= copies
        signature_rows.append(
            (item_id, ts, signature_to_bytes(facts.signature), " ".join(sorted(facts.tokens)))
        )
        if facts.figures:
            # Figures now: a later item of the batch matches them through SQL.
            conn.executemany(
                "INSERT OR IGNORE INTO item_figure (figure_key, published_ts, item_id)"
                " VALUES (?, ?, ?)",
                [(key, ts, item_id) for key in sorted(facts.figures)],
            )
        keys_of_item = (*copy_keys, *story_keys)
        batch.add(item_id, facts, keys_of_item)
        band_rows.extend((key, ts, item_id) for key in keys_of_item)
        assigned.append(_link(conn, item_id, copies, stories, now_ts, touched))
    # Heads and outlet counts once per touched cluster: nothing above reads them.
    for cluster_id in sorted(touched):
        refresh(conn, cluster_id)
    conn.executemany(
        "INSERT INTO item_signature (item_id, published_ts, minhash, story_tokens)"
        " VALUES (?, ?, ?, ?)",
        signature_rows,
    )
    # Band rows last and in key order: fewer page visits than 58 random places per item.
    band_rows.sort()
    conn.executemany(
        "INSERT OR IGNORE INTO item_band (band_key, published_ts, item_id) VALUES (?, ?, ?)",
        band_rows,
    )
    return assigned, batch


def _figure_links(conn: sqlite3.Connection, facts: StoryFacts) -> set[int]:
    """Items within the story window sharing a money/percent value *and* a leader."""
    ts = facts.published_ts
    figures = sorted(facts.figures)
    leaders = sorted(facts.leaders)
    if not figures or not leaders:
        return set()
    rows = conn.execute(
        "SELECT DISTINCT f.item_id FROM item_figure f"
        f" WHERE f.figure_key IN ({_marks(figures)}) AND f.published_ts BETWEEN ? AND ?"
        " AND EXISTS (SELECT 1 FROM item_leader l"
        f" WHERE l.item_id = f.item_id AND l.leader_id IN ({_marks(leaders)}))",
        [*figures, ts - _STORY_SECONDS, ts + _STORY_SECONDS, *leaders],
    ).fetchall()
    return {r[0] for r in rows}


def _link(
    conn: sqlite3.Connection,
    item_id: int,
    copies: set[int],
    stories: set[int],
    now_ts: int,
    touched: set[int] | None = None,
) -> int | None:
    """Put ``item_id`` in a cluster with its links. With ``touched``, the cluster's id is
    added there for the caller to :func:`refresh` later; without it, it is refreshed now."""
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
    joining = links
    if existing:
        target = _merge(conn, existing)
        # A full cluster takes no more members (each would rewrite all of it): quadratic.
        room = MERGE_LIMIT - _size(conn, target) - 1
        if room < 0:
            # The merges above moved members: their heads and outlet counts need redoing.
            if touched is None:
                refresh(conn, target)
            else:
                touched.add(target)
            return None
        loose = conn.execute(
            f"SELECT id FROM items WHERE id IN ({_marks(links)}) AND cluster_id IS NULL"
            " ORDER BY id",
            links,
        ).fetchall()
        joining = [r[0] for r in loose][:room]
        if kind == "story":
            conn.execute("UPDATE clusters SET kind = 'story' WHERE id = ?", (target,))
    else:
        joining = links[: MERGE_LIMIT - 1]
        target = int(
            conn.execute(
                "INSERT INTO clusters (kind, created_ts) VALUES (?, ?)", (kind, now_ts)
            ).lastrowid
            or 0
        )
    # Unclustered linked items join too; those in clusters we could not merge stay put.
    if joining:
        conn.execute(
            f"UPDATE items SET cluster_id = ? WHERE id IN ({_marks(joining)})"
            " AND cluster_id IS NULL",
            [target, *joining],
        )
    conn.execute("UPDATE items SET cluster_id = ? WHERE id = ?", (target, item_id))
    if touched is None:
        refresh(conn, target)
    else:
        touched.add(target)
    return target


def replace_facts(
    conn: sqlite3.Connection,
    item_id: int,
    old: tuple[Item, Analysis],
    item: Item,
    analysis: Analysis,
    published_ts: int,
) -> None:
    """Swap a stored item's matching facts for those of its new text (``old`` was stored).

    The old band and figure rows are found by recomputing their keys from the old item and
    analysis (``item_band`` and ``item_figure`` are keyed by band or figure, not by item).
    Cluster membership is kept: a fuller body of the same article is still the same story;
    later items match the new facts.
    """
    from feeds.analysis.samestory import (
        StoryFacts,
        copy_band_keys,
        copy_signature,
        figure_keys,
        signature_to_bytes,
        story_band_keys,
        story_tokens,
    )

    old_item, old_analysis = old
    old_keys = [
        *copy_band_keys(copy_signature(old_item)),
        *story_band_keys(story_tokens(old_item)),
    ]
    conn.executemany(
        "DELETE FROM item_band WHERE band_key = ? AND published_ts = ? AND item_id = ?",
        [(key, published_ts, item_id) for key in old_keys],
    )
    conn.executemany(
        "DELETE FROM item_figure WHERE figure_key = ? AND published_ts = ? AND item_id = ?",
        [(key, published_ts, item_id) for key in figure_keys(old_analysis)],
    )
    facts = StoryFacts.of(item, analysis, published_ts)
    conn.execute(
        "INSERT OR REPLACE INTO item_signature (item_id, published_ts, minhash, story_tokens)"
        " VALUES (?, ?, ?, ?)",
        (
            item_id,
            published_ts,
            signature_to_bytes(facts.signature),
            " ".join(sorted(facts.tokens)),
        ),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO item_figure (figure_key, published_ts, item_id) VALUES (?, ?, ?)",
        [(key, published_ts, item_id) for key in sorted(facts.figures)],
    )
    keys = sorted({*copy_band_keys(facts.signature), *story_band_keys(facts.tokens)})
    conn.executemany(
        "INSERT OR IGNORE INTO item_band (band_key, published_ts, item_id) VALUES (?, ?, ?)",
        [(key, published_ts, item_id) for key in keys],
    )


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
