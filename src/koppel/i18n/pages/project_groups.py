"""Words of the project's groups window (the seed's "Lesgroepindelingen")."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "groups.home_classes_short": {"nl": "Stk", "en": "HC"},
    "groups.cluster_groups": {
        "nl": "Overige groepen (clustergroepen)",
        "en": "Other groups (cluster groups)",
    },
    "groups.cluster_groups_short": {"nl": "Grp", "en": "Grp"},
    "groups.only_project": {
        "nl": "Groepen alleen in het project (D)",
        "en": "Groups only in the project (D)",
    },
    "groups.only_project_short": {"nl": "D", "en": "D"},
    "groups.only_portal": {
        "nl": "Groepen alleen in het portal (P)",
        "en": "Groups only in the portal (P)",
    },
    "groups.only_portal_short": {"nl": "P", "en": "P"},
    "groups.uploadable": {
        "nl": "Leerlingen met een wijziging om te uploaden",
        "en": "Students with a change to upload",
    },
    "groups.uploadable_short": {"nl": "↑", "en": "↑"},
    "groups.legend": {
        "nl": "x = in beide, D = alleen in het project (desktop), P = alleen in het portal. "
        "Grijze stamklassen: het portal is leidend; die komen binnen via het venster Leerlingen. "
        "Gele stamklassen: het project is leidend.",
        "en": "x = in both, D = only in the project (desktop), P = only in the portal. Grey home "
        "classes: the portal leads; they come in through the Students window. Yellow home "
        "classes: the project leads.",
    },
    "groups.project_leads": {
        "nl": "het project is leidend voor stamklassen",
        "en": "the project leads home classes",
    },
    "groups.portal_leads": {
        "nl": "het portal is leidend voor stamklassen",
        "en": "the portal leads home classes",
    },
    "groups.edit": {"nl": "Wijzigen", "en": "Edit"},
    "groups.edit_of": {
        "nl": "Groepsindeling van {student} wijzigen",
        "en": "Edit the group assignment of {student}",
    },
    "groups.in_project": {"nl": "alleen in het project", "en": "only in the project"},
    "groups.in_portal": {"nl": "alleen in het portal", "en": "only in the portal"},
    "groups.in_both": {"nl": "in het project en het portal", "en": "in the project and the portal"},
    "groups.upload": {"nl": "Groepsindelingen uploaden", "en": "Upload group assignments"},
    "groups.upload_help": {
        "nl": "Stamklassen van afdelingen waar het project leidend is en clustergroepen van de "
        "{count} leerling(en) met een wijziging in {department}, in één keer naar het portal.",
        "en": "Home classes of departments the project leads and cluster groups of the {count} "
        "student(s) with a change in {department}, to the portal in one go.",
    },
    "groups.download": {"nl": "Stamklasindeling downloaden", "en": "Download home classes"},
    "groups.download_help": {
        "nl": "De stamklassen van {count} leerling(en) in {department} overnemen uit het portal "
        "(het portal is leidend).",
        "en": "Take over the home classes of {count} student(s) in {department} from the portal "
        "(the portal leads).",
    },
    "groups.accept_conflicts": {
        "nl": "Bij conflicten de waarde van het project nemen",
        "en": "In conflicts, take the project's value",
    },
    "groups.only_differences": {
        "nl": "Alleen leerlingen met verschillen",
        "en": "Only students with differences",
    },
    "groups.no_students": {
        "nl": "Geen leerlingen in deze afdeling.",
        "en": "No students in this department.",
    },
    "groups.no_differences": {
        "nl": "Geen verschillen in deze afdeling.",
        "en": "No differences in this department.",
    },
    "groups.conflicts": {
        "nl": "{count} leerling(en) met een conflict: beide kanten wijzigden sinds de vorige "
        "synchronisatie.",
        "en": "{count} student(s) with a conflict: both sides changed since the last sync.",
    },
    "groups.home_class": {"nl": "Stamklas in {department}", "en": "Home class in {department}"},
    "groups.home_class_help": {
        "nl": "Leeg: geen stamklas. Bekende stamklassen staan in de lijst.",
        "en": "Empty: no home class. Known home classes are in the list.",
    },
    "groups.home_class_portal_leads": {
        "nl": "Stamklas in {department}: {home_class}. Het portal is hier leidend: wijzig de "
        "stamklas in het portal, hij komt binnen via het venster Leerlingen.",
        "en": "Home class in {department}: {home_class}. The portal leads here: change the home "
        "class in the portal; it comes in through the Students window.",
    },
    "groups.groups_help": {
        "nl": "Gescheiden door komma's, bijv. 4V.netl1, 4V.entl2. Precies deze groepen; een "
        "nieuwe naam wordt bij het uploaden in het portal gemaakt.",
        "en": "Separated by commas, e.g. 4V.netl1, 4V.entl2. Exactly these groups; a new name is "
        "made in the portal when uploaded.",
    },
    "groups.portal_has": {"nl": "In het portal: {groups}", "en": "In the portal: {groups}"},
    "groups.save": {"nl": "Opslaan in het project", "en": "Save in the project"},
    "groups.back": {"nl": "Terug naar Lesgroepindelingen", "en": "Back to Group assignments"},
    "groups.edited": {
        "nl": "Groepsindeling van {student} aangepast in het project (wijzigingenset "
        "{changeset}). Upload hem naar het portal met 'Groepsindelingen uploaden'.",
        "en": "Group assignment of {student} changed in the project (change set {changeset}). "
        "Upload it to the portal with 'Upload group assignments'.",
    },
    "groups.unchanged": {
        "nl": "Niets veranderd: de groepsindeling van {student} was al zo.",
        "en": "Nothing changed: the group assignment of {student} was already so.",
    },
}
