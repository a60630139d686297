"""A real portal (``koppel serve``) on a free loopback port, with a demo school."""

from __future__ import annotations

import os
import re
import socket
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
from tests.security.run_logs import child_log, register_secret


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_PORTAL_LOGS: dict[int, Path] = {}


def portal_log(process: subprocess.Popen[bytes]) -> str:
    """What a portal of :func:`start_portal` wrote (stdout and stderr), in the run's logs."""
    return _PORTAL_LOGS[process.pid].read_text(encoding="utf-8", errors="replace")


def start_portal(
    database: str, extra_env: dict[str, str] | None = None, *, port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    port = port or free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    env["KOPPEL_LOG_LEVEL"] = "info"  # access lines too, for the log scan
    env.update(extra_env or {})
    log = child_log("portal")
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "koppel", "serve", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=output,
        )
    _PORTAL_LOGS[process.pid] = log
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text(errors="replace") or "exited")
        try:
            httpx.get(f"{base}/api/health", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the portal did not start within 30 seconds")


@dataclass(frozen=True)
class Portal:
    url: str
    database: str
    admin: tuple[str, str]
    personas: dict[str, str]
    """role -> username, every one with ``persona_password``."""
    persona_password: str

    def login_as(self, role: str) -> tuple[str, str]:
        if role == "administrator":
            return self.admin
        return self.personas[role], self.persona_password


def sign_in(portal: Portal, username: str, password: str) -> httpx.Client:
    """An HTTP client with a signed-in session, as a browser would have it."""
    client = httpx.Client(base_url=portal.url)
    form = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token, form.text
    response = client.post(
        "/login", data={"username": username, "password": password, "csrf_token": token[1]}
    )
    assert response.status_code == 303, response.text
    register_secret("password", password)
    register_secret("CSRF token", token[1])
    register_secret("session token", client.cookies.get("koppel_session") or "")
    return client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found[1]


@contextmanager
def demo_portal(
    directory: Path,
    *,
    students: int = 400,
    seed: int = 3,
    database: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Portal]:
    """A demo school of its own (in ``directory``, or on ``database``), served until the
    block ends."""
    database = database or f"sqlite:///{directory / 'koppel.db'}"
    built = koppel(
        "demo", "--students", str(students), "--seed", str(seed), "--json", database=database
    )
    assert built.code == 0, built.stderr
    data = built.json()
    process, base = start_portal(database, extra_env)
    try:
        yield Portal(
            url=base,
            database=database,
            admin=(data["administrator"]["username"], data["administrator"]["password"]),
            personas=data["personas"]["usernames"],
            persona_password=data["personas"]["password"],
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """The shared portal: tests that change data start a :func:`demo_portal` of their own."""
    with demo_portal(Path(tmp_path_factory.mktemp("portal"))) as shared:
        yield shared


@pytest.fixture(scope="session")
def admin(portal: Portal) -> Iterator[httpx.Client]:
    client = sign_in(portal, *portal.admin)
    yield client
    client.close()


ROLES = ("anonymous", "administrator", "scheduler", "team_leader", "mentor", "teacher", "student")
"""Every kind of visitor: one not signed in, then the demo's account of each role."""


@pytest.fixture(scope="module")
def clients(portal: Portal) -> Iterator[dict[str, httpx.Client]]:
    """An HTTP client per entry of :data:`ROLES`, signed in on the shared portal."""
    made = {"anonymous": httpx.Client(base_url=portal.url)}
    for role in ROLES[1:]:
        made[role] = sign_in(portal, *portal.login_as(role))
    yield made
    for client in made.values():
        client.close()
