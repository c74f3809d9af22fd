"""The import pipeline, in two phases.

Phase 1 (:meth:`Store.store_items`) stores new items — text, dates, full-text index — without
analysis, so they are listed at once; known items (by key) are skipped before anything else
is done with them. Phase 2 (:func:`analyse_pending`) analyses what phase 1 left pending, in
batches of one transaction each: analysis JSON, leader/sector index rows and tags, clusters.
A crash between the phases loses nothing: the items stay pending and the next
:func:`analyse_pending` picks them up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from feeds.models import Analysis, ImportSummary, Item, LoadFailure, LoadResult

if TYPE_CHECKING:
    from feeds.store import Store


def analyse_all(items: Sequence[Item]) -> list[tuple[Item, Analysis]]:
    """Analyse items for storage; an analysis failure stores the item without analysis."""
    return [(item, _analyse_one(item)) for item in items]


def _analyse_one(item: Item) -> Analysis:
    from feeds.analysis import analyze

    try:
        return analyze(item)
    except Exception:  # noqa: BLE001 - one odd article must not stop an import
        return Analysis()


def analyse_pending(
    store: Store,
    *,
    limit: int | None = None,
    batch: int = 200,
    should_stop: Callable[[], bool] | None = None,
    on_batch: Callable[[int], None] | None = None,
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

    Returns the number of items analysed.
    """
    done = 0
    while limit is None or done < limit:
        if should_stop is not None and should_stop():
            break
        size = batch if limit is None else min(batch, limit - done)
        pending = store.pending_items(size)
        if not pending:
            break
        done += store.apply_analysis(
            [(item_id, item, _analyse_one(item)) for item_id, item in pending]
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
    "bundled_samples_dir",
    "describe_summary",
    "import_bundled_samples",
    "import_paths",
    "replace_body",
    "store_loaded",
]
