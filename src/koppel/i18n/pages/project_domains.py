"""Words of the project's domain windows (Persoonsgegevens, Prognoses, Pakketkeuzes), the
seed's words first."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "domains.button.personal_data": {
        "nl": "Persoonsgegevens naar project",
        "en": "Personal data to the project",
    },
    "domains.button.prognoses": {"nl": "Prognoses naar project", "en": "Prognoses to the project"},
    "domains.button.package_choices": {
        "nl": "Pakketten naar project",
        "en": "Packages to the project",
    },
    "domains.accept_conflicts": {
        "nl": "Bij conflicten ook de waarde van het portal overnemen",
        "en": "Take the portal's value for conflicts too",
    },
    "domains.selection": {"nl": "Selectie", "en": "Selection"},
    "domains.select_all": {"nl": "Alles selecteren", "en": "Select all"},
    "domains.select_none": {"nl": "Niets selecteren", "en": "Select none"},
    "domains.select_student": {"nl": "{student} selecteren", "en": "Select {student}"},
    "domains.column.select": {"nl": "Downloaden", "en": "Download"},
    "domains.column.origin": {"nl": "Waar gewijzigd", "en": "Where changed"},
    "domains.column.download": {"nl": "Download", "en": "Download"},
    "domains.column.differences": {"nl": "Verschillen", "en": "Differences"},
    "domains.project": {"nl": "Project", "en": "Project"},
    "domains.origin.portal": {"nl": "gewijzigd in het portal", "en": "changed in the portal"},
    "domains.origin.project": {
        "nl": "gewijzigd in het project: uw wijziging wordt vervangen",
        "en": "changed in the project: your change will be replaced",
    },
    "domains.origin.both": {
        "nl": "in beide gewijzigd: conflict",
        "en": "changed on both sides: conflict",
    },
    "domains.origin.mixed": {
        "nl": "in beide gewijzigd (andere velden): uw wijzigingen worden vervangen",
        "en": "changed on both sides (other fields): your changes will be replaced",
    },
    "domains.origin.first": {
        "nl": "nieuw: nog niet eerder gesynchroniseerd",
        "en": "new: never synced before",
    },
    "domains.base": {
        "nl": "Conflict. Bij de vorige synchronisatie: {value}",
        "en": "Conflict. At the last sync: {value}",
    },
    "domains.replaced": {
        "nl": "Gewijzigd in het project; de waarde van het portal vervangt hem (was {value})",
        "en": "Changed in the project; the portal's value replaces it (was {value})",
    },
    "domains.none": {
        "nl": "Geen verschillen: het project komt overeen met het portal.",
        "en": "No differences: the project matches the portal.",
    },
    "domains.count": {
        "nl": "{count} leerlingen met verschillen",
        "en": "{count} students with differences",
    },
    "domains.conflicts": {
        "nl": "{count} conflict(en): die worden overgeslagen, tenzij u aangeeft ook daar de "
        "waarde van het portal over te nemen.",
        "en": "{count} conflict(s): these are left alone unless you choose to take the portal's "
        "value for them too.",
    },
    "domains.legend": {
        "nl": "P = portal, D = project. Paars: het veld verschilt; rood: een conflict (beweeg de "
        "muis erover voor de waarde bij de vorige synchronisatie).",
        "en": "P = portal, D = project. Purple: the field differs; red: a conflict (hover over it "
        "for the value at the last sync).",
    },
    "domains.selection_help": {
        "nl": "Standaard zijn alle leerlingen geselecteerd; haal het vinkje weg bij wie u niet "
        "wilt downloaden.",
        "en": "All students are selected; clear the box of those you do not want to download.",
    },
    "domains.personal_note": {
        "nl": "Het portal is altijd leidend: persoonsgegevens kunt u alleen downloaden. Bij het "
        "openen van het project worden ze automatisch overgenomen; hier staan de verschillen die "
        "sindsdien zijn ontstaan en de conflicten.",
        "en": "The portal always leads: personal data can only be downloaded. It is taken over "
        "automatically when the project opens; here are the differences that appeared since, and "
        "the conflicts.",
    },
    "domains.prognoses_note": {
        "nl": "De teamleiders en mentoren passen de prognoses in rondes aan. Hier ziet u de "
        "leerlingen waarvan de prognose in het portal is aangepast.",
        "en": "Team leaders and mentors adjust the prognoses in rounds. These are the students "
        "whose prognosis changed in the portal.",
    },
    "domains.packages_note": {
        "nl": "Per afdeling het aantal leerlingen met verschillen; tussen rechte haken hoeveel "
        "daarvan een gewijzigde vrijstelling hebben (die gaan ook mee). Klik op 'Download "
        "pakketten!' om een afdeling over te slaan.",
        "en": "Per department the number of students with differences; in brackets how many of "
        "them have a changed exemption (those come along too). Click 'Download packages!' to "
        "leave a department out.",
    },
    "domains.take_on": {"nl": "Download pakketten!", "en": "Download packages!"},
    "domains.take_off": {"nl": "Geen download pakketten!", "en": "No package download!"},
    "domains.take_label": {
        "nl": "Pakketten van {department} downloaden",
        "en": "Download the packages of {department}",
    },
    "domains.only_new": {
        "nl": "Alleen afdelingen zonder pakketten in het project",
        "en": "Only departments without packages in the project",
    },
    "domains.has_packages": {
        "nl": "heeft al pakketten in het project",
        "en": "has packages in the project already",
    },
    "domains.department_students": {
        "nl": "Afdeling {department}: {count} leerlingen",
        "en": "Department {department}: {count} students",
    },
    "domains.fields_hidden": {
        "nl": "Velden zonder verschillen zijn weggelaten.",
        "en": "Fields without differences are left out.",
    },
    "domains.field.first_name": {"nl": "Voornaam", "en": "First name"},
    "domains.field.infix": {"nl": "Tussenvoegsel", "en": "Infix"},
    "domains.field.last_name": {"nl": "Achternaam", "en": "Last name"},
    "domains.field.gender": {"nl": "Geslacht", "en": "Gender"},
    "domains.field.street": {"nl": "Straat", "en": "Street"},
    "domains.field.house_number": {"nl": "Huisnummer", "en": "House number"},
    "domains.field.postcode": {"nl": "Postcode", "en": "Postcode"},
    "domains.field.city": {"nl": "Woonplaats", "en": "City"},
    "domains.field.email": {"nl": "E-mailadres", "en": "Email address"},
    "domains.field.previous_home_class": {"nl": "Stamklas oud", "en": "Previous home class"},
    "domains.field.round": {"nl": "Ronde", "en": "Round"},
    "domains.field.comment": {"nl": "Opmerking", "en": "Comment"},
    "domains.field.shares": {"nl": "Prognose", "en": "Prognosis"},
    "domains.field.profile": {"nl": "Profiel", "en": "Profile"},
    "domains.field.subjects": {"nl": "Vakken", "en": "Subjects"},
    "domains.field.exemptions": {"nl": "Vrijstellingen", "en": "Exemptions"},
}
