"""Texts the users read, in Dutch (default) and English: one catalogue, code -> language
-> text, gathered from one module per area (the pages' words in :mod:`koppel.i18n.pages`).

Code raises errors with a message *code* and parameters; the edges (command line,
API, pages) render them in the user's language with :func:`translate`. Pages read
:func:`texts_in` as ``t`` (``t.title``, ``t["wizard.title"]``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Final

from koppel.i18n import (
    accounts,
    api,
    commands,
    connector,
    imports,
    privacy,
    school_years,
    sis_export,
    sis_import,
    sis_reading,
    sis_runs,
    staff_departure,
    staff_links,
    transition,
    validation,
    words,
)
from koppel.i18n.pages import (
    admin,
    common,
    planner,
    planning,
    project,
    project_domains,
    project_groups,
    project_students,
    sis,
    wizard,
    wizard_steps,
    year_life,
    year_life_steps,
)

LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"

MODULES: Final = (
    validation,
    commands,
    imports,
    sis_runs,
    sis_export,
    sis_import,
    accounts,
    api,
    connector,
    staff_departure,
    privacy,
    staff_links,
    transition,
    sis_reading,
    words,
    common,
    planning,
    admin,
    project,
    project_students,
    project_domains,
    project_groups,
    planner,
    wizard,
    wizard_steps,
    sis,
    school_years,
    year_life,
    year_life_steps,
)
"""Every module of texts; a code lives in exactly one of them."""

CATALOG: Final[dict[str, dict[str, str]]] = {
    code: texts for module in MODULES for code, texts in module.TEXTS.items()
}


def current_language() -> str:
    """The language chosen with KOPPEL_LANG (nl or en); Dutch otherwise."""
    chosen = os.environ.get("KOPPEL_LANG", DEFAULT_LANGUAGE).lower()[:2]
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


class Term(str):
    """A message parameter that is itself a catalogue code (``role.scheduler``): filled in
    as its text in the message's language (*roostermaker*), never as the code."""

    __slots__ = ()


def translate(message_code: str, language: str | None = None, /, **params: object) -> str:
    """The text for ``message_code`` in ``language``, with ``params`` filled in.

    Positional-only, so that a message may have parameters named ``code`` or ``language``.
    """
    texts = CATALOG.get(message_code)
    if texts is None:
        return message_code
    chosen = language or current_language()
    template = texts.get(chosen, texts["en"])
    return template.format(
        **{
            name: translate(value, chosen) if isinstance(value, Term) else value
            for name, value in params.items()
        }
    )


def texts_in(language: str) -> Mapping[str, str]:
    """Every text of the catalogue in ``language`` (English for a language it lacks), by
    code: what the pages read as ``t``. Built once per language, read-only."""
    return _texts_in(language if language in LANGUAGES else "en")


@cache
def _texts_in(language: str) -> Mapping[str, str]:
    return MappingProxyType({code: texts[language] for code, texts in CATALOG.items()})
