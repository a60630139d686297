"""Bodies larger than a route needs are refused with 413 before they are read, over real
HTTP, whether their size is announced (Content-Length) or not (chunked)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from koppel.web.body_limit import API_LIMIT, FORM_LIMIT
from tests.web.conftest import Portal


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        part = min(size, total - sent)
        sent += part
        yield b"a" * part


def test_an_api_body_over_the_limit_is_refused_with_a_json_error(portal: Portal):
    response = httpx.post(
        f"{portal.url}/api/v1/uploads",
        content=b"x" * (API_LIMIT + 1),
        headers={"Content-Type": "application/json", "Accept-Language": "en"},
        timeout=60,
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request.too_large"
    assert "32 MB" in response.json()["error"]["message"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_a_form_over_the_limit_is_refused(portal: Portal):
    response = httpx.post(
        f"{portal.url}/login",
        content=b"username=" + b"a" * (FORM_LIMIT + 1),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413
    assert "te groot" in response.text


def test_a_chunked_body_over_the_limit_is_refused(portal: Portal):
    response = httpx.post(
        f"{portal.url}/login",
        content=_chunks(FORM_LIMIT + 10),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 413


def test_bodies_within_the_limit_reach_the_route(portal: Portal):
    chunked = httpx.post(
        f"{portal.url}/api/v1/uploads",
        content=iter([b'{"home_classes"', b": []}"]),
        headers={"Content-Type": "application/json"},
    )
    assert chunked.request.headers["transfer-encoding"] == "chunked"
    assert chunked.status_code == 401  # read, and refused for want of a token
    announced = httpx.post(f"{portal.url}/api/v1/uploads", json={"home_classes": []})
    assert announced.status_code == 401
    assert httpx.get(f"{portal.url}/api/health").status_code == 200
