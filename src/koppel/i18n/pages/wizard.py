"""Words of the year-transition wizard (Beheer > Jaarovergang): the overview and what
every step's page shows; what the steps explain and report is in :mod:`wizard_steps`."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "wizard.title": {"nl": "Jaarovergang", "en": "Year transition"},
    "wizard.intro": {
        "nl": "Van het voorjaar tot de zomer werkt de school aan twee schooljaren: het huidige "
        "loopt door, het nieuwe wordt ernaast klaargezet. Hier doet u dat in volgorde: het "
        "nieuwe schooljaar klaarzetten, de leerlingen doorzetten vanuit hun prognoses, de "
        "vijf stappen met de bestanden uit het schooladministratiesysteem, en op de eerste "
        "schooldag wisselen. Elk onderdeel toont eerst een voorbeeld (er wordt dan niets "
        "opgeslagen), past pas toe als u dat bevestigt, en laat daarna zien wat er is "
        "gebeurd. Wat is toegepast, kunt u ongedaan maken zolang er daarna niets anders is "
        "toegepast.",
        "en": "From spring to summer the school works on two school years: the current one "
        "carries on while the new one is prepared beside it. Here you do that in order: "
        "prepare the new school year, promote the students from their prognoses, the five "
        "steps with the files from the school administration system, and switch on the first "
        "school day. Each part first shows a preview (nothing is saved), applies only when you "
        "confirm it, and then reports what happened. What has been applied can be undone as "
        "long as nothing else has been applied after it.",
    },
    "wizard.go_next": {
        "nl": "Verder met stap {step}: {what}",
        "en": "Continue with step {step}: {what}",
    },
    "wizard.all_done": {
        "nl": "Alle vijf stappen zijn toegepast. De jaarovergang is klaar.",
        "en": "All five steps have been applied. The year transition is done.",
    },
    "wizard.column.result": {"nl": "Wat er gebeurde", "en": "What happened"},
    "wizard.column.file": {"nl": "Bestand", "en": "File"},
    "wizard.column.row": {"nl": "Rij", "en": "Row"},
    "wizard.column.column": {"nl": "Kolom", "en": "Column"},
    "wizard.column.message": {"nl": "Melding", "en": "Message"},
    "wizard.next_label": {"nl": "volgende stap", "en": "next step"},
    "wizard.newest": {
        "nl": "(nieuwste: kan ongedaan worden gemaakt)",
        "en": "(newest: can be undone)",
    },
    "wizard.previewed_only": {
        "nl": "Voorbeeld bekeken, nog niet toegepast.",
        "en": "Previewed, not applied yet.",
    },
    "wizard.overview_help": {
        "nl": "Tijden in de tijdzone van de school ({zone}). Dezelfde onderdelen kunnen ook op "
        "de opdrachtregel (koppel year, koppel import, koppel groups delete, koppel staff "
        "remove-departed); de stand hierboven geldt voor beide.",
        "en": "Times in the school's time zone ({zone}). The same parts can be run on the "
        "command line (koppel year, koppel import, koppel groups delete, koppel staff "
        "remove-departed); the state above holds for both.",
    },
    "wizard.step.import_files": {"nl": "Bestanden inlezen", "en": "Read the files"},
    "wizard.step.delete_groups": {"nl": "Oude groepen verwijderen", "en": "Delete old groups"},
    "wizard.step.import_participants": {"nl": "Deelnemers inlezen", "en": "Import participants"},
    "wizard.step.link_staff": {
        "nl": "Docenten en mentoren koppelen",
        "en": "Link teachers and mentors",
    },
    "wizard.step.remove_departed": {
        "nl": "Vertrokken personeel verwijderen",
        "en": "Remove staff who left",
    },
    "wizard.state.undone": {"nl": "ongedaan gemaakt", "en": "undone"},
    "wizard.step_n": {"nl": "Stap {step}", "en": "Step {step}"},
    "wizard.back": {
        "nl": "Terug naar het overzicht van de jaarovergang",
        "en": "Back to the year transition overview",
    },
    "wizard.file.staff": {"nl": "Personeelsbestand", "en": "Staff file"},
    "wizard.file.students": {
        "nl": "Leerlingenbestand (deelnemers)",
        "en": "Students file (participants)",
    },
    "wizard.file.teacher_groups": {
        "nl": "Bestand docenten en groepen",
        "en": "Teachers and groups file",
    },
    "wizard.optional": {"nl": "(mag ook later, in stap 3)", "en": "(may also wait until step 3)"},
    "wizard.use_kept": {
        "nl": "Gebruik {file} (gekozen om {at})",
        "en": "Use {file} (chosen at {at})",
    },
    "wizard.use_other": {"nl": "Een ander bestand kiezen", "en": "Choose another file"},
    "wizard.choose.staff": {"nl": "Kies het personeelsbestand", "en": "Choose the staff file"},
    "wizard.choose.students": {
        "nl": "Kies het leerlingenbestand",
        "en": "Choose the students file",
    },
    "wizard.choose.teacher_groups": {
        "nl": "Kies het bestand met docenten en groepen",
        "en": "Choose the teachers and groups file",
    },
    "wizard.file_help": {
        "nl": "Een Excel-bestand (xlsx) of een csv-bestand, zoals het schooladministratiesysteem "
        "het maakt; de kolomkoppen mogen Nederlands of Engels zijn. Kiest u hier een bestand, dan "
        "gebruikt koppel dat.",
        "en": "An Excel file (xlsx) or a csv file as the school administration system exports it; "
        "headers may be Dutch or English. A file chosen here is the one koppel uses.",
    },
    "wizard.errors": {
        "nl": "Fouten ({count}): verbeter deze in het bestand",
        "en": "Errors ({count}): correct these in the file",
    },
    "wizard.warnings": {
        "nl": "Waarschuwingen ({count}): dit wordt ingelezen zoals beschreven",
        "en": "Warnings ({count}): read as described",
    },
    "wizard.and_more": {"nl": "… en nog {count}.", "en": "… and {count} more."},
    "wizard.undone": {
        "nl": "De stap is ongedaan gemaakt: wijzigingenset {changeset} is teruggedraaid ({count} "
        "wijzigingen), vastgelegd als wijzigingenset {undo}. U kunt de stap opnieuw uitvoeren.",
        "en": "The step has been undone: change set {changeset} was reversed ({count} changes), "
        "recorded as change set {undo}. You can run the step again.",
    },
    "wizard.undo_stale": {
        "nl": "Deze wijzigingenset is niet (meer) de toegepaste wijzigingenset van deze stap. "
        "Laad de pagina opnieuw om de huidige stand te zien.",
        "en": "This change set is not (or no longer) the applied change set of this step. Reload "
        "the page to see where things stand.",
    },
    "wizard.nothing_changed": {"nl": "Er is niets veranderd.", "en": "Nothing changed."},
    "wizard.unknown_upload": {
        "nl": "Het bestand van het voorbeeld is er niet meer: het is al gebruikt, het is verlopen "
        "(bestanden worden hoogstens 8 uur bewaard) of het hoort bij een ander account. Er is "
        "niets opgeslagen. Kies het bestand opnieuw en bekijk het voorbeeld opnieuw.",
        "en": "The preview's file is no longer there: it has been used, it expired (files are "
        "kept for 8 hours at most) or it belongs to another account. Nothing was saved. Choose "
        "the file again and look at the preview again.",
    },
    "wizard.choose_file.staff": {
        "nl": "Kies eerst het personeelsbestand; er is niets opgeslagen.",
        "en": "Choose the staff file first; nothing was saved.",
    },
    "wizard.choose_file.students": {
        "nl": "Kies eerst het leerlingenbestand; er is niets opgeslagen.",
        "en": "Choose the students file first; nothing was saved.",
    },
    "wizard.choose_file.teacher_groups": {
        "nl": "Kies eerst het bestand met docenten en groepen, of koppel in de docentplanner; er "
        "is niets opgeslagen.",
        "en": "Choose the teachers and groups file first, or link on the planner page; nothing "
        "was saved.",
    },
    "wizard.undo": {"nl": "Stap ongedaan maken", "en": "Undo this step"},
    "wizard.undo_help": {
        "nl": "Zet alles terug zoals het was voor deze stap.",
        "en": "Puts everything back as it was before this step.",
    },
    "wizard.busy": {
        "nl": "Bezig… Dit kan bij een grote school even duren; sluit de pagina niet.",
        "en": "Working… For a large school this may take a while; keep the page open.",
    },
    "wizard.never_heading": {"nl": "Wat nooit verwijderd wordt", "en": "What is never deleted"},
    "wizard.report_heading": {"nl": "Verslag", "en": "Report"},
    "wizard.applied": {
        "nl": "Stap {step} is toegepast als wijzigingenset {changeset}.",
        "en": "Step {step} has been applied as change set {changeset}.",
    },
    "wizard.applied_nothing": {
        "nl": "Stap {step} is toegepast: er was niets te veranderen, er is geen wijzigingenset "
        "gemaakt.",
        "en": "Step {step} has been applied: there was nothing to change, no change set was made.",
    },
    "wizard.scope": {"nl": "Welke groepen", "en": "Which groups"},
    "wizard.scope.all": {
        "nl": "Alle groepen van schooljaar {year}",
        "en": "All groups of school year {year}",
    },
    "wizard.scope.folder": {
        "nl": "Alleen de groepen van één map",
        "en": "Only the groups of one folder",
    },
    "wizard.folder": {"nl": "Map", "en": "Folder"},
    "wizard.no_groups": {
        "nl": "Er zijn geen groepen meer in dit schooljaar.",
        "en": "There are no groups left in this school year.",
    },
    "wizard.mark_absent_left": {
        "nl": "Markeer ontbrekende leerlingen als vertrokken",
        "en": "Mark missing students as left",
    },
    "wizard.mark_absent_left_help": {
        "nl": "Standaard uit: ontbrekende leerlingen worden dan alleen getoond. Aangevinkt "
        "krijgen ze de status vertrokken (ze worden niet verwijderd).",
        "en": "Off by default: missing students are then only listed. Ticked, they get the status "
        "left (they are not deleted).",
    },
    "wizard.link_two_ways": {
        "nl": "Twee manieren: lees hieronder een bestand in, of koppel docenten één voor één in de",
        "en": "Two ways: import a file below, or link teachers one by one on the",
    },
    "wizard.planner": {"nl": "docentplanner", "en": "planner page"},
    "wizard.preview": {"nl": "Voorbeeld bekijken", "en": "Show preview"},
    "wizard.preview_heading": {"nl": "Voorbeeld", "en": "Preview"},
    "wizard.failed_heading": {"nl": "Niet toegepast", "en": "Not applied"},
    "wizard.has_errors": {
        "nl": "Er zijn fouten gevonden; er is niets opgeslagen en deze stap kan zo niet worden "
        "toegepast. Verbeter het bestand en kies het hierboven opnieuw.",
        "en": "Errors were found; nothing was saved and this step cannot be applied like this. "
        "Correct the file and choose it again above.",
    },
    "wizard.refused_apply": {
        "nl": "koppel heeft geweigerd deze stap toe te passen; er is niets opgeslagen. Lees "
        "hieronder waarom.",
        "en": "koppel refused to apply this step; nothing was saved. See below why.",
    },
    "wizard.nothing_written": {
        "nl": "Dit is een voorbeeld: er is nog niets opgeslagen.",
        "en": "This is a preview: nothing has been saved yet.",
    },
    "wizard.force": {
        "nl": "Ik heb het gecontroleerd: pas het toch toe",
        "en": "I have checked it: apply it anyway",
    },
    "wizard.force_help": {
        "nl": "Vink dit alleen aan als u zeker weet dat het bestand klopt (op de opdrachtregel is "
        "dit --force).",
        "en": "Tick this only when you are sure the file is right (on the command line this is "
        "--force).",
    },
    "wizard.confirm_missing": {
        "nl": "Vink eerst aan dat u deze stap wilt toepassen; er is nog niets opgeslagen.",
        "en": "Tick first that you want to apply this step; nothing has been saved yet.",
    },
    "wizard.apply": {"nl": "Toepassen", "en": "Apply"},
    "wizard.refusal_heading": {
        "nl": "Geweigerd door de veiligheidsregel.",
        "en": "Refused by the safety rule.",
    },
    "wizard.refusal_what_now": {
        "nl": "Klopt het toch (bijvoorbeeld omdat er echt zoveel mensen vertrekken)? Vink dan "
        "hieronder 'Ik heb het gecontroleerd' aan. Zo niet: vraag een volledige export en kies "
        "het bestand opnieuw.",
        "en": "Is it right all the same (because that many people really leave)? Then tick 'I "
        "have checked it' below. If not, ask for a complete export and choose the file again.",
    },
    "wizard.no_such_step": {
        "nl": "De jaarovergang heeft geen stap {step}: kies stap 1 tot en met 5.",
        "en": "The year transition has no step {step}: choose step 1 to 5.",
    },
}
