"""The installed, mypyc-compiled feed loaders give exactly the items the source gives.

``pip install .`` compiles ``fastfeed``, ``textutil`` and ``mojibake`` (setup.py); the tests
themselves import the checkout's source. Like ``test_analysis_compiled.py``, this loads the same
feeds with both and compares every field, and skips where the installed package is not compiled.
"""

from __future__ import annotations

from tests.feeds.compiled_build import ROOT, require_compiled, run_probe

CORPUS = ROOT.parent / "shared" / "corpus" / "feeds"

# Load each feed file and print its items (every field) as one JSON list.
_PROBE = r"""
import json, sys
from dataclasses import fields
from pathlib import Path
from feeds.loaders import load_bytes
out = []
for name in sys.argv[1:]:
    try:
        items = load_bytes(Path(name).read_bytes(), Path(name).name)
    except Exception as error:
        out.append([type(error).__name__, str(error)])
        continue
    out.append([[str(getattr(i, f.name)) for f in fields(i)] for i in items])
print(json.dumps(out))
"""


def _inputs() -> list[str]:
    files = [
        f
        for f in sorted((ROOT / "tests" / "fixtures").rglob("*"))
        if f.is_file() and f.suffix in (".xml", ".rss", ".atom", ".json")
    ]
    files += sorted((ROOT / "feeds" / "samples").glob("*.rss"))
    if CORPUS.is_dir():  # the shared corpus of public feeds, next to the repository
        files += [f for f in sorted(CORPUS.iterdir()) if f.suffix in (".xml", ".json")]
    return [str(f) for f in files]


def test_compiled_loaders_match_source() -> None:
    require_compiled("feeds.loaders.fastfeed")
    inputs = _inputs()
    assert len(inputs) >= 5
    compiled = run_probe(_PROBE, inputs, installed=True)
    source = run_probe(_PROBE, inputs, installed=False)
    assert len(compiled) == len(source) == len(inputs)
    # Items were read, so a loader that fails the same way in both cannot pass unseen.
    assert sum(len(r) for r in source if isinstance(r, list) and r and isinstance(r[0], list)) > 10
    for name, got, want in zip(inputs, compiled, source, strict=True):
        assert got == want, f"{name} differs"
