"""Keys and values of an SIS set as koppel writes them: student numbers, staff codes,
usernames, branch and department codes, infixes and department shares (pure).

A SIS set names everything by its own ``sourcedId``; koppel keys students by student
number, staff by staff code, groups by name. The rules here say which field of a record
gives koppel's key; :mod:`koppel.domain.sis.plan` remembers the answer (``sis_ids``)
so that a later set finds the same student, staff member or group again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from koppel.domain.errors import InvalidValue
from koppel.domain.school import EducationType
from koppel.domain.sis.sets import VENDOR_PREFIXES, SisUser
from koppel.domain.staff import validate_staff_code
from koppel.domain.students import validate_student_number
from koppel.domain.text import clean_text


class SisKind:
    """The kinds of ``sis_ids`` rows."""

    STUDENT = "student"
    STAFF = "staff"
    GROUP = "group"
    BRANCH = "branch"
    DEPARTMENT = "department"
    SCHOOL_YEAR = "school_year"
    GROUP_YEAR = "group_year"
    """A class's school year (its group's name is per year)."""
    ENROLLMENT = "enrollment"
    """An enrollment as ``s|group|student number`` (``t|`` and ``m|``: teacher and mentor
    link with a staff code), so that a delta row giving only its sourcedId finds it."""


@dataclass(frozen=True, slots=True)
class SisId:
    """A set's ``sourcedId`` of ``kind`` stands for koppel's ``key``."""

    kind: str
    sourced_id: str
    key: str


SisIds = dict[tuple[str, str], str]
"""(kind, sourcedId) -> key, as the portal remembers them."""

_BRANCH_CODE = re.compile(r"^[A-Z0-9._-]{1,16}$")
_DEPARTMENT_CODE = re.compile(r"^([1-6])([A-Z]{1,4})$")
_USERNAME = re.compile(r"^[a-z0-9._@-]{3,64}$")
_SHARE = re.compile(r"^([1-6][A-Z]{1,4})(?:\s+([0-9]{1,3})%?)?$")
MAX_GROUP_NAME = 40

INFIX_WORDS = frozenset(
    {
        *("van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan"),
        *("bij", "uit", "voor", "onder", "over", "d'", "la", "le", "du", "des", "da"),
        *("di", "del", "dos", "von", "vom", "zu", "zum", "zur"),
    }
)
"""Words of a Dutch tussenvoegsel: a middle name made only of these (in lower case) is
an infix (``van der``); any other middle name is a given name and is not kept."""

EDUCATION_LETTERS: dict[str, EducationType] = {
    "V": EducationType.VWO,
    "A": EducationType.VWO,
    "G": EducationType.VWO,
    "VWO": EducationType.VWO,
    "H": EducationType.HAVO,
    "HAVO": EducationType.HAVO,
    "M": EducationType.MAVO,
    "T": EducationType.MAVO,
    "MAVO": EducationType.MAVO,
    "K": EducationType.VMBO_K,
    "B": EducationType.VMBO_B,
    "MH": EducationType.MAVO_HAVO,
    "HV": EducationType.HAVO_VWO,
}
"""A department code's letters (``4V``: V) and the education type they stand for."""


def valid_student_number(value: str) -> str:
    """``value`` as a student number, or empty when it is none."""
    try:
        return validate_student_number(value) if clean_text(value) else ""
    except InvalidValue:
        return ""


STUDENT_NUMBER_FIELDS = ("identifier", "sourcedId", "username")
"""The fields of a user that may give the student number (``--student-number``), besides
a vendor column (``ext_...``, ``metadata....``)."""


def student_number_field(text: str) -> str:
    """``text`` as a field that gives the student number, in its standard spelling
    (``sourcedid`` -> ``sourcedId``); a vendor column keeps its name. Raises
    :class:`InvalidValue` for anything else."""
    name = clean_text(text)
    for known in STUDENT_NUMBER_FIELDS:
        if name.lower() == known.lower():
            return known
    if name.lower().startswith(VENDOR_PREFIXES) and len(name) > len("ext_"):
        return name
    raise InvalidValue(
        "roster.plan.student_number_field",
        value=text,
        allowed=", ".join((*STUDENT_NUMBER_FIELDS, "ext_...", "metadata....")),
    )


def student_number_value(user: SisUser, chosen: str) -> str:
    """What the field ``chosen`` (see :func:`student_number_field`) holds for ``user``."""
    if chosen == "identifier":
        return user.identifier
    if chosen == "sourcedId":
        return user.sourced_id
    if chosen == "username":
        return user.username
    return user.vendor.get(chosen.lower(), "")


def valid_staff_code(value: str) -> str:
    """``value`` upper-cased as a staff code (2 to 8 letters or digits), or empty."""
    try:
        return validate_staff_code(value) if clean_text(value) else ""
    except InvalidValue:
        return ""


def _letters(text: str) -> str:
    """The ASCII letters of ``text`` in capitals, accents dropped (``Ömer`` -> ``OMER``)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.upper() if "A" <= ch <= "Z")


def _numbered(base: str, taken: Collection[str], width: int) -> str:
    """``base``, else ``base`` with the lowest number from 2 that is free, in ``width``."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = str(number)
        candidate = base[: width - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


def derive_staff_code(first_name: str, last_name: str, taken: Collection[str]) -> str:
    """A staff code from the names, the Dutch way (``Jansen`` -> ``JANS``), made unique
    against ``taken`` with a number (``JANS2``)."""
    letters = _letters(last_name) + _letters(first_name)
    base = (letters or "MW")[:4]
    if len(base) < 2:
        base = (base + "MW")[:2]
    return _numbered(base, taken, 8)


def username_for(candidates: Iterable[str], taken: Collection[str]) -> str:
    """The first candidate (the set's username, its e-mail, koppel's key) that makes a
    valid username not ``taken``, in lower case; empty when none does."""
    for candidate in candidates:
        name = clean_text(candidate).lower()
        if name and _USERNAME.match(name) and name not in taken:
            return name
    return ""


def branch_code(value: str) -> str:
    """``value`` upper-cased as a branch code (up to 16 letters, digits, ``.-_``), or empty."""
    text = clean_text(value).upper()
    return text if _BRANCH_CODE.match(text) else ""


def derive_branch_code(name: str, taken: Collection[str]) -> str:
    """A branch code from the initials of its name (``Het Stedelijk Lyceum`` -> ``HSL``)."""
    initials = "".join(_letters(word)[:1] for word in clean_text(name).split())
    base = (initials or "VEST")[:12]
    return _numbered(base if len(base) >= 2 else f"{base}V", taken, 16)


def department_code(value: str) -> str:
    """``value`` as a department code (``4 v`` -> ``4V``) when it is one, else empty."""
    text = clean_text(value).upper().replace(" ", "")
    return text if _DEPARTMENT_CODE.match(text) else ""


def education_type_of(code: str) -> EducationType | None:
    """The education type a department code's letters stand for (``4HV``: HAVO/VWO)."""
    match = _DEPARTMENT_CODE.match(code)
    return EDUCATION_LETTERS.get(match[2]) if match else None


def infix_of(middle_name: str) -> str:
    """The middle name when it is a Dutch infix (``van der``), else empty."""
    text = clean_text(middle_name)
    words = text.split()
    if words and text == text.lower() and all(word in INFIX_WORDS for word in words):
        return text
    return ""


def department_shares(text: str, known: Collection[str]) -> str:
    """An ``ext_koppel_department`` value (``4H`` or ``4H 50, 4V 50``) in the form the
    portal keeps it (``4V``; ``4H 50 / 4V 50``, largest share first); raises
    :class:`InvalidValue` for an unknown department or shares that do not add up to 100."""
    parts = [clean_text(p).upper() for p in re.split(r"[,/;]", text) if clean_text(p)]
    shares: list[tuple[str, int]] = []
    for part in parts:
        match = _SHARE.match(part)
        if not match:
            raise InvalidValue("roster.plan.department_text", value=text)
        code, pct = match[1], int(match[2]) if match[2] else (100 if len(parts) == 1 else 0)
        if code not in known:
            raise InvalidValue("roster.plan.department_unknown", value=code, known=", ".join(known))
        shares.append((code, pct))
    if not shares:
        return ""
    if sum(pct for _, pct in shares) != 100 or any(pct <= 0 for _, pct in shares):
        raise InvalidValue("roster.plan.department_text", value=text)
    shares.sort(key=lambda share: (-share[1], share[0]))
    if len(shares) == 1:
        return shares[0][0]
    return " / ".join(f"{code} {pct}" for code, pct in shares)


def department_codes(text: str) -> list[str]:
    """The department codes of a stored department text (``4H 50 / 4V 50``)."""
    return [part.split()[0] for part in text.split(" / ") if part.strip()]


def group_name(class_code: str, title: str, sourced_id: str, taken: Collection[str]) -> str:
    """A class's group name: its classCode (unless that is only its sourcedId again, as
    SDS classic's section numbers are), else its title, else its sourcedId; at most 40
    characters, made unique against ``taken`` (``Wiskunde 1 (2)``)."""
    code, sourced = clean_text(class_code), clean_text(sourced_id)
    base = (code if code != sourced else "") or clean_text(title) or sourced
    base = base[:MAX_GROUP_NAME]
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = base[: MAX_GROUP_NAME - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


FLAG_WORDS = {
    "true": True,
    "false": False,
    "ja": True,
    "nee": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
    "j": True,
    "n": False,
    "": False,
}


def flag(value: str) -> bool:
    """``true``/``false`` (and ``ja``/``nee``, ``1``/``0``); :class:`InvalidValue` otherwise."""
    word = clean_text(value).lower()
    if word not in FLAG_WORDS:
        raise InvalidValue("roster.plan.flag", value=value)
    return FLAG_WORDS[word]
