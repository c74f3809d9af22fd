"""Quick pickers (`l` leaders, `t` sectors): what is present in the current view, with counts."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from feeds.sanitize import clean_line


class PickerScreen(ModalScreen[str | None]):
    """Choose one value; dismisses with its filter value (e.g. a leader id) or None."""

    DEFAULT_CSS = """
    PickerScreen {
        align: center middle;
        #picker { width: 60; max-width: 90%; height: auto; max-height: 80%;
                  border: round $accent; background: $panel; padding: 0 1; }
        #picker OptionList { height: auto; max-height: 20; }
    }
    """

    BINDINGS = [Binding("escape,q", "cancel", "Close", id="picker.close")]

    def __init__(self, title: str, choices: list[tuple[str, str, int]]) -> None:
        """``choices`` are (value, label, count) rows."""
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static(Text(self.title_text, style="bold", end=""))
            if not self.choices:
                yield Static(Text("Nothing in the current view.", end=""))
            # Prompts are Text, never str: OptionList would parse a str as markup.
            yield OptionList(
                *[
                    Option(Text(f"{clean_line(label)}  ({count})", end=""), id=value)
                    for value, label, count in self.choices
                ],
                id="picker-options",
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
