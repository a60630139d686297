"""Words on the planning pages: team leaders, mentors, teachers and students."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "planning.prognosis_for": {"nl": "prognoses voor", "en": "prognoses for"},
    "planning.changed": {
        "nl": "{n} leerling(en) gewijzigd. De wijziging staat in het logboek.",
        "en": "{n} student(s) changed. The change is in the audit log.",
    },
    "planning.not_saved": {
        "nl": "Er is niets opgeslagen: verbeter de gemarkeerde velden en probeer het opnieuw.",
        "en": "Nothing was saved: correct the marked fields and try again.",
    },
    "planning.search": {
        "nl": "Zoek op naam of leerlingnummer",
        "en": "Search by name or student number",
    },
    "planning.all": {"nl": "alle", "en": "all"},
    "planning.undecided": {
        "nl": "twijfel (meer dan één afdeling)",
        "en": "undecided (more than one department)",
    },
    "planning.missing": {"nl": "nog geen prognose", "en": "no prognosis yet"},
    "planning.sort": {"nl": "Sorteren op", "en": "Sort by"},
    "planning.sort.nummer": {"nl": "leerlingnummer", "en": "student number"},
    "planning.sort.prognose": {"nl": "prognose", "en": "prognosis"},
    "planning.descending": {"nl": "aflopend", "en": "descending"},
    "planning.filter": {"nl": "Toon", "en": "Show"},
    "planning.select": {"nl": "Selecteer", "en": "Select"},
    "planning.package": {"nl": "Keuzepakket", "en": "Subject package"},
    "planning.exemption": {"nl": "vrijstelling", "en": "exemption"},
    "planning.exempt_short": {"nl": "vr", "en": "ex"},
    "planning.bulk": {
        "nl": "Geselecteerde leerlingen bewerken",
        "en": "Edit the selected students",
    },
    "planning.unchanged": {"nl": "(niet wijzigen)", "en": "(leave as is)"},
    "planning.no_home_class": {"nl": "(geen stamklas)", "en": "(no home class)"},
    "planning.project_leads": {
        "nl": "De stamklasindeling van deze afdeling wordt in het roosterbestand gemaakt (desktop "
        "leidend).",
        "en": "This department's home classes are made in the scheduler's project (project leads).",
    },
    "planning.apply_to_selection": {"nl": "Toepassen op selectie", "en": "Apply to selection"},
    "planning.nothing_selected": {
        "nl": "Selecteer eerst een of meer leerlingen in de tabel.",
        "en": "First select one or more students in the table.",
    },
    "planning.prognosis_help": {
        "nl": "Afdeling(en) volgend schooljaar, zoals 4V of 4H 50 / 4V 50",
        "en": "Department(s) next school year, like 4V or 4H 50 / 4V 50",
    },
    "planning.lwoo_label": {"nl": "Leerling heeft LWOO", "en": "Student has LWOO"},
    "planning.subjects_help": {
        "nl": "Vakken (gescheiden door spaties of komma's)",
        "en": "Subjects (separated by spaces or commas)",
    },
    "planning.exemptions_help": {
        "nl": "Vrijstellingen (vakken uit het pakket)",
        "en": "Exemptions (subjects of the package)",
    },
    "planning.choosable": {"nl": "Te kiezen", "en": "Choosable"},
    "people.home_classes": {"nl": "Mijn stamklassen", "en": "My home classes"},
    "people.no_home_classes": {
        "nl": "U bent nog geen mentor van een stamklas in schooljaar {year}. Vraag de "
        "applicatiebeheerder om u te koppelen.",
        "en": "You are not yet the mentor of a home class in school year {year}. Ask the "
        "administrator to link you.",
    },
    "people.no_groups": {
        "nl": "U bent nog niet aan een groep gekoppeld in schooljaar {year}. Vraag de "
        "applicatiebeheerder om u te koppelen.",
        "en": "You are not yet linked to a group in school year {year}. Ask the administrator to "
        "link you.",
    },
    "people.members": {"nl": "{n} leerlingen", "en": "{n} students"},
    "people.edit_prognosis": {"nl": "Prognose wijzigen", "en": "Change prognosis"},
    "people.my_details": {"nl": "Mijn gegevens", "en": "My details"},
    "people.address": {"nl": "Adres", "en": "Address"},
    "people.email": {"nl": "E-mail", "en": "Email"},
    "people.my_groups": {"nl": "Mijn groepen", "en": "My groups"},
    "people.my_package": {"nl": "Mijn keuzepakket", "en": "My subject package"},
    "people.choice_open": {
        "nl": "De keuzeperiode is open tot en met {closes}: kies uw vakken en sla op.",
        "en": "The choice window is open until {closes}: choose your subjects and save.",
    },
    "people.choice_closed": {
        "nl": "U kunt uw pakket nu niet wijzigen (keuzeperiode: {window}).",
        "en": "You cannot change your package now (choice window: {window}).",
    },
    "people.no_window": {"nl": "geen", "en": "none"},
    "people.saved": {"nl": "Uw keuze is opgeslagen.", "en": "Your choice has been saved."},
    "people.no_student": {
        "nl": "Dit account hoort niet bij een leerling.",
        "en": "This account does not belong to a student.",
    },
    "people.prognosis_saved": {
        "nl": "De prognose is opgeslagen.",
        "en": "The prognosis has been saved.",
    },
}
