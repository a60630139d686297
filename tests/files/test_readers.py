"""Reading import files the way a careful person would: every encoding and delimiter an
SIS writes, the right sheet and header row, and a clear refusal of whatever is unsafe or
unreadable. Every file is generated here (csv, openpyxl, zipfile); none is checked in."""

from __future__ import annotations

import codecs
import csv
import io
import struct
import tracemalloc
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference

from koppel.files import values
from koppel.files.columns import Column, ImportKind
from koppel.files.headers import map_headers
from koppel.files.limits import ImportLimits
from koppel.files.problems import ImportFileError
from koppel.files.readers import column_letter, read_table

STUDENTS = ImportKind.STUDENTS
HEADER = ["Leerlingnummer", "Roepnaam", "Tussenvoegsel", "Achternaam", "Stamklas"]
DATA = [
    ["000123", "Zoë", "", "Ruïne", "4V1"],
    ["000124", "Françoise", "van der", "Meer", "4H1"],
    ["000125", "Jeroen", "de", "Vries", "4V1"],
]


def csv_bytes(
    rows: Sequence[Sequence[object]],
    *,
    delimiter: str = ";",
    encoding: str = "utf-8",
    bom: bytes = b"",
) -> bytes:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return bom + out.getvalue().encode(encoding)


def write_csv(path: Path, rows: Sequence[Sequence[object]], **options: object) -> Path:
    path.write_bytes(csv_bytes(rows, **options))  # type: ignore[arg-type]
    return path


def write_xlsx(
    path: Path, sheets: dict[str, Sequence[Sequence[object]]], *, hidden: Sequence[str] = ()
) -> Path:
    workbook = Workbook()
    for index, (title, rows) in enumerate(sheets.items()):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        if title in hidden:
            sheet.sheet_state = "hidden"
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def rewrite_zip(source: Path, target: Path, parts: dict[str, bytes]) -> Path:
    """A copy of the zip ``source`` with some parts replaced or added."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, parts.pop(item.filename, old.read(item.filename)))
        for name, data in parts.items():
            new.writestr(name, data)
    return target


def patch_central_directory(path: Path, name: str, *, size: int | None = None, flags: int = 0):
    """Make an entry of the zip declare another unpacked size, or set flag bits (bit 0:
    encrypted), in its central directory record."""
    data = bytearray(path.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + length] == name.encode():
            if size is not None:
                struct.pack_into("<I", data, position + 24, size)
            old = struct.unpack_from("<H", data, position + 8)[0]
            struct.pack_into("<H", data, position + 8, old | flags)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def assert_refused(path: Path, code: str, **options: object) -> ImportFileError:
    with pytest.raises(ImportFileError) as refused:
        read_table(path, kind=STUDENTS, **options)  # type: ignore[arg-type]
    assert refused.value.code == code, refused.value.message("nl")
    assert refused.value.problem.file == options.get("file_label", path.name)
    assert refused.value.message("en") != refused.value.message("nl")
    return refused.value


# --- encodings and delimiters -----------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter"),
    [
        pytest.param("utf-8", codecs.BOM_UTF8, ";", id="utf-8 with BOM"),
        pytest.param("utf-8", b"", ",", id="utf-8 without BOM"),
        pytest.param("cp1252", b"", ";", id="windows-1252"),
        pytest.param("latin-1", b"", ";", id="latin-1"),
        pytest.param("utf-16-le", codecs.BOM_UTF16_LE, "\t", id="utf-16 LE unicode text"),
        pytest.param("utf-16-be", codecs.BOM_UTF16_BE, "\t", id="utf-16 BE unicode text"),
        pytest.param("utf-32-le", codecs.BOM_UTF32_LE, ";", id="utf-32 LE"),
        pytest.param("utf-8", b"", "|", id="pipes"),
        pytest.param("utf-8", b"", "\t", id="tabs"),
    ],
)
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, bom: bytes, delimiter: str):
    path = write_csv(
        tmp_path / "leerlingen.csv",
        [HEADER, *DATA],
        delimiter=delimiter,
        encoding=encoding,
        bom=bom,
    )
    table, warnings = read_table(path, kind=STUDENTS)
    assert warnings == []
    assert table.headers == tuple(HEADER)
    assert table.header_row == 1
    assert table.sheet is None
    assert [row.number for row in table.rows] == [2, 3, 4]
    assert table.rows[0].values == ("000123", "Zoë", None, "Ruïne", "4V1")
    assert table.rows[1].values[1] == "Françoise"


def test_windows_1252_punctuation_is_not_mistaken_for_another_code_page(tmp_path: Path):
    rows = [HEADER, ["1", "Chloë", "", "Brontë – “Ruïne”", "4V1"], ["2", "Noë", "", "€uro", "4V1"]]
    path = write_csv(tmp_path / "w.csv", rows, encoding="cp1252")
    table, _ = read_table(path, kind=STUDENTS)
    assert table.rows[0].values[3] == "Brontë – “Ruïne”"
    assert table.rows[1].values[3] == "€uro"


def test_quoted_delimiters_and_line_breaks_stay_in_their_field(tmp_path: Path):
    rows = [
        [*HEADER, "Straat"],
        ["1", "Zoë", "", "Ruïne", "4V1", "Kerkstraat; achterom\nbij de kerk"],
        ["2", 'Jan "Joop"', "", "Meer", "4V1", "Dorpsstraat"],
        ["3", "Fleur", "", "Vries", "4V1", "Laan\r\n2e verdieping"],
    ]
    table, _ = read_table(write_csv(tmp_path / "q.csv", rows), kind=STUDENTS)
    assert table.rows[0].values[5] == "Kerkstraat; achterom\nbij de kerk"
    assert table.rows[1].values[1] == 'Jan "Joop"'
    assert table.rows[2].values[5] == "Laan\r\n2e verdieping"
    # rows count records, as Excel shows the file: a line break inside quotes is one row
    assert [row.number for row in table.rows] == [2, 3, 4]


@pytest.mark.parametrize("rows_after", [3, 5_000, 10_000])
def test_a_quote_that_is_never_closed_is_refused_naming_its_row(tmp_path: Path, rows_after: int):
    """Without this check the rest of the file would silently become one value."""
    lines = ["Leerlingnummer;Roepnaam;Achternaam", "1;Jan;Bos", '2;"Piet;Vries']
    lines += [f"{n};Kees;Jansen" for n in range(3, 3 + rows_after)]
    path = tmp_path / "quote.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    error = assert_refused(path, "csv.unclosed_quote")
    assert error.problem.row == 3


def test_a_line_break_in_the_last_row_is_no_unclosed_quote(tmp_path: Path):
    rows = [[*HEADER, "Straat"], [*DATA[0], "Laan 1\nachterom"]]
    table, _ = read_table(write_csv(tmp_path / "laatste.csv", rows), kind=STUDENTS)
    assert table.rows[0].values[-1] == "Laan 1\nachterom"


def test_a_semicolon_file_with_commas_in_its_values_is_split_on_semicolons(tmp_path: Path):
    rows = [[*HEADER, "Adres"], *[[*row, "Laan 1, Utrecht"] for row in DATA]]
    table, _ = read_table(write_csv(tmp_path / "s.csv", rows, delimiter=";"), kind=STUDENTS)
    assert table.headers[-1] == "Adres"
    assert table.rows[0].values[-1] == "Laan 1, Utrecht"


def test_leading_zeros_and_formula_like_text_in_a_csv_stay_text(tmp_path: Path):
    rows = [HEADER, ["000123", "=1+1", "", "@SUM(A1)", "4V1"]]
    table, _ = read_table(write_csv(tmp_path / "t.csv", rows), kind=STUDENTS)
    assert table.rows[0].values[:4] == ("000123", "=1+1", None, "@SUM(A1)")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param(codecs.BOM_UTF8 + b"Leerlingnummer;Roepnaam\n1;Zo\xeb\n", "csv.bad_bytes"),
        pytest.param(b"\x00\x01\x02\xff\xfe\x00" * 100, "csv.binary"),
        pytest.param(b"", "file.empty"),
    ],
    ids=["BOM says UTF-8, bytes are not", "binary", "empty"],
)
def test_unreadable_text_files_are_refused(tmp_path: Path, data: bytes, code: str):
    path = tmp_path / "kapot.csv"
    path.write_bytes(data)
    assert_refused(path, code)


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path):
    assert_refused(tmp_path / "weg.csv", "file.missing")
    (tmp_path / "map.csv").mkdir()
    assert_refused(tmp_path / "map.csv", "file.missing")


def test_the_file_label_names_the_file_in_problems(tmp_path: Path):
    path = tmp_path / "upload-1234.tmp"
    path.write_bytes(b"")
    assert_refused(path, "file.empty", file_label="leerlingen.csv")


def test_a_too_large_file_is_refused_before_it_is_read(tmp_path: Path):
    path = write_csv(tmp_path / "groot.csv", [HEADER, *DATA])
    error = assert_refused(path, "file.too_large", limits=ImportLimits(max_file_bytes=50))
    assert "splits" in error.message("nl")


# --- header row, empty rows and columns --------------------------------------------------


def test_title_rows_above_the_header_are_skipped(tmp_path: Path):
    rows = [["Export leerlingen Magister"], ["Aangemaakt op 1-7-2026"], [], HEADER, *DATA]
    table, _ = read_table(write_csv(tmp_path / "titel.csv", rows), kind=STUDENTS)
    assert table.header_row == 4
    assert [row.number for row in table.rows] == [5, 6, 7]


@pytest.mark.parametrize(("blank_rows", "found"), [(19, True), (20, False)])
def test_the_header_is_looked_for_in_the_first_20_rows(
    tmp_path: Path, blank_rows: int, found: bool
):
    rows = [["titel"]] * blank_rows + [HEADER, *DATA]
    path = write_csv(tmp_path / "laat.csv", rows)
    if found:
        assert read_table(path, kind=STUDENTS)[0].header_row == 20
    else:
        error = assert_refused(path, "header.not_found")
        assert "Leerlingnummer, Roepnaam, Achternaam" in error.message("nl")


def test_empty_rows_are_left_out_and_keep_the_numbering(tmp_path: Path):
    rows = [HEADER, DATA[0], [], ["", " ", "\u00a0", "\u200b", "\t"], DATA[1], [""] * 5, DATA[2]]
    table, _ = read_table(write_csv(tmp_path / "leeg.csv", rows), kind=STUDENTS)
    assert [row.number for row in table.rows] == [2, 5, 7]


def test_blank_cells_become_none_and_other_cells_keep_their_text(tmp_path: Path):
    rows = [HEADER, ["1", " Jan ", "\u00a0", "Bos", ""]]
    table, _ = read_table(write_csv(tmp_path / "b.csv", rows), kind=STUDENTS)
    assert table.rows[0].values == ("1", " Jan ", None, "Bos", None)


def test_trailing_empty_columns_are_dropped(tmp_path: Path):
    rows = [[*HEADER, "", "", ""], *[[*row, "", "", ""] for row in DATA]]
    table, warnings = read_table(write_csv(tmp_path / "breed.csv", rows), kind=STUDENTS)
    assert table.headers == tuple(HEADER)
    assert all(len(row.values) == len(HEADER) for row in table.rows)
    assert warnings == []


def test_values_in_a_column_without_a_header_are_a_warning(tmp_path: Path):
    rows = [
        [HEADER[0], "", *HEADER[1:]],
        ["1", "", "Jan", "", "Bos", "4V1"],
        ["2", "geheim", "Piet", "", "Bos", "4V1", "", "x"],
    ]
    table, warnings = read_table(write_csv(tmp_path / "koploos.csv", rows), kind=STUDENTS)
    assert len(table.rows) == 2
    [warning] = warnings
    assert (warning.row, warning.column, warning.message_code) == (
        3,
        "B",
        "file.values_without_header",
    )
    assert "B, H" in warning.message("nl")


@pytest.mark.parametrize(
    "headers",
    [
        ["LEERLINGNUMMER", "roep naam", "Tussen-voegsel", "ACHTER NAAM", "stam klas"],
        ["Leerling Nr.", "Roepnaam leerling", "Voorvoegsel", "Achternaam", "Klas"],
        ["Student number", "First name", "Prefix", "Last name", "Class"],
        ["Stamnr.", "Voornaam", "Tussenv.", "Achternaam", "Basisgroep"],
    ],
)
def test_header_chaos_is_still_a_header(tmp_path: Path, headers: list[str]):
    table, _ = read_table(write_csv(tmp_path / "chaos.csv", [headers, *DATA]), kind=STUDENTS)
    mapping, warnings = map_headers(table.headers, STUDENTS, file="chaos.csv", header_row=1)
    assert warnings == []
    assert [mapping.index_of(c) for c in (Column.STUDENT_NUMBER, Column.GROUP)] == [0, 4]


def test_extra_columns_are_warnings_naming_row_and_header(tmp_path: Path):
    rows = [["Export"], [*HEADER, "Opmerking", "Mentor"], *[[*r, "x", "JANS"] for r in DATA]]
    table, _ = read_table(write_csv(tmp_path / "extra.csv", rows), kind=STUDENTS)
    _, warnings = map_headers(table.headers, STUDENTS, file="extra.csv", header_row=2)
    assert [(w.row, w.column, w.message("nl")) for w in warnings] == [
        (2, "Opmerking", "onbekende kolom, genegeerd"),
        (2, "Mentor", "onbekende kolom, genegeerd"),
    ]


def test_a_missing_required_column_lists_found_and_expected(tmp_path: Path):
    rows = [["Leerlingnummer", "Roepnaam", "Klas"], ["1", "Jan", "4V1"]]
    table, _ = read_table(write_csv(tmp_path / "mist.csv", rows), kind=STUDENTS)
    with pytest.raises(ImportFileError) as refused:
        map_headers(table.headers, STUDENTS, file="mist.csv", header_row=table.header_row)
    text = refused.value.message("nl")
    assert "ontbreken: Achternaam" in text
    assert "Gevonden: Leerlingnummer, Roepnaam, Klas" in text
    assert "Verwacht: Leerlingnummer, Roepnaam, Tussenvoegsel, Achternaam" in text
    assert (refused.value.problem.row, refused.value.problem.column) == (1, "Achternaam")


def test_a_column_twice_is_an_error(tmp_path: Path):
    rows = [[*HEADER, "Klas"], *[[*row, "4V2"] for row in DATA]]
    table, _ = read_table(write_csv(tmp_path / "dubbel.csv", rows), kind=STUDENTS)
    with pytest.raises(ImportFileError) as refused:
        map_headers(table.headers, STUDENTS, file="dubbel.csv", header_row=1)
    assert refused.value.problem.column == "Klas"
    assert "Stamklas" in refused.value.message("nl")


def test_a_sheet_name_for_a_csv_is_a_warning(tmp_path: Path):
    path = write_csv(tmp_path / "l.csv", [HEADER, *DATA])
    _, warnings = read_table(path, kind=STUDENTS, sheet="Leerlingen")
    assert [w.message_code for w in warnings] == ["file.sheet_in_csv"]


# --- the row limit ----------------------------------------------------------------------


def test_more_data_rows_than_the_limit_are_refused(tmp_path: Path):
    rows = [HEADER, *[[str(n), "Jan", "", "Bos", "4V1"] for n in range(11)]]
    path = write_csv(tmp_path / "veel.csv", rows)
    error = assert_refused(path, "file.too_many_rows", limits=ImportLimits(max_rows=10))
    assert "10" in error.message("nl")
    assert len(read_table(path, kind=STUDENTS, limits=ImportLimits(max_rows=11))[0].rows) == 11


def test_empty_rows_do_not_count_for_the_row_limit(tmp_path: Path):
    rows = [HEADER, *[[str(n), "Jan", "", "Bos", "4V1"] for n in range(10)], *[[]] * 5]
    table, _ = read_table(
        write_csv(tmp_path / "l.csv", rows), kind=STUDENTS, limits=ImportLimits(max_rows=10)
    )
    assert len(table.rows) == 10


def test_a_sheet_with_far_more_rows_than_the_limit_is_refused_before_reading(tmp_path: Path):
    rows = [HEADER, *[[str(n), "Jan", "", "Bos", "4V1"] for n in range(40)]]
    path = write_xlsx(tmp_path / "veel.xlsx", {"Leerlingen": rows})
    assert_refused(path, "file.too_many_rows", limits=ImportLimits(max_rows=10))
    assert len(read_table(path, kind=STUDENTS, limits=ImportLimits(max_rows=40))[0].rows) == 40


# --- workbooks -----------------------------------------------------------------------------


def test_an_xlsx_reads_typed_values(tmp_path: Path):
    rows = [
        [*HEADER, "Geboortedatum", "LWOO"],
        [123, "Zoë", None, "Ruïne", "4V1", 40315, True],
        ["000124", "Jan", "de", "Vries", "4H1", date(2009, 12, 1), "nee"],
        ["000125", "Piet", None, "Bos", "4H1", datetime(2010, 1, 31, 0, 0), None],
    ]
    table, warnings = read_table(
        write_xlsx(tmp_path / "l.xlsx", {"Leerlingen": rows}), kind=STUDENTS
    )
    assert warnings == []
    assert table.sheet == "Leerlingen"
    first, second, third = (row.values for row in table.rows)
    assert values.parse_student_number(first[0], width=6) == ("000123", True)
    assert second[0] == "000124"
    assert first[2] is None
    assert [values.parse_date(row[5]) for row in (first, second, third)] == [
        date(2010, 5, 17),
        date(2009, 12, 1),
        date(2010, 1, 31),
    ]
    assert values.parse_bool(first[6]) is True


def test_the_header_may_start_lower_and_further_right(tmp_path: Path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "Leerlingen 2026-2027"
    for column, text in enumerate(HEADER, start=2):
        sheet.cell(row=3, column=column, value=text)
    for row, data in enumerate(DATA, start=4):
        for column, text in enumerate(data, start=2):
            sheet.cell(row=row, column=column, value=text)
    workbook.save(tmp_path / "verschoven.xlsx")
    table, _ = read_table(tmp_path / "verschoven.xlsx", kind=STUDENTS)
    assert table.header_row == 3
    assert table.headers == ("", *HEADER)
    assert table.rows[0].number == 4
    assert table.rows[0].values[:2] == (None, "000123")


def test_a_cover_sheet_first_and_the_data_on_the_second(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "twee.xlsx",
        {"Toelichting": [["Dit bestand bevat de leerlingen."]], "Leerlingen": [HEADER, *DATA]},
    )
    table, _ = read_table(path, kind=STUDENTS)
    assert table.sheet == "Leerlingen"
    assert len(table.rows) == 3


def test_hidden_sheets_are_read_only_when_asked_for(tmp_path: Path):
    old = [HEADER, ["999", "Oud", "", "Jaar", "3V1"]]
    path = write_xlsx(
        tmp_path / "verborgen.xlsx",
        {"Vorig jaar": old, "Leerlingen": [HEADER, *DATA]},
        hidden=["Vorig jaar"],
    )
    assert read_table(path, kind=STUDENTS)[0].sheet == "Leerlingen"
    assert read_table(path, kind=STUDENTS, sheet="vorig JAAR")[0].rows[0].values[0] == "999"


def test_a_chart_sheet_is_passed_over(tmp_path: Path):
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = "Leerlingen"
    for row in [HEADER, *DATA]:
        data.append(row)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=3))
    workbook.create_chartsheet("Grafiek", 0).add_chart(chart)
    workbook.save(tmp_path / "grafiek.xlsx")
    assert read_table(tmp_path / "grafiek.xlsx", kind=STUDENTS)[0].sheet == "Leerlingen"


def test_the_sheet_is_chosen_by_name_whatever_its_case(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "twee.xlsx",
        {"Leerlingen": [HEADER, DATA[0]], "Nieuw": [HEADER, *DATA]},
    )
    table, _ = read_table(path, kind=STUDENTS, sheet=" nieuw ")
    assert (table.sheet, len(table.rows)) == ("Nieuw", 3)


def test_an_unknown_sheet_name_lists_the_sheets(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "twee.xlsx", {"Toelichting": [["x"]], "Leerlingen": [HEADER, *DATA]}
    )
    error = assert_refused(path, "xlsx.no_such_sheet", sheet="Blad1")
    assert "'Blad1'" in error.message("nl")
    assert "Toelichting, Leerlingen" in error.message("nl")


def test_a_workbook_without_a_recognisable_header_lists_its_sheets(tmp_path: Path):
    path = write_xlsx(
        tmp_path / "geen.xlsx",
        {"Blad1": [["Naam", "Klas"], ["Jan", "4V1"]], "Blad2": [["x"]]},
    )
    error = assert_refused(path, "header.not_found")
    assert "Blad1, Blad2" in error.message("nl")
    assert "Leerlingnummer" in error.message("nl")


def test_merged_cells_are_reported_with_spreadsheet_rows(tmp_path: Path):
    path = write_xlsx(tmp_path / "samengevoegd.xlsx", {"Leerlingen": [HEADER, *DATA]})
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet["E3"] = None
    sheet["E4"] = None
    sheet.merge_cells("E2:E4")
    sheet.merge_cells("A6:B6")
    workbook.save(path)
    table, _ = read_table(path, kind=STUDENTS)
    assert set(table.merged) == {(2, 4, 4, 4), (6, 0, 6, 1)}
    assert [row.values[4] for row in table.rows] == ["4V1", None, None]


def test_formulas_are_never_evaluated(tmp_path: Path):
    """A formula without a saved result (openpyxl writes none) reads as an empty cell; a
    saved result (every file Excel saved) reads as that result; text that starts with
    '=' stays text. koppel never computes anything."""
    path = tmp_path / "formules.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["1", "=1+1", None, '=HYPERLINK("http://x.example","klik")', "4V1"])
    sheet.append(["2", None, None, "Bos", "4V1"])
    sheet["B3"] = "=2+2"
    sheet["B3"].data_type = "s"  # text that looks like a formula
    workbook.save(path)
    table, _ = read_table(path, kind=STUDENTS)
    first, second = (row.values for row in table.rows)
    assert (first[1], first[3]) == (None, None)
    assert 2 not in first  # neither 2 nor 2.0
    assert second[1] == "=2+2"
    # the same workbook as Excel would have saved it: with the formula's saved result
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml")
    saved = rewrite_zip(
        path,
        tmp_path / "opgeslagen.xlsx",
        {"xl/worksheets/sheet1.xml": sheet_xml.replace(b"<f>1+1</f><v />", b"<f>1+1</f><v>7</v>")},
    )
    assert read_table(saved, kind=STUDENTS)[0].rows[0].values[1] == 7.0


# --- files that are not what they say, or unsafe ------------------------------------------


def test_a_csv_saved_as_xlsx_is_read_as_csv_with_a_warning(tmp_path: Path):
    path = write_csv(tmp_path / "eigenlijk-csv.xlsx", [HEADER, *DATA])
    table, warnings = read_table(path, kind=STUDENTS)
    assert len(table.rows) == 3
    assert [(w.file, w.message_code) for w in warnings] == [
        ("eigenlijk-csv.xlsx", "file.csv_named_xlsx")
    ]


@pytest.mark.parametrize("name", ["versleuteld.xlsx", "oud.xls", "oud.csv"])
def test_encrypted_workbooks_and_old_xls_files_are_refused(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(range(256)) * 16)
    error = assert_refused(path, "xlsx.encrypted")
    assert "sla op als .xlsx zonder wachtwoord of als csv" in error.message("nl")


def test_a_zip_with_encrypted_entries_is_refused(tmp_path: Path):
    path = write_xlsx(tmp_path / "wachtwoord.xlsx", {"Leerlingen": [HEADER, *DATA]})
    patch_central_directory(path, "xl/worksheets/sheet1.xml", flags=0x1)
    assert_refused(path, "xlsx.encrypted")


def test_a_truncated_workbook_is_refused_as_damaged(tmp_path: Path):
    whole = write_xlsx(tmp_path / "heel.xlsx", {"Leerlingen": [HEADER, *DATA]}).read_bytes()
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    error = assert_refused(path, "xlsx.corrupt")
    assert "beschadigd" in error.message("nl")


def test_a_zip_that_is_no_workbook_is_refused_as_damaged(tmp_path: Path):
    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("leerlingen.csv", "Leerlingnummer;Roepnaam\n")
    assert_refused(path, "xlsx.corrupt")


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path: Path):
    """400 MB of zeros in 2 MB: refused from the sizes in the zip directory alone."""
    path = tmp_path / "bom.xlsx"
    chunk = bytes(4 * 1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            for _ in range(100):
                entry.write(chunk)
    tracemalloc.start()
    error = assert_refused(path, "xlsx.bomb")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "uitgepakt" in error.message("nl")
    assert peak < 150_000_000  # refused before unpacking: memory, not time (benchmarks time)


def test_an_entry_that_declares_gigabytes_is_refused(tmp_path: Path):
    path = write_xlsx(tmp_path / "groot.xlsx", {"Leerlingen": [HEADER, *DATA]})
    patch_central_directory(path, "xl/worksheets/sheet1.xml", size=0xFFFF_FFF0)
    assert_refused(path, "xlsx.bomb")


def test_a_part_that_compresses_suspiciously_well_is_refused(tmp_path: Path):
    plain = write_xlsx(tmp_path / "gewoon.xlsx", {"Leerlingen": [HEADER, *DATA]})
    path = rewrite_zip(plain, tmp_path / "nullen.xlsx", {"xl/media/image1.png": bytes(5_000_000)})
    assert_refused(path, "xlsx.bomb")


@pytest.mark.parametrize(
    ("limits", "code"),
    [
        (ImportLimits(max_xlsx_entries=3), "xlsx.too_many_entries"),
        (ImportLimits(max_xlsx_uncompressed_bytes=2_000), "xlsx.bomb"),
    ],
)
def test_workbook_limits(tmp_path: Path, limits: ImportLimits, code: str):
    path = write_xlsx(tmp_path / "l.xlsx", {"Leerlingen": [HEADER, *DATA]})
    assert_refused(path, code, limits=limits)


XXE = b'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _with_prolog(xml: bytes, prolog: bytes) -> bytes:
    body = xml.split(b"?>", 1)[-1] if xml.startswith(b"<?xml") else xml
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + prolog + body


@pytest.mark.parametrize(
    ("part", "make", "code"),
    [
        ("xl/worksheets/sheet1.xml", lambda xml: _with_prolog(xml, XXE), "xlsx.dtd"),
        (
            "xl/worksheets/sheet1.xml",
            lambda xml: _with_prolog(xml, b"<!-- export -->\n<!doctype x>"),
            "xlsx.dtd",
        ),
        (
            "xl/sharedStrings.xml",
            lambda _: b'<?xml version="1.0"?>' + XXE + b"<sst><si><t>&xxe;</t></si></sst>",
            "xlsx.dtd",
        ),
        (
            "xl/worksheets/sheet1.xml",
            lambda xml: _with_prolog(xml, XXE).decode().encode("utf-16"),
            "xlsx.dtd",
        ),
        (
            "xl/worksheets/sheet1.xml",
            lambda xml: _with_prolog(xml, b"<!--" + b"x" * 70_000 + b"-->" + XXE),
            "xlsx.xml_prolog",
        ),
    ],
    ids=["sheet", "after a comment", "shared strings", "utf-16", "behind a long comment"],
)
def test_xml_entity_attacks_are_refused_before_parsing(tmp_path: Path, part, make, code):
    plain = write_xlsx(tmp_path / "gewoon.xlsx", {"Leerlingen": [HEADER, *DATA]})
    with zipfile.ZipFile(plain) as archive:
        original = archive.read(part) if part in archive.namelist() else b""
    path = rewrite_zip(plain, tmp_path / "xxe.xlsx", {part: make(original)})
    error = assert_refused(path, code)
    assert error.params["part"] == part


def test_column_letters():
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
