"""Words on the portal's pages, in Dutch (default) and English."""

from __future__ import annotations

from typing import Final

from fastapi import Request

from koppel.i18n import DEFAULT_LANGUAGE, LANGUAGES

PAGE_TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "title": "koppel portal",
        "departments": "Afdelingen",
        "department": "Afdeling",
        "code": "Code",
        "name": "Naam",
        "year": "Leerjaar",
        "type": "Onderwijssoort",
        "lead": "Stamklasindeling",
        "lead.portal": "portal leidend",
        "lead.project": "desktop leidend",
        "students": "Leerlingen",
        "student_number": "Leerlingnummer",
        "home_class": "Stamklas",
        "school_year": "Schooljaar",
        "page": "Pagina {page} van {pages}",
        "previous": "Vorige",
        "next": "Volgende",
        "back": "Terug naar de afdelingen",
        "empty": "Nog geen afdelingen. Bouw een demoschool met 'koppel demo' of importeer "
        "bestanden uit de leerlingadministratie.",
        "preview": "Voorlopige weergave: alleen lezen, alleen bereikbaar op deze computer.",
        "language": "English",
        "not_found": "Niet gevonden",
    },
    "en": {
        "title": "koppel portal",
        "departments": "Departments",
        "department": "Department",
        "code": "Code",
        "name": "Name",
        "year": "Year",
        "type": "Education type",
        "lead": "Home classes",
        "lead.portal": "portal leads",
        "lead.project": "project leads",
        "students": "Students",
        "student_number": "Student number",
        "home_class": "Home class",
        "school_year": "School year",
        "page": "Page {page} of {pages}",
        "previous": "Previous",
        "next": "Next",
        "back": "Back to the departments",
        "empty": "No departments yet. Build a demo school with 'koppel demo' or import the "
        "files from the student administration.",
        "preview": "Preview: read only, reachable from this computer only.",
        "language": "Nederlands",
        "not_found": "Not found",
    },
}


def language_of(request: Request) -> str:
    """``?lang=en`` wins, then the ``lang`` cookie, then the browser's Accept-Language."""
    for chosen in (request.query_params.get("lang"), request.cookies.get("lang")):
        if chosen in LANGUAGES:
            return chosen
    accepted = request.headers.get("accept-language", "").lower()
    if accepted.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE
