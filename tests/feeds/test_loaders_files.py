"""Hostile and broken local inputs: every one a clear one-line failure, fast, never a traceback."""

from __future__ import annotations

import contextlib
import io
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.errors import LoadError, ParseError
from feeds.loaders import load_bytes, load_file, load_paths
from feeds.loaders.feed import strip_doctype
from feeds.loaders.files import MAX_FILE_BYTES

FIXTURES = Path(__file__).parent.parent / "fixtures" / "loaders"
RSS = (FIXTURES / "feed_rss2.xml").read_bytes()
ARTICLE = b"A headline\n\nSome body text.\n"


def _failures(paths: list[str | Path]) -> dict[str, str]:
    return {failure.origin: failure.reason for failure in load_paths(paths).failures}


def test_truncated_feed_keeps_the_entries_it_has() -> None:
    cut = RSS[: RSS.index(b"</item>") + len(b"</item>") + 20]
    items = load_bytes(cut, "cut.xml")
    assert [item.title for item in items] == ["Wheat harvest beats forecast"]


def test_malformed_feed_without_entries_names_the_xml_problem() -> None:
    data = b'<?xml version="1.0"?>\n<rss version="2.0">\n<channel><title>x</title>\n</rss>'
    with pytest.raises(ParseError, match=r"XML is malformed at line 4: mismatched tag"):
        load_bytes(data, "bad.xml")


def _laughs(levels: int) -> bytes:
    entities = ['<!ENTITY lol0 "lololololololololololololololol">']
    entities += [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)]
    subset = "\n".join(entities)
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{subset}\n]>\n<rss version="2.0"><channel>'
        f"<title>&lol{levels - 1};</title><item><title>&lol{levels - 1};</title>"
        "<description>x</description></item></channel></rss>"
    ).encode()


def test_billion_laughs_finishes_fast_without_expansion() -> None:
    started = time.perf_counter()
    items = load_bytes(_laughs(10), "laughs.xml")
    assert time.perf_counter() - started < 2.0
    # Entities were never expanded: no "lol" megabytes anywhere.
    assert all(len(item.title) < 1000 and len(item.source) < 1000 for item in items)


def test_quadratic_blowup_finishes_fast() -> None:
    big = "A" * 100_000
    refs = "&a;" * 20_000
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "{big}">]><rss version="2.0"><channel>'
        f"<title>t</title><item><title>x</title><description>{refs}</description></item>"
        "</channel></rss>"
    ).encode()
    started = time.perf_counter()
    items = load_bytes(data, "quad.xml")
    assert time.perf_counter() - started < 2.0
    assert all(len(item.body) < 1_000_000 for item in items)


def test_strip_doctype_handles_brackets_and_gt_inside_literals() -> None:
    data = b'<?xml version="1.0"?><!-- c --><!DOCTYPE x [<!ENTITY e "a]>b">]><rss/>'
    assert strip_doctype(data) == b'<?xml version="1.0"?><!-- c --><rss/>'
    with pytest.raises(ParseError, match="never closed"):
        strip_doctype(b'<!DOCTYPE x [<!ENTITY e "unterminated>]><rss/>')


def test_empty_and_binary_files_fail_clearly(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n\t")
    (tmp_path / "image.xml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "nul.txt").write_bytes(b"text with a \x00 byte")
    result = load_paths([tmp_path])
    reasons = {Path(f.origin).name: f.reason for f in result.failures}
    assert reasons == {
        "blank.txt": "empty file",
        "empty.txt": "empty file",
        "image.xml": "not a news file: binary data",
        "nul.txt": "not a news file: binary data",
    }
    assert result.items == ()


def test_dev_zero_is_refused_fast() -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    started = time.perf_counter()
    assert _failures(["/dev/zero"]) == {"/dev/zero": "not a regular file (device)"}
    assert time.perf_counter() - started < 1.0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.perf_counter()
    assert _failures([fifo]) == {str(fifo): "not a regular file (pipe)"}
    assert time.perf_counter() - started < 1.0


def test_directory_given_as_a_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="is a directory"):
        load_file(tmp_path)


def test_unreadable_file_reports_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(ARTICLE)
    real_open = os.open

    def deny(target: object, *args: object, **kwargs: object) -> int:
        if str(target) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(target, *args, **kwargs)  # type: ignore[call-overload,no-any-return]

    # Tests run as root in CI, where chmod 000 does not stop reads; simulate the OS refusal.
    monkeypatch.setattr(os, "open", deny)
    assert _failures([path]) == {str(path): "cannot read: permission denied"}


def test_missing_file_and_oversized_file(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # sparse: the size check must not read it
        handle.truncate(MAX_FILE_BYTES + 1)
    failures = _failures([tmp_path / "nope.txt", huge])
    assert failures[str(tmp_path / "nope.txt")] == "no such file or directory"
    assert failures[str(huge)].startswith("too large (16.0 MiB; the limit is 16 MiB)")


def test_invalid_utf8_is_an_error_but_legacy_encodings_are_recovered(tmp_path: Path) -> None:
    (tmp_path / "garbage.txt").write_bytes(b"Headline\n\nBody \x98\x81\x90 \xc3\x28 text")
    russian = "Заголовок новости\n\nПравительство утвердило новый план развития."
    (tmp_path / "cp1251.txt").write_bytes(russian.encode("cp1251"))
    french = "Le caf\xe9 ferme\n\nLa soci\xe9t\xe9 a annonc\xe9 la fermeture de l'\xe9tablissement."
    (tmp_path / "latin1.txt").write_bytes(french.encode("latin-1"))
    result = load_paths([tmp_path])
    [failure] = result.failures
    assert failure.origin.endswith("garbage.txt")
    assert failure.reason.startswith("not valid UTF-8 text")
    titles = sorted(item.title for item in result.items)
    assert titles == ["Le café ferme", "Заголовок новости"]


def test_directory_recursion_is_sorted_and_skips_hidden_src_and_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_bytes(b"Two\n\nbody")
    (tmp_path / "b" / "1.txt").write_bytes(b"One\n\nbody")
    (tmp_path / "a.txt").write_bytes(b"Zero\n\nbody")
    (tmp_path / "c.txt").write_bytes(b"Three\n\nbody")
    (tmp_path / "c.txt.src").write_bytes(b"provenance, not news")
    (tmp_path / ".hidden.txt").write_bytes(b"Hidden\n\nbody")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_bytes(b"Git\n\nbody")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")  # ELOOP on stat
    started = time.perf_counter()
    result = load_paths([tmp_path])
    assert time.perf_counter() - started < 1.0
    assert [item.title for item in result.items] == ["Zero", "One", "Two", "Three"]
    assert {Path(f.origin).name: f.reason for f in result.failures} == {
        "self": "cannot read: symlink loop"
    }


def test_load_paths_continues_past_failures_and_keeps_order(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    feed = tmp_path / "feed.xml"
    feed.write_bytes(RSS)
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<rss><channel><title>x</wrong></rss>")
    result = load_paths([good, tmp_path / "missing.txt", broken, str(feed)])
    assert [item.title for item in result.items] == [
        "A headline",
        "Wheat harvest beats forecast",
        "Second item",
    ]
    assert [failure.origin for failure in result.failures] == [
        str(tmp_path / "missing.txt"),
        str(broken),
    ]
    assert all("\n" not in failure.reason for failure in result.failures)
    assert result.items[0].origin == str(good)


def test_dash_reads_stdin_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO("Заголовок\n\nТекст статьи.".encode())

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    result = load_paths(["-"])
    assert result.failures == ()
    [item] = result.items
    assert (item.title, item.body, item.origin) == ("Заголовок", "Текст статьи.", "-")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_load_bytes_raises_only_parse_errors(data: bytes) -> None:
    for name in ("x.txt", "x.xml", "x.json", "x.md", "x.html"):
        try:
            items = load_bytes(data, name)
        except ParseError as exc:
            assert str(exc) and "\n" not in exc.message
        else:
            assert all(item.published is None or item.published.tzinfo for item in items)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<rss>",
                "<channel>",
                "<item>",
                "<title>",
                "</title>",
                "</item>",
                "&amp;",
                "<![CDATA[",
                "]]>",
                "<!DOCTYPE x [",
                "]>",
                "<feed>",
                "<entry>",
                "text",
                "\u00e9",
                "<br/>",
            ]
        ),
        max_size=40,
    )
)
def test_feed_fragments_never_crash(parts: list[str]) -> None:
    with contextlib.suppress(ParseError):
        load_bytes("".join(parts).encode(), "f.xml")
