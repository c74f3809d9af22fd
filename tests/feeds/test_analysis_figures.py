"""Figures: number formats, scales, currencies, kinds, ranges, record flag, fuzzing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feeds.analysis.figures import find_figures, parse_number
from feeds.models import Figure


def _one(text: str) -> Figure:
    figs = find_figures(text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,234.56", 1234.56),
        ("1.234,56", 1234.56),
        ("1\u00a0234,56", 1234.56),
        ("1\u2009234", 1234.0),
        ("14,5", 14.5),
        ("14.5", 14.5),
        ("1,234", 1234.0),
        ("1.234.567", 1234567.0),
        ("0,250", 0.25),
        ("12", 12.0),
    ],
)
def test_parse_number_formats(raw: str, value: float) -> None:
    assert parse_number(raw) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$41 billion", 41e9, "USD"),
        ("US$2.5 mln", 2.5e6, "USD"),
        ("€3.2bn", 3.2e9, "EUR"),
        ("£3m", 3e6, "GBP"),
        ("USD 1.2bn", 1.2e9, "USD"),
        ("₸500 billion", 5e11, "KZT"),
        ("2,5 млрд долларов", 2.5e9, "USD"),
        ("300 тыс. тенге", 3e5, "KZT"),
        ("14.5 billion yuan", 14.5e9, "CNY"),
        ("10 million euros", 1e7, "EUR"),
        ("1\u00a0234,56 рублей", 1234.56, "RUB"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    f = _one(f"It reached {text} last year.")
    assert (f.kind, f.text, f.unit) == ("money", text, unit)
    assert f.value == pytest.approx(value)


def test_parenthesised_amount_is_not_negative() -> None:
    assert _one("a loss ($2.7 billion) was booked").value == pytest.approx(2.7e9)


def test_ranges_keep_text_and_first_value() -> None:
    f = _one("investment of $40-50 billion is planned")
    assert (f.text, f.value, f.unit) == ("$40-50 billion", 40e9, "USD")
    assert _one("growth of 3–4% is expected").text == "3–4%"


def test_percent_and_points() -> None:
    figs = find_figures("Inflation fell 0.5 percentage points to 8.4%, up 20 per cent from 5 pct.")
    assert [(f.text, f.kind, f.value, f.unit) for f in figs] == [
        ("0.5 percentage points", "percent", 0.5, "pp"),
        ("8.4%", "percent", 8.4, "%"),
        ("20 per cent", "percent", 20.0, "%"),
        ("5 pct", "percent", 5.0, "%"),
    ]


def test_quantities() -> None:
    figs = find_figures("It shipped 3 million tonnes and 1,200 TEU over 450 km with 120 MW.")
    assert [(f.kind, f.value, f.unit) for f in figs] == [
        ("quantity", 3e6, "tonnes"),
        ("quantity", 1200.0, "TEU"),
        ("quantity", 450.0, "km"),
        ("quantity", 120.0, "MW"),
    ]


def test_counts_take_plural_noun_phrase() -> None:
    f = _one("Currently 45 joint investment projects totaling little are under way.")
    assert (f.kind, f.value, f.unit) == ("count", 45.0, "joint investment projects")
    assert find_figures("in 2024 companies grew for 10 years after COVID-19 cases fell") == []


def test_dates() -> None:
    figs = find_figures("Signed on 03.07.2024, on 3 July 2024 and on July 3, 2024; not 45.13.2024.")
    assert [(f.kind, f.value) for f in figs][:3] == [("date", 20240703.0)] * 3


def test_record_flag_goes_to_nearest_figure_in_sentence() -> None:
    figs = find_figures("Exports rose 5% to a record $10 billion. Imports were $4 billion.")
    assert [(f.text, f.record) for f in figs] == [
        ("5%", False),
        ("$10 billion", True),
        ("$4 billion", False),
    ]
    assert find_figures("Товарооборот достиг рекордных 41 млрд долларов.")[0].record


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789.,  \u00a0\u2009$€£%-–kmbnKMB tonesиlрд")),
        max_size=60,
    )
)
def test_fuzz_never_raises_and_spans_match(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.value == f.value


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("dollars 600,000", 6e5, "USD"),  # BBC style: currency word first
        ("pounds 64m", 64e6, "GBP"),
        ("dollars 45bn", 45e9, "USD"),
        ("59.2 trillion rupiah", 59.2e12, "IDR"),
        ("$670-billion", 670e9, "USD"),
        ("$254-billion Canadian", 254e9, "CAD"),
        ("15 cents", 0.15, "USD"),
        ("274.5 pence", 2.745, "GBP"),
        ("274.5p", 2.745, "GBP"),
        ("₹9,000 crore", 9e10, "INR"),  # Indian English scales
        ("₹1.5 lakh crore", 1.5e12, "INR"),
        ("₹50 lakh", 5e6, "INR"),
        ("300 crore rupees", 3e9, "INR"),
        ("$229 CAD", 229.0, "CAD"),  # an ISO code after a dollar amount names the dollar
    ],
)
def test_money_word_prefix_subunits_and_hyphenated_scale(
    text: str, value: float, unit: str
) -> None:
    f = _one(f"It reached {text} last year.")
    assert (f.kind, f.text, f.unit) == ("money", text, unit)
    assert f.value == pytest.approx(value)


def test_ranges_versus_changes() -> None:
    def texts(s: str) -> list[str]:
        return [f.text for f in find_figures(s)]

    assert texts("between 50 and 70 percent of families") == ["50 and 70 percent"]
    assert texts("Spain and Italy grew 2 and 3 percent") == ["3 percent"]
    assert texts("a 3% to 3.5% improvement") == ["3% to 3.5%"]
    assert texts("$5 billion to $8 billion a year") == ["$5 billion to $8 billion"]
    assert texts("raised by $1 to $8.25 per hour") == ["$1", "$8.25"]
    assert texts("it rose from 2% to 3%") == ["2%", "3%"]
    assert texts("a margin of 48% to 38%") == ["48%", "38%"]  # ranges run upwards
    assert texts("33%of those") == ["33%"]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        # Case-insensitive patterns match "ſ" (long s) as "s"; str.lower keeps it, so the
        # month and subunit lookups raised KeyError and the item lost all its figures.
        ("Talks on ſept 5, 2024 ended.", "date", 20240905.0, "date"),
        ("On 5 ſeptember 2024 they met.", "date", 20240905.0, "date"),
        ("It cost 5 centſ more.", "money", 0.05, "USD"),
    ],
)
def test_odd_case_foldings_are_read_not_crashed_on(
    text: str, kind: str, value: float, unit: str
) -> None:
    (f,) = find_figures(text)
    assert (f.kind, f.value, f.unit) == (kind, value, unit)


@given(
    st.lists(
        st.sampled_from(
            [
                "5",
                "2024",
                " ",
                ",",
                "ſept",
                "SEPT",
                "ſeptember",
                "centſ",
                "Cents",
                "pence",
                "$",
                "€",
                "%",
                "million",
                "March",
                "марта",
                "K",
                "ß",
                "İ",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_fuzz_words_with_odd_casing_never_raise(text: str) -> None:
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text


def test_a_time_written_6p_is_not_pence() -> None:
    assert find_figures("Doors open at 6p, and the bar stays open until 11p.") == []
    prices = find_figures("Shares closed at 274.5p after rising by 5p.")
    assert [(f.text, f.unit) for f in prices] == [("274.5p", "GBP"), ("5p", "GBP")]
