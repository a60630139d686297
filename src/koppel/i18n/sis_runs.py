"""Messages of the SIS integration's automatic runs (koppel integration)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "integration.no_drop_folder": {
        "nl": "de map {folder} bestaat niet (of is geen map): geef met --source de map waarin "
        "het administratiesysteem zijn sets zet",
        "en": "the folder {folder} does not exist (or is no folder): name with --source the "
        "folder where the administration system puts its sets",
    },
    "integration.not_pending": {
        "nl": "run {run} wacht niet op goedkeuring (status: {status}); alleen een wachtende "
        "run kan worden goedgekeurd of afgewezen",
        "en": "run {run} is not waiting for approval (status: {status}); only a waiting run "
        "can be approved or rejected",
    },
    "integration.copy_missing": {
        "nl": "de bewaarde kopie van run {run} is weg of veranderd; er is niets geschreven. "
        "Wijs de run af en laat het administratiesysteem de set opnieuw aanleveren",
        "en": "the kept copy of run {run} is gone or has changed; nothing was written. "
        "Reject the run and have the administration system deliver the set again",
    },
    "integration.busy": {
        "nl": "run {run} is nog bezig; probeer het over een paar minuten opnieuw",
        "en": "run {run} is still busy; try again in a few minutes",
    },
    "integration.interrupted": {
        "nl": "de run is onderbroken voordat hij klaar was; er is niets geschreven",
        "en": "the run was interrupted before it finished; nothing was written",
    },
    "integration.result.applied": {
        "nl": "Set {set} ({format}) is toegepast als wijzigingenset {changeset} (run {run}). "
        "Terugdraaien kan met 'koppel undo {changeset}'.",
        "en": "Set {set} ({format}) was applied as change set {changeset} (run {run}). "
        "Reverse it with 'koppel undo {changeset}'.",
    },
    "integration.result.applied_nothing": {
        "nl": "Set {set} ({format}) is verwerkt (run {run}): het portaal was al bij, er is "
        "niets veranderd.",
        "en": "Set {set} ({format}) was taken up (run {run}): the portal was up to date, "
        "nothing changed.",
    },
    "integration.result.pending": {
        "nl": "Set {set} is groter dan de veiligheidsgrens en wacht op goedkeuring (run {run}); "
        "er is niets geschreven. Een beheerder keurt hem goed of wijst hem af in het portaal: "
        "Beheer > Koppeling (/beheer/koppeling), of met 'koppel integration approve {run}' of "
        "'koppel integration reject {run}'.",
        "en": "Set {set} is larger than the safety limit and waits for approval (run {run}); "
        "nothing was written. An administrator approves or rejects it in the portal: "
        "Beheer > Koppeling (/beheer/koppeling), or with 'koppel integration approve {run}' "
        "or 'koppel integration reject {run}'.",
    },
    "integration.result.failed": {
        "nl": "Set {set} heeft fouten (run {run}); er is niets geschreven. Laat het "
        "administratiesysteem een verbeterde set in de map zetten: die wordt bij de volgende "
        "run ingelezen.",
        "en": "Set {set} has errors (run {run}); nothing was written. Have the administration "
        "system put a corrected set in the folder: the next run reads it.",
    },
    "integration.result.unchanged": {
        "nl": "Set {set} is al verwerkt (run {run}: {status}); er is niets veranderd.",
        "en": "Set {set} was taken up before (run {run}: {status}); nothing changed.",
    },
    "integration.result.waiting": {
        "nl": "Set {set} wacht nog op goedkeuring (run {run}): Beheer > Koppeling in het "
        "portaal. Er is niets veranderd.",
        "en": "Set {set} is still waiting for approval (run {run}): Beheer > Koppeling in the "
        "portal. Nothing changed.",
    },
    "integration.result.busy": {
        "nl": "Run {run} is nog bezig; deze run doet niets (de volgende neemt de nieuwste set).",
        "en": "Run {run} is still busy; this run does nothing (the next takes the newest set).",
    },
    "integration.result.no_set": {
        "nl": "Geen nieuwe set in {folder}; er is niets veranderd.",
        "en": "No new set in {folder}; nothing changed.",
    },
    "integration.result.settling": {
        "nl": "{count} set(s) worden nog geschreven; een volgende run neemt ze.",
        "en": "{count} set(s) are still being written; a later run takes them.",
    },
    "integration.approved": {
        "nl": "Run {run} is goedgekeurd en toegepast als wijzigingenset {changeset}. "
        "Terugdraaien kan met 'koppel undo {changeset}'.",
        "en": "Run {run} was approved and applied as change set {changeset}. Reverse it with "
        "'koppel undo {changeset}'.",
    },
    "integration.approved_nothing": {
        "nl": "Run {run} is goedgekeurd; er was niets te veranderen.",
        "en": "Run {run} was approved; there was nothing to change.",
    },
    "integration.approve_failed": {
        "nl": "Run {run} kon niet worden toegepast: de set heeft fouten; er is niets geschreven.",
        "en": "Run {run} could not be applied: the set has errors; nothing was written.",
    },
    "integration.rejected": {
        "nl": "Run {run} is afgewezen; de bewaarde kopie is verwijderd en dezelfde set wordt "
        "niet opnieuw ingelezen.",
        "en": "Run {run} was rejected; the kept copy was removed and the same set is not read "
        "again.",
    },
    "integration.runs_title": {"nl": "Koppelingsruns", "en": "Integration runs"},
    "integration.no_runs": {"nl": "Er zijn nog geen runs.", "en": "There are no runs yet."},
    "integration.column.run": {"nl": "Run", "en": "Run"},
    "integration.column.at": {"nl": "Ontvangen (UTC)", "en": "Received (UTC)"},
    "integration.column.set": {"nl": "Set", "en": "Set"},
    "integration.column.format": {"nl": "Formaat", "en": "Format"},
    "integration.column.counts": {
        "nl": "Leerlingen nieuw/bijgewerkt/ontbrekend",
        "en": "Students new/updated/missing",
    },
    "integration.status.running": {"nl": "bezig", "en": "running"},
    "integration.status.approving": {"nl": "wordt goedgekeurd", "en": "being approved"},
    "integration.status.pending": {"nl": "wacht op goedkeuring", "en": "waiting for approval"},
    "integration.status.applied": {"nl": "toegepast", "en": "applied"},
    "integration.status.approved": {"nl": "goedgekeurd", "en": "approved"},
    "integration.status.rejected": {"nl": "afgewezen", "en": "rejected"},
    "integration.status.failed": {"nl": "mislukt", "en": "failed"},
    "integration.status.superseded": {
        "nl": "vervangen door een nieuwere set",
        "en": "superseded by a newer set",
    },
    "integration.pending_hint": {
        "nl": "{count} run(s) wachten op goedkeuring: Beheer > Koppeling in het portaal, of "
        "'koppel integration approve RUN' / 'koppel integration reject RUN'.",
        "en": "{count} run(s) wait for approval: Beheer > Koppeling in the portal, or "
        "'koppel integration approve RUN' / 'koppel integration reject RUN'.",
    },
    "transition.integration_title": {
        "nl": "Koppelingsruns in {school_year}",
        "en": "Integration runs in {school_year}",
    },
}
