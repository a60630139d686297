"""Who may use the sign-in, account and planning pages.

Part of the authorization matrix (test_authorization_matrix.py): (method, concrete path)
-> expected status per role, in the order anonymous, administrator, scheduler,
team_leader, mentor, teacher, student. The demo's team leader leads 1M, 1MH, 2M and 2MH.
"""

from __future__ import annotations

MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    # mentors, teachers and students are sent on to their own page
    ("GET", "/"): (303, 200, 200, 200, 303, 303, 303),
    ("GET", "/afdelingen/1M"): (303, 200, 200, 200, 403, 403, 403),
    ("GET", "/afdelingen/6V"): (303, 200, 200, 403, 403, 403, 403),
    ("GET", "/afdelingen/9Q"): (303, 404, 404, 403, 403, 403, 403),
    # {own_student} is the student persona (in 1M, portal-led); {other_student} is in 6V
    ("GET", "/afdelingen/1M/leerlingen/{own_student}"): (303, 200, 200, 200, 403, 403, 403),
    ("GET", "/afdelingen/6V/leerlingen/{other_student}"): (303, 200, 403, 403, 403, 403, 403),
    ("GET", "/afdelingen/1M/leerlingen/{other_student}"): (303, 404, 404, 404, 403, 403, 403),
    ("POST", "/afdelingen/1M/selectie"): (303, 403, 403, 403, 403, 403, 403),  # without CSRF
    ("POST", "/afdelingen/1M/leerlingen/{own_student}"): (303, 403, 403, 403, 403, 403, 403),
    # promoting a department to the prepared year: who may edit its planning (the
    # shared portal has no prepared year: the page says so, with 200)
    ("GET", "/afdelingen/1M/doorzetten"): (303, 200, 403, 200, 403, 403, 403),
    ("GET", "/afdelingen/6V/doorzetten"): (303, 200, 403, 403, 403, 403, 403),
    ("GET", "/afdelingen/9Q/doorzetten"): (303, 404, 403, 403, 403, 403, 403),
    ("POST", "/afdelingen/1M/doorzetten"): (303, 403, 403, 403, 403, 403, 403),  # no CSRF
    ("POST", "/afdelingen/1M/doorzetten/ongedaan-maken"): (303, 403, 403, 403, 403, 403, 403),
    ("GET", "/mentor"): (303, 403, 403, 403, 200, 403, 403),
    ("POST", "/mentor/leerlingen/{own_student}"): (303, 403, 403, 403, 403, 403, 403),
    ("GET", "/docent"): (303, 403, 200, 200, 200, 200, 403),
    ("GET", "/leerling"): (303, 403, 403, 403, 403, 403, 200),
    ("POST", "/leerling/pakket/1M"): (303, 403, 403, 403, 403, 403, 403),
    ("GET", "/login"): (200, 303, 303, 303, 303, 303, 303),
    ("POST", "/logout"): (303, 403, 403, 403, 403, 403, 403),  # without its CSRF token
    ("GET", "/account/wachtwoord"): (303, 200, 200, 200, 200, 200, 200),
    ("POST", "/account/wachtwoord"): (303, 403, 403, 403, 403, 403, 403),  # without CSRF
    # the package's styles and scripts are for everyone (the sign-in page needs them)
    ("GET", "/static/koppel.css"): (200,) * 7,
    ("GET", "/static/transition.js"): (200,) * 7,
    ("GET", "/static/niet-hier.js"): (404,) * 7,
    ("GET", "/static/%2e%2e/app.py"): (404,) * 7,
    ("POST", "/static/koppel.css"): (405,) * 7,
    # no route at all: the same 404 for everyone, signed in or not
    ("GET", "/niet-hier"): (404,) * 7,
}
ROUTE_OF: dict[str, str] = {
    "/afdelingen/1M": "/afdelingen/{code}",
    "/afdelingen/6V": "/afdelingen/{code}",
    "/afdelingen/9Q": "/afdelingen/{code}",
    "/afdelingen/1M/leerlingen/{own_student}": "/afdelingen/{code}/leerlingen/{number}",
    "/afdelingen/6V/leerlingen/{other_student}": "/afdelingen/{code}/leerlingen/{number}",
    "/afdelingen/1M/leerlingen/{other_student}": "/afdelingen/{code}/leerlingen/{number}",
    "/afdelingen/1M/selectie": "/afdelingen/{code}/selectie",
    "/afdelingen/1M/doorzetten": "/afdelingen/{code}/doorzetten",
    "/afdelingen/6V/doorzetten": "/afdelingen/{code}/doorzetten",
    "/afdelingen/9Q/doorzetten": "/afdelingen/{code}/doorzetten",
    "/afdelingen/1M/doorzetten/ongedaan-maken": "/afdelingen/{code}/doorzetten/ongedaan-maken",
    "/mentor/leerlingen/{own_student}": "/mentor/leerlingen/{number}",
    "/leerling/pakket/1M": "/leerling/pakket/{code}",
    "/static/koppel.css": "/static/{path:path}",
    "/static/transition.js": "/static/{path:path}",
    "/static/niet-hier.js": "/static/{path:path}",
    "/static/%2e%2e/app.py": "/static/{path:path}",
}
NOT_CHECKED: set[tuple[str, str]] = {
    ("POST", "/login")
}  # signing in has tests of its own (test_sign_in.py)
