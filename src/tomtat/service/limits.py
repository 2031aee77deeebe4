"""A request body size limit, enforced on the declared length and on the bytes actually read."""
from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    """A request body over the limit."""


class BodyLimit:
    """ASGI middleware: 413 for a Content-Length over `limit`; BodyTooLarge once more is read."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            status, message = (413, self.message) if declared.isdigit() else (400, "bad Content-Length header")
            body = json.dumps({"error": message}).encode()
            await send({"type": "http.response.start", "status": status,
                        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise BodyTooLarge(self.message)
            return message

        await self.app(scope, limited, send)

    @property
    def message(self) -> str:
        return f"request body too large: the limit is {self.limit} bytes"
