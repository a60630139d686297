"""Who may use the administrator's pages, the own two-factor page and the code step of
signing in.

Part of the authorization matrix (test_authorization_matrix.py): (method, concrete path)
-> expected status per role, in the order anonymous, administrator, scheduler,
team_leader, mentor, teacher, student. The demo's team leader leads 1M, 1MH, 2M and 2MH.
The matrix posts without the CSRF token: a signed-in user gets 403 and nothing changes.
"""

from __future__ import annotations

ADMIN_ONLY = (303, 200, 403, 403, 403, 403, 403)
POST_WITHOUT_CSRF = (303, 403, 403, 403, 403, 403, 403)

MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/beheer/logboek"): ADMIN_ONLY,
    ("GET", "/beheer/accounts"): ADMIN_ONLY,
    ("GET", "/beheer/accounts?q=beh&rol=administrator&pagina=2"): ADMIN_ONLY,
    ("POST", "/beheer/accounts"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/accounts/beheerder"): ADMIN_ONLY,
    ("GET", "/beheer/accounts/niemand-hier"): (303, 404, 403, 403, 403, 403, 403),
    ("POST", "/beheer/accounts/beheerder/toegang"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/accounts/beheerder/deactiveren"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/accounts/beheerder/activeren"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/accounts/beheerder/wachtwoord"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/accounts/beheerder/tweestaps-uit"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/afdelingen"): ADMIN_ONLY,
    ("POST", "/beheer/afdelingen/4V"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/docentplanner"): ADMIN_ONLY,
    ("GET", "/beheer/docentplanner?groep=1M1"): ADMIN_ONLY,
    ("GET", "/beheer/docentplanner?groep=9Z9"): (303, 404, 403, 403, 403, 403, 403),
    ("POST", "/beheer/docentplanner/koppelen"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/docentplanner/ontkoppelen"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/jaarovergang"): ADMIN_ONLY,
    ("GET", "/beheer/jaarovergang/stap/1"): ADMIN_ONLY,
    ("GET", "/beheer/jaarovergang/stap/9"): (303, 404, 403, 403, 403, 403, 403),
    ("POST", "/beheer/jaarovergang/stap/1/voorbeeld"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/stap/3/toepassen"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/stap/2/ongedaan-maken"): POST_WITHOUT_CSRF,
    # the school year's life around the five steps (the shared portal has no prepared
    # year: the screens explain where to start, with 200)
    ("GET", "/beheer/jaarovergang/klaarzetten"): ADMIN_ONLY,
    ("POST", "/beheer/jaarovergang/klaarzetten/toepassen"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/klaarzetten/afdelingen"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/klaarzetten/afdelingen/4V"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/klaarzetten/ongedaan-maken"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/jaarovergang/doorzetten"): ADMIN_ONLY,
    ("POST", "/beheer/jaarovergang/doorzetten/toepassen"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/doorzetten/ongedaan-maken"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/jaarovergang/wisselen"): ADMIN_ONLY,
    ("POST", "/beheer/jaarovergang/wisselen/toepassen"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/jaarovergang/wisselen/ongedaan-maken"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/koppeling"): ADMIN_ONLY,
    ("GET", "/beheer/koppeling/0123456789ab"): (303, 404, 403, 403, 403, 403, 403),
    ("POST", "/beheer/koppeling/0123456789ab/goedkeuren"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/koppeling/0123456789ab/afwijzen"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/tokens"): ADMIN_ONLY,
    ("POST", "/beheer/tokens"): POST_WITHOUT_CSRF,
    ("POST", "/beheer/tokens/rooster-pc/intrekken"): POST_WITHOUT_CSRF,
    ("GET", "/beheer/instellingen"): ADMIN_ONLY,
    ("POST", "/beheer/instellingen"): POST_WITHOUT_CSRF,
    ("GET", "/account/tweestaps"): (303, 200, 200, 200, 200, 200, 200),
    ("POST", "/account/tweestaps/instellen"): POST_WITHOUT_CSRF,
    ("POST", "/account/tweestaps/bevestigen"): POST_WITHOUT_CSRF,
    ("POST", "/account/tweestaps/uitzetten"): POST_WITHOUT_CSRF,
    # the code step only opens for a session whose password was right and code is due;
    # anyone else is sent on (to sign in, or home when signed in completely)
    ("GET", "/login/code"): (303, 303, 303, 303, 303, 303, 303),
    ("POST", "/login/code"): (303, 303, 303, 303, 303, 303, 303),
}
ROUTE_OF: dict[str, str] = {
    "/beheer/accounts?q=beh&rol=administrator&pagina=2": "/beheer/accounts",
    "/beheer/accounts/beheerder": "/beheer/accounts/{username}",
    "/beheer/accounts/niemand-hier": "/beheer/accounts/{username}",
    "/beheer/accounts/beheerder/toegang": "/beheer/accounts/{username}/toegang",
    "/beheer/accounts/beheerder/deactiveren": "/beheer/accounts/{username}/deactiveren",
    "/beheer/accounts/beheerder/activeren": "/beheer/accounts/{username}/activeren",
    "/beheer/accounts/beheerder/wachtwoord": "/beheer/accounts/{username}/wachtwoord",
    "/beheer/accounts/beheerder/tweestaps-uit": "/beheer/accounts/{username}/tweestaps-uit",
    "/beheer/afdelingen/4V": "/beheer/afdelingen/{code}",
    "/beheer/docentplanner?groep=1M1": "/beheer/docentplanner",
    "/beheer/docentplanner?groep=9Z9": "/beheer/docentplanner",
    "/beheer/jaarovergang/stap/1": "/beheer/jaarovergang/stap/{step}",
    "/beheer/jaarovergang/stap/9": "/beheer/jaarovergang/stap/{step}",
    "/beheer/jaarovergang/stap/1/voorbeeld": "/beheer/jaarovergang/stap/{step}/voorbeeld",
    "/beheer/jaarovergang/stap/3/toepassen": "/beheer/jaarovergang/stap/{step}/toepassen",
    "/beheer/jaarovergang/stap/2/ongedaan-maken": "/beheer/jaarovergang/stap/{step}/ongedaan-maken",
    "/beheer/jaarovergang/klaarzetten/afdelingen/4V": (
        "/beheer/jaarovergang/klaarzetten/afdelingen/{code}"
    ),
    "/beheer/tokens/rooster-pc/intrekken": "/beheer/tokens/{name}/intrekken",
    "/beheer/koppeling/0123456789ab": "/beheer/koppeling/{run_id}",
    "/beheer/koppeling/0123456789ab/goedkeuren": "/beheer/koppeling/{run_id}/goedkeuren",
    "/beheer/koppeling/0123456789ab/afwijzen": "/beheer/koppeling/{run_id}/afwijzen",
}
NOT_CHECKED: set[tuple[str, str]] = set()
