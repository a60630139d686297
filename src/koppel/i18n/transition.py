"""Messages of the year transition (jaarovergang): its steps, previews and reports."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "transition.groups_delete.choose": {
        "nl": "kies wat er weg moet: --all voor alle groepen van het schooljaar, of "
        "--folder NAAM voor de groepen van één map (niet allebei)",
        "en": "choose what to delete: --all for every group of the school year, or "
        "--folder NAME for the groups of one folder (not both)",
    },
    "transition.unknown_folder": {
        "nl": "map '{folder}' bestaat niet in schooljaar {year}; bestaande mappen: {folders}",
        "en": "folder '{folder}' does not exist in school year {year}; existing folders: {folders}",
    },
    "transition.no_folders": {"nl": "(geen)", "en": "(none)"},
    "transition.unknown_school_year": {
        "nl": "schooljaar {year} bestaat niet in het portal; bestaande schooljaren: {years} "
        "(kies er een met --school-year)",
        "en": "school year {year} does not exist in the portal; existing school years: {years} "
        "(choose one with --school-year)",
    },
    "transition.groups_delete.title": {
        "nl": "Groepen verwijderen, schooljaar {year} ({scope})",
        "en": "Deleting groups, school year {year} ({scope})",
    },
    "transition.scope.all": {"nl": "alle groepen", "en": "all groups"},
    "transition.scope.folder": {"nl": "map {folder}", "en": "folder {folder}"},
    "transition.count.groups": {"nl": "groepen", "en": "groups"},
    "transition.count.memberships": {"nl": "groepsindelingen", "en": "memberships"},
    "transition.count.teacher_links": {
        "nl": "koppelingen docent/mentor",
        "en": "teacher and mentor links",
    },
    "transition.count.previous_home_classes": {
        "nl": "leerlingen met stamklas oud",
        "en": "students given a previous home class",
    },
    "transition.examples": {"nl": "Bijvoorbeeld: {names}", "en": "For example: {names}"},
    "transition.students_kept": {
        "nl": "Leerlingen worden nooit verwijderd; prognoses en pakketkeuzes blijven bij de "
        "leerlingen.",
        "en": "Students are never deleted; prognoses and package choices stay with the students.",
    },
    "transition.nothing_left": {
        "nl": "Er zijn geen groepen meer om te verwijderen; er is niets veranderd.",
        "en": "There are no groups left to delete; nothing changed.",
    },
    "transition.preview_only": {
        "nl": "Voorbeeld: er is niets geschreven. Voer het uit zonder --dry-run om toe te passen.",
        "en": "Preview: nothing was written. Run it without --dry-run to apply.",
    },
    "transition.status_title": {
        "nl": "Jaarovergang {school_year}",
        "en": "Year transition {school_year}",
    },
    "transition.column.step": {"nl": "Stap", "en": "Step"},
    "transition.column.state": {"nl": "Stand", "en": "State"},
    "transition.step.import_files": {
        "nl": "Importbestanden: personeel inlezen (koppel import staff)",
        "en": "Import files: read the staff (koppel import staff)",
    },
    "transition.step.delete_groups": {
        "nl": "Oude groepen verwijderen (koppel groups delete)",
        "en": "Delete old groups (koppel groups delete)",
    },
    "transition.step.import_participants": {
        "nl": "Deelnemers met hun groepen inlezen (koppel import students)",
        "en": "Import participants with their groups (koppel import students)",
    },
    "transition.step.link_staff": {
        "nl": "Docenten en mentoren aan groepen koppelen (koppel import teacher-groups "
        "of de docentplanner)",
        "en": "Link teachers and mentors to groups (koppel import teacher-groups "
        "or the planner page)",
    },
    "transition.step.remove_departed": {
        "nl": "Vertrokken personeel verwijderen (koppel staff remove-departed)",
        "en": "Remove staff who left (koppel staff remove-departed)",
    },
    "transition.state.not_started": {"nl": "niet begonnen", "en": "not started"},
    "transition.state.previewed": {"nl": "voorbeeld bekeken", "en": "previewed"},
    "transition.state.undone": {"nl": "teruggedraaid", "en": "undone"},
    "transition.next": {
        "nl": "Volgende stap: {step}. Bekijk eerst wat die doet met --dry-run.",
        "en": "Next step: {step}. See first what it does with --dry-run.",
    },
    "transition.groups_kept": {
        "nl": "{count} groepen van het huidige schooljaar blijven daar bewaard als geschiedenis "
        "(wie in welke klas zat, welke docent welke groep had); ze gaan niet mee naar het "
        "nieuwe jaar.",
        "en": "{count} groups of the current school year are kept there as history (who was in "
        "which class, which teacher taught which group); they do not carry into the new year.",
    },
}
