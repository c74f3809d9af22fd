"""Generate a realistic newsdesk store for benchmarks: ``make_big_store.py N PATH [SEED]``.

Items go through :meth:`Store.import_items` (the real write path, batched), with a Zipf-ish
vocabulary (uniform vocabularies make full-text search look wrong), Zipf-weighted leaders and
sectors, a few dozen sources, two years of publication times and about 60 % read.
"""

from __future__ import annotations

import itertools
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from feeds.models import Analysis, Item, LeaderHit, SectorScore, Span  # noqa: E402
from feeds.query import SECTOR_IDS  # noqa: E402
from feeds.store import Store  # noqa: E402

LEADERS = [
    ("kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KZ"),
    ("xi-jinping", "Xi Jinping", "CN"),
    ("vladimir-putin", "Vladimir Putin", "RU"),
    ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "TR"),
    ("shavkat-mirziyoyev", "Shavkat Mirziyoyev", "UZ"),
    ("sadyr-japarov", "Sadyr Japarov", "KG"),
    ("emomali-rahmon", "Emomali Rahmon", "TJ"),
    ("ilham-aliyev", "Ilham Aliyev", "AZ"),
    ("narendra-modi", "Narendra Modi", "IN"),
    ("emmanuel-macron", "Emmanuel Macron", "FR"),
    ("olaf-scholz", "Olaf Scholz", "DE"),
    ("joe-biden", "Joe Biden", "US"),
    ("ursula-von-der-leyen", "Ursula von der Leyen", "EU"),
    ("antonio-guterres", "António Guterres", "UN"),
    ("kim-jong-un", "Kim Jong Un", "KP"),
    ("yoon-suk-yeol", "Yoon Suk Yeol", "KR"),
    ("fumio-kishida", "Fumio Kishida", "JP"),
    ("luiz-inacio-lula-da-silva", "Luiz Inácio Lula da Silva", "BR"),
    ("cyril-ramaphosa", "Cyril Ramaphosa", "ZA"),
    ("alexander-lukashenko", "Alexander Lukashenko", "BY"),
]
SOURCES = [
    "El.kz", "Reuters", "Kazinform", "Tengrinews", "Xinhua", "TASS", "AP", "AFP", "BBC",
    "Astana Times", "Kursiv", "Interfax", "Trend.az", "Gazeta.uz", "24.kg", "Asia-Plus",
    "Nikkei", "Yonhap", "Al Jazeera", "DW", "Le Monde", "Bloomberg", "Financial Times",
    "The Diplomat", "Eurasianet", "RFE/RL", "Daryo", "Kun.uz", "Orda.kz", "Vlast.kz",
]  # fmt: skip
_SYLLABLES = [
    "ka",
    "ze",
    "ra",
    "to",
    "mi",
    "su",
    "lan",
    "der",
    "ben",
    "or",
    "qa",
    "sta",
    "ne",
    "vi",
    "lo",
    "gra",
    "pet",
    "ur",
    "tan",
    "ish",
    "on",
    "ex",
]


def vocabulary(rng: random.Random, size: int = 30000) -> list[str]:
    """Distinct pseudo-words, short ones first (frequent words are short, as in real text)."""
    words: dict[str, None] = {}
    while len(words) < size:
        n = 1 + min(4, int(rng.expovariate(0.8)))
        words["".join(rng.choice(_SYLLABLES) for _ in range(n))] = None
    return sorted(words, key=len)


def zipf_weights(n: int, s: float = 1.07) -> list[float]:
    """Cumulative Zipf weights for ``random.choices(cum_weights=...)``."""
    return list(itertools.accumulate(1 / (rank**s) for rank in range(1, n + 1)))


def generate(n: int, seed: int = 1) -> Iterator[tuple[Item, Analysis]]:
    """``n`` synthetic (item, analysis) pairs, deterministic for a seed."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    vocab_w = zipf_weights(len(vocab))
    leader_w = zipf_weights(len(LEADERS), 1.2)
    sector_w = zipf_weights(len(SECTOR_IDS), 0.9)
    source_w = zipf_weights(len(SOURCES), 0.8)
    end = datetime(2024, 7, 1, tzinfo=UTC)
    span = int(timedelta(days=730).total_seconds())
    for i in range(n):
        title_words = rng.choices(vocab, cum_weights=vocab_w, k=rng.randint(6, 12))
        body_words = rng.choices(vocab, cum_weights=vocab_w, k=rng.randint(60, 160))
        leaders = {LEADERS[j] for j in rng.choices(range(len(LEADERS)), leader_w, k=3)}
        leaders = set(itertools.islice(leaders, rng.choice((0, 1, 1, 2, 3))))
        hits = []
        for lid, name, country in leaders:
            title_words.insert(0, name.split()[-1])
            hits.append(LeaderHit(lid, name, country, (Span(0, len(name)),) * rng.randint(1, 4)))
        sectors = {SECTOR_IDS[j] for j in rng.choices(range(17), sector_w, k=rng.randint(0, 3))}
        scores = tuple(SectorScore(s, s.title(), round(rng.random() * 5, 2)) for s in sectors)
        # Whole-second times with collisions on purpose: paging must break ties by id.
        published = end - timedelta(seconds=rng.randrange(span) // 60 * 60)
        item = Item(
            title=" ".join(title_words).capitalize(),
            body=" ".join(body_words),
            source=rng.choices(SOURCES, cum_weights=source_w)[0],
            url=f"https://news.example/{seed}/{i}",
            published=published,
        )
        yield item, Analysis(leaders=tuple(hits), sectors=scores)


def build(n: int, path: Path, seed: int = 1, batch: int = 10000) -> float:
    """Write ``n`` items to a new store at ``path``; return the seconds taken."""
    start = time.perf_counter()
    rng = random.Random(seed + 1)
    with Store.open(path) as store:
        pairs = generate(n, seed)
        while chunk := list(itertools.islice(pairs, batch)):
            store.import_items(chunk)
        total = store.total()
        store.set_read([i for i in range(1, total + 1) if rng.random() < 0.6], True)
        for i in rng.sample(range(1, total + 1), k=min(total, max(1, total // 200))):
            store.toggle_starred(i)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    n, path = int(argv[0]), Path(argv[1])
    if path.exists():
        print(f"{path} exists; refusing to add to it", file=sys.stderr)
        return 1
    seconds = build(n, path, int(argv[2]) if len(argv) == 3 else 1)
    size = path.stat().st_size / 2**20
    print(f"{n} items → {path} in {seconds:.1f} s ({n / seconds:,.0f} items/s, {size:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
