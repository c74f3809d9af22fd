"""Speed-ups in feeds.analysis must find exactly what the plain scans they replace find."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.analysis import figures, quotes, sectors, titles
from feeds.analysis.leaders import gazetteer
from feeds.analysis.lexmatch import matches
from feeds.analysis.text import _FEW, _SENT_END, _TABLE, _fold_few, fold, paragraphs, sentences

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"

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


# Digit runs with the words that follow numbers in the figure grammars (units, currencies,
# months, scales) and odd characters that match letters under IGNORECASE.
_FIG_PARTS = st.sampled_from(
    [
        "0",
        "1",
        "12",
        "2024",
        "1,234",
        "3.5",
        "5.3.2024",
        "2024-07-03",
        "-",
        ".",
        ",",
        " ",
        "\u00a0",
        "\n",
        " km",
        "km",
        " tonnes",
        " million",
        "bn",
        " dollars",
        " us dollars",
        " p",
        " pence",
        "%",
        " per cent",
        " percent",
        " March",
        " march",
        " Mar.",
        " people",
        " to ",
        " and ",
        "between ",
        "$",
        "US$",
        "€",
        "usd ",
        "dollars ",
        "record",
        "all-time high",
        "highest ever",
        "ever recorded",
        "historic high",
        "рекорд",
        "\u212a",
        "\u017f",
        "\u0130",
        "x",
        "Q",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_FIG_PARTS, max_size=16).map("".join))
def test_figure_prechecks_equal_window_scans(text: str) -> None:
    d = figures._Digits(text)
    wins, starts = d.windows, d.starts

    def spans(ms: list[figures.re.Match[str]]) -> list[tuple[int, int]]:
        return [m.span() for m in ms]

    for pair, tail in (
        (figures._MONEY_SUF, "suf"),
        (figures._MONEY_SUB, "sub"),
        (figures._PERCENT, "percent"),
        (figures._QUANTITY, "quantity"),
    ):
        full = spans(figures._scan_ranged(pair, text, wins))
        assert spans(figures._scan_ranged(pair, text, d.tail_windows(tail), starts)) == full
    for rx, tail in (
        (figures._DATE_DMY, "dmy"),
        (figures._COUNT, "count"),
        (figures._DATE_ISO, "iso"),
        (figures._DATE_NUM, "dotted"),
    ):
        full = spans(figures._scan(rx, text, wins))
        assert spans(figures._scan(rx, text, d.tail_windows(tail), starts)) == full
    day_year = [w for w in wins if figures._DAY_YEAR.search(text, *w)]
    spaced = d.tail_windows("spaced")
    assert [w for w in spaced if figures._DAY_YEAR.search(text, *w)] == day_year
    cur = figures._currency_starts(text, d.runs)
    pre = spans(figures._scan_ranged(figures._MONEY_PRE, text, wins))
    assert spans(figures._scan_ranged(figures._MONEY_PRE, text, wins, cur)) == pre
    assert spans(figures._record_matches(text)) == spans(list(figures._RECORD.finditer(text)))


_SENT_CHARS = st.sampled_from(list(".!?…\n \"”»’'“«‘(Aa0Яx\u00a0\t"))


@settings(max_examples=600, deadline=None)
@given(st.lists(_SENT_CHARS, max_size=40).map("".join))
def test_sentences_equal_regex_scan(text: str) -> None:
    ref = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[m.start()] != "\n" or text[start:end].strip():
            ref.append((start, end))
        start = end
    if text[start:].strip():
        ref.append((start, len(text)))
    assert sentences.__wrapped__(text) == ref


_FOLD_MANY = st.sampled_from(list("aZ é’“—\u00a0\u0130\u212aЁё1.\n") + ["x" * 30])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FOLD_MANY, min_size=20, max_size=200).map("".join))
def test_fold_few_equals_translate(text: str) -> None:
    few = _fold_few(text)
    odd = sum(1 for c in text if not c.isascii())
    assert (few is None) == (odd > _FEW)
    if few is not None:
        assert few == text.translate(_TABLE)
    assert fold(text + " " * 200) == (text + " " * 200).translate(_TABLE)


_QUOTE_PARTS = st.sampled_from(
    [
        "said",
        "Said",
        " said",
        " says",
        " told reporters",
        " told\nreporters",
        "according to",
        " unsaid",
        "-said",
        " added",
        "сказал",
        " ",
        ", ",
        ".",
        "“Q”",
        '"',
        "John Smith",
        "Mr. Smith",
        " Smith",
        "Smith’s",
        " of ",
        " the ",
        "Bank of England",
        "\n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_QUOTE_PARTS, max_size=20).map("".join))
def test_cue_candidates_and_name_lookups_equal_full_scans(text: str) -> None:
    rx = quotes._cue_re()
    starts = quotes._cue_starts(text)
    for a in range(0, len(text) + 1, 7):
        for b in (a + 5, a + 40, len(text)):
            ref = rx.search(text, a, b)
            got = quotes._cue_search(rx, text, starts, a, b)
            assert (got and got.span()) == (ref and ref.span())
            assert [m.span() for m in quotes._cue_finditer(rx, text, starts, a, b)] == [
                m.span() for m in rx.finditer(text, a, b)
            ]
    paras = paragraphs(text)
    if not paras:
        return
    lazy = quotes._Index(text, [], [], paras)
    full = quotes._Index(text, [], [], paras)
    for w in ("Smith", "John", "England", "Bank", "Mr", ""):
        assert lazy.full_with(w) == [f for f in full.full if w in f.words]
    lazy._ensure_all()
    assert [(n.start, n.end, n.words) for n in lazy.names] == [
        (n.start, n.end, n.words) for n in full.names
    ]


def test_shared_pass_equals_own_automatons() -> None:
    g = gazetteer()
    lex = sectors._lexicon()
    for name in ("000_c41913dc013a7d8d.txt",):
        body = fold((SEED / name).read_text(encoding="utf-8"))
        found = matches(body, g)
        assert found.leaders == list(g.automaton.iter(body))
        assert found.sectors == list(lex.automaton.iter(body))
