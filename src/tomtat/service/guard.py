"""Browser-facing safety: the Host header, cross-origin writes and the optional API token.

A web page the user visits can send requests to a local server: a DNS-rebinding page under a
name of its own (refused by the Host check), or a form or `fetch` posting across origins
(refused by the Origin/Referer check and by requiring JSON at /api/articles, which a browser
only sends cross-origin after a preflight this server never grants).
"""
from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Collection
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from tomtat.service.limits import refuse

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_name(host: str) -> str:
    """The name of a Host header value, without its port or IPv6 brackets, lower-cased."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class Guard:
    """ASGI middleware refusing, in this order:

    - 400 a Host that is not an IP address, a loopback name or one of `hosts` (None: no check);
    - 403 a write whose Origin (or, without one, Referer) is not the server's own origin;
    - 401 a write without `Authorization: Bearer <token>` when a token is set;
    - 415 a POST to /api/articles whose Content-Type is not application/json.
    """

    def __init__(self, app: ASGIApp, hosts: Collection[str] | None, token: str | None):
        self.app = app
        self.hosts = None if hosts is None else {host_name(h) for h in (*LOOPBACK_NAMES, *hosts)}
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in scope["headers"]}
        host = headers.get("host", "")
        if self.hosts is not None and not (is_ip(host_name(host)) or host_name(host) in self.hosts):
            await refuse(send, 400, f"host {host!r} is not served here (a DNS-rebinding page?): start "
                          f"`tomtat serve` with --allow-host {host_name(host) or 'NAME'} to serve it")
            return
        if scope["method"] in WRITES:
            problem = self._write_problem(scope, headers, host)
            if problem is not None:
                await refuse(send, *problem)
                return
        await self.app(scope, receive, send)

    def _write_problem(self, scope: Scope, headers: dict[str, str], host: str) -> tuple | None:
        """(status, message[, headers]) of a write to refuse, or None."""
        origin = headers.get("origin") or headers.get("referer")
        if origin is not None:
            parts = urlsplit(origin)
            if f"{parts.scheme}://{parts.netloc}".lower() != f"{scope.get('scheme', 'http')}://{host}".lower():
                return 403, f"cross-origin write refused: the request comes from {origin!r}, not from this server's page"
        if self.token is not None:
            scheme, _, given = headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
                return 401, ("this server needs its token for writes: send the header "
                             "'Authorization: Bearer TOKEN'"), [(b"www-authenticate", b"Bearer")]
        content_type = headers.get("content-type", "").partition(";")[0].strip().lower()
        if scope["method"] == "POST" and scope["path"] == "/api/articles" and content_type != "application/json":
            return 415, f"Content-Type must be application/json, not {content_type or 'missing'!r}"
        return None
