"""What routes receive: the unit of work and the page language."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.language import language_of


def unit_of_work(request: Request) -> SqlAlchemyUnitOfWork:
    """The request's unit of work: the one place the portal builds one. FastAPI hands
    the same instance to every dependency of a request (the session check, the token
    check) and to the route; each use enters it anew (``with uow``: one transaction), one
    after the other, never one inside another. ``with uow`` holds the write lock,
    ``with uow.unlocked()`` does not (see :mod:`koppel.store.unit_of_work`)."""
    settings = request.app.state.settings
    return SqlAlchemyUnitOfWork(
        request.app.state.engine,
        write_wait_seconds=settings.write_wait_seconds,
        secrets=request.app.state.secrets,
    )


UnitOfWorkDep = Annotated[SqlAlchemyUnitOfWork, Depends(unit_of_work)]
LanguageDep = Annotated[str, Depends(language_of)]
