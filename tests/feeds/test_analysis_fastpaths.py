"""The analysis fast paths give what the plain code they replace gives, on odd text too.

Each helper is checked against its reference (a regex scan, ``str.split``) on random strings
drawn from an alphabet of the characters that decide the result: ASCII and non-ASCII digits and
whitespace, quote marks, a literal "?" (the placeholder of the ASCII view) and letters.
"""

from __future__ import annotations

import random
import re

import pytest

from feeds.analysis import lexmatch, quotes, text
from feeds.analysis.figures import _DIGITS, _digit_runs
from feeds.analysis.leaders import gazetteer

_ALPHABET = [
    "a",
    "Z",
    " ",
    "\n",
    "\t",
    "\x1c",
    "\xa0",
    "\u2009",
    "\u3000",
    "\x85",
    "’",
    "“",
    "”",
    '"',
    "«",
    "?",
    "é",
    "5",
    ".",
    ",",
    "٣",
    "３",
]


def _strings(seed: int, count: int = 3000, longest: int = 40) -> list[str]:
    rnd = random.Random(seed)
    out = [
        "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, longest))) for _ in range(count)
    ]
    # Long ones too: more non-ASCII characters than the ASCII view lists.
    out += ["".join(rnd.choice(_ALPHABET) for _ in range(400)) for _ in range(50)]
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_word_count_is_len_split(seed: int) -> None:
    for s in _strings(seed):
        assert text.word_count(s) == len(s.split()), repr(s)


@pytest.mark.parametrize("seed", [3, 4])
def test_digit_runs_are_the_regex_runs(seed: int) -> None:
    for s in _strings(seed):
        assert [m.span() for m in _digit_runs(s)] == [m.span() for m in _DIGITS.finditer(s)]


def test_paragraphs_are_the_non_blank_lines() -> None:
    line = re.compile(r"[^\n]+")
    for s in _strings(5):
        want = [
            (m.start() + len(m[0]) - len(m[0].lstrip()), m.end() - len(m[0]) + len(m[0].rstrip()))
            for m in line.finditer(s)
            if m[0].strip()
        ]
        assert text.paragraphs(s) == want, repr(s)


def test_mark_positions_are_the_regex_matches() -> None:
    for s in _strings(6):
        for chars in (quotes._OPENER_CHARS, quotes._MARKS):
            rx = re.compile("[" + re.escape(chars) + "]")
            positions = quotes._positions(s, chars)
            assert positions == [m.start() for m in rx.finditer(s)]
            for pos in range(len(s) + 1):
                m = rx.search(s, pos, len(s) - 1)
                assert quotes._next_at(positions, pos, len(s) - 1) == (m.start() if m else -1)


def test_ascii_automaton_finds_what_the_full_one_finds() -> None:
    autos = lexmatch._automata(gazetteer())
    rnd = random.Random(7)
    words = [k for k, _v in autos.ascii.items()]
    pieces = [*rnd.sample(words, 300), " ", "-", "“", "”", "—", "’", "é", "x"]
    for _ in range(300):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        odd = text.non_ascii(t)
        assert odd is not None and autos.key_chars.isdisjoint(odd)
        assert list(autos.ascii.iter(t)) == list(autos.full.iter(t)), repr(t)


def test_scare_phrases_end_in_a_word_character() -> None:
    # ``_is_scare`` runs the search only when the text before the quote ends (trailing
    # whitespace aside) in a word character.
    rnd = random.Random(8)
    pieces = [
        "so-called",
        "named",
        "known as",
        "так называемый",
        "slogan",
        " ",
        "\n",
        ":",
        ",",
        "x",
    ]
    for _ in range(3000):
        before = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        if quotes._SCARE_BEFORE.search(before):
            last = before.rstrip()[-1:]
            assert last.isalnum() or last == "_", repr(before)
