"""What the running project app holds: the file, how to reach the portal, the snapshot
the screens show, and the last apply (for its undo button)."""

from __future__ import annotations

import hashlib
import hmac
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.connector.results import ApplyResult, UndoResult
from koppel.connector.snapshot import Snapshot, take_snapshot
from koppel.connector.years import open_comparer
from koppel.store.project.file import ProjectFile, ProjectInfo


@dataclass
class ProjectState:
    path: Path
    secret: str
    """The session: only the browser that handed in the launch key has it (its cookie;
    the CSRF token is made from it). Never the launch key itself."""
    transport: httpx.BaseTransport | None = None
    launch_key: str | None = None
    """The one-time key of the launch file; None once a browser has used it."""
    launch_file: Path | None = None
    """The launch file that holds the key (removed once the key is used)."""
    snapshot: Snapshot | None = None
    last_apply: ApplyResult | None = None
    last_undo: UndoResult | None = None
    problem: str | None = None
    """A refusal to show once, in the user's words."""
    lock: threading.RLock = field(default_factory=threading.RLock)

    def take_launch_key(self, offered: str) -> bool:
        """Whether ``offered`` is the launch key, which is then used up: a second use, from
        any client, is refused."""
        with self.lock:
            if self.launch_key is None or not hmac.compare_digest(
                offered.encode(), self.launch_key.encode()
            ):
                return False
            self.launch_key = None
            if self.launch_file is not None:
                self.launch_file.unlink(missing_ok=True)
            return True

    @property
    def csrf_token(self) -> str:
        return hashlib.sha256(f"csrf:{self.secret}".encode()).hexdigest()

    def info(self) -> ProjectInfo:
        project = ProjectFile.open(self.path)
        try:
            return project.info()
        finally:
            project.close()

    @contextmanager
    def comparer(self) -> Iterator[Comparer]:
        """A connector on the project file and its portal, for one request (refused,
        naming the year, when the portal has not got the project's school year)."""
        project = ProjectFile.open(self.path)
        info = project.info()
        try:
            with PortalClient(info.portal_url, info.token, transport=self.transport) as client:
                yield open_comparer(project, client)
        finally:
            project.close()

    def refresh(self) -> Snapshot:
        """A new snapshot. Only the first one takes the portal's personal data over (the
        seed: when the project is opened); differences that appear while it is open are
        shown in the personal data window, where students can be left out."""
        with self.lock, self.comparer() as comparer:
            self.snapshot = take_snapshot(comparer, auto=self.snapshot is None)
            return self.snapshot

    def current(self) -> Snapshot:
        with self.lock:
            return self.snapshot or self.refresh()

    def run(self, work: Callable[[Comparer], ApplyResult]) -> ApplyResult:
        """An apply on fresh data, then a new snapshot."""
        with self.lock, self.comparer() as comparer:
            result = work(comparer)
            self.last_apply = result
            self.last_undo = None
        self.refresh()
        return result
