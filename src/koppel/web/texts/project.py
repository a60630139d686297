"""Words on the project's screens (``koppel project open``), the seed's words first."""

from __future__ import annotations

from typing import Final

from koppel.i18n.connector import TEXTS as CONNECTOR

_SHARED = ("domain.", "direction.", "connector.column.", "connector.skip.")

_OWN: Final[dict[str, dict[str, str]]] = {
    "nl": {
        "project.title": "koppel · roosterbestand",
        "project.brand": "roosterbestand",
        "project.windows": "vensters",
        "project.dashboard": "Portalconnector",
        "project.groups": "Lesgroepindelingen",
        "project.refresh": "Verversen",
        "project.refresh_help": "Lees de gegevens van het portal opnieuw",
        "project.as_of": "portalgegevens van",
        "project.auto": "Persoonsgegevens van {count} leerlingen automatisch overgenomen uit "
        "het portal (het portal is leidend).",
        "project.conflicts": "{count} conflict(en)",
        "project.download": "Download naar project",
        "project.upload": "Upload naar portal",
        "project.confirm.download": "Downloaden naar het project",
        "project.confirm.upload": "Uploaden naar het portal",
        "project.confirm_help": "Dit gaat er gebeuren; er is nog niets geschreven. Met "
        "Doorgaan wordt het in één wijzigingenset toegepast, die u daarna ongedaan kunt maken.",
        "project.rows": "{count} regels",
        "project.more_rows": "… en nog {count} regels.",
        "project.go_on": "Doorgaan",
        "project.cancel": "Annuleren",
        "project.applied": "{count} regels toegepast (wijzigingenset {changeset}).",
        "project.nothing_applied": "Er was niets toe te passen.",
        "project.conflicts_left": "{count} conflict(en) niet toegepast: beide kanten "
        "wijzigden sinds de vorige synchronisatie.",
        "project.skipped": "Overgeslagen: {student}: {reason}",
        "project.undo": "Ongedaan maken",
        "project.undone": "Teruggedraaid: {count} regels staan weer zoals ze waren.",
        "project.denied_title": "Geen toegang",
        "project.denied": "Dit venster hoort bij een roosterbestand dat met 'koppel project "
        "open' is geopend; open het via de link die dat commando toont.",
    },
    "en": {
        "project.title": "koppel · project",
        "project.brand": "project",
        "project.windows": "windows",
        "project.dashboard": "Portal connector",
        "project.groups": "Group assignments",
        "project.refresh": "Refresh",
        "project.refresh_help": "Read the portal's data again",
        "project.as_of": "portal data of",
        "project.auto": "Personal data of {count} students taken over from the portal "
        "automatically (the portal leads).",
        "project.conflicts": "{count} conflict(s)",
        "project.download": "Download to the project",
        "project.upload": "Upload to the portal",
        "project.confirm.download": "Download to the project",
        "project.confirm.upload": "Upload to the portal",
        "project.confirm_help": "This is what will happen; nothing is written yet. Go on "
        "applies it as one change set, which you can undo afterwards.",
        "project.rows": "{count} rows",
        "project.more_rows": "… and {count} more rows.",
        "project.go_on": "Go on",
        "project.cancel": "Cancel",
        "project.applied": "{count} rows applied (change set {changeset}).",
        "project.nothing_applied": "There was nothing to apply.",
        "project.conflicts_left": "{count} conflict(s) not applied: both sides changed since "
        "the last sync.",
        "project.skipped": "Skipped: {student}: {reason}",
        "project.undo": "Undo",
        "project.undone": "Undone: {count} rows are as they were again.",
        "project.denied_title": "No access",
        "project.denied": "This window belongs to a project opened with 'koppel project "
        "open'; open it through the link that command shows.",
    },
}

TEXTS: Final[dict[str, dict[str, str]]] = {
    language: {
        **{
            code: texts.get(language, texts["en"])
            for code, texts in CONNECTOR.items()
            if code.startswith(_SHARED)
        },
        **own,
    }
    for language, own in _OWN.items()
}
