"""Run a probe script with the installed newsdesk (mypyc-compiled by ``pip install .``) or with
the checkout's source, for the tests that compare the two."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def require_compiled(module: str) -> None:
    """Skip unless an isolated interpreter (no cwd, no PYTHONPATH) imports ``module`` compiled,
    from outside the checkout's source tree."""
    probe = subprocess.run(
        [sys.executable, "-I", "-c", f"import {module} as m; print(m.__file__)"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    where = probe.stdout.strip() if probe.returncode == 0 else ""
    if not where.endswith(".so"):
        pytest.skip(f"installed {module} is not compiled ({where or 'not installed'})")
    assert not Path(where).is_relative_to(ROOT / "feeds"), "the probe must not see the source"


def run_probe(probe: str, args: list[str], *, installed: bool) -> list[object]:
    """The JSON list ``probe`` prints, run on the installed package or on the source."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONHASHSEED"] = "0"
    if installed:
        command, cwd = [sys.executable, "-I", "-c", probe, *args], "/"
    else:
        env["PYTHONPATH"] = str(ROOT)
        command, cwd = [sys.executable, "-c", probe, *args], str(ROOT)
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, check=True)
    assert "Traceback" not in done.stderr, done.stderr
    result: list[object] = json.loads(done.stdout)
    return result
