"""The installed, mypyc-compiled feed loaders give exactly the items the source gives.

``pip install .`` compiles ``fastfeed``, ``textutil`` and ``mojibake`` (setup.py); the tests
themselves import the checkout's source. Like ``test_analysis_compiled.py``, this loads the same
feeds with both and compares every field, and skips where the installed package is not compiled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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


def _installed_module_file() -> str | None:
    """Where an isolated interpreter (no cwd, no PYTHONPATH) finds feeds.loaders.fastfeed."""
    probe = subprocess.run(
        [sys.executable, "-I", "-c", "import feeds.loaders.fastfeed as m; print(m.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


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


def _load(*, installed: bool, inputs: list[str]) -> list[object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if installed:
        command, cwd = [sys.executable, "-I", "-c", _PROBE, *inputs], "/"
    else:
        env["PYTHONPATH"] = str(ROOT)
        command, cwd = [sys.executable, "-c", _PROBE, *inputs], str(ROOT)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=True)
    assert "Traceback" not in done.stderr, done.stderr
    result: list[object] = json.loads(done.stdout)
    return result


def test_compiled_loaders_match_source() -> None:
    installed = _installed_module_file()
    if not installed or not installed.endswith(".so"):
        pytest.skip(f"installed loaders are not compiled ({installed or 'not installed'})")
    assert not Path(installed).is_relative_to(ROOT / "feeds"), "the probe must not see the source"
    inputs = _inputs()
    assert len(inputs) >= 5
    compiled = _load(installed=True, inputs=inputs)
    source = _load(installed=False, inputs=inputs)
    assert len(compiled) == len(source) == len(inputs)
    # Items were read, so a loader that fails the same way in both cannot pass unseen.
    assert sum(len(r) for r in source if isinstance(r, list) and r and isinstance(r[0], list)) > 10
    for name, got, want in zip(inputs, compiled, source, strict=True):
        assert got == want, f"{name} differs"
