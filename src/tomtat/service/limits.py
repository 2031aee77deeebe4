"""A request body size limit, enforced on the declared length and on the bytes actually read."""
from __future__ import annotations

import json
from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send


async def refuse(send: Send, status: int, message: str, headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    """Answer `{"error": message}` with `status` without calling the app."""
    body = json.dumps({"error": message}, ensure_ascii=False, separators=(",", ":")).encode()  # as JSONResponse
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    """A request body over the limit."""


class BodyLimit:
    """ASGI middleware: 413 for a Content-Length or a chunked body over `limit`; BodyTooLarge once more is read."""

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
            await refuse(send, status, message)
            return
        if declared is None and scope["method"] in ("POST", "PUT", "PATCH"):
            await self._buffered(scope, receive, send)
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

    async def _buffered(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A body without Content-Length (chunked) read whole first, so 413 comes before any parsing."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                await refuse(send, 413, self.message)
                return
            if not message.get("more_body"):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)

    @property
    def message(self) -> str:
        return f"request body too large: the limit is {self.limit} bytes"
