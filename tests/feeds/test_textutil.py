"""The regex fast path of html_to_text must give exactly what the element walk gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from feeds.loaders import load_bytes
from feeds.loaders.textutil import _simple_html_to_text, element_to_text, html_to_text

words = st.sampled_from(["Tokayev", "said", "$41", "billion", "&amp;", "&nbsp;", "  ", "\n", "é"])
tags = st.sampled_from(["p", "b", "i", "a", "em", "br", "li", "div", "span"])


@st.composite
def fragments(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(1, 8))):
        tag = draw(tags)
        text = " ".join(draw(st.lists(words, min_size=0, max_size=5)))
        out.append(f"<{tag}>" if tag == "br" else f"<{tag}>{text}</{tag}>")
        out.append(" ".join(draw(st.lists(words, max_size=3))))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(fragments())
def test_fast_path_equals_element_walk(markup: str) -> None:
    fast = _simple_html_to_text(markup)
    assert fast is not None
    slow = element_to_text(lxml_html.fragment_fromstring(markup, create_parent="div"))
    assert fast == slow


def test_unknown_tags_take_the_full_parser() -> None:
    assert _simple_html_to_text("<p>a</p><script>alert(1)</script>") is None
    assert _simple_html_to_text("<table><tr><td>x</td></tr></table>") is None
    assert html_to_text("<p>keep</p><script>drop()</script>") == "keep"
    assert html_to_text("a < b and c > d") == "a < b and c > d"


def test_markup_lxml_asserts_on_gives_text_not_an_error() -> None:
    # lxml raises AssertionError ("too many bodies") on this fragment.
    assert html_to_text("<!DOCTYPE><script>x</script>") == ""
    assert "Real news" in html_to_text("<!DOCTYPE><script>x</script><p>Real news</p>")


def test_one_such_item_does_not_fail_its_feed() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>Odd</title><description>&lt;!DOCTYPE&gt;&lt;script&gt;x&lt;/script&gt;"
        b"</description><link>https://example.org/1</link></item>"
        b"<item><title>Fine</title><description>Plain text.</description>"
        b"<link>https://example.org/2</link></item></channel></rss>"
    )
    assert [i.title for i in load_bytes(rss, "odd.xml")] == ["Odd", "Fine"]
