"""Build hook: compile the hot pure-Python modules to C with mypyc when building a wheel.

Everything else about the package is in ``pyproject.toml``. The compiled analysers run the same
source (mypy-strict typed) about 30 % fewer instructions per feed item, which is what takes
import-time analysis past 2,000 feed items/s on one core (docs/BENCHMARKS.md); the compiled feed
loaders about 7 % fewer per feed in the parse workers of a refresh. The pure-Python modules ship
beside them and are used wherever the compiled ones are not built:

- editable installs (``pip install -e .``), so that an edit takes effect without a rebuild;
- ``NEWSDESK_PURE_PYTHON=1`` in the environment;
- a machine where the build fails (no C compiler or no Python headers): the build warns and
  goes on without them, rather than failing the install.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

# The per-item analysers: where import-time analysis spends its instructions. samestory (numpy)
# and the package __init__ (orchestration) gain little and stay interpreted.
COMPILED = [
    "feeds/analysis/figures.py",
    "feeds/analysis/leaders.py",
    "feeds/analysis/lexmatch.py",
    "feeds/analysis/quotes.py",
    "feeds/analysis/sectors.py",
    "feeds/analysis/text.py",
    "feeds/analysis/titles.py",
    # The feed parse path of a refresh (parse workers): the fast RSS/Atom reader, HTML to text,
    # the mojibake test. feeds/models.py stays interpreted: its items are pickled between
    # processes. The other loaders, dates, sanitising and the store helpers were tried and
    # saved nothing measurable.
    "feeds/loaders/fastfeed.py",
    "feeds/loaders/mojibake.py",
    "feeds/loaders/textutil.py",
]

# Commands that build the installable package; metadata queries and editable installs do not
# need the (slow) mypyc pass.
_BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}


class OptionalBuildExt(build_ext):
    """Build the compiled modules, or none of them: a failure leaves the pure-Python package."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no headers, a compiler error
            self._drop_outputs()
            self.warn(f"newsdesk: compiled analysis not built ({error}); using pure Python")

    def _drop_outputs(self) -> None:
        # The modules import one shared library; a half-built set would fail at import time.
        for ext in self.extensions:
            Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)
        self.extensions = []


def _extensions() -> list[Any]:
    if os.environ.get("NEWSDESK_PURE_PYTHON") or not _BUILD_COMMANDS & set(sys.argv[1:]):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        return list(mypycify(COMPILED, opt_level="3"))
    except BaseException as error:  # mypyc exits on a type error: fall back, do not fail
        print(f"newsdesk: mypyc failed ({error!r}); using pure Python", file=sys.stderr)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
