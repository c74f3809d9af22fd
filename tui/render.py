"""Turn stored news and its analysis spans into styled, sanitised text for display.

This is the only place untrusted text becomes something a widget shows. Strings are appended
to ``rich.text.Text`` objects (never parsed as markup) after passing the one sanitiser in
``feeds.sanitize``. The sanitiser keeps string length, so analysis offsets stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from feeds.models import Analysis, Quote
from feeds.sanitize import clean_body, clean_line

if TYPE_CHECKING:
    from feeds.store import Article


@dataclass(frozen=True, slots=True)
class ArticleStyles:
    """Rich styles for each kind of span, derived from the theme by the widget."""

    title: Style
    meta: Style
    quote: Style
    speaker: Style
    figure: Style
    leader: Style
    sector: Style


def relative_time(when: datetime | None, now: datetime) -> str:
    """Compact age for the list: "now", "5m", "3h", "2d", "03 Jul", "Jul'24" (six cells at most)."""
    if when is None:
        return "—"
    age = now - when
    if age < timedelta(minutes=1):
        return "now"
    if age < timedelta(hours=1):
        return f"{int(age.total_seconds() // 60)}m"
    if age < timedelta(days=1):
        return f"{int(age.total_seconds() // 3600)}h"
    if age < timedelta(days=14):
        return f"{age.days}d"
    if age < timedelta(days=300):
        return when.strftime("%d %b")
    return when.strftime("%b'%y")


def short_speaker(name: str) -> str:
    """The name to show after a quote; full names stay full (they are the attribution)."""
    return name


@dataclass(frozen=True, slots=True)
class RenderedArticle:
    """The article pane's text and how body offsets map into it."""

    text: Text
    body_start: int
    """Offset in ``text`` where the body begins (after the header lines)."""
    inserts: tuple[tuple[int, int], ...]
    """(body offset, length) of each speaker line inserted into the body, ascending."""

    def display_offset(self, body_offset: int) -> int:
        """Where ``body_offset`` of the stored body lands in :attr:`text`."""
        shift = sum(length for position, length in self.inserts if position <= body_offset)
        return self.body_start + body_offset + shift


def article_text(
    *,
    title: str,
    source: str,
    published: datetime | None,
    photo_credit: str,
    url: str,
    body: str,
    analysis: Analysis,
    styles: ArticleStyles,
) -> RenderedArticle:
    """The article pane's content: header lines, then the body with every span styled."""
    text = Text(no_wrap=False, end="")
    text.append(clean_line(title), styles.title)
    text.append("\n")
    meta = [clean_line(source) if source else "Unknown source"]
    if published is not None:
        meta.append(published.strftime("%d %b %Y %H:%M"))
    if photo_credit:
        meta.append(f"Photo: {clean_line(photo_credit)}")
    text.append(" · ".join(meta), styles.meta)
    if url:
        text.append("\n")
        text.append(clean_line(url), styles.meta)
    text.append("\n\n")
    body_start = len(text)
    styled, inserts = styled_body(body, analysis, styles)
    text.append_text(styled)
    return RenderedArticle(text, body_start, inserts)


def styled_body(
    body: str, analysis: Analysis, styles: ArticleStyles
) -> tuple[Text, tuple[tuple[int, int], ...]]:
    """The sanitised body with quote, figure, leader and sector spans styled.

    Styles are layered: quotes first, then sector terms, leaders and figures on top, so a figure
    inside a quote still stands out. A paragraph with attributed quotes ends with "— Speaker".
    """
    clean = clean_body(body)
    n = len(clean)
    # Speakers are shown as a dim "— Name" line closing the paragraph that holds the quote,
    # so the attribution never splits the reporter's own sentence.
    labels: dict[int, list[str]] = {}
    for quote in analysis.quotes:
        if quote.speaker and 0 <= quote.start < quote.end <= n:
            paragraph_end = clean.find("\n\n", quote.end)
            position = n if paragraph_end < 0 else paragraph_end
            names = labels.setdefault(position, [])
            if quote.speaker not in names:
                names.append(quote.speaker)
    inserts = [
        (position, "\n  — " + ", ".join(clean_line(name) for name in names))
        for position, names in labels.items()
    ]
    text = Text(clean, end="")
    for quote in analysis.quotes:
        if 0 <= quote.start < quote.end <= n:
            text.stylize(styles.quote, quote.start, quote.end)
    for sector in analysis.sectors:
        for mention in sector.mentions:
            if 0 <= mention.start < mention.end <= n:
                text.stylize(styles.sector, mention.start, mention.end)
    for leader in analysis.leaders:
        for mention in leader.mentions:
            if 0 <= mention.start < mention.end <= n:
                text.stylize(styles.leader, mention.start, mention.end)
    for figure in analysis.figures:
        if 0 <= figure.start < figure.end <= n:
            text.stylize(styles.figure, figure.start, figure.end)
    shifts = tuple(sorted((position, len(label)) for position, label in inserts))
    if not inserts:
        return text, shifts
    # Insert speaker labels from the end so earlier offsets stay valid.
    result = text
    for position, label in sorted(inserts, reverse=True):
        head, tail = result[:position], result[position:]
        head.append(label, styles.speaker)
        head.append_text(tail)
        result = head
    return result, shifts


def quote_citation(quote: Quote, article: Article) -> str:
    """“Quote” — Speaker, Outlet, 3 July 2024, URL — ready to paste into copy."""
    words = " ".join(clean_line(quote.text).split())
    parts = [f"“{words}”"]
    attribution = [clean_line(quote.speaker) if quote.speaker else "unattributed"]
    if article.source:
        attribution.append(clean_line(article.source))
    if article.published_known:
        when = article.published
        attribution.append(f"{when.day} {when:%B %Y}")
    if article.url:
        attribution.append(clean_line(article.url))
    parts.append("— " + ", ".join(attribution))
    return " ".join(parts)
