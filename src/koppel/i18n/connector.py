"""Texts of the project and the portal connector (command line and, later, its pages)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "domain.students": {"nl": "Leerlingen", "en": "Students"},
    "domain.personal_data": {"nl": "Persoonsgegevens", "en": "Personal data"},
    "domain.department_participation": {"nl": "Afdelingsdeelname", "en": "Participation"},
    "domain.lwoo": {"nl": "LWOO", "en": "LWOO"},
    "domain.prognoses": {"nl": "Prognoses", "en": "Prognoses"},
    "domain.package_choices": {"nl": "Pakketkeuzes", "en": "Package choices"},
    "domain.home_classes": {"nl": "Stamklassen", "en": "Home classes"},
    "domain.cluster_groups": {"nl": "Clustergroepen", "en": "Cluster groups"},
    "direction.download": {"nl": "download naar project", "en": "download to the project"},
    "direction.upload": {"nl": "upload naar portal", "en": "upload to the portal"},
    "direction.both": {"nl": "beide kanten op", "en": "both ways"},
    "project.exists": {
        "nl": "{path} bestaat al; kies een andere bestandsnaam of verwijder het eerst",
        "en": "{path} already exists; choose another file name or remove it first",
    },
    "project.no_folder": {
        "nl": "de map van {path} bestaat niet; maak die eerst aan",
        "en": "the folder of {path} does not exist; create it first",
    },
    "project.missing": {
        "nl": "roosterbestand {path} bestaat niet; maak het met 'koppel project init'",
        "en": "project file {path} does not exist; create it with 'koppel project init'",
    },
    "project.not_saved": {
        "nl": "het roosterbestand {path} kon niet worden opgeslagen ({reason}): de schijf is "
        "vol, het bestand mag niet groter worden of de schijf gaf een fout. Het roosterbestand "
        "is ongewijzigd: de wijziging is teruggedraaid. Maak ruimte vrij en probeer het opnieuw",
        "en": "the project file {path} could not be saved ({reason}): the disk is full, the "
        "file may not grow or the disk failed. The project file is unchanged: the change was "
        "rolled back. Free some space and try again",
    },
    "project.not_a_project": {
        "nl": "{path} is geen roosterbestand van koppel",
        "en": "{path} is not a koppel project file",
    },
    "project.bad_departments": {
        "nl": "geef minstens één afdeling met --departments, bijv. 4H,4V",
        "en": "give at least one department with --departments, e.g. 4H,4V",
    },
    "project.unknown_departments": {
        "nl": "het portal kent afdeling(en) {departments} niet; bekend zijn: {known}",
        "en": "the portal does not know department(s) {departments}; known are: {known}",
    },
    "project.token_scope": {
        "nl": "het token geldt niet voor afdeling(en) {missing} van dit roosterbestand (het "
        "geldt voor: {allowed}); er is niets gemaakt. Laat de beheerder een token maken voor "
        "alle afdelingen van het project: koppel token create NAAM --user {username} "
        "--department {wanted}",
        "en": "the token is not for department(s) {missing} of this project (it is for: "
        "{allowed}); nothing was made. Ask the administrator for a token for all of the "
        "project's departments: koppel token create NAME --user {username} --department "
        "{wanted}",
    },
    "project.token_set": {
        "nl": "Roosterbestand {path} gebruikt nu het nieuwe token (afdelingen {departments}). "
        "Laat de beheerder het oude token intrekken.",
        "en": "Project {path} now uses the new token (departments {departments}). Ask the "
        "administrator to revoke the old token.",
    },
    "project.not_project_led": {
        "nl": "in afdeling {department} is het portal leidend voor stamklassen: pas de "
        "stamklas aan in het portal, of laat de beheerder het project leidend maken",
        "en": "in department {department} the portal leads home classes: change the home "
        "class in the portal, or ask the administrator to make the project lead",
    },
    "project.group_name_too_long": {
        "nl": "een groepsnaam is hoogstens 40 tekens lang",
        "en": "a group name is at most 40 characters long",
    },
    "project.property_name": {
        "nl": "'{name}' is geen naam voor een extra eigenschap: hoofdletters, cijfers en _, "
        "eventueel met # ervoor, zoals #EMAIL",
        "en": "'{name}' is not a name for an extra property: capitals, digits and _, "
        "optionally after #, like #EMAIL",
    },
    "project.property_value": {
        "nl": "de waarde van {name} is te lang (hoogstens 254 tekens) of bevat stuurtekens",
        "en": "the value of {name} is too long (at most 254 characters) or holds control "
        "characters",
    },
    "project.property_unchanged": {
        "nl": "Niets veranderd: de eigenschap had die waarde al.",
        "en": "Nothing changed: the property had that value already.",
    },
    "project.property_set": {
        "nl": "Extra eigenschap {name} van {student} aangepast (wijzigingenset {changeset}).",
        "en": "Extra property {name} of {student} changed (change set {changeset}).",
    },
    "project.open": {
        "nl": "Roosterbestand {path} geopend op {url}; de browser opent het via het startbestand "
        "{launch} (één keer te gebruiken, alleen voor die browser; stop met Ctrl+C).",
        "en": "Project file {path} open at {url}; the browser opens it through the launch "
        "file {launch} (works once, for that browser only; stop with Ctrl+C).",
    },
    "project.open_yourself": {
        "nl": "Roosterbestand {path} geopend op {url}; open het startbestand {launch} in uw "
        "browser (één keer te gebruiken, alleen voor die browser; stop met Ctrl+C).",
        "en": "Project file {path} open at {url}; open the launch file {launch} in your "
        "browser (works once, for that browser only; stop with Ctrl+C).",
    },
    "project.unknown_student": {
        "nl": "leerling {student} staat niet in het roosterbestand",
        "en": "student {student} is not in the project file",
    },
    "project.not_in_department": {
        "nl": "leerling {student} neemt niet deel aan afdeling {department}",
        "en": "student {student} does not take part in department {department}",
    },
    "project.home_class_elsewhere": {
        "nl": "leerling {student}: stamklas {home_class} hoort bij afdeling {owner}, niet bij "
        "afdeling {department}; kies een stamklas van afdeling {department}, of zet "
        "{home_class} bij afdeling {owner} als de leerling daaraan deelneemt. Er is niets "
        "opgeslagen.",
        "en": "student {student}: home class {home_class} belongs to department {owner}, not "
        "to department {department}; choose a home class of department {department}, or put "
        "{home_class} in department {owner} if the student takes part in it. Nothing was "
        "saved.",
    },
    "project.created": {
        "nl": "Roosterbestand {path} gemaakt voor schooljaar {year}, afdelingen "
        "{departments}, gekoppeld aan {url}. Volgende stap: koppel connect status {path}",
        "en": "Project file {path} made for school year {year}, departments {departments}, "
        "linked to {url}. Next: koppel connect status {path}",
    },
    "project.assigned": {
        "nl": "Groepsindeling van {student} aangepast (wijzigingenset {changeset}). Upload "
        "met: koppel connect upload {path} group_assignments",
        "en": "Group assignment of {student} changed (change set {changeset}). Upload with: "
        "koppel connect upload {path} group_assignments",
    },
    "project.unchanged": {
        "nl": "Niets veranderd: de groepsindeling was al zo.",
        "en": "Nothing changed: the group assignment was already like that.",
    },
    "connector.year_not_prepared": {
        "nl": "het portal heeft schooljaar {year} nog niet klaargezet (het huidige schooljaar "
        "is {current}); er is niets gelezen of geschreven. Laat de beheerder {year} eerst "
        "klaarzetten in de jaarovergang in het portal of met 'koppel year prepare', en "
        "probeer het daarna opnieuw",
        "en": "the portal has not prepared school year {year} yet (the current school year is "
        "{current}); nothing was read or written. Ask the administrator to prepare {year} "
        "first, in the portal's year transition or with 'koppel year prepare', then try again",
    },
    "connector.year_unknown": {
        "nl": "het portal heeft schooljaar {year} niet; het werkt met {years}. Er is niets "
        "gelezen of geschreven. Maak een roosterbestand voor een van die schooljaren met "
        "'koppel project init' en --school-year",
        "en": "the portal has not got school year {year}; it works with {years}. Nothing was "
        "read or written. Make a project file for one of those school years with "
        "'koppel project init' and --school-year",
    },
    "connector.portal_unreachable": {
        "nl": "het portal op {url} antwoordt niet ({reason}); er is niets geschreven. "
        "Controleer het adres en of het portal draait, en probeer het opnieuw",
        "en": "the portal at {url} does not answer ({reason}); nothing was written. Check "
        "the address and that the portal runs, and try again",
    },
    "connector.portal_no_answer": {
        "nl": "het portal op {url} antwoordde niet ({reason}); of het de wijziging al heeft "
        "doorgevoerd, is niet bekend. Het roosterbestand is niet gewijzigd. Zorg dat het "
        "portal draait en voer dezelfde opdracht opnieuw uit: wat het portal al heeft, "
        "voert het niet nog eens door",
        "en": "the portal at {url} did not answer ({reason}); whether it made the change "
        "already is not known. The project file is unchanged. Make sure the portal runs and "
        "run the same command again: what the portal has already it does not make twice",
    },
    "connector.portal_token": {
        "nl": "het portal weigert het token van dit roosterbestand (401: {message}); maak "
        "een nieuw token met 'koppel token create' en zet het met 'koppel project token'",
        "en": "the portal refuses this project's token (401: {message}); make a new token "
        "with 'koppel token create' and put it in with 'koppel project token'",
    },
    "connector.portal_forbidden": {
        "nl": "het token mag dit niet in het portal (403: {message}); de beheerder kan een "
        "token met de juiste rol en afdelingen maken",
        "en": "the token may not do this in the portal (403: {message}); an administrator "
        "can make a token with the right role and departments",
    },
    "connector.portal_conflict": {
        "nl": "het portal weigert: {message}",
        "en": "the portal refuses: {message}",
    },
    "connector.portal_stale": {
        "nl": "het portal is intussen gewijzigd: {message}. Vraag de verschillen opnieuw op",
        "en": "the portal changed in the meantime: {message}. Ask for the differences again",
    },
    "connector.portal_refused": {
        "nl": "het portal weigert ({status}): {message}",
        "en": "the portal refuses ({status}): {message}",
    },
    "connector.unknown_domain": {
        "nl": "onbekend domein '{domain}'; bekend zijn: {known}",
        "en": "unknown domain '{domain}'; known are: {known}",
    },
    "connector.not_uploadable": {
        "nl": "{domain} kan niet geüpload worden: het portal is daar leidend. Upload kan "
        "voor students, home_classes, cluster_groups of group_assignments",
        "en": "{domain} cannot be uploaded: the portal leads there. Upload works for "
        "students, home_classes, cluster_groups or group_assignments",
    },
    "connector.not_downloadable": {
        "nl": "{domain} kan niet gedownload worden: het project is daar leidend; gebruik "
        "'koppel connect upload'",
        "en": "{domain} cannot be downloaded: the project leads there; use 'koppel connect upload'",
    },
    "connector.skip.stale": {
        "nl": "in het portal gewijzigd sinds de vergelijking: niet overschreven",
        "en": "changed in the portal since the comparison: not overwritten",
    },
    "connector.skip.conflict": {
        "nl": "het portal weigert deze wijziging",
        "en": "the portal refuses this change",
    },
    "connector.skip.refused": {
        "nl": "het portal weigert deze wijziging",
        "en": "the portal refuses this change",
    },
    "connector.skip.no_department": {
        "nl": "geen deelname aan een afdeling van het project: eerst een afdeling geven",
        "en": "no participation in a department of the project: give it one first",
    },
    "connector.skip.not_in_portal": {
        "nl": "de leerling staat (nog) niet in het portal: upload eerst de leerlingen",
        "en": "the student is not in the portal (yet): upload the students first",
    },
    "connector.status.title": {
        "nl": "Portalconnector: {path} (portalgegevens van {as_of})",
        "en": "Portal connector: {path} (portal data of {as_of})",
    },
    "connector.column.domain": {"nl": "Onderdeel", "en": "Domain"},
    "connector.column.direction": {"nl": "Richting", "en": "Direction"},
    "connector.column.conflicts": {"nl": "Conflicten", "en": "Conflicts"},
    "connector.column.student": {"nl": "Leerling", "en": "Student"},
    "connector.column.department": {"nl": "Afd", "en": "Dept"},
    "connector.column.field": {"nl": "Veld", "en": "Field"},
    "connector.column.portal": {"nl": "P (portal)", "en": "P (portal)"},
    "connector.column.project": {"nl": "D (project)", "en": "D (project)"},
    "connector.column.base": {"nl": "Laatst gelijk", "en": "Base"},
    "connector.diff.title": {
        "nl": "{domain}: {rows} verschillen (portalgegevens van {as_of})",
        "en": "{domain}: {rows} differences (portal data of {as_of})",
    },
    "connector.diff.none": {
        "nl": "{domain}: geen verschillen (portalgegevens van {as_of}).",
        "en": "{domain}: no differences (portal data of {as_of}).",
    },
    "connector.diff.more": {
        "nl": "… en nog {count} regels; gebruik --json voor alles.",
        "en": "… and {count} more rows; use --json for all of them.",
    },
    "connector.auto": {
        "nl": "Persoonsgegevens uit het portal overgenomen voor {count} leerlingen "
        "(wijzigingenset {changeset}).",
        "en": "Personal data taken over from the portal for {count} students (change set "
        "{changeset}).",
    },
    "connector.applied": {
        "nl": "{count} regels toegepast ({direction}), wijzigingenset {changeset}. Terugdraaien: "
        "koppel connect undo {path}",
        "en": "{count} rows applied ({direction}), change set {changeset}. To reverse: "
        "koppel connect undo {path}",
    },
    "connector.nothing": {
        "nl": "Niets toe te passen: de selectie heeft geen verschillen in deze richting.",
        "en": "Nothing to apply: the selection has no differences in this direction.",
    },
    "connector.conflicts_left": {
        "nl": "{count} conflicten niet toegepast: beide kanten wijzigden sinds de vorige "
        "synchronisatie. Bekijk ze met 'koppel connect diff' en neem de waarde van de "
        "leidende kant over met --accept-conflicts.",
        "en": "{count} conflicts not applied: both sides changed since the last sync. See "
        "them with 'koppel connect diff' and take the leading side's value with "
        "--accept-conflicts.",
    },
    "connector.skipped": {
        "nl": "Overgeslagen: {student} {department}: {reason}",
        "en": "Skipped: {student} {department}: {reason}",
    },
    "connector.undone": {
        "nl": "Wijzigingenset {changeset} teruggedraaid ({count} regels).",
        "en": "Change set {changeset} undone ({count} rows).",
    },
    "connector.undone_portal": {
        "nl": "Ook in het portal teruggedraaid (wijzigingenset {changeset}).",
        "en": "Undone in the portal too (change set {changeset}).",
    },
    "connector.undo_changed_since": {
        "nl": "wijzigingenset {changeset} wordt niet teruggedraaid: {count} regels ervan zijn "
        "daarna in het roosterbestand gewijzigd ({rows}) en terugdraaien zou die wijzigingen "
        "overschrijven. Er is niets veranderd",
        "en": "change set {changeset} is not undone: {count} of its rows were changed in the "
        "project file since ({rows}) and undoing it would overwrite those changes. Nothing "
        "was changed",
    },
    "connector.nothing_to_undo": {
        "nl": "Er is niets om terug te draaien in dit roosterbestand.",
        "en": "There is nothing to undo in this project file.",
    },
}
