"""Messages of ``koppel oneroster export``: the portal as a OneRoster 1.1 CSV set."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {
    "roster_export.not_empty": {
        "nl": "map {path} is niet leeg ({count} bestanden of mappen); er is niets "
        "geschreven. Kies een lege of nieuwe map, of geef --overwrite om een eerdere "
        "export te vervangen.",
        "en": "folder {path} is not empty ({count} files or folders); nothing was written. "
        "Choose an empty or new folder, or give --overwrite to replace an earlier export.",
    },
    "roster_export.not_a_directory": {
        "nl": "{path} is een bestand, geen map; er is niets geschreven. Geef een map op, "
        "of gebruik --zip om één zipbestand te schrijven.",
        "en": "{path} is a file, not a folder; nothing was written. Name a folder, or use "
        "--zip to write one zip file.",
    },
    "roster_export.zip_exists": {
        "nl": "bestand {path} bestaat al; er is niets geschreven. Kies een andere naam, "
        "of geef --overwrite om het te vervangen.",
        "en": "file {path} exists already; nothing was written. Choose another name, or "
        "give --overwrite to replace it.",
    },
    "roster_export.zip_is_directory": {
        "nl": "{path} is een map; met --zip is het doel een zipbestand, bijv. "
        "oneroster.zip. Er is niets geschreven.",
        "en": "{path} is a folder; with --zip the target is a zip file, e.g. "
        "oneroster.zip. Nothing was written.",
    },
    "roster_export.no_parent": {
        "nl": "map {path} bestaat niet; er is niets geschreven. Maak de map eerst aan.",
        "en": "folder {path} does not exist; nothing was written. Create it first.",
    },
    "roster_export.written": {
        "nl": "OneRoster 1.1-set (bulk) geschreven naar {path}:",
        "en": "OneRoster 1.1 set (bulk) written to {path}:",
    },
    "roster_export.file": {
        "nl": "  {file:<22} {rows:>8} rijen",
        "en": "  {file:<22} {rows:>8} rows",
    },
    "roster_export.absent": {
        "nl": "Niet in de set (in manifest.csv 'absent'): {files}.",
        "en": "Not in the set ('absent' in manifest.csv): {files}.",
    },
    "roster_export.minimised": {
        "nl": "Alleen wat OneRoster nodig heeft: geen adressen en nooit wachtwoorden; "
        "prognoses en pakketkeuzes horen niet in OneRoster en staan er niet in.",
        "en": "Only what OneRoster needs: no addresses and never passwords; prognoses and "
        "package choices have no place in OneRoster and are not included.",
    },
    "roster_export.next": {
        "nl": "Volgende stap: lever de set aan het andere systeem (als zip: --zip), of "
        "bekijk wat koppel ermee zou doen: koppel oneroster import {path} --dry-run",
        "en": "Next: hand the set to the other system (as a zip: --zip), or see what "
        "koppel would do with it: koppel oneroster import {path} --dry-run",
    },
}
