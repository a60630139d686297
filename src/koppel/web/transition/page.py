"""What the wizard's routes share: the upload store, the form's choices, and one step's
page rendered with its status, kept files and outcome (routes:
:mod:`koppel.web.transition.wizard`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse

from koppel.files.columns import ImportKind
from koppel.i18n import translate
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.audit.undo import newest_standing_changeset
from koppel.services.school_settings import school_settings
from koppel.services.school_years.years import school_years
from koppel.services.transition.groups_delete import group_folders
from koppel.services.transition.life import PARTLY, year_life
from koppel.services.transition.status import StepState
from koppel.services.transition.uploads import UnknownUpload, UploadStore, upload_directory
from koppel.services.transition.wizard import (
    FILES_OF_STEP,
    STEP_NUMBERS,
    Choices,
    StepOutcome,
    run_step,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.denials import PageNotFound
from koppel.web.rendering import render
from koppel.web.sessions import settings_of
from koppel.web.transition.reports import report_views

FIELD = {kind: kind.value.replace("-", "_") for kind in ImportKind}
"""``teacher-groups`` -> ``teacher_groups``: the form's names (``*_file``, ``*_token``)."""
STATE_WORDS: dict[str, str] = {
    StepState.NOT_STARTED: "transition.state.not_started",
    StepState.PREVIEWED: "transition.state.previewed",
    StepState.APPLIED: "integration.status.applied",
    StepState.UNDONE: "wizard.state.undone",
    PARTLY: "year_life.state.partly",
}
"""The text that names a step's state on the wizard's pages."""
SUMMARY_WORDS = {
    "file": "wizard.summary.file",
    "folder": "wizard.summary.folder",
    "groups": "wizard.summary.groups",
    "memberships": "transition.count.memberships",
    "teacher_links": "transition.count.teacher_links",
    "previous_home_classes": "wizard.summary.previous_home_classes",
    "new": "import.count.new",
    "updated": "wizard.summary.updated",
    "unchanged": "import.count.unchanged",
    "absent": "wizard.summary.absent",
    "departed": "wizard.summary.departed",
    "links": "import.kind.links",
    "kept_as_history": "year_life.summary.history",
    # the summaries of prepare, promote and switch
    "current": "year_life.summary.current",
    "departments": "stats.departments",
    "department": "year.column.department",
    "participations": "year.promote.count.participations",
    "package_choices": "year.promote.count.package_choices",
    "without_prognosis": "year_life.summary.without_prognosis",
    "previous": "year_life.summary.previous",
    "forced": "year_life.summary.forced",
    "reason": "year_life.summary.reason",
    "steps_not_applied": "year_life.summary.steps_not_applied",
    "added": "year_life.summary.links_added",
    "removed": "year_life.summary.links_removed",
}
"""The text that names each part of a step's summary (a part without one shows its name)."""
STAGE_SUMMARY_WORDS = {"switch": {"departments": "year_life.summary.departments_changed"}}
"""Where a stage's summary means something else by a name: the switch counts departments
whose settings changed with the year."""
LIFE_PATHS = {
    "prepare": "/beheer/jaarovergang/klaarzetten",
    "promote": "/beheer/jaarovergang/doorzetten",
    "switch": "/beheer/jaarovergang/wisselen",
}
"""Where each stage of the year's life has its screen (a step: ``/stap/{number}``)."""


def upload_store(request: Request) -> UploadStore:
    """One store per portal, next to its database."""
    store: UploadStore | None = getattr(request.app.state, "transition_uploads", None)
    if store is None:
        store = UploadStore(upload_directory(settings_of(request).database_url))
        request.app.state.transition_uploads = store
    return store


UploadStoreDep = Annotated[UploadStore, Depends(upload_store)]


def choices_form(
    staff_token: Annotated[str, Form()] = "",
    students_token: Annotated[str, Form()] = "",
    teacher_groups_token: Annotated[str, Form()] = "",
    scope: Annotated[str, Form()] = "all",
    folder: Annotated[str, Form()] = "",
    mark_absent_left: Annotated[str, Form()] = "",
) -> Choices:
    """The choices a step's forms carry: kept files by token, the groups to delete, and
    whether missing students are marked as left (only when ticked)."""
    given = {
        ImportKind.STAFF: staff_token,
        ImportKind.STUDENTS: students_token,
        ImportKind.TEACHER_GROUPS: teacher_groups_token,
    }
    return Choices(
        tokens={kind: token.strip() for kind, token in given.items() if token.strip()},
        scope="folder" if scope == "folder" else "all",
        folder=folder.strip(),
        mark_absent_left=mark_absent_left == "on",
    )


ChoicesDep = Annotated[Choices, Depends(choices_form)]


@dataclass(frozen=True)
class Screen:
    """One request of the wizard: renders a step's page."""

    request: Request
    language: str
    uow: SqlAlchemyUnitOfWork
    store: UploadStore
    session: ActiveSession

    def run(
        self, step: int, choices: Choices, *, apply: bool, force: bool, unconfirmed: bool = False
    ) -> HTMLResponse:
        """Preview or apply ``step`` and show the outcome; 422 when something stands in
        the way (errors, a refusal of an apply, a missing confirmation)."""
        try:
            outcome = run_step(
                self.uow,
                self.store,
                step,
                choices,
                apply=apply,
                force=force,
                actor=self.session.account.username,
            )
        except UnknownUpload:
            return self.page(step, form_error="wizard.unknown_upload", status_code=400)
        failed = outcome.has_errors or unconfirmed or (apply and outcome.refused)
        return self.page(step, outcome, unconfirmed=unconfirmed, status_code=422 if failed else 200)

    def page(
        self,
        step: int,
        outcome: StepOutcome | None = None,
        *,
        status_code: int = 200,
        **more: object,
    ) -> HTMLResponse:
        if step not in STEP_NUMBERS:
            raise PageNotFound(translate("wizard.no_such_step", self.language, step=step))
        life = year_life(self.uow)
        status = life.transition
        username = self.session.account.username
        kept = {
            FIELD[kind]: self.store.latest(username=username, kind=kind.value)
            for kind in FILES_OF_STEP[step]
        }
        return render(
            self.request,
            "transition/step.html",
            self.language,
            status_code=status_code,
            session=self.session,
            status=status,
            step=status.steps[step - 1],
            outcome=outcome,
            reports=report_views(outcome),
            kept=kept,
            folders=group_folders(self.uow) if step == 2 else [],
            newest=newest_standing_changeset(self.uow),
            chosen=school_settings(self.uow),
            state_words=STATE_WORDS,
            summary_words=SUMMARY_WORDS,
            stage_summary_words=STAGE_SUMMARY_WORDS,
            life=life,
            life_paths=LIFE_PATHS,
            **more,
        )

    def without_prepared_year(self, step: int) -> HTMLResponse | None:
        """The steps fill the prepared year: without one, the step's page says so (409)
        and nothing runs."""
        if step in STEP_NUMBERS and school_years(self.uow).prepared is None:
            return self.page(step, refused_unprepared=True, status_code=409)
        return None
