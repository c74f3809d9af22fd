"""The one display sanitiser for text that came from outside (SECURITY.md §1).

Raw text is stored as received; this runs at display time, so a better sanitiser can be applied
later and nothing is lost. It is length-preserving (one character in, one out) so that analysis
offsets computed on the raw body still index the displayed text.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def _build_table(keep_newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x00, 0x20):  # C0 controls: ESC, BEL, BS, CR...
        table[code] = REPLACEMENT
    table[0x7F] = REPLACEMENT  # DEL
    for code in range(0x80, 0xA0):  # C1 controls, incl. 8-bit CSI (0x9B) and OSC (0x9D)
        table[code] = REPLACEMENT
    # Bidi embeddings/overrides/isolates (Trojan Source, CVE-2021-42574).
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = REPLACEMENT
    # Zero-width space, word joiner, invisible operators, BOM, interlinear annotations.
    for code in (0x200B, *range(0x2060, 0x2065), 0xFEFF, 0xFFF9, 0xFFFA, 0xFFFB):
        table[code] = REPLACEMENT
    for code in range(0xE0000, 0xE0080):  # tag characters
        table[code] = REPLACEMENT
    if keep_newlines:
        table[0x09] = "\t"
        table[0x0A] = "\n"
    else:
        table[0x09] = " "
        table[0x0A] = " "
        table[0x0D] = " "
    return table


_LINE_TABLE = _build_table(keep_newlines=False)
_BODY_TABLE = _build_table(keep_newlines=True)


def clean_line(text: str) -> str:
    """Sanitise a single-line field (title, source, URL, file name): newlines become spaces."""
    return text.translate(_LINE_TABLE)


def clean_body(text: str) -> str:
    """Sanitise multi-line text (article body), keeping LF and TAB, same length as the input."""
    return text.translate(_BODY_TABLE)
