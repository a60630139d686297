"""Messages of ``koppel privacy forget-left`` (the retention of students who left) and of
the setting it reads."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "settings.left_years_range": {
        "nl": "de bewaartermijn moet tussen {fewest} en {most} schooljaren liggen, niet {value}",
        "en": "the retention period must be between {fewest} and {most} school years, not {value}",
    },
    "settings.left_years": {
        "nl": "Gegevens van vertrokken leerlingen bewaren (schooljaren na vertrek)",
        "en": "Keep the data of students who left (school years after leaving)",
    },
    "settings.left_years_help": {
        "nl": "Daarna verwijdert koppel privacy forget-left de leerling met alles wat erbij "
        "hoort, ook uit het logboek. Een leerling is vertrokken in het laatste schooljaar "
        "waarin hij volgens de portal op school was: een afdeling, groep of pakketkeuze "
        "had, of een prognose kreeg.",
        "en": "After that, koppel privacy forget-left removes the student with everything "
        "that belongs to them, from the audit log too. A student left in the last school "
        "year in which the portal had them at school: with a department, group or package "
        "choice, or given a prognosis.",
    },
    "privacy.summary": {
        "nl": "Schooljaar {school_year}, bewaartermijn {years} schooljaren na vertrek: "
        "{left} vertrokken leerlingen, {forget} langer dan de termijn, {keep} blijven.",
        "en": "School year {school_year}, retention {years} school years after leaving: "
        "{left} students who left, {forget} past the period, {keep} kept.",
    },
    "privacy.heading": {
        "nl": "Te vergeten leerlingen",
        "en": "Students to forget",
    },
    "privacy.column.left_in": {"nl": "Vertrokken in", "en": "Left in"},
    "privacy.none": {
        "nl": "Geen vertrokken leerling is langer dan de termijn weg; er is niets te doen.",
        "en": "No student who left is past the retention period; there is nothing to do.",
    },
    "privacy.preview": {
        "nl": "Voorbeeld: er is niets geschreven. Voer het opnieuw uit zonder --dry-run om "
        "deze {count} leerlingen voorgoed te verwijderen; dit kan niet ongedaan worden "
        "gemaakt.",
        "en": "Preview: nothing was written. Run it again without --dry-run to remove these "
        "{count} students for good; this cannot be undone.",
    },
    "privacy.done": {
        "nl": "{count} vertrokken leerlingen voorgoed verwijderd, met hun account, "
        "afdelingen, groepen, prognoses, pakketkeuzes en hun regels in het logboek "
        "({entries} verwijderd, {cleaned} opgeschoond). Dit kan niet ongedaan worden gemaakt.",
        "en": "{count} students who left removed for good, with their account, departments, "
        "groups, prognoses, package choices and their audit log entries ({entries} removed, "
        "{cleaned} cleaned). This cannot be undone.",
    },
    "privacy.noted": {
        "nl": "{count} vertrokken leerlingen zonder enig spoor van hun vertrek: hun termijn "
        "loopt vanaf dit schooljaar.",
        "en": "{count} students who left without any trace of when: their period runs from "
        "this school year.",
    },
    "privacy.pending_run": {
        "nl": "Er wacht een set van de koppeling met de leerlingadministratie op een besluit "
        "(of wordt nu ingelezen): er is niets verwijderd. Keur die set goed of wijs hem af "
        "(koppel integration) en probeer het daarna opnieuw.",
        "en": "A set of the SIS integration waits for a decision (or is being imported now): "
        "nothing was removed. Approve or reject that set (koppel integration) and try "
        "again afterwards.",
    },
    "privacy.progress.find": {"nl": "Vertrokken leerlingen zoeken", "en": "Finding leavers"},
    "privacy.progress.remove": {"nl": "Leerlingen verwijderen", "en": "Removing students"},
    "privacy.progress.history": {"nl": "Logboek opschonen", "en": "Cleaning the audit log"},
}
