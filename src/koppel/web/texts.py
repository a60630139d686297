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
        "audit_log": "Logboek",
        "when": "Wanneer",
        "who": "Wie",
        "what": "Wat",
        "subject": "Waarover",
        "change_set": "Wijzigingenset",
        "change_password": "Wachtwoord wijzigen",
        "current_password": "Huidig wachtwoord",
        "new_password": "Nieuw wachtwoord (minstens 12 tekens)",
        "repeat_password": "Nieuw wachtwoord nog eens",
        "password_changed": "Uw wachtwoord is gewijzigd; andere sessies zijn beëindigd.",
        "sign_in": "Inloggen",
        "sign_out": "Uitloggen",
        "username": "Gebruikersnaam",
        "password": "Wachtwoord",
        "forbidden": "Geen toegang",
        "forbidden_text": "Deze pagina hoort niet bij uw rol of uw afdelingen.",
        "csrf_expired": "Het formulier is verlopen of ongeldig; er is niets gewijzigd. "
        "Laad de pagina opnieuw en probeer het nog eens.",
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
        "audit_log": "Audit log",
        "when": "When",
        "who": "Who",
        "what": "What",
        "subject": "About",
        "change_set": "Change set",
        "change_password": "Change password",
        "current_password": "Current password",
        "new_password": "New password (at least 12 characters)",
        "repeat_password": "New password again",
        "password_changed": "Your password has been changed; other sessions have ended.",
        "sign_in": "Sign in",
        "sign_out": "Sign out",
        "username": "Username",
        "password": "Password",
        "forbidden": "No access",
        "forbidden_text": "This page does not belong to your role or your departments.",
        "csrf_expired": "The form has expired or is not valid; nothing was changed. "
        "Reload the page and try again.",
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
