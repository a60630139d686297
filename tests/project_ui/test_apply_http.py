"""Every apply from the project's screens over real HTTP: first the preview (nothing
written), then one change set, the banner with its undo, and CSRF on every form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from koppel.domain.sync.domains import SyncDomain
from koppel.store.project import tables
from koppel.store.project.file import ProjectFile
from tests.project_ui.conftest import Opened, opened_project


@contextmanager
def _client(opened: Opened) -> Iterator[httpx.Client]:
    """A browser that came through the launch file ``koppel project open`` wrote (the
    key handed in once, its session kept)."""
    with opened.client() as client:
        yield client


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found[1]


def _prognoses(path: Path) -> dict[tuple[str, str | None], tuple[object, ...]]:
    project = ProjectFile.open(path)
    with project.begin() as session:
        found = session.state(SyncDomain.PROGNOSES)
    project.close()
    return found


def _changesets(path: Path) -> int:
    project = ProjectFile.open(path)
    with project.engine.connect() as conn:
        count = len(conn.execute(tables.changesets.select()).all())
    project.close()
    return count


def test_preview_then_apply_then_undo(tmp_path: Path) -> None:
    with opened_project(tmp_path) as opened, _client(opened) as client:
        dashboard = client.get("/")
        assert dashboard.status_code == 200
        token = _csrf(dashboard.text)
        before, sets = _prognoses(opened.path), _changesets(opened.path)
        form = {"csrf_token": token, "action": "download", "domain": "prognoses", "next": "/"}
        preview = client.post("/voorbeeld", data=form)
        assert preview.status_code == 200
        assert 'id="plan-prognoses"' in preview.text
        rows = int(re.search(r"Prognoses: (\d+) regels", preview.text)[1])  # type: ignore[index]
        assert rows > 0
        assert _prognoses(opened.path) == before  # looking changes nothing
        assert _changesets(opened.path) == sets

        applied = client.post("/toepassen", data=form, follow_redirects=True)
        assert applied.status_code == 200
        assert f"{rows} regels toegepast" in applied.text
        after = _prognoses(opened.path)
        assert sum(1 for key in after if after[key] != before.get(key)) == rows
        assert _changesets(opened.path) == sets + 1

        undone = client.post("/ongedaan", data={"csrf_token": token}, follow_redirects=True)
        assert "Teruggedraaid" in undone.text
        assert _prognoses(opened.path) == before


def test_forms_without_the_csrf_token_are_refused(opened: Opened) -> None:
    with _client(opened) as client:
        refused = client.post("/toepassen", data={"action": "download", "domain": "lwoo"})
        assert refused.status_code == 403
        assert client.post("/ongedaan", data={}).status_code == 403
        assert client.post("/ververs", data={"csrf_token": "raden"}).status_code == 403


def test_a_domain_that_cannot_go_that_way_is_explained(opened: Opened) -> None:
    with _client(opened) as client:
        token = _csrf(client.get("/").text)
        answer = client.post(
            "/voorbeeld",
            data={"csrf_token": token, "action": "upload", "domain": "prognoses", "next": "/"},
        )
        assert answer.status_code == 200
        assert "kan niet geüpload worden" in answer.text
