"""The article pane: header, then the body with quotes, figures, leaders and sectors styled."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from feeds.store import Article
from tui.render import ArticleStyles, article_text


class ArticleView(VerticalScroll, can_focus=True):
    """Shows one article; the screen tells it which (it never queries the list)."""

    COMPONENT_CLASSES = {
        "article--title",
        "article--meta",
        "article--quote",
        "article--speaker",
        "article--figure",
        "article--leader",
        "article--sector",
    }

    DEFAULT_CSS = """
    ArticleView {
        padding: 0 1;
        background: $surface;
        & > .article--title { text-style: bold; color: $text; }
        & > .article--meta { color: $text-muted; }
        & > .article--quote { color: $success; text-style: italic; }
        & > .article--speaker { color: $text-muted; text-style: italic; }
        & > .article--figure { color: $warning; text-style: bold; }
        & > .article--leader { color: $accent; text-style: bold underline; }
        & > .article--sector { color: $secondary; text-style: underline; }
        #article-body { width: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.text = Text("", end="")
        """What the pane shows, as styled text (kept for tests and copying)."""

    def compose(self) -> ComposeResult:
        yield Static(Text("No article selected.", end=""), id="article-body")

    def styles_for_spans(self) -> ArticleStyles:
        style = self.get_component_rich_style
        return ArticleStyles(
            title=style("article--title", partial=True),
            meta=style("article--meta", partial=True),
            quote=style("article--quote", partial=True),
            speaker=style("article--speaker", partial=True),
            figure=style("article--figure", partial=True),
            leader=style("article--leader", partial=True),
            sector=style("article--sector", partial=True),
        )

    def show(self, article: Article | None) -> None:
        """Display ``article`` (None: an empty-state message) from the top."""
        self.article = article
        self._paint()
        self.scroll_home(animate=False, immediate=True)

    def _paint(self) -> None:
        body = self.query_one("#article-body", Static)
        article = self.article
        if article is None:
            body.update(Text("No article matches the current filter.", end=""))
            return
        self.text = article_text(
            title=article.item.title,
            source=article.item.source,
            published=article.published,
            photo_credit=article.item.photo_credit,
            url=article.item.url,
            body=article.item.body,
            analysis=article.analysis,
            styles=self.styles_for_spans(),
        )
        body.update(self.text)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.article is not None:
            self._paint()

    def page_down_article(self) -> None:
        self.scroll_page_down(animate=False)

    def page_up_article(self) -> None:
        self.scroll_page_up(animate=False)
