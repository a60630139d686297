"""Messages of reading an SIS set from an SIS integration (OneRoster, School Data Sync).

The command line puts file, row and column before each message; the messages say what is
wrong and what to do next.
"""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    # the set as a whole: folder or zip, its files, its format
    "roster.not_found": {
        "nl": "{file} bestaat niet: geef een map of een zip-bestand met de csv-bestanden van "
        "de koppeling",
        "en": "{file} does not exist: give a folder or a zip file holding the integration's "
        "csv files",
    },
    "roster.not_a_set": {
        "nl": "{file} is geen map en geen zip-bestand: geef de map of het zip-bestand met de "
        "csv-bestanden van de koppeling",
        "en": "{file} is neither a folder nor a zip file: give the folder or zip file holding "
        "the integration's csv files",
    },
    "roster.zip_corrupt": {
        "nl": "zip-bestand {file} is beschadigd of gebruikt een onbekende compressie: pak het "
        "opnieuw in of exporteer het opnieuw",
        "en": "zip file {file} is damaged or uses an unknown compression: zip it again or "
        "export it again",
    },
    "roster.zip_encrypted": {
        "nl": "zip-bestand {file} is met een wachtwoord beveiligd: pak het in zonder wachtwoord",
        "en": "zip file {file} is protected with a password: zip it without a password",
    },
    "roster.zip_unsafe_name": {
        "nl": "zip-bestand {file} bevat '{name}', een pad buiten de map: geweigerd. Pak alleen "
        "de csv-bestanden in",
        "en": "zip file {file} holds '{name}', a path outside its folder: refused. Zip only "
        "the csv files",
    },
    "roster.zip_folders": {
        "nl": "zip-bestand {file} bevat csv-bestanden in meer dan één map ({folders}): zet één "
        "set per zip-bestand",
        "en": "zip file {file} holds csv files in more than one folder ({folders}): put one "
        "set in each zip file",
    },
    "roster.too_large": {
        "nl": "{file} zou uitgepakt {size} MB zijn of wordt verdacht sterk gecomprimeerd "
        "(grens {limit} MB): geweigerd. Splits de set of neem contact op met de beheerder",
        "en": "{file} would unpack to {size} MB or compresses suspiciously well (limit "
        "{limit} MB): refused. Split the set or contact the administrator",
    },
    "roster.too_many_files": {
        "nl": "{file} bevat {count} bestanden (meer dan {limit}): geweigerd. Geef alleen de "
        "csv-bestanden van de koppeling",
        "en": "{file} holds {count} files (more than {limit}): refused. Give only the "
        "integration's csv files",
    },
    "roster.duplicate_file": {
        "nl": "{file} bevat zowel {first} als {second}; bestandsnamen tellen zonder "
        "hoofdletters: laat er één staan",
        "en": "{file} holds both {first} and {second}; file names count without case: keep "
        "one of them",
    },
    "roster.unknown_format": {
        "nl": "{file} is geen roosterset in een formaat dat koppel leest (gevonden: {found}). "
        "koppel leest: OneRoster 1.1/1.2 CSV (manifest.csv met orgs.csv, users.csv, ...); "
        "School Data Sync v2.1 (orgs.csv, users.csv en roles.csv); School Data Sync klassiek "
        "v1 (School.csv, Section.csv, Student.csv, Teacher.csv, StudentEnrollment.csv en "
        "TeacherRoster.csv). Exporteer de set in een van die formaten",
        "en": "{file} is no roster set in a format koppel reads (found: {found}). koppel "
        "reads: OneRoster 1.1/1.2 CSV (manifest.csv with orgs.csv, users.csv, ...); School "
        "Data Sync v2.1 (orgs.csv, users.csv and roles.csv); School Data Sync classic v1 "
        "(School.csv, Section.csv, Student.csv, Teacher.csv, StudentEnrollment.csv and "
        "TeacherRoster.csv). Export the set in one of those formats",
    },
    "roster.looks_like": {
        "nl": "{file} lijkt een {format}-set, maar {missing} ontbreekt (gevonden: {found}). "
        "Exporteer de set opnieuw met {missing}",
        "en": "{file} looks like a {format} set, but {missing} is missing (found: {found}). "
        "Export the set again with {missing}",
    },
    "roster.sds.missing_file": {
        "nl": "deze {format}-set mist {file}: voeg het bestand toe (het mag alleen een kopregel "
        "hebben)",
        "en": "this {format} set lacks {file}: add the file (it may hold just a header row)",
    },
    # manifest.csv
    "roster.manifest.version": {
        "nl": "oneroster.version '{value}' wordt niet ondersteund: koppel leest OneRoster 1.0, "
        "1.1 en 1.2",
        "en": "oneroster.version '{value}' is not supported: koppel reads OneRoster 1.0, 1.1 "
        "and 1.2",
    },
    "roster.manifest.no_version": {
        "nl": "manifest.csv noemt geen oneroster.version: voeg de regel 'oneroster.version,1.1' "
        "(of 1.2) toe",
        "en": "manifest.csv names no oneroster.version: add the line 'oneroster.version,1.1' "
        "(or 1.2)",
    },
    "roster.manifest.mode": {
        "nl": "'{value}' is geen geldige waarde voor {property}: gebruik bulk, delta of absent",
        "en": "'{value}' is not a valid value for {property}: use bulk, delta or absent",
    },
    "roster.manifest.file_missing": {
        "nl": "manifest.csv noemt {file} als {mode}, maar het bestand zit niet in de set: voeg "
        "het toe of zet {property} op absent",
        "en": "manifest.csv lists {file} as {mode}, but the set does not hold it: add it or "
        "set {property} to absent",
    },
    "roster.manifest.not_listed": {
        "nl": "{file} zit in de set maar manifest.csv noemt het niet: voeg '{property},bulk' "
        "(of delta) toe aan manifest.csv",
        "en": "{file} is in the set but manifest.csv does not list it: add '{property},bulk' "
        "(or delta) to manifest.csv",
    },
    "roster.manifest.ignored": {
        "nl": "{file} is niet gelezen: manifest.csv zegt {property},absent",
        "en": "{file} was not read: manifest.csv says {property},absent",
    },
    # headers
    "roster.header.missing": {
        "nl": "verplichte kolom '{column}' ontbreekt in {file}. Gevonden kolommen: {found}. "
        "Voeg de kolom toe aan de export",
        "en": "required column '{column}' is missing from {file}. Columns found: {found}. "
        "Add the column to the export",
    },
    "roster.header.twice": {
        "nl": "deze kolom staat twee keer in het bestand (hoofdletters tellen niet): laat er "
        "één staan",
        "en": "this column is in the file twice (case does not count): keep one of them",
    },
    "roster.header.password": {
        "nl": "kolom overgeslagen: koppel leest en bewaart geen wachtwoorden",
        "en": "column skipped: koppel neither reads nor stores passwords",
    },
    # values
    "roster.value.required": {
        "nl": "deze waarde is leeg maar verplicht in {file}: vul haar in in de export",
        "en": "this value is empty but required in {file}: fill it in in the export",
    },
    "roster.value.enum": {
        "nl": "'{value}' is hier geen geldige waarde; toegestaan: {allowed}",
        "en": "'{value}' is not a valid value here; allowed: {allowed}",
    },
    "roster.value.status_delta": {
        "nl": "status is leeg; in een delta-bestand moet elke regel 'active' of 'tobedeleted' "
        "zijn: vul de status in",
        "en": "status is empty; in a delta file every row must be 'active' or 'tobedeleted': "
        "fill in the status",
    },
    "roster.value.date": {
        "nl": "'{value}' is geen datum in de vorm JJJJ-MM-DD (zoals 2024-08-01): verbeter de "
        "datum in de export",
        "en": "'{value}' is not a date of the form YYYY-MM-DD (like 2024-08-01): correct the "
        "date in the export",
    },
    "roster.value.date_us": {
        "nl": "'{value}' is geen datum in de vorm M/D/JJJJ of JJJJ-MM-DD (zoals 8/1/2024 of "
        "2024-08-01): verbeter de datum in de export",
        "en": "'{value}' is not a date of the form M/D/YYYY or YYYY-MM-DD (like 8/1/2024 or "
        "2024-08-01): correct the date in the export",
    },
    "roster.value.datetime": {
        "nl": "'{value}' is geen datum en tijd volgens ISO 8601 (zoals 2024-08-01T12:00:00Z): "
        "verbeter de waarde in de export",
        "en": "'{value}' is not an ISO 8601 date and time (like 2024-08-01T12:00:00Z): correct "
        "the value in the export",
    },
    "roster.value.date_order": {
        "nl": "de einddatum {end} ligt voor de begindatum {start}: verbeter een van beide",
        "en": "the end date {end} lies before the start date {start}: correct one of them",
    },
    "roster.value.school_year": {
        "nl": "'{value}' is geen schooljaar: schrijf het jaar waarin het schooljaar eindigt "
        "(2027 voor 2026-2027), of laat het leeg (dan tellen de datums)",
        "en": "'{value}' is no school year: write the year the school year ends in (2027 for "
        "2026-2027), or leave it blank (the dates then count)",
    },
    "roster.value.boolean": {
        "nl": "'{value}' is geen true of false: gebruik true of false",
        "en": "'{value}' is not true or false: use true or false",
    },
    "roster.value.session_type": {
        "nl": "'{value}' is geen bekend soort periode (schoolYear, semester, term, "
        "gradingPeriod); overgenomen zoals het er staat",
        "en": "'{value}' is not a known kind of session (schoolYear, semester, term, "
        "gradingPeriod); taken as it stands",
    },
    # ids and references
    "roster.duplicate_id": {
        "nl": "'{value}' staat ook in rij {first}: elke id mag maar één keer voorkomen. Verwijder "
        "of hernummer een van beide",
        "en": "'{value}' is also in row {first}: every id may occur only once. Remove or "
        "renumber one of them",
    },
    "roster.duplicate_other_file": {
        "nl": "'{value}' staat ook in {other}, rij {first}: een leerling en een docent mogen "
        "niet dezelfde SIS ID hebben. Geef een van beide een andere",
        "en": "'{value}' is also in {other}, row {first}: a student and a teacher may not "
        "share an SIS ID. Give one of them another",
    },
    "roster.duplicate_enrollment": {
        "nl": "deze inschrijving staat ook in rij {first}; deze rij is overgeslagen",
        "en": "this enrollment is also in row {first}; this row was skipped",
    },
    "roster.reference.org": {
        "nl": "organisatie (school) '{value}' bestaat niet in {target}. Controleer de export of "
        "voeg de organisatie toe",
        "en": "organisation (school) '{value}' does not exist in {target}. Check the export or "
        "add the organisation",
    },
    "roster.reference.session": {
        "nl": "periode '{value}' bestaat niet in {target}; het schooljaar is daardoor onbekend. "
        "Controleer de export of voeg de periode toe",
        "en": "session '{value}' does not exist in {target}, so the school year is unknown. "
        "Check the export or add the session",
    },
    "roster.reference.class": {
        "nl": "klas '{value}' bestaat niet in {target}. Controleer de export of voeg de klas toe",
        "en": "class '{value}' does not exist in {target}. Check the export or add the class",
    },
    "roster.reference.user": {
        "nl": "gebruiker '{value}' bestaat niet in {target}. Controleer de export of voeg de "
        "gebruiker toe",
        "en": "user '{value}' does not exist in {target}. Check the export or add the user",
    },
    "roster.reference.student": {
        "nl": "leerling '{value}' bestaat niet in {target}. Controleer de export of voeg de "
        "leerling toe",
        "en": "student '{value}' does not exist in {target}. Check the export or add the student",
    },
    "roster.reference.teacher": {
        "nl": "docent '{value}' bestaat niet in {target}. Controleer de export of voeg de "
        "docent toe",
        "en": "teacher '{value}' does not exist in {target}. Check the export or add the teacher",
    },
    "roster.user.no_role": {
        "nl": "gebruiker '{value}' heeft geen rol in {target}, dus koppel weet niet of het een "
        "leerling of medewerker is: voeg de rol toe",
        "en": "user '{value}' has no role in {target}, so koppel cannot tell a student from "
        "staff: add the role",
    },
    "roster.more": {
        "nl": "en nog {count} keer hetzelfde probleem in deze kolom",
        "en": "and {count} more of the same problem in this column",
    },
    "roster.more_in_file": {
        "nl": "en nog {count} keer hetzelfde probleem in dit bestand",
        "en": "and {count} more of the same problem in this file",
    },
}
