"""The httpx transport of :func:`feeds.net.fetch.make_client` (imported only when httpx is used)."""

from __future__ import annotations

import ssl

import httpx


class LazyTLSTransport(httpx.AsyncBaseTransport):
    """http:// on one connection pool, https:// on a verified one made at the first https request.

    Building the verified TLS context loads the whole CA bundle (~20 ms CPU, 1-3 MB), which a
    refresh of plain-http feeds, or one whose feeds are all skipped, never needs. The https
    pool is exactly httpx's default (``verify=True``, honouring SSL_CERT_FILE/SSL_CERT_DIR).
    """

    def __init__(self, limits: httpx.Limits) -> None:
        self._limits = limits
        # Never used for TLS (only http:// URLs reach this pool), and it fails closed if it
        # ever were: certificates required, hostnames checked, and no CA trusted.
        self._plain = httpx.AsyncHTTPTransport(
            verify=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT), limits=limits
        )
        self._tls: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme != "https":
            return await self._plain.handle_async_request(request)
        if self._tls is None:
            self._tls = httpx.AsyncHTTPTransport(verify=True, limits=self._limits)
        return await self._tls.handle_async_request(request)

    async def aclose(self) -> None:
        await self._plain.aclose()
        if self._tls is not None:
            await self._tls.aclose()
