"""Local inputs into items: plain text, markdown, HTML pages, RSS/RDF/Atom and JSON Feed files.

Public API:

* :func:`load_paths` — files, directories (recursive) and ``-`` for stdin; never raises for bad
  input, every failure becomes a :class:`~feeds.models.LoadFailure` with a one-line reason.
* :func:`load_bytes` — one input's bytes into items; raises :class:`~feeds.errors.ParseError`.
* :func:`detect_format` — which loader handles some bytes, by content first.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from feeds.errors import FeedError, LoadError, ParseError
from feeds.loaders import mojibake
from feeds.loaders.detect import FORMATS, Format, detect_format, is_binary
from feeds.loaders.feed import parse_feed
from feeds.loaders.files import MAX_FILE_BYTES, read_file, read_stdin, walk
from feeds.loaders.html import parse_html
from feeds.loaders.jsonfeed import parse_jsonfeed
from feeds.loaders.markdown import parse_markdown
from feeds.loaders.plaintext import parse_text
from feeds.loaders.textutil import decode_text
from feeds.models import Item, LoadFailure, LoadResult

__all__ = [
    "FORMATS",
    "Format",
    "LoadError",
    "ParseError",
    "detect_format",
    "load_bytes",
    "load_file",
    "load_paths",
]

STDIN = "-"
"""The path that means "read standard input"."""


def _text_loader(parse: Callable[[str, str], list[Item]]) -> Callable[[bytes, str], list[Item]]:
    def load(data: bytes, origin: str) -> list[Item]:
        return parse(decode_text(data), origin)

    return load


_LOADERS: dict[Format, Callable[[bytes, str], list[Item]]] = {
    "text": _text_loader(parse_text),
    "markdown": _text_loader(parse_markdown),
    "html": parse_html,
    "rss": parse_feed,
    "atom": parse_feed,
    "rdf": parse_feed,
    "jsonfeed": parse_jsonfeed,
}


def load_bytes(data: bytes, origin: str) -> list[Item]:
    """Parse the bytes of one input (named ``origin``) into items.

    Raises:
        ParseError: empty, binary, too large, undecodable or malformed input, with a clear message.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(f"too large (the limit is {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
    if not data or data.isspace():  # what strip() leaves empty, without copying the bytes
        raise ParseError("empty file")
    if is_binary(data):
        raise ParseError("not a news file: binary data")
    fmt = detect_format(data, origin)
    try:
        items = _LOADERS[fmt](data, origin)
    except FeedError:
        raise
    except (RecursionError, MemoryError):
        raise ParseError(f"{fmt} input is too deeply nested or too large to parse") from None
    except Exception as exc:  # noqa: BLE001 - third-party parsers on hostile input
        # A bug or a library crash on strange input must still be a one-line message.
        raise ParseError(f"cannot parse as {fmt}: {type(exc).__name__}: {exc}") from None
    return mojibake.repair_items(items) if mojibake.may_hold_mojibake(data) else items


def load_file(path: str | Path) -> list[Item]:
    """Read one regular file and parse it.

    Raises:
        LoadError: the file cannot be read (see :func:`feeds.loaders.files.read_file`).
        ParseError: its content cannot be parsed.
    """
    return load_bytes(read_file(path), str(path))


def _load_stdin() -> list[Item]:
    return load_bytes(read_stdin(), STDIN)


def _reason(exc: BaseException) -> str:
    text = exc.message if isinstance(exc, FeedError) else f"{type(exc).__name__}: {exc}"
    return " ".join(text.split()) or type(exc).__name__


def load_paths(paths: Sequence[str | Path]) -> LoadResult:
    """Load every input in ``paths``: files, directories (recursively, sorted) and ``-`` (stdin).

    Hidden files and directories and ``*.src`` files inside directories are skipped. Failures are
    collected, one per input, and never stop the other inputs from loading.
    """
    items: list[Item] = []
    failures: list[LoadFailure] = []

    def attempt(origin: str, load: Callable[[], list[Item]]) -> None:
        try:
            items.extend(load())
        except Exception as exc:  # noqa: BLE001 - the contract is "never raise for bad input"
            failures.append(LoadFailure(origin=origin, reason=_reason(exc)))

    for raw in paths:
        origin = os.fspath(raw)
        if origin == STDIN:
            attempt(STDIN, _load_stdin)
            continue
        path = Path(origin)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            attempt(origin, partial(load_file, path))
            continue
        for found, error in walk(path):
            if error is not None:
                failures.append(LoadFailure(origin=str(found), reason=_reason(error)))
            else:
                attempt(str(found), partial(load_file, found))
    return LoadResult(items=tuple(items), failures=tuple(failures))
