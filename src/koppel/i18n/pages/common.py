"""Words on every page of the portal (layout, sign-in, errors)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "title": {"nl": "koppel portal", "en": "koppel portal"},
    "departments": {"nl": "Afdelingen", "en": "Departments"},
    "department": {"nl": "Afdeling", "en": "Department"},
    "code": {"nl": "Code", "en": "Code"},
    "name": {"nl": "Naam", "en": "Name"},
    "year": {"nl": "Leerjaar", "en": "Year"},
    "type": {"nl": "Onderwijssoort", "en": "Education type"},
    "lead": {"nl": "Stamklasindeling", "en": "Home classes"},
    "lead.portal": {"nl": "portal leidend", "en": "portal leads"},
    "lead.project": {"nl": "desktop leidend", "en": "project leads"},
    "student_number": {"nl": "Leerlingnummer", "en": "Student number"},
    "home_class": {"nl": "Stamklas", "en": "Home class"},
    "school_year": {"nl": "Schooljaar", "en": "School year"},
    "page": {"nl": "Pagina {page} van {pages}", "en": "Page {page} of {pages}"},
    "previous": {"nl": "Vorige", "en": "Previous"},
    "next": {"nl": "Volgende", "en": "Next"},
    "back": {"nl": "Terug naar de afdelingen", "en": "Back to the departments"},
    "empty": {
        "nl": "Nog geen afdelingen. Bouw een demoschool met 'koppel demo' of importeer bestanden "
        "uit de leerlingadministratie.",
        "en": "No departments yet. Build a demo school with 'koppel demo' or import the files "
        "from the student administration.",
    },
    "audit_log": {"nl": "Logboek", "en": "Audit log"},
    "when": {"nl": "Wanneer", "en": "When"},
    "who": {"nl": "Wie", "en": "Who"},
    "what": {"nl": "Wat", "en": "What"},
    "subject": {"nl": "Waarover", "en": "About"},
    "change_set": {"nl": "Wijzigingenset", "en": "Change set"},
    "change_password": {"nl": "Wachtwoord wijzigen", "en": "Change password"},
    "current_password": {"nl": "Huidig wachtwoord", "en": "Current password"},
    "new_password": {
        "nl": "Nieuw wachtwoord (minstens 12 tekens)",
        "en": "New password (at least 12 characters)",
    },
    "repeat_password": {"nl": "Nieuw wachtwoord nog eens", "en": "New password again"},
    "password_changed": {
        "nl": "Uw wachtwoord is gewijzigd; andere sessies zijn beëindigd.",
        "en": "Your password has been changed; other sessions have ended.",
    },
    "sign_in": {"nl": "Inloggen", "en": "Sign in"},
    "sign_out": {"nl": "Uitloggen", "en": "Sign out"},
    "username": {"nl": "Gebruikersnaam", "en": "Username"},
    "password": {"nl": "Wachtwoord", "en": "Password"},
    "forbidden": {"nl": "Geen toegang", "en": "No access"},
    "forbidden_text": {
        "nl": "Deze pagina hoort niet bij uw rol of uw afdelingen. Ga verder vanaf uw "
        "startpagina; hebt u deze pagina nodig, vraag dan de beheerder van koppel om toegang.",
        "en": "This page does not belong to your role or your departments. Carry on from your "
        "start page; if you need this page, ask koppel's administrator for access.",
    },
    "csrf_expired": {
        "nl": "Het formulier is verlopen of ongeldig; er is niets gewijzigd. Laad de pagina "
        "opnieuw en probeer het nog eens.",
        "en": "The form has expired or is not valid; nothing was changed. Reload the page and try "
        "again.",
    },
    "language": {"nl": "English", "en": "Nederlands"},
    "nav.skip_to_content": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "nav.main": {"nl": "Hoofdmenu", "en": "Main menu"},
    "not_found_title": {"nl": "Niet gevonden", "en": "Not found"},
    "errors.no_such_page": {
        "nl": "Deze pagina bestaat niet: de link is verouderd of het adres is verkeerd "
        "getypt. Er is niets gewijzigd. Ga verder vanaf de startpagina.",
        "en": "This page does not exist: the link is out of date or the address was mistyped. "
        "Nothing was changed. Carry on from the start page.",
    },
    "errors.wrong_method_title": {
        "nl": "Deze pagina kan zo niet gebruikt worden",
        "en": "This page cannot be used this way",
    },
    "errors.wrong_method": {
        "nl": "Het adres bestaat, maar niet voor deze handeling (bijvoorbeeld een formulier "
        "dat opnieuw is verstuurd naar een pagina die alleen te bekijken is). Er is niets "
        "gewijzigd. Open de pagina opnieuw vanuit het menu.",
        "en": "The address exists, but not for this action (for example a form sent again to a "
        "page that can only be viewed). Nothing was changed. Open the page again from the menu.",
    },
    "errors.refused_title": {
        "nl": "Dit verzoek kon niet worden verwerkt",
        "en": "This request could not be handled",
    },
    "errors.refused": {
        "nl": "Het verzoek klopt niet (foutcode {status}). Er is niets gewijzigd. Open de "
        "pagina opnieuw vanuit het menu en probeer het nog eens.",
        "en": "The request is not valid (error code {status}). Nothing was changed. Open the page "
        "again from the menu and try again.",
    },
    "errors.to_start": {"nl": "Naar uw startpagina", "en": "To your start page"},
    "errors.to_sign_in": {"nl": "Naar de inlogpagina", "en": "To the sign-in page"},
    "busy.title": {"nl": "Even geduld", "en": "Please wait"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
}
