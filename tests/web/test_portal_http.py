"""The portal over real HTTP: health, OpenAPI, the first pages and their headers."""

from __future__ import annotations

import re

import httpx
import pytest
from sqlalchemy import text

from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.web.conftest import Portal, sign_in, start_portal


def test_health_reports_the_database(portal: Portal):
    response = httpx.get(f"{portal.url}/api/health")
    assert response.status_code == 200
    body = response.json()
    assert body == {"status": "ok", "version": body["version"], "database": "ok"}


def test_health_is_503_when_the_database_loses_its_schema(tmp_path):
    database = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert koppel("init", database=database).code == 0
    process, base = start_portal(database)
    try:
        assert httpx.get(f"{base}/api/health").status_code == 200
        engine = connect(database)
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE alembic_version"))
        engine.dispose()
        response = httpx.get(f"{base}/api/health")
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert response.status_code == 503
    assert response.json()["database"] == "not_initialised"


def test_openapi_document_describes_the_api(portal: Portal):
    document = httpx.get(f"{portal.url}/openapi.json").json()
    assert document["info"]["title"] == "koppel portal"
    assert "/api/health" in document["paths"]
    assert not any(path.startswith("/afdelingen") for path in document["paths"])


def test_departments_page_lists_all_departments_in_dutch(admin: httpx.Client):
    response = admin.get("/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="nl">' in html
    assert "Afdelingen" in html
    for name in ("1 HAVO/VWO", "4 VWO", "6 VWO", "1 MAVO"):
        assert name in html
    assert "desktop leidend" in html
    counts = [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', html)]
    assert len(counts) == 15
    assert 380 <= sum(counts) <= 400  # active students (a few have left)


def test_department_page_lists_students_with_their_home_class(admin: httpx.Client):
    html = admin.get("/afdelingen/4V").text
    assert "4 VWO" in html
    rows = re.findall(
        r'<td class="id">(\d{6})</td>\s*<td>(?:<a [^>]+>)?([^<]+)(?:</a>)?</td>\s*<td>(4V\d)</td>',
        html,
    )
    assert len(rows) > 10
    names = [name for _, name, _ in rows]
    assert all(", " in name for name in names)  # 'Berg, Jan van den'
    last_names = [name.split(",")[0] for name in names]
    assert last_names == sorted(last_names)
    assert len(set(last_names)) > 5


def test_unknown_department_is_a_friendly_404(admin: httpx.Client):
    response = admin.get("/afdelingen/9Q")
    assert response.status_code == 404
    assert "bestaat niet" in response.text


def test_english_on_request_and_remembered(portal: Portal):
    client = sign_in(portal, *portal.admin)
    first = client.get("/?lang=en")
    assert '<html lang="en">' in first.text
    assert "Departments" in first.text
    again = client.get("/")
    assert '<html lang="en">' in again.text
    other = sign_in(portal, *portal.admin)
    assert "Departments" in other.get("/", headers={"Accept-Language": "en-GB"}).text


@pytest.mark.parametrize(
    "path", ["/", "/login", "/afdelingen/4V", "/api/health", "/openapi.json", "/nope"]
)
def test_every_response_carries_the_security_headers(admin: httpx.Client, path: str):
    headers = admin.get(path).headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "'unsafe-inline'" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_htmx_and_styles_are_served_from_the_package(portal: Portal, admin: httpx.Client):
    portal_url = portal.url
    html = admin.get("/").text
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts
    assert all(src.startswith((portal_url, "/")) for src in scripts)
    for src in scripts + re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        response = httpx.get(src if src.startswith("http") else f"{portal_url}{src}")
        assert response.status_code == 200
        assert len(response.content) > 100
    assert "<script>" not in html  # no inline scripts


def test_pages_show_no_addresses_or_lwoo_to_a_scheduler(portal: Portal):
    html = sign_in(portal, *portal.login_as("scheduler")).get("/afdelingen/1M").text
    assert not re.search(r"\b[1-9]\d{3} [A-Z]{2}\b", html)  # no postcodes
    assert "LWOO" not in html
