"""Words that several screens share (the command line's tables, the portal's and the
project's pages), each once: column headings, buttons."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "word.active": {"nl": "actief", "en": "active"},
    "word.removed": {"nl": "verwijderd", "en": "removed"},
    "word.portal": {"nl": "Portal", "en": "Portal"},
    "word.status": {"nl": "Status", "en": "Status"},
    "word.account": {"nl": "Account", "en": "Account"},
    "word.staff_code": {"nl": "Docentcode", "en": "Staff code"},
    "word.role": {"nl": "Rol", "en": "Role"},
    "word.search": {"nl": "Zoeken", "en": "Search"},
    "word.show": {"nl": "Tonen", "en": "Show"},
    "word.undo": {"nl": "Ongedaan maken", "en": "Undo"},
}
