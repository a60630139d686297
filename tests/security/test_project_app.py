"""The scheduler's project app (``koppel project open``) shows pupils' data too: its
answers carry the same headers as the portal's, its pages hold no inline code, and its
key cookie is HttpOnly and SameSite=Strict. Over real HTTP, with a demo school and its
demo project both running."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.project_ui.conftest import Opened, opened_project
from tests.security.answers import header_problems, inline_code
from tests.security.test_cookies import set_cookies

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


def test_the_key_cookie_is_httponly_and_strict(project: Opened):
    first = httpx.get(project.url)
    assert first.status_code == 303
    cookies = set_cookies(first)
    assert len(cookies) == 1
    for name, flags in cookies.items():
        assert flags["httponly"], name
        assert flags["samesite"] == "strict", name
        assert header_problems(first) == []


def test_every_window_and_error_of_the_project_app_carries_the_headers(project: Opened):
    with httpx.Client(base_url=project.base) as client:
        assert client.get(project.url, follow_redirects=True).status_code == 200  # key, home
        answers = [client.get(path) for path in WINDOWS]
        assert [answer.status_code for answer in answers] == [200] * len(WINDOWS)
        answers += [
            client.get("/niet-hier"),
            client.post("/toepassen"),  # no CSRF token
            client.get("/static/project.css"),
        ]
        assert [answer.status_code for answer in answers[-3:]] == [404, 403, 200]
        assert set_cookies(answers[1])["lang"]["httponly"]
    answers.append(httpx.get(f"{project.base}/leerlingen"))  # another browser: no key
    assert answers[-1].status_code == 403
    assert [problem for answer in answers for problem in header_problems(answer)] == []
    pages = [answer for answer in answers if "text/html" in answer.headers["content-type"]]
    assert len(pages) >= len(WINDOWS)
    assert [found for page in pages for found in inline_code(page.text)] == []
