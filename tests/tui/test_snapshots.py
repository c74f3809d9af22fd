"""SVG snapshots of what the user sees, at 80×24 and 120×36, with a frozen clock.

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVGs before committing them.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.app import NewsdeskApp


def test_wide_layout_with_article(app_factory: Callable[[], NewsdeskApp], snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(120, 36))


def test_narrow_layout_stacks(app_factory: Callable[[], NewsdeskApp], snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24))


def test_leader_filter_with_chip(app_factory: Callable[[], NewsdeskApp], snap_compare) -> None:
    keys = ["slash", *"leader:tokayev", "enter"]
    assert snap_compare(app_factory(), terminal_size=(120, 36), press=keys)


def test_starred_and_read_marks(app_factory: Callable[[], NewsdeskApp], snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(80, 24), press=["j", "s", "m", "j"])


def test_help_screen(app_factory: Callable[[], NewsdeskApp], snap_compare) -> None:
    assert snap_compare(app_factory(), terminal_size=(120, 36), press=["question_mark"])
