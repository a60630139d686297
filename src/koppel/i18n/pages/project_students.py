"""Words of the project's Students window (the seed's "Leerlingen")."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "students.help": {
        "nl": "De verschillen tussen het portal en het project per leerling: paars waar het "
        "portal afwijkt (de tooltip toont de andere kant), geel de afdelingen waar het project de "
        "stamklassen leidt.",
        "en": "The differences between the portal and the project per student: purple where the "
        "portal differs (the tooltip shows the other side), yellow the departments whose home "
        "classes the project leads.",
    },
    "students.changes": {"nl": "Wijzigingen", "en": "Changes"},
    "students.everyone": {"nl": "Alle leerlingen", "en": "All students"},
    "students.filters": {"nl": "Filters", "en": "Filters"},
    "students.all_changes": {"nl": "Alle wijzigingen", "en": "All changes"},
    "students.filter.stamklas": {"nl": "Stamklasindeling", "en": "Home-class assignment"},
    "students.filter.bij_af": {"nl": "Leerlingen bij/af", "en": "Students added/removed"},
    "students.all_departments": {"nl": "Alle afdelingen", "en": "All departments"},
    "students.search_help": {"nl": "Leerlingnummer of naam", "en": "Student number or name"},
    "students.search_button": {"nl": "Zoek", "en": "Search"},
    "students.count": {"nl": "{shown} van {total} leerlingen", "en": "{shown} of {total} students"},
    "students.more": {
        "nl": "… en nog {count} leerlingen: zoek of kies een filter om ze te zien.",
        "en": "… and {count} more students: search or choose a filter to see them.",
    },
    "students.none": {
        "nl": "Geen leerlingen met wijzigingen in deze selectie.",
        "en": "No students with changes in this selection.",
    },
    "students.none_at_all": {
        "nl": "Geen leerlingen in deze selectie.",
        "en": "No students in this selection.",
    },
    "students.column.select": {"nl": "Kies", "en": "Select"},
    "students.column.number": {"nl": "Nr", "en": "No."},
    "students.column.change": {"nl": "Bij/af", "en": "Added/removed"},
    "students.column.klas": {"nl": "Klas", "en": "Class"},
    "students.lead_project": {
        "nl": "het project leidt de stamklassen",
        "en": "the project leads the home classes",
    },
    "students.select": {"nl": "Leerling {number} kiezen", "en": "Select student {number}"},
    "students.select_all": {"nl": "Alles kiezen", "en": "Select all"},
    "students.select_none": {"nl": "Niets kiezen", "en": "Select none"},
    "students.change.bij": {"nl": "bij", "en": "added"},
    "students.change.af": {"nl": "af", "en": "removed"},
    "students.change.nieuw": {"nl": "geen account", "en": "no account"},
    "students.change_help.bij": {
        "nl": "Nieuw in het portal: komt in het project",
        "en": "New in the portal: comes into the project",
    },
    "students.change_help.af": {
        "nl": "Niet meer in de afdelingen van het project in het portal: gaat uit het project",
        "en": "No longer in the project's departments in the portal: leaves the project",
    },
    "students.change_help.nieuw": {
        "nl": "Alleen in het project: krijgt een account in het portal",
        "en": "Only in the project: gets an account in the portal",
    },
    "students.differs": {"nl": "wijkt af", "en": "differs"},
    "students.other.portal": {"nl": "portal: {value}", "en": "portal: {value}"},
    "students.other.project": {"nl": "project: {value}", "en": "project: {value}"},
    "students.base": {"nl": "basis: {value}", "en": "base: {value}"},
    "students.button.afdeling": {"nl": "Afdeling", "en": "Participation"},
    "students.button.upload": {"nl": "Accounts aanmaken", "en": "Create accounts"},
    "students.button_help.afdeling": {
        "nl": "Neem de afdelingsdeelname van het portal over voor de gekozen leerlingen",
        "en": "Take over the portal's participation for the selected students",
    },
    "students.button_help.lwoo": {
        "nl": "Neem de LWOO-status van het portal over voor de gekozen leerlingen",
        "en": "Take over the portal's LWOO status for the selected students",
    },
    "students.button_help.stamklassen": {
        "nl": "Neem de stamklassen van het portal over voor de gekozen leerlingen (afdelingen "
        "waar het portal leidt)",
        "en": "Take over the portal's home classes for the selected students (departments the "
        "portal leads)",
    },
    "students.button_help.download": {
        "nl": "Nieuwe leerlingen van het portal toevoegen, vertrokken leerlingen verwijderen",
        "en": "Add the portal's new students, remove those who left",
    },
    "students.button_help.upload": {
        "nl": "Maak in het portal een account voor de gekozen leerlingen die alleen in het "
        "project staan",
        "en": "Create a portal account for the selected students that are only in the project",
    },
    "students.accept_conflicts": {
        "nl": "Ook bij conflicten de waarde van het portal overnemen",
        "en": "Take the portal's value on conflicts too",
    },
    "students.upload_hint": {
        "nl": "Stamklassen van afdelingen waar het project leidt (geel) uploadt u in het venster",
        "en": "Home classes of departments the project leads (yellow) are uploaded in the window",
    },
    "students.open_portal": {
        "nl": "Leerling {number} openen in het portal (nieuw tabblad)",
        "en": "Open student {number} in the portal (new tab)",
    },
}
