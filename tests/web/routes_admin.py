"""Who may use the administrator's pages.

Part of the authorization matrix (test_authorization_matrix.py): (method, concrete path)
-> expected status per role, in the order anonymous, administrator, scheduler,
team_leader, mentor, teacher, student. The demo's team leader leads 1M, 1MH, 2M and 2MH.
"""

from __future__ import annotations

MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/beheer/logboek"): (303, 200, 403, 403, 403, 403, 403),
}
ROUTE_OF: dict[str, str] = {}
NOT_CHECKED: set[tuple[str, str]] = set()
