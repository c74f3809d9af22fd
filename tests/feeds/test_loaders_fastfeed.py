"""The fastfeedparser path gives exactly the items the feedparser path gives, or steps aside.

``feeds.loaders.fastfeed.parse_wellformed`` returns None (and the loader uses feedparser) for
anything it cannot match; when it answers, every field must equal the feedparser path's. Checked on
the fixtures, on hand-made edge cases, and, when ``../shared`` is present, on the public corpus and
on genfeeds.py output.
"""

from __future__ import annotations

import html.entities
import subprocess
import sys
from pathlib import Path

import fastfeedparser
import feedparser
import pytest
from feedparser.html import _cp1252
from feedparser.mixin import _FeedParserMixin
from feedparser.sanitizer import _HTMLSanitizer

from feeds.errors import ParseError
from feeds.loaders import detect_format, fastfeed, load_bytes
from feeds.loaders.feed import parse_with_feedparser, strip_doctype
from feeds.models import Item

FIXTURES = Path(__file__).parent.parent / "fixtures" / "loaders"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus" / "feeds"
GENFEEDS = SHARED / "tools" / "genfeeds.py"
FIELDS = ("title", "body", "url", "guid", "published", "author", "source", "origin")


def _paths(data: bytes, origin: str) -> tuple[list[Item] | None, list[Item] | ParseError]:
    cleaned = strip_doctype(data)
    fast = fastfeed.parse_wellformed(cleaned, origin)
    try:
        slow: list[Item] | ParseError = parse_with_feedparser(cleaned, origin)
    except ParseError as exc:
        slow = exc
    return fast, slow


def _assert_same(fast: list[Item], slow: list[Item] | ParseError) -> None:
    assert isinstance(slow, list), f"fast path answered, feedparser failed: {slow}"
    assert len(fast) == len(slow)
    for index, (a, b) in enumerate(zip(fast, slow, strict=True)):
        for name in FIELDS:
            assert getattr(a, name) == getattr(b, name), f"item {index} {name}"


@pytest.mark.parametrize("name", ["feed_rss2.xml", "feed_atom.xml", "feed_rdf.xml"])
def test_fixtures_take_the_fast_path_with_identical_items(name: str) -> None:
    fast, slow = _paths((FIXTURES / name).read_bytes(), name)
    assert fast is not None, "a well-formed fixture fell back to feedparser"
    _assert_same(fast, slow)


def _rss(items: list[str], *, head: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> bytes:
    namespaces = (
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:media="http://search.yahoo.com/mrss/"'
        ' xmlns:atom="http://www.w3.org/2005/Atom"'
        ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"'
    )
    body = "".join(f"<item>{item}</item>" for item in items)
    return (
        f'{head}<rss version="2.0"{namespaces}><channel><title>Edge &amp;amp; Co</title>'
        f"<link>https://e.x/</link><description>d</description>{body}</channel></rss>"
    ).encode()


_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Desk &amp;amp; Co</title>
<entry><title type="text">x &lt;b&gt; y</title><id>u:1</id><link rel="alternate" href="https://e.x/1"/>
<link rel="enclosure" href="https://e.x/1.mp3"/><updated>2024-07-03T10:00:00Z</updated>
<published>2024-07-01T10:00:00+02:00</published><author><name>B</name><email>b@e.x</email></author>
<author><name>C</name></author><summary>sum &lt;p&gt;</summary>
<content>plain &lt;p&gt;content</content></entry>
<entry><title>No id</title><link href="https://e.x/2"/>
<content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry>
<entry><title>Id only</title><id>urn:x:3</id><link rel="self" href="https://e.x/self"/></entry>
<entry><title>Link first</title><link href="https://e.x/4"/><id>urn:x:4</id></entry>
<entry><title type="html">&lt;b&gt;Html&lt;/b&gt; title</title><id>5</id>
<summary type="html">&lt;p&gt;S&lt;/p&gt;</summary>
<content type="text/html">&lt;p&gt;typed&lt;/p&gt;</content></entry>
</feed>"""

_DATES = [
    "Wed, 03 Jul 2024 14:03:00 +0500",
    "2024-07-03T14:03:00Z",
    "2024-07-03T14:03:00.123456+02:00",
    "Wed, 03 Jul 2024 14:03:00 EST",
    "Wed, 03 Jul 2024 14:03:00 CEST",
    "3 Jul 2024",
    "Wed, 3 Jul 2024 14:03 GMT",
    "Tue, 03 Jul 2024 24:00:00 GMT",
    "Mon, 31 Feb 2024 10:00:00 GMT",
    "2024-07-03 14:03:00",
    "garbage",
]

EDGE_CASES: dict[str, bytes] = {
    "no-guid": _rss(["<title>A</title><link>https://e.x/a</link><description>x</description>"]),
    "guid-as-link": _rss(
        [
            "<title>A</title><guid>https://e.x/g</guid><description>x</description>",
            "<title>B</title><guid>abc</guid>",
            "<title>C</title><guid isPermaLink='false'>https://e.x/c</guid>",
            "<title>D</title><guid>https://e.x/g</guid><link>https://e.x/l</link>",
        ]
    ),
    "titles": _rss(
        [
            "<title>AT&amp;amp;T &amp; Co</title>",
            "<title>x &lt; y</title>",
            "<title>&lt;b&gt;Bold&lt;/b&gt; move</title>",
            "<title><![CDATA[<em>Em</em> &amp; more]]></title>",
            "<title>Foo &lt;bar&gt;&lt;/bar&gt;</title>",
            "<title>\n  Multi\n  line   title \n</title>",
            "<title>First</title><title>Second</title>",
        ]
    ),
    "mojibake": _rss(
        [
            "<title>K\u00c3\u00b6lner \u00c2\u00a331</title>"
            "<description>caf\u00c3\u00a9</description>"
        ]
    ),
    "mojibake-utf8-alias": _rss(
        ["<title>K\u00c3\u00b6lner</title>"], head='<?xml version="1.0" encoding="utf8"?>\n'
    ),
    "c1-controls": _rss(
        ["<title>It\u0092s \u0093quoted\u0094</title><description>x\u0085</description>"]
    ),
    "latin-1": _rss(["<title>Caf\u00e9</title>"])
    .replace(b"UTF-8", b"ISO-8859-1")
    .replace("Caf\u00e9".encode(), b"Caf\xe9"),
    "dates": _rss([f"<title>T{i}</title><pubDate>{d}</pubDate>" for i, d in enumerate(_DATES)]),
    "dc-date": _rss(
        [
            "<title>A</title><dc:date>2024-02-01T09:00:00+01:00</dc:date>",
            "<title>B</title><dc:date>2024-02-01T09:00:00+01:00</dc:date>"
            "<pubDate>Wed, 03 Jul 2024 14:03:00 GMT</pubDate>",
        ]
    ),
    "authors": _rss(
        [
            "<title>A</title><author>jo@e.x (Jo Smith)</author>",
            "<title>B</title><author>Jo</author><dc:creator>Other</dc:creator>",
            "<title>C</title><atom:author><atom:name>N</atom:name>"
            "<atom:email>e@x.y</atom:email></atom:author>",
            "<title>D</title><atom:author><atom:name>N</atom:name></atom:author><author>P</author>",
        ]
    ),
    "bodies": _rss(
        [
            "<title>A</title><description>teaser</description>"
            "<media:description>a much longer caption text here</media:description>",
            "<title>B</title><media:content url='x'><media:description>nested caption, longer"
            "</media:description></media:content><description>teaser</description>",
            "<title>C</title><content:encoded><![CDATA[<p>Full</p>]]></content:encoded>"
            "<description>a rather long teaser text</description>",
            "<title>D</title><description>one</description><dc:description>two is longer"
            "</dc:description><itunes:summary>three is the longest of them</itunes:summary>",
            "<title>E</title><description type='text'>&lt;b&gt;raw&lt;/b&gt;</description>",
            "<title>F</title><atom:summary>plain summary &lt;i&gt;x&lt;/i&gt;</atom:summary>",
            "<title>G</title><content:encoded></content:encoded>",
            "<title></title><description>&lt;p&gt;Only a body, long enough that the first line"
            " becomes the title after it is cut to one hundred characters, then an ellipsis"
            "&lt;/p&gt;</description>",
            "<title></title>",
        ]
    ),
    "links": _rss(
        [
            "<title>A</title><link>https://e.x/?a=1&amp;b=2&amp;amp;c=3</link>",
            "<title>B</title><atom:link href='https://e.x/al' rel='alternate'/>",
            "<title>C</title><link>https://e.x/l</link><atom:link href='https://e.x/al'/>",
            "<title>D</title><link>https://e.x/l</link>"
            "<atom:link href='https://e.x/s' rel='self'/>",
        ]
    ),
    "atom": _ATOM,
    "rdf": b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="x"><title>R</title></channel>
<item rdf:about="https://e.x/r1"><title>One</title><link>https://e.x/r1</link><dc:creator>Z</dc:creator></item>
<item><title>Two</title><description>d</description></item></rdf:RDF>""",
    "utf-16": _rss(["<title>\u00dcn\u00efcode</title>"])
    .decode()
    .replace("UTF-8", "UTF-16")
    .encode("utf-16"),
    "cp1251": _rss(["<title>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</title>"])
    .decode()
    .replace("UTF-8", "windows-1251")
    .encode("cp1251"),
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_match_feedparser_or_fall_back(name: str) -> None:
    fast, slow = _paths(EDGE_CASES[name], f"{name}.xml")
    if fast is not None:
        _assert_same(fast, slow)


@pytest.mark.parametrize(
    "name", ["no-guid", "titles", "mojibake", "bodies", "atom", "rdf", "dates"]
)
def test_common_shapes_stay_on_the_fast_path(name: str) -> None:
    assert fastfeed.parse_wellformed(strip_doctype(EDGE_CASES[name]), "x.xml") is not None


def test_double_utf8_is_repaired() -> None:
    [item] = load_bytes(EDGE_CASES["mojibake"], "m.xml")
    assert item.title == "K\u00f6lner \u00a331"
    assert item.body == "caf\u00e9"


@pytest.mark.parametrize(
    "data",
    [
        _rss(["<title>A&nbsp;B</title>"]),  # an HTML entity, no DTD
        _rss(["<title><![CDATA[Markets \x1b]0;pwned\x07 rally]]></title>"]),  # raw ESC
        _rss(["<title>Truncated</title>"])[:-30],
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "AAAA">]>\n'
        + _rss(["<title>&a;&a;</title>"], head=""),
        _rss(["<title>A</title><link>a</link>"]).replace(
            b"<channel>", b'<channel xml:base="https://b/">'
        ),
        _rss([]),  # no items: feedparser words the outcome
    ],
    ids=["html-entity", "raw-esc", "truncated", "entity-attack", "xml-base", "no-items"],
)
def test_inputs_fastfeedparser_would_recover_from_go_to_feedparser(data: bytes) -> None:
    assert fastfeed.parse_wellformed(strip_doctype(data), "x.xml") is None


def test_fastfeedparser_only_ever_gets_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    real = fastfeedparser.parse

    def spy(source: object, **options: bool) -> object:
        seen.append(source)
        return real(source, **options)

    monkeypatch.setattr(fastfeedparser, "parse", spy)
    load_bytes((FIXTURES / "feed_rss2.xml").read_bytes(), "https://example.org/feed.xml")
    assert seen and all(isinstance(source, bytes) for source in seen)


def test_copied_feedparser_tables_are_current() -> None:
    assert set(_HTMLSanitizer.acceptable_elements) == fastfeed._HTML_ELEMENTS
    assert dict(_cp1252) == fastfeed._CP1252
    namespaces = _FeedParserMixin.namespaces
    unprefixed = {uri.lower() for uri, prefix in namespaces.items() if prefix == "" and uri}
    assert unprefixed == fastfeed._UNPREFIXED
    prefixed = {uri.lower(): prefix for uri, prefix in namespaces.items() if prefix}
    assert all(prefixed[uri] == prefix for uri, prefix in fastfeed._PREFIXES.items())
    assert "amp" in html.entities.entitydefs
    assert feedparser.__version__.startswith("6.")


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        p
        for p in CORPUS.iterdir()
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".src")
    )


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no {CORPUS}")
def test_corpus_items_identical_on_the_fast_path() -> None:
    fast_files = 0
    for path in _corpus_files():
        data = path.read_bytes()
        if detect_format(data, path.name) not in ("rss", "atom", "rdf"):
            continue
        fast, slow = _paths(data, path.name)
        if fast is None:
            continue
        fast_files += 1
        try:
            _assert_same(fast, slow)
        except AssertionError as exc:
            raise AssertionError(f"{path.name}: {exc}") from None
    assert fast_files >= 25, f"only {fast_files} corpus feeds took the fast path"


@pytest.mark.skipif(not GENFEEDS.is_file(), reason=f"no {GENFEEDS}")
def test_genfeeds_output_identical_on_the_fast_path(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(GENFEEDS), str(tmp_path), "20", "10"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    files = sorted(tmp_path.glob("*.xml"))
    assert files
    for path in files:
        fast, slow = _paths(path.read_bytes(), path.name)
        assert fast is not None, f"{path.name} fell back to feedparser"
        _assert_same(fast, slow)
