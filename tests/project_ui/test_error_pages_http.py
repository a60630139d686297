"""The project app's refusals over real HTTP: an unknown address or window (404), a wrong
method (405) and a form without its CSRF token (403) are pages in the app's layout, in
Dutch or the chosen English, with the way back to the dashboard; never raw JSON."""

from __future__ import annotations

import pytest

from tests.project_ui.conftest import Opened


def _page(text: str, language: str) -> None:
    assert '"detail"' not in text
    assert f'<html lang="{language}">' in text
    assert '<body class="project">' in text
    assert '<p class="next-step"><a href="/">' in text


@pytest.mark.parametrize("path", ["/bestaat-niet", "/domein/geen_domein"])
def test_an_unknown_address_is_a_404_page_in_the_apps_layout(opened: Opened, path: str):
    with opened.client() as client:
        response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    _page(response.text, "nl")
    assert "<h1>Niet gevonden</h1>" in response.text
    assert "Naar het dashboard" in response.text


def test_the_404_in_english_when_chosen(opened: Opened):
    with opened.client() as client:
        response = client.get("/bestaat-niet?lang=en")
    assert response.status_code == 404
    _page(response.text, "en")
    assert "<h1>Not found</h1>" in response.text
    assert "To the dashboard" in response.text


def test_a_wrong_method_is_a_405_page(opened: Opened):
    with opened.client() as client:
        response = client.delete("/groepen")
    assert response.status_code == 405
    assert "GET" in response.headers["allow"]
    _page(response.text, "nl")
    assert "<h1>Deze pagina kan zo niet gebruikt worden</h1>" in response.text


def test_a_form_without_its_csrf_token_is_a_403_page(opened: Opened):
    with opened.client() as client:
        response = client.post("/ververs", data={"csrf_token": "wrong"})
    assert response.status_code == 403
    _page(response.text, "nl")
    assert "<h1>Geen toegang</h1>" in response.text
    assert "er is niets gewijzigd" in response.text
