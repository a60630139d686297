"""Words on the docentplanner (Beheer > Docentplanner): linking teachers and mentors to
groups, year transition step 4."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "planner.title": {"nl": "Docentplanner", "en": "Staff planner"},
    "planner.intro": {
        "nl": "Stap 4 van de jaarovergang: koppel docenten en mentoren aan de groepen van "
        "schooljaar {year}. Kies een groep om er medewerkers aan te koppelen, of een medewerker "
        "om die aan groepen te koppelen. Een koppeling uit een bestand kan ook: koppel import "
        "teacher-groups.",
        "en": "Step 4 of the year transition: link teachers and mentors to the groups of school "
        "year {year}. Choose a group to link staff members to it, or a staff member to link it to "
        "groups. A file works too: koppel import teacher-groups.",
    },
    "planner.no_groups": {
        "nl": "Schooljaar {year} heeft nog geen groepen. Lees eerst de leerlingen met hun groepen "
        "in (stap 3) en kom dan terug.",
        "en": "School year {year} has no groups yet. Import the students with their groups first "
        "(step 3), then come back.",
    },
    "planner.pick_staff": {"nl": "Medewerker", "en": "Staff member"},
    "planner.choose_group": {"nl": "kies een groep", "en": "choose a group"},
    "planner.choose_staff": {"nl": "kies een medewerker", "en": "choose a staff member"},
    "planner.kinds.other": {"nl": "Overige groepen", "en": "Other groups"},
    "planner.group": {"nl": "Groep", "en": "Group"},
    "planner.kind": {"nl": "Soort", "en": "Kind"},
    "planner.left": {"nl": "(niet meer actief)", "en": "(no longer active)"},
    "planner.group_heading": {"nl": "Groep {group}", "en": "Group {group}"},
    "planner.group_none": {
        "nl": "Aan {group} is nog niemand gekoppeld.",
        "en": "Nobody is linked to {group} yet.",
    },
    "planner.group_add": {
        "nl": "Medewerker koppelen aan {group}",
        "en": "Link a staff member to {group}",
    },
    "planner.staff_heading": {"nl": "Medewerker {staff}", "en": "Staff member {staff}"},
    "planner.staff_none": {
        "nl": "{staff} is nog aan geen enkele groep gekoppeld.",
        "en": "{staff} is not linked to any group yet.",
    },
    "planner.staff_add": {"nl": "{staff} koppelen aan een groep", "en": "Link {staff} to a group"},
    "planner.staff_left_hint": {
        "nl": "Deze medewerker is niet meer actief: ontkoppel de groepen, koppelen kan niet meer.",
        "en": "This staff member is no longer active: unlink the groups; linking is no longer "
        "possible.",
    },
    "planner.link": {"nl": "Koppelen", "en": "Link"},
    "planner.unlink": {"nl": "Ontkoppelen", "en": "Unlink"},
    "planner.unlink_label": {
        "nl": "{code} ontkoppelen als {role} van {group}",
        "en": "Unlink {code} as {role} of {group}",
    },
    "planner.unknown_group": {
        "nl": "Groep '{group}' bestaat niet in schooljaar {year}. Kies een groep uit de lijst.",
        "en": "Group '{group}' does not exist in school year {year}. Choose a group from the list.",
    },
    "planner.unknown_staff": {
        "nl": "Er is geen actieve of gekoppelde medewerker met docentcode '{code}'. Kies een "
        "medewerker uit de lijst.",
        "en": "No active or linked staff member has staff code '{code}'. Choose a staff member "
        "from the list.",
    },
    "planner.added": {
        "nl": "{staff} is als {role} gekoppeld aan {group}.",
        "en": "{staff} is now linked to {group} as {role}.",
    },
    "planner.removed": {
        "nl": "{staff} is niet meer {role} van {group}.",
        "en": "{staff} is no longer {role} of {group}.",
    },
    "planner.already": {
        "nl": "Er is niets gewijzigd: {staff} was al {role} van {group}.",
        "en": "Nothing was changed: {staff} already was {role} of {group}.",
    },
    "planner.not_linked": {
        "nl": "Er is niets gewijzigd: {staff} was geen {role} van {group}.",
        "en": "Nothing was changed: {staff} was not {role} of {group}.",
    },
    "planner.changeset": {
        "nl": "Wijzigingenset {changeset}. Ongedaan maken: koppel undo {changeset} (zolang er "
        "daarna niets anders is gewijzigd).",
        "en": "Change set {changeset}. To undo: koppel undo {changeset} (as long as nothing else "
        "has changed since).",
    },
    "planner.next_group": {
        "nl": "Koppel nog een medewerker aan {group}, of kies een groep bij 'Nog te doen'.",
        "en": "Link another staff member to {group}, or choose a group under 'Still to do'.",
    },
    "planner.next_staff": {
        "nl": "Koppel {staff} aan nog een groep, of kies een andere medewerker.",
        "en": "Link {staff} to another group, or choose another staff member.",
    },
    "planner.todo": {"nl": "Nog te doen", "en": "Still to do"},
    "planner.todo_counts": {
        "nl": "{mentor} van de {home_classes} stamklassen zonder mentor, {teacher} van de "
        "{teaching} groepen zonder docent.",
        "en": "{mentor} of the {home_classes} home classes without a mentor, {teacher} of the "
        "{teaching} groups without a teacher.",
    },
    "planner.todo_rule": {
        "nl": "Een stamklas heeft een mentor nodig. Clustergroepen en overige groepen hebben een "
        "docent nodig, en ook stamklassen van een afdeling zonder clustergroepen (daar krijgen de "
        "leerlingen les in hun stamklas).",
        "en": "A home class needs a mentor. Cluster groups and other groups need a teacher, and "
        "so do the home classes of a department without cluster groups (their students are taught "
        "in their home class).",
    },
    "planner.without_mentor": {
        "nl": "Stamklassen zonder mentor ({n})",
        "en": "Home classes without a mentor ({n})",
    },
    "planner.without_teacher": {
        "nl": "Groepen zonder docent ({n})",
        "en": "Groups without a teacher ({n})",
    },
    "planner.all_mentors": {
        "nl": "Elke stamklas heeft een mentor.",
        "en": "Every home class has a mentor.",
    },
    "planner.all_teachers": {
        "nl": "Elke groep die een docent nodig heeft, heeft er een.",
        "en": "Every group that needs a teacher has one.",
    },
    "planner.done_all": {
        "nl": "Alle groepen hebben hun mentor en docent: stap 4 is klaar. Verwijder daarna de "
        "medewerkers die vertrokken zijn (stap 5).",
        "en": "Every group has its mentor and teacher: step 4 is done. Next, remove the staff who "
        "left (step 5).",
    },
    "planner.all_groups": {
        "nl": "Alle groepen met hun mentoren en docenten ({n})",
        "en": "All groups with their mentors and teachers ({n})",
    },
    "planner.mentors": {"nl": "Mentor(en)", "en": "Mentor(s)"},
    "planner.teachers": {"nl": "Docent(en)", "en": "Teacher(s)"},
}
