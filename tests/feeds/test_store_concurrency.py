"""The interface reads while a refresh writes: reads never wait for a write transaction."""

from __future__ import annotations

import threading
from pathlib import Path

from feeds.query import parse_query
from feeds.store import Store
from tests.feeds.test_store import make


def test_reads_proceed_while_another_thread_holds_a_write_batch(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.db")
    store.import_items([make(n, body=f"story number {n} about grain") for n in range(1, 6)])
    inside = threading.Event()
    release = threading.Event()

    def writer() -> None:
        with store.batch():
            store.import_items([make(99, body="uncommitted item about grain")])
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert inside.wait(5)
        done = threading.Event()
        seen: list[int] = []

        def reader() -> None:
            seen.append(store.count(parse_query("")))
            seen.append(len(store.page(parse_query("grain"), limit=50)))
            done.set()

        threading.Thread(target=reader).start()
        # The reader finishes while the batch is still open, and sees only committed items.
        assert done.wait(2), "a read waited for the write transaction"
        assert seen == [5, 5]
    finally:
        release.set()
        thread.join(5)
    assert store.count(parse_query("")) == 6  # committed now
    store.close()


def test_writer_thread_reads_its_own_uncommitted_writes(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.db")
    with store.batch():
        store.import_items([make(1)])
        assert store.total() == 1  # same thread, inside the transaction
    store.close()
