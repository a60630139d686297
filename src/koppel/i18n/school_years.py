"""Messages of the school year's life: prepare, promote, next year's departments, switch."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "year.not_prepared": {
        "nl": "er is nog geen nieuw schooljaar klaargezet (het huidige is {current}); zet "
        "{next} eerst klaar met 'koppel year prepare' of in de jaarovergang in het portal",
        "en": "no new school year has been prepared yet (the current one is {current}); "
        "prepare {next} first with 'koppel year prepare' or in the portal's year transition",
    },
    "year.prepare.not_next": {
        "nl": "schooljaar {year} kan niet worden klaargezet: alleen het volgende schooljaar "
        "({next}) kan dat",
        "en": "school year {year} cannot be prepared: only the next school year ({next}) can",
    },
    "year.prepare.other": {
        "nl": "schooljaar {prepared} staat al klaar; wissel daar eerst naar of draai het terug",
        "en": "school year {prepared} is prepared already; switch to it or undo it first",
    },
    "year.department.unknown": {
        "nl": "afdeling '{code}' bestaat niet in schooljaar {year}; bestaande afdelingen: "
        "{known} (een nieuwe afdeling voegt u toe met --year-of-study en --type)",
        "en": "department '{code}' does not exist in school year {year}; existing "
        "departments: {known} (add a new one with --year-of-study and --type)",
    },
    "year.department.exists": {
        "nl": "afdeling '{code}' bestaat al in schooljaar {year}; laat --year-of-study en "
        "--type weg om haar te wijzigen",
        "en": "department '{code}' already exists in school year {year}; leave out "
        "--year-of-study and --type to change it",
    },
    "year.department.incomplete": {
        "nl": "voor een nieuwe afdeling '{code}' zijn --name, --year-of-study en --type nodig",
        "en": "a new department '{code}' needs --name, --year-of-study and --type",
    },
    "year.promote.unknown_department": {
        "nl": "afdeling '{department}' bestaat niet in het huidige schooljaar",
        "en": "department '{department}' does not exist in the current school year",
    },
    "year.switch.not_prepared": {
        "nl": "naar schooljaar {year} kan niet worden gewisseld: het is niet klaargezet "
        "(huidig schooljaar: {current}); zet het eerst klaar met 'koppel year prepare'",
        "en": "cannot switch to school year {year}: it has not been prepared (current "
        "school year: {current}); prepare it first with 'koppel year prepare'",
    },
    "year.switch.steps_open": {
        "nl": "schooljaar {year} is nog niet gevuld: stap {steps} van de jaarovergang is nog "
        'niet toegepast. Pas die eerst toe, of wissel toch met --force --reason "..." '
        "(de reden komt in het logboek)",
        "en": "school year {year} is not filled yet: step {steps} of the year transition "
        "has not been applied. Apply it first, or switch anyway with --force "
        '--reason "..." (the reason is logged)',
    },
    "year.switch.reason_needed": {
        "nl": 'geef bij --force een reden op met --reason "..."; die komt in het logboek',
        "en": 'give a reason with --reason "..." when using --force; it is logged',
    },
    "year.status.title": {"nl": "Schooljaren", "en": "School years"},
    "year.status.current": {"nl": "huidig", "en": "current"},
    "year.status.prepared": {"nl": "klaargezet", "en": "prepared"},
    "year.status.none_prepared": {
        "nl": "Er is nog geen nieuw schooljaar klaargezet. Volgende stap: 'koppel year "
        "prepare' zet {next} klaar.",
        "en": "No new school year has been prepared yet. Next: 'koppel year prepare' "
        "prepares {next}.",
    },
    "year.status.steps_title": {
        "nl": "Schooljaar {year}: stappen",
        "en": "School year {year}: steps",
    },
    "year.count.participations": {"nl": "afdelingsdeelnames", "en": "department participations"},
    "year.step.prepare": {
        "nl": "Nieuw schooljaar klaarzetten",
        "en": "Prepare the new school year",
    },
    "year.step.promote": {
        "nl": "Doorzetten vanuit de prognoses",
        "en": "Promote from the prognoses",
    },
    "year.step.switch": {
        "nl": "Wisselen naar het nieuwe schooljaar",
        "en": "Switch to the new school year",
    },
    "year.done": {"nl": "klaar", "en": "done"},
    "year.not_done": {"nl": "nog niet", "en": "not yet"},
    "year.prepare.title": {
        "nl": "Schooljaar {year} klaarzetten naast {current}",
        "en": "Preparing school year {year} beside {current}",
    },
    "year.prepare.already": {
        "nl": "Schooljaar {year} staat al klaar; er is niets veranderd. Volgende stap: "
        "'koppel year promote'.",
        "en": "School year {year} is prepared already; nothing changed. Next: "
        "'koppel year promote'.",
    },
    "year.prepare.next": {
        "nl": "Volgende stap: pas afdelingen voor {year} aan met 'koppel year department', "
        "en zet de leerlingen door met 'koppel year promote'.",
        "en": "Next: change departments for {year} with 'koppel year department', and "
        "promote the students with 'koppel year promote'.",
    },
    "year.column.department": {"nl": "afdeling", "en": "department"},
    "year.column.open": {"nl": "open", "en": "open"},
    "year.column.before": {"nl": "was", "en": "was"},
    "year.column.after": {"nl": "wordt", "en": "becomes"},
    "year.field.is_open": {"nl": "open in het nieuwe schooljaar", "en": "open in the new year"},
    "year.field.home_class_lead": {
        "nl": "leidend voor stamklassen",
        "en": "leads home classes",
    },
    "year.field.choice_opens_on": {"nl": "keuzeperiode vanaf", "en": "choices open on"},
    "year.field.choice_closes_on": {"nl": "keuzeperiode tot en met", "en": "choices close on"},
    "year.field.subjects": {"nl": "keuzevakken", "en": "subjects to choose"},
    "year.lead.portal": {"nl": "portal", "en": "portal"},
    "year.lead.project": {"nl": "roosterproject", "en": "timetable project"},
    "year.department.title": {
        "nl": "Afdeling {code} in schooljaar {year}",
        "en": "Department {code} in school year {year}",
    },
    "year.department.added": {
        "nl": "Nieuw in {year}; in het huidige schooljaar bestaat deze afdeling niet.",
        "en": "New in {year}; this department does not exist in the current school year.",
    },
    "year.department.unchanged": {
        "nl": "Er is niets veranderd: de afdeling was al zo.",
        "en": "Nothing changed: the department was like this already.",
    },
    "year.promote.title": {
        "nl": "Doorzetten naar {year} vanuit de prognoses ({scope})",
        "en": "Promoting to {year} from the prognoses ({scope})",
    },
    "year.promote.scope_all": {"nl": "alle afdelingen", "en": "all departments"},
    "year.promote.scope_department": {
        "nl": "afdeling {department}",
        "en": "department {department}",
    },
    "year.promote.count.participations": {
        "nl": "afdelingsdeelnames voor volgend jaar",
        "en": "participations for next year",
    },
    "year.promote.count.package_choices": {
        "nl": "pakketkeuzes die doorlopen",
        "en": "package choices carried over",
    },
    "year.promote.count.unchanged": {"nl": "al doorgezet", "en": "already promoted"},
    "year.promote.count.leaving": {
        "nl": "examenleerlingen zonder prognose (vertrekken)",
        "en": "exam-year students without a prognosis (leaving)",
    },
    "year.promote.without_prognosis": {
        "nl": "{count} leerling(en) zonder prognose voor {year} (niet doorgezet; vul hun "
        "prognose in en zet opnieuw door): {numbers}",
        "en": "{count} student(s) without a prognosis for {year} (not promoted; fill in "
        "their prognosis and promote again): {numbers}",
    },
    "year.promote.closed": {
        "nl": "{count} leerling(en) met een prognose voor een afdeling die in {year} dicht "
        "is (niet doorgezet): {examples}",
        "en": "{count} student(s) with a prognosis for a department closed in {year} (not "
        "promoted): {examples}",
    },
    "year.nothing_changed": {
        "nl": "Er is niets veranderd: alles stond al zo.",
        "en": "Nothing changed: everything was like this already.",
    },
    "year.switch.title": {
        "nl": "Wisselen van schooljaar {previous} naar {year}",
        "en": "Switching from school year {previous} to {year}",
    },
    "year.switch.open_steps": {
        "nl": "Nog niet toegepaste stappen van de jaarovergang: {steps}.",
        "en": "Steps of the year transition not applied yet: {steps}.",
    },
    "year.switch.forced": {
        "nl": "Gewisseld met --force; reden (in het logboek): {reason}",
        "en": "Switched with --force; reason (logged): {reason}",
    },
    "year.switch.already": {
        "nl": "Schooljaar {year} is al het huidige; er is niets veranderd.",
        "en": "School year {year} is current already; nothing changed.",
    },
    "year.switch.done": {
        "nl": "Schooljaar {year} is nu het huidige. {previous} blijft leesbaar als geschiedenis.",
        "en": "School year {year} is now the current one. {previous} stays readable as history.",
    },
}
