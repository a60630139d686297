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
    "sign_in.busy": {
        "nl": "Er wordt nu erg veel tegelijk ingelogd. Probeer het over een paar seconden opnieuw.",
        "en": "Very many people are signing in at this moment. Try again in a few seconds.",
    },
    "sign_in.address_paused": {
        "nl": "Te veel mislukte pogingen vanaf dit netwerk: probeer het over {minutes} "
        "minuten opnieuw.",
        "en": "Too many failed attempts from this network: try again in {minutes} minutes.",
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
    "secret_key.missing": {
        "nl": "de sleutel van de tweestapsgeheimen ontbreekt: {where} bestaat niet. Zet het "
        "sleutelbestand terug uit de back-up van de database, of geef de sleutel met "
        "KOPPEL_SECRET_KEY",
        "en": "the key of the two-factor secrets is missing: {where} does not exist. Restore "
        "the key file from the database's backup, or give the key in KOPPEL_SECRET_KEY",
    },
    "secret_key.wrong": {
        "nl": "een opgeslagen tweestapsgeheim gaat niet open met de sleutel uit {where}. Zet "
        "de juiste sleutel terug (uit de back-up; oudere sleutels na de nieuwste); is die er "
        "niet meer, zet dan de tweestapsverificatie van de accounts uit met 'koppel user "
        "reset-totp'",
        "en": "a stored two-factor secret does not open with the key from {where}. Restore "
        "the right key (from the backup; older keys after the newest); if it is gone, turn "
        "the accounts' two-factor sign-in off with 'koppel user reset-totp'",
    },
    "secret_key.invalid": {
        "nl": "{where} bevat geen geldige sleutel voor de tweestapsgeheimen: elke sleutel is "
        "44 tekens URL-veilige base64 (zoals in het sleutelbestand dat koppel maakt), "
        "gescheiden door komma's, spaties of regels",
        "en": "{where} holds no valid key for the two-factor secrets: each key is 44 "
        "characters of URL-safe base64 (as in the key file koppel makes), separated by "
        "commas, spaces or lines",
    },
    "secret_key.unreadable": {
        "nl": "de sleutel van de tweestapsgeheimen kan niet gelezen worden uit {where}: {reason}",
        "en": "the key of the two-factor secrets cannot be read from {where}: {reason}",
    },
    "secret_key.not_a_file": {
        "nl": "de sleutels komen uit {setting}, niet uit een sleutelbestand: zet daar zelf een "
        "nieuwe sleutel vooraan (oude erachter) en draai 'koppel secrets rotate' zonder "
        "--new-key of --drop-old-keys",
        "en": "the keys come from {setting}, not from a key file: put a new key in front there "
        "yourself (old ones after it) and run 'koppel secrets rotate' without --new-key or "
        "--drop-old-keys",
    },
    "secret_key.page_title": {
        "nl": "Inloggen kan nu niet",
        "en": "Signing in is not possible now",
    },
    "secret_key.page": {
        "nl": "Het portal kan de gegevens van de tweestapsverificatie niet lezen: de sleutel "
        "op de server ontbreekt of klopt niet. Meld het de beheerder van de server; het "
        "serverlog zegt welke instelling.",
        "en": "The portal cannot read the two-factor sign-in data: the key on the server is "
        "missing or wrong. Tell the server's administrator; the server log says which "
        "setting.",
    },
    "cli.secrets.checked": {
        "nl": "{total} tweestapsgeheimen: {current} met de nieuwste sleutel, {older} met een "
        "oudere, {plain} nog onversleuteld. Sleutel uit {where}.",
        "en": "{total} two-factor secrets: {current} with the newest key, {older} with an "
        "older one, {plain} not encrypted yet. Key from {where}.",
    },
    "cli.secrets.key_added": {
        "nl": "Nieuwe sleutel vooraan gezet in {where}; de oude sleutels staan erachter.",
        "en": "New key put in front in {where}; the old keys follow it.",
    },
    "cli.secrets.resealed": {
        "nl": "{count} tweestapsgeheimen opnieuw versleuteld met de nieuwste sleutel (waarvan "
        "{plain} voor het eerst).",
        "en": "{count} two-factor secrets encrypted anew with the newest key ({plain} of them "
        "for the first time).",
    },
    "cli.secrets.dropped": {
        "nl": "{count} oudere sleutel(s) uit het sleutelbestand gehaald; bewaar het vorige "
        "sleutelbestand bij oudere back-ups van de database.",
        "en": "{count} older key(s) taken out of the key file; keep the previous key file "
        "with older backups of the database.",
    },
}
