"""Words of the year-transition wizard (Beheer > Jaarovergang), Dutch and English."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "nav.transition": "Jaarovergang",
        "wizard.title": "Jaarovergang",
        "wizard.intro": "Ieder nieuw schooljaar komen leerlingen in andere groepen en worden "
        "docenten aan andere groepen gekoppeld. Zonder koppeling met het "
        "schooladministratiesysteem doet u dat hier in vijf stappen. Elke stap toont eerst een "
        "voorbeeld (er wordt dan niets opgeslagen), past pas toe als u dat bevestigt, en laat "
        "daarna zien wat er is gebeurd. Een toegepaste stap kunt u ongedaan maken zolang er "
        "daarna niets anders is toegepast.",
        "wizard.go_next": "Verder met stap {step}: {what}",
        "wizard.all_done": "Alle vijf stappen zijn toegepast. De jaarovergang is klaar.",
        "wizard.column.step": "Stap",
        "wizard.column.state": "Stand",
        "wizard.column.result": "Wat er gebeurde",
        "wizard.column.file": "Bestand",
        "wizard.column.row": "Rij",
        "wizard.column.column": "Kolom",
        "wizard.column.message": "Melding",
        "wizard.next_label": "volgende stap",
        "wizard.newest": "(nieuwste: kan ongedaan worden gemaakt)",
        "wizard.previewed_only": "Voorbeeld bekeken, nog niet toegepast.",
        "wizard.overview_help": "Tijden in UTC. Dezelfde stappen kunnen ook op de opdrachtregel "
        "(koppel transition status, koppel import, koppel groups delete, koppel staff "
        "remove-departed); de stand hierboven geldt voor beide.",
        "wizard.step.import_files": "Bestanden inlezen",
        "wizard.step.delete_groups": "Oude groepen verwijderen",
        "wizard.step.import_participants": "Deelnemers inlezen",
        "wizard.step.link_staff": "Docenten en mentoren koppelen",
        "wizard.step.remove_departed": "Vertrokken personeel verwijderen",
        "wizard.state.not_started": "niet begonnen",
        "wizard.state.previewed": "voorbeeld bekeken",
        "wizard.state.applied": "toegepast",
        "wizard.state.undone": "ongedaan gemaakt",
        "wizard.summary.file": "bestand",
        "wizard.summary.folder": "map",
        "wizard.summary.groups": "groepen verwijderd",
        "wizard.summary.memberships": "groepsindelingen",
        "wizard.summary.teacher_links": "koppelingen docent/mentor",
        "wizard.summary.previous_home_classes": "stamklas oud bewaard",
        "wizard.summary.new": "nieuw",
        "wizard.summary.updated": "bijgewerkt",
        "wizard.summary.unchanged": "ongewijzigd",
        "wizard.summary.absent": "niet in het bestand",
        "wizard.summary.departed": "vertrokken medewerkers",
        "wizard.summary.links": "koppelingen",
        "wizard.step_n": "Stap {step}",
        "wizard.back": "Terug naar het overzicht van de jaarovergang",
        "wizard.file.staff": "Personeelsbestand",
        "wizard.file.students": "Leerlingenbestand (deelnemers)",
        "wizard.file.teacher_groups": "Bestand docenten en groepen",
        "wizard.optional": "(mag ook later, in stap 3)",
        "wizard.use_kept": "Gebruik {file} (gekozen om {at} UTC)",
        "wizard.use_other": "Een ander bestand kiezen",
        "wizard.choose.staff": "Kies het personeelsbestand",
        "wizard.choose.students": "Kies het leerlingenbestand",
        "wizard.choose.teacher_groups": "Kies het bestand met docenten en groepen",
        "wizard.file_help": "Een Excel-bestand (xlsx) of een csv-bestand, zoals het "
        "schooladministratiesysteem het maakt; de kolomkoppen mogen Nederlands of Engels zijn. "
        "Kiest u hier een bestand, dan gebruikt koppel dat.",
        "wizard.errors": "Fouten ({count}): verbeter deze in het bestand",
        "wizard.warnings": "Waarschuwingen ({count}): dit wordt ingelezen zoals beschreven",
        "wizard.and_more": "… en nog {count}.",
        "wizard.undone": "De stap is ongedaan gemaakt: wijzigingenset {changeset} is "
        "teruggedraaid ({count} wijzigingen), vastgelegd als wijzigingenset {undo}. U kunt de "
        "stap opnieuw uitvoeren.",
        "wizard.undo_stale": "Deze wijzigingenset is niet (meer) de toegepaste wijzigingenset "
        "van deze stap. Laad de pagina opnieuw om de huidige stand te zien.",
        "wizard.nothing_changed": "Er is niets veranderd.",
        "wizard.unknown_upload": "Het bestand van het voorbeeld is er niet meer: het is al "
        "gebruikt, het is verlopen (bestanden worden hoogstens 8 uur bewaard) of het hoort bij "
        "een ander account. Er is niets opgeslagen. Kies het bestand opnieuw en bekijk het "
        "voorbeeld opnieuw.",
        "wizard.choose_file.staff": "Kies eerst het personeelsbestand; er is niets opgeslagen.",
        "wizard.choose_file.students": "Kies eerst het leerlingenbestand; er is niets opgeslagen.",
        "wizard.choose_file.teacher_groups": "Kies eerst het bestand met docenten en groepen, "
        "of koppel in de docentplanner; er is niets opgeslagen.",
        "wizard.undo": "Stap ongedaan maken",
        "wizard.undo_help": "Zet alles terug zoals het was voor deze stap.",
        "wizard.busy": "Bezig… Dit kan bij een grote school even duren; sluit de pagina niet.",
        "wizard.explain_heading": "Wat deze stap doet",
        "wizard.never_heading": "Wat nooit verwijderd wordt",
        "wizard.undo_heading": "Ongedaan maken",
        "wizard.explain.undo": "Na het toepassen ziet u de wijzigingenset. Met 'Stap ongedaan "
        "maken' zet koppel alles terug zoals het was, zolang er daarna niets anders is toegepast "
        "(maak anders eerst de latere stap ongedaan). Op de opdrachtregel kan het ook: koppel "
        "undo WIJZIGINGENSET.",
        "wizard.explain.1.what": "Kies het personeelsbestand en het leerlingenbestand uit het "
        "schooladministratiesysteem. koppel controleert eerst beide bestanden, voordat er iets "
        "gebeurt: fouten ziet u per rij en kolom, en zolang er een fout is wordt er niets "
        "opgeslagen. Bij toepassen leest koppel het personeel in: nieuwe medewerkers krijgen een "
        "account (zonder wachtwoord), bestaande worden bijgewerkt en aan hun groepen gekoppeld. "
        "Het leerlingenbestand wordt hier alleen gecontroleerd; u leest het in bij stap 3 "
        "(koppel bewaart het tot dan).",
        "wizard.explain.1.never": "Er wordt niemand verwijderd. Medewerkers die niet in het "
        "bestand staan blijven zoals ze zijn; in stap 5 beslist u over hen. Leerlingen worden "
        "in deze stap niet veranderd.",
        "wizard.explain.2.what": "Verwijder de groepen van het oude schooljaar: alle groepen, of "
        "alleen de groepen van één map. De groepsindelingen en de koppelingen van docenten en "
        "mentoren verdwijnen met de groepen (die koppelt u opnieuw in stap 4). Van iedere "
        "leerling wordt de naam van de stamklas bewaard als stamklas oud.",
        "wizard.explain.2.never": "Leerlingen worden nooit verwijderd, ook hun prognoses, LWOO "
        "en pakketkeuzes blijven. Medewerkers en accounts blijven ook.",
        "wizard.explain.3.what": "Lees de deelnemers voor het nieuwe schooljaar in, met de namen "
        "van hun groepen (stamklassen). Groepen die nog niet bestaan worden gemaakt, nieuwe "
        "leerlingen toegevoegd en bestaande bijgewerkt (herkend aan het leerlingnummer). "
        "Leerlingen die niet in het bestand staan ziet u in het voorbeeld. Ontbreken er meer "
        "dan {share}% van de actieve leerlingen (leerlingen uit een examenjaar niet meegeteld), "
        "dan weigert koppel, tenzij u apart bevestigt dat het klopt.",
        "wizard.explain.3.never": "Er wordt geen leerling verwijderd. Leerlingen die ontbreken "
        "krijgen alleen de status vertrokken als u 'markeer ontbrekende leerlingen als "
        "vertrokken' aanvinkt.",
        "wizard.explain.4.what": "Door stap 2 zijn docenten en mentoren niet meer aan groepen "
        "gekoppeld. Koppel ze opnieuw met een bestand (docentcode of e-mailadres, groep, rol "
        "docent of mentor), of één voor één in de docentplanner.",
        "wizard.explain.4.never": "Er wordt niets verwijderd: koppelingen die er al zijn "
        "blijven, alleen nieuwe worden toegevoegd.",
        "wizard.explain.5.what": "Medewerkers die actief zijn in het portal maar niet in het "
        "personeelsbestand staan, zijn vertrokken. koppel toont ze eerst. Bij toepassen wordt "
        "hun account op non-actief gezet (ze kunnen niet meer inloggen, hun API-tokens werken "
        "niet meer), krijgen ze de status vertrokken en verdwijnen hun koppelingen met groepen. "
        "Zouden meer dan {share}% van de medewerkers vertrekken, dan weigert koppel, tenzij u "
        "apart bevestigt dat het klopt.",
        "wizard.explain.5.never": "Medewerkers en hun accounts worden niet gewist: het logboek "
        "en het ongedaan maken verwijzen ernaar. Leerlingen en groepen blijven zoals ze zijn.",
        "wizard.retention.keep": "Volgens de instellingen van de school blijven naam en "
        "e-mailadres van vertrokken medewerkers bewaard.",
        "wizard.retention.remove": "Volgens de instellingen van de school worden naam en "
        "e-mailadres van vertrokken medewerkers leeggemaakt (de docentcode blijft).",
        "wizard.report_heading": "Verslag",
        "wizard.applied": "Stap {step} is toegepast als wijzigingenset {changeset}.",
        "wizard.applied_nothing": "Stap {step} is toegepast: er was niets te veranderen, er is "
        "geen wijzigingenset gemaakt.",
        "wizard.choose_heading.1": "Bestanden kiezen",
        "wizard.choose_heading.2": "Kiezen wat er weg moet",
        "wizard.choose_heading.3": "Leerlingenbestand kiezen",
        "wizard.choose_heading.4": "Bestand met docenten en groepen kiezen",
        "wizard.choose_heading.5": "Personeelsbestand kiezen",
        "wizard.scope": "Welke groepen",
        "wizard.scope.all": "Alle groepen van schooljaar {year}",
        "wizard.scope.folder": "Alleen de groepen van één map",
        "wizard.folder": "Map",
        "wizard.no_groups": "Er zijn geen groepen meer in dit schooljaar.",
        "wizard.mark_absent_left": "Markeer ontbrekende leerlingen als vertrokken",
        "wizard.mark_absent_left_help": "Standaard uit: ontbrekende leerlingen worden dan alleen "
        "getoond. Aangevinkt krijgen ze de status vertrokken (ze worden niet verwijderd).",
        "wizard.link_two_ways": "Twee manieren: lees hieronder een bestand in, of koppel "
        "docenten één voor één in de",
        "wizard.planner": "docentplanner",
        "wizard.preview": "Voorbeeld bekijken",
        "wizard.preview_heading": "Voorbeeld",
        "wizard.failed_heading": "Niet toegepast",
        "wizard.has_errors": "Er zijn fouten gevonden; er is niets opgeslagen en deze stap kan "
        "zo niet worden toegepast. Verbeter het bestand en kies het hierboven opnieuw.",
        "wizard.refused_apply": "koppel heeft geweigerd deze stap toe te passen; er is niets "
        "opgeslagen. Lees hieronder waarom.",
        "wizard.nothing_written": "Dit is een voorbeeld: er is nog niets opgeslagen.",
        "wizard.force": "Ik heb het gecontroleerd: pas het toch toe",
        "wizard.force_help": "Vink dit alleen aan als u zeker weet dat het bestand klopt (op de "
        "opdrachtregel is dit --force).",
        "wizard.confirm.1": "Ik heb het voorbeeld bekeken: lees het personeel in",
        "wizard.confirm.2": "Ik heb het voorbeeld bekeken: verwijder deze groepen",
        "wizard.confirm.3": "Ik heb het voorbeeld bekeken: lees de deelnemers in",
        "wizard.confirm.4": "Ik heb het voorbeeld bekeken: koppel deze docenten en mentoren",
        "wizard.confirm.5": "Ik heb het voorbeeld bekeken: zet deze medewerkers op vertrokken",
        "wizard.confirm_missing": "Vink eerst aan dat u deze stap wilt toepassen; er is nog "
        "niets opgeslagen.",
        "wizard.apply": "Toepassen",
        "wizard.report.staff": "Personeel",
        "wizard.report.students": "Deelnemers",
        "wizard.report.groups": "Groepen",
        "wizard.report.teacher_groups": "Docenten en mentoren",
        "wizard.report.departure": "Vertrokken personeel",
        "wizard.report.files": "Bestanden",
        "wizard.checked_only": "Alleen gecontroleerd: dit bestand leest u in bij stap 3.",
        "wizard.count.groups_deleted": "Groepen die verwijderd worden",
        "wizard.count.memberships": "Groepsindelingen die meegaan",
        "wizard.count.teacher_links": "Koppelingen docent/mentor die meegaan",
        "wizard.count.previous_home_classes": "Leerlingen van wie de stamklas oud bewaard wordt",
        "wizard.count.links_new": "Nieuwe koppelingen",
        "wizard.count.links_kept": "Koppelingen die er al zijn",
        "wizard.count.departed": "Vertrokken medewerkers",
        "wizard.count.accounts_deactivated": "Accounts die op non-actief gaan",
        "wizard.count.staff_staying": "Medewerkers die blijven",
        "wizard.count.staff_new": "Nieuwe medewerkers",
        "wizard.count.staff_updated": "Medewerkers bijgewerkt",
        "wizard.count.staff_unchanged": "Medewerkers ongewijzigd",
        "wizard.count.staff_absent": "Medewerkers niet in het bestand (blijven tot stap 5)",
        "wizard.count.students_new": "Nieuwe leerlingen",
        "wizard.count.students_updated": "Leerlingen bijgewerkt",
        "wizard.count.students_unchanged": "Leerlingen ongewijzigd",
        "wizard.count.students_absent": "Leerlingen niet in het bestand",
        "wizard.count.students_absent_final_year": "daarvan uit een examenjaar",
        "wizard.count.groups_new": "Nieuwe groepen",
        "wizard.count.marked_left": "Leerlingen die als vertrokken worden gemarkeerd",
        "wizard.list.groups": "Bijvoorbeeld",
        "wizard.list.links_new": "Nieuwe koppelingen",
        "wizard.list.departed": "Vertrokken medewerkers (docentcode en account)",
        "wizard.list.staff_new": "Nieuwe medewerkers",
        "wizard.list.staff_absent": "Niet in het bestand",
        "wizard.list.students_absent": "Leerlingen niet in het bestand (leerlingnummers)",
        "wizard.list.students_new": "Nieuwe leerlingen (leerlingnummers)",
        "wizard.list.groups_new": "Nieuwe groepen",
        "wizard.refusal_heading": "Geweigerd door de veiligheidsregel.",
        "wizard.refusal_what_now": "Klopt het toch (bijvoorbeeld omdat er echt zoveel mensen "
        "vertrekken)? Vink dan hieronder 'Ik heb het gecontroleerd' aan. Zo niet: vraag een "
        "volledige export en kies het bestand opnieuw.",
        "wizard.no_such_step": "De jaarovergang heeft geen stap {step}: kies stap 1 tot en met 5.",
    },
    "en": {
        "nav.transition": "Year transition",
        "wizard.title": "Year transition",
        "wizard.intro": "Every new school year students move to other groups and teachers are "
        "linked to other groups. Without an integration with the school administration system "
        "you do that here in five steps. Each step first shows a preview (nothing is saved), "
        "applies only when you confirm it, and then reports what happened. An applied step can "
        "be undone as long as nothing else has been applied after it.",
        "wizard.go_next": "Continue with step {step}: {what}",
        "wizard.all_done": "All five steps have been applied. The year transition is done.",
        "wizard.column.step": "Step",
        "wizard.column.state": "State",
        "wizard.column.result": "What happened",
        "wizard.column.file": "File",
        "wizard.column.row": "Row",
        "wizard.column.column": "Column",
        "wizard.column.message": "Message",
        "wizard.next_label": "next step",
        "wizard.newest": "(newest: can be undone)",
        "wizard.previewed_only": "Previewed, not applied yet.",
        "wizard.overview_help": "Times in UTC. The same steps can be run on the command line "
        "(koppel transition status, koppel import, koppel groups delete, koppel staff "
        "remove-departed); the state above holds for both.",
        "wizard.step.import_files": "Read the files",
        "wizard.step.delete_groups": "Delete old groups",
        "wizard.step.import_participants": "Import participants",
        "wizard.step.link_staff": "Link teachers and mentors",
        "wizard.step.remove_departed": "Remove staff who left",
        "wizard.state.not_started": "not started",
        "wizard.state.previewed": "previewed",
        "wizard.state.applied": "applied",
        "wizard.state.undone": "undone",
        "wizard.summary.file": "file",
        "wizard.summary.folder": "folder",
        "wizard.summary.groups": "groups deleted",
        "wizard.summary.memberships": "memberships",
        "wizard.summary.teacher_links": "teacher and mentor links",
        "wizard.summary.previous_home_classes": "previous home classes kept",
        "wizard.summary.new": "new",
        "wizard.summary.updated": "updated",
        "wizard.summary.unchanged": "unchanged",
        "wizard.summary.absent": "not in the file",
        "wizard.summary.departed": "staff who left",
        "wizard.summary.links": "links",
        "wizard.step_n": "Step {step}",
        "wizard.back": "Back to the year transition overview",
        "wizard.file.staff": "Staff file",
        "wizard.file.students": "Students file (participants)",
        "wizard.file.teacher_groups": "Teachers and groups file",
        "wizard.optional": "(may also wait until step 3)",
        "wizard.use_kept": "Use {file} (chosen at {at} UTC)",
        "wizard.use_other": "Choose another file",
        "wizard.choose.staff": "Choose the staff file",
        "wizard.choose.students": "Choose the students file",
        "wizard.choose.teacher_groups": "Choose the teachers and groups file",
        "wizard.file_help": "An Excel file (xlsx) or a csv file as the school administration "
        "system exports it; headers may be Dutch or English. A file chosen here is the one "
        "koppel uses.",
        "wizard.errors": "Errors ({count}): correct these in the file",
        "wizard.warnings": "Warnings ({count}): read as described",
        "wizard.and_more": "… and {count} more.",
        "wizard.undone": "The step has been undone: change set {changeset} was reversed "
        "({count} changes), recorded as change set {undo}. You can run the step again.",
        "wizard.undo_stale": "This change set is not (or no longer) the applied change set of "
        "this step. Reload the page to see where things stand.",
        "wizard.nothing_changed": "Nothing changed.",
        "wizard.unknown_upload": "The preview's file is no longer there: it has been used, it "
        "expired (files are kept for 8 hours at most) or it belongs to another account. Nothing "
        "was saved. Choose the file again and look at the preview again.",
        "wizard.choose_file.staff": "Choose the staff file first; nothing was saved.",
        "wizard.choose_file.students": "Choose the students file first; nothing was saved.",
        "wizard.choose_file.teacher_groups": "Choose the teachers and groups file first, or "
        "link on the planner page; nothing was saved.",
        "wizard.undo": "Undo this step",
        "wizard.undo_help": "Puts everything back as it was before this step.",
        "wizard.busy": "Working… For a large school this may take a while; keep the page open.",
        "wizard.explain_heading": "What this step does",
        "wizard.never_heading": "What is never deleted",
        "wizard.undo_heading": "Undo",
        "wizard.explain.undo": "After applying you see the change set. 'Undo this step' puts "
        "everything back as it was, as long as nothing else has been applied since (otherwise "
        "undo the later step first). On the command line: koppel undo CHANGESET.",
        "wizard.explain.1.what": "Choose the staff file and the students file from the school "
        "administration system. koppel checks both files before anything happens: errors are "
        "shown per row and column, and while there is an error nothing is saved. Applying reads "
        "the staff: new staff members get an account (without a password), known ones are "
        "updated and linked to their groups. The students file is only checked here; you import "
        "it in step 3 (koppel keeps it until then).",
        "wizard.explain.1.never": "Nobody is removed. Staff members missing from the file stay "
        "as they are; you decide about them in step 5. Students are not changed in this step.",
        "wizard.explain.2.what": "Delete the groups of the old school year: all of them, or the "
        "groups of one folder. Group memberships and the links of teachers and mentors go with "
        "the groups (relink them in step 4). Each student's home class name is kept as the "
        "previous home class.",
        "wizard.explain.2.never": "Students are never deleted; their prognoses, LWOO and package "
        "choices stay. Staff and accounts stay too.",
        "wizard.explain.3.what": "Import the participants of the new school year with the names "
        "of their groups (home classes). Missing groups are created, new students added and "
        "known ones updated (matched by student number). Students missing from the file are "
        "listed in the preview. When more than {share}% of the active students are missing "
        "(exam-year students not counted), koppel refuses unless you confirm separately that "
        "it is right.",
        "wizard.explain.3.never": "No student is deleted. Missing students are marked as left "
        "only when you tick 'mark missing students as left'.",
        "wizard.explain.4.what": "Step 2 removed the links of teachers and mentors to groups. "
        "Link them again from a file (staff code or email, group, role teacher or mentor), or "
        "one by one on the planner page.",
        "wizard.explain.4.never": "Nothing is deleted: existing links stay, only new ones are "
        "added.",
        "wizard.explain.5.what": "Staff members who are active in the portal but missing from "
        "the staff file have left. koppel lists them first. Applying deactivates their accounts "
        "(they can no longer sign in, their API tokens stop working), gives them the status "
        "left and removes their links to groups. When more than {share}% of the staff would "
        "leave, koppel refuses unless you confirm separately that it is right.",
        "wizard.explain.5.never": "Staff members and their accounts are not erased: the audit "
        "log and undo refer to them. Students and groups stay as they are.",
        "wizard.retention.keep": "By the school's settings, the name and email of staff who "
        "left are kept.",
        "wizard.retention.remove": "By the school's settings, the name and email of staff who "
        "left are blanked (the staff code stays).",
        "wizard.report_heading": "Report",
        "wizard.applied": "Step {step} has been applied as change set {changeset}.",
        "wizard.applied_nothing": "Step {step} has been applied: there was nothing to change, "
        "no change set was made.",
        "wizard.choose_heading.1": "Choose the files",
        "wizard.choose_heading.2": "Choose what to delete",
        "wizard.choose_heading.3": "Choose the students file",
        "wizard.choose_heading.4": "Choose the teachers and groups file",
        "wizard.choose_heading.5": "Choose the staff file",
        "wizard.scope": "Which groups",
        "wizard.scope.all": "All groups of school year {year}",
        "wizard.scope.folder": "Only the groups of one folder",
        "wizard.folder": "Folder",
        "wizard.no_groups": "There are no groups left in this school year.",
        "wizard.mark_absent_left": "Mark missing students as left",
        "wizard.mark_absent_left_help": "Off by default: missing students are then only listed. "
        "Ticked, they get the status left (they are not deleted).",
        "wizard.link_two_ways": "Two ways: import a file below, or link teachers one by one on the",
        "wizard.planner": "planner page",
        "wizard.preview": "Show preview",
        "wizard.preview_heading": "Preview",
        "wizard.failed_heading": "Not applied",
        "wizard.has_errors": "Errors were found; nothing was saved and this step cannot be "
        "applied like this. Correct the file and choose it again above.",
        "wizard.refused_apply": "koppel refused to apply this step; nothing was saved. See "
        "below why.",
        "wizard.nothing_written": "This is a preview: nothing has been saved yet.",
        "wizard.force": "I have checked it: apply it anyway",
        "wizard.force_help": "Tick this only when you are sure the file is right (on the command "
        "line this is --force).",
        "wizard.confirm.1": "I have looked at the preview: import the staff",
        "wizard.confirm.2": "I have looked at the preview: delete these groups",
        "wizard.confirm.3": "I have looked at the preview: import the participants",
        "wizard.confirm.4": "I have looked at the preview: link these teachers and mentors",
        "wizard.confirm.5": "I have looked at the preview: mark these staff members as left",
        "wizard.confirm_missing": "Tick first that you want to apply this step; nothing has "
        "been saved yet.",
        "wizard.apply": "Apply",
        "wizard.report.staff": "Staff",
        "wizard.report.students": "Participants",
        "wizard.report.groups": "Groups",
        "wizard.report.teacher_groups": "Teachers and mentors",
        "wizard.report.departure": "Staff who left",
        "wizard.report.files": "Files",
        "wizard.checked_only": "Only checked: you import this file in step 3.",
        "wizard.count.groups_deleted": "Groups to be deleted",
        "wizard.count.memberships": "Memberships that go with them",
        "wizard.count.teacher_links": "Teacher and mentor links that go with them",
        "wizard.count.previous_home_classes": "Students whose previous home class is kept",
        "wizard.count.links_new": "New links",
        "wizard.count.links_kept": "Links that exist already",
        "wizard.count.departed": "Staff who left",
        "wizard.count.accounts_deactivated": "Accounts to be deactivated",
        "wizard.count.staff_staying": "Staff who stay",
        "wizard.count.staff_new": "New staff members",
        "wizard.count.staff_updated": "Staff members updated",
        "wizard.count.staff_unchanged": "Staff members unchanged",
        "wizard.count.staff_absent": "Staff members not in the file (stay until step 5)",
        "wizard.count.students_new": "New students",
        "wizard.count.students_updated": "Students updated",
        "wizard.count.students_unchanged": "Students unchanged",
        "wizard.count.students_absent": "Students not in the file",
        "wizard.count.students_absent_final_year": "of which in an exam year",
        "wizard.count.groups_new": "New groups",
        "wizard.count.marked_left": "Students to be marked as left",
        "wizard.list.groups": "For example",
        "wizard.list.links_new": "New links",
        "wizard.list.departed": "Staff who left (staff code and account)",
        "wizard.list.staff_new": "New staff members",
        "wizard.list.staff_absent": "Not in the file",
        "wizard.list.students_absent": "Students not in the file (student numbers)",
        "wizard.list.students_new": "New students (student numbers)",
        "wizard.list.groups_new": "New groups",
        "wizard.refusal_heading": "Refused by the safety rule.",
        "wizard.refusal_what_now": "Is it right all the same (because that many people really "
        "leave)? Then tick 'I have checked it' below. If not, ask for a complete export and "
        "choose the file again.",
        "wizard.no_such_step": "The year transition has no step {step}: choose step 1 to 5.",
    },
}
