"""uvicorn's httptools protocol with a cap on the request head (request line and headers).

httptools gathers a header value (and the URL) by appending every fragment received to what it has so far,
so a 64 MiB header cost about 5 s of the event loop before the application saw the request, and every other
request waited. uvicorn has no head limit of its own with httptools (h11's is 16 KiB): this one counts the
bytes received while a head is incomplete and answers 431 once they pass the cap.

The cap is uvicorn's own `h11_max_incomplete_event_size` (h11's name for the same limit), so the class is plain,
module-level and picklable: `serve --workers N` hands the configuration to worker processes by pickling it.
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """Refuses request heads over `config.h11_max_incomplete_event_size` bytes (431)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_bytes = 0
        self._boundaries = 0  # heads and messages completed so far
        super().connection_made(transport)

    def data_received(self, data: bytes) -> None:
        boundaries = self._boundaries
        super().data_received(data)
        if self._boundaries != boundaries:
            # A head or a message ended inside this chunk: its bytes are not all head, so none are counted
            # (the count can only be low: no request under the cap is refused).
            self._head_bytes = 0
        elif self._head_pending and not self.transport.is_closing():
            self._head_bytes += len(data)
            cap = self.config.h11_max_incomplete_event_size
            if cap is not None and self._head_bytes > cap:
                self.logger.warning("refused a request head over %d bytes", cap)
                self.transport.write(_refusal(cap))
                self.transport.close()

    @property
    def _head_pending(self) -> bool:
        # Before the first request, or once the last one's body is whole: bytes now belong to a head.
        return self.cycle is None or not self.cycle.more_body

    def on_headers_complete(self) -> None:
        self._boundaries += 1
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._boundaries += 1
        super().on_message_complete()


def _refusal(cap: int) -> bytes:
    body = (b'{"errors":[{"message":"the request headers are larger than %d bytes",'
            b'"extensions":{"code":"REQUEST_TOO_LARGE"}}]}' % cap)
    return (b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: application/json\r\n"
            b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body))
