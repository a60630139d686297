"""Words of the SIS integration's page (Beheer > Koppeling)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "nav.integration": {"nl": "Koppeling", "en": "Integration"},
    "runs.title": {
        "nl": "Koppeling met de leerlingadministratie",
        "en": "Integration with the school administration system",
    },
    "runs.intro": {
        "nl": "Het administratiesysteem zet zijn export (een OneRoster- of SDS-set) in een map; "
        "'koppel integration run' leest de nieuwste set daaruit in, bijvoorbeeld elk kwartier via "
        "cron of een systemd-timer. Wat binnen de veiligheidsgrens blijft wordt meteen toegepast. "
        "Zou een set meer leerlingen als vertrokken markeren dan de grens van de school "
        "({share}%), dan wordt er niets geschreven en wacht de set hier op uw goedkeuring.",
        "en": "The administration system puts its export (a OneRoster or SDS set) in a folder; "
        "'koppel integration run' reads the newest set from it, for example every quarter of an "
        "hour from cron or a systemd timer. What stays within the safety limit is applied at "
        "once. A set that would mark more students as left than the school's limit ({share}%) "
        "writes nothing and waits here for your approval.",
    },
    "runs.pending_heading": {
        "nl": "Wachten op goedkeuring ({count})",
        "en": "Waiting for approval ({count})",
    },
    "runs.none_pending": {
        "nl": "Er wacht geen set op goedkeuring.",
        "en": "No set is waiting for approval.",
    },
    "runs.history_heading": {"nl": "Alle runs", "en": "All runs"},
    "runs.none": {
        "nl": "Er zijn nog geen runs. Zie docs/integration.md om de automatische run in te "
        "plannen.",
        "en": "There are no runs yet. See docs/integration.md to schedule the automatic run.",
    },
    "runs.column.decided": {"nl": "Besloten door", "en": "Decided by"},
    "runs.counts": {
        "nl": "{new} nieuw, {updated} bijgewerkt, {absent} ontbreken",
        "en": "{new} new, {updated} updated, {absent} missing",
    },
    "runs.explain.running": {
        "nl": "Deze run is nu bezig. Ververs de pagina over een minuut.",
        "en": "This run is busy now. Refresh the page in a minute.",
    },
    "runs.explain.approving": {
        "nl": "Een beheerder keurt deze set nu goed.",
        "en": "An administrator is approving this set now.",
    },
    "runs.explain.pending": {
        "nl": "Deze set zou meer veranderen dan de veiligheidsgrens toestaat; er is niets "
        "geschreven. Bekijk het voorbeeld: klopt het (bijvoorbeeld aan het begin van het "
        "schooljaar, als veel leerlingen echt vertrekken), keur de set dan goed. Zo niet, wijs "
        "hem af en vraag de administratie om een volledige export.",
        "en": "This set would change more than the safety limit allows; nothing was written. Look "
        "at the preview: if it is right (at the start of a school year, when many students really "
        "leave), approve it. If not, reject it and ask the administration for a complete export.",
    },
    "runs.explain.applied": {
        "nl": "Toegepast. Terugdraaien kan met 'koppel undo {changeset}'.",
        "en": "Applied. Reverse it with 'koppel undo {changeset}'.",
    },
    "runs.explain.applied_nothing": {
        "nl": "Verwerkt: het portaal was al bij, er is niets veranderd.",
        "en": "Taken up: the portal was up to date, nothing changed.",
    },
    "runs.explain.approved": {
        "nl": "Goedgekeurd en toegepast. Terugdraaien kan met 'koppel undo {changeset}'.",
        "en": "Approved and applied. Reverse it with 'koppel undo {changeset}'.",
    },
    "runs.explain.approved_nothing": {
        "nl": "Goedgekeurd; er was niets te veranderen.",
        "en": "Approved; there was nothing to change.",
    },
    "runs.explain.rejected": {
        "nl": "Afgewezen: er is niets geschreven en de kopie is verwijderd. Dezelfde set wordt "
        "niet opnieuw ingelezen; een nieuwe export wel.",
        "en": "Rejected: nothing was written and the copy was removed. The same set is not read "
        "again; a new export is.",
    },
    "runs.explain.failed": {
        "nl": "Mislukt: de set heeft fouten en er is niets geschreven. Laat de administratie een "
        "verbeterde set in de map zetten; de volgende run leest die in.",
        "en": "Failed: the set has errors and nothing was written. Have the administration put a "
        "corrected set in the folder; the next run reads it.",
    },
    "runs.explain.superseded": {
        "nl": "Niet toegepast: er kwam een nieuwere set voordat deze werd goedgekeurd. De kopie "
        "is verwijderd.",
        "en": "Not applied: a newer set came before this one was approved. The copy was removed.",
    },
    "runs.details": {"nl": "Bekijken", "en": "View"},
    "runs.run_title": {"nl": "Run {run}", "en": "Run {run}"},
    "runs.back": {"nl": "Terug naar alle runs", "en": "Back to all runs"},
    "runs.source": {"nl": "Gevonden als", "en": "Found as"},
    "runs.decided_at": {"nl": "Besloten", "en": "Decided"},
    "runs.preview_heading": {
        "nl": "Voorbeeld: wat deze set zou doen",
        "en": "Preview: what this set would do",
    },
    "runs.outcome_heading": {"nl": "Wat deze set deed", "en": "What this set did"},
    "runs.count.rows": {"nl": "regels gelezen", "en": "rows read"},
    "runs.count.students_new": {"nl": "nieuwe leerlingen", "en": "new students"},
    "runs.count.students_updated": {"nl": "bijgewerkte leerlingen", "en": "students updated"},
    "runs.count.students_unchanged": {"nl": "ongewijzigde leerlingen", "en": "students unchanged"},
    "runs.count.students_absent": {
        "nl": "leerlingen niet in de set",
        "en": "students not in the set",
    },
    "runs.count.marked_left": {
        "nl": "leerlingen gemarkeerd als vertrokken",
        "en": "students marked as left",
    },
    "runs.count.staff_new": {"nl": "nieuwe medewerkers", "en": "new staff"},
    "runs.count.staff_updated": {"nl": "bijgewerkte medewerkers", "en": "staff updated"},
    "runs.count.staff_absent": {"nl": "medewerkers niet in de set", "en": "staff not in the set"},
    "runs.count.groups_new": {"nl": "nieuwe groepen", "en": "new groups"},
    "runs.count.groups_deleted": {"nl": "verwijderde groepen", "en": "groups deleted"},
    "runs.count.memberships_new": {"nl": "nieuwe groepsindelingen", "en": "new memberships"},
    "runs.count.memberships_removed": {
        "nl": "vervallen groepsindelingen",
        "en": "memberships removed",
    },
    "runs.count.links_new": {
        "nl": "nieuwe koppelingen docent/mentor",
        "en": "new teacher and mentor links",
    },
    "runs.count.links_removed": {
        "nl": "vervallen koppelingen docent/mentor",
        "en": "teacher and mentor links removed",
    },
    "runs.list.absent": {
        "nl": "Leerlingnummers die niet in de set staan",
        "en": "Student numbers not in the set",
    },
    "runs.refusal": {"nl": "Boven de veiligheidsgrens:", "en": "Over the safety limit:"},
    "runs.problem": {"nl": "Melding:", "en": "Message:"},
    "runs.approve_heading": {"nl": "Goedkeuren of afwijzen", "en": "Approve or reject"},
    "runs.confirm": {
        "nl": "Ik heb het voorbeeld gecontroleerd: pas deze set toe, ook al is hij groter dan de "
        "veiligheidsgrens",
        "en": "I have checked the preview: apply this set, even though it is larger than the "
        "safety limit",
    },
    "runs.confirm_help": {
        "nl": "Hetzelfde als --force op de opdrachtregel. Het wordt één wijzigingenset die u met "
        "'koppel undo' kunt terugdraaien.",
        "en": "The same as --force on the command line. It becomes one change set that 'koppel "
        "undo' reverses.",
    },
    "runs.confirm_missing": {
        "nl": "Vink eerst aan dat u het voorbeeld hebt gecontroleerd; er is niets veranderd.",
        "en": "First tick that you have checked the preview; nothing changed.",
    },
    "runs.approve": {"nl": "Goedkeuren en toepassen", "en": "Approve and apply"},
    "runs.reject": {"nl": "Afwijzen", "en": "Reject"},
    "runs.reject_help": {
        "nl": "Er wordt niets geschreven; de bewaarde kopie wordt verwijderd.",
        "en": "Nothing is written; the kept copy is removed.",
    },
    "runs.approve_failed": {
        "nl": "Run {run} kon niet worden toegepast: de set heeft fouten. Er is niets geschreven.",
        "en": "Run {run} could not be applied: the set has errors. Nothing was written.",
    },
    "runs.rejected": {
        "nl": "Run {run} is afgewezen. Er is niets geschreven en de kopie is verwijderd.",
        "en": "Run {run} was rejected. Nothing was written and the copy was removed.",
    },
    "runs.refused": {
        "nl": "Dat kan niet: {message}. Er is niets veranderd.",
        "en": "That is not possible: {message}. Nothing changed.",
    },
    "runs.no_such_run": {"nl": "Er is geen run {run}.", "en": "There is no run {run}."},
    "runs.busy": {
        "nl": "Bezig met toepassen… Dit kan bij een grote school even duren; sluit de pagina niet.",
        "en": "Applying… For a large school this may take a while; keep the page open.",
    },
    "runs.more": {
        "nl": "De nieuwste {count} runs; 'koppel integration runs --limit N' toont er meer.",
        "en": "The newest {count} runs; 'koppel integration runs --limit N' shows more.",
    },
}
