"""The portal under load: 20 clients at once against a real ``koppel serve`` (SQLite).

Builds a demo school in a temporary SQLite file (3,000 students: the largest department
then has more than 200), starts ``koppel serve`` on a free loopback port, signs the
administrator in through the /login form, makes a scheduler token, and runs 20
concurrent clients against
  (a) the department page ``/afdelingen/{code}`` of the largest department, and
  (b) ``/api/v1/records/home_classes`` for about 2,000 students in one page.

    .venv/bin/python benchmarks/portal_load.py [--students 3000] [--clients 20]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table


def koppel(*args: str, database: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    done = subprocess.run(
        [sys.executable, "-m", "koppel", *args], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(database: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_DATABASE_URL"] = database
    process = subprocess.Popen(
        [sys.executable, "-m", "koppel", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(f"{url}/api/health", timeout=1)
            return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("koppel serve did not start")


def sign_in(url: str, username: str, password: str) -> dict[str, str]:
    """The session cookies of a signed-in browser."""
    with httpx.Client(base_url=url) as client:
        form = client.get("/login")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert token, "no csrf_token on /login"
        answer = client.post(
            "/login", data={"username": username, "password": password, "csrf_token": token[1]}
        )
        assert answer.status_code == 303, answer.status_code
        return dict(client.cookies)


def load(
    make_client: Callable[[], httpx.Client], path: str, clients: int, per_client: int
) -> tuple[list[float], float]:
    """Every request's duration (ms) and the wall time of the whole run."""
    durations: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def run() -> None:
        with make_client() as client:
            client.get(path).raise_for_status()  # warm the connection
            start.wait()
            for _ in range(per_client):
                began = time.perf_counter()
                client.get(path).raise_for_status()
                with lock:
                    durations.append((time.perf_counter() - began) * 1000)

    threads = [threading.Thread(target=run) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return durations, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--pages", type=int, default=10, help="page requests per client")
    parser.add_argument("--reads", type=int, default=5, help="API reads per client")
    options = parser.parse_args()
    console = Console()
    with tempfile.TemporaryDirectory() as directory:
        database = f"sqlite:///{Path(directory) / 'koppel.db'}"
        demo = koppel(
            "demo", "--students", str(options.students), "--seed", "1", "--json", database=database
        )
        administrator = demo["administrator"]
        assert isinstance(administrator, dict)
        scheduler = demo["personas"]["usernames"]["scheduler"]  # type: ignore[index]
        token = koppel("token", "create", "load", "--user", scheduler, "--json", database=database)[
            "token"
        ]
        process, url = serve(database)
        try:
            headers = {"Authorization": f"Bearer {token}"}
            students = httpx.get(
                f"{url}/api/v1/records/students",
                params={"limit": 5000},
                headers=headers,
                timeout=60,
            ).json()["records"]
            sizes = Counter(r["department"] for r in students)
            largest, largest_size = sizes.most_common(1)[0]
            chosen: list[str] = []
            for code, _size in sizes.most_common():
                if sum(sizes[c] for c in chosen) >= 2000:
                    break
                chosen.append(code)
            in_scope = sum(sizes[c] for c in chosen)
            cookies = sign_in(url, administrator["username"], administrator["password"])
            page = f"/afdelingen/{largest}"
            api = f"/api/v1/records/home_classes?limit=5000&departments={','.join(chosen)}"
            scenarios = [
                (
                    f"(a) {page} ({largest_size} students), administrator",
                    lambda: httpx.Client(base_url=url, cookies=cookies, timeout=120),
                    page,
                    options.pages,
                ),
                (
                    f"(b) /api/v1/records/home_classes, {in_scope} students in one page",
                    lambda: httpx.Client(base_url=url, headers=headers, timeout=120),
                    api,
                    options.reads,
                ),
            ]
            table = Table(title=f"koppel serve, SQLite, {options.clients} concurrent clients")
            for column in ("scenario", "requests", "median ms", "p95 ms", "requests/s"):
                table.add_column(column, justify="left" if column == "scenario" else "right")
            for title, make_client, path, per_client in scenarios:
                durations, wall = load(make_client, path, options.clients, per_client)
                p95 = statistics.quantiles(durations, n=20)[18]
                table.add_row(
                    title,
                    str(len(durations)),
                    f"{statistics.median(durations):.0f}",
                    f"{p95:.0f}",
                    f"{len(durations) / wall:.1f}",
                )
            console.print(table)
        finally:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
