"""Each input format, and content-first format detection."""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeds.errors import ParseError
from feeds.loaders import detect_format, load_bytes

FIXTURES = Path(__file__).parent.parent / "fixtures" / "loaders"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_markdown_front_matter_and_syntax_stripping() -> None:
    [item] = load_bytes(_fixture("article.md"), "article.md")
    assert item.title == "Port expansion approved"
    assert item.source == "Harbour Times"
    assert item.url == "https://example.org/port"
    assert item.author == "Jane Roe"
    assert item.published == datetime(2024, 5, 14, 6, 15, tzinfo=UTC)
    assert item.body == (
        "The city council approved the port expansion on Tuesday.\n\n"
        "Next steps\n\n"
        "Construction starts in autumn, officials said; the snake_case_name stays as written."
    )


def test_markdown_heading_is_title_without_front_matter() -> None:
    data = "# Heading Title\n\nSome _emphasis_ and ![a photo](x.png) a [link][ref].\n\n[ref]: http://x\n"
    [item] = load_bytes(data.encode(), "note.txt")
    assert item.title == "Heading Title"
    assert item.body == "Some emphasis and  a link."


def test_html_article_uses_main_text_and_page_metadata() -> None:
    [item] = load_bytes(_fixture("article.html"), "article.html")
    assert item.title == "Rail link opens to freight"
    assert item.source == "Steppe Herald"
    assert item.url == "https://example.org/rail-link"
    assert item.published == datetime(2024, 3, 5, 5, 30, tzinfo=UTC)
    paragraphs = item.body.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("The new rail link between the two border towns")
    assert "tracking" not in item.body and "color: red" not in item.body
    assert "Home" not in item.body and "Copyright" not in item.body


def test_html_without_much_text_falls_back_to_title_and_lxml_text() -> None:
    page = (
        b"<html><head><title>Tiny page</title></head>"
        b"<body><p>One&nbsp;line &amp; more.</p></body></html>"
    )
    [item] = load_bytes(page, "tiny.html")
    assert item.title == "Tiny page"
    assert item.body == "One line & more."


def test_html_with_no_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no article text"):
        load_bytes(b"<html><head><script>x()</script></head><body> </body></html>", "e.html")


def test_rss2_items_with_html_content_turned_into_text() -> None:
    first, second = load_bytes(_fixture("feed_rss2.xml"), "feed.xml")
    assert first.title == "Wheat harvest beats forecast"
    assert first.source == "Steppe Wire"
    assert first.url == "https://example.org/wheat"
    assert first.guid == "wheat-2024"
    assert first.author == "A. Writer"
    assert first.published == datetime(2024, 7, 3, 9, 3, tzinfo=UTC)
    # content:encoded beats the teaser; entities decoded, script dropped, <br> is a newline.
    assert (
        first.body
        == "The harvest reached 17 million tonnes & exports rose.\n\nFarmers\nwelcomed the rains."
    )
    assert second.body == "Plain summary text."
    assert second.published is None
    assert first.origin == "feed.xml"


def test_atom_entry_with_html_title() -> None:
    [item] = load_bytes(_fixture("feed_atom.xml"), "feed.atom")
    assert item.title == "Markets rally"
    assert item.body == "Stocks rose.\n\nBonds fell."
    assert item.source == "Atom Desk"
    assert item.guid == "urn:example:atom:1"
    assert item.author == "B. Reporter"
    assert item.published == datetime(2024, 7, 3, 10, 0, tzinfo=UTC)


def test_rss1_rdf_item() -> None:
    [item] = load_bytes(_fixture("feed_rdf.xml"), "feed.rdf")
    assert item.title == "Parliament passes budget"
    assert item.source == "RDF Bulletin"
    assert item.published == datetime(2024, 2, 1, 8, 0, tzinfo=UTC)


def test_json_feed_items() -> None:
    first, second = load_bytes(_fixture("feed.json"), "feed.json")
    assert first.title == "Solar farm connected"
    assert first.body == "The plant feeds the grid.\n\nSecond paragraph."
    assert first.guid == "42"  # numeric ids become text
    assert first.author == "C. Author"
    assert first.source == "JSON Daily"
    assert first.published == datetime(2024, 6, 1, 9, 0, tzinfo=UTC)
    assert second.title == "A post without a title."
    assert second.guid == "two"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"version": "1.0", "items": []}', "not a JSON Feed"),
        (b'{"version": "https://jsonfeed.org/version/1",\n "items": [}', "malformed at line 2"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": {}}', "not a list"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
    ids=["wrong-version", "malformed", "items-not-list", "deep-nesting"],
)
def test_bad_json_feeds_are_clear_parse_errors(data: bytes, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        load_bytes(data, "feed.json")


_RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (_RSS, "misleading.txt", "rss"),
        (_RSS, "misleading.html", "rss"),
        (codecs.BOM_UTF8 + b"<!-- c --><!DOCTYPE feed>\n<feed xmlns='x'/>", "a.xml", "atom"),
        (b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='r'/>", "a.xml", "rdf"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "page.xml", "html"),
        (b"  <div><p>fragment</p></div>", "page.rss", "html"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "x.txt", "jsonfeed"),
        (b"# A heading\n\nText.", "x.txt", "markdown"),
        (b"Just a headline\n\nAnd a paragraph.", "story.xml", "text"),
        (b"Just a headline\n\nAnd a paragraph.", "story.md", "markdown"),
        (b"Headline\n\n- a list item\n- another item\n- third", "story.txt", "text"),
    ],
)
def test_detection_by_content_before_extension(data: bytes, name: str, expected: str) -> None:
    assert detect_format(data, name) == expected


def test_feed_named_txt_loads_as_a_feed_not_as_an_article() -> None:
    items = load_bytes(_fixture("feed_rss2.xml"), "saved-feed.txt")
    assert [item.title for item in items] == ["Wheat harvest beats forecast", "Second item"]
