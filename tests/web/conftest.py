"""A real portal (``koppel serve``) on a free loopback port, with a demo school."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.runner import koppel


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_portal(database: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    process = subprocess.Popen(
        [sys.executable, "-m", "koppel", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(process.stderr.read().decode() if process.stderr else "exited")
        try:
            httpx.get(f"{base}/api/health", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the portal did not start within 30 seconds")


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = f"sqlite:///{Path(tmp_path_factory.mktemp('portal')) / 'koppel.db'}"
    built = koppel("demo", "--students", "400", "--seed", "3", "--json", database=database)
    assert built.code == 0, built.stderr
    process, base = start_portal(database)
    yield base
    process.terminate()
    process.wait(timeout=10)
