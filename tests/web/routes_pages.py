"""Who may use the sign-in, account and planning pages.

Part of the authorization matrix (test_authorization_matrix.py): (method, concrete path)
-> expected status per role, in the order anonymous, administrator, scheduler,
team_leader, mentor, teacher, student. The demo's team leader leads 1M, 1MH, 2M and 2MH.
"""

from __future__ import annotations

MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/"): (303, 200, 200, 200, 403, 403, 403),
    ("GET", "/afdelingen/1M"): (303, 200, 200, 200, 403, 403, 403),
    ("GET", "/afdelingen/6V"): (303, 200, 200, 403, 403, 403, 403),
    ("GET", "/afdelingen/9Q"): (303, 404, 404, 403, 403, 403, 403),
    ("GET", "/login"): (200, 303, 303, 303, 303, 303, 303),
    ("POST", "/logout"): (303, 403, 403, 403, 403, 403, 403),  # without its CSRF token
    ("GET", "/account/wachtwoord"): (303, 200, 200, 200, 200, 200, 200),
    ("POST", "/account/wachtwoord"): (303, 403, 403, 403, 403, 403, 403),  # without CSRF
}
ROUTE_OF: dict[str, str] = {
    "/afdelingen/1M": "/afdelingen/{code}",
    "/afdelingen/6V": "/afdelingen/{code}",
    "/afdelingen/9Q": "/afdelingen/{code}",
}
NOT_CHECKED: set[tuple[str, str]] = {
    ("POST", "/login")
}  # signing in has tests of its own (test_sign_in.py)
