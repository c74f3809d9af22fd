"""Same-copy cost and quality, and collapsed-list query latency: ``bench_samestory.py [STORE]``.

1. Per-article cost of a copy signature and an LSH query (index of every variant below).
2. Same-copy precision/recall on a synthetic set: each bundled sample plus edited copies at
   10-20 % of words, under two edit models: "wire" (what re-publishing outlets do: trailing
   paragraphs cut, a few sentences reworded in place) and "scattered" (uniform random word
   swaps and deletions across the whole text, a worst case for 5-word shingles). Negatives are
   every pair of different samples' variants.
3. With STORE (e.g. from ``make_big_store.py 100000 /tmp/c.db``): a copy of it gets near-copies
   of 5 % of its items from other outlets (clustered at import), then page/count p50/p99 with
   and without filters, collapsed and ``cluster:N``.
"""

from __future__ import annotations

import itertools
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from feeds.analysis import samestory as ss  # noqa: E402
from feeds.models import Item  # noqa: E402
from feeds.query import parse_query  # noqa: E402
from feeds.store import Store  # noqa: E402

FILLER = ["reportedly", "officials", "on", "Tuesday", "the", "said", "new", "major"]


def samples() -> list[Item]:
    out = []
    for p in sorted(resources.files("feeds.samples").iterdir(), key=lambda p: p.name):
        if p.name[:3].isdigit():
            title, _, body = p.read_text(encoding="utf-8").partition("\n")
            out.append(Item(title=title.strip(), body=body.strip()))
    return out


def wire_edit(item: Item, rate: float, rng: random.Random) -> Item:
    """Cut trailing paragraphs and reword whole sentences until ``rate`` of words changed."""
    paras = item.body.split("\n\n")
    total = len(item.body.split())
    budget = int(total * rate)
    while len(paras) > 2 and len(paras[-1].split()) <= budget * 0.6:
        budget -= len(paras.pop().split())
    words = "\n\n".join(paras).split(" ")
    while budget > 0:  # reword a run of 3-8 consecutive words
        run = min(budget, rng.randint(3, 8))
        start = rng.randrange(max(1, len(words) - run))
        words[start : start + run] = [rng.choice(FILLER) for _ in range(run)]
        budget -= run
    return replace(item, title=item.title + " - update", body=" ".join(words))


def scattered_edit(item: Item, rate: float, rng: random.Random) -> Item:
    """Delete or swap ``rate`` of words at uniformly random places."""
    words = item.body.split(" ")
    for _ in range(int(len(words) * rate)):
        i = rng.randrange(len(words) - 1)
        if rng.random() < 0.5:
            del words[i]
        else:
            words[i], words[i + 1] = words[i + 1], words[i]
    return replace(item, body=" ".join(words))


def quality(model: str, copies: int = 6, seed: int = 7) -> None:
    rng = random.Random(seed)
    edit = wire_edit if model == "wire" else scattered_edit
    base = samples()
    variants: list[tuple[int, Item]] = []
    for n, item in enumerate(base):
        variants.append((n, item))
        for _ in range(copies):
            variants.append((n, edit(item, rng.uniform(0.10, 0.20), rng)))
    sigs = [ss.copy_signature(v) for _, v in variants]
    index = ss.LSHIndex()
    for k, sig in enumerate(sigs):
        index.add(k, sig)
    originals = {n: k for k, (n, v) in enumerate(variants) if v is base[n]}
    tp = fp = 0
    for k, sig in enumerate(sigs):
        if originals[variants[k][0]] == k:
            continue  # query with each copy; a hit on its own original is a true positive
        for other, _ in index.query(sig):
            if other == originals[variants[k][0]]:
                tp += 1
            elif variants[other][0] != variants[k][0]:
                fp += 1
    positives = len(variants) - len(base)
    true_j = [
        ss.estimate_jaccard(sigs[k], sigs[originals[n]])
        for k, (n, _) in enumerate(variants)
        if originals[n] != k
    ]
    false_j = [
        ss.estimate_jaccard(sigs[a], sigs[b])
        for a, b in itertools.combinations(range(len(variants)), 2)
        if variants[a][0] != variants[b][0]
    ]
    sweep = "  ".join(
        f"J>={t}: R {sum(j >= t for j in true_j) / len(true_j):.2f}"
        f" FP {sum(j >= t for j in false_j)}"
        for t in (0.6, 0.5, 0.4, 0.3)
    )
    print(
        f"same copy [{model:9}] {positives} copies, {len(false_j)} unrelated pairs: precision "
        f"{tp / max(1, tp + fp):.3f} recall {tp / max(1, positives):.3f}; copy Jaccard p5/p50 "
        f"{quantile(true_j, 0.05):.2f}/{statistics.median(true_j):.2f}, unrelated max "
        f"{max(false_j):.2f}\n    confirm sweep (no LSH): {sweep}"
    )


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def cost() -> None:
    items = samples()
    index = ss.LSHIndex()
    for k, item in enumerate(items * 50):
        index.add(k, ss.copy_signature(replace(item, title=f"{item.title} {k}")))
    ss.copy_signature(items[0])  # warm numpy
    runs = []
    for _ in range(20):
        for item in items:
            t = time.perf_counter()
            facts = ss.StoryFacts.of(item, __import__("feeds.models").models.Analysis(), 0)
            index.query(facts.signature)
            runs.append((time.perf_counter() - t) * 1000)
    words = statistics.mean(len(i.body.split()) for i in items)
    print(
        f"signature + story facts + LSH query ({len(index)} indexed, {words:.0f} words avg): "
        f"p50 {statistics.median(runs):.2f} ms, p99 {quantile(runs, 0.99):.2f} ms"
    )


def timed(fn: object, runs: int = 200) -> tuple[float, float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out), quantile(out, 0.99)


def store_bench(path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        shutil.copy(path, db)
        with Store.open(db) as store:
            rng = random.Random(3)
            total = store.total()
            picked = rng.sample(range(1, total + 1), k=total // 20)
            pairs = []
            for item_id in picked:
                art = store.get_article(item_id)
                body = art.item.body.split(" ")
                body[rng.randrange(len(body))] = "reportedly"
                copy = replace(art.item, source="Copydesk", url=art.item.url + "#copy", guid="")
                pairs.append((replace(copy, body=" ".join(body)), art.analysis))
            t = time.perf_counter()
            store.import_items(pairs)
            per = (time.perf_counter() - t) / len(pairs) * 1000
            clusters = store._scalar("SELECT count(*) FROM clusters")  # noqa: SLF001
            print(f"imported {len(pairs)} copies: {per:.2f} ms/item; {clusters} clusters")
            t = time.perf_counter()
            store.import_items(pairs[:50])
            feed = [
                (replace(p[0], url=p[0].url + "2", body=p[0].body + " more"), p[1])
                for p in pairs[-50:]
            ]
            t = time.perf_counter()
            store.import_items(feed)
            print(f"one feed-sized batch (50 copies): {(time.perf_counter() - t) * 1000:.0f} ms")
            cid = store._scalar("SELECT id FROM clusters LIMIT 1")  # noqa: SLF001
            for text in (
                "",
                "is:unread",
                "is:starred",
                "leader:tokayev",
                "sector:energy",
                "leader:putin is:unread",
                "source:reuters",
                "since:30d",
                "ka",
                "ka leader:xi",
                f"cluster:{cid or 1}",
            ):
                q = parse_query(text)
                top = store.page(q, limit=50)
                mid = store.page(q, after=top[-1].sort_key, limit=50) if top else []
                key = mid[-1].sort_key if mid else None
                page = timed(lambda q=q, key=key: store.page(q, after=key, limit=50))
                count = timed(lambda q=q: store.count(q), runs=50)
                print(
                    f"  {text or '(all)':24} rows {store.count(q):>7}  page p50/p99 "
                    f"{page[0]:6.2f}/{page[1]:6.2f} ms  count p50/p99 {count[0]:6.2f}/"
                    f"{count[1]:6.2f} ms"
                )


def main(argv: list[str]) -> int:
    cost()
    quality("wire")
    quality("scattered")
    if argv:
        store_bench(Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
