"""The one-line status bar: ``row N/TOTAL``, the active filter and background work."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """Repaints on change without a layout pass (a Static would re-layout the screen per key)."""

    text: reactive[str] = reactive("", layout=False)

    def render(self) -> Content:
        # Content(...) never parses markup; the text is already sanitised by the caller.
        return Content(self.text)
