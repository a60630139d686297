"""Who may use the JSON API with a page session, and with an API token inside and
outside the token's departments (SCOPE_MATRIX; test_api_records.py, test_api_writes.py
and test_api_uploads.py test each token role further).

Part of the authorization matrix (test_authorization_matrix.py): (method, concrete path)
-> expected status per role, in the order anonymous, administrator, scheduler,
team_leader, mentor, teacher, student. The demo's team leader leads 1M, 1MH, 2M and 2MH.
"""

from __future__ import annotations

DOMAINS = (
    "students",
    "personal_data",
    "department_participation",
    "lwoo",
    "prognoses",
    "package_choices",
    "home_classes",
    "cluster_groups",
)

# pages' sessions are no API tokens: every /api/v1 route answers 401 to all of them
MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/api/health"): (200,) * 7,
    ("GET", "/openapi.json"): (200,) * 7,
    ("GET", "/api/v1/me"): (401,) * 7,
    ("GET", "/api/v1/school-years"): (401,) * 7,
    **{("GET", f"/api/v1/records/{domain}"): (401,) * 7 for domain in DOMAINS},
    ("GET", "/api/v1/records/no_such_domain"): (401,) * 7,
    ("POST", "/api/v1/students"): (401,) * 7,
    ("PUT", "/api/v1/students/000001/home-classes/4V"): (401,) * 7,
    ("PUT", "/api/v1/students/000001/cluster-groups"): (401,) * 7,
    ("POST", "/api/v1/uploads"): (401,) * 7,
    ("POST", "/api/v1/changesets/0123456789ab/undo"): (401,) * 7,
}
ROUTE_OF: dict[str, str] = {
    "/api/v1/records/no_such_domain": "/api/v1/records/{domain}",
    "/api/v1/students/000001/home-classes/4V": (
        "/api/v1/students/{number}/home-classes/{department}"
    ),
    "/api/v1/students/000001/cluster-groups": "/api/v1/students/{number}/cluster-groups",
    "/api/v1/changesets/0123456789ab/undo": "/api/v1/changesets/{changeset}/undo",
}
NOT_CHECKED: set[tuple[str, str]] = set()


# --- API tokens: every /api/v1 route x token role x inside / outside its departments ---

TOKEN_ROLES = (
    "administrator",
    "scheduler",
    "scheduler_without_departments",
    "team_leader",
    "mentor",
    "teacher",
    "student",
)
"""The tokens of test_authorization_matrix.py's scoped school: the scheduler's is for 4V
only; ``scheduler_without_departments`` is one made before tokens had departments."""

_WHOLE = (200, 200)
_SCOPED = (200, 403)
_NONE = (403, 403)
SCOPE_MATRIX: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {
    # (inside, outside) per entry of TOKEN_ROLES: outside means a department (or a student
    # of a department) the scheduler's token is not for; 403 writes nothing
    ("GET", "/api/v1/me"): (_WHOLE,) * 7,
    ("GET", "/api/v1/school-years"): (_WHOLE, _WHOLE, *(_NONE,) * 5),
    **{
        ("GET", f"/api/v1/records/{domain}"): (_WHOLE, _SCOPED, *(_NONE,) * 5) for domain in DOMAINS
    },
    ("GET", "/api/v1/records/no_such_domain"): ((404, 404), (404, 404), *(_NONE,) * 5),
    ("POST", "/api/v1/students"): ((201, 201), (201, 403), *(_NONE,) * 5),
    ("PUT", "/api/v1/students/{number}/home-classes/{department}"): (
        _WHOLE,
        _SCOPED,
        *(_NONE,) * 5,
    ),
    ("PUT", "/api/v1/students/{number}/cluster-groups"): (_WHOLE, _SCOPED, *(_NONE,) * 5),
    ("POST", "/api/v1/uploads"): (_WHOLE, _SCOPED, *(_NONE,) * 5),
    ("POST", "/api/v1/changesets/{changeset}/undo"): (_WHOLE, _SCOPED, *(_NONE,) * 5),
}
