"""Cell values as a careful person reads them: text trimmed, student numbers as text with
their leading zeros, Dutch genders, dates without guessing, yes/no in Dutch and English."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from koppel.domain.errors import InvalidValue
from koppel.domain.personal import Gender, normalise_email, normalise_postcode
from koppel.domain.students import validate_student_number
from koppel.domain.text import clean_text
from koppel.files.table import CellValue

EXCEL_EPOCH = date(1899, 12, 30)
"""Serial 1 is 1900-01-01; Excel counts the non-existent 1900-02-29, which this epoch
absorbs for every date after February 1900."""
MAX_EXCEL_SERIAL = 2_958_465

GENDERS: dict[str, Gender] = {
    **dict.fromkeys(("m", "man", "jongen", "male", "mannelijk", "j"), Gender.MALE),
    **dict.fromkeys(("v", "vrouw", "meisje", "f", "female", "vrouwelijk"), Gender.FEMALE),
    **dict.fromkeys(("x", "o", "anders", "onbekend", "other", "unknown", ""), Gender.OTHER),
}
TRUE_WORDS = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "lwoo", "wel"})
FALSE_WORDS = frozenset({"nee", "n", "no", "false", "onwaar", "0", "", "geen", "niet"})
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$", re.ASCII)
_DUTCH = re.compile(r"^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$", re.ASCII)
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", re.ASCII)
_SERIAL = re.compile(r"^\d{1,5}(?:\.0+)?$", re.ASCII)
_LIST_SEPARATORS = re.compile(r"[,;\r\n\t]+|\s{2,}")


def cell_text(value: CellValue) -> str:
    """The cell as clean text: whole floats without ``.0``, dates as ISO."""
    if type(value) is str:  # most cells: skip the other checks
        return clean_text(value)
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
    """The student number as text; padded with zeros (and ``True``) only when the school's
    configured ``width`` makes it certain that leading zeros were lost."""
    text = cell_text(value)
    number = validate_student_number(text)
    if width and number.isdigit() and len(number) < width:
        return number.zfill(width), True
    return number, False


def parse_gender(value: CellValue) -> Gender:
    text = cell_text(value).lower().rstrip(".")
    if text not in GENDERS:
        raise InvalidValue("value.gender", value=cell_text(value))
    return GENDERS[text]


def _checked(year: int, month: int, day: int, original: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidValue("value.date_impossible", value=original) from None


def parse_date(value: CellValue) -> date | None:
    """ISO (2010-05-17), Dutch (17-05-2010, 17.5.2010), an Excel serial (40315), or a
    date the spreadsheet already knew. ``03/04/2010`` could be March or April: refused."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value), str(value))
    text = cell_text(value)
    if not text:
        return None
    if match := _ISO.match(text):
        return _checked(int(match[1]), int(match[2]), int(match[3]), text)
    if match := _DUTCH.match(text):
        return _checked(int(match[3]), int(match[2]), int(match[1]), text)
    if match := _SLASHED.match(text):
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            return _checked(int(match[3]), second, first, text)
        raise InvalidValue("value.date_ambiguous", value=text)
    if _SERIAL.match(text):
        return _from_serial(float(text), text)
    raise InvalidValue("value.date_format", value=text)


def _from_serial(serial: float, original: str) -> date:
    if not 1 <= serial <= MAX_EXCEL_SERIAL or not serial.is_integer():
        raise InvalidValue("value.date_format", value=original)
    if serial < 61:  # before Excel's phantom 1900-02-29
        return date(1899, 12, 31) + timedelta(days=int(serial))
    return EXCEL_EPOCH + timedelta(days=int(serial))


def parse_bool(value: CellValue) -> bool:
    if isinstance(value, bool):
        return value
    text = cell_text(value).lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise InvalidValue("value.yes_no", value=text)


def parse_postcode(value: CellValue) -> str:
    text = cell_text(value)
    return normalise_postcode(text) if text else ""


def parse_email(value: CellValue) -> str:
    text = cell_text(value)
    return normalise_email(text) if text else ""


def split_list(value: CellValue) -> list[str]:
    """``'4V1, 4V2;4H1'`` -> ``['4V1', '4V2', '4H1']``."""
    raw = value if isinstance(value, str) else cell_text(value)
    return [part for part in (clean_text(p) for p in _LIST_SEPARATORS.split(raw)) if part]
