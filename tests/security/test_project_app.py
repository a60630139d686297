"""The scheduler's project app (``koppel project open``) shows pupils' data too: its
answers carry the same headers as the portal's, its pages hold no inline code, its
session cookie is HttpOnly and SameSite=Strict, its one-time key works once and never
stands on a command line, and it answers only its own address. Over real HTTP, with a
demo school and its demo project both running, and the real command in a child process."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import httpx
import pytest

from koppel.web.project.common import COOKIE
from tests.project_ui.conftest import Opened, key_in, opened_project
from tests.security.answers import header_problems, inline_code
from tests.security.test_cookies import set_cookies
from tests.web.conftest import free_port

WINDOWS = (
    "/",
    "/?lang=en",
    "/leerlingen",
    "/domein/personal_data",
    "/domein/prognoses",
    "/domein/package_choices",
    "/groepen",
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Opened]:
    with opened_project(Path(tmp_path_factory.mktemp("project")), students=50) as found:
        yield found


def test_the_key_becomes_an_httponly_strict_cookie_of_its_own(project: Opened):
    first = project.first_answer
    assert first.status_code == 200
    cookies = set_cookies(first)
    assert set(cookies) == {COOKIE}
    assert cookies[COOKIE]["httponly"]
    assert cookies[COOKIE]["samesite"] == "strict"
    assert cookies[COOKIE]["value"] != project.key  # the session is not the key
    assert project.key not in first.text
    assert '<meta http-equiv="refresh" content="0; url=/">' in first.text
    assert header_problems(first) == []
    assert inline_code(first.text) == []


def test_the_key_works_once_from_any_client(project: Opened):
    assert project.first_answer.status_code == 200  # the scheduler's browser used it
    assert not project.launch.exists()  # the launch file went with it
    again = [project.hand_in_key()]  # another client
    with project.client() as browser:  # the same browser, the file's page again
        again.append(project.hand_in_key(browser))
        assert browser.get("/").status_code == 200  # its session still works (a reload)
        assert browser.get("/").status_code == 200
    for answer in again:
        assert answer.status_code == 403
        assert "werkt maar één keer" in answer.text
        assert set_cookies(answer) == {}
        assert header_problems(answer) == []
    in_the_address = httpx.get(f"{project.base}/?sleutel={project.key}")
    assert in_the_address.status_code == 403  # a key in an address opens nothing
    assert httpx.get(f"{project.base}/", cookies={COOKIE: project.key}).status_code == 403


def test_a_wrong_key_is_refused_and_leaves_the_right_one(tmp_path: Path):
    with opened_project(tmp_path, students=50) as opened:
        wrong = httpx.post(f"{opened.base}/sleutel", data={"sleutel": opened.key[:-1] + "x"})
        assert wrong.status_code == 403
        assert set_cookies(wrong) == {}
        assert opened.launch.exists()
        assert opened.hand_in_key().status_code == 200


def test_another_host_is_refused_before_anything_else(project: Opened):
    port = urlparse(project.base).port
    cookies = {COOKIE: project.cookie}
    with httpx.Client(base_url=project.base, cookies=cookies) as client:
        assert client.get("/", headers={"Host": f"localhost:{port}"}).status_code == 200
        assert client.get("/", headers={"Host": f"127.0.0.1:{port}"}).status_code == 200
        refused = [
            client.get("/", headers={"Host": f"rebound.example:{port}"}),
            client.get("/", headers={"Host": "127.0.0.1"}),
            client.get("/", headers={"Host": f"127.0.0.1:{port + 1}"}),
            client.get("/static/project.css", headers={"Host": f"rebound.example:{port}"}),
            client.post("/sleutel", data={"sleutel": "x"}, headers={"Host": "rebound.example"}),
            client.get("/niet-hier", headers={"Host": "rebound.example"}),
        ]
    assert [answer.status_code for answer in refused] == [400] * len(refused)
    assert "127.0.0.1 of localhost" in refused[0].text
    assert "rebound.example" not in refused[0].text
    assert [problem for answer in refused for problem in header_problems(answer)] == []


def test_every_window_and_error_of_the_project_app_carries_the_headers(project: Opened):
    with project.client() as client:
        answers = [client.get(path) for path in WINDOWS]
        assert [answer.status_code for answer in answers] == [200] * len(WINDOWS)
        answers += [
            client.get("/niet-hier"),
            client.post("/toepassen"),  # no CSRF token
            client.get("/static/project.css"),
            client.get("/static/project-launch.js"),
        ]
        assert [answer.status_code for answer in answers[-4:]] == [404, 403, 200, 200]
        assert set_cookies(answers[1])["lang"]["httponly"]
    answers.append(httpx.get(f"{project.base}/leerlingen"))  # another browser: no key
    assert answers[-1].status_code == 403
    assert [problem for answer in answers for problem in header_problems(answer)] == []
    pages = [answer for answer in answers if "text/html" in answer.headers["content-type"]]
    assert len(pages) >= len(WINDOWS)
    assert [found for page in pages for found in inline_code(page.text)] == []


FAKE_BROWSER = """#!/bin/sh
# a browser that only writes down what it was started with, and stays
trap 'kill $child; exit 0' TERM
printf '%s\\n' "$@" > "{argv}.part"
mv "{argv}.part" "{argv}"
echo $$ > "{pid}"
sleep 300 & child=$!
wait $child
"""


def _fake_browser(folder: Path) -> tuple[Path, Path, Path]:
    script, argv, pid = folder / "fake-browser", folder / "argv", folder / "browser.pid"
    script.write_text(FAKE_BROWSER.format(argv=argv, pid=pid))
    script.chmod(0o700)
    return script, argv, pid


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not path.exists():
        assert process.poll() is None, process.communicate()[0]
        assert time.monotonic() < deadline, f"{path.name} never came"
        time.sleep(0.1)


def test_the_key_is_on_no_command_line_and_in_a_private_file(project: Opened, tmp_path: Path):
    """The real ``koppel project open``, with $BROWSER a script that notes its arguments:
    the browser gets the launch file's path; the key is in that file (0600, in a folder
    of 0700) and on no command line that ``ps`` shows to every user of the machine."""
    script, argv, pid = _fake_browser(tmp_path)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env |= {"BROWSER": str(script), "XDG_STATE_HOME": str(tmp_path / "state")}
    command = [sys.executable, "-m", "koppel", "project", "open", str(project.path)]
    app = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for(pid, app)
        started_with = argv.read_text().split()
        assert len(started_with) == 1
        assert started_with[0].startswith("file:///")
        launch = Path(unquote(urlparse(started_with[0]).path))
        assert launch.parent == tmp_path / "state" / "koppel" / "launch"
        assert stat.S_IMODE(launch.stat().st_mode) == 0o600
        assert stat.S_IMODE(launch.parent.stat().st_mode) == 0o700
        key = key_in(launch)
        assert len(key) >= 40
        seen = subprocess.run(
            ["ps", "-ww", "-eo", "args"], capture_output=True, text=True, check=True
        ).stdout
        assert str(launch) in seen  # ps does show the browser's command line
        assert key not in seen
        handed_in = httpx.post(f"http://127.0.0.1:{port}/sleutel", data={"sleutel": key})
        assert handed_in.status_code == 200
        assert not launch.exists()
    finally:
        if pid.exists():
            os.kill(int(pid.read_text()), signal.SIGTERM)
        app.terminate()
        out, _ = app.communicate(timeout=20)
    assert key not in out  # nor in what the command printed
    assert str(launch) in out
