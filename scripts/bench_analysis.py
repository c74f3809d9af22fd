"""Benchmark feeds.analysis.analyze: articles per second on one core.

Usage: python scripts/bench_analysis.py [DIR_WITH_TXT_ARTICLES]

Run it with the installed newsdesk (``pip install .`` compiles the analysis with mypyc, see
setup.py) or with ``PYTHONPATH=.`` for the checkout's pure-Python source; the first line says
which build it measured.

Without a directory it uses the shipped seed fixture. Prints items/s (wall clock and CPU time;
the median of five one-second rounds after a warm-up pass, and the range) for feed-item-sized
inputs (title + first ~60 words; title + ~1.5 KB summary) and for whole articles, plus the
mean article length. Data loading (``warm_up``: gazetteer, lexicons,
compiled patterns) is timed apart, once, before the first article.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import feeds.analysis.quotes
from feeds.analysis import analyze, warm_up
from feeds.models import Item

ROOT = Path(__file__).resolve().parent.parent


def _items(folder: Path | None) -> list[Item]:
    files = (
        sorted(folder.glob("*.txt"))
        if folder
        else [ROOT / "tests" / "fixtures" / "seed" / "000_c41913dc013a7d8d.txt"]
    )
    when = dt.datetime(2024, 7, 3, tzinfo=dt.UTC)
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace").strip()
        title, _, body = text.partition("\n")
        out.append(Item(title=title.strip(), body=body.strip(), published=when))
    return out


def _rate(items: list[Item], rounds: int = 5, seconds: float = 1.0) -> str:
    """Items per second: the median of ``rounds`` rounds of ``seconds`` each, after a warm-up
    pass (PERFORMANCE.md: medians of 3-5 runs after a warm-up; this host's speed dips for
    seconds at a time), wall clock and CPU time, with the range of the wall rates."""
    for it in items:
        analyze(it)
    wall_rates, cpu_rates = [], []
    for _ in range(rounds):
        n = 0
        t0, c0 = time.perf_counter(), time.process_time()
        while time.perf_counter() - t0 < seconds:
            for it in items:
                analyze(it)
            n += len(items)
        wall_rates.append(n / (time.perf_counter() - t0))
        cpu_rates.append(n / (time.process_time() - c0))
    wall, cpu = statistics.median(wall_rates), statistics.median(cpu_rates)
    return (
        f"{wall:.0f}/s wall, {cpu:.0f}/s CPU (median of {rounds};"
        f" wall {min(wall_rates):.0f}-{max(wall_rates):.0f}/s)"
    )


def main() -> None:
    """Run both benchmarks and print the results."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    module = feeds.analysis.quotes.__file__ or ""
    build = "compiled (mypyc)" if module.endswith((".so", ".pyd")) else "pure Python"
    print(f"analysis build: {build}, {module}")
    t = time.perf_counter()
    warm_up()  # gazetteer, lexicon automaton, place names, compiled patterns: once per process
    print(f"gazetteer load (+ lexicons, patterns): {1000 * (time.perf_counter() - t):.0f} ms")
    items = _items(folder)
    short = [
        Item(title=i.title, body=" ".join(i.body.split()[:60]), published=i.published)
        for i in items
    ]
    words = sum(len(i.body.split()) for i in items) / len(items)
    t = time.perf_counter()
    analyze(items[0])
    print(f"first article (warm data): {1000 * (time.perf_counter() - t):.1f} ms")
    print(f"feed items (~60 words): {_rate(short)}")
    # The feed-item budget: title + ~1.5 KB summary (cut at a word boundary).
    summaries = [
        Item(title=i.title, body=i.body[:1500].rsplit(" ", 1)[0], published=i.published)
        for i in items
    ]
    print(f"feed items (title + ~1.5 KB summary): {_rate(summaries)}")
    print(f"articles (mean {words:.0f} words): {_rate(items)}")


if __name__ == "__main__":
    main()
