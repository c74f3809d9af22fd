"""The LSH band-key layout shared by same-copy matching and the store's schema migrations.

Light on purpose (no numpy, no analysis package): a migration that re-bands stored signatures
runs when any command opens the store, including a fetch where every feed answers 304.
"""

from __future__ import annotations

import struct

NUM_PERM = 128
"""MinHash permutations of a copy signature (estimate standard error ≈ 0.04 at J = 0.6;
stored as 16-bit values, 256 bytes)."""
COPY_BANDS = 21
COPY_ROWS = 2
"""LSH layout: 21 bands of 2 rows over the stored 16-bit values (a band key is the two values
themselves, exact); S-curve midpoint J ≈ 0.22, P(found | J = 0.5) ≈ 0.998.

32 × 4 (midpoint 0.42) found only 87 % of copies at J = 0.5, and 10-20 % wire edits land at
J 0.55-0.75 (scripts/bench_samestory.py). 42 × 3 (schema before v8) found as many as 21 × 2
with twice the rows: 42 of 58 band rows per item, most of a store's size beyond the text.
Unrelated articles (J ≤ 0.02) share a band with probability ≤ 0.01, and a candidate costs
one signature comparison."""
STORY_BAND_OFFSET = 42
"""Band number of the first story band: story keys never collide with copy keys, and keys
stored since schema v3 stay valid."""
_BLANK_STORED = b"\xff" * (2 * NUM_PERM)
"""The stored signature of a text with no words: it must match nothing."""


def copy_band_keys_stored(blob: bytes) -> list[int]:
    """Copy band keys of a stored signature (``samestory.signature_to_bytes``: 16-bit values,
    little-endian); ``samestory.copy_band_keys`` gives the same for a full one. Key: band
    number above bit 32, the band's two 16-bit values below (exact: 32 bits need no hash)."""
    if blob == _BLANK_STORED:
        return []
    values = struct.unpack(f"<{len(blob) // 2}H", blob)
    return [
        (band << 32) | (values[COPY_ROWS * band] << 16) | values[COPY_ROWS * band + 1]
        for band in range(COPY_BANDS)
    ]
