"""Texts of accounts, API tokens, department settings and two-factor sign-in."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "account.deactivate_self": {
        "nl": "u kunt uw eigen account niet op non-actief zetten: dan kan niemand het "
        "terugzetten. Laat een andere beheerder dit doen",
        "en": "you cannot deactivate your own account: nobody could turn it back on. "
        "Ask another administrator",
    },
    "account.own_admin_role": {
        "nl": "u kunt uw eigen rol beheerder niet weghalen: dan kunt u deze pagina niet meer "
        "gebruiken. Laat een andere beheerder dit doen",
        "en": "you cannot take away your own administrator role: you could no longer use "
        "this page. Ask another administrator",
    },
    "account.link_taken": {
        "nl": "deze leerling of medewerker heeft al een account: {username}",
        "en": "this student or staff member has an account already: {username}",
    },
    "cli.user.totp_reset": {
        "nl": "Tweestapsverificatie van {username} staat uit; zijn sessies zijn beëindigd. Bij "
        "de volgende keer inloggen kan een nieuwe app worden ingesteld.",
        "en": "Two-factor sign-in of {username} is off; its sessions have ended. A new app "
        "can be set up at the next sign-in.",
    },
    "cli.user.totp_was_off": {
        "nl": "Tweestapsverificatie van {username} stond al uit; er is niets veranderd.",
        "en": "Two-factor sign-in of {username} was off already; nothing changed.",
    },
    "token.name": {
        "nl": "tokennaam '{value}' mag alleen letters, cijfers, '.', '_' en '-' bevatten "
        "(1 tot 64 tekens), bijv. rooster-pc",
        "en": "token name '{value}' may hold only letters, digits, '.', '_' and '-' "
        "(1 to 64 characters), e.g. rooster-pc",
    },
    "token.departments_required": {
        "nl": "een token van een roostermaker geldt alleen voor de afdelingen van zijn "
        "roosterbestand: kies er minstens één (koppel token create NAAM --user ACCOUNT "
        "--department 4V --department 5V)",
        "en": "a scheduler's token is only for the departments of its project: choose at "
        "least one (koppel token create NAME --user ACCOUNT --department 4V --department 5V)",
    },
    "token.departments_only_scheduler": {
        "nl": "alleen een token met de rol roostermaker is beperkt tot afdelingen; een token "
        "van een beheerder geldt voor de hele school en andere rollen lezen geen "
        "leerlinggegevens via de API: laat de afdelingen weg",
        "en": "only a token with the role scheduler is limited to departments; an "
        "administrator's token is for the whole school and other roles read no student "
        "data through the API: leave the departments out",
    },
    "token.whole_school": {"nl": "hele school", "en": "whole school"},
    "token.no_departments": {
        "nl": "geen: werkt niet meer, maak een nieuw token met afdelingen",
        "en": "none: no longer works, make a new token with departments",
    },
    "form.invalid": {
        "nl": "{count} veld(en) kloppen niet; er is niets opgeslagen. Zie de meldingen bij "
        "de velden",
        "en": "{count} field(s) are not right; nothing was saved. See the messages next "
        "to the fields",
    },
    "subject.format": {
        "nl": "geen geldige vakcode: {value} (kleine letters en cijfers, hoogstens 16 tekens, "
        "gescheiden door komma's of spaties)",
        "en": "not a valid subject code: {value} (lower-case letters and digits, at most 16 "
        "characters, separated by commas or spaces)",
    },
    "date.format": {
        "nl": "'{value}' is geen datum; schrijf jjjj-mm-dd, bijv. 2027-03-01",
        "en": "'{value}' is not a date; write yyyy-mm-dd, e.g. 2027-03-01",
    },
    "department.lead": {
        "nl": "'{value}' is geen keuze: kies portal leidend of desktop leidend",
        "en": "'{value}' is not a choice: choose portal leads or project leads",
    },
    "sign_in.expired": {
        "nl": "De inlogpoging is verlopen. Log opnieuw in met uw wachtwoord.",
        "en": "The sign-in attempt has expired. Sign in again with your password.",
    },
    "two_factor.wrong_code": {
        "nl": "De code klopt niet of is al gebruikt. Wacht op de volgende code in de app en "
        "probeer het opnieuw.",
        "en": "The code is not right or was used already. Wait for the next code in the app "
        "and try again.",
    },
    "two_factor.already_on": {
        "nl": "tweestapsverificatie staat al aan; zet haar eerst uit om een nieuwe app te koppelen",
        "en": "two-factor sign-in is on already; turn it off first to link a new app",
    },
    "two_factor.not_on": {
        "nl": "tweestapsverificatie staat niet aan; er is niets veranderd",
        "en": "two-factor sign-in is not on; nothing changed",
    },
    "two_factor.no_setup": {
        "nl": "er wordt geen tweestapsverificatie ingesteld; begin opnieuw met 'Instellen'",
        "en": "no two-factor sign-in is being set up; start again with 'Set up'",
    },
    "two_factor.required": {
        "nl": "de school verplicht tweestapsverificatie voor beheerders; u kunt haar niet "
        "uitzetten. Een nieuwe telefoon? Laat een andere beheerder haar resetten",
        "en": "the school requires two-factor sign-in for administrators; you cannot turn it "
        "off. A new phone? Ask another administrator to reset it",
    },
}
