"""What a Python process costs before newsdesk does any work: the floor under ``fetch``'s memory.

Usage: python scripts/memory_floor.py

Each line starts a fresh interpreter, runs one set of imports (cumulative, in the order a
refresh needs them) and prints its peak RSS from ``/proc/self/status``. Compare with newsboat's
peak for a whole refresh (``scripts/bench_fetch.py``: about 31 MB cold and 30.5 MB steady for
200 feeds x 50 items on the benchmark machine): the steady line is the interpreter, asyncio,
TLS, httpx and SQLite alone, before a feed is fetched.
"""

from __future__ import annotations

import subprocess
import sys

STEPS = (
    ("python (nothing imported)", "pass"),
    ("+ sqlite3", "import sqlite3"),
    ("+ asyncio (imports ssl)", "import sqlite3, asyncio"),
    ("+ httpx", "import sqlite3, asyncio, httpx"),
    ("+ an httpx.AsyncClient", "import sqlite3, asyncio, httpx; httpx.AsyncClient()"),
    (
        "steady fetch's modules (no feed fetched)",
        "import sqlite3, asyncio, httpx; httpx.AsyncClient(); import feeds.refresh, tui.cli_web",
    ),
    ("analysis modules", "import feeds.analysis"),
    ("analysis modules + data (a worker)", "import feeds.analysis as a; a.warm_up()"),
    (
        "a worker: parsers + analysis data + numpy (MinHash)",
        "import feeds.loaders, feeds.analysis as a, numpy; a.warm_up()",
    ),
)

_PEAK = (
    "import sys\n"
    "exec(sys.argv[1])\n"
    "for line in open('/proc/self/status'):\n"
    "    if line.startswith('VmHWM:'):\n"
    "        print(int(line.split()[1]))\n"
)


def peak_kb(code: str) -> int:
    """Peak RSS (kB) of a fresh interpreter that runs ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, code], capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1])


def main() -> None:
    """Print one line per step."""
    print(f"{'process':55} {'peak RSS MB':>11}")
    for label, code in STEPS:
        print(f"{label:55} {peak_kb(code) / 1024:11.1f}")


if __name__ == "__main__":
    main()
