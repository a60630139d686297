"""Words on the docentplanner (Beheer > Docentplanner): linking teachers and mentors to
groups, year transition step 4."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "nav.staff_planner": "Docentplanner",
        "planner.title": "Docentplanner",
        "planner.intro": "Stap 4 van de jaarovergang: koppel docenten en mentoren aan de "
        "groepen van schooljaar {year}. Kies een groep om er medewerkers aan te koppelen, of "
        "een medewerker om die aan groepen te koppelen. Een koppeling uit een bestand kan ook: "
        "koppel import teacher-groups.",
        "planner.no_groups": "Schooljaar {year} heeft nog geen groepen. Lees eerst de "
        "leerlingen met hun groepen in (stap 3) en kom dan terug.",
        "planner.pick_group": "Groep",
        "planner.pick_staff": "Medewerker",
        "planner.show": "Tonen",
        "planner.choose_group": "kies een groep",
        "planner.choose_staff": "kies een medewerker",
        "planner.kind.home_class": "stamklas",
        "planner.kind.cluster_group": "clustergroep",
        "planner.kind.other": "groep",
        "planner.kinds.home_class": "Stamklassen",
        "planner.kinds.cluster_group": "Clustergroepen",
        "planner.kinds.other": "Overige groepen",
        "planner.role.mentor": "mentor",
        "planner.role.teacher": "docent",
        "planner.staff_code": "Docentcode",
        "planner.name": "Naam",
        "planner.role": "Rol",
        "planner.group": "Groep",
        "planner.kind": "Soort",
        "planner.left": "(niet meer actief)",
        "planner.group_heading": "Groep {group}",
        "planner.group_none": "Aan {group} is nog niemand gekoppeld.",
        "planner.group_add": "Medewerker koppelen aan {group}",
        "planner.staff_heading": "Medewerker {staff}",
        "planner.staff_none": "{staff} is nog aan geen enkele groep gekoppeld.",
        "planner.staff_add": "{staff} koppelen aan een groep",
        "planner.staff_left_hint": "Deze medewerker is niet meer actief: ontkoppel de "
        "groepen, koppelen kan niet meer.",
        "planner.link": "Koppelen",
        "planner.unlink": "Ontkoppelen",
        "planner.unlink_label": "{code} ontkoppelen als {role} van {group}",
        "planner.unknown_group": "Groep '{group}' bestaat niet in schooljaar {year}. Kies een "
        "groep uit de lijst.",
        "planner.unknown_staff": "Er is geen actieve of gekoppelde medewerker met docentcode "
        "'{code}'. Kies een medewerker uit de lijst.",
        "planner.added": "{staff} is als {role} gekoppeld aan {group}.",
        "planner.removed": "{staff} is niet meer {role} van {group}.",
        "planner.already": "Er is niets gewijzigd: {staff} was al {role} van {group}.",
        "planner.not_linked": "Er is niets gewijzigd: {staff} was geen {role} van {group}.",
        "planner.changeset": "Wijzigingenset {changeset}. Ongedaan maken: koppel undo "
        "{changeset} (zolang er daarna niets anders is gewijzigd).",
        "planner.next_group": "Koppel nog een medewerker aan {group}, of kies een groep bij "
        "'Nog te doen'.",
        "planner.next_staff": "Koppel {staff} aan nog een groep, of kies een andere medewerker.",
        "planner.todo": "Nog te doen",
        "planner.todo_counts": "{mentor} van de {home_classes} stamklassen zonder mentor, "
        "{teacher} van de {teaching} groepen zonder docent.",
        "planner.todo_rule": "Een stamklas heeft een mentor nodig. Clustergroepen en overige "
        "groepen hebben een docent nodig, en ook stamklassen van een afdeling zonder "
        "clustergroepen (daar krijgen de leerlingen les in hun stamklas).",
        "planner.without_mentor": "Stamklassen zonder mentor ({n})",
        "planner.without_teacher": "Groepen zonder docent ({n})",
        "planner.all_mentors": "Elke stamklas heeft een mentor.",
        "planner.all_teachers": "Elke groep die een docent nodig heeft, heeft er een.",
        "planner.done_all": "Alle groepen hebben hun mentor en docent: stap 4 is klaar. "
        "Verwijder daarna de medewerkers die vertrokken zijn (stap 5).",
        "planner.all_groups": "Alle groepen met hun mentoren en docenten ({n})",
        "planner.mentors": "Mentor(en)",
        "planner.teachers": "Docent(en)",
    },
    "en": {
        "nav.staff_planner": "Staff planner",
        "planner.title": "Staff planner",
        "planner.intro": "Step 4 of the year transition: link teachers and mentors to the "
        "groups of school year {year}. Choose a group to link staff members to it, or a staff "
        "member to link it to groups. A file works too: koppel import teacher-groups.",
        "planner.no_groups": "School year {year} has no groups yet. Import the students with "
        "their groups first (step 3), then come back.",
        "planner.pick_group": "Group",
        "planner.pick_staff": "Staff member",
        "planner.show": "Show",
        "planner.choose_group": "choose a group",
        "planner.choose_staff": "choose a staff member",
        "planner.kind.home_class": "home class",
        "planner.kind.cluster_group": "cluster group",
        "planner.kind.other": "group",
        "planner.kinds.home_class": "Home classes",
        "planner.kinds.cluster_group": "Cluster groups",
        "planner.kinds.other": "Other groups",
        "planner.role.mentor": "mentor",
        "planner.role.teacher": "teacher",
        "planner.staff_code": "Staff code",
        "planner.name": "Name",
        "planner.role": "Role",
        "planner.group": "Group",
        "planner.kind": "Kind",
        "planner.left": "(no longer active)",
        "planner.group_heading": "Group {group}",
        "planner.group_none": "Nobody is linked to {group} yet.",
        "planner.group_add": "Link a staff member to {group}",
        "planner.staff_heading": "Staff member {staff}",
        "planner.staff_none": "{staff} is not linked to any group yet.",
        "planner.staff_add": "Link {staff} to a group",
        "planner.staff_left_hint": "This staff member is no longer active: unlink the "
        "groups; linking is no longer possible.",
        "planner.link": "Link",
        "planner.unlink": "Unlink",
        "planner.unlink_label": "Unlink {code} as {role} of {group}",
        "planner.unknown_group": "Group '{group}' does not exist in school year {year}. "
        "Choose a group from the list.",
        "planner.unknown_staff": "No active or linked staff member has staff code '{code}'. "
        "Choose a staff member from the list.",
        "planner.added": "{staff} is now linked to {group} as {role}.",
        "planner.removed": "{staff} is no longer {role} of {group}.",
        "planner.already": "Nothing was changed: {staff} already was {role} of {group}.",
        "planner.not_linked": "Nothing was changed: {staff} was not {role} of {group}.",
        "planner.changeset": "Change set {changeset}. To undo: koppel undo {changeset} "
        "(as long as nothing else has changed since).",
        "planner.next_group": "Link another staff member to {group}, or choose a group under "
        "'Still to do'.",
        "planner.next_staff": "Link {staff} to another group, or choose another staff member.",
        "planner.todo": "Still to do",
        "planner.todo_counts": "{mentor} of the {home_classes} home classes without a mentor, "
        "{teacher} of the {teaching} groups without a teacher.",
        "planner.todo_rule": "A home class needs a mentor. Cluster groups and other groups "
        "need a teacher, and so do the home classes of a department without cluster groups "
        "(their students are taught in their home class).",
        "planner.without_mentor": "Home classes without a mentor ({n})",
        "planner.without_teacher": "Groups without a teacher ({n})",
        "planner.all_mentors": "Every home class has a mentor.",
        "planner.all_teachers": "Every group that needs a teacher has one.",
        "planner.done_all": "Every group has its mentor and teacher: step 4 is done. Next, "
        "remove the staff who left (step 5).",
        "planner.all_groups": "All groups with their mentors and teachers ({n})",
        "planner.mentors": "Mentor(s)",
        "planner.teachers": "Teacher(s)",
    },
}
