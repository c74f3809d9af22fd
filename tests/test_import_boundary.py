"""The core never depends on the interface (STYLE.md idea 1), and scripting stays Textual-free."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import feeds

ROOT = Path(__file__).resolve().parents[1]


def _core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(feeds.__path__, "feeds."))


def _loaded_after(code: str) -> set[str]:
    probe = (
        f"{code}\nimport sys\n"
        "print(','.join(m for m in ('textual', 'rich', 'tui') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return {name for name in out.stdout.strip().split(",") if name}


def test_core_package_has_modules_to_check() -> None:
    modules = _core_modules()
    assert "feeds.store" in modules and "feeds.analysis" in modules


def test_no_core_module_imports_the_interface() -> None:
    imports = "\n".join(f"import {name}" for name in _core_modules())
    assert _loaded_after(imports) == set()


def test_analyze_command_does_not_import_textual() -> None:
    code = "import tui.cli as cli\nimport feeds.analysis\nimport feeds.loaders"
    assert "textual" not in _loaded_after(code)
