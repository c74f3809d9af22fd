"""The import pipeline, in two phases.

Phase 1 (:meth:`Store.store_items`) stores new items — text, dates, source — without analysis
or full-text entry (the full-text index costs more than the row itself), so they are listed at
once; known items (by key) are skipped before anything else is done with them. Phase 2
(:func:`analyse_pending`) analyses what phase 1 left pending, in batches of one transaction
each: analysis JSON, full-text entry, leader/sector index rows and tags, clusters. A crash
between the phases loses nothing: the items stay pending and the next :func:`analyse_pending`
picks them up.
"""

from __future__ import annotations

import collections
import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from feeds.models import Analysis, ImportSummary, Item, LoadFailure, LoadResult

if TYPE_CHECKING:
    from feeds.analysis.samestory import MatchKeys
    from feeds.store import Store

Prepared = tuple[Analysis, "MatchKeys | None"]
"""What a worker computes for one pending item: its analysis and its same-story match keys."""


def analyse_all(items: Sequence[Item]) -> list[tuple[Item, Analysis]]:
    """Analyse items for storage; an analysis failure stores the item without analysis."""
    return [(item, _analyse_one(item)) for item in items]


def _analyse_one(item: Item) -> Analysis:
    from feeds.analysis import analyze

    try:
        return analyze(item)
    except Exception:  # noqa: BLE001 - one odd article must not stop an import
        return Analysis()


def prepare_items(page: Sequence[tuple[int, Item]], keys: bool = True) -> list[Prepared]:
    """The CPU-heavy, store-free part of phase 2 for ``(id, item)`` pairs, in order: analysis
    and (with ``keys``) match keys (MinHash signature, headline tokens, LSH keys). Runs in a
    worker process; keys that fail to compute come back as None (the writer computes them, and
    fails, as before).
    """
    found = match_keys(page) if keys else [None] * len(page)
    return [(_analyse_one(item), match) for (_id, item), match in zip(page, found, strict=True)]


def match_keys(page: Sequence[tuple[int, Item]]) -> list[MatchKeys | None]:
    """Match keys of ``(id, item)`` pairs (None where they fail); runs in a worker process."""
    from feeds.analysis.samestory import MatchKeys

    out: list[MatchKeys | None] = []
    for _item_id, item in page:
        try:
            out.append(MatchKeys.of(item))
        except Exception:  # noqa: BLE001 - left to the writer, which reports it as before
            out.append(None)
    return out


def warm_worker() -> None:
    """Load the analysis data in a worker process before the first items arrive."""
    from feeds.analysis import warm_up
    from feeds.analysis.samestory import MatchKeys

    warm_up()
    MatchKeys.of(Item(title="warm up", body="warm up the hashes"))


class PendingAnalysis:
    """Phase 2 with the analysis on other cores: the store's writer only clusters and writes.

    :meth:`submit` hands every pending item not handed over yet to ``pool`` (call it as often
    as new items are stored, e.g. after each refresh write batch: the workers then analyse
    while the other feeds download); :meth:`finish` submits the rest and writes the results
    in id order, ``batch`` items per transaction, as they come back. Clustering therefore sees
    the items in the same order as :func:`analyse_pending` without a pool; only the batch
    boundaries (one transaction per ``batch``) differ.
    """

    def __init__(
        self,
        store: Store,
        pool: Executor,
        *,
        page: int = 100,
        in_flight: int | None = None,
        keys_later: bool = False,
    ) -> None:
        """``in_flight`` caps the pages handed over before :meth:`finish` (None: no cap): with
        a cap of 1, one worker analyses while the others stay free to parse, and the next page
        goes out as each one comes back. With ``keys_later`` the workers analyse every page
        first and compute the match keys (for clustering, which follows anyway) afterwards:
        items are filterable sooner when no core is left over for clustering meanwhile."""
        self.store = store
        self.pool = pool
        self.page = page
        self.in_flight = in_flight
        self.keys_later = keys_later
        self._last = 0
        self._lock = threading.RLock()  # a done callback can run inside submit()
        self._busy = 0
        self._queue: collections.deque[tuple[list[tuple[int, Item]], Future[list[Prepared]]]] = (
            collections.deque()
        )

    def submit(self) -> int:
        """Send pending items stored since the last call to the workers (up to the in-flight
        cap); returns how many."""
        sent = 0
        with self._lock:
            while self.in_flight is None or self._busy < self.in_flight:
                page = self.store.pending_items(self.page, after=self._last)
                if not page:
                    break
                self._last = page[-1][0]
                future = self.pool.submit(prepare_items, page, not self.keys_later)
                self._busy += 1
                self._queue.append((page, future))
                sent += len(page)
                future.add_done_callback(self._returned)
        return sent

    def _returned(self, _future: Future[list[Prepared]]) -> None:
        with self._lock:
            self._busy -= 1
        if self.in_flight is not None:
            with contextlib.suppress(Exception):  # e.g. the pool is shutting down
                self.submit()

    def finish(
        self,
        *,
        batch: int = 1000,
        should_stop: Callable[[], bool] | None = None,
        on_batch: Callable[[int], None] | None = None,
        on_analysed: Callable[[], None] | None = None,
        cluster_while_waiting: bool = True,
    ) -> int:
        """Analyse everything pending; returns the number of items written.

        Analyses are written first, ``batch`` per transaction as the workers return them, so
        items become filterable by leader and sector without waiting for same-story
        clustering, which is the costlier part of the writer's work. Clustering follows in id
        order (so the clusters are those :func:`analyse_pending` would make): with
        ``cluster_while_waiting``, in steps while the next page is still being analysed (use
        it when a core is free beside the workers; otherwise it only slows them), then
        whatever is left. ``on_analysed`` is called once every analysis is written.
        """
        # A bounded window, topped up as pages come back: handing every pending page over at
        # once held all their items (and the pool's copies) in this process, ~28 MB per 10k.
        self.in_flight = max(self.in_flight or 0, _FINISH_IN_FLIGHT)
        self.submit()
        done = 0
        results: list[tuple[int, Item, Analysis]] = []
        keys: list[MatchKeys | None] = []
        known: dict[int, tuple[Analysis, MatchKeys | None]] = {}
        """Written but not yet clustered: what clustering needs, kept from the workers."""
        written: list[tuple[int, int]] = []
        """Pages whose analyses are written, for their match keys (``keys_later``): the id
        just before each page and its length. The items are read again when their keys are
        due: holding every page's text until then was ~25 MB per 10k items."""

        def stopped() -> bool:
            if should_stop is None or not should_stop():
                return False
            with self._lock:
                self.in_flight = 0  # returning pages must not hand over new ones
                for _page, other in self._queue:
                    other.cancel()
                self._queue.clear()
            return True

        while True:
            with self._lock:
                if not self._queue and not self.submit():
                    break
                page, future = self._queue[0]
            if stopped():
                return done
            if cluster_while_waiting and not future.done() and known:
                # The workers are busy with the next page: cluster meanwhile.
                if not _cluster_step(self.store, known, _CLUSTER_STEP):
                    known.clear()  # nothing left to cluster (e.g. replaced meanwhile)
                continue
            with self._lock:
                self._queue.popleft()
                self.submit()
            try:
                prepared = future.result()
            except Exception:  # noqa: BLE001 - a dead worker: analyse here instead
                prepared = [(_analyse_one(item), None) for _id, item in page]
            for (item_id, item), (analysis, match) in zip(page, prepared, strict=True):
                results.append((item_id, item, analysis))
                keys.append(match)
            if self.keys_later and page:
                written.append((page[0][0] - 1, len(page)))
            if len(results) >= batch or not self._queue:
                done += self.store.apply_analysis(results, keys, cluster=False)
                known.update(
                    (item_id, (_for_matching(analysis), match and match.shared()))
                    for (item_id, _item, analysis), match in zip(results, keys, strict=True)
                )
                results, keys = [], []
                if on_batch is not None:
                    on_batch(done)
        # Anything stored after the last submit (or not handed over): in this process.
        done += analyse_pending(self.store, should_stop=should_stop, cluster=False)
        if on_analysed is not None:
            on_analysed()
        # Keys in the workers, page by page, while this process clusters the pages before.
        keyed = 0
        # A few pages ahead of the clustering only: it is slower than the workers, and
        # results waiting in futures would hold every item's keys at once.
        ahead: collections.deque[tuple[list[tuple[int, Item]], Future[list[MatchKeys | None]]]]
        ahead = collections.deque()
        pages = collections.deque(written)
        written.clear()
        while True:
            while len(ahead) < _KEYS_AHEAD and pages:
                before, length = pages.popleft()
                next_page = self.store.pending_items(length, after=before, unclustered=True)
                ahead.append((next_page, self.pool.submit(match_keys, next_page)))
            if not ahead or stopped():
                break
            keyed_page, keys_future = ahead.popleft()
            try:
                found: list[MatchKeys | None] = keys_future.result()
            except Exception:  # noqa: BLE001 - a dead worker: cluster_pending computes them
                found = [None] * len(keyed_page)
            for (item_id, _item), got in zip(keyed_page, found, strict=True):
                if item_id in known and got is not None:
                    known[item_id] = (known[item_id][0], got.shared())
            keyed += len(keyed_page)
            if keyed >= batch:  # a transaction per ``batch``: per page, commits dominated
                keyed -= _cluster_step(self.store, known, keyed)
        while not stopped() and _cluster_step(self.store, known, batch):
            pass
        return done


def _for_matching(analysis: Analysis) -> Analysis:
    """What same-story matching reads of an analysis (leaders, money and percent figures):
    kept for every written item until it is clustered, so without quotes, spans and sectors."""
    return Analysis(
        leaders=tuple(replace(h, mentions=()) for h in analysis.leaders),
        figures=tuple(f for f in analysis.figures if f.kind in ("money", "percent")),
    )


_FINISH_IN_FLIGHT = 8
"""Pages handed to the workers at a time in :meth:`PendingAnalysis.finish`."""
_KEYS_AHEAD = 4
"""Pages of match keys handed to the workers ahead of the clustering (``keys_later``)."""
_CLUSTER_STEP = 200
"""Items clustered at a time while waiting for the workers (≈ 50-100 ms of writer time)."""


def _cluster_step(
    store: Store, known: dict[int, tuple[Analysis, MatchKeys | None]], limit: int
) -> int:
    """Cluster up to ``limit`` written items (lowest ids first); forget their facts."""
    ids = store.cluster_pending(limit, known)
    for item_id in ids:
        known.pop(item_id, None)
    return len(ids)


def analyse_pending(
    store: Store,
    *,
    limit: int | None = None,
    batch: int = 200,
    should_stop: Callable[[], bool] | None = None,
    on_batch: Callable[[int], None] | None = None,
    cluster: bool = True,
) -> int:
    """Phase 2: analyse items stored without analysis, ``batch`` per transaction, oldest first.

    Safe to run from a worker thread while the interface reads the store, and while a refresh
    stores more items (each batch is one short transaction on the store's lock; the analysis
    itself runs outside it). An analysis failure stores an empty analysis, so no item is
    retried forever.

    Args:
        limit: Analyse at most this many (None: until nothing is pending).
        batch: Items per transaction.
        should_stop: Checked between batches; True stops early (the rest stays pending).
        on_batch: Called after each batch with the number analysed so far.
        cluster: Cluster each batch as it is written (after clustering what an interrupted
            run left analysed but unclustered). False leaves that to
            :meth:`Store.cluster_pending`.

    Returns the number of items analysed.
    """
    if cluster:
        while (should_stop is None or not should_stop()) and store.cluster_pending(batch):
            pass
    done = 0
    while limit is None or done < limit:
        if should_stop is not None and should_stop():
            break
        size = batch if limit is None else min(batch, limit - done)
        pending = store.pending_items(size)
        if not pending:
            break
        done += store.apply_analysis(
            [(item_id, item, _analyse_one(item)) for item_id, item in pending], cluster=cluster
        )
        if on_batch is not None:
            on_batch(done)
    return done


def store_loaded(store: Store, loaded: LoadResult) -> ImportSummary:
    """Store and analyse everything in ``loaded`` (both phases), carrying its load failures.

    Known items are skipped before analysis; new ones are analysed by :func:`analyse_pending`
    (which also finishes anything an earlier run left pending).
    """
    summary = store.store_items(loaded.items)
    analyse_pending(store)
    return replace(summary, failures=tuple(loaded.failures) + tuple(summary.failures))


def import_paths(store: Store, paths: Sequence[str | Path]) -> ImportSummary:
    """Import files, directories (recursively) or ``-`` (stdin) into the store."""
    from feeds.loaders import load_paths

    return store_loaded(store, load_paths(paths))


@contextmanager
def bundled_samples_dir() -> Iterator[Path]:
    """The folder of sample news shipped inside the package (a real path, even from a zip)."""
    with resources.as_file(resources.files("feeds") / "samples") as path:
        yield Path(path)


def import_bundled_samples(store: Store) -> ImportSummary:
    """Fill an empty store with the bundled samples so a first run shows news offline."""
    with bundled_samples_dir() as folder:
        return import_paths(store, [folder])


def replace_body(store: Store, item_id: int, body: str) -> None:
    """Store a fuller body for an item (e.g. the article page's text) and re-analyse it."""
    from feeds.analysis import analyze

    item = replace(store.get_article(item_id).item, body=body)
    store.replace_content(item_id, item, analyze(item))


def describe_summary(summary: ImportSummary) -> list[str]:
    """Human lines for ``newsdesk import``: counts first, then one line per failed input."""
    lines = [
        f"{summary.added} added, {summary.duplicates} skipped as duplicates, "
        f"{len(summary.failures)} failed"
    ]
    lines.extend(f"failed: {failure}" for failure in summary.failures)
    return lines


__all__ = [
    "LoadFailure",
    "analyse_all",
    "analyse_pending",
    "PendingAnalysis",
    "prepare_items",
    "match_keys",
    "warm_worker",
    "bundled_samples_dir",
    "describe_summary",
    "import_bundled_samples",
    "import_paths",
    "replace_body",
    "store_loaded",
]
