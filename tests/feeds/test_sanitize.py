"""The one display sanitiser (SECURITY.md §1)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from feeds.sanitize import REPLACEMENT, clean_body, clean_line

HOSTILE = [
    "\x1b]0;PWNED\x1b\\",  # set window title
    "\x1b]2;retitled\x07",
    "\x1b[6n",  # cursor position report
    "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "\x1b]52;c;cm0gLXJmIC8=\x07",  # clipboard write
    "\x9b2J",  # 8-bit CSI
    "\x9d0;title\x9c",  # 8-bit OSC / ST
    "\x1bP1$r\x1b\\",  # DCS
]


def test_escape_sequences_lose_their_introducers() -> None:
    for payload in HOSTILE:
        cleaned = clean_line(payload)
        assert "\x1b" not in cleaned and "\x07" not in cleaned
        assert not any(0x80 <= ord(c) <= 0x9F for c in cleaned)


def test_bidi_and_invisible_characters_are_made_visible() -> None:
    for char in ("\u202e", "\u2066", "\u200b", "\u2060", "\ufeff", "\U000e0041"):
        assert clean_line(f"a{char}b") == f"a{REPLACEMENT}b"


def test_legitimate_scripts_are_untouched() -> None:
    samples = [
        "Токаев провёл переговоры",
        "习近平会见托卡耶夫",
        "می\u200cخواهم",  # Persian ZWNJ stays
        "👩\u200d💻 developers",  # emoji ZWJ stays
        "مرحبا\u200f بالعالم",  # RLM stays
        "नमस्ते दुनिया",
        "Ça coûte 5 € — « bien »",
    ]
    for sample in samples:
        assert clean_line(sample) == sample


def test_single_line_fields_flatten_newlines_but_bodies_keep_them() -> None:
    assert clean_line("a\nb\tc\rd") == "a b c d"
    assert clean_body("a\n\nb\tc") == "a\n\nb\tc"
    assert clean_body("a\rb") == f"a{REPLACEMENT}b"


@given(st.text())
def test_sanitiser_preserves_length_and_strips_all_controls(text: str) -> None:
    cleaned = clean_body(text)
    assert len(cleaned) == len(text)  # analysis offsets stay valid on the displayed text
    assert not any(ord(c) < 0x20 and c not in "\n\t" for c in cleaned)
    assert not any(0x7F <= ord(c) <= 0x9F for c in cleaned)
