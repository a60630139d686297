"""What the screens of the school year's life share (Beheer > Jaarovergang: klaarzetten,
doorzetten, wisselen): the page rendered with the life's stages, and undo of the screen's
own change set with its outcome in the user's words."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.transition.life import SCREEN_KINDS, undo_on_screen, year_life
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.rendering import render
from koppel.web.transition.page import (
    LIFE_PATHS,
    STAGE_SUMMARY_WORDS,
    STATE_WORDS,
    SUMMARY_WORDS,
)


@dataclass(frozen=True)
class LifeScreen:
    """One request of a screen of the year's life."""

    request: Request
    language: str
    uow: SqlAlchemyUnitOfWork
    session: ActiveSession
    stage: str
    """``prepare``, ``promote`` or ``switch``: the stage the screen shows."""

    def page(self, template: str, *, status_code: int = 200, **more: object) -> HTMLResponse:
        life = year_life(self.uow)
        return render(
            self.request,
            template,
            self.language,
            status_code=status_code,
            session=self.session,
            life=life,
            stage=life.stage(self.stage),
            shown_stage=self.stage,
            newest=life.newest,
            state_words=STATE_WORDS,
            summary_words=SUMMARY_WORDS,
            stage_summary_words=STAGE_SUMMARY_WORDS,
            life_paths=LIFE_PATHS,
            **more,
        )

    def undo(self, changeset: str) -> tuple[int, dict[str, object]]:
        """Undo ``changeset`` when it is this screen's and the newest; the status code and
        what the page shows about it (``undone``, or ``undo_error``)."""
        try:
            result = undo_on_screen(
                self.uow,
                changeset,
                SCREEN_KINDS[self.stage],
                actor=self.session.account.username,
            )
        except KoppelError as error:
            return 409, {"undo_error": error.message(self.language)}
        return 200, {"undone": result}
