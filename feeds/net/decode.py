"""Bounded decoding of HTTP bodies (Content-Encoding gzip / deflate / identity).

httpx's own decoders have no output limit: one read of a gzip bomb can inflate to tens of MiB
before any size check runs (SECURITY.md §4). Here every ``zlib`` call is given ``max_length``, so a
single step never produces more than ``CHUNK`` bytes, and the caller stops at its cap.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

CHUNK = 64 * 1024
"""Largest piece one decompression step may produce."""

SUPPORTED = ("gzip", "x-gzip", "deflate", "identity")


class DecodeError(Exception):
    """The body is not valid for its declared Content-Encoding (or the encoding is unknown)."""


class _Inflater:
    """One zlib stage (gzip or deflate) that yields output in pieces of at most ``CHUNK``."""

    def __init__(self, encoding: str) -> None:
        self._gzip = encoding in ("gzip", "x-gzip")
        # deflate is meant to be zlib-wrapped (RFC 9110) but some servers send raw deflate; the
        # first bytes decide, and ``_raw_fallback`` stays possible until then.
        self._raw_fallback = not self._gzip
        self._obj = self._new()
        self._seen_output = False
        self._fed = False

    def _new(self, raw: bool = False) -> zlib._Decompress:
        if self._gzip:
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        self._fed = self._fed or bool(data)
        while data:
            if self._obj.eof:
                # Trailing data after the end of a stream: gzip allows several members in a row;
                # anything else after the end is junk we ignore, as browsers do.
                if not self._gzip:
                    return
                self._obj = self._new()
            try:
                out = self._obj.decompress(data, CHUNK)
            except zlib.error as exc:
                if self._raw_fallback and not self._seen_output:
                    self._raw_fallback = False
                    self._obj = self._new(raw=True)
                    continue
                raise DecodeError(f"corrupt {'gzip' if self._gzip else 'deflate'} data") from exc
            self._raw_fallback = False
            if out:
                self._seen_output = True
                yield out
            if self._obj.eof:
                data = self._obj.unused_data
            elif self._obj.unconsumed_tail:
                data = self._obj.unconsumed_tail
            elif len(out) == CHUNK:
                # Input consumed but the output buffer was full: more may be pending inside zlib.
                yield from self._drain()
                return
            else:
                return

    def _drain(self) -> Iterator[bytes]:
        while not self._obj.eof:
            out = self._obj.decompress(b"", CHUNK)
            if not out:
                return
            yield out

    def finish(self) -> Iterator[bytes]:
        yield from self._drain()
        if self._fed and not self._obj.eof:
            raise DecodeError("compressed body ended early")


class BoundedDecoder:
    """Decode a body chunk by chunk, yielding pieces of at most ``CHUNK`` bytes each.

    ``content_encoding`` is the raw header value; stacked encodings (``gzip, deflate``) are undone
    in reverse order, each stage bounded the same way.
    """

    def __init__(self, content_encoding: str) -> None:
        names = [p.strip().lower() for p in content_encoding.split(",") if p.strip()]
        unknown = [n for n in names if n not in SUPPORTED]
        if unknown:
            raise DecodeError(f"unsupported Content-Encoding {unknown[0]!r}")
        self._stages = [_Inflater(n) for n in reversed(names) if n != "identity"]

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Yield the decoded pieces for one raw chunk."""
        yield from self._through(0, data)

    def finish(self) -> Iterator[bytes]:
        """Yield what the stages still hold at end of body; raise if a stream is truncated."""
        for i, stage in enumerate(self._stages):
            for piece in stage.finish():
                yield from self._through(i + 1, piece)

    def _through(self, start: int, data: bytes) -> Iterator[bytes]:
        if start == len(self._stages):
            if data:
                yield data
            return
        for piece in self._stages[start].feed(data):
            yield from self._through(start + 1, piece)


def decode_bounded(chunks: list[bytes], content_encoding: str, max_bytes: int) -> bytes:
    """Decode a whole in-memory body; ``OverflowError`` past ``max_bytes`` (tests, tools)."""
    decoder = BoundedDecoder(content_encoding)
    out: list[bytes] = []
    total = 0

    def take(pieces: Iterator[bytes]) -> None:
        nonlocal total
        for piece in pieces:
            total += len(piece)
            if total > max_bytes:
                raise OverflowError(max_bytes)
            out.append(piece)

    for chunk in chunks:
        take(decoder.feed(chunk))
    take(decoder.finish())
    return b"".join(out)
