"""The JSON API against its own /openapi.json (schemathesis), on a portal of its own with a
scheduler's token: no server errors, and every answer as the document describes it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from koppel.settings import Settings
from koppel.web.app import create_app
from tests.cli.runner import koppel
from tests.web.conftest import Portal
from tests.web.test_api_records import school_departments
from tests.web.test_api_writes import own_portal

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Portal, str]]:
    with own_portal(Path(tmp_path_factory.mktemp("schemathesis")), students=60) as (portal, _):
        made = koppel(
            "token",
            "create",
            "fuzz",
            "--user",
            portal.personas["scheduler"],
            "--department",
            ",".join(school_departments(portal.database)),
            "--json",
            database=portal.database,
        )
        assert made.code == 0, made.stderr
        yield portal, made.json()["token"]


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation in the document, from the app itself."""
    document = create_app(Settings(database_url="sqlite:///:memory:")).openapi()
    return [
        (method.upper(), path) for path, methods in document["paths"].items() for method in methods
    ]


OPERATIONS = _operations()


@pytest.fixture(scope="module")
def api_schema(fuzzed: tuple[Portal, str]) -> schemathesis.BaseSchema:
    portal, _ = fuzzed
    return schemathesis.openapi.from_url(f"{portal.url}/openapi.json")


def test_the_document_holds_the_connector_api(api_schema):
    paths = set(api_schema.raw_schema["paths"])
    assert "/api/v1/records/home_classes" in paths
    assert "/api/v1/students/{number}/home-classes/{department}" in paths
    assert not [path for path in paths if not path.startswith("/api/")]
    assert {(m, p) for p, ms in api_schema.raw_schema["paths"].items() for m in ms} == {
        (m.lower(), p) for m, p in OPERATIONS
    }


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_the_api_keeps_to_its_document(api_schema, fuzzed, method, path):
    portal, token = fuzzed
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_to_it(case: schemathesis.Case) -> None:
        case.call_and_validate(
            base_url=portal.url,
            headers={"Authorization": f"Bearer {token}"},
            checks=CHECKS,
        )

    keeps_to_it()
