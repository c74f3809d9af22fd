"""The insights panel under the article: its quotes with speakers and its key figures."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from feeds.models import Analysis, Quote
from feeds.sanitize import clean_line

QUOTE_PREVIEW_WORDS = 9


def _quote_prompt(quote: Quote) -> Text:
    words = clean_line(quote.text).split()
    preview = " ".join(words[:QUOTE_PREVIEW_WORDS]) + (" …" if len(words) > 9 else "")
    prompt = Text(end="", no_wrap=True, overflow="ellipsis")
    prompt.append("“" + preview + "”", "italic")
    prompt.append(f" — {clean_line(quote.speaker)}" if quote.speaker else " — unattributed", "dim")
    return prompt


class InsightsPanel(OptionList):
    """Lists quotes (selectable: the article scrolls to them) and figures of one article."""

    DEFAULT_CSS = """
    InsightsPanel {
        height: auto;
        max-height: 8;
        border: none;
        border-top: hkey $panel-lighten-2;
        background: $surface;
        padding: 0 1;
    }
    """

    class QuoteChosen(Message):
        """The user highlighted or selected a quote: show it in the article."""

        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes: tuple[Quote, ...] = ()

    def show(self, analysis: Analysis | None) -> None:
        """List ``analysis``'s quotes then its money/percent/count figures (records first)."""
        self.clear_options()
        self.quotes = analysis.quotes if analysis else ()
        if analysis is None or not (analysis.quotes or analysis.figures):
            self.display = False
            return
        self.display = True
        options: list[Option] = [
            Option(_quote_prompt(quote), id=f"quote:{index}")
            for index, quote in enumerate(self.quotes)
        ]
        figures = sorted(
            (f for f in analysis.figures if f.kind in ("money", "percent", "count", "quantity")),
            key=lambda f: (not f.record, f.start),
        )
        for index, figure in enumerate(figures[:8]):
            prompt = Text(end="", no_wrap=True, overflow="ellipsis")
            prompt.append(clean_line(figure.text), "bold")
            prompt.append(f"  {figure.kind}" + ("  · record" if figure.record else ""), "dim")
            options.append(Option(prompt, id=f"figure:{index}", disabled=False))
        self.add_options(options)
        self.highlighted = 0 if self.quotes else None

    @property
    def selected_quote(self) -> Quote | None:
        """The highlighted quote, else the article's first quote, else None."""
        option = self.highlighted_option
        if option is not None and option.id and option.id.startswith("quote:"):
            return self.quotes[int(option.id.split(":")[1])]
        return self.quotes[0] if self.quotes else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._announce(event.option.id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.has_focus:
            self._announce(event.option.id)

    def _announce(self, option_id: str | None) -> None:
        if option_id and option_id.startswith("quote:"):
            self.post_message(self.QuoteChosen(self.quotes[int(option_id.split(":")[1])]))
