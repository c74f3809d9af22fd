"""Same copy and same story: MinHash/LSH over shingles, plus leader/figure and headline rules.

Two levels (ANALYSIS.md, "Same story from several outlets"):

* **Same copy**: re-published wire copy. 128-permutation MinHash over 5-word shingles of the
  normalised title and body; LSH with 21 bands of 2 rows proposes candidates (S-curve midpoint
  ≈ 0.22, so copies at the confirm threshold are found with probability ≈ 0.998), then the
  estimated Jaccard must reach :data:`COPY_CONFIRM`.
* **Same story**: independent write-ups published within :data:`STORY_WINDOW` of each other that
  either share a leader id *and* a normalised money/percent value, or whose headline + lead
  token sets overlap by at least :data:`STORY_CONFIRM` (Jaccard).

Everything here is a pure function of ``(Item, Analysis)`` (plus a small in-memory
:class:`LSHIndex`); the store persists signatures and band keys so new items are matched at
import time without recomputing old ones. Hashes are CRC-32 based and seeded with a fixed
constant: signatures written by one process must compare equal in the next (Python's ``hash``
is salted per process).

numpy is imported lazily: opening the store (and so the TUI's first paint) must not pay for it.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, cast

from feeds.lsh import NUM_PERM, STORY_BAND_OFFSET, copy_band_keys_stored
from feeds.models import Analysis, Item

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Signature = npt.NDArray[np.uint32]
else:  # a name for annotations only; the real type is a numpy array
    Signature = Any

SHINGLE_SIZE = 5
"""Words per shingle: long enough that unrelated text shares almost none (≤ 0.02)."""
COPY_CONFIRM = 0.5
"""Estimated Jaccard a candidate must reach to count as the same copy.

Tuned on the bench: at 0.6 only 78 % of 10-20 %-edited copies pass, at 0.5 99 %; unrelated
articles stay ≤ 0.05 and independent rewrites ≤ 0.11 (ANALYSIS.md), far below."""
COPY_WINDOW = timedelta(days=7)
"""Copies are looked for among items published this close in time."""

STORY_PERM = 32
STORY_BANDS = 16
STORY_ROWS = 2
"""Headline + lead LSH: 16 × 2 rows; P(found | J = 0.4) ≈ 0.94, P(found | J = 0.05) ≈ 0.04."""
STORY_CONFIRM = 0.4
"""Headline + lead token-set Jaccard for the same story (see scripts/bench_samestory.py)."""
STORY_MIN_TOKENS = 6
"""Below this many content tokens a headline + lead says too little to compare."""
STORY_LEAD_WORDS = 40
"""Words of the body that count as the lead."""
STORY_WINDOW = timedelta(hours=72)
"""Independent write-ups of one story are grouped only within this span."""

_MAX_HASH = 0xFFFFFFFF
_SEED = 0x5EED_5A4E
_WORD = re.compile(r"[^\W_]+")
# Function words carry no topic; dropping them keeps "the president said" from linking stories.
_STOP_WORDS = """a about above after again against all also an and any are as at be because been
    before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their theirs them then there these they this those through
    to too under until up very was we were what when where which while who whom why will with
    would you your yours said says told according year years new per cent percent
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только её
    мне было вот от меня ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был
    него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо
    ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот
    того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда
    зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас
    про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть
    том нельзя такой им более всегда конечно всю между заявил сказал отметил года году"""
_STOP = frozenset(_STOP_WORDS.split())


# -- text normalisation --------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lowercased, accent-free word tokens (letters and digits; punctuation separates)."""
    if text.isascii():  # the common case, and 10x cheaper than decomposing
        return _WORD.findall(text.lower())
    decomposed = unicodedata.normalize("NFKD", text)
    # Combining marks are non-ASCII: only those runs are checked character by character
    # (English news is ASCII but for its quotes and dashes: 1.7x faster than every character).
    return _WORD.findall(_NON_ASCII.sub(_without_marks, decomposed).casefold())


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _without_marks(run: re.Match[str]) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


_WORD_HASHES: dict[str, int] = {}
"""Memo of :func:`_word_hashes` (news reuses its words; a dict probe is ~4x cheaper than CRC)."""
_WORD_HASHES_MAX = 200_000


def _word_hashes(tokens: Sequence[str]) -> list[int]:
    """CRC-32 of each token (seeded), from the memo; the lookups run in C (``map``), and only
    the words not seen before are hashed in Python."""
    memo = _WORD_HASHES
    if len(memo) > _WORD_HASHES_MAX:
        memo.clear()
    found = list(map(memo.get, tokens))
    if None not in found:
        return cast(list[int], found)
    return [_new_word_hash(t) if h is None else h for h, t in zip(found, tokens, strict=True)]


def _new_word_hash(token: str) -> int:
    h = _WORD_HASHES[token] = zlib.crc32(token.encode("utf-8", "surrogatepass"), _SEED)
    return h


@cache
def _permutations(count: int, seed: int) -> tuple[Any, Any]:
    """``count`` multiply-add-shift hash functions ``(a·x + b) >> 32`` over 32-bit inputs.

    Fixed seed: stored signatures must stay comparable across processes and releases.
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=count, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2**63, size=count, dtype=np.uint64)
    return a.reshape(-1, 1), b.reshape(-1, 1)


def _minhash(hashes: Any, count: int, seed: int) -> Signature:
    """Minimum of each permutation over 32-bit element hashes (a uint64 numpy vector)."""
    import numpy as np

    if len(hashes) == 0:
        return np.full(count, _MAX_HASH, dtype=np.uint32)
    a, b = _permutations(count, seed)
    # uint64 arithmetic wraps modulo 2**64; the high 32 bits of a·x + b are the hash.
    # In-place steps: the chained expression allocates three 128 × n temporaries (10x slower).
    permuted = np.multiply(a, hashes.reshape(1, -1))
    permuted += b
    permuted >>= np.uint64(32)
    result: Signature = permuted.min(axis=1).astype(np.uint32)
    return result


def shingle_hashes(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> Any:
    """32-bit hashes of every ``size``-word window (one window when the text is shorter).

    Word hashes are combined with a vectorised polynomial instead of hashing each joined
    string: 5-10x cheaper on a 700-word article.
    """
    import numpy as np

    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    wh = np.asarray(_word_hashes(tokens), dtype=np.uint64)
    n = max(1, len(tokens) - size + 1)
    width = min(size, len(tokens))
    acc = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(0x100000001B3)  # FNV-style odd multiplier; wraps modulo 2**64
    for k in range(width):
        acc = acc * mult + wh[k : k + n]
    # Fold 64 → 32 bits so the multiply-add-shift family stays well distributed.
    folded: Any = (acc ^ (acc >> np.uint64(32))) & np.uint64(_MAX_HASH)
    return np.unique(folded)


def copy_signature(item: Item) -> Signature:
    """The 128-value MinHash of ``item``'s normalised title and body (5-word shingles)."""
    return _copy_signature(words(item.title), words(item.body))


def _copy_signature(title_words: list[str], body_words: list[str]) -> Signature:
    # The words of title and body apart are the words of "title\nbody": a line break ends a
    # word and normalises to itself. Apart, an ASCII body keeps the fast path of words().
    return _minhash(shingle_hashes(title_words + body_words), NUM_PERM, _SEED)


def signature_to_bytes(signature: Signature) -> bytes:
    """Storage form: the low 16 bits of each value, little-endian (256 bytes).

    "b-bit MinHash" (Li & König): two different values agree on 16 bits with probability
    2**-16, which moves a Jaccard estimate by less than 0.0001, and halves the stored size.
    """
    return bytes(signature.astype("<u2").tobytes())


def signature_from_bytes(blob: bytes) -> Signature:
    """A stored signature (16-bit values); compare it with :func:`estimate_jaccard`."""
    import numpy as np

    result: Signature = np.frombuffer(blob, dtype="<u2").astype(np.uint16)
    return result


def is_blank(signature: Signature) -> bool:
    """True for the signature of a text with no words (it must match nothing)."""
    return bool((signature == _MAX_HASH).all())


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """Share of equal MinHash values: an unbiased estimate of the shingle-set Jaccard.

    A full signature compared with a stored (16-bit) one is compared on its low 16 bits.
    """
    import numpy as np

    if len(a) != len(b) or len(a) == 0:
        return 0.0
    if a.dtype != b.dtype:
        a, b = a.astype(np.uint16), b.astype(np.uint16)
    return float((a == b).mean())


def _band_keys(signature: Signature, bands: int, rows: int, offset: int) -> list[int]:
    """One integer per band: the band number in the high bits, a CRC of its values below.

    Keys of different bands (and of the copy and story layouts, via ``offset``) never collide,
    so one indexed table holds them all.
    """
    raw = signature.astype("<u4", copy=False).tobytes()
    step = rows * 4
    return [
        ((offset + band) << 32) | zlib.crc32(raw[band * step : (band + 1) * step])
        for band in range(bands)
    ]


def copy_band_keys(signature: Signature) -> list[int]:
    """LSH keys of a copy signature, full or stored (16-bit); empty for a blank text.

    Computed from the low 16 bits of each value, as stored, so a stored signature gives the
    same keys (schema migration 8 re-bands old items from their stored signatures).
    """
    if is_blank(signature):
        return []
    return copy_band_keys_stored(signature_to_bytes(signature))


# -- same story ------------------------------------------------------------------------------


def story_tokens(item: Item) -> frozenset[str]:
    """Content words of the headline and lead (stop words, digits and 1-2 letter words dropped)."""
    return _story_tokens(words(item.title), words(item.body))


def _story_tokens(title_words: list[str], body_words: list[str]) -> frozenset[str]:
    tokens = title_words + body_words[:STORY_LEAD_WORDS]
    return frozenset(t for t in tokens if len(t) >= 3 and not t.isdigit() and t not in _STOP)


def story_band_keys(tokens: Iterable[str]) -> list[int]:
    """LSH keys of a headline + lead token set; empty when it is too short to compare."""
    import numpy as np

    ordered = sorted(tokens)
    if len(ordered) < STORY_MIN_TOKENS:
        return []
    hashes = np.unique(np.asarray(_word_hashes(ordered), dtype=np.uint64))
    signature = _minhash(hashes, STORY_PERM, _SEED + 1)
    return _band_keys(signature, STORY_BANDS, STORY_ROWS, STORY_BAND_OFFSET)


def token_jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Exact Jaccard of two token sets (0 when either is too short to compare)."""
    if len(a) < STORY_MIN_TOKENS or len(b) < STORY_MIN_TOKENS:
        return 0.0
    return len(a & b) / len(a | b)


def figure_keys(analysis: Analysis) -> frozenset[str]:
    """Normalised money and percent values: ``"money:USD:4.1e+10"``, ``"percent:%:12.5"``.

    Four significant digits: "$41 billion" and "$41.0bn" agree, "$41.2 billion" does not.
    Zero is dropped (it is never the news).
    """
    keys = set()
    for fig in analysis.figures:
        if fig.kind in ("money", "percent") and fig.value:
            keys.add(f"{fig.kind}:{fig.unit}:{fig.value:.4g}")
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What same-copy and same-story decisions need from one article."""

    published_ts: int
    signature: Signature = field(repr=False)
    tokens: frozenset[str]
    figures: frozenset[str]
    leaders: frozenset[str]

    @classmethod
    def of(cls, item: Item, analysis: Analysis, published_ts: int) -> StoryFacts:
        """Compute the facts of one article (about 1 ms for 700 words)."""
        return cls(
            published_ts=published_ts,
            signature=copy_signature(item),
            tokens=story_tokens(item),
            figures=figure_keys(analysis),
            leaders=frozenset(h.id for h in analysis.leaders),
        )


@dataclass(frozen=True, slots=True)
class MatchKeys:
    """The text-only part of :class:`StoryFacts` plus its LSH keys: a pure function of the item,
    so a worker process can compute it (with the analysis) while the store's writer clusters.

    Compact, because a refresh holds one per new item until it is clustered: the tokens as a
    sorted tuple (see :meth:`shared`), the band keys packed as 64-bit integers.
    """

    signature: Signature = field(repr=False)
    words: tuple[str, ...]
    """The headline + lead tokens (:func:`story_tokens`), sorted."""
    packed_keys: bytes = field(repr=False)
    """Copy band keys, then story band keys, as native 64-bit integers."""
    copy_count: int

    @classmethod
    def of(cls, item: Item) -> MatchKeys:
        title_words, body_words = words(item.title), words(item.body)  # once for both
        signature = _copy_signature(title_words, body_words)
        tokens = _story_tokens(title_words, body_words)
        copy_keys = copy_band_keys(signature)
        packed = array("q", [*copy_keys, *story_band_keys(tokens)]).tobytes()
        return cls(signature, tuple(sorted(tokens)), packed, len(copy_keys))

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(self.words)

    @property
    def copy_keys(self) -> list[int]:
        return self._keys()[: self.copy_count]

    @property
    def story_keys(self) -> list[int]:
        return self._keys()[self.copy_count :]

    def _keys(self) -> list[int]:
        keys = array("q")
        keys.frombytes(self.packed_keys)
        return keys.tolist()

    def shared(self) -> MatchKeys:
        """The same keys with interned tokens: news reuses its words, so thousands of held
        keys then share one string per word instead of one per occurrence."""
        return replace(self, words=tuple(map(sys.intern, self.words)))

    def facts(self, analysis: Analysis, published_ts: int) -> StoryFacts:
        """The item's :class:`StoryFacts` (equal to ``StoryFacts.of(item, analysis, ts)``)."""
        return StoryFacts(
            published_ts=published_ts,
            signature=self.signature,
            tokens=self.tokens,
            figures=figure_keys(analysis),
            leaders=frozenset(h.id for h in analysis.leaders),
        )


def same_copy(a: StoryFacts, b: StoryFacts) -> bool:
    """True when ``b`` is (lightly edited) copy of ``a``, published within a week."""
    close = abs(a.published_ts - b.published_ts) <= COPY_WINDOW.total_seconds()
    return close and estimate_jaccard(a.signature, b.signature) >= COPY_CONFIRM


def same_story(a: StoryFacts, b: StoryFacts) -> bool:
    """True when ``a`` and ``b`` report the same story within :data:`STORY_WINDOW`.

    Either a shared leader together with a shared money/percent value, or headline + lead
    token sets overlapping by :data:`STORY_CONFIRM`.
    """
    if abs(a.published_ts - b.published_ts) > STORY_WINDOW.total_seconds():
        return False
    if a.leaders & b.leaders and a.figures & b.figures:
        return True
    return token_jaccard(a.tokens, b.tokens) >= STORY_CONFIRM


# -- in-memory index ---------------------------------------------------------------------------


class LSHIndex:
    """MinHash LSH over copy signatures: band key → ids; exact estimates confirm candidates.

    The store keeps the same band keys in SQLite instead; this class serves batch tools and the
    benchmark, and documents the algorithm in one place.
    """

    def __init__(self, threshold: float = COPY_CONFIRM) -> None:
        self.threshold = threshold
        self._buckets: dict[int, list[int]] = {}
        self._signatures: dict[int, Signature] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: int, signature: Signature) -> None:
        """Index ``signature`` under ``key`` (an item id); blank signatures are ignored."""
        if key in self._signatures or is_blank(signature):
            return
        self._signatures[key] = signature
        for band in copy_band_keys(signature):
            self._buckets.setdefault(band, []).append(key)

    def candidates(self, signature: Signature) -> set[int]:
        """Ids sharing at least one band with ``signature`` (unconfirmed)."""
        found: set[int] = set()
        for band in copy_band_keys(signature):
            found.update(self._buckets.get(band, ()))
        return found

    def query(self, signature: Signature) -> list[tuple[int, float]]:
        """Confirmed matches as ``(id, estimated Jaccard)``, most similar first."""
        scored = [
            (key, estimate_jaccard(signature, self._signatures[key]))
            for key in self.candidates(signature)
        ]
        return sorted(
            ((k, j) for k, j in scored if j >= self.threshold), key=lambda kj: (-kj[1], kj[0])
        )
