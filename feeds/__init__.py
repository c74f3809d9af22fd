"""newsdesk core: getting, storing and understanding news.

This package never imports ``tui``, ``textual`` or ``rich``; the boundary is checked by
``tests/test_import_boundary.py``.
"""

__version__ = "0.1.0"
