"""Words of the SIS integration's page (Beheer > Koppeling), Dutch and English."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "nav.integration": "Koppeling",
        "runs.title": "Koppeling met de leerlingadministratie",
        "runs.intro": "Het administratiesysteem zet zijn export (een OneRoster- of "
        "SDS-set) in een map; 'koppel integration run' leest de nieuwste set daaruit in, "
        "bijvoorbeeld elk kwartier via cron of een systemd-timer. Wat binnen de "
        "veiligheidsgrens blijft wordt meteen toegepast. Zou een set meer leerlingen als "
        "vertrokken markeren dan de grens van de school ({share}%), dan wordt er niets "
        "geschreven en wacht de set hier op uw goedkeuring.",
        "runs.pending_heading": "Wachten op goedkeuring ({count})",
        "runs.none_pending": "Er wacht geen set op goedkeuring.",
        "runs.history_heading": "Alle runs",
        "runs.none": "Er zijn nog geen runs. Zie docs/integration.md om de automatische run "
        "in te plannen.",
        "runs.column.run": "Run",
        "runs.column.received": "Ontvangen (UTC)",
        "runs.column.set": "Set",
        "runs.column.format": "Formaat",
        "runs.column.status": "Status",
        "runs.column.counts": "Leerlingen",
        "runs.column.decided": "Besloten door",
        "runs.counts": "{new} nieuw, {updated} bijgewerkt, {absent} ontbreken",
        "runs.status.running": "bezig",
        "runs.status.approving": "wordt goedgekeurd",
        "runs.status.pending": "wacht op goedkeuring",
        "runs.status.applied": "toegepast",
        "runs.status.approved": "goedgekeurd",
        "runs.status.rejected": "afgewezen",
        "runs.status.failed": "mislukt",
        "runs.status.superseded": "vervangen door een nieuwere set",
        "runs.explain.running": "Deze run is nu bezig. Ververs de pagina over een minuut.",
        "runs.explain.approving": "Een beheerder keurt deze set nu goed.",
        "runs.explain.pending": "Deze set zou meer veranderen dan de veiligheidsgrens "
        "toestaat; er is niets geschreven. Bekijk het voorbeeld: klopt het (bijvoorbeeld aan "
        "het begin van het schooljaar, als veel leerlingen echt vertrekken), keur de set dan "
        "goed. Zo niet, wijs hem af en vraag de administratie om een volledige export.",
        "runs.explain.applied": "Toegepast. Terugdraaien kan met 'koppel undo {changeset}'.",
        "runs.explain.applied_nothing": "Verwerkt: het portaal was al bij, er is niets veranderd.",
        "runs.explain.approved": "Goedgekeurd en toegepast. Terugdraaien kan met "
        "'koppel undo {changeset}'.",
        "runs.explain.approved_nothing": "Goedgekeurd; er was niets te veranderen.",
        "runs.explain.rejected": "Afgewezen: er is niets geschreven en de kopie is "
        "verwijderd. Dezelfde set wordt niet opnieuw ingelezen; een nieuwe export wel.",
        "runs.explain.failed": "Mislukt: de set heeft fouten en er is niets geschreven. Laat "
        "de administratie een verbeterde set in de map zetten; de volgende run leest die in.",
        "runs.explain.superseded": "Niet toegepast: er kwam een nieuwere set voordat deze "
        "werd goedgekeurd. De kopie is verwijderd.",
        "runs.details": "Bekijken",
        "runs.run_title": "Run {run}",
        "runs.back": "Terug naar alle runs",
        "runs.source": "Gevonden als",
        "runs.school_year": "Schooljaar",
        "runs.decided_at": "Besloten",
        "runs.preview_heading": "Voorbeeld: wat deze set zou doen",
        "runs.outcome_heading": "Wat deze set deed",
        "runs.count.rows": "regels gelezen",
        "runs.count.students_new": "nieuwe leerlingen",
        "runs.count.students_updated": "bijgewerkte leerlingen",
        "runs.count.students_unchanged": "ongewijzigde leerlingen",
        "runs.count.students_absent": "leerlingen niet in de set",
        "runs.count.marked_left": "leerlingen gemarkeerd als vertrokken",
        "runs.count.staff_new": "nieuwe medewerkers",
        "runs.count.staff_updated": "bijgewerkte medewerkers",
        "runs.count.staff_absent": "medewerkers niet in de set",
        "runs.count.groups_new": "nieuwe groepen",
        "runs.count.groups_deleted": "verwijderde groepen",
        "runs.count.memberships_new": "nieuwe groepsindelingen",
        "runs.count.memberships_removed": "vervallen groepsindelingen",
        "runs.count.links_new": "nieuwe koppelingen docent/mentor",
        "runs.count.links_removed": "vervallen koppelingen docent/mentor",
        "runs.list.absent": "Leerlingnummers die niet in de set staan",
        "runs.refusal": "Boven de veiligheidsgrens:",
        "runs.problem": "Melding:",
        "runs.approve_heading": "Goedkeuren of afwijzen",
        "runs.confirm": "Ik heb het voorbeeld gecontroleerd: pas deze set toe, ook al is hij "
        "groter dan de veiligheidsgrens",
        "runs.confirm_help": "Hetzelfde als --force op de opdrachtregel. Het wordt één "
        "wijzigingenset die u met 'koppel undo' kunt terugdraaien.",
        "runs.confirm_missing": "Vink eerst aan dat u het voorbeeld hebt gecontroleerd; er is "
        "niets veranderd.",
        "runs.approve": "Goedkeuren en toepassen",
        "runs.reject": "Afwijzen",
        "runs.reject_help": "Er wordt niets geschreven; de bewaarde kopie wordt verwijderd.",
        "runs.approved": "Run {run} is goedgekeurd en toegepast als wijzigingenset "
        "{changeset}. Terugdraaien kan met 'koppel undo {changeset}'.",
        "runs.approved_nothing": "Run {run} is goedgekeurd; er was niets te veranderen.",
        "runs.approve_failed": "Run {run} kon niet worden toegepast: de set heeft fouten. Er is "
        "niets geschreven.",
        "runs.rejected": "Run {run} is afgewezen. Er is niets geschreven en de kopie is "
        "verwijderd.",
        "runs.refused": "Dat kan niet: {message}. Er is niets veranderd.",
        "runs.no_such_run": "Er is geen run {run}.",
        "runs.busy": "Bezig met toepassen… Dit kan bij een grote school even duren; sluit de "
        "pagina niet.",
        "runs.more": "De nieuwste {count} runs; 'koppel integration runs --limit N' toont er meer.",
    },
    "en": {
        "nav.integration": "Integration",
        "runs.title": "Integration with the school administration system",
        "runs.intro": "The administration system puts its export (a OneRoster or SDS set) "
        "in a folder; 'koppel integration run' reads the newest set from it, for example "
        "every quarter of an hour from cron or a systemd timer. What stays within the safety "
        "limit is applied at once. A set that would mark more students as left than the "
        "school's limit ({share}%) writes nothing and waits here for your approval.",
        "runs.pending_heading": "Waiting for approval ({count})",
        "runs.none_pending": "No set is waiting for approval.",
        "runs.history_heading": "All runs",
        "runs.none": "There are no runs yet. See docs/integration.md to schedule the automatic "
        "run.",
        "runs.column.run": "Run",
        "runs.column.received": "Received (UTC)",
        "runs.column.set": "Set",
        "runs.column.format": "Format",
        "runs.column.status": "Status",
        "runs.column.counts": "Students",
        "runs.column.decided": "Decided by",
        "runs.counts": "{new} new, {updated} updated, {absent} missing",
        "runs.status.running": "running",
        "runs.status.approving": "being approved",
        "runs.status.pending": "waiting for approval",
        "runs.status.applied": "applied",
        "runs.status.approved": "approved",
        "runs.status.rejected": "rejected",
        "runs.status.failed": "failed",
        "runs.status.superseded": "superseded by a newer set",
        "runs.explain.running": "This run is busy now. Refresh the page in a minute.",
        "runs.explain.approving": "An administrator is approving this set now.",
        "runs.explain.pending": "This set would change more than the safety limit allows; "
        "nothing was written. Look at the preview: if it is right (at the start of a school "
        "year, when many students really leave), approve it. If not, reject it and ask the "
        "administration for a complete export.",
        "runs.explain.applied": "Applied. Reverse it with 'koppel undo {changeset}'.",
        "runs.explain.applied_nothing": "Taken up: the portal was up to date, nothing changed.",
        "runs.explain.approved": "Approved and applied. Reverse it with 'koppel undo {changeset}'.",
        "runs.explain.approved_nothing": "Approved; there was nothing to change.",
        "runs.explain.rejected": "Rejected: nothing was written and the copy was removed. The "
        "same set is not read again; a new export is.",
        "runs.explain.failed": "Failed: the set has errors and nothing was written. Have the "
        "administration put a corrected set in the folder; the next run reads it.",
        "runs.explain.superseded": "Not applied: a newer set came before this one was "
        "approved. The copy was removed.",
        "runs.details": "View",
        "runs.run_title": "Run {run}",
        "runs.back": "Back to all runs",
        "runs.source": "Found as",
        "runs.school_year": "School year",
        "runs.decided_at": "Decided",
        "runs.preview_heading": "Preview: what this set would do",
        "runs.outcome_heading": "What this set did",
        "runs.count.rows": "rows read",
        "runs.count.students_new": "new students",
        "runs.count.students_updated": "students updated",
        "runs.count.students_unchanged": "students unchanged",
        "runs.count.students_absent": "students not in the set",
        "runs.count.marked_left": "students marked as left",
        "runs.count.staff_new": "new staff",
        "runs.count.staff_updated": "staff updated",
        "runs.count.staff_absent": "staff not in the set",
        "runs.count.groups_new": "new groups",
        "runs.count.groups_deleted": "groups deleted",
        "runs.count.memberships_new": "new memberships",
        "runs.count.memberships_removed": "memberships removed",
        "runs.count.links_new": "new teacher and mentor links",
        "runs.count.links_removed": "teacher and mentor links removed",
        "runs.list.absent": "Student numbers not in the set",
        "runs.refusal": "Over the safety limit:",
        "runs.problem": "Message:",
        "runs.approve_heading": "Approve or reject",
        "runs.confirm": "I have checked the preview: apply this set, even though it is larger "
        "than the safety limit",
        "runs.confirm_help": "The same as --force on the command line. It becomes one change "
        "set that 'koppel undo' reverses.",
        "runs.confirm_missing": "First tick that you have checked the preview; nothing changed.",
        "runs.approve": "Approve and apply",
        "runs.reject": "Reject",
        "runs.reject_help": "Nothing is written; the kept copy is removed.",
        "runs.approved": "Run {run} was approved and applied as change set {changeset}. "
        "Reverse it with 'koppel undo {changeset}'.",
        "runs.approved_nothing": "Run {run} was approved; there was nothing to change.",
        "runs.approve_failed": "Run {run} could not be applied: the set has errors. Nothing "
        "was written.",
        "runs.rejected": "Run {run} was rejected. Nothing was written and the copy was removed.",
        "runs.refused": "That is not possible: {message}. Nothing changed.",
        "runs.no_such_run": "There is no run {run}.",
        "runs.busy": "Applying… For a large school this may take a while; keep the page open.",
        "runs.more": "The newest {count} runs; 'koppel integration runs --limit N' shows more.",
    },
}
