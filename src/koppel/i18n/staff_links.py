"""Messages of the docentplanner: linking teachers and mentors to groups in the portal
(year transition, step 4)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "staff_links.group_missing": {
        "nl": "kies een groep; er is niets gewijzigd",
        "en": "choose a group; nothing was changed",
    },
    "staff_links.group_unknown": {
        "nl": "groep '{group}' bestaat niet in schooljaar {year}; er is niets gewijzigd. "
        "Kies een groep uit de lijst, of lees de groepen eerst in (stap 3).",
        "en": "group '{group}' does not exist in school year {year}; nothing was changed. "
        "Choose a group from the list, or import the groups first (step 3).",
    },
    "staff_links.staff_missing": {
        "nl": "kies een medewerker; er is niets gewijzigd",
        "en": "choose a staff member; nothing was changed",
    },
    "staff_links.staff_code_format": {
        "nl": "docentcode '{value}' kan niet: een docentcode heeft 2 tot 8 letters of "
        "cijfers; er is niets gewijzigd. Kies een medewerker uit de lijst.",
        "en": "staff code '{value}' cannot be: a staff code has 2 to 8 letters or digits; "
        "nothing was changed. Choose a staff member from the list.",
    },
    "staff_links.staff_unknown": {
        "nl": "er is geen medewerker met docentcode '{code}'; er is niets gewijzigd. "
        "Lees nieuwe medewerkers eerst in met koppel import staff.",
        "en": "no staff member has staff code '{code}'; nothing was changed. Import new "
        "staff first with koppel import staff.",
    },
    "staff_links.staff_left": {
        "nl": "medewerker {code} is niet meer actief en kan niet worden gekoppeld; er is "
        "niets gewijzigd. Kies een actieve medewerker.",
        "en": "staff member {code} is no longer active and cannot be linked; nothing was "
        "changed. Choose an active staff member.",
    },
    "staff_links.role_unknown": {
        "nl": "rol '{value}' bestaat niet: kies docent of mentor; er is niets gewijzigd",
        "en": "role '{value}' does not exist: choose teacher or mentor; nothing was changed",
    },
    "staff_links.add_and_remove": {
        "nl": "{code} kan niet in één keer aan {group} worden gekoppeld én ervan worden "
        "ontkoppeld; er is niets gewijzigd",
        "en": "{code} cannot be linked to and unlinked from {group} at once; nothing was changed",
    },
}
