"""Words on the project's screens (``koppel project open``), the seed's words first."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "project.title": {"nl": "koppel · roosterbestand", "en": "koppel · project"},
    "project.brand": {"nl": "roosterbestand", "en": "project"},
    "project.windows": {"nl": "vensters", "en": "windows"},
    "project.dashboard": {"nl": "Portalconnector", "en": "Portal connector"},
    "project.groups": {"nl": "Lesgroepindelingen", "en": "Group assignments"},
    "project.refresh": {"nl": "Verversen", "en": "Refresh"},
    "project.refresh_help": {
        "nl": "Lees de gegevens van het portal opnieuw",
        "en": "Read the portal's data again",
    },
    "project.as_of": {"nl": "portalgegevens van", "en": "portal data of"},
    "project.auto": {
        "nl": "Persoonsgegevens van {count} leerlingen automatisch overgenomen uit het portal "
        "(het portal is leidend).",
        "en": "Personal data of {count} students taken over from the portal automatically (the "
        "portal leads).",
    },
    "project.conflicts": {"nl": "{count} conflict(en)", "en": "{count} conflict(s)"},
    "project.download": {"nl": "Download naar project", "en": "Download to the project"},
    "project.upload": {"nl": "Upload naar portal", "en": "Upload to the portal"},
    "project.confirm.download": {
        "nl": "Downloaden naar het project",
        "en": "Download to the project",
    },
    "project.confirm.upload": {"nl": "Uploaden naar het portal", "en": "Upload to the portal"},
    "project.confirm_help": {
        "nl": "Dit gaat er gebeuren; er is nog niets geschreven. Met Doorgaan wordt het in één "
        "wijzigingenset toegepast, die u daarna ongedaan kunt maken.",
        "en": "This is what will happen; nothing is written yet. Go on applies it as one change "
        "set, which you can undo afterwards.",
    },
    "project.rows": {"nl": "{count} regels", "en": "{count} rows"},
    "project.more_rows": {"nl": "… en nog {count} regels.", "en": "… and {count} more rows."},
    "project.go_on": {"nl": "Doorgaan", "en": "Go on"},
    "project.cancel": {"nl": "Annuleren", "en": "Cancel"},
    "project.applied": {
        "nl": "{count} regels toegepast (wijzigingenset {changeset}).",
        "en": "{count} rows applied (change set {changeset}).",
    },
    "project.nothing_applied": {
        "nl": "Er was niets toe te passen.",
        "en": "There was nothing to apply.",
    },
    "project.conflicts_left": {
        "nl": "{count} conflict(en) niet toegepast: beide kanten wijzigden sinds de vorige "
        "synchronisatie.",
        "en": "{count} conflict(s) not applied: both sides changed since the last sync.",
    },
    "project.skipped": {
        "nl": "Overgeslagen: {student}: {reason}",
        "en": "Skipped: {student}: {reason}",
    },
    "project.undone": {
        "nl": "Teruggedraaid: {count} regels staan weer zoals ze waren.",
        "en": "Undone: {count} rows are as they were again.",
    },
    "project.denied": {
        "nl": "Dit venster hoort bij een roosterbestand dat met 'koppel project open' is geopend, "
        "in de browser die dat commando opende; open het via het startbestand dat het noemt.",
        "en": "This window belongs to a project opened with 'koppel project open', in the "
        "browser that command opened; open it through the launch file it names.",
    },
    "project.key_refused": {
        "nl": "Deze sleutel geldt niet (meer): hij werkt maar één keer. Staat het roosterbestand "
        "al open in deze browser, ga dan naar het dashboard. Anders: stop 'koppel project "
        "open' (Ctrl+C) en start het opnieuw.",
        "en": "This key is not (or no longer) valid: it works only once. If the project is "
        "open in this browser already, go to the dashboard. Otherwise stop 'koppel project "
        "open' (Ctrl+C) and start it again.",
    },
    "project.key_to_dashboard": {"nl": "Naar het dashboard", "en": "To the dashboard"},
    "project.signed_in": {
        "nl": "Roosterbestand geopend in deze browser",
        "en": "Project opened in this browser",
    },
    "project.wrong_host": {
        "nl": "Het roosterbestand antwoordt alleen op het adres dat 'koppel project open' "
        "toont (127.0.0.1 of localhost met zijn poort).",
        "en": "The project answers only at the address 'koppel project open' shows "
        "(127.0.0.1 or localhost with its port).",
    },
    "project.launch_title": {"nl": "Roosterbestand openen", "en": "Opening the project"},
    "project.launch_help": {
        "nl": "Het roosterbestand {path} wordt in deze browser geopend. Gebeurt er niets, "
        "klik dan op de knop.",
        "en": "The project {path} is being opened in this browser. If nothing happens, "
        "click the button.",
    },
    "project.launch_button": {"nl": "Roosterbestand openen", "en": "Open the project"},
}
