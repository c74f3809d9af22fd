"""Speed-ups in feeds.analysis must find exactly what the plain scans they replace find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.analysis import figures, titles
from feeds.analysis.text import _TABLE, fold

_ROLE_PARTS = st.sampled_from(
    [
        "the",
        "The",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "President",
        "president",
        "Prime Minister",
        "-",
        "\u2010",
        "Head of State",
        "Head",
        "head",
        "Supreme Leader",
        "leaders",
        "Chairman",
        "King",
        "making",
        "Президент",
        "Премьер-министра",
        "главой",
        "Глава",
        "x",
        "_",
        "Secretary-General",
        "Director General",
        "Managing Director",
        "chief",
        "Emir",
        "Queen",
        "\u212a",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_ROLE_PARTS, max_size=14).map("".join))
def test_role_candidates_equal_regex_scan(text: str) -> None:
    def key(ms: list[titles.re.Match[str]]) -> list[object]:
        return [(m.span(), m.groupdict()) for m in ms]

    assert key(titles._role_matches(text)) == key(list(titles._ROLE_RE.finditer(text)))


_NUM_CHARS = st.sampled_from(list("0123456789., \u00a0\u202f\u2009a_-/\n\u0663\u00b2x$%"))


@settings(max_examples=500, deadline=None)
@given(st.lists(_NUM_CHARS, max_size=30).map("".join))
def test_number_starts_equal_regex_scan(text: str) -> None:
    windows, starts = figures._windows_and_starts(text)
    assert starts == figures._starts(text)
    for rx in (figures._COUNT, figures._DATE_DMY, figures._DATE_NUM, figures._DATE_ISO):
        plain = [m.span() for m in figures._scan(rx, text, windows)]
        assert [m.span() for m in figures._scan(rx, text, windows, starts)] == plain


_FOLD_CHARS = st.sampled_from(
    list("aZ \u0130\u0131\u212a\u017f\u00e9\u2019\u00df\u0451\u0401ÉЁ\u0300x1.\n")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FOLD_CHARS, min_size=150, max_size=400).map("".join))
def test_fold_of_long_text_is_per_character(text: str) -> None:
    assert fold(text) == text.translate(_TABLE)
    assert fold(text)[10:120] == fold(text[10:120])
