"""Every refusal of the API in the one documented shape ``{"error": {"code",
"message"}}`` (malformed JSON, an unknown address, a wrong method), and a bulk edit of a
selection larger than Starlette's default of 1,000 form fields (issue 18, finding 6);
over real HTTP against a real portal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, demo_portal, sign_in


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    with demo_portal(Path(tmp_path_factory.mktemp("shape")), students=200, seed=2) as portal:
        yield portal


@pytest.fixture(scope="module")
def token(school: Portal) -> str:
    made = koppel(
        "token",
        "create",
        "vorm",
        "--user",
        school.admin[0],
        "--role",
        "administrator",
        "--json",
        database=school.database,
    )
    assert made.code == 0, made.stderr
    return str(made.json()["token"])


def _is_the_error_shape(answer: httpx.Response, code: str) -> None:
    body = answer.json()
    assert set(body) == {"error"}, body
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert "detail" not in answer.text


def test_malformed_json_answers_in_the_error_shape(school: Portal, token: str):
    answer = httpx.post(
        f"{school.url}/api/v1/uploads",
        content=b'{"changes": [',
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Idempotency-Key": "kapot-1",
        },
    )
    assert answer.status_code == 422
    _is_the_error_shape(answer, "api.invalid_request")


def test_an_unknown_address_and_a_wrong_method_answer_in_the_error_shape(
    school: Portal, token: str
):
    headers = {"Authorization": f"Bearer {token}"}
    unknown = httpx.get(f"{school.url}/api/v1/bestaat-niet", headers=headers)
    assert unknown.status_code == 404
    _is_the_error_shape(unknown, "api.no_such_route")
    wrong = httpx.delete(f"{school.url}/api/v1/uploads", headers=headers)
    assert wrong.status_code == 405
    _is_the_error_shape(wrong, "api.method_not_allowed")
    assert "allow" in wrong.headers
    english = httpx.get(f"{school.url}/api/v1/bestaat-niet?lang=en", headers=headers)
    assert "no such address" in english.json()["error"]["message"]


def test_a_bulk_edit_of_a_whole_large_department(school: Portal, tmp_path: Path):
    """1,100 new students in 2M (a students file as an SIS writes one), then the team
    leader's selection of every student on every page of the department (a script, or
    a selection kept across pages): one form of over 1,100 fields."""
    rows = ["Leerlingnummer;Roepnaam;Achternaam;Afdeling"]
    rows += [f"{900000 + i};Kim;Jansen{i};2M" for i in range(1100)]
    extra = tmp_path / "nieuw.csv"
    extra.write_text("\n".join(rows) + "\n", encoding="utf-8")
    imported = koppel("import", "students", str(extra), "--json", database=school.database)
    assert imported.code == 0, imported.stderr
    leader = sign_in(school, *school.login_as("team_leader"))
    page = leader.get("/afdelingen/2M", timeout=60)
    everyone: list[str] = []
    for number in range(1, 10):
        shown = leader.get("/afdelingen/2M", params={"page": number}, timeout=60).text
        found = re.findall(r'<tr id="leerling-(\d+)">', shown)
        if not found or found[0] in everyone:
            break
        everyone += found
    assert len(everyone) > 1100
    answer = leader.post(
        "/afdelingen/2M/selectie",
        data={
            "csrf_token": csrf_of(page.text),
            "leerling": everyone,
            "prognose": "3M",
            "ronde": "3",
        },
        timeout=120,
    )
    assert answer.status_code == 303, answer.text[:300]
    assert answer.headers["location"] == f"/afdelingen/2M?gewijzigd={len(everyone)}"
