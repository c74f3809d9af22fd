"""subscriptions.toml round trips and errors; OPML import safety, folders and round trip;
feed discovery from HTML pages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from feeds.config import ConfigError
from feeds.discover import find_feed_links, page_title
from feeds.errors import ParseError
from feeds.subscriptions import (
    MIN_REFRESH_MINUTES,
    Subscription,
    dumps_subscriptions,
    find_subscription,
    load_subscriptions,
    merge_subscriptions,
    parse_opml,
    remove_subscription,
    save_subscriptions,
    to_opml,
    toml_string,
    url_problem,
)

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"

TRICKY = Subscription(
    url="https://example.org/feed?a=1&b=2",
    title='Quotes "here", back\\slash, tab\t, newline\n, ESC\x1b, DEL\x7f, Ωμέγα 新闻',
    folder="World/Europe",
    tags=("a b", 'q"uote', ""),
    refresh_minutes=15,
    enabled=False,
)


def test_toml_round_trip_keeps_order_and_every_field(tmp_path: Path) -> None:
    subs = [
        Subscription(url="https://b.example/rss", title="B"),
        TRICKY,
        Subscription(url="http://a.example/atom", folder="Central Asia", tags=("kz",)),
    ]
    path = tmp_path / "cfg" / "subscriptions.toml"
    save_subscriptions(subs, path)
    assert load_subscriptions(path) == subs
    # No temp files left behind by the atomic write.
    assert [p.name for p in path.parent.iterdir()] == ["subscriptions.toml"]


def test_toml_string_escapes_are_valid_toml() -> None:
    for value in ['"', "\\", "\x00\x01\x1f\x7f", "\u2028", "a\r\nb", "\ud800"]:
        parsed = tomllib.loads(f"x = {toml_string(value)}")["x"]
        assert parsed == value.replace("\ud800", "\ufffd")


def test_missing_file_is_no_subscriptions(tmp_path: Path) -> None:
    assert load_subscriptions(tmp_path / "none.toml") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[[feed]\nurl = 'x'", "cannot read subscriptions"),
        ("[[feed]]\ntitle = 'no url'\n", "has no url"),
        ("[[feed]]\nurl = 'exec:rm -rf ~'\n", "commands are never run"),
        ("[[feed]]\nurl = 'https://a.example/'\ntags = 'kz'\n", "tags must be a list"),
        ("[[feed]]\nurl = 'https://a.example/'\nrefresh_minutes = true\n", "whole number"),
        ("feed = 3\n", "array of tables"),
    ],
)
def test_bad_file_names_the_file_and_the_problem(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "subscriptions.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_subscriptions(path)
    assert str(path) in str(caught.value) and words in str(caught.value)


def test_refresh_minutes_has_a_floor(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[[feed]]\nurl = 'https://a.example/'\nrefresh_minutes = 1\n")
    assert load_subscriptions(path)[0].refresh_minutes == MIN_REFRESH_MINUTES


def test_find_merge_remove_by_url_or_title() -> None:
    subs = [Subscription("https://a.example/feed/", "Alpha"), Subscription("https://b.example/")]
    assert find_subscription(subs, "https://A.example/feed") is subs[0]
    assert find_subscription(subs, "alpha") is subs[0]
    merged = merge_subscriptions(subs, [Subscription("https://a.example/feed"), TRICKY])
    assert merged.added == (TRICKY,) and len(merged.duplicates) == 1
    rest, removed = remove_subscription(merged.subscriptions, "Alpha")
    assert removed is subs[0] and [s.url for s in rest] == [subs[1].url, TRICKY.url]


@pytest.mark.parametrize(
    "url",
    [
        "exec:ls",
        "EXEC:ls",
        "filter:x:https://a/",
        "|cat /etc/passwd",
        "file:///etc/passwd",
        "ftp://a.example/f",
        "javascript:alert(1)",
        "https://",
        "",
        "https://a.example/x y",
    ],
)
def test_url_problem_refuses_everything_but_http(url: str) -> None:
    assert url_problem(url)


def test_opml_import_keeps_folders_and_reports_rejections_by_line() -> None:
    found = parse_opml((WEB / "subscriptions.opml").read_bytes(), "subscriptions.opml")
    assert [(s.url, s.folder, s.title) for s in found.subscriptions] == [
        ("https://steppe.example/feed.xml", "News/Central Asia", "Steppe Wire"),
        ("http://world.example/atom", "News", "World Desk"),
        ("https://tech.example/feed.json", "", "Tech"),
    ]
    assert found.subscriptions[0].tags == ("kz", "english")
    rejected = {r.url.split(":")[0].split()[0]: r for r in found.rejected}
    assert set(rejected) == {"exec", "filter", "|cat", "file", "gopher"}
    assert rejected["exec"].line == 8 and "never run" in rejected["exec"].reason
    assert rejected["|cat"].line == 13 and "line 13" in str(rejected["|cat"])
    assert "local files" in rejected["file"].reason


def test_opml_export_import_round_trip() -> None:
    subs = [
        Subscription("https://a.example/rss", "A & <B>", folder="World/Europe", tags=("x", "y")),
        Subscription("https://b.example/rss", "B", folder="World"),
        Subscription("https://c.example/rss", "", folder=""),
        Subscription("https://d.example/rss", "D", folder="World/Europe"),
    ]
    back = parse_opml(to_opml(subs)).subscriptions
    # Feeds are grouped under their folder outline, so only the order across folders changes.
    assert [s.url for s in back] == [subs[i].url for i in (0, 3, 1, 2)]
    assert sorted(back, key=lambda s: s.url) == subs


@pytest.mark.parametrize(
    "data",
    [
        b"<opml><body><outline",  # truncated
        b"<rss><channel/></rss>",  # not OPML
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<opml><body><outline text="&b;" xmlUrl="https://a.example/&b;"/></body></opml>',
    ],
)
def test_opml_bad_or_hostile_input_is_refused_or_inert(data: bytes) -> None:
    try:
        found = parse_opml(data, "x.opml")
    except ParseError as error:
        assert "x.opml" in str(error)
        return
    # Entities are never expanded: no "aaaa..." reaches a URL.
    assert all("aaaa" not in s.url for s in found.subscriptions)


def test_discovery_finds_alternate_links_in_document_order() -> None:
    page = (WEB / "page_with_feed.html").read_bytes()
    links = find_feed_links(page, "https://steppe.example/news/")
    assert [(link.url, link.kind, link.title) for link in links] == [
        ("https://steppe.example/feed.xml", "rss", "Steppe Wire RSS"),
        ("https://other.example/comments.atom", "atom", "Comments"),
    ]
    assert page_title(page) == "Steppe Wire — News from the steppe"


def test_discovery_honours_base_and_ignores_bad_schemes() -> None:
    page = (
        '<head><base href="https://cdn.example/x/">'
        '<link rel="Alternate nofollow" type="application/feed+json" href="feed.json">'
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        '<link rel="alternate" type="application/rss+xml; charset=utf-8" href="//a.example/r">'
    )
    links = find_feed_links(page, "https://site.example/")
    assert [link.url for link in links] == [
        "https://cdn.example/x/feed.json",
        "https://a.example/r",
    ]


def test_dumped_file_has_a_header_comment() -> None:
    assert dumps_subscriptions([]).startswith("# newsdesk subscriptions")
