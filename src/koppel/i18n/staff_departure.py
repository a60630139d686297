"""Messages of ``koppel staff remove-departed`` (year transition, step 5) and of the
settings it reads."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "staff_departure.too_many": {
        "nl": "{count} van de {total} actieve medewerkers zouden worden gedeactiveerd "
        "({share}%, meer dan de ingestelde {limit}%): er is niets geschreven. Controleer "
        "het personeelsbestand, of gebruik --force.",
        "en": "{count} of the {total} active staff members would be deactivated ({share}%, "
        "more than the school's limit of {limit}%): nothing was written. Check the staff "
        "file, or use --force.",
    },
    "staff_departure.not_in_portal": {
        "nl": "{code} staat niet in de portal; lees nieuwe medewerkers in met koppel import staff",
        "en": "{code} is not in the portal; import new staff with koppel import staff",
    },
    "staff_departure.summary": {
        "nl": "Personeelsbestand {file}: {rows} regels, {kept} actieve medewerkers blijven, "
        "{count} vertrokken.",
        "en": "Staff file {file}: {rows} rows, {kept} active staff members stay, {count} left.",
    },
    "staff_departure.heading": {
        "nl": "Vertrokken medewerkers (niet in het bestand)",
        "en": "Staff who left (not in the file)",
    },
    "staff_departure.none": {
        "nl": "Alle actieve medewerkers staan in het bestand; er is niets te doen.",
        "en": "Every active staff member is in the file; there is nothing to do.",
    },
    "staff_departure.applied": {
        "nl": "{count} medewerkers gedeactiveerd (gegevens: {retention}); wijzigingenset "
        "{changeset} (ongedaan maken: koppel undo {changeset}).",
        "en": "{count} staff members deactivated (data: {retention}); change set {changeset} "
        "(to undo: koppel undo {changeset}).",
    },
    "staff_departure.preview": {
        "nl": "Voorbeeld: er is niets geschreven. Voer het opnieuw uit zonder --dry-run om "
        "deze medewerkers te deactiveren.",
        "en": "Preview: nothing was written. Run it again without --dry-run to deactivate "
        "these staff members.",
    },
    "staff_departure.retention.keep": {"nl": "bewaard", "en": "kept"},
    "settings.max_share_range": {
        "nl": "het aandeel moet tussen 0 en 100 procent liggen, niet {value}",
        "en": "the share must be between 0 and 100 percent, not {value}",
    },
}
