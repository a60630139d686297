"""Who may use the JSON API with a page session (API tokens have tests of their own).

Part of the authorization matrix (test_authorization_matrix.py): (method, concrete path)
-> expected status per role, in the order anonymous, administrator, scheduler,
team_leader, mentor, teacher, student. The demo's team leader leads 1M, 1MH, 2M and 2MH.
"""

from __future__ import annotations

MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/api/health"): (200,) * 7,
    ("GET", "/openapi.json"): (200,) * 7,
    ("GET", "/api/v1/me"): (401,) * 7,  # pages' sessions are no API tokens
}
ROUTE_OF: dict[str, str] = {}
NOT_CHECKED: set[tuple[str, str]] = set()
