"""Repair mojibake: UTF-8 text that was decoded once as Windows-1252 and encoded again.

Some feeds ship it in their bytes ("ActualitÃ©s" for "Actualités", "World â€º" for "World ›",
"Ð¢Ð¾ÐºÐ°ÐµÐ²" for "Токаев"). Each run of characters that spells a UTF-8 sequence in Windows-1252
(or Latin-1, for the five bytes Windows-1252 leaves undefined) is decoded back, and only when
it is valid UTF-8. Lead characters are limited to those real mojibake starts with (Â Ã Å for
Latin text, Ð Ñ for Cyrillic, â for punctuation and €), so correct text such as Swiss "Straße»"
or Spanish "Ñ" is never touched. CJK mojibake (leads ã-é, common letters in French) is left.
"""

from __future__ import annotations

import re
from dataclasses import replace

from feeds.models import Item


def _byte_of() -> dict[str, int]:
    table = {chr(b): b for b in range(0x80, 0x100)}  # Latin-1, C1 controls included
    for b in range(0x80, 0xA0):
        try:
            table[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: Latin-1 covers them
            continue
    return table


_BYTE_OF = _byte_of()
_CONT = "[" + "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF) + "]"
_SEQUENCE = re.compile(rf"[ÂÃÅÐÑ]{_CONT}|â{_CONT}{{2}}")
# "Ã ", "Ð " and "Â ": the A0 byte of "à" (C3 A0), of Cyrillic "Р" (D0 A0) or of a bare
# no-break space became a plain space when whitespace was normalised. "à" ends a word, so the
# space after it is kept ("Ã gauche" is "à gauche"); "Р" starts one ("Ð ождество" is
# "Рождество"). Only in text that holds sure sequences too: Portuguese "IRMÃ DE" is correct.
_WITH_SPACES = re.compile(rf"{_SEQUENCE.pattern}|[ÂÃÐ] ")
_SPACED = {"Ã ": "à ", "Ð ": "Р", "Â ": " "}
_MARKERS = tuple(m.encode("utf-8") for m in ("Ã", "Â", "Ð", "Ñ", "â€", "â‚", "â„"))
"""UTF-8 bytes that mojibake of Latin, Cyrillic and punctuation starts with and correct text
rarely holds ("â" alone is French): a feed with none of them pays nothing per item."""
_LEAD = b"\xc3"
"""The first byte of every marker (tests/feeds/test_mojibake.py checks it)."""


def _decoded(match: re.Match[str]) -> str:
    found = match.group()
    if found[1] == " ":
        return _SPACED[found]
    raw = bytes(_BYTE_OF[c] for c in found)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def repair(text: str) -> str:
    """``text`` with its mojibake sequences decoded; unchanged when there are none."""
    return _WITH_SPACES.sub(_decoded, text) if _SEQUENCE.search(text) else text


def may_hold_mojibake(data: bytes) -> bool:
    """A cheap test on the raw bytes, so that clean feeds (nearly all) pay nothing per item."""
    # Every marker starts with the byte C3 (Ã Â Ð Ñ â): one scan for it rules out most feeds,
    # instead of seven scans for the markers.
    return _LEAD in data and any(marker in data for marker in _MARKERS)


def repair_items(items: list[Item]) -> list[Item]:
    """Items with title, body, author and source repaired (the same objects when clean)."""
    out: list[Item] = []
    for item in items:
        before = (item.title, item.body, item.author, item.source)
        title, body, author, source = after = tuple(repair(text) for text in before)
        if after != before:
            item = replace(item, title=title, body=body, author=author, source=source)
        out.append(item)
    return out
