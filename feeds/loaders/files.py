"""Reading local inputs safely: regular files only, a size cap, directories walked without loops."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from feeds.errors import LoadError

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Files larger than this are refused: no news article or feed is that big."""

_MIB = 1024 * 1024


def _os_reason(exc: OSError) -> str:
    """A short English phrase for an OS error, e.g. "cannot read: permission denied"."""
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "cannot read: symlink loop"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    text = (exc.strerror or type(exc).__name__).lower()
    return f"cannot read: {text}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "not a regular file (pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (device)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (socket)"
    return "not a regular file"


def _too_large(size: int) -> str:
    return f"too large ({size / _MIB:.1f} MiB; the limit is {MAX_FILE_BYTES // _MIB} MiB)"


def _read_capped(stream: BinaryIO | int, limit: int) -> bytes:
    """Read at most ``limit + 1`` bytes: enough to tell "over the cap" without reading it all."""
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = (
            os.read(stream, min(remaining, 1 << 20))
            if isinstance(stream, int)
            else stream.read(remaining)
        )
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_file(path: str | Path) -> bytes:
    """Return the bytes of a regular file, refusing anything that could hang or exhaust memory.

    Raises:
        LoadError: with a one-line reason (not a regular file, too large, unreadable...).
    """
    try:
        # stat first: opening a FIFO blocks until a writer appears, and /dev/zero never ends.
        info = os.stat(path)
    except OSError as exc:
        raise LoadError(_os_reason(exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise LoadError(_kind(info.st_mode))
    if info.st_size > MAX_FILE_BYTES:
        raise LoadError(_too_large(info.st_size))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise LoadError(_os_reason(exc)) from None
    try:
        # The path may have been swapped between stat and open; check what we actually opened.
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):
            raise LoadError(_kind(opened.st_mode))
        data = _read_capped(fd, MAX_FILE_BYTES)
    except OSError as exc:
        raise LoadError(_os_reason(exc)) from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(_too_large(len(data)))
    return data


def read_stdin() -> bytes:
    """Read standard input as bytes, up to the same cap as files.

    Raises:
        LoadError: stdin is over the cap or cannot be read.
    """
    try:
        data = _read_capped(sys.stdin.buffer, MAX_FILE_BYTES)
    except (OSError, ValueError, AttributeError) as exc:
        raise LoadError(f"cannot read standard input: {exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(f"standard input is too large (the limit is {MAX_FILE_BYTES // _MIB} MiB)")
    return data


def is_skipped(name: str) -> bool:
    """Hidden entries and ``*.src`` provenance notes are not news inputs."""
    return name.startswith(".") or name.endswith(".src")


def _listing(directory: Path, seen: set[tuple[int, int]]) -> Iterator[str] | LoadError | None:
    """Sorted names in ``directory``; None when it was visited already (a symlink loop)."""
    try:
        info = os.stat(directory)
        identity = (info.st_dev, info.st_ino)
        if identity in seen:
            return None
        seen.add(identity)
        with os.scandir(directory) as scan:
            names = sorted(entry.name for entry in scan if not is_skipped(entry.name))
    except OSError as exc:
        return LoadError(_os_reason(exc))
    return iter(names)


def walk(root: Path) -> Iterator[tuple[Path, LoadError | None]]:
    """Yield every candidate file under ``root`` in sorted order, with an error for unreadable ones.

    Symlinks are followed, but a directory already visited (same device and inode) is not entered
    again, so symlink loops end. The walk is iterative: no recursion limit on deep trees.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, Iterator[str]]] = []
    first = _listing(root, seen)
    if isinstance(first, LoadError):
        yield root, first
        return
    if first is not None:
        stack.append((root, first))
    while stack:
        directory, names = stack[-1]
        name = next(names, None)
        if name is None:
            stack.pop()
            continue
        path = directory / name
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            yield path, None
            continue
        listing = _listing(path, seen)
        if isinstance(listing, LoadError):
            yield path, listing
        elif listing is not None:
            stack.append((path, listing))
