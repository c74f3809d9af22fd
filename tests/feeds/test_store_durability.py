"""Durability: a refresh's commits (synchronous=NORMAL in WAL) survive kill -9 of the writer.

SECURITY.md §6: acknowledged batches are never lost when the process dies, and the database
stays intact. The child commits batches the way a refresh does (``Store.batch(refetchable=True)``)
and prints each batch's number once its commit returned; the parent kills it at a random moment
and checks that every acknowledged batch is stored.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from feeds.store import Store

ROOT = Path(__file__).resolve().parents[2]

_WRITER = """
import sys
from datetime import UTC, datetime
from feeds.models import Item
from feeds.store import Store
store = Store.open(sys.argv[1])
start = store.total()
for n in range(start, start + 100000):
    items = [
        Item(title=f"Batch {n} item {k}", body="Plain words. " * 40, source="Wire",
             url=f"https://wire.example/{n}/{k}", published=datetime(2026, 1, 1, tzinfo=UTC),
             feed_url="https://wire.example/feed")
        for k in range(20)
    ]
    with store.batch(refetchable=True):
        store.store_items(items)
    print(n, flush=True)
"""


def test_relaxed_commits_survive_kill_9(tmp_path: Path) -> None:
    db = tmp_path / "durable.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(7)
    acknowledged: set[int] = set()
    for _round in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # the writer is running and has committed once
        assert first.strip().isdigit()
        acknowledged.add(int(first))
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        acknowledged.update(int(line) for line in rest.split())
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {
            int(title.split()[1])
            for (title,) in conn.execute("SELECT title FROM items WHERE title LIKE 'Batch %'")
        }
    assert acknowledged <= stored
    assert len(acknowledged) >= 8


def test_only_refetchable_batches_relax_the_sync(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        level = lambda: store._conn.execute("PRAGMA synchronous").fetchone()[0]  # noqa: E731
        assert level() == 2  # FULL: the user's own changes wait for the disk
        with store.batch(refetchable=True):
            assert level() == 1  # NORMAL
        assert level() == 2
        with store.batch():
            assert level() == 2
