"""Messages of the domain's rules and of storage: values, keys, databases."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "password.current_wrong": {
        "nl": "het huidige wachtwoord klopt niet",
        "en": "the current password is not right",
    },
    "password.mismatch": {
        "nl": "de twee nieuwe wachtwoorden zijn niet gelijk",
        "en": "the two new passwords differ",
    },
    "token.role": {
        "nl": "account {username} heeft de rol {role} niet; een token kan alleen een rol van "
        "zijn account krijgen",
        "en": "account {username} does not have the role {role}; a token can only have a "
        "role of its account",
    },
    "api.unauthorised": {
        "nl": "geen of een ongeldig API-token: stuur 'Authorization: Bearer <token>'",
        "en": "no or an invalid API token: send 'Authorization: Bearer <token>'",
    },
    "sign_in.refused": {
        "nl": "Gebruikersnaam of wachtwoord klopt niet.",
        "en": "Username or password is not right.",
    },
    "sign_in.paused": {
        "nl": "Te veel mislukte pogingen: probeer het over {minutes} minuten opnieuw.",
        "en": "Too many failed attempts: try again in {minutes} minutes.",
    },
    "invalid_value": {
        "nl": "{field}: {reason}",
        "en": "{field}: {reason}",
    },
    "school_year.format": {
        "nl": "schooljaar '{value}' moet de vorm 2026-2027 hebben (twee opeenvolgende jaren)",
        "en": "school year '{value}' must look like 2026-2027 (two consecutive years)",
    },
    "postcode.format": {
        "nl": "de postcode is geen Nederlandse postcode (zoals 1234 AB)",
        "en": "the postcode is not a Dutch postcode (like 1234 AB)",
    },
    "email.format": {
        "nl": "het e-mailadres is ongeldig",
        "en": "the email address is not valid",
    },
    "required": {
        "nl": "{field} is verplicht",
        "en": "{field} is required",
    },
    "student_number.format": {
        "nl": "leerlingnummer '{value}' mag alleen cijfers en letters bevatten, met - _ . @ "
        "ertussen (hoogstens 20 tekens, geen getal met decimalen)",
        "en": "student number '{value}' may hold only digits and letters, with - _ . @ "
        "between them (at most 20 characters, no number with decimals)",
    },
    "student_number.duplicate": {
        "nl": "leerlingnummer {value} komt meer dan één keer voor",
        "en": "student number {value} occurs more than once",
    },
    "staff_code.format": {
        "nl": "docentcode '{value}' moet uit 2 tot 8 letters of cijfers bestaan",
        "en": "staff code '{value}' must be 2 to 8 letters or digits",
    },
    "department.code": {
        "nl": "afdelingscode '{value}' moet beginnen met het leerjaar 1-6 (zoals 4V of 1HV)",
        "en": "department code '{value}' must start with the year of study 1-6 (like 4V or 1HV)",
    },
    "department.year": {
        "nl": "afdeling {code}: leerjaar {year} past niet bij de code",
        "en": "department {code}: year of study {year} does not match the code",
    },
    "choice_window.half": {
        "nl": "afdeling {code}: geef van de keuzeperiode zowel de begin- als de einddatum",
        "en": "department {code}: give both the first and the last day of the choice window",
    },
    "choice_window.order": {
        "nl": "de keuzeperiode eindigt ({closes}) voordat ze begint ({opens})",
        "en": "the choice window closes ({closes}) before it opens ({opens})",
    },
    "edit.rejected": {
        "nl": "niets opgeslagen; verbeter: {fields}",
        "en": "nothing saved; correct: {fields}",
    },
    "access.denied": {
        "nl": "dit hoort niet bij uw rol of uw afdelingen; er is niets gewijzigd",
        "en": "this does not belong to your role or your departments; nothing was changed",
    },
    "package.unknown_subject": {
        "nl": "{subjects} kan in afdeling {department} niet gekozen worden; kies uit: {allowed}",
        "en": "{subjects} cannot be chosen in department {department}; choose from: {allowed}",
    },
    "choice_window.closed": {
        "nl": "de keuzeperiode van afdeling {department} is niet open; vraag uw mentor",
        "en": "the choice window of department {department} is not open; ask your mentor",
    },
    "round.number": {
        "nl": "ronde '{value}' moet een heel getal zijn, 1 of hoger",
        "en": "round '{value}' must be a whole number, 1 or more",
    },
    "prognosis.empty": {
        "nl": "vul een afdeling in, of meerdere met percentages (zoals 4H 50 / 4V 50)",
        "en": "give a department, or several with percentages (like 4H 50 / 4V 50)",
    },
    "prognosis.format": {
        "nl": "'{value}' is geen afdeling met percentage; schrijf het als 4V of 4H 50 / 4V 50",
        "en": "'{value}' is no department with a percentage; write it as 4V or 4H 50 / 4V 50",
    },
    "prognosis.percentage_missing": {
        "nl": "geef afdeling {department} een percentage (de percentages tellen op tot 100)",
        "en": "give department {department} a percentage (the percentages add up to 100)",
    },
    "percentage.range": {
        "nl": "percentage {value} moet tussen 1 en 100 liggen",
        "en": "percentage {value} must lie between 1 and 100",
    },
    "percentage.total": {
        "nl": "de percentages van leerling {student} tellen op tot {total}, niet tot 100",
        "en": "the percentages of student {student} add up to {total}, not 100",
    },
    "department.repeated": {
        "nl": "afdeling {department} staat meer dan eens in de prognose van leerling {student}",
        "en": "department {department} occurs more than once in the prognosis of {student}",
    },
    "round.range": {
        "nl": "prognoseronde {value} moet 1 of hoger zijn",
        "en": "prognosis round {value} must be 1 or higher",
    },
    "exemption.not_in_package": {
        "nl": "vrijstelling voor {subjects} bij leerling {student}: dat vak zit niet in het pakket",
        "en": "exemption for {subjects} of student {student}: not a subject of the package",
    },
    "home_class.department": {
        "nl": "stamklas {group} hoort bij een afdeling",
        "en": "home class {group} needs a department",
    },
    "home_class.twice": {
        "nl": "leerling {student} zit in afdeling {department} in twee stamklassen: {groups}",
        "en": "student {student} has two home classes in department {department}: {groups}",
    },
    "account.username": {
        "nl": "gebruikersnaam '{value}' mag letters, cijfers en . _ - @ bevatten (3 tot 64 tekens)",
        "en": "username '{value}' may hold letters, digits and . _ - @ (3 to 64 characters)",
    },
    "account.student_link": {
        "nl": "account {username} met de rol leerling moet bij een leerling horen",
        "en": "account {username} with the role student must belong to a student",
    },
    "account.no_roles": {
        "nl": "account {username} heeft geen rol",
        "en": "account {username} has no role",
    },
    "password.too_short": {
        "nl": "het wachtwoord moet minstens {minimum} tekens lang zijn",
        "en": "the password must be at least {minimum} characters long",
    },
    # files: readers, header mapping, profiles and values (koppel.files)
    "file.empty": {
        "nl": "bestand {file} is leeg: exporteer het opnieuw uit het leerlingadministratiesysteem",
        "en": "file {file} is empty: export it again from the school administration system",
    },
    "file.values_without_header": {
        "nl": "{count} waarde(n) staan in een kolom zonder kolomkop (kolom {columns}) en zijn "
        "niet gelezen; geef die kolom een kop als ze nodig zijn",
        "en": "{count} value(s) stand in a column without a header (column {columns}) and "
        "were not read; give that column a header if they are needed",
    },
    "file.control_character": {
        "nl": "bevat een stuurteken ({character}, teken {position}) dat koppel niet bewaart; "
        "haal het weg en sla het bestand opnieuw op",
        "en": "holds a control character ({character}, character {position}) that koppel "
        "does not store; remove it and save the file again",
    },
    "file.value_too_long": {
        "nl": "is {length} tekens lang; koppel bewaart er hoogstens {limit}",
        "en": "is {length} characters long; koppel stores at most {limit}",
    },
    "file.name_too_long": {
        "nl": "de volledige naam (roepnaam, tussenvoegsel en achternaam) is {length} tekens "
        "lang; een account bewaart er hoogstens {limit}",
        "en": "the full name (first name, infix and last name) is {length} characters long; "
        "an account stores at most {limit}",
    },
    "file.sheet_in_csv": {
        "nl": "tabblad '{sheet}' genegeerd: een csv-bestand heeft geen tabbladen",
        "en": "sheet '{sheet}' ignored: a csv file has no sheets",
    },
    "xlsx.xml_prolog": {
        "nl": "werkmap {file}: onderdeel {part} begint niet zoals in een Excel-bestand: "
        "geweigerd. Open en bewaar het opnieuw in Excel, of sla het op als csv",
        "en": "workbook {file}: part {part} does not start like an Excel file's: refused. "
        "Open and save it again in Excel, or save it as csv",
    },
    "csv.bad_bytes": {
        "nl": "bestand {file} zegt {encoding} te zijn maar bevat bij byte {offset} tekens die "
        "dat niet zijn: sla het opnieuw op als CSV UTF-8",
        "en": "file {file} says it is {encoding} but holds bytes at offset {offset} that are "
        "not: save it again as CSV UTF-8",
    },
    "header.not_for_kind": {
        "nl": "kolom '{header}' is volgens het koppelprofiel {field}, maar dat hoort niet in "
        "dit soort bestand; genegeerd",
        "en": "column '{header}' is {field} according to the mapping profile, but that does "
        "not belong in this kind of file; ignored",
    },
    "profile.empty_header": {
        "nl": "koppelprofiel {file}: kolomkop '{column}' bevat geen letters of cijfers",
        "en": "mapping profile {file}: header '{column}' has no letters or digits",
    },
    "profile.header_twice": {
        "nl": "koppelprofiel {file}: kolomkop '{column}' is dezelfde als '{first}' (hoofdletters, "
        "spaties en leestekens tellen niet mee): laat er één staan",
        "en": "mapping profile {file}: header '{column}' is the same as '{first}' (case, "
        "spaces and punctuation do not count): keep one of them",
    },
    "value.date_short_year": {
        "nl": "de datum heeft een jaartal van twee cijfers; schrijf het jaar voluit: "
        "dd-mm-jjjj of jjjj-mm-dd",
        "en": "the date has a two-digit year; write the year in full: dd-mm-yyyy or yyyy-mm-dd",
    },
    "csv.too_many_columns": {
        "nl": "bestand {file}, rij {row}: meer dan {limit} kolommen; zo ziet geen export "
        "eruit. Verbeter die rij en sla het bestand opnieuw op",
        "en": "file {file}, row {row}: more than {limit} columns; no export looks like "
        "that. Correct that row and save the file again",
    },
    "csv.unclosed_quote": {
        "nl": "bestand {file}, rij {row}: een aanhalingsteken wordt geopend maar niet gesloten, "
        "waardoor de rest van het bestand één waarde lijkt; verbeter die rij en sla het "
        "bestand opnieuw op",
        "en": "file {file}, row {row}: a quote is opened but never closed, so the rest of the "
        "file looks like one value; correct that row and save the file again",
    },
    "not_found": {
        "nl": "{entity} '{key}' bestaat niet",
        "en": "{entity} '{key}' does not exist",
    },
    "already_exists": {
        "nl": "{entity} '{key}' bestaat al",
        "en": "{entity} '{key}' already exists",
    },
    "database.not_initialised": {
        "nl": "de database {url} is nog niet ingericht; voer eerst 'koppel init' uit",
        "en": "the database {url} is not set up yet; run 'koppel init' first",
    },
    "database.unreachable": {
        "nl": "de database {url} is niet bereikbaar: {reason}",
        "en": "the database {url} cannot be reached: {reason}",
    },
    "database.busy": {
        "nl": "een andere wijziging werd al {seconds} seconden geschreven; deze is niet "
        "begonnen en er is niets opgeslagen. Probeer het opnieuw als die andere klaar is",
        "en": "another change was being written for {seconds} seconds; this one did not "
        "start and nothing was saved. Try again once the other one is done",
    },
    "database.waiting": {
        "nl": "Een andere wijziging wordt nu geschreven; koppel wacht tot die klaar is "
        "(hoogstens {seconds} seconden) en leest dan pas.",
        "en": "Another change is being written now; koppel waits until it is done (at "
        "most {seconds} seconds) before it reads.",
    },
    "database.lost": {
        "nl": "de verbinding met de database viel weg ({reason}); een wijziging die "
        "niet af was, is niet opgeslagen. Controleer of de database draait en probeer het "
        "opnieuw",
        "en": "the connection to the database was lost ({reason}); a change that was "
        "not finished was not saved. Check that the database runs and try again",
    },
    "database.failed": {
        "nl": "de database gaf een fout ({reason}); een wijziging die niet af was, is "
        "niet opgeslagen. Probeer het opnieuw",
        "en": "the database gave an error ({reason}); a change that was not finished "
        "was not saved. Try again",
    },
    "database.url": {
        "nl": "'{url}' is geen database-adres; gebruik sqlite:///pad.db of postgresql://...",
        "en": "'{url}' is not a database URL; use sqlite:///path.db or postgresql://...",
    },
}
