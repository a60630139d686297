"""Words that several screens share (the command line's tables, the portal's and the
project's pages), each once: column headings, buttons, the kinds of group."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "word.name": {"nl": "naam", "en": "name"},
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
    # the kinds of group (GroupKind), by value
    "group_kind.home_class": {"nl": "stamklas", "en": "home class"},
    "group_kind.cluster_group": {"nl": "clustergroep", "en": "cluster group"},
    "group_kind.other": {"nl": "groep", "en": "group"},
}
