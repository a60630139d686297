"""Messages of imports, exports and undo: files, headers, values, progress."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "undo.of_undo": {
        "nl": "wijzigingenset {changeset} is zelf een ongedaanmaking; "
        "voer de wijziging opnieuw uit",
        "en": "change set {changeset} is itself an undo; apply the change again instead",
    },
    "undo.not_latest": {
        "nl": "wijzigingenset {changeset} kan pas ongedaan worden gemaakt na de nieuwere "
        "wijzigingenset {newer}: maak die eerst ongedaan (koppel undo {newer})",
        "en": "change set {changeset} can be undone only after the newer change set {newer}: "
        "undo that first (koppel undo {newer})",
    },
    "undo.unknown_action": {
        "nl": "deze wijzigingenset bevat '{action}', dat koppel niet ongedaan kan maken",
        "en": "this change set holds '{action}', which koppel cannot undo",
    },
    "undo.done": {
        "nl": "Wijzigingenset {changeset} ongedaan gemaakt ({count} wijzigingen teruggezet; "
        "vastgelegd als {undo}).",
        "en": "Change set {changeset} undone ({count} changes reversed; recorded as {undo}).",
    },
    "undo.already": {
        "nl": "Wijzigingenset {changeset} was al ongedaan gemaakt; er is niets veranderd.",
        "en": "Change set {changeset} was undone already; nothing changed.",
    },
    "import.where_row": {"nl": "rij {row}", "en": "row {row}"},
    "import.where_column": {"nl": "kolom '{column}'", "en": "column '{column}'"},
    "import.warning": {"nl": "Let op", "en": "Warning"},
    "import.nothing_written_errors": {
        "nl": "{count} fout(en) gevonden: er is niets geschreven. Verbeter het bestand en "
        "lees het opnieuw in.",
        "en": "{count} error(s) found: nothing was written. Correct the file and import it again.",
    },
    "import.summary": {"nl": "{file}: {rows} rijen", "en": "{file}: {rows} rows"},
    "import.count.new": {"nl": "nieuw", "en": "new"},
    "import.count.updated": {"nl": "gewijzigd", "en": "updated"},
    "import.count.unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
    "import.count.absent": {"nl": "niet in bestand", "en": "absent from file"},
    "import.kind.students": {"nl": "leerlingen", "en": "students"},
    "import.kind.staff": {"nl": "medewerkers", "en": "staff"},
    "import.kind.links": {"nl": "koppelingen", "en": "links"},
    "import.groups_new": {
        "nl": "{count} nieuwe groep(en) worden aangemaakt.",
        "en": "{count} new group(s) will be created.",
    },
    "import.preview_only": {
        "nl": "Voorbeeld: er is niets geschreven. Lees in zonder --dry-run om toe te passen.",
        "en": "Preview: nothing was written. Import without --dry-run to apply.",
    },
    "import.template_written": {
        "nl": "Sjabloon geschreven naar {file}: vul het in en lees het in met 'koppel import'.",
        "en": "Template written to {file}: fill it in and read it with 'koppel import'.",
    },
    "import.too_many_left": {
        "nl": "{count} van de {total} actieve leerlingen zouden als vertrokken worden gemarkeerd "
        "(meer dan {share}%; de {expected} leerlingen uit een examenjaar tellen niet mee): er is "
        "niets geschreven. Controleer het bestand, of gebruik --force als dit klopt.",
        "en": "{count} of the {total} active students would be marked as left (more than "
        "{share}%; the {expected} students of an exam year do not count): nothing was written. "
        "Check the file, or use --force if this is right.",
    },
    "import.too_many_absent": {
        "nl": "{count} van de {total} actieve leerlingen ontbreken in het bestand (meer dan "
        "{share}%; de {expected} leerlingen uit een examenjaar tellen niet mee). Stap 3 van de "
        "jaarovergang verwacht alle deelnemers van het nieuwe schooljaar: is de export "
        "compleet? Er is niets geschreven. Controleer het bestand, of gebruik --force als dit "
        "klopt.",
        "en": "{count} of the {total} active students are missing from the file (more than "
        "{share}%; the {expected} students of an exam year do not count). Step 3 of the year "
        "transition expects every participant of the new school year: is the export complete? "
        "Nothing was written. Check the file, or use --force if this is right.",
    },
    "import.number_repaired": {
        "nl": "leerlingnummer aangevuld met voorloopnullen tot {value} ({width} cijfers)",
        "en": "student number padded with leading zeros to {value} ({width} digits)",
    },
    "match.department_unknown": {
        "nl": "afdeling '{value}' is onbekend (het dichtst in de buurt: {nearest}); schrijf "
        "de code of de naam van de afdeling, of zet in het koppelprofiel (--mapping): {fix}",
        "en": "department '{value}' is unknown (nearest: {nearest}); write the department's "
        "code or name, or put in the mapping profile (--mapping): {fix}",
    },
    "match.gender_unknown": {
        "nl": "geslacht '{value}' is onbekend (het dichtst in de buurt: {nearest}); gebruik "
        "M, V of X, of zet in het koppelprofiel (--mapping): {fix}",
        "en": "gender '{value}' is unknown (nearest: {nearest}); use M, V (female) or X, or "
        "put in the mapping profile (--mapping): {fix}",
    },
    "match.ambiguous": {
        "nl": "{field} '{value}' kan meer dan één betekenen: {matches}; schrijf de code, of "
        "leg de keuze vast in het koppelprofiel (--mapping) onder [values.{field}]",
        "en": "{field} '{value}' could mean more than one: {matches}; write the code, or "
        "settle the choice in the mapping profile (--mapping) under [values.{field}]",
    },
    "match.profile_target": {
        "nl": "koppelprofiel {file}: [values.{field}] verwijst naar '{value}', dat niet "
        "bestaat; kies uit: {known}",
        "en": "mapping profile {file}: [values.{field}] names '{value}', which does not "
        "exist; choose from: {known}",
    },
    "import.values_mapped": {
        "nl": "Herkende waarden:",
        "en": "Values recognised:",
    },
    "import.value_mapped": {
        "nl": "{column} '{value}' -> {to} ({rows} rij(en), {how})",
        "en": "{column} '{value}' -> {to} ({rows} row(s), {how})",
    },
    "import.value_how.code": {
        "nl": "code in een andere schrijfwijze",
        "en": "code written differently",
    },
    "import.value_how.name": {"nl": "naam van de afdeling", "en": "the department's name"},
    "import.value_how.spelling": {"nl": "andere schrijfwijze", "en": "another spelling"},
    "import.value_how.word": {"nl": "woord voor het geslacht", "en": "word for the gender"},
    "import.value_how.profile": {"nl": "koppelprofiel", "en": "mapping profile"},
    "import.value_how.new": {
        "nl": "nieuwe klas, geschreven als code",
        "en": "new class, written as a code",
    },
    "import.group_without_department": {
        "nl": "bij klas '{group}' hoort geen bekende afdeling: vul de kolom Afdeling",
        "en": "class '{group}' belongs to no known department: fill in the Afdeling column",
    },
    "import.group_other_department": {
        "nl": "klas '{group}' hoort bij afdeling {department}, niet bij {given}",
        "en": "class '{group}' belongs to department {department}, not {given}",
    },
    "import.required_empty": {
        "nl": "{column} is leeg; dat veld is verplicht",
        "en": "{column} is empty; that field is required",
    },
    "import.required_empty_merged": {
        "nl": "{column} is leeg doordat de cel is samengevoegd; maak de samenvoeging ongedaan "
        "en vul elke rij",
        "en": "{column} is empty because the cell is merged; unmerge it and fill every row",
    },
    "import.duplicate_key": {
        "nl": "{value} staat ook al in rij {other_row}",
        "en": "{value} occurs in row {other_row} too",
    },
    "import.role_unknown": {
        "nl": "rol '{value}' is onbekend; gebruik docent, mentor, teamleider, roostermaker "
        "of beheerder",
        "en": "role '{value}' is unknown; "
        "use docent, mentor, teamleider, roostermaker or beheerder",
    },
    "import.link_role_unknown": {
        "nl": "rol '{value}' is onbekend; gebruik docent of mentor",
        "en": "role '{value}' is unknown; use docent (teacher) or mentor",
    },
    "import.group_unknown_skipped": {
        "nl": "groep '{group}' bestaat (nog) niet en is overgeslagen; koppel later met "
        "'koppel import teacher-groups'",
        "en": "group '{group}' does not exist (yet) and was skipped; link later with "
        "'koppel import teacher-groups'",
    },
    "import.group_unknown": {
        "nl": "groep '{group}' bestaat niet in schooljaar {year}",
        "en": "group '{group}' does not exist in school year {year}",
    },
    "import.staff_unknown": {
        "nl": "medewerker met docentcode '{value}' bestaat niet; lees eerst het personeel in",
        "en": "no staff member has staff code '{value}'; import the staff first",
    },
    "import.staff_email_unknown": {
        "nl": "geen medewerker heeft dit e-mailadres",
        "en": "no staff member has this email address",
    },
    "import.staff_missing": {
        "nl": "vul een docentcode of een e-mailadres in",
        "en": "fill in a staff code or an email address",
    },
    "file.missing": {
        "nl": "bestand {file} bestaat niet of kan niet worden gelezen",
        "en": "file {file} does not exist or cannot be read",
    },
    "file.too_large": {
        "nl": "bestand {file} is {size} MB; koppel leest hoogstens {limit} MB in één keer: "
        "splits het bestand",
        "en": "file {file} is {size} MB; koppel reads at most {limit} MB at once: split the file",
    },
    "file.too_many_rows": {
        "nl": "bestand {file} heeft meer dan {limit} rijen: splits het bestand",
        "en": "file {file} has more than {limit} rows: split the file",
    },
    "file.csv_named_xlsx": {
        "nl": "dit bestand heet .xlsx maar is een tekstbestand (csv); het is als csv gelezen",
        "en": "this file is named .xlsx but is a text (csv) file; it was read as csv",
    },
    "xlsx.too_many_entries": {
        "nl": "werkmap {file} bestaat uit {count} onderdelen (meer dan {limit}): geweigerd",
        "en": "workbook {file} holds {count} parts (more than {limit}): refused",
    },
    "xlsx.bomb": {
        "nl": "werkmap {file} zou uitgepakt {size} MB of een verdacht hoge compressie hebben "
        "(grens {limit} MB): geweigerd. Sla het op als csv of splits het",
        "en": "workbook {file} would unpack to {size} MB or compresses suspiciously well "
        "(limit {limit} MB): refused. Save it as csv or split it",
    },
    "xlsx.too_many_cells": {
        "nl": "werkmap {file}: een tabblad beslaat {rows} rijen bij {columns} kolommen, meer "
        "dan {limit} cellen: geweigerd. Verwijder wat ver rechts of ver onder de gegevens "
        "staat, of sla het op als csv",
        "en": "workbook {file}: a sheet spans {rows} rows by {columns} columns, more than "
        "{limit} cells: refused. Delete what stands far right of or below the data, or save "
        "it as csv",
    },
    "xlsx.corrupt": {
        "nl": "werkmap {file} is beschadigd of geen Excel-bestand: open en bewaar het opnieuw "
        "in Excel, of sla het op als csv",
        "en": "workbook {file} is damaged or not an Excel file: open and save it again in "
        "Excel, or save it as csv",
    },
    "xlsx.encrypted": {
        "nl": "{file} is versleuteld of in het oude .xls-formaat: sla op als .xlsx zonder "
        "wachtwoord of als csv",
        "en": "{file} is encrypted or in the old .xls format: save it as .xlsx without a "
        "password, or as csv",
    },
    "xlsx.dtd": {
        "nl": "werkmap {file} bevat een DTD in {part} (mogelijk een XML-aanval): geweigerd",
        "en": "workbook {file} holds a DTD in {part} (a possible XML attack): refused",
    },
    "xlsx.no_such_sheet": {
        "nl": "tabblad '{sheet}' bestaat niet in {file}; de tabbladen zijn: {sheets}",
        "en": "sheet '{sheet}' does not exist in {file}; the sheets are: {sheets}",
    },
    "csv.encoding": {
        "nl": "de tekenset van {file} is niet te herkennen: sla het op als UTF-8",
        "en": "the encoding of {file} cannot be recognised: save it as UTF-8",
    },
    "csv.binary": {
        "nl": "{file} is geen tekstbestand: lever een .xlsx of .csv aan",
        "en": "{file} is not a text file: provide an .xlsx or .csv file",
    },
    "csv.syntax": {
        "nl": "{file} is geen geldige csv: {reason}",
        "en": "{file} is not valid csv: {reason}",
    },
    "header.unknown": {
        "nl": "onbekende kolom, genegeerd",
        "en": "unknown column, ignored",
    },
    "header.twice": {
        "nl": "kolom '{column}' betekent hetzelfde als '{first}' ({field}): laat er één staan",
        "en": "column '{column}' means the same as '{first}' ({field}): keep one of them",
    },
    "header.missing": {
        "nl": "verplichte kolom(men) ontbreken: {missing}. Gevonden: {found}. Verwacht: "
        "{expected}. Gebruik een koppelprofiel (--mapping) als de namen afwijken",
        "en": "required column(s) missing: {missing}. Found: {found}. Expected: {expected}. "
        "Use a mapping profile (--mapping) when the names differ",
    },
    "header.not_found": {
        "nl": "in {file} staat in de eerste 20 rijen geen rij met de kolomkoppen {required} "
        "(tabbladen: {sheets}); kies het tabblad met --sheet of gebruik --mapping",
        "en": "no row within the first 20 of {file} has the headers {required} "
        "(sheets: {sheets}); choose the sheet with --sheet or use --mapping",
    },
    "profile.syntax": {
        "nl": "koppelprofiel {file} is geen geldige TOML: {reason}",
        "en": "mapping profile {file} is not valid TOML: {reason}",
    },
    "profile.no_columns": {
        "nl": "koppelprofiel {file} heeft geen sectie [columns] of [values]: voeg er een toe",
        "en": "mapping profile {file} has no [columns] or [values] section: add one",
    },
    "profile.values_field": {
        "nl": "koppelprofiel {file}: [{column}] is geen veld waarvan koppel waarden koppelt; "
        "kies uit: {known}",
        "en": "mapping profile {file}: [{column}] is not a field whose values koppel maps; "
        "choose from: {known}",
    },
    "profile.values_table": {
        "nl": "koppelprofiel {file}: [{column}] moet een tabel zijn met per regel "
        '"waarde in het bestand" = "waarde in koppel"',
        "en": "mapping profile {file}: [{column}] must be a table with one "
        '"value in the file" = "value in koppel" per line',
    },
    "profile.value_empty": {
        "nl": "koppelprofiel {file}: in [{column}] is '{value}' of wat erbij staat leeg "
        "(zonder letters of cijfers): vul beide kanten in",
        "en": "mapping profile {file}: in [{column}] '{value}' or what it maps to is empty "
        "(no letters or digits): fill in both sides",
    },
    "profile.value_twice": {
        "nl": "koppelprofiel {file}: in [{column}] is '{value}' dezelfde als '{first}' "
        "(hoofdletters, spaties en leestekens tellen niet mee): laat er één staan",
        "en": "mapping profile {file}: in [{column}] '{value}' is the same as '{first}' "
        "(case, spaces and punctuation do not count): keep one of them",
    },
    "profile.unknown_column": {
        "nl": "koppelprofiel {file}: '{column}' verwijst naar onbekend veld '{value}'; "
        "bekende velden: {known}",
        "en": "mapping profile {file}: '{column}' names unknown field '{value}'; "
        "known fields: {known}",
    },
    "value.gender": {
        "nl": "geslacht '{value}' is onbekend; gebruik M, V of X",
        "en": "gender '{value}' is unknown; use M, V (female) or X",
    },
    "value.date_impossible": {
        "nl": "deze datum bestaat niet",
        "en": "this date does not exist",
    },
    "value.date_ambiguous": {
        "nl": "de datum is dubbelzinnig (dag/maand of maand/dag); schrijf dd-mm-jjjj of jjjj-mm-dd",
        "en": "the date is ambiguous (day/month or month/day); write dd-mm-yyyy or yyyy-mm-dd",
    },
    "value.date_format": {
        "nl": "dit is geen datum; schrijf dd-mm-jjjj of jjjj-mm-dd",
        "en": "this is not a date; write dd-mm-yyyy or yyyy-mm-dd",
    },
    "value.yes_no": {
        "nl": "'{value}' is geen ja of nee",
        "en": "'{value}' is not a yes or no",
    },
    "export.done": {
        "nl": "{count} leerlingen geschreven naar {file}.",
        "en": "{count} students written to {file}.",
    },
    "export.suffix": {
        "nl": "{file}: koppel schrijft alleen {suffixes}",
        "en": "{file}: koppel writes only {suffixes}",
    },
    "progress.read": {"nl": "{file} lezen", "en": "reading {file}"},
    "progress.check": {"nl": "Rijen controleren", "en": "checking rows"},
    "progress.apply": {"nl": "Wijzigingen toepassen", "en": "applying changes"},
    "import.school_year": {
        "nl": "Schooljaar: {year}.",
        "en": "School year: {year}.",
    },
    "import.prognosis_differs": {
        "nl": "Afdeling in het bestand anders dan de prognose (teamleiders controleren dit), "
        "per afdeling: {departments}. De leerlingen staan in --json onder prognosis_differs.",
        "en": "Department in the file differs from the prognosis (team leaders check these), "
        "per department: {departments}. The students are listed in --json under "
        "prognosis_differs.",
    },
}
