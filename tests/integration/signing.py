"""Signing in as the portal's ``/login`` does, without HTTP: the failure is reserved
first (:func:`start_sign_in`), then the password checked (:func:`finish_sign_in`)."""

from __future__ import annotations

from koppel.services.accounts.sign_in import SignedIn, finish_sign_in, start_sign_in
from koppel.settings import Settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def sign_in(
    uow: SqlAlchemyUnitOfWork, username: str, password: str, *, settings: Settings
) -> SignedIn:
    attempt = start_sign_in(uow, username, settings=settings)
    return finish_sign_in(uow, attempt, password, settings=settings)
