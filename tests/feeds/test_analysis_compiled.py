"""The installed, mypyc-compiled analysis gives exactly what the source gives.

``pip install .`` compiles the analysis modules (setup.py); the tests themselves import the
checkout's pure-Python source. A compiled module is stricter at run time (a value that breaks
its annotation raises TypeError, which ``analyze`` would swallow as an empty result), so this
test runs the same inputs through both and compares every field. It skips where the installed
package is not compiled (an editable install, a machine without a C compiler, no install).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


def _installed_module_file() -> str | None:
    """Where an isolated interpreter (no cwd, no PYTHONPATH) finds feeds.analysis.quotes."""
    probe = subprocess.run(
        [sys.executable, "-I", "-c", "import feeds.analysis.quotes as q; print(q.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def _inputs() -> list[str]:
    files = sorted((ROOT / "feeds" / "samples").glob("*.txt"))
    files += sorted((ROOT / "feeds" / "samples").glob("*.md"))
    files += sorted((ROOT / "tests" / "fixtures" / "analysis").glob("*.txt"))
    files += sorted((ROOT / "tests" / "fixtures" / "seed").glob("*.txt"))
    return [str(f) for f in files]


def _analyse(*, installed: bool, inputs: list[str]) -> list[object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONHASHSEED"] = "0"
    if installed:
        command, cwd = [sys.executable, "-I", "-c", _PROBE, *inputs], "/"
    else:
        env["PYTHONPATH"] = str(ROOT)
        command, cwd = [sys.executable, "-c", _PROBE, *inputs], str(ROOT)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=True)
    assert "Traceback" not in done.stderr, done.stderr
    result: list[object] = json.loads(done.stdout)
    return result


def test_compiled_analysis_matches_source() -> None:
    installed = _installed_module_file()
    if not installed or not installed.endswith(".so"):
        pytest.skip(f"installed analysis is not compiled ({installed or 'not installed'})")
    assert not Path(installed).is_relative_to(ROOT / "feeds"), "the probe must not see the source"
    inputs = _inputs()
    assert len(inputs) >= 15
    compiled = _analyse(installed=True, inputs=inputs)
    source = _analyse(installed=False, inputs=inputs)
    assert len(compiled) == len(source) == len(inputs) + 150
    # Something was found, so an analyser that fails the same way in both cannot pass unseen.
    assert sum(len(r["quotes"]) for r in source if isinstance(r, dict)) > 20
    for index, (got, want) in enumerate(zip(compiled, source, strict=True)):
        assert got == want, f"input {index} differs"
