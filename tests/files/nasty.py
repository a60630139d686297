"""Nasty students import files, generated (never checked in).

Each ``make_<case>(folder)`` writes one file in ``folder`` and returns its path; its
docstring says what a careful importer does with it. The files are small and the same
on every run. Unless a case is about the headers they have the headers of the students
template, and three students that fit the small school of
``tests.integration.fixtures`` (departments 4H, 4V; classes 4V1, 4H1): Zoë Ruïne
(300001), Jeroen van der Meer (300002) and Renée de Vries (300003).

:data:`ALL_CASES` holds every maker but :func:`make_million_rows_csv`, which takes a
row count.
"""

from __future__ import annotations

import codecs
import csv
import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

from koppel.files.columns import ImportKind
from koppel.files.templates import TEMPLATE_HEADERS

HEADERS = list(TEMPLATE_HEADERS[ImportKind.STUDENTS])
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
        "Renée",
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
ZIP_BOMB_MEBIBYTES = 3_814
"""What the zip bomb's worksheet unpacks to: 3,814 MiB (4.0 GB, just under zip's 4 GiB
limit without zip64), packed about 1000:1."""
ZIP_BOMB_UNPACKED_BYTES = ZIP_BOMB_MEBIBYTES * 2**20


# --- building blocks ---------------------------------------------------------------------


def _rows() -> list[list[object]]:
    """A fresh copy of :data:`ROWS` that a case may change."""
    return [list(row) for row in ROWS]


def _csv_text(headers: list[str], rows: list[list[object]], delimiter: str = ";") -> str:
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


def _deflated_zeros(mebibytes: int) -> tuple[bytes, int]:
    """Raw deflate data that unpacks to ``mebibytes`` MiB of zeros, and its CRC-32.

    After a full flush the compressor starts afresh, so every MiB deflates to the same
    block: one block is compressed and repeated, which takes milliseconds."""
    chunk = bytes(2**20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = block * mebibytes + compressor.flush()
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(chunk, crc)
    return data, crc


def _write_zip(path: Path, entries: list[tuple[str, int, bytes, int, int]]) -> None:
    """A zip from (name, method, packed data, CRC-32, unpacked size) entries, written
    by hand so that packed data can be given as it is (no zip64: sizes under 4 GiB)."""
    files = bytearray()
    directory = bytearray()
    for name, method, data, crc, size in entries:
        encoded = name.encode("ascii")
        # version needed, flags, method, time, date (1980-01-01), crc, sizes, name, extra
        common = (20, 0, method, 0, 0x21, crc, len(data), size, len(encoded), 0)
        directory += struct.pack("<IH5H3I2H", 0x02014B50, 20, *common)
        directory += struct.pack("<3HII", 0, 0, 0, 0, len(files)) + encoded
        files += struct.pack("<I5H3I2H", 0x04034B50, *common) + encoded + data
    count = len(entries)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), len(files), 0)
    path.write_bytes(bytes(files + directory + end))


# --- text files: encodings and delimiters ------------------------------------------------


def make_utf8_bom_csv(folder: Path) -> Path:
    """UTF-8 with a BOM, ``;``: the BOM is not part of the first header
    (``Leerlingnummer`` is found); three students imported, Zoë Ruïne spelled right."""
    path = folder / "bom.csv"
    path.write_bytes(codecs.BOM_UTF8 + _csv_text(HEADERS, _rows()).encode("utf-8"))
    return path


def make_utf8_csv(folder: Path) -> Path:
    """UTF-8 without a BOM, ``,``: the encoding and delimiter are detected; three
    students imported."""
    path = folder / "utf8.csv"
    path.write_text(_csv_text(HEADERS, _rows(), ","), encoding="utf-8")
    return path


def make_cp1252_csv(folder: Path) -> Path:
    """Windows-1252 (what Excel writes as 'CSV' on a Dutch Windows), ``;``, names with
    ë, ï and é: detected as Windows-1252, not read as UTF-8 with replacement characters;
    Zoë Ruïne and Renée arrive intact."""
    path = folder / "windows.csv"
    path.write_bytes(_csv_text(HEADERS, _rows()).encode("cp1252"))
    return path


def make_utf16_tab_txt(folder: Path) -> Path:
    """UTF-16 LE with a BOM, tab separated: Excel's 'Unicode text (.txt)'. Read as
    UTF-16 and split on tabs; three students imported."""
    path = folder / "unicode.txt"
    text = _csv_text(HEADERS, _rows(), "\t")
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    return path


def make_semicolon_csv(folder: Path) -> Path:
    """UTF-8, ``;`` (Dutch Excel's list separator): sniffed as ``;``; three students."""
    path = folder / "semicolon.csv"
    path.write_text(_csv_text(HEADERS, _rows(), ";"), encoding="utf-8")
    return path


def make_pipe_csv(folder: Path) -> Path:
    """UTF-8, ``|`` as the delimiter: sniffed as ``|``; three students."""
    path = folder / "pipe.csv"
    path.write_text(_csv_text(HEADERS, _rows(), "|"), encoding="utf-8")
    return path


def make_quoted_linebreaks_csv(folder: Path) -> Path:
    """A quoted street holding the delimiter ``;`` and a line break: one field, not two
    columns or two rows; three students, and the row numbers of later rows still match
    the records (not the physical lines)."""
    rows = _rows()
    rows[0][5] = "Kerkstraat; achterom\nbij de kerk"
    path = folder / "quoted.csv"
    path.write_text(_csv_text(HEADERS, rows, ";"), encoding="utf-8")
    return path


# --- workbooks: cell types and layout ----------------------------------------------------


def make_formulas_xlsx(folder: Path) -> Path:
    """Formulas ``=HYPERLINK("http://x.example","klik")`` and ``=1+1`` (real formula
    cells, no cached value) and the texts ``@SUM(A1)`` and ``+31612345678``: nothing is
    evaluated; a formula is never stored as its result (no street ``2``), and the texts
    are stored as they are, ``+31612345678`` as text, not the number 31612345678."""
    path = folder / "formulas.xlsx"
    rows = _rows()
    rows[0][5] = '=HYPERLINK("http://x.example","klik")'
    rows[1][5] = "=1+1"
    rows[2][5] = "@SUM(A1)"
    rows[0][8] = "+31612345678"
    _xlsx(path, list(HEADERS), rows)
    return path


def make_merged_cells_xlsx(folder: Path) -> Path:
    """Achternaam (required) merged over rows 2-4: Excel keeps the value in row 2 only,
    so rows 3 and 4 have no last name. An error on those rows in column Achternaam that
    says the cell is merged; nothing written."""
    path = folder / "merged.xlsx"
    rows = _rows()
    rows[1][3] = rows[2][3] = None
    workbook = _xlsx(path, list(HEADERS), rows)
    sheet = workbook.active
    assert sheet is not None
    sheet.merge_cells("D2:D4")
    workbook.save(path)
    return path


def make_date_serials_xlsx(folder: Path) -> Path:
    """Geboortedatum as Excel serial numbers written as plain numbers (40315, 40209),
    next to a real date cell: serials in a date column are converted (2010-05-17,
    2010-01-31); three students."""
    path = folder / "serials.xlsx"
    rows = _rows()
    rows[0][13] = 40315  # 2010-05-17
    rows[1][13] = 40209  # 2010-01-31
    rows[2][13] = date(2009, 12, 1)
    _xlsx(path, list(HEADERS), rows)
    return path


def make_lost_leading_zeros_xlsx(folder: Path) -> Path:
    """Student numbers that Excel turned into numbers: 30001 for ``030001``, 30002, next
    to the text ``030003``. With the school's number width (6) the zeros are put back,
    with a warning on rows 2 and 3; without a width, never guessed."""
    path = folder / "zeros.xlsx"
    rows = _rows()
    rows[0][0] = 30001  # was 030001
    rows[1][0] = 30002
    rows[2][0] = "030003"
    _xlsx(path, list(HEADERS), rows)
    return path


def make_empty_rows_xlsx(folder: Path) -> Path:
    """Blank rows between the students (one of empty cells, one of spaces and a
    non-breaking space): skipped, not errors; three students, row numbers as Excel
    shows them."""
    path = folder / "empty-rows.xlsx"
    rows: list[list[object]] = [
        list(ROWS[0]),
        [None] * len(HEADERS),
        list(ROWS[1]),
        ["", " ", "\u00a0"],
        list(ROWS[2]),
    ]
    _xlsx(path, list(HEADERS), rows)
    return path


def make_wrong_sheet_xlsx(folder: Path) -> Path:
    """The first sheet, 'Toelichting', holds prose; the data is on the second sheet,
    'Leerlingen': the sheet with a recognisable header is chosen; ``--sheet`` picks one
    by name (ignoring case), and an unknown name is an error listing the sheets."""
    path = folder / "two-sheets.xlsx"
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    cover.title = "Toelichting"
    cover.append(["Dit bestand bevat de leerlingen voor volgend schooljaar."])
    cover.append(["Vul per leerling een rij in op het blad Leerlingen."])
    data = workbook.create_sheet("Leerlingen")
    data.append(list(HEADERS))
    for row in _rows():
        data.append(row)
    workbook.save(path)
    return path


def make_title_rows_xlsx(folder: Path) -> Path:
    """Two title lines and a blank line above the header (as SIS exports write them):
    the header is found on row 4; three students, numbered from row 5."""
    path = folder / "title.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Export leerlingen Magister"])
    sheet.append(["Aangemaakt op 1-7-2026"])
    sheet.append([])
    sheet.append(list(HEADERS))
    for row in _rows():
        sheet.append(row)
    workbook.save(path)
    return path


# --- values and headers ------------------------------------------------------------------


def make_ambiguous_dates_csv(folder: Path) -> Path:
    """Geboortedatum ``03/04/2010`` (3 April or March 4?): refused, an error on row 3,
    column Geboortedatum, that calls the date ambiguous; nothing written."""
    rows = _rows()
    rows[1][13] = "03/04/2010"
    path = folder / "ambiguous.csv"
    path.write_text(_csv_text(HEADERS, rows), encoding="utf-8")
    return path


def make_duplicate_keys_csv(folder: Path) -> Path:
    """Student number ``300001`` on row 2 and ``300001 `` (a trailing space) on row 4:
    the same key after trimming. An error on row 4, column Leerlingnummer, naming row 2;
    nothing written."""
    rows = _rows()
    rows[2][0] = "300001 "
    path = folder / "duplicates.csv"
    path.write_text(_csv_text(HEADERS, rows), encoding="utf-8")
    return path


def make_extra_columns_csv(folder: Path) -> Path:
    """Two columns koppel does not know, 'Opmerking' and 'Mentor': a warning for each,
    in that order, the columns ignored; three students."""
    path = folder / "extra.csv"
    rows = [[*row, "x", "JANS"] for row in _rows()]
    path.write_text(_csv_text([*HEADERS, "Opmerking", "Mentor"], rows), encoding="utf-8")
    return path


def make_missing_column_csv(folder: Path) -> Path:
    """No Achternaam column (required): an error on the header row, column Achternaam,
    that lists the headers found and the ones expected; nothing written."""
    path = folder / "missing.csv"
    keep = [i for i, header in enumerate(HEADERS) if header != "Achternaam"]
    headers = [HEADERS[i] for i in keep]
    rows = [[row[i] for i in keep] for row in _rows()]
    path.write_text(_csv_text(headers, rows), encoding="utf-8")
    return path


def make_header_case_chaos_csv(folder: Path) -> Path:
    """Headers in every style (``LEERLINGNUMMER``, ``roep naam``, ``Achter-naam``,
    ``E-MAIL``, ``Huis nr.``, ``Geb. datum``, ...): all recognised, ignoring case,
    spaces and punctuation; no warnings about headers; three students."""
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
    path.write_text(_csv_text(headers, _rows()), encoding="utf-8")
    return path


# --- files that are not what they say ----------------------------------------------------


def make_csv_renamed_xlsx(folder: Path) -> Path:
    """A ``;`` CSV saved with the name ``.xlsx``: recognised by its content and read as
    CSV, with a warning that the name is wrong; three students."""
    path = folder / "really-csv.xlsx"
    path.write_text(_csv_text(HEADERS, _rows()), encoding="utf-8")
    return path


def make_encrypted_xlsx(folder: Path) -> Path:
    """The magic bytes of a Compound File (``D0 CF 11 E0 A1 B1 1A E1``, how Excel stores
    a password-protected workbook, and old .xls) and junk: refused before parsing with
    an error that says the file is encrypted (save it without a password)."""
    path = folder / "encrypted.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(range(256)) * 16)
    return path


def make_corrupt_xlsx(folder: Path) -> Path:
    """A valid workbook cut off halfway (its zip directory is lost): an error that says
    the file is damaged, no traceback."""
    whole = folder / "whole.xlsx"
    _xlsx(whole, list(HEADERS), _rows())
    data = whole.read_bytes()
    whole.unlink()
    path = folder / "corrupt.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def make_zip_bomb_xlsx(folder: Path) -> Path:
    """A 4 MB 'workbook' whose worksheet unpacks to 4.0 GB of zeros
    (:data:`ZIP_BOMB_UNPACKED_BYTES`; real deflate data with the right CRC, not just a
    false size). Refused from the zip's central directory alone, within a second and
    without unpacking: an error naming the unpacked size."""
    path = folder / "bomb.xlsx"
    types = b'<?xml version="1.0" encoding="UTF-8"?><Types/>'
    sheet, crc = _deflated_zeros(ZIP_BOMB_MEBIBYTES)
    _write_zip(
        path,
        [
            ("[Content_Types].xml", zipfile.ZIP_STORED, types, zlib.crc32(types), len(types)),
            ("xl/worksheets/sheet1.xml", zipfile.ZIP_DEFLATED, sheet, crc, ZIP_BOMB_UNPACKED_BYTES),
        ],
    )
    return path


def make_xxe_xlsx(folder: Path) -> Path:
    """A valid workbook whose sheet XML declares an external entity
    (``<!ENTITY xxe SYSTEM "file:///etc/passwd">``) and uses it in a cell: refused
    because of the DTD, before any XML is parsed; no file is ever read."""
    plain = folder / "plain.xlsx"
    _xlsx(plain, list(HEADERS), _rows())
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


def make_million_rows_csv(folder: Path, rows: int = 1_000_000) -> Path:
    """``rows`` students (numbers ``0000000``, ``0000001``, ...; six columns: number,
    names, Stamklas, Afdeling), about 28 MB for a million: read in a few seconds without
    holding the file twice; refused with a clear error when above the row limit, before
    anything is written."""
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
"""Case name (``utf8_bom_csv``, ...) -> maker, every case but the million rows."""


def read_back(path: Path) -> list[list[object]]:
    """An xlsx file's first sheet as lists of values (for writer tests)."""
    workbook = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
