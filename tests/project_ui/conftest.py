"""The demo school served by a real portal, its demo project opened by the real
``koppel project open``, and Debian's chromium: the project's screens as a scheduler
uses them. Tests that change data start an :func:`opened_project` of their own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.cli.runner import koppel
from tests.web.conftest import free_port, start_portal


@dataclass(frozen=True)
class Opened:
    url: str
    """The project app's address, with the key: the first visit sets the cookie."""
    base: str
    portal: str
    database: str
    path: Path


def _open(path: Path) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["COLUMNS"] = "400"
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
    url = line[line.index("http://") :].split()[0]
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{base}/static/project.css", timeout=1)
            return process, url
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
        app, url = _open(path)
        try:
            yield Opened(url, url.split("/?")[0], portal_url, database, path)
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
