"""Load every file in a folder with newsdesk's local loaders; print item counts, errors and time.

Usage: python scripts/check_corpus_feeds.py /work/shared/corpus/feeds [more folders...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from feeds.loaders import detect_format, load_paths
from feeds.loaders.files import is_skipped, read_file


def main(argv: list[str]) -> int:
    """Print one line per file: name, detected format, items or error, milliseconds."""
    if not argv:
        print(__doc__)
        return 2
    slowest = 0.0
    for folder in map(Path, argv):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not is_skipped(p.name)):
            started = time.perf_counter()
            result = load_paths([path])
            elapsed = time.perf_counter() - started
            slowest = max(slowest, elapsed)
            try:
                fmt = detect_format(read_file(path), path.name)
            except Exception as exc:  # noqa: BLE001 - a report, not a loader
                fmt = f"? ({exc})"
            outcome = (
                f"ERROR {result.failures[0].reason}"
                if result.failures
                else f"{len(result.items)} items"
            )
            print(f"{path.name:60} {fmt:9} {outcome}  {elapsed * 1000:.0f} ms")
    print(f"slowest: {slowest * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
