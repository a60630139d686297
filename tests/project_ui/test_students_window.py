"""The Students window over plain HTTP: the window alone for htmx, English, filters
without script, and an apply with nothing checked applies nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.project_ui.conftest import Opened


@pytest.fixture(scope="module")
def client(opened: Opened) -> Iterator[httpx.Client]:
    with opened.client() as signed_in:
        yield signed_in


def csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found
    return found[1]


def test_htmx_gets_the_window_alone_and_a_browser_the_page(client: httpx.Client) -> None:
    page = client.get("/leerlingen?filter=stamklas")
    assert page.status_code == 200
    assert page.text.startswith("<!doctype html>")
    assert page.headers["vary"] == "HX-Request"
    window = client.get("/leerlingen?filter=stamklas", headers={"HX-Request": "true"})
    assert window.text.lstrip().startswith('<div id="students-window"')
    assert "<html" not in window.text
    restored = client.get(
        "/leerlingen", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert restored.text.startswith("<!doctype html>")


def test_every_filter_and_english(client: httpx.Client) -> None:
    for name in ("afdeling", "lwoo", "stamklas", "bij_af"):
        answer = client.get(f"/leerlingen?filter={name}")
        assert f'id="filter-{name}" href="/leerlingen?filter={name}" ' in answer.text
        assert 'aria-current="true">' in answer.text
        assert 'class="students"' in answer.text
    added = client.get("/leerlingen?filter=bij_af").text
    assert 'class="change change-bij"' in added
    assert 'class="change change-nieuw"' in added
    percentages = client.get("/leerlingen?filter=afdeling").text
    assert re.search(
        r'<td class="dept differs" data-department="\w+" title="project: ', percentages
    )
    english = client.get("/leerlingen?lang=en&filter=stamklas").text
    assert "<h1>Students</h1>" in english
    assert ">Home classes</button>" in english
    assert "<h1>Leerlingen</h1>" in client.get("/leerlingen?lang=nl").text  # back to Dutch
    assert client.get("/leerlingen?filter=onbekend&afd=XX").status_code == 200


def test_nothing_checked_applies_nothing(client: httpx.Client) -> None:
    page = client.get("/leerlingen?filter=lwoo").text
    preview = client.post(
        "/voorbeeld",
        data={
            "csrf_token": csrf(page),
            "action": "download",
            "domain": "lwoo",
            "student": "",  # the window's hidden field: no checkbox, no student
            "next": "/leerlingen?filter=lwoo",
        },
    )
    assert preview.status_code == 200
    assert "LWOO: 0 regels" in preview.text


def test_the_account_upload_previews_the_checked_students_only(client: httpx.Client) -> None:
    page = client.get("/leerlingen?filter=bij_af").text
    numbers = re.findall(r'<tr id="student-(\d+)" class="changes">\s*<td><input', page)
    accounts = re.findall(r'id="student-(\d+)"(?:(?!</tr>).)*change-nieuw', page, re.S)
    assert accounts
    preview = client.post(
        "/leerlingen/uploaden",
        data={
            "csrf_token": csrf(page),
            "action": "download",  # the form's own field; this button uploads
            "student": ["", accounts[0]],
            "next": "/leerlingen?filter=bij_af",
        },
    )
    assert preview.status_code == 200
    assert "Uploaden naar het portal" in preview.text
    assert "Leerlingen: 1 regels" in preview.text
    assert 'name="action" value="upload"' in preview.text
    assert numbers
    refused = client.post("/leerlingen/uploaden", data={"csrf_token": "fout"})
    assert refused.status_code == 403
