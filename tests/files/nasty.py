"""Nasty students files, generated (never checked in): each ``make_*`` writes one file
in ``folder`` and returns its path. The department codes and classes fit the small
school of ``tests.integration.fixtures`` (4H, 4V, 5V; classes 4V1, 4H1)."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

HEADERS = [
    "Leerlingnummer",
    "Roepnaam",
    "Tussenvoegsel",
    "Achternaam",
    "Geslacht",
    "Straat",
    "Huisnummer",
    "Postcode",
    "Woonplaats",
    "E-mail",
    "Stamklas",
    "Afdeling",
    "LWOO",
    "Geboortedatum",
]
ROWS = [
    [
        "300001",
        "Zoë",
        "",
        "Ruïne",
        "V",
        "Kerkstraat",
        "1",
        "1234 AB",
        "Utrecht",
        "",
        "4V1",
        "4V",
        "nee",
        "17-05-2010",
    ],
    [
        "300002",
        "Jeroen",
        "van der",
        "Meer",
        "M",
        "Dorpsstraat",
        "2b",
        "1234AB",
        "Zeist",
        "",
        "4H1",
        "4H",
        "ja",
        "2010-01-31",
    ],
    [
        "300003",
        "Fleur",
        "de",
        "Vries",
        "X",
        "Molenweg",
        "33",
        "3511 ab",
        "Utrecht",
        "",
        "4V1",
        "4V",
        "",
        "01-12-2009",
    ],
]


def _csv_text(headers: list[str], rows: list[list[str]], delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue()


def _xlsx(
    path: Path, headers: list[object], rows: list[list[object]], *, title: str = "Leerlingen"
) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return workbook


def make_utf8_bom_csv(folder: Path) -> Path:
    path = folder / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + _csv_text(HEADERS, ROWS).encode("utf-8"))
    return path


def make_utf8_csv(folder: Path) -> Path:
    path = folder / "utf8.csv"
    path.write_text(_csv_text(HEADERS, ROWS, ","), encoding="utf-8")
    return path


def make_cp1252_csv(folder: Path) -> Path:
    path = folder / "windows.csv"
    path.write_bytes(_csv_text(HEADERS, ROWS).encode("cp1252"))
    return path


def make_utf16_tab_txt(folder: Path) -> Path:
    path = folder / "unicode.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + _csv_text(HEADERS, ROWS, "\t").encode("utf-16-le"))
    return path


def make_semicolon_csv(folder: Path) -> Path:
    path = folder / "semicolon.csv"
    path.write_text(_csv_text(HEADERS, ROWS, ";"), encoding="utf-8")
    return path


def make_pipe_csv(folder: Path) -> Path:
    path = folder / "pipe.csv"
    path.write_text(_csv_text(HEADERS, ROWS, "|"), encoding="utf-8")
    return path


def make_quoted_linebreaks_csv(folder: Path) -> Path:
    rows = [row[:] for row in ROWS]
    rows[0][5] = "Kerkstraat; achterom\nbij de kerk"
    path = folder / "quoted.csv"
    path.write_text(_csv_text(HEADERS, rows, ";"), encoding="utf-8")
    return path


def make_formulas_xlsx(folder: Path) -> Path:
    path = folder / "formulas.xlsx"
    rows: list[list[object]] = [list(r) for r in ROWS]
    rows[0][5] = '=HYPERLINK("http://x.example","klik")'
    rows[1][5] = "=1+1"
    rows[2][5] = "@SUM(A1)"
    rows[0][9] = ""
    _xlsx(path, list(HEADERS), rows)
    return path


def make_merged_cells_xlsx(folder: Path) -> Path:
    path = folder / "merged.xlsx"
    rows: list[list[object]] = [list(r) for r in ROWS]
    rows[1][3] = rows[2][3] = None
    workbook = _xlsx(path, list(HEADERS), rows)
    sheet = workbook.active
    assert sheet is not None
    sheet.merge_cells("D2:D4")
    workbook.save(path)
    return path


def make_date_serials_xlsx(folder: Path) -> Path:
    path = folder / "serials.xlsx"
    rows: list[list[object]] = [list(r) for r in ROWS]
    rows[0][13] = 40315  # 2010-05-17
    rows[1][13] = 40209  # 2010-01-31
    rows[2][13] = date(2009, 12, 1)
    _xlsx(path, list(HEADERS), rows)
    return path


def make_ambiguous_dates_csv(folder: Path) -> Path:
    rows = [row[:] for row in ROWS]
    rows[1][13] = "03/04/2010"
    path = folder / "ambiguous.csv"
    path.write_text(_csv_text(HEADERS, rows), encoding="utf-8")
    return path


def make_lost_leading_zeros_xlsx(folder: Path) -> Path:
    path = folder / "zeros.xlsx"
    rows: list[list[object]] = [list(r) for r in ROWS]
    rows[0][0] = 30001  # was 030001
    rows[1][0] = 30002
    rows[2][0] = "030003"
    _xlsx(path, list(HEADERS), rows)
    return path


def make_duplicate_keys_csv(folder: Path) -> Path:
    rows = [row[:] for row in ROWS]
    rows[2][0] = "300001 "
    path = folder / "duplicates.csv"
    path.write_text(_csv_text(HEADERS, rows), encoding="utf-8")
    return path


def make_empty_rows_xlsx(folder: Path) -> Path:
    path = folder / "empty-rows.xlsx"
    rows: list[list[object]] = [
        list(ROWS[0]),
        [None] * 14,
        list(ROWS[1]),
        ["", " ", "\u00a0"],
        list(ROWS[2]),
    ]
    _xlsx(path, list(HEADERS), rows)
    return path


def make_extra_columns_csv(folder: Path) -> Path:
    path = folder / "extra.csv"
    path.write_text(
        _csv_text([*HEADERS, "Opmerking", "Mentor"], [[*row, "x", "JANS"] for row in ROWS]),
        encoding="utf-8",
    )
    return path


def make_missing_column_csv(folder: Path) -> Path:
    path = folder / "missing.csv"
    keep = [i for i, h in enumerate(HEADERS) if h != "Achternaam"]
    path.write_text(
        _csv_text([HEADERS[i] for i in keep], [[row[i] for i in keep] for row in ROWS]),
        encoding="utf-8",
    )
    return path


def make_header_case_chaos_csv(folder: Path) -> Path:
    headers = [
        "LEERLINGNUMMER",
        "roep naam",
        "Tussen-voegsel",
        "Achter-naam",
        "GESLACHT",
        "straat",
        "Huis nr.",
        "Post code",
        "WOONPLAATS",
        "E-MAIL",
        "stam klas",
        "AFDELING",
        "lwoo",
        "Geb. datum",
    ]
    path = folder / "chaos.csv"
    path.write_text(_csv_text(headers, ROWS), encoding="utf-8")
    return path


def make_wrong_sheet_xlsx(folder: Path) -> Path:
    path = folder / "two-sheets.xlsx"
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "Toelichting"
    cover.append(["Dit bestand bevat de leerlingen voor volgend schooljaar."])
    data = workbook.create_sheet("Leerlingen")
    data.append(list(HEADERS))
    for row in ROWS:
        data.append(list(row))
    workbook.save(path)
    return path


def make_csv_renamed_xlsx(folder: Path) -> Path:
    path = folder / "really-csv.xlsx"
    path.write_text(_csv_text(HEADERS, ROWS), encoding="utf-8")
    return path


def make_encrypted_xlsx(folder: Path) -> Path:
    path = folder / "encrypted.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 4096)
    return path


def make_corrupt_xlsx(folder: Path) -> Path:
    whole = folder / "whole.xlsx"
    _xlsx(whole, list(HEADERS), [list(r) for r in ROWS])
    data = whole.read_bytes()
    whole.unlink()
    path = folder / "corrupt.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def make_zip_bomb_xlsx(folder: Path) -> Path:
    """An entry of 400 MB of zeros, deflated to well under 1 MB."""
    path = folder / "bomb.xlsx"
    chunk = b"\x00" * (4 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            for _ in range(100):
                entry.write(chunk)
    return path


def make_xxe_xlsx(folder: Path) -> Path:
    plain = folder / "plain.xlsx"
    _xlsx(plain, list(HEADERS), [list(r) for r in ROWS])
    path = folder / "xxe.xlsx"
    with (
        zipfile.ZipFile(plain) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    b'<?xml version="1.0" encoding="UTF-8"?>'
                    b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                    + data.split(b"?>", 1)[-1]
                ).replace(b"<v>", b"<v>&xxe;", 1)
            target.writestr(item, data)
    plain.unlink()
    return path


def make_title_rows_xlsx(folder: Path) -> Path:
    path = folder / "title.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Export leerlingen Magister"])
    sheet.append(["Aangemaakt op 1-7-2026"])
    sheet.append([])
    sheet.append(list(HEADERS))
    for row in ROWS:
        sheet.append(list(row))
    workbook.save(path)
    return path


def make_million_rows_csv(folder: Path, rows: int = 1_000_000) -> Path:
    path = folder / "million.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(";".join([*HEADERS[:4], "Stamklas", "Afdeling"]) + "\r\n")
        chunk = 50_000
        for start in range(0, rows, chunk):
            out.write(
                "".join(
                    f"{n:07d};Jan;;Jansen;4V1;4V\r\n"
                    for n in range(start, min(rows, start + chunk))
                )
            )
    return path


ALL_CASES: dict[str, Callable[[Path], Path]] = {
    name.removeprefix("make_"): maker
    for name, maker in dict(globals()).items()
    if name.startswith("make_") and name != "make_million_rows_csv"
}


def read_back(path: Path) -> list[list[object]]:
    """An xlsx file's first sheet as lists (for writer tests)."""
    sheet = load_workbook(path, read_only=True).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]
