"""Where a webhook may send: the URL rules, checked at registration (resolvers/webhooks/writes.py) and again by
the worker right before each POST, after DNS resolution (docs/WEBHOOKS.md, "Safety").

Strict (everywhere but local demo mode): https only, and every address the host resolves to must be public
(not loopback, private, link-local, multicast, reserved, unspecified, shared or site-local), so a webhook cannot
reach the gateway's own network. In local demo mode (`local=True`) http and any address are allowed, which is how
a receiver on 127.0.0.1 works. Always: no credentials in the URL, no other scheme, no fragment, a bounded length."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import SplitResult, urlsplit

MAX_URL_LENGTH = 2048


def url_problem(url: str, local: bool) -> str | None:
    """Why `url` may not be a webhook endpoint, without resolving its host; None when it may."""
    if len(url) > MAX_URL_LENGTH:
        return f"at most {MAX_URL_LENGTH} characters"
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return "must not contain spaces or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    allowed = ("https", "http") if local else ("https",)
    if parts.scheme not in allowed:
        return "must be an https URL" + (" (or http in local demo mode)" if local else "")
    if parts.username is not None or parts.password is not None:
        return "must not carry credentials (user:password@): the signature authenticates deliveries"
    if not parts.hostname:
        return "must name a host"
    if parts.fragment:
        return "must not have a fragment (#...)"
    if port == 0:
        return "port 0 is not a port"
    literal = _address(parts.hostname)
    if literal is not None and not local:
        return address_problem(literal)
    return None


def address_problem(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why a resolved address is not public; None when it is."""
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        address = mapped
    if (not address.is_global or address.is_multicast or address.is_loopback or address.is_link_local
            or address.is_private or address.is_reserved or address.is_unspecified
            or getattr(address, "is_site_local", False)):
        return f"resolves to {address}, which is not a public address"
    return None


async def resolved_problem(url: str, local: bool) -> str | None:
    """`url_problem`, then, outside local demo mode, every address its host resolves to must be public."""
    problem = url_problem(url, local)
    if problem or local:
        return problem
    parts: SplitResult = urlsplit(url)
    try:
        found = await asyncio.get_running_loop().getaddrinfo(parts.hostname, parts.port or 443,
                                                             type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        return f"the host does not resolve ({exc})"
    for *_, sockaddr in found:
        problem = address_problem(ipaddress.ip_address(sockaddr[0].split("%", 1)[0]))
        if problem:
            return problem
    return None if found else "the host does not resolve"


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
