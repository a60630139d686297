"""Words on the portal's pages, in Dutch (default) and English, one module per area."""

from __future__ import annotations

from typing import Final

from koppel.i18n import LANGUAGES
from koppel.web.texts import (
    admin,
    common,
    integration,
    planning,
    project,
    project_domains,
    project_groups,
    project_students,
    staff_links,
    transition,
)

PAGE_TEXTS: Final[dict[str, dict[str, str]]] = {
    language: {
        **common.TEXTS[language],
        **planning.TEXTS[language],
        **admin.TEXTS[language],
        **project.TEXTS[language],
        **project_students.TEXTS[language],
        **project_domains.TEXTS[language],
        **project_groups.TEXTS[language],
        **staff_links.TEXTS[language],
        **transition.TEXTS[language],
        **integration.TEXTS[language],
    }
    for language in LANGUAGES
}
