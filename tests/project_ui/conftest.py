"""The demo school served by a real portal, its demo project opened by the real
``koppel project open``, and Debian's chromium: the project's screens as a scheduler
uses them. Tests that change data start an :func:`opened_project` of their own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page

from koppel.web.project.common import COOKIE
from tests.cli.runner import koppel
from tests.web.conftest import free_port, start_portal

_KEY_IN_FILE = re.compile(r'name="sleutel" value="([^"]+)"')


@dataclass
class Opened:
    base: str
    """The project app's address (no key in it)."""
    portal: str
    database: str
    path: Path
    launch: Path
    """The launch file ``koppel project open`` wrote (removed once its key is used)."""
    key: str
    """The one-time key, read from the launch file before anything used it."""
    _first: httpx.Response | None = field(default=None, repr=False)

    def hand_in_key(self, client: httpx.Client | None = None) -> httpx.Response:
        """What the launch file's form does: POST the key to the app."""
        form = {"sleutel": self.key}
        if client is not None:
            return client.post("/sleutel", data=form)
        return httpx.post(f"{self.base}/sleutel", data=form)

    @property
    def first_answer(self) -> httpx.Response:
        """The answer to the key, handed in once (by the first who asks), then kept."""
        if self._first is None:
            self._first = self.hand_in_key()
            assert self._first.status_code == 200, self._first.text
        return self._first

    @property
    def cookie(self) -> str:
        """The session cookie of that first answer: kept, as one browser keeps it for
        every window it opens."""
        return self.first_answer.cookies[COOKIE]

    def client(self) -> httpx.Client:
        """A client with the session: the scheduler's browser."""
        return httpx.Client(base_url=self.base, cookies={COOKIE: self.cookie}, timeout=60)

    def sign_in(self, page: Page, goto: str = "/") -> None:
        """``page``'s browser has the session (as after the launch file), on ``goto``."""
        page.context.add_cookies(
            [
                {
                    "name": COOKIE,
                    "value": self.cookie,
                    "url": self.base,
                    "httpOnly": True,
                    "sameSite": "Strict",
                }
            ]
        )
        page.goto(self.base + goto)


def launch_file_in(line: str) -> Path:
    """The launch file named in the first line ``koppel project open`` prints."""
    found = re.search(r"(/\S+\.html)", line)
    assert found, line
    return Path(found[1])


def key_in(launch: Path) -> str:
    found = _KEY_IN_FILE.search(launch.read_text("utf-8"))
    assert found, "no key in the launch file"
    return found[1]


def _open(path: Path, state: Path) -> tuple[subprocess.Popen[str], str, Path]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["COLUMNS"] = "400"
    env["XDG_STATE_HOME"] = str(state)  # the launch files' folder, not the user's
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "koppel",
            "project",
            "open",
            str(path),
            "--port",
            str(port),
            "--no-browser",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/static/project.css", timeout=1)
            return process, base, launch_file_in(line)
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"koppel project open did not start: {line}")


@contextmanager
def opened_project(folder: Path, *, students: int = 400, seed: int = 3) -> Iterator[Opened]:
    """A demo school with its demo project (differences in every domain), both running."""
    database = f"sqlite:///{folder / 'koppel.db'}"
    path = folder / "rooster.koppel"
    port = free_port()
    built = koppel(
        "demo",
        "--students",
        str(students),
        "--seed",
        str(seed),
        "--project",
        str(path),
        "--portal-url",
        f"http://127.0.0.1:{port}",
        "--json",
        database=database,
    )
    assert built.code == 0, built.stderr
    portal, portal_url = start_portal(database, port=port)
    try:
        app, base, launch = _open(path, folder / "state")
        try:
            yield Opened(base, portal_url, database, path, launch, key_in(launch))
        finally:
            app.terminate()
            app.wait(timeout=10)
    finally:
        portal.terminate()
        portal.wait(timeout=10)


@pytest.fixture(scope="module")
def opened(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    """Shared by the tests of one module that only look."""
    with opened_project(Path(tmp_path_factory.mktemp("project"))) as found:
        yield found
