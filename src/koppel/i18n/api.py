"""Texts of the connector's JSON API (``/api/v1``): what it refuses, and why."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "api.no_such_route": {
        "nl": "deze API kent dit adres niet; de routes staan in /openapi.json",
        "en": "the API has no such address; its routes are listed in /openapi.json",
    },
    "api.method_not_allowed": {
        "nl": "dit adres van de API kent deze methode niet; zie /openapi.json",
        "en": "this address of the API does not take this method; see /openapi.json",
    },
    "api.refused": {
        "nl": "de API weigerde dit verzoek (HTTP {status})",
        "en": "the API refused this request (HTTP {status})",
    },
    "api.forbidden": {
        "nl": "dit token mag dit niet: alleen tokens met de rol roostermaker of beheerder "
        "lezen en schrijven gegevens voor de portalconnector",
        "en": "this token may not do this: only tokens with the role scheduler or "
        "administrator read and write data for the connector",
    },
    "api.invalid_request": {
        "nl": "het verzoek klopt niet: {details}",
        "en": "the request is not valid: {details}",
    },
    "api.unknown_domain": {
        "nl": "onbekend domein '{domain}'; bekend zijn: {known}",
        "en": "unknown domain '{domain}'; known are: {known}",
    },
    "api.unknown_department": {
        "nl": "afdeling '{department}' bestaat niet",
        "en": "department '{department}' does not exist",
    },
    "api.unknown_school_year": {
        "nl": "schooljaar '{school_year}' bestaat niet in het portal",
        "en": "school year '{school_year}' does not exist in the portal",
    },
    "api.unknown_student": {
        "nl": "leerling '{student}' bestaat niet",
        "en": "student '{student}' does not exist",
    },
    "api.bad_cursor": {
        "nl": "de cursor hoort niet bij dit domein en schooljaar, of is beschadigd; begin "
        "opnieuw zonder cursor",
        "en": "the cursor does not belong to this domain and school year, or is damaged; "
        "start again without a cursor",
    },
    "api.bad_limit": {
        "nl": "limit moet tussen {low} en {high} liggen",
        "en": "limit must be between {low} and {high}",
    },
    "api.student_exists": {
        "nl": "leerling '{student}' bestaat al in het portal",
        "en": "student '{student}' already exists in the portal",
    },
    "api.account_exists": {
        "nl": "account '{username}' bestaat al",
        "en": "account '{username}' already exists",
    },
    "api.portal_leads": {
        "nl": "in afdeling {department} is het portal leidend voor de stamklassen: "
        "uploaden kan alleen waar het roosterbestand leidt",
        "en": "the portal leads the home classes of department {department}: upload is "
        "only possible where the project leads",
    },
    "api.not_in_department": {
        "nl": "leerling '{student}' neemt dit schooljaar niet deel aan afdeling {department}",
        "en": "student '{student}' does not take part in department {department} this school year",
    },
    "api.not_a_home_class": {
        "nl": "groep '{group}' is geen stamklas van afdeling {department}",
        "en": "group '{group}' is not a home class of department {department}",
    },
    "api.not_a_cluster_group": {
        "nl": "geen clustergroep: {group}",
        "en": "not a cluster group: {group}",
    },
    "api.if_match_required": {
        "nl": "een wijziging noemt de versie waarop ze is gebaseerd: stuur If-Match met "
        'de versie van het record (zoals "12")',
        "en": "a change names the version it is based on: send If-Match with the record's "
        'version (like "12")',
    },
    "api.version_stale": {
        "nl": "leerling '{student}' is inmiddels gewijzigd: If-Match {expected}, huidige "
        "versie {current}; lees opnieuw en probeer het dan nog eens",
        "en": "student '{student}' has changed meanwhile: If-Match {expected}, current "
        "version {current}; read again and then retry",
    },
    "api.idempotency_key_required": {
        "nl": "stuur een Idempotency-Key mee, zodat een herhaald verzoek maar één keer "
        "wordt uitgevoerd",
        "en": "send an Idempotency-Key, so that a repeated request is applied only once",
    },
    "api.idempotency_key_reused": {
        "nl": "Idempotency-Key '{key}' is al gebruikt voor een ander verzoek",
        "en": "Idempotency-Key '{key}' was already used for a different request",
    },
    "api.upload_refused": {
        "nl": "er is niets geschreven, want er zijn items geweigerd ({refused} van de "
        "{items}); 'items' zegt per item waarom: laat die items weg of verbeter ze en "
        "stuur de rest opnieuw",
        "en": "nothing was written, because items were refused ({refused} of {items}); "
        "'items' says why for each: leave those items out or correct them and send the "
        "rest again",
    },
    "api.upload_stale": {
        "nl": "er is niets geschreven, want in {refused} van de {items} items is de versie "
        "van de leerling verouderd; lees die leerlingen opnieuw (of laat die items weg) en "
        "stuur de upload opnieuw",
        "en": "nothing was written, because in {refused} of the {items} items the "
        "student's version is out of date; read those students again (or leave those items "
        "out) and send the upload again",
    },
    "api.item_version_stale": {
        "nl": "leerling '{student}' is inmiddels gewijzigd: het item noemt versie "
        "{expected}, de huidige versie is {current}; lees de leerling opnieuw",
        "en": "student '{student}' has changed meanwhile: the item names version "
        "{expected}, the current version is {current}; read the student again",
    },
    "api.upload_duplicate": {
        "nl": "leerling '{student}' staat al in item {first} van {list}: noem elke leerling "
        "(per afdeling) maar één keer",
        "en": "student '{student}' is in item {first} of {list} already: name each student "
        "(per department) only once",
    },
    "api.unknown_changeset": {
        "nl": "wijzigingenset '{changeset}' bestaat niet; controleer het nummer dat de "
        "upload teruggaf",
        "en": "change set '{changeset}' does not exist; check the id the upload answered",
    },
    "api.changeset_not_yours": {
        "nl": "wijzigingenset '{changeset}' is niet via de API door account '{actor}' "
        "gemaakt: een token maakt alleen de eigen API-wijzigingen ongedaan; andere kan de "
        "beheerder ongedaan maken met koppel undo {changeset}",
        "en": "change set '{changeset}' was not made through the API by account '{actor}': "
        "a token undoes only its own API changes; an administrator can undo others with "
        "koppel undo {changeset}",
    },
    "api.undo_not_latest": {
        "nl": "wijzigingenset {changeset} kan pas ongedaan worden gemaakt na de nieuwere "
        "wijzigingenset {newer}: maak die eerst ongedaan",
        "en": "change set {changeset} can only be undone after the newer change set "
        "{newer}: undo that one first",
    },
    "api.token_without_departments": {
        "nl": "dit token van een roostermaker is niet beperkt tot afdelingen (het is gemaakt "
        "voordat tokens afdelingen kregen) en werkt daarom niet meer: laat de beheerder een "
        "nieuw token maken voor de afdelingen van het roosterbestand, met koppel token "
        "create NAAM --user {username} --department 4V (of in Beheer > API-tokens), en "
        "zet het in het roosterbestand met koppel project token BESTAND --token ...",
        "en": "this scheduler's token is not limited to departments (it was made before "
        "tokens had departments) and so no longer works: ask the administrator for a new "
        "token for the project's departments, with koppel token create NAME --user "
        "{username} --department 4V (or under Beheer > API-tokens), and put it in the "
        "project file with koppel project token FILE --token ...",
    },
    "api.department_out_of_scope": {
        "nl": "dit token geldt alleen voor afdeling(en) {allowed}; afdeling(en) {departments} "
        "vallen erbuiten en worden niet gelezen of gewijzigd",
        "en": "this token is only for department(s) {allowed}; department(s) {departments} "
        "are outside it and are not read or changed",
    },
    "api.student_out_of_scope": {
        "nl": "leerling '{student}' neemt in dit schooljaar niet deel aan een afdeling van "
        "dit token ({allowed}): het token leest en wijzigt die leerling niet",
        "en": "student '{student}' takes part in no department of this token ({allowed}) "
        "this school year: the token does not read or change that student",
    },
    "api.changeset_out_of_scope": {
        "nl": "wijzigingenset '{changeset}' raakt leerlingen of afdelingen buiten de "
        "afdelingen van dit token ({allowed}); er is niets ongedaan gemaakt. De beheerder "
        "kan hem ongedaan maken met koppel undo {changeset}",
        "en": "change set '{changeset}' touches students or departments outside this "
        "token's departments ({allowed}); nothing was undone. An administrator can undo it "
        "with koppel undo {changeset}",
    },
    "request.too_large": {
        "nl": "Het verzoek is te groot (meer dan {limit} MB) en is niet gelezen; er is niets "
        "veranderd. Stuur minder tegelijk, of kleinere bestanden.",
        "en": "The request is too large (more than {limit} MB) and was not read; nothing "
        "changed. Send less at once, or smaller files.",
    },
}
