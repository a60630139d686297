"""Words of the project's domain windows (Persoonsgegevens, Prognoses, Pakketkeuzes), the
seed's words first."""

from __future__ import annotations

from typing import Final

_FIELDS: Final[dict[str, tuple[str, str]]] = {
    "first_name": ("Voornaam", "First name"),
    "infix": ("Tussenvoegsel", "Infix"),
    "last_name": ("Achternaam", "Last name"),
    "gender": ("Geslacht", "Gender"),
    "street": ("Straat", "Street"),
    "house_number": ("Huisnummer", "House number"),
    "postcode": ("Postcode", "Postcode"),
    "city": ("Woonplaats", "City"),
    "email": ("E-mailadres", "Email address"),
    "previous_home_class": ("Stamklas oud", "Previous home class"),
    "round": ("Ronde", "Round"),
    "comment": ("Opmerking", "Comment"),
    "shares": ("Prognose", "Prognosis"),
    "profile": ("Profiel", "Profile"),
    "subjects": ("Vakken", "Subjects"),
    "exemptions": ("Vrijstellingen", "Exemptions"),
}

_OWN: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "domains.button.personal_data": "Persoonsgegevens naar project",
        "domains.button.prognoses": "Prognoses naar project",
        "domains.button.package_choices": "Pakketten naar project",
        "domains.accept_conflicts": "Bij conflicten ook de waarde van het portal overnemen",
        "domains.selection": "Selectie",
        "domains.select_all": "Alles selecteren",
        "domains.select_none": "Niets selecteren",
        "domains.select_student": "{student} selecteren",
        "domains.column.select": "Downloaden",
        "domains.column.student": "Leerling",
        "domains.column.name": "Naam",
        "domains.column.origin": "Waar gewijzigd",
        "domains.column.department": "Afdeling",
        "domains.column.download": "Download",
        "domains.column.differences": "Verschillen",
        "domains.portal": "Portal",
        "domains.project": "Project",
        "domains.origin.portal": "gewijzigd in het portal",
        "domains.origin.project": "gewijzigd in het project: uw wijziging wordt vervangen",
        "domains.origin.both": "in beide gewijzigd: conflict",
        "domains.origin.mixed": "in beide gewijzigd (andere velden): uw wijzigingen worden "
        "vervangen",
        "domains.origin.first": "nieuw: nog niet eerder gesynchroniseerd",
        "domains.base": "Conflict. Bij de vorige synchronisatie: {value}",
        "domains.replaced": "Gewijzigd in het project; de waarde van het portal vervangt hem "
        "(was {value})",
        "domains.none": "Geen verschillen: het project komt overeen met het portal.",
        "domains.count": "{count} leerlingen met verschillen",
        "domains.conflicts": "{count} conflict(en): die worden overgeslagen, tenzij u "
        "aangeeft ook daar de waarde van het portal over te nemen.",
        "domains.legend": "P = portal, D = project. Paars: het veld verschilt; rood: een "
        "conflict (beweeg de muis erover voor de waarde bij de vorige synchronisatie).",
        "domains.selection_help": "Standaard zijn alle leerlingen geselecteerd; haal het "
        "vinkje weg bij wie u niet wilt downloaden.",
        "domains.personal_note": "Het portal is altijd leidend: persoonsgegevens kunt u "
        "alleen downloaden. Bij het openen van het project worden ze automatisch overgenomen; "
        "hier staan de verschillen die sindsdien zijn ontstaan en de conflicten.",
        "domains.prognoses_note": "De teamleiders en mentoren passen de prognoses in rondes "
        "aan. Hier ziet u de leerlingen waarvan de prognose in het portal is aangepast.",
        "domains.packages_note": "Per afdeling het aantal leerlingen met verschillen; tussen "
        "rechte haken hoeveel daarvan een gewijzigde vrijstelling hebben (die gaan ook mee). "
        "Klik op 'Download pakketten!' om een afdeling over te slaan.",
        "domains.departments": "Afdelingen",
        "domains.take_on": "Download pakketten!",
        "domains.take_off": "Geen download pakketten!",
        "domains.take_label": "Pakketten van {department} downloaden",
        "domains.only_new": "Alleen afdelingen zonder pakketten in het project",
        "domains.has_packages": "heeft al pakketten in het project",
        "domains.department_students": "Afdeling {department}: {count} leerlingen",
        "domains.fields_hidden": "Velden zonder verschillen zijn weggelaten.",
    },
    "en": {
        "domains.button.personal_data": "Personal data to the project",
        "domains.button.prognoses": "Prognoses to the project",
        "domains.button.package_choices": "Packages to the project",
        "domains.accept_conflicts": "Take the portal's value for conflicts too",
        "domains.selection": "Selection",
        "domains.select_all": "Select all",
        "domains.select_none": "Select none",
        "domains.select_student": "Select {student}",
        "domains.column.select": "Download",
        "domains.column.student": "Student",
        "domains.column.name": "Name",
        "domains.column.origin": "Where changed",
        "domains.column.department": "Department",
        "domains.column.download": "Download",
        "domains.column.differences": "Differences",
        "domains.portal": "Portal",
        "domains.project": "Project",
        "domains.origin.portal": "changed in the portal",
        "domains.origin.project": "changed in the project: your change will be replaced",
        "domains.origin.both": "changed on both sides: conflict",
        "domains.origin.mixed": "changed on both sides (other fields): your changes will be "
        "replaced",
        "domains.origin.first": "new: never synced before",
        "domains.base": "Conflict. At the last sync: {value}",
        "domains.replaced": "Changed in the project; the portal's value replaces it (was {value})",
        "domains.none": "No differences: the project matches the portal.",
        "domains.count": "{count} students with differences",
        "domains.conflicts": "{count} conflict(s): these are left alone unless you choose to "
        "take the portal's value for them too.",
        "domains.legend": "P = portal, D = project. Purple: the field differs; red: a "
        "conflict (hover over it for the value at the last sync).",
        "domains.selection_help": "All students are selected; clear the box of those you do "
        "not want to download.",
        "domains.personal_note": "The portal always leads: personal data can only be "
        "downloaded. It is taken over automatically when the project opens; here are the "
        "differences that appeared since, and the conflicts.",
        "domains.prognoses_note": "Team leaders and mentors adjust the prognoses in rounds. "
        "These are the students whose prognosis changed in the portal.",
        "domains.packages_note": "Per department the number of students with differences; "
        "in brackets how many of them have a changed exemption (those come along too). "
        "Click 'Download packages!' to leave a department out.",
        "domains.departments": "Departments",
        "domains.take_on": "Download packages!",
        "domains.take_off": "No package download!",
        "domains.take_label": "Download the packages of {department}",
        "domains.only_new": "Only departments without packages in the project",
        "domains.has_packages": "has packages in the project already",
        "domains.department_students": "Department {department}: {count} students",
        "domains.fields_hidden": "Fields without differences are left out.",
    },
}

TEXTS: Final[dict[str, dict[str, str]]] = {
    language: {
        **_OWN[language],
        **{f"domains.field.{name}": words[i] for name, words in _FIELDS.items()},
    }
    for i, language in enumerate(("nl", "en"))
}
