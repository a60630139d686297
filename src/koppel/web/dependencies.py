"""What routes receive: the unit of work and the page language."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.language import language_of


def unit_of_work(request: Request) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(request.app.state.engine)


UnitOfWorkDep = Annotated[SqlAlchemyUnitOfWork, Depends(unit_of_work)]
LanguageDep = Annotated[str, Depends(language_of)]
