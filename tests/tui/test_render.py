"""Renderers never raise and never pass control sequences, whatever the text (SECURITY.md A2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style

from feeds.models import Analysis, Figure, Quote
from tui.render import ArticleStyles, article_text, relative_time

STYLES = ArticleStyles(*(Style(bold=True) for _ in range(7)))
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
hostile_text = st.text(
    alphabet=st.sampled_from(list("[]/\\@=$ab \n\t\x1b\x07\x9b\u202e\u200b")) | st.characters(),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(title=hostile_text, body=hostile_text, source=hostile_text, cut=st.integers(0, 200))
def test_article_text_is_safe(title: str, body: str, source: str, cut: int) -> None:
    end = min(cut, len(body))
    analysis = Analysis(
        quotes=(Quote(0, end, body[:end], "Speaker [/]", "said"),) if end else (),
        figures=(Figure(0, end, body[:end], "money", 1.0, "USD"),) if end else (),
    )
    text = article_text(
        title=title,
        source=source,
        published=NOW,
        photo_credit=source,
        url=title,
        body=body,
        analysis=analysis,
        styles=STYLES,
    )
    console = Console(width=60, record=True, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(text)
    output = console.export_text()
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output


def test_relative_time_buckets() -> None:
    assert relative_time(NOW - timedelta(seconds=20), NOW) == "now"
    assert relative_time(NOW - timedelta(minutes=5), NOW) == "5m"
    assert relative_time(NOW - timedelta(hours=3), NOW) == "3h"
    assert relative_time(NOW - timedelta(days=2), NOW) == "2d"
    assert relative_time(datetime(2026, 7, 3, tzinfo=UTC), NOW) == "03 Jul"
    assert relative_time(datetime(2024, 7, 3, tzinfo=UTC), NOW) == "Jul'24"
    assert relative_time(None, NOW) == "—"
