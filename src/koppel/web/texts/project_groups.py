"""Words of the project's groups window (the seed's "Lesgroepindelingen")."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "groups.departments": "Afdelingen",
        "groups.department": "Afdeling",
        "groups.home_classes": "Stamklassen",
        "groups.home_classes_short": "Stk",
        "groups.cluster_groups": "Overige groepen (clustergroepen)",
        "groups.cluster_groups_short": "Grp",
        "groups.only_project": "Groepen alleen in het project (D)",
        "groups.only_project_short": "D",
        "groups.only_portal": "Groepen alleen in het portal (P)",
        "groups.only_portal_short": "P",
        "groups.uploadable": "Leerlingen met een wijziging om te uploaden",
        "groups.uploadable_short": "↑",
        "groups.legend": "x = in beide, D = alleen in het project (desktop), P = alleen in het "
        "portal. Grijze stamklassen: het portal is leidend; die komen binnen via het venster "
        "Leerlingen. Gele stamklassen: het project is leidend.",
        "groups.project_leads": "het project is leidend voor stamklassen",
        "groups.portal_leads": "het portal is leidend voor stamklassen",
        "groups.student": "Leerling",
        "groups.name": "Naam",
        "groups.edit": "Wijzigen",
        "groups.edit_of": "Groepsindeling van {student} wijzigen",
        "groups.in_project": "alleen in het project",
        "groups.in_portal": "alleen in het portal",
        "groups.in_both": "in het project en het portal",
        "groups.upload": "Groepsindelingen uploaden",
        "groups.upload_help": "Stamklassen van afdelingen waar het project leidend is en "
        "clustergroepen van de {count} leerling(en) met een wijziging in {department}, "
        "in één keer naar het portal.",
        "groups.download": "Stamklasindeling downloaden",
        "groups.download_help": "De stamklassen van {count} leerling(en) in {department} "
        "overnemen uit het portal (het portal is leidend).",
        "groups.accept_conflicts": "Bij conflicten de waarde van het project nemen",
        "groups.only_differences": "Alleen leerlingen met verschillen",
        "groups.all_students": "Alle leerlingen",
        "groups.no_students": "Geen leerlingen in deze afdeling.",
        "groups.no_differences": "Geen verschillen in deze afdeling.",
        "groups.conflicts": "{count} leerling(en) met een conflict: beide kanten wijzigden "
        "sinds de vorige synchronisatie.",
        "groups.home_class": "Stamklas in {department}",
        "groups.home_class_help": "Leeg: geen stamklas. Bekende stamklassen staan in de lijst.",
        "groups.home_class_portal_leads": "Stamklas in {department}: {home_class}. Het portal "
        "is hier leidend: wijzig de stamklas in het portal, hij komt binnen via het venster "
        "Leerlingen.",
        "groups.groups": "Clustergroepen",
        "groups.groups_help": "Gescheiden door komma's, bijv. 4V.netl1, 4V.entl2. Precies "
        "deze groepen; een nieuwe naam wordt bij het uploaden in het portal gemaakt.",
        "groups.portal_has": "In het portal: {groups}",
        "groups.save": "Opslaan in het project",
        "groups.back": "Terug naar Lesgroepindelingen",
        "groups.edited": "Groepsindeling van {student} aangepast in het project "
        "(wijzigingenset {changeset}). Upload hem naar het portal met "
        "'Groepsindelingen uploaden'.",
        "groups.unchanged": "Niets veranderd: de groepsindeling van {student} was al zo.",
    },
    "en": {
        "groups.departments": "Departments",
        "groups.department": "Department",
        "groups.home_classes": "Home classes",
        "groups.home_classes_short": "HC",
        "groups.cluster_groups": "Other groups (cluster groups)",
        "groups.cluster_groups_short": "Grp",
        "groups.only_project": "Groups only in the project (D)",
        "groups.only_project_short": "D",
        "groups.only_portal": "Groups only in the portal (P)",
        "groups.only_portal_short": "P",
        "groups.uploadable": "Students with a change to upload",
        "groups.uploadable_short": "↑",
        "groups.legend": "x = in both, D = only in the project (desktop), P = only in the "
        "portal. Grey home classes: the portal leads; they come in through the Students "
        "window. Yellow home classes: the project leads.",
        "groups.project_leads": "the project leads home classes",
        "groups.portal_leads": "the portal leads home classes",
        "groups.student": "Student",
        "groups.name": "Name",
        "groups.edit": "Edit",
        "groups.edit_of": "Edit the group assignment of {student}",
        "groups.in_project": "only in the project",
        "groups.in_portal": "only in the portal",
        "groups.in_both": "in the project and the portal",
        "groups.upload": "Upload group assignments",
        "groups.upload_help": "Home classes of departments the project leads and cluster "
        "groups of the {count} student(s) with a change in {department}, to the portal in "
        "one go.",
        "groups.download": "Download home classes",
        "groups.download_help": "Take over the home classes of {count} student(s) in "
        "{department} from the portal (the portal leads).",
        "groups.accept_conflicts": "In conflicts, take the project's value",
        "groups.only_differences": "Only students with differences",
        "groups.all_students": "All students",
        "groups.no_students": "No students in this department.",
        "groups.no_differences": "No differences in this department.",
        "groups.conflicts": "{count} student(s) with a conflict: both sides changed since the "
        "last sync.",
        "groups.home_class": "Home class in {department}",
        "groups.home_class_help": "Empty: no home class. Known home classes are in the list.",
        "groups.home_class_portal_leads": "Home class in {department}: {home_class}. The "
        "portal leads here: change the home class in the portal; it comes in through the "
        "Students window.",
        "groups.groups": "Cluster groups",
        "groups.groups_help": "Separated by commas, e.g. 4V.netl1, 4V.entl2. Exactly these "
        "groups; a new name is made in the portal when uploaded.",
        "groups.portal_has": "In the portal: {groups}",
        "groups.save": "Save in the project",
        "groups.back": "Back to Group assignments",
        "groups.edited": "Group assignment of {student} changed in the project (change set "
        "{changeset}). Upload it to the portal with 'Upload group assignments'.",
        "groups.unchanged": "Nothing changed: the group assignment of {student} was already so.",
    },
}
