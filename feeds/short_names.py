"""The compact tag a headline row shows for a person ("Tokayev", "Xi", "Charles III").

Shared by the store (people from the user's config) and ``scripts/build_gazetteer.py``, which
stores a tag per gazetteer leader on top of this rule (overrides, particles such as
"von der Leyen").
"""

from __future__ import annotations

import re

# Family name first and called by it ("Xi Jinping" → "Xi"). Not Hungary (the gazetteer writes
# "Viktor Orbán"), Vietnam ("Pham Minh Chinh" is "Chinh") or Mongolia ("Khaltmaagiin Battulga"
# is "Battulga").
FAMILY_FIRST = frozenset({"CN", "TW", "HK", "MO", "KP", "KR", "KH"})
_ORDINAL = re.compile(r"[IVX]+|Jr\.?|Sr\.?")


def short_name(name: str, country: str) -> str:
    """Family name ("Tokayev"; "Xi" for family-first countries); a monarch keeps the number."""
    words = name.split()
    if not words:
        return ""
    if len(words) == 2 and _ORDINAL.fullmatch(words[-1]):
        return name  # "Charles III"
    while len(words) > 2 and _ORDINAL.fullmatch(words[-1]):
        words.pop()  # "Ferdinand Marcos Jr."
    return words[0] if country.upper() in FAMILY_FIRST and len(words) > 1 else words[-1]
