"""The import pipeline: load inputs, analyse each item, store the batch in one transaction."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
    from feeds.analysis import analyze

    pairs: list[tuple[Item, Analysis]] = []
    for item in items:
        try:
            analysis = analyze(item)
        except Exception:  # noqa: BLE001 - one odd article must not stop an import
            analysis = Analysis()
        pairs.append((item, analysis))
    return pairs


def store_loaded(store: Store, loaded: LoadResult) -> ImportSummary:
    """Analyse and store everything in ``loaded``, carrying its load failures along."""
    summary = store.import_items(analyse_all(loaded.items))
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
    "bundled_samples_dir",
    "describe_summary",
    "import_bundled_samples",
    "import_paths",
    "store_loaded",
]
