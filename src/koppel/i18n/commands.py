"""Texts of the command line: results, tables, roles and statistics."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "cli.user.deactivated": {
        "nl": "Account {username} is niet meer actief: sessies zijn beëindigd, tokens werken "
        "niet meer.",
        "en": "Account {username} is no longer active: sessions have ended, tokens no longer work.",
    },
    "cli.user.already_inactive": {
        "nl": "Account {username} was al niet actief; er is niets veranderd.",
        "en": "Account {username} was inactive already; nothing changed.",
    },
    "cli.token.created": {
        "nl": "Token {name} voor {user} aangemaakt. Bewaar het nu: het wordt niet nog eens "
        "getoond.",
        "en": "Token {name} for {user} created. Keep it now: it is not shown again.",
    },
    "cli.token.revoked": {"nl": "Token {name} ingetrokken.", "en": "Token {name} revoked."},
    "cli.token.user": {"nl": "account", "en": "account"},
    "cli.token.state": {"nl": "status", "en": "state"},
    "cli.token.state_revoked": {"nl": "ingetrokken", "en": "revoked"},
    "role.administrator": {"nl": "beheerder", "en": "administrator"},
    "role.scheduler": {"nl": "roostermaker", "en": "scheduler"},
    "role.team_leader": {"nl": "teamleider", "en": "team leader"},
    "role.mentor": {"nl": "mentor", "en": "mentor"},
    "role.teacher": {"nl": "docent", "en": "teacher"},
    "role.student": {"nl": "leerling", "en": "student"},
    "cli.init.created": {
        "nl": "Database {url} aangemaakt (schema {revision}).",
        "en": "Database {url} created (schema {revision}).",
    },
    "cli.init.upgraded": {
        "nl": "Database {url} bijgewerkt naar schema {revision}.",
        "en": "Database {url} upgraded to schema {revision}.",
    },
    "cli.init.current": {
        "nl": "Database {url} is al actueel (schema {revision}).",
        "en": "Database {url} is already up to date (schema {revision}).",
    },
    "cli.init.made_private": {
        "nl": "Alleen nog voor deze gebruiker leesbaar gemaakt (0600): {files}.",
        "en": "Made readable by this user only (0600): {files}.",
    },
    "cli.init.secret_key": {
        "nl": "Sleutel van de tweestapsgeheimen: {where}. Bewaar hem bij elke back-up van de "
        "database (zonder sleutel kan niemand met tweestapsverificatie inloggen), net zo "
        "besloten als de database.",
        "en": "Key of the two-factor secrets: {where}. Keep it with every backup of the "
        "database (without it nobody with two-factor sign-in can sign in), as private as the "
        "database.",
    },
    "cli.init.next": {
        "nl": "Huidig schooljaar: {year}. Volgende stap: 'koppel user add' voor een beheerder, "
        "of 'koppel demo' voor een demoschool.",
        "en": "Current school year: {year}. Next: 'koppel user add' for an administrator, "
        "or 'koppel demo' for a demo school.",
    },
    "cli.demo.done": {
        "nl": "Demoschool klaar in {url}: {students} leerlingen, {staff} medewerkers, "
        "{departments} afdelingen, {groups} groepen, {accounts} accounts (schooljaar {year}).",
        "en": "Demo school ready in {url}: {students} students, {staff} staff, "
        "{departments} departments, {groups} groups, {accounts} accounts (school year {year}).",
    },
    "cli.demo.logins": {"nl": "Inloggen op het portal", "en": "Signing in to the portal"},
    "cli.column.role": {"nl": "rol", "en": "role"},
    "cli.column.username": {"nl": "gebruikersnaam", "en": "username"},
    "cli.column.password": {"nl": "wachtwoord", "en": "password"},
    "cli.column.what": {"nl": "wat", "en": "what"},
    "cli.column.count": {"nl": "aantal", "en": "count"},
    "cli.demo.keep": {
        "nl": "Bewaar deze wachtwoorden: ze worden niet opgeslagen en niet nog eens getoond.",
        "en": "Keep these passwords: they are not stored and not shown again.",
    },
    "cli.demo.next": {
        "nl": "Start het portal met '{command}' en open {url}.",
        "en": "Start the portal with '{command}' and open {url}.",
    },
    "cli.serve.start": {
        "nl": "Portal op http://{host}:{port} (database {url}); stop met Ctrl+C.",
        "en": "Portal at http://{host}:{port} (database {url}); stop with Ctrl+C.",
    },
    "cli.user.added": {
        "nl": "Account {username} aangemaakt ({roles}).",
        "en": "Account {username} created ({roles}).",
    },
    "cli.user.password": {
        "nl": "Wachtwoord: {password} (wordt niet nog eens getoond).",
        "en": "Password: {password} (not shown again).",
    },
    "stats.students_active": {"nl": "leerlingen actief", "en": "students, active"},
    "stats.students_left": {"nl": "leerlingen vertrokken", "en": "students, left"},
    "stats.accounts": {"nl": "accounts", "en": "accounts"},
    "stats.departments": {"nl": "afdelingen", "en": "departments"},
    "stats.memberships": {"nl": "groepsindelingen", "en": "group memberships"},
    "stats.teacher_links": {
        "nl": "docent- en mentorkoppelingen",
        "en": "teacher and mentor links",
    },
    "stats.prognoses": {"nl": "prognoses", "en": "prognoses"},
    "stats.package_choices": {"nl": "pakketkeuzes", "en": "package choices"},
    "error.prefix": {"nl": "Fout", "en": "Error"},
    "demo.not_empty": {
        "nl": "de database bevat al {students} leerlingen; gebruik --replace om hem te vervangen",
        "en": "the database already holds {students} students; use --replace to replace it",
    },
    "demo.size": {
        "nl": "--students moet tussen {low} en {high} liggen, niet {value}",
        "en": "--students must lie between {low} and {high}, not {value}",
    },
    "demo.next_year.exists": {
        "nl": "{file} bestaat al; kies een andere map of gebruik --overwrite",
        "en": "{file} already exists; choose another folder or use --overwrite",
    },
    "cli.next_year.written": {
        "nl": "Bestanden voor schooljaar {year}, zoals de leerlingadministratie ze zou "
        "leveren (uit {url}):",
        "en": "Files for school year {year}, as the school administration would export them "
        "(from {url}):",
    },
    "cli.next_year.students": {
        "nl": "  {file}: {rows} leerlingen ({staying} blijven, {new} nieuw in het eerste jaar, "
        "{with_class} met een stamklas); {absent} actieve leerlingen staan er niet in "
        "({graduated} examenjaar, {left} vertrokken)",
        "en": "  {file}: {rows} students ({staying} staying, {new} new first-years, "
        "{with_class} with a home class); {absent} active students are left out "
        "({graduated} exam year, {left} left the school)",
    },
    "cli.next_year.staff": {
        "nl": "  {file}: {rows} medewerkers ({joined} nieuw); de {departed} die vertrokken "
        "zijn staan er niet in",
        "en": "  {file}: {rows} staff members ({joined} new); the {departed} who left "
        "are not in it",
    },
    "cli.next_year.links": {
        "nl": "  {file}: {links} koppelingen docent/mentor voor {groups} stamklassen",
        "en": "  {file}: {links} teacher and mentor links for {groups} home classes",
    },
    "cli.next_year.steps": {
        "nl": "Het hele schooljaar oefenen, stap voor stap: klaarzetten, doorzetten, de vijf "
        "stappen van de jaarovergang, wisselen (elke stap eerst met --dry-run; 'koppel undo "
        "WIJZIGINGENSET' draait de nieuwste stap terug):",
        "en": "Rehearse the whole school year, step by step: prepare, promote, the five steps "
        "of the year transition, switch (each step first with --dry-run; 'koppel undo "
        "CHANGESET' undoes the newest step):",
    },
    "cli.next_year.status": {
        "nl": "Waar je staat: {koppel} year status",
        "en": "Where you are: {koppel} year status",
    },
    "cli.next_year.rehearse_hint": {
        "nl": "Alles in één keer, met een overzicht aan het eind: {koppel} demo next-year MAP "
        "--rehearse",
        "en": "All at once, with an overview at the end: {koppel} demo next-year DIR --rehearse",
    },
    "cli.next_year.rehearsal.title": {
        "nl": "Het schooljaar oefenen in {url}: van {previous} naar {year}, elke stap één "
        "wijzigingenset.",
        "en": "Rehearsing the school year in {url}: from {previous} to {year}, each step one "
        "change set.",
    },
    "cli.next_year.rehearsal.step": {
        "nl": "  {number} van {total} · {label}: {outcome} ({seconds} s)",
        "en": "  {number} of {total} · {label}: {outcome} ({seconds} s)",
    },
    "cli.next_year.rehearsal.applied": {
        "nl": "toegepast als wijzigingenset {changeset}",
        "en": "applied as change set {changeset}",
    },
    "cli.next_year.rehearsal.unchanged": {
        "nl": "niets te veranderen",
        "en": "nothing to change",
    },
    "cli.next_year.rehearsal.failed": {"nl": "gestopt", "en": "stopped"},
    "cli.next_year.rehearsal.table": {
        "nl": "Oefening van het schooljaar: {previous} -> {year}",
        "en": "Rehearsal of the school year: {previous} -> {year}",
    },
    "cli.next_year.rehearsal.counts": {"nl": "aantallen", "en": "counts"},
    "cli.next_year.rehearsal.seconds": {"nl": "seconden", "en": "seconds"},
    "cli.next_year.rehearsal.total": {"nl": "totaal", "en": "total"},
    "cli.next_year.rehearsal.undo": {
        "nl": "Terugdraaien kan stap voor stap, nieuwste eerst: {koppel} undo {changeset}, "
        "dan de stap ervoor. Waar je staat: {koppel} year status",
        "en": "Undo goes step by step, newest first: {koppel} undo {changeset}, then the "
        "step before. Where you are: {koppel} year status",
    },
    "cli.next_year.rehearsal.stopped": {
        "nl": "De oefening stopte bij '{label}'; wat daarvoor is toegepast blijft staan "
        "({koppel} year status):",
        "en": "The rehearsal stopped at '{label}'; what was applied before stays "
        "({koppel} year status):",
    },
    "cli.next_year.count.without_prognosis": {"nl": "zonder prognose", "en": "without a prognosis"},
    "cli.next_year.count.kept_as_history": {
        "nl": "bewaard als geschiedenis",
        "en": "kept as history",
    },
    "cli.next_year.count.marked_left": {
        "nl": "als vertrokken gemarkeerd",
        "en": "marked as left",
    },
    "cli.next_year.count.prognosis_differs": {
        "nl": "afdeling anders dan de prognose",
        "en": "department differs from the prognosis",
    },
    "cli.next_year.count.departed": {
        "nl": "medewerkers gedeactiveerd",
        "en": "staff members deactivated",
    },
    "demo.rehearse.not_demo": {
        "nl": "deze database is niet met 'koppel demo' gebouwd: --rehearse zet het schooljaar "
        "van een echte school niet om. Oefen op een demoschool ('koppel --database "
        "sqlite:///oefen.db demo').",
        "en": "this database was not built by 'koppel demo': --rehearse does not switch a "
        "real school's year. Rehearse on a demo school ('koppel --database "
        "sqlite:///rehearse.db demo').",
    },
    "demo.rehearse.started": {
        "nl": "de jaarovergang van {year} is al begonnen (stap {steps} toegepast); maak de "
        "stappen af met de commando's of begin opnieuw met 'koppel demo --replace'",
        "en": "the year transition of {year} has started already (step {steps} applied); "
        "finish the steps with the commands or start again with 'koppel demo --replace'",
    },
    "cli.demo.next_year": {
        "nl": "Volgend schooljaar {year} bestaat al met {prognoses} prognoses en {choices} "
        "pakketkeuzes van de teamleiders, maar is nog niet klaargezet. Volgende stap: "
        "'koppel year prepare'. De hele jaarovergang oefenen: 'koppel demo next-year MAP' "
        "(met --rehearse in één keer).",
        "en": "Next school year {year} exists already with {prognoses} prognoses and "
        "{choices} package choices from the team leaders, but has not been prepared. Next "
        "step: 'koppel year prepare'. Rehearse the whole year transition: 'koppel demo "
        "next-year DIR' (with --rehearse all at once).",
    },
    "folder.not_private": {
        "nl": "de map {path} is een koppeling of is van een andere gebruiker: koppel bewaart "
        "daar geen gegevens van leerlingen. Verwijder de map (of kies met de instelling een "
        "andere) en probeer het opnieuw.",
        "en": "the folder {path} is a link or belongs to another user: koppel keeps no "
        "pupils' data there. Remove the folder (or choose another one in the settings) and "
        "try again.",
    },
    "cli.applied": {
        "nl": "Toegepast als wijzigingenset {changeset}; terugdraaien kan met "
        "'koppel undo {changeset}'.",
        "en": "Applied as change set {changeset}; reverse it with 'koppel undo {changeset}'.",
    },
}
