"""The installed, mypyc-compiled analysis gives exactly what the source gives.

``pip install .`` compiles the analysis modules (setup.py); the tests themselves import the
checkout's pure-Python source. A compiled module is stricter at run time (a value that breaks
its annotation raises TypeError, which ``analyze`` would swallow as an empty result), so this
test runs the same inputs through both and compares every field. It skips where the installed
package is not compiled (an editable install, a machine without a C compiler, no install).
"""

from __future__ import annotations

from tests.feeds.compiled_build import ROOT, require_compiled, run_probe

# Analyse each input file (title = first line) and some token shuffles of them (odd inputs
# reach paths the articles do not), printing one JSON list.
_PROBE = r"""
import datetime as dt, json, random, sys
from pathlib import Path
from feeds.analysis import analysis_to_json, analyze
from feeds.models import Item
when = dt.datetime(2024, 7, 3, tzinfo=dt.UTC)
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]]
rng = random.Random(7)
tokens = " ".join(texts).split(" ")
texts += [" ".join(rng.choices(tokens, k=rng.randint(5, 400))) for _ in range(150)]
out = []
for text in texts:
    title, _, body = text.partition("\n")
    item = Item(title=title, body=body, published=when)
    out.append(analysis_to_json(item, analyze(item)))
print(json.dumps(out, sort_keys=True))
"""


def _inputs() -> list[str]:
    files = sorted((ROOT / "feeds" / "samples").glob("*.txt"))
    files += sorted((ROOT / "feeds" / "samples").glob("*.md"))
    files += sorted((ROOT / "tests" / "fixtures" / "analysis").glob("*.txt"))
    files += sorted((ROOT / "tests" / "fixtures" / "seed").glob("*.txt"))
    return [str(f) for f in files]


def test_compiled_analysis_matches_source() -> None:
    require_compiled("feeds.analysis.quotes")
    inputs = _inputs()
    assert len(inputs) >= 15
    compiled = run_probe(_PROBE, inputs, installed=True)
    source = run_probe(_PROBE, inputs, installed=False)
    assert len(compiled) == len(source) == len(inputs) + 150
    # Something was found, so an analyser that fails the same way in both cannot pass unseen.
    assert sum(len(r["quotes"]) for r in source if isinstance(r, dict)) > 20
    for index, (got, want) in enumerate(zip(compiled, source, strict=True)):
        assert got == want, f"input {index} differs"
