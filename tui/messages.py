"""App-wide status text helpers shared by the screen and tests."""

from __future__ import annotations

from feeds.query import Query
from feeds.sanitize import clean_line


def status_text(index: int, total: int, query: Query) -> str:
    """The status line: ``row N/TOTAL`` (machine-readable for benchmarks) and the filter."""
    position = f"row {index + 1 if total else 0}/{total}"
    text = query.to_text()
    return f"{position}  ·  filter: {clean_line(text)}" if text else f"{position}  ·  all news"
