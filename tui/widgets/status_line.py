"""The one-line status bar: ``row N/TOTAL``, the active filter and background work."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from feeds.query import Query
from feeds.sanitize import clean_line


def status_text(index: int, total: int, query: Query) -> str:
    """``row N/TOTAL`` (machine-readable for benchmarks) and the active filter."""
    position = f"row {index + 1 if total else 0}/{total}"
    text = query.to_text()
    return f"{position}  ·  filter: {clean_line(text)}" if text else f"{position}  ·  all news"


class StatusLine(Widget):
    """Repaints on change without a layout pass (a Static would re-layout the screen per key)."""

    text: reactive[str] = reactive("", layout=False)

    def render(self) -> Content:
        # Content(...) never parses markup; the text is already sanitised by the caller.
        return Content(self.text)
