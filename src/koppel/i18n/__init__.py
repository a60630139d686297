"""Texts the users read, in Dutch (default) and English.

Code raises errors with a message *code* and parameters; the edges (command line,
API, pages) render them in the user's language with :func:`translate`.
"""

from __future__ import annotations

import os
from typing import Final

from koppel.i18n import (
    accounts,
    api,
    commands,
    connector,
    imports,
    privacy,
    sis_export,
    sis_import,
    sis_reading,
    sis_runs,
    staff_departure,
    staff_links,
    transition,
    validation,
)

LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"

CATALOG: Final[dict[str, dict[str, str]]] = {
    **validation.TEXTS,
    **commands.TEXTS,
    **imports.TEXTS,
    **sis_runs.TEXTS,
    **sis_export.TEXTS,
    **sis_import.TEXTS,
    **accounts.TEXTS,
    **api.TEXTS,
    **connector.TEXTS,
    **staff_departure.TEXTS,
    **privacy.TEXTS,
    **staff_links.TEXTS,
    **transition.TEXTS,
    **sis_reading.TEXTS,
}


def current_language() -> str:
    """The language chosen with KOPPEL_LANG (nl or en); Dutch otherwise."""
    chosen = os.environ.get("KOPPEL_LANG", DEFAULT_LANGUAGE).lower()[:2]
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def translate(message_code: str, language: str | None = None, /, **params: object) -> str:
    """The text for ``message_code`` in ``language``, with ``params`` filled in.

    Positional-only, so that a message may have parameters named ``code`` or ``language``.
    """
    texts = CATALOG.get(message_code)
    if texts is None:
        return message_code
    template = texts.get(language or current_language(), texts["en"])
    return template.format(**params)
