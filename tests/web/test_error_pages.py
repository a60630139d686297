"""An unknown address, a page one may not see and a page's wrong method, over real HTTP:
a page for people in the portal's layout (Dutch, or English when chosen), with the right
status and a link to go on; never FastAPI's raw JSON. Under /api/ the API's own shape."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from tests.web.conftest import Portal, sign_in

LINK = re.compile(r'<p class="next-step">\s*<a href="([^"]+)">([^<]+)</a>')


@pytest.fixture
def student(portal: Portal) -> Iterator[httpx.Client]:
    client = sign_in(portal, *portal.login_as("student"))
    yield client
    client.close()


@pytest.fixture
def anonymous(portal: Portal) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=portal.url) as client:
        yield client


def _page(response: httpx.Response, status: int, language: str) -> tuple[str, str]:
    """``response`` is a page of the portal's layout with ``status``: its way on (address
    and link text)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert '"detail"' not in response.text
    assert not response.text.lstrip().startswith("{")
    assert f'<html lang="{language}">' in response.text
    assert '<a class="brand" href="/">koppel</a>' in response.text
    found = LINK.search(response.text)
    assert found, response.text
    return found[1], found[2]


def _signed_in_layout(response: httpx.Response, sign_out: str) -> None:
    assert f">{sign_out}</button>" in response.text
    assert 'href="/leerling"' in response.text  # the student's own page in the navigation


@pytest.mark.parametrize("path", ["/bestaat-niet", "/leerling/extra/pad", "/static/nope.css"])
def test_an_unknown_address_is_a_dutch_404_page_with_the_way_to_sign_in(
    anonymous: httpx.Client, path: str
):
    response = anonymous.get(path)
    link, text = _page(response, 404, "nl")
    assert "<h1>Niet gevonden</h1>" in response.text
    assert "Deze pagina bestaat niet" in response.text
    assert (link, text) == ("/login", "Naar de inlogpagina")
    assert "Uitloggen" not in response.text
    assert anonymous.get(link).status_code == 200


def test_an_unknown_address_in_english_when_chosen(anonymous: httpx.Client):
    response = anonymous.get("/no-such-page?lang=en")
    link, text = _page(response, 404, "en")
    assert "<h1>Not found</h1>" in response.text
    assert "This page does not exist" in response.text
    assert (link, text) == ("/login", "To the sign-in page")
    with httpx.Client(base_url=anonymous.base_url) as browser:
        english = browser.get("/nope", headers={"Accept-Language": "en-GB"})
        assert "<h1>Not found</h1>" in english.text


def test_a_signed_in_person_gets_the_404_in_the_layout_with_the_way_to_their_page(
    student: httpx.Client,
):
    response = student.get("/bestaat-niet")
    link, text = _page(response, 404, "nl")
    _signed_in_layout(response, "Uitloggen")
    assert (link, text) == ("/", "Naar uw startpagina")
    onward = student.get(link, follow_redirects=True)
    assert onward.status_code == 200
    assert onward.url.path == "/leerling"  # the start page leads the student to their own


def test_a_signed_in_person_who_chose_english_gets_the_404_in_english(student: httpx.Client):
    assert student.get("/leerling?lang=en").status_code == 200  # chosen, remembered
    response = student.get("/bestaat-niet")
    link, text = _page(response, 404, "en")
    _signed_in_layout(response, "Sign out")
    assert (link, text) == ("/", "To your start page")


@pytest.mark.parametrize(("query", "language"), [("", "nl"), ("?lang=en", "en")])
def test_a_page_of_another_role_is_a_403_page_with_the_way_on(
    student: httpx.Client, query: str, language: str
):
    response = student.get("/beheer/accounts" + query)
    link, text = _page(response, 403, language)
    _signed_in_layout(response, "Uitloggen" if language == "nl" else "Sign out")
    assert link == "/"
    if language == "nl":
        assert "<h1>Geen toegang</h1>" in response.text
        assert "vraag dan de beheerder" in response.text
        assert text == "Naar uw startpagina"
    else:
        assert "<h1>No access</h1>" in response.text
        assert "administrator for access" in response.text
        assert text == "To your start page"


@pytest.mark.parametrize(("query", "language"), [("", "nl"), ("?lang=en", "en")])
def test_a_wrong_method_on_a_page_is_a_405_page(
    student: httpx.Client, anonymous: httpx.Client, query: str, language: str
):
    signed_in = student.delete("/leerling" + query)
    link, _text = _page(signed_in, 405, language)
    assert "GET" in signed_in.headers["allow"]
    assert link == "/"
    heading = (
        "Deze pagina kan zo niet gebruikt worden"
        if language == "nl"
        else "This page cannot be used this way"
    )
    assert f"<h1>{heading}</h1>" in signed_in.text
    not_signed_in = anonymous.put("/login" + query)
    link, _text = _page(not_signed_in, 405, language)
    assert link == "/login"


def test_a_known_page_that_finds_nothing_offers_the_way_on_too(portal: Portal):
    admin = sign_in(portal, *portal.admin)
    response = admin.get("/afdelingen/9Q")
    admin.close()
    link, text = _page(response, 404, "nl")
    assert "bestaat niet" in response.text
    assert (link, text) == ("/", "Naar uw startpagina")


@pytest.mark.parametrize(("method", "path", "status"), [("GET", "/api/nope", 404)])
def test_the_api_keeps_its_own_error_shape(
    anonymous: httpx.Client, method: str, path: str, status: int
):
    response = anonymous.request(method, path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == "api.no_such_route"
    wrong_method = anonymous.delete("/api/health")
    assert wrong_method.status_code == 405
    assert wrong_method.json()["error"]["code"] == "api.method_not_allowed"
