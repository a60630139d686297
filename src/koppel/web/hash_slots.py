"""Turns at a password check: argon2id takes 64 MiB and a good part of a core per
password, so one server process checks at most ``sign_in_hashes`` passwords at once.
A sign-in (or a password change) waits for its turn asynchronously, holding no thread
of the pool that serves every other page, for at most ``sign_in_wait_seconds``; then
the portal answers 429 with Retry-After (:class:`PortalBusy`), and the attempt counts
as no failure (its secret was never checked)."""

from __future__ import annotations

import asyncio
from asyncio import AbstractEventLoop
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TypeVar
from weakref import WeakKeyDictionary

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from koppel.settings import Settings

T = TypeVar("T")
BUSY_RETRY_SECONDS = 5
"""Retry-After of a busy answer: a queue of password checks drains in seconds."""


class PortalBusy(Exception):
    """No turn at a password check came in time: 429, try again in a few seconds."""


class HashSlots:
    """``size`` turns, waited for at most ``wait_seconds``; one semaphore per event loop
    (the server runs one; a test client may start several)."""

    def __init__(self, size: int, wait_seconds: float) -> None:
        self.size = max(1, size)
        self.wait_seconds = max(0.0, wait_seconds)
        self._by_loop: WeakKeyDictionary[AbstractEventLoop, asyncio.Semaphore] = WeakKeyDictionary()

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        found = self._by_loop.get(loop)
        if found is None:
            found = self._by_loop[loop] = asyncio.Semaphore(self.size)
        return found

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        semaphore = self._semaphore()
        if semaphore.locked() and self.wait_seconds == 0:
            raise PortalBusy
        try:
            async with asyncio.timeout(self.wait_seconds or None):
                await semaphore.acquire()
        except TimeoutError as error:
            raise PortalBusy from error
        try:
            yield
        finally:
            semaphore.release()


def hash_slots_for(settings: Settings) -> HashSlots:
    return HashSlots(settings.sign_in_hashes, settings.sign_in_wait_seconds)


async def checked_in_turn(
    request: Request, check: Callable[[], T], *, abandon: Callable[[], None]
) -> T:
    """``check`` (which hashes) in the thread pool once a turn is free; without a turn in
    time, ``abandon`` (the reservation goes) and :class:`PortalBusy`."""
    slots: HashSlots = request.app.state.hash_slots
    try:
        async with slots.turn():
            return await run_in_threadpool(check)
    except PortalBusy:
        await run_in_threadpool(abandon)
        raise
