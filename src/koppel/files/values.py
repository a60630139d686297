"""Celwaarden as a careful person reads them: text trimmed, student numbers as text with
their leading zeros, Dutch genders, dates without guessing, yes/no in Dutch and English.

Every parser takes a :data:`~koppel.files.table.CellValue` (text from a CSV, typed
values from an xlsx) and raises :class:`~koppel.domain.errors.InvalidValue` with a
message code; the caller adds file, row and column.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import Gender, normalise_email, normalise_postcode
from koppel.domain.students import validate_student_number
from koppel.domain.text import clean_text
from koppel.files.neutralise import restore
from koppel.files.table import CellValue

EXCEL_EPOCH = date(1899, 12, 30)
"""Day 0 of Excel's serials for every date from 1900-03-01 on (serial 61); earlier
serials are one day off because Excel counts a 1900-02-29 (serial 60)."""
MAX_EXCEL_SERIAL = 2_958_465
"""9999-12-31, the last day Excel knows."""
PHANTOM_LEAP_DAY = 60
"""Excel's serial for 1900-02-29, a day that never was."""
MAX_TEXT_SERIAL = 80_000
"""A serial typed as text counts only with five digits up to 80000 (1927-05-18 to
2119-01-11), so that a year (``2010``) or a day number is never read as a date."""

GENDERS: dict[str, Gender] = {
    **dict.fromkeys(("m", "man", "jongen", "male", "mannelijk", "j"), Gender.MALE),
    **dict.fromkeys(("v", "vrouw", "meisje", "f", "female", "vrouwelijk"), Gender.FEMALE),
    **dict.fromkeys(("x", "o", "anders", "onbekend", "other", "unknown", ""), Gender.OTHER),
}
TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "lwoo", "wel"})
FALSE_WORDS = frozenset({"nee", "n", "no", "false", "onwaar", "0", "", "geen", "niet"})

_ISO = re.compile(
    r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$", re.ASCII
)
_DUTCH = re.compile(r"^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$", re.ASCII)
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)
_SHORT_YEAR = re.compile(r"^\d{1,2}([-./])\d{1,2}\1\d{2}$", re.ASCII)
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$", re.ASCII)
_LIST_SEPARATORS = re.compile(r"[,;\s]+")


def cell_text(value: CellValue) -> str:
    """Celtekst: the cell as clean text; whole numbers without ``.0``, dates as ISO; text
    that koppel's writers guarded against formulas (``'=1+1``) without its apostrophe."""
    if type(value) is str:  # most cells: skip the other checks
        text = clean_text(value)
        return clean_text(restore(text)) if text.startswith("'") else text
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date | time):
        return value.isoformat()
    return clean_text(str(value))


def parse_student_number(value: CellValue, *, width: int | None) -> tuple[str, bool]:
    """Leerlingnummer as text (a number cell without ``.0``); padded with zeros, and
    ``True``, only when the school's configured ``width`` makes it certain that leading
    zeros were lost (all digits and shorter than ``width``)."""
    number = validate_student_number(cell_text(value))
    if width and number.isdigit() and len(number) < width:
        return number.zfill(width), True
    return number, False


def parse_gender(value: CellValue) -> Gender:
    """Geslacht: M/V/X, man/vrouw, jongen/meisje, m/f (English), anders/onbekend; an
    empty cell is X."""
    text = cell_text(value).lower().rstrip(".")
    if text not in GENDERS:
        raise InvalidValue("value.gender", value=cell_text(value))
    return GENDERS[text]


def parse_date(value: CellValue) -> date | None:
    """Datum: a date the spreadsheet already knew, ISO (``2010-05-17``, ``2010/05/17``),
    Dutch (``17-05-2010``, ``7-5-2010``, ``17.05.2010``) or an Excel serial (``40315``);
    ``None`` for an empty cell.

    Refused, with a message that says what to write: ``03/04/2010`` (March or April? a
    slashed date is certain only when the day is above 12), two-digit years, dates that
    do not exist, and anything else."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_serial(float(value), cell_text(value))
    text = cell_text(value)
    if not text:
        return None
    if match := _ISO.match(text):
        return _checked(int(match[1]), int(match[3]), int(match[4]), text)
    if match := _DUTCH.match(text):
        return _checked(int(match[4]), int(match[3]), int(match[1]), text)
    if match := _SLASHED.match(text):
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            return _checked(int(match[3]), second, first, text)
        if first > 12:
            raise InvalidValue("value.date_impossible", value=text)
        raise InvalidValue("value.date_ambiguous", value=text)
    if _SHORT_YEAR.match(text):
        raise InvalidValue("value.date_short_year", value=text)
    if _SERIAL.match(text) and float(text) <= MAX_TEXT_SERIAL:
        return _from_serial(float(text), text)
    raise InvalidValue("value.date_format", value=text)


def _checked(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue("value.date_impossible", value=original) from None


def _from_serial(serial: float, original: str) -> date:
    """Excel's day number: 1 is 1900-01-01, 60 the 1900-02-29 that never was."""
    if not 1 <= serial <= MAX_EXCEL_SERIAL or not serial.is_integer():
        raise InvalidValue("value.date_format", value=original)
    if serial == PHANTOM_LEAP_DAY:
        raise InvalidValue("value.date_impossible", value=original)
    if serial < PHANTOM_LEAP_DAY:
        return EXCEL_EPOCH + timedelta(days=int(serial) + 1)
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_bool(value: CellValue) -> bool:
    """Ja of nee (LWOO): ja/nee, j/n, yes/no, y/n, true/false, waar/onwaar, 1/0; an ``x``
    or the word ``lwoo`` is yes, an empty cell no."""
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise InvalidValue("value.yes_no", value=text)


def parse_postcode(value: CellValue) -> str:
    """Postcode as ``1234 AB``; an empty cell gives ``''``."""
    text = cell_text(value)
    return normalise_postcode(text) if text else ""


def parse_email(value: CellValue) -> str:
    """E-mailadres, checked and trimmed; an empty cell gives ``''``."""
    text = cell_text(value)
    return normalise_email(text) if text else ""


def house_number(number: CellValue, addition: CellValue = None) -> str:
    """Huisnummer with its toevoeging when a file keeps them apart: ``12`` and ``a`` ->
    ``12a``, ``12`` and ``-2`` -> ``12-2``, ``12`` and ``bis`` -> ``12 bis``."""
    text, extra = cell_text(number), cell_text(addition)
    if not extra:
        return text
    if not text:
        return extra
    if (len(extra) == 1 and extra.isalpha()) or extra[0] in "-/":
        return text + extra
    return f"{text} {extra}"


def split_list(value: CellValue) -> list[str]:
    """Lijst in één cel: ``'4V1, 4V2;4H1 5V1'`` -> ``['4V1', '4V2', '4H1', '5V1']``;
    commas, semicolons, spaces and line breaks all separate."""
    raw = value if isinstance(value, str) else cell_text(value)
    return [part for part in (clean_text(p) for p in _LIST_SEPARATORS.split(raw)) if part]
