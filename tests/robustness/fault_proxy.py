"""A TCP proxy on loopback between the connector and a real portal. Armed, it strikes once,
at a chosen moment of one request: part of its body has reached the portal, all of it has
(and the portal works on it for ``delay`` seconds), or the portal has answered. Then it
calls ``strike`` (the test kills the portal) and drops the connection; the answer, if one
came, never reaches the connector. Otherwise it passes everything on."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

ANSWER_WAIT = 30.0
"""How long the proxy waits for the portal's answer, or for ``Strike.until``."""


class Moment(Enum):
    MID_BODY = "mid-body"
    """Half of the request's body has reached the portal."""
    RECEIVED = "received"
    """The whole request has reached the portal, which works on it for ``delay`` seconds."""
    ANSWERED = "answered"
    """The portal has answered (and so has committed)."""


@dataclass(frozen=True)
class Strike:
    moment: Moment
    delay: float = 0.0
    until: Callable[[], bool] | None = None
    """After ``delay``: wait (at most ``ANSWER_WAIT``) until this says yes, e.g. until the
    portal holds its database's write lock; ``FaultProxy.caught`` says whether it did."""

    def __str__(self) -> str:
        return f"{self.moment.value}+{self.delay}s" if self.delay else self.moment.value


def _split_request(buffer: bytes) -> tuple[bytes, bytes, bytes] | None:
    """The first whole request in ``buffer`` as (head, body, rest); None while incomplete."""
    end = buffer.find(b"\r\n\r\n")
    if end < 0:
        return None
    head = buffer[: end + 4]
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        assert name.strip().lower() != b"transfer-encoding", "chunked requests are not expected"
    if len(buffer) < len(head) + length:
        return None
    return head, buffer[len(head) : len(head) + length], buffer[len(head) + length :]


class FaultProxy:
    """``with FaultProxy(portal_port) as proxy:``; the project talks to ``proxy.url``;
    ``proxy.arm(Strike(...), kill)`` before the request to strike on."""

    def __init__(self, upstream_port: int, *, target: bytes = b"POST /api/v1/uploads ") -> None:
        self.upstream_port = upstream_port
        self.target = target
        self.plan = Strike(Moment.ANSWERED)
        self._strike: Callable[[], None] = lambda: None
        self.struck = threading.Event()
        self.answer_arrived = threading.Event()
        self.caught = False
        self._lock = threading.Lock()
        self._armed = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._closed = False

    def __enter__(self) -> FaultProxy:
        self._spawn(self._accept)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._closed = True
        self._listener.close()

    def arm(self, plan: Strike, strike: Callable[[], None]) -> None:
        """Strike once, at ``plan``'s moment of the next request to ``target``."""
        with self._lock:
            self.plan = plan
            self._strike = strike
            self.struck.clear()
            self.answer_arrived.clear()
            self.caught = False
            self._armed = True

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        threading.Thread(target=target, args=args, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            except OSError:
                client.close()  # the portal is down: the connector sees a dropped connection
                continue
            upstream.settimeout(None)
            withheld = threading.Event()
            self._spawn(self._to_portal, client, upstream, withheld)
            self._spawn(self._to_connector, upstream, client, withheld)

    def _claim(self, head: bytes) -> bool:
        with self._lock:
            if self._armed and head.startswith(self.target):
                self._armed = False
                return True
            return False

    def _to_portal(
        self, client: socket.socket, upstream: socket.socket, withheld: threading.Event
    ) -> None:
        buffer = b""
        try:
            while chunk := client.recv(65536):
                buffer += chunk
                while (found := _split_request(buffer)) is not None:
                    head, body, buffer = found
                    if self._claim(head):
                        withheld.set()
                        self._fire(head, body, upstream)
                        return
                    upstream.sendall(head + body)
        except OSError:
            pass
        finally:
            _close(client, upstream)

    def _fire(self, head: bytes, body: bytes, upstream: socket.socket) -> None:
        if self.plan.moment is Moment.MID_BODY:
            upstream.sendall(head + body[: len(body) // 2])
        else:
            upstream.sendall(head + body)
            if self.plan.moment is Moment.ANSWERED:
                assert self.answer_arrived.wait(ANSWER_WAIT), "the portal did not answer"
            else:
                time.sleep(self.plan.delay)
                if self.plan.until is not None:
                    self.caught = _wait_for(self.plan.until)
        self._strike()
        self.struck.set()

    def _to_connector(
        self, upstream: socket.socket, client: socket.socket, withheld: threading.Event
    ) -> None:
        try:
            while chunk := upstream.recv(65536):
                if withheld.is_set():
                    self.answer_arrived.set()
                    continue
                client.sendall(chunk)
        except OSError:
            pass
        finally:
            if not withheld.is_set():
                _close(client, upstream)


def _wait_for(condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + ANSWER_WAIT
    while time.monotonic() < deadline:
        if condition():
            return True
    return False


def _close(*sockets: socket.socket) -> None:
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()
