"""The article pane: header, then the body with quotes, figures, leaders and sectors styled."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from feeds.store import Article
from tui.render import ArticleStyles, RenderedArticle, article_text


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
        & > .article--leader { color: $text-primary; text-style: bold underline; }
        & > .article--sector { color: $text-secondary; text-style: underline; }
        #article-body { width: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.rendered: RenderedArticle | None = None
        """What the pane shows, with the body-offset mapping (kept for scrolling and tests)."""

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
            self.rendered = None
            body.update(Text("No article matches the current filter.", end=""))
            return
        self.rendered = article_text(
            title=article.item.title,
            source=article.item.source,
            published=article.published,
            photo_credit=article.item.photo_credit,
            url=article.item.url,
            body=article.item.body,
            analysis=article.analysis,
            styles=self.styles_for_spans(),
        )
        body.update(self.rendered.text)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.article is not None:
            self._paint()

    @property
    def text(self) -> Text:
        """The styled text on show (empty when no article)."""
        return self.rendered.text if self.rendered else Text("", end="")

    def scroll_to_body_offset(self, offset: int) -> None:
        """Scroll so the line holding body character ``offset`` is near the top."""
        if self.rendered is None:
            return
        target = self.rendered.display_offset(offset)
        body = self.query_one("#article-body", Static)
        width = max(body.content_region.width, 1)
        lines = self.rendered.text.wrap(self.app.console, width)
        consumed = 0
        for number, line in enumerate(lines):
            # Wrapping drops the newline and the space a line was broken at.
            consumed += len(line.plain)
            if consumed >= target:
                self.scroll_to(y=max(number - 1, 0), animate=False)
                return
            consumed += 1

    def page_down_article(self) -> None:
        self.scroll_page_down(animate=False)

    def page_up_article(self) -> None:
        self.scroll_page_up(animate=False)
