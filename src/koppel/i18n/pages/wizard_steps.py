"""Words of the year-transition wizard's five steps: what each explains and asks to
confirm, and the counts and lists of its preview and report."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "wizard.summary.file": {"nl": "bestand", "en": "file"},
    "wizard.summary.folder": {"nl": "map", "en": "folder"},
    "wizard.summary.groups": {"nl": "groepen verwijderd", "en": "groups deleted"},
    "wizard.summary.previous_home_classes": {
        "nl": "stamklas oud bewaard",
        "en": "previous home classes kept",
    },
    "wizard.summary.updated": {"nl": "bijgewerkt", "en": "updated"},
    "wizard.summary.absent": {"nl": "niet in het bestand", "en": "not in the file"},
    "wizard.summary.departed": {"nl": "vertrokken medewerkers", "en": "staff who left"},
    "wizard.explain_heading": {"nl": "Wat deze stap doet", "en": "What this step does"},
    "wizard.explain.undo": {
        "nl": "Na het toepassen ziet u de wijzigingenset. Met 'Stap ongedaan maken' zet koppel "
        "alles terug zoals het was, zolang er daarna niets anders is toegepast (maak anders eerst "
        "de latere stap ongedaan). Op de opdrachtregel kan het ook: koppel undo WIJZIGINGENSET.",
        "en": "After applying you see the change set. 'Undo this step' puts everything back as it "
        "was, as long as nothing else has been applied since (otherwise undo the later step "
        "first). On the command line: koppel undo CHANGESET.",
    },
    "wizard.explain.1.what": {
        "nl": "Kies het personeelsbestand en het leerlingenbestand uit het "
        "schooladministratiesysteem. koppel controleert eerst beide bestanden, voordat er iets "
        "gebeurt: fouten ziet u per rij en kolom, en zolang er een fout is wordt er niets "
        "opgeslagen. Bij toepassen leest koppel het personeel in: nieuwe medewerkers krijgen een "
        "account (zonder wachtwoord), bestaande worden bijgewerkt en aan hun groepen gekoppeld. "
        "Het leerlingenbestand wordt hier alleen gecontroleerd; u leest het in bij stap 3 (koppel "
        "bewaart het tot dan).",
        "en": "Choose the staff file and the students file from the school administration system. "
        "koppel checks both files before anything happens: errors are shown per row and column, "
        "and while there is an error nothing is saved. Applying reads the staff: new staff "
        "members get an account (without a password), known ones are updated and linked to their "
        "groups. The students file is only checked here; you import it in step 3 (koppel keeps it "
        "until then).",
    },
    "wizard.explain.1.never": {
        "nl": "Er wordt niemand verwijderd. Medewerkers die niet in het bestand staan blijven "
        "zoals ze zijn; in stap 5 beslist u over hen. Leerlingen worden in deze stap niet "
        "veranderd.",
        "en": "Nobody is removed. Staff members missing from the file stay as they are; you "
        "decide about them in step 5. Students are not changed in this step.",
    },
    "wizard.explain.2.what": {
        "nl": "Het nieuwe schooljaar begint zonder groepen: de groepen van het huidige "
        "schooljaar gaan niet mee en blijven bij dat jaar bewaard als geschiedenis (wie in "
        "welke klas zat, welke docent welke groep had). Deze stap verwijdert de groepen die al "
        "in het nieuwe schooljaar staan (alle, of alleen die van één map), bijvoorbeeld van een "
        "eerdere poging of een oefening, zodat stap 3 begint met de groepen uit het bestand. "
        "Hun groepsindelingen en koppelingen van docenten en mentoren gaan mee.",
        "en": "The new school year starts without groups: the current year's groups are not "
        "carried over and stay with that year as history (who was in which class, which "
        "teacher taught which group). This step deletes the groups already in the new school "
        "year (all of them, or those of one folder), for instance from an earlier attempt or a "
        "rehearsal, so that step 3 starts from the groups in the file. Their memberships and "
        "the links of teachers and mentors go with them.",
    },
    "wizard.explain.2.never": {
        "nl": "Leerlingen worden nooit verwijderd, ook hun prognoses, LWOO en pakketkeuzes "
        "blijven. De groepen van het huidige schooljaar blijven. Medewerkers en accounts "
        "blijven ook.",
        "en": "Students are never deleted; their prognoses, LWOO and package choices stay. The "
        "current school year's groups stay. Staff and accounts stay too.",
    },
    "wizard.explain.3.what": {
        "nl": "Lees de deelnemers voor het nieuwe schooljaar in, met de namen van hun groepen "
        "(stamklassen). Groepen die nog niet bestaan worden gemaakt, nieuwe leerlingen toegevoegd "
        "en bestaande bijgewerkt (herkend aan het leerlingnummer). Leerlingen die niet in het "
        "bestand staan ziet u in het voorbeeld. Ontbreken er meer dan {share}% van de actieve "
        "leerlingen (leerlingen uit een examenjaar niet meegeteld), dan weigert koppel, tenzij u "
        "apart bevestigt dat het klopt.",
        "en": "Import the participants of the new school year with the names of their groups "
        "(home classes). Missing groups are created, new students added and known ones updated "
        "(matched by student number). Students missing from the file are listed in the preview. "
        "When more than {share}% of the active students are missing (exam-year students not "
        "counted), koppel refuses unless you confirm separately that it is right.",
    },
    "wizard.explain.3.never": {
        "nl": "Er wordt geen leerling verwijderd. Leerlingen die ontbreken krijgen alleen de "
        "status vertrokken als u 'markeer ontbrekende leerlingen als vertrokken' aanvinkt.",
        "en": "No student is deleted. Missing students are marked as left only when you tick "
        "'mark missing students as left'.",
    },
    "wizard.explain.4.what": {
        "nl": "De groepen van het nieuwe schooljaar (uit stap 3) hebben nog geen docenten en "
        "mentoren. Koppel ze met een bestand (docentcode of e-mailadres, groep, rol docent of "
        "mentor), of één voor één in de docentplanner.",
        "en": "The new school year's groups (from step 3) have no teachers or mentors yet. Link "
        "them from a file (staff code or email, group, role teacher or mentor), or one by one "
        "on the planner page.",
    },
    "wizard.explain.4.never": {
        "nl": "Er wordt niets verwijderd: koppelingen die er al zijn blijven, alleen nieuwe "
        "worden toegevoegd.",
        "en": "Nothing is deleted: existing links stay, only new ones are added.",
    },
    "wizard.explain.5.what": {
        "nl": "Medewerkers die actief zijn in het portal maar niet in het personeelsbestand "
        "staan, zijn vertrokken. koppel toont ze eerst. Bij toepassen wordt hun account op "
        "non-actief gezet (ze kunnen niet meer inloggen, hun API-tokens werken niet meer), "
        "krijgen ze de status vertrokken en verdwijnen hun koppelingen met groepen. Zouden meer "
        "dan {share}% van de medewerkers vertrekken, dan weigert koppel, tenzij u apart bevestigt "
        "dat het klopt.",
        "en": "Staff members who are active in the portal but missing from the staff file have "
        "left. koppel lists them first. Applying deactivates their accounts (they can no longer "
        "sign in, their API tokens stop working), gives them the status left and removes their "
        "links to groups. When more than {share}% of the staff would leave, koppel refuses unless "
        "you confirm separately that it is right.",
    },
    "wizard.explain.5.never": {
        "nl": "Medewerkers en hun accounts worden niet gewist: het logboek en het ongedaan maken "
        "verwijzen ernaar. Leerlingen en groepen blijven zoals ze zijn.",
        "en": "Staff members and their accounts are not erased: the audit log and undo refer to "
        "them. Students and groups stay as they are.",
    },
    "wizard.retention.keep": {
        "nl": "Volgens de instellingen van de school blijven naam en e-mailadres van vertrokken "
        "medewerkers bewaard.",
        "en": "By the school's settings, the name and email of staff who left are kept.",
    },
    "wizard.retention.remove": {
        "nl": "Volgens de instellingen van de school worden naam en e-mailadres van vertrokken "
        "medewerkers leeggemaakt (de docentcode blijft).",
        "en": "By the school's settings, the name and email of staff who left are blanked (the "
        "staff code stays).",
    },
    "wizard.choose_heading.1": {"nl": "Bestanden kiezen", "en": "Choose the files"},
    "wizard.choose_heading.2": {"nl": "Kiezen wat er weg moet", "en": "Choose what to delete"},
    "wizard.choose_heading.3": {"nl": "Leerlingenbestand kiezen", "en": "Choose the students file"},
    "wizard.choose_heading.4": {
        "nl": "Bestand met docenten en groepen kiezen",
        "en": "Choose the teachers and groups file",
    },
    "wizard.choose_heading.5": {"nl": "Personeelsbestand kiezen", "en": "Choose the staff file"},
    "wizard.confirm.1": {
        "nl": "Ik heb het voorbeeld bekeken: lees het personeel in",
        "en": "I have looked at the preview: import the staff",
    },
    "wizard.confirm.2": {
        "nl": "Ik heb het voorbeeld bekeken: verwijder deze groepen",
        "en": "I have looked at the preview: delete these groups",
    },
    "wizard.confirm.3": {
        "nl": "Ik heb het voorbeeld bekeken: lees de deelnemers in",
        "en": "I have looked at the preview: import the participants",
    },
    "wizard.confirm.4": {
        "nl": "Ik heb het voorbeeld bekeken: koppel deze docenten en mentoren",
        "en": "I have looked at the preview: link these teachers and mentors",
    },
    "wizard.confirm.5": {
        "nl": "Ik heb het voorbeeld bekeken: zet deze medewerkers op vertrokken",
        "en": "I have looked at the preview: mark these staff members as left",
    },
    "wizard.report.staff": {"nl": "Personeel", "en": "Staff"},
    "wizard.report.students": {"nl": "Deelnemers", "en": "Participants"},
    "wizard.report.groups": {"nl": "Groepen", "en": "Groups"},
    "wizard.report.teacher_groups": {"nl": "Docenten en mentoren", "en": "Teachers and mentors"},
    "wizard.report.departure": {"nl": "Vertrokken personeel", "en": "Staff who left"},
    "wizard.report.files": {"nl": "Bestanden", "en": "Files"},
    "wizard.checked_only": {
        "nl": "Alleen gecontroleerd: dit bestand leest u in bij stap 3.",
        "en": "Only checked: you import this file in step 3.",
    },
    "wizard.count.groups_deleted": {
        "nl": "Groepen die verwijderd worden",
        "en": "Groups to be deleted",
    },
    "wizard.count.memberships": {
        "nl": "Groepsindelingen die meegaan",
        "en": "Memberships that go with them",
    },
    "wizard.count.teacher_links": {
        "nl": "Koppelingen docent/mentor die meegaan",
        "en": "Teacher and mentor links that go with them",
    },
    "wizard.count.groups_history": {
        "nl": "Groepen van het huidige schooljaar die als geschiedenis blijven",
        "en": "Groups of the current school year that stay as history",
    },
    "wizard.count.previous_home_classes": {
        "nl": "Leerlingen van wie de stamklas oud bewaard wordt",
        "en": "Students whose previous home class is kept",
    },
    "wizard.count.links_new": {"nl": "Nieuwe koppelingen", "en": "New links"},
    "wizard.count.links_kept": {
        "nl": "Koppelingen die er al zijn",
        "en": "Links that exist already",
    },
    "wizard.count.departed": {"nl": "Vertrokken medewerkers", "en": "Staff who left"},
    "wizard.count.accounts_deactivated": {
        "nl": "Accounts die op non-actief gaan",
        "en": "Accounts to be deactivated",
    },
    "wizard.count.staff_staying": {"nl": "Medewerkers die blijven", "en": "Staff who stay"},
    "wizard.count.staff_new": {"nl": "Nieuwe medewerkers", "en": "New staff members"},
    "wizard.count.staff_updated": {"nl": "Medewerkers bijgewerkt", "en": "Staff members updated"},
    "wizard.count.staff_unchanged": {
        "nl": "Medewerkers ongewijzigd",
        "en": "Staff members unchanged",
    },
    "wizard.count.staff_absent": {
        "nl": "Medewerkers niet in het bestand (blijven tot stap 5)",
        "en": "Staff members not in the file (stay until step 5)",
    },
    "wizard.count.students_new": {"nl": "Nieuwe leerlingen", "en": "New students"},
    "wizard.count.students_updated": {"nl": "Leerlingen bijgewerkt", "en": "Students updated"},
    "wizard.count.students_unchanged": {"nl": "Leerlingen ongewijzigd", "en": "Students unchanged"},
    "wizard.count.students_absent": {
        "nl": "Leerlingen niet in het bestand",
        "en": "Students not in the file",
    },
    "wizard.count.students_absent_final_year": {
        "nl": "daarvan uit een examenjaar",
        "en": "of which in an exam year",
    },
    "wizard.count.groups_new": {"nl": "Nieuwe groepen", "en": "New groups"},
    "wizard.count.marked_left": {
        "nl": "Leerlingen die als vertrokken worden gemarkeerd",
        "en": "Students to be marked as left",
    },
    "wizard.list.groups": {"nl": "Bijvoorbeeld", "en": "For example"},
    "wizard.list.departed": {
        "nl": "Vertrokken medewerkers (docentcode en account)",
        "en": "Staff who left (staff code and account)",
    },
    "wizard.list.staff_absent": {"nl": "Niet in het bestand", "en": "Not in the file"},
    "wizard.list.students_absent": {
        "nl": "Leerlingen niet in het bestand (leerlingnummers)",
        "en": "Students not in the file (student numbers)",
    },
    "wizard.list.students_new": {
        "nl": "Nieuwe leerlingen (leerlingnummers)",
        "en": "New students (student numbers)",
    },
}
