"""``koppel serve --workers 2``: two server processes share the database, so a session
made by one is honoured by the other."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.cli.runner import koppel
from tests.web.conftest import Portal, free_port, sign_in


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_two_workers_serve_the_same_sessions(tmp_path: Path):
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    built = koppel("demo", "--students", "60", "--json", database=database).json()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    command = [sys.executable, "-m", "koppel", "serve", "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "koppel serve --workers 2 did not start"
                time.sleep(0.2)
        workers = [c for c in _children(process.pid) if b"spawn_main" in _cmd(c)]
        assert len(workers) >= 2, workers
        admin = (built["administrator"]["username"], built["administrator"]["password"])
        client = sign_in(Portal(base, database, admin, {}, ""), *admin)
        answers = {client.get("/beheer/accounts").status_code for _ in range(20)}
        assert answers == {200}  # whichever worker answered knew the session
    finally:
        process.terminate()
        process.wait(timeout=15)


def _cmd(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def test_an_idle_connection_stays_open_longer_than_uvicorns_five_seconds(portal: Portal):
    """A reverse proxy (or a connector) that reuses a connection after a pause must not
    find it closed under its feet: the portal keeps idle connections for 75 s."""
    host, port = portal.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request("GET", "/api/health")
        first = connection.getresponse()
        assert first.status == 200
        first.read()
        opened = connection.sock
        time.sleep(6)
        connection.request("GET", "/api/health")  # closed by the portal: RemoteDisconnected
        again = connection.getresponse()
        assert again.status == 200
        again.read()
        assert connection.sock is opened  # the same connection, not a new one
    finally:
        connection.close()
