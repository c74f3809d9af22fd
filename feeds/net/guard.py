"""SSRF guard: refuse to fetch links from feed content that point at non-public addresses.

A feed author controls the links in their items; without this, "fetch full article" could be
aimed at ``http://169.254.169.254/`` (cloud metadata), ``http://127.1:631/`` or the user's router.
The check runs on the *resolved* addresses, so numeric spellings (``2130706433``, ``0x7f000001``,
``127.1``, ``[::ffff:127.0.0.1]``) and names pointing at private space are caught alike; the
caller then connects to the address that was checked (see ``fetch._pinned``), so a DNS answer
that changes between check and connect (rebinding) cannot slip through.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class ResolveError(Exception):
    """The host name could not be resolved."""


class BlockedAddress(Exception):
    """The host resolved to (or is) an address that is not public."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} resolves to non-public address {address}")
        self.host = host
        self.address = address


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """IPv4 address carried inside an IPv6 one (mapped, 6to4, Teredo client, NAT64), if any."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    if addr in _NAT64:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def is_public_address(addr: IPAddress) -> bool:
    """True if ``addr`` is globally routable unicast and carries no private IPv4 inside."""
    if isinstance(addr, ipaddress.IPv6Address):
        inner = _embedded_ipv4(addr)
        if inner is not None and not is_public_address(inner):
            return False
    # ``is_global`` already excludes loopback, RFC 1918, link-local, CGNAT, ULA, documentation
    # ranges and 0.0.0.0; multicast is "global" by that definition but never a web server.
    return addr.is_global and not addr.is_multicast


async def _resolve(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (numeric forms are parsed by getaddrinfo itself)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ResolveError(host) from exc
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        ip = str(sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone id
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise ResolveError(host)
    return addresses


async def resolve_public(host: str, port: int) -> str:
    """Resolve ``host`` and return an address to connect to, if *every* answer is public.

    Requiring all answers to be public (not just the first) stops a name that returns one public
    and one private address from being used to reach the private one on a retry.
    """
    addresses = await _resolve(host, port)
    for text in addresses:
        if not is_public_address(ipaddress.ip_address(text)):
            raise BlockedAddress(host, text)
    return addresses[0]
