"""Messages of ``koppel oneroster import``: an SIS set mapped onto the school (SIS
integration, koppeling), its problems, its safety rule and its report."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    # problems of a record, named by file, row and column
    "roster.plan.branch_code": {
        "nl": "vestigingscode '{value}' mag alleen letters, cijfers en . - _ bevatten "
        "(hoogstens 16)",
        "en": "branch code '{value}' may hold only letters, digits and . - _ (at most 16)",
    },
    "roster.plan.department_code": {
        "nl": "afdelingscode '{value}' is geen afdeling zoals 4V of 2MH",
        "en": "department code '{value}' is no department such as 4V or 2MH",
    },
    "roster.plan.department_skipped": {
        "nl": "org '{name}' van type department is geen afdeling van koppel (geen code zoals "
        "4V); overgeslagen",
        "en": "org '{name}' of type department is no department of koppel (no code such as "
        "4V); skipped",
    },
    "roster.plan.department_no_type": {
        "nl": "afdeling {code}: de onderwijssoort is niet uit de code af te leiden; "
        "overgeslagen (geef ext_koppel_education_type)",
        "en": "department {code}: its education type cannot be told from the code; "
        "skipped (give ext_koppel_education_type)",
    },
    "roster.plan.department_no_branch": {
        "nl": "afdeling {code}: niet duidelijk bij welke vestiging ze hoort; overgeslagen "
        "(geef ext_koppel_branch of een school als parentSourcedId)",
        "en": "department {code}: unclear which branch it belongs to; skipped (give "
        "ext_koppel_branch or a school as parentSourcedId)",
    },
    "roster.plan.education_type": {
        "nl": "onderwijssoort '{value}' bestaat niet; kies uit {known}",
        "en": "education type '{value}' does not exist; choose from {known}",
    },
    "roster.plan.department_text": {
        "nl": "afdeling '{value}' is niet te lezen: schrijf 4H, of 4H 50, 4V 50 "
        "(percentages samen 100)",
        "en": "department '{value}' cannot be read: write 4H, or 4H 50, 4V 50 "
        "(percentages adding up to 100)",
    },
    "roster.plan.department_unknown": {
        "nl": "afdeling '{value}' bestaat niet in het portal of in de set; bekend: {known}",
        "en": "department '{value}' exists neither in the portal nor in the set; known: {known}",
    },
    "roster.plan.flag": {
        "nl": "'{value}' is geen ja/nee-waarde (true/false)",
        "en": "'{value}' is no yes/no value (true/false)",
    },
    "roster.plan.class_other_year": {
        "nl": "klas '{group}' valt in schooljaar {year}, de andere klassen in {chosen}: "
        "één set bevat één schooljaar",
        "en": "class '{group}' falls in school year {year}, the other classes in {chosen}: "
        "one set holds one school year",
    },
    "roster.plan.class_remembered_other_year": {
        "nl": "klas '{group}' is ingelezen in schooljaar {year}, maar de set hoort bij "
        "{chosen}: één set bevat één schooljaar; stuur de wijzigingen van elk schooljaar "
        "in een eigen set",
        "en": "class '{group}' was imported in school year {year}, but the set belongs to "
        "{chosen}: one set holds one school year; send each school year's changes in a set "
        "of its own",
    },
    "roster.plan.deleted_other_year": {
        "nl": "klas '{group}' is ingelezen in schooljaar {year}, de set hoort bij {chosen}: "
        "deze verwijdering wordt overgeslagen; stuur ze in een set van {year}",
        "en": "class '{group}' was imported in school year {year}, the set belongs to "
        "{chosen}: this deletion is skipped; send it in a set of {year}",
    },
    "roster.plan.deleted_user_unknown": {
        "nl": "gebruiker '{value}' moet weg, maar koppel kent die niet (nooit ingelezen, of "
        "een ouder of verzorger, die koppel niet bijhoudt): niets te doen; controleer het id "
        "als dit een leerling of medewerker is",
        "en": "user '{value}' is to be deleted, but koppel does not know it (never imported, "
        "or a parent or guardian, whom koppel does not keep): nothing to do; check the id if "
        "this is a student or staff member",
    },
    "roster.plan.deleted_enrollment_unknown": {
        "nl": "inschrijving '{value}' moet weg, maar koppel kent die niet: niets verwijderd; "
        "vul classSourcedId, userSourcedId en role in als de inschrijving toch weg moet",
        "en": "enrollment '{value}' is to be deleted, but koppel does not know it: nothing "
        "removed; fill in classSourcedId, userSourcedId and role if it must go all the same",
    },
    "roster.plan.deleted_class_unknown": {
        "nl": "klas '{value}' moet weg, maar koppel kent die niet in dit schooljaar: niets "
        "verwijderd; controleer het id",
        "en": "class '{value}' is to be deleted, but koppel does not know it in this school "
        "year: nothing deleted; check the id",
    },
    "roster.plan.school_year_invalid": {
        "nl": "schooljaar '{value}' is geen schooljaar zoals 2026-2027",
        "en": "school year '{value}' is no school year such as 2026-2027",
    },
    "roster.plan.duplicate_key": {
        "nl": "'{value}' hoort al bij de gebruiker op rij {other_row}",
        "en": "'{value}' already belongs to the user on row {other_row}",
    },
    "roster.plan.no_student_number": {
        "nl": "leerling {sourced_id} heeft geen leerlingnummer: identifier en sourcedId zijn "
        "geen geldig leerlingnummer (cijfers en letters, met - _ . @ ertussen, hoogstens 20). "
        "Kies met --student-number het veld dat het leerlingnummer geeft (bijv. username)",
        "en": "student {sourced_id} has no student number: neither identifier nor sourcedId "
        "is a valid student number (digits and letters, with - _ . @ between them, at most "
        "20). Choose the field that gives it with --student-number (e.g. username)",
    },
    "roster.plan.student_number_empty": {
        "nl": "leerling {sourced_id} heeft geen {column}, het veld dat het leerlingnummer "
        "geeft: vul het in de administratie in of kies een ander veld met --student-number",
        "en": "student {sourced_id} has no {column}, the field that gives the student "
        "number: fill it in in the administration or choose another field with "
        "--student-number",
    },
    "roster.plan.student_number_invalid": {
        "nl": "leerling {sourced_id}: '{value}' kan geen leerlingnummer zijn (cijfers en "
        "letters, met - _ . @ ertussen, hoogstens 20 tekens). Kies een ander veld met "
        "--student-number of pas de waarde aan in de administratie",
        "en": "student {sourced_id}: '{value}' cannot be a student number (digits and "
        "letters, with - _ . @ between them, at most 20 characters). Choose another field "
        "with --student-number or correct the value in the administration",
    },
    "roster.plan.student_number_field": {
        "nl": "'{value}' is geen veld dat het leerlingnummer kan geven; kies uit {allowed}",
        "en": "'{value}' is no field that can give the student number; choose from {allowed}",
    },
    "roster.unexpected": {
        "nl": "koppel kon deze set niet verwerken door een onverwachte fout ({error}); er is "
        "niets geschreven. Meld de fout bij de beheerder van koppel, met de set (zonder "
        "wachtwoorden)",
        "en": "koppel could not process this set because of an unexpected error ({error}); "
        "nothing was written. Report it to koppel's administrator, with the set (without "
        "passwords)",
    },
    "roster.plan.name_unknown": {
        "nl": "de set geeft deze nieuwe leerling of medewerker geen volledige naam: het "
        "portaal noemt hem '{name}' tot de administratie de naam meestuurt",
        "en": "the set gives this new student or staff member no full name: the portal "
        "calls them '{name}' until the administration sends the name",
    },
    "roster.plan.email_skipped": {
        "nl": "het e-mailadres is ongeldig en wordt niet overgenomen",
        "en": "the e-mail address is invalid and is not taken over",
    },
    "roster.plan.no_username": {
        "nl": "{key}: geen bruikbare gebruikersnaam (username, e-mail en sleutel zijn "
        "ongeldig of al in gebruik); geen account aangemaakt",
        "en": "{key}: no usable username (username, e-mail and key are invalid or taken); "
        "no account created",
    },
    "roster.plan.unknown_user": {
        "nl": "gebruiker '{user}' staat niet in de set en is niet eerder ingelezen",
        "en": "user '{user}' is not in the set and was not imported before",
    },
    "roster.plan.unknown_class": {
        "nl": "klas '{value}' staat niet in de set en is niet eerder ingelezen (in dit schooljaar)",
        "en": "class '{value}' is not in the set and was not imported before (in this school year)",
    },
    "roster.plan.enrollment_role": {
        "nl": "gebruiker '{user}' met rol '{role}' past niet bij de rol in users; overgeslagen",
        "en": "user '{user}' with role '{role}' does not match its role in users; skipped",
    },
    "roster.plan.link_role": {
        "nl": "rol '{value}' bestaat niet; kies teacher of mentor",
        "en": "role '{value}' does not exist; choose teacher or mentor",
    },
    "roster.plan.two_home_classes": {
        "nl": "leerling {student} zou in afdeling {department} twee stamklassen krijgen: "
        "{group} en {other} (rij {other_row})",
        "en": "student {student} would get two home classes in department {department}: "
        "{group} and {other} (row {other_row})",
    },
    "roster.plan.group_kind": {
        "nl": "groepssoort '{value}' bestaat niet; kies uit {known}",
        "en": "group kind '{value}' does not exist; choose from {known}",
    },
    "roster.plan.group_renamed": {
        "nl": "er is al een klas '{group}' in de set; deze heet in koppel '{name}'",
        "en": "there is already a class '{group}' in the set; this one is called '{name}' "
        "in koppel",
    },
    "roster.plan.home_class_without_department": {
        "nl": "stamklas '{group}' hoort bij geen afdeling; ze wordt een clustergroep",
        "en": "home class '{group}' belongs to no department; it becomes a cluster group",
    },
    "roster.plan.pattern_invalid": {
        "nl": "de regel voor stamklassen '{pattern}' is geen geldige reguliere expressie: {reason}",
        "en": "the home-class rule '{pattern}' is no valid regular expression: {reason}",
    },
    # the safety rule
    "roster.plan.too_many_students_left": {
        "nl": "{count} van de {total} actieve leerlingen zouden als vertrokken worden "
        "gemarkeerd: meer dan de {share}% die de school toestaat. Controleer of de set "
        "volledig is, en lees hem zo nodig in met --force.",
        "en": "{count} of the {total} active students would be marked as left: more than "
        "the {share}% the school allows. Check that the set is complete, and import it "
        "with --force if it is.",
    },
    "roster.plan.too_many_staff_left": {
        "nl": "{count} van de {total} actieve medewerkers zouden als vertrokken worden "
        "gemarkeerd: meer dan de {share}% die de school toestaat. Controleer of de set "
        "volledig is, en lees hem zo nodig in met --force.",
        "en": "{count} of the {total} active staff members would be marked as left: more "
        "than the {share}% the school allows. Check that the set is complete, and import "
        "it with --force if it is.",
    },
    # the command line's report
    "roster.plan.title": {
        "nl": "{file} ({format}): {rows} regels, schooljaar {school_year}",
        "en": "{file} ({format}): {rows} rows, school year {school_year}",
    },
    "roster.plan.kind.links": {"nl": "koppelingen docent/mentor", "en": "teacher/mentor links"},
    "roster.plan.groups": {
        "nl": "Groepen: {new} nieuw, {deleted} verwijderd.",
        "en": "Groups: {new} new, {deleted} deleted.",
    },
    "roster.plan.marked_left": {
        "nl": "{count} leerling(en) en medewerker(s) worden als vertrokken gemarkeerd "
        "(nooit verwijderd).",
        "en": "{count} student(s) and staff member(s) are marked as left (never deleted).",
    },
    "roster.plan.others": {
        "nl": "{count} gebruiker(s) die koppel niet bijhoudt (ouders, verzorgers) overgeslagen.",
        "en": "{count} user(s) koppel does not keep (parents, guardians) skipped.",
    },
    "roster.plan.nothing": {
        "nl": "De set verandert niets: het portal is al bij.",
        "en": "The set changes nothing: the portal is up to date.",
    },
    "roster.progress.read": {"nl": "Set lezen: {file}", "en": "Reading set: {file}"},
    "roster.progress.plan": {"nl": "Vergelijken met het portal", "en": "Comparing with the portal"},
    "roster.progress.apply": {"nl": "Toepassen", "en": "Applying"},
}
