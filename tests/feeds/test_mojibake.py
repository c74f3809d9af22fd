"""Mojibake in feed bytes (UTF-8 read as Windows-1252, encoded again) is decoded back."""

from __future__ import annotations

from feeds.loaders import load_bytes, mojibake
from feeds.loaders.mojibake import may_hold_mojibake, repair


def _char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five undefined bytes pass through as C1 controls
        return chr(byte)


def _mojibake(text: str) -> str:
    """What a publisher's broken pipeline makes of ``text``."""
    return "".join(_char(b) for b in text.encode("utf-8"))


def _rss(title: str, body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>'
        f"<item><title>{title}</title><description>{body}</description>"
        "<link>https://example.org/1</link></item></channel></rss>"
    ).encode()


def test_a_feed_with_mojibake_is_read_as_written() -> None:
    title = "Actualités : l’accord à Astana — €41 milliards"
    body = "Токаев заявил в Рождество : « nous avançons » ; Beaucoup à gauche y croient."
    (item,) = load_bytes(_rss(_mojibake(title), _mojibake(body)), "broken.xml")
    assert item.title == title
    # The A0 byte of "à" (C3 A0) and of "Р" (D0 A0) became a plain space in the body.
    assert item.body == body.replace("\u00a0", " ")


def test_clean_and_legitimately_accented_text_is_untouched() -> None:
    for text in (
        "SÃO PAULO",  # Portuguese capitals
        "IRMÃ DE LULA",
        "Bahnhofstraße» und Ñandú",
        "Âge d’or, château, pâte — “quoted” 5 €",
    ):
        assert repair(text) == text
    clean = _rss("Château d’eau", "Un texte correct, déjà.")
    assert not may_hold_mojibake(clean)
    (item,) = load_bytes(clean, "clean.xml")
    assert (item.title, item.body) == ("Château d’eau", "Un texte correct, déjà.")


def test_a_sequence_that_is_not_utf8_stays() -> None:
    assert repair("Ã\u00a9t\u00e9 Ã") == "ét\u00e9 Ã"
    assert repair("Ãx") == "Ãx"


def test_the_lead_byte_prefilter_misses_no_marker() -> None:
    # may_hold_mojibake looks for the markers only in bytes that hold their common first byte.
    assert all(marker.startswith(mojibake._LEAD) for marker in mojibake._MARKERS)
    for marker in mojibake._MARKERS:
        assert may_hold_mojibake(b"clean text " + marker + b" more")
    assert not may_hold_mojibake("Straße, déjà".encode())  # C3 present, no marker
    assert not may_hold_mojibake(b"plain ASCII")
