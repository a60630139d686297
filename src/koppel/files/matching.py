"""Waarden herkennen: a department, home class or gender as an SIS writes it, matched to
what the school has, the way :mod:`koppel.files.headers` matches headers.

A value is compared after :func:`~koppel.files.headers.normalise_header` (case, spaces,
dashes, accents and punctuation do not count), against the school's own departments and
classes, never a fixed table that could reach the wrong one:

* a department by its code (``4v``), its name (``4 VWO``, ``4-vwo``), or its year of
  study and its letters or level word in the other order (``V4``, ``vwo 4``);
* a class by its name (``4 v 1``, ``4-V1``); a new class that starts with a
  department's code is written the way codes are (``4V1``);
* a gender by the words of :data:`~koppel.files.values.GENDERS`;
* anything else by the import profile's ``[values.FIELD]`` table.

A value that two departments (or classes) could mean is refused naming both; an unknown
value is refused naming the nearest known ones and the profile line that would fix it.
Pure: the caller gives the school's departments and classes.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.groups import department_of_group
from koppel.domain.school import Department
from koppel.files.headers import normalise_header
from koppel.files.values import GENDERS

EXACT = "exact"
"""How a value written exactly as the school has it matched: not worth showing."""
MAX_NEAREST = 3
NEAREST_CUTOFF = 0.6


@dataclass(frozen=True, slots=True)
class Match:
    target: str
    """The school's value: a department code, a class name, a gender letter."""
    how: str
    """``exact``, ``code``, ``name``, ``spelling``, ``word``, ``profile`` or ``new``."""


@dataclass
class ValueMatcher:
    """The known spellings of one field's values, by normalised text."""

    field_name: str
    """The field's Dutch name, as a profile's ``[values.FIELD]`` table names it."""
    unknown_code: str = ""
    """Message code for a value that matches nothing (:meth:`match`)."""
    exact: set[str] = field(default_factory=set)
    """Values that are a target as written: the first choice (a class ``4V-1`` beside a
    class ``4V1``)."""
    spellings: dict[str, dict[str, str]] = field(default_factory=dict)
    """Normalised text -> target -> how; a code's own spelling wins over the rest."""
    codes: dict[str, str] = field(default_factory=dict)
    """Normalised code -> target: the first choice."""
    profile: dict[str, str] = field(default_factory=dict)
    """Normalised text -> target, from the import profile: wins over everything."""
    labels: dict[str, str] = field(default_factory=dict)
    """Target -> how a suggestion shows it (``4V (4 VWO)``)."""
    placeholder: str = "CODE"
    """What the profile line of an unknown value maps it to when no single value is
    nearest."""

    def add(self, text: str, target: str, how: str) -> None:
        key = normalise_header(text)
        if key:
            self.spellings.setdefault(key, {}).setdefault(target, how)

    def match(self, text: str) -> Match:
        """The target ``text`` means; raises :class:`InvalidValue` when it is unknown or
        when two targets could be meant."""
        found = self.find(text)
        if found is not None:
            return found
        nearest = self.nearest(normalise_header(text))
        example = nearest[0] if len(nearest) == 1 else self.placeholder
        raise InvalidValue(
            self.unknown_code,
            value=text,
            nearest=", ".join(self.labels.get(t, t) for t in nearest) or "-",
            fix=profile_line(self.field_name, text, example),
        )

    def find(self, text: str) -> Match | None:
        """The target ``text`` means, or None when it matches nothing; raises
        :class:`InvalidValue` when two targets could be meant."""
        key = normalise_header(text)
        if key in self.profile:
            return Match(self.profile[key], "profile")
        if text in self.exact:
            return Match(text, EXACT)
        if key in self.codes:
            target = self.codes[key]
            return Match(target, EXACT if text == target else "code")
        found = self.spellings.get(key, {})
        if len(found) == 1:
            ((target, how),) = found.items()
            return Match(target, EXACT if text == target else how)
        if found:
            raise InvalidValue(
                "match.ambiguous",
                field=self.field_name,
                value=text,
                matches=", ".join(self.labels.get(t, t) for t in sorted(found)),
            )
        return None

    def known(self) -> list[str]:
        """Every target, sorted."""
        return sorted({*self.codes.values(), *(t for f in self.spellings.values() for t in f)})

    def _pairs(self) -> list[tuple[str, str]]:
        """Every (normalised spelling, target)."""
        return [*self.codes.items(), *((k, t) for k, f in self.spellings.items() for t in f)]

    def nearest(self, key: str) -> list[str]:
        """The targets whose spellings are nearest ``key``; all targets (at most 20)
        when none is near."""
        keys = [*self.codes, *self.spellings]
        targets: list[str] = []
        for close in difflib.get_close_matches(key, keys, n=12, cutoff=NEAREST_CUTOFF):
            for target in [self.codes[close]] if close in self.codes else self.spellings[close]:
                if target not in targets:
                    targets.append(target)
        if targets:
            return targets[:MAX_NEAREST]
        digits = _digits(key)
        same_year = sorted({t for k, t in self._pairs() if digits and _digits(k) == digits})
        if same_year:  # 'Atheneum 4': the departments of year 4
            return same_year
        every = self.known()
        return every if len(every) <= 20 else []


def profile_line(field_name: str, value: str, target: str) -> str:
    """The lines of an import profile that map ``value`` to ``target``."""
    return f"[values.{field_name}] {json.dumps(value, ensure_ascii=False)} = {json.dumps(target)}"


def department_matcher(
    departments: Iterable[Department],
    profile: Mapping[str, str],
    *,
    field_name: str,
    profile_file: str = "",
) -> ValueMatcher:
    """Departments by code, name, and year of study with their letters or level word in
    either order; ``profile`` maps normalised texts to a department in any of those
    spellings (an unknown one raises :class:`InvalidValue` ``match.profile_target``)."""
    matcher = ValueMatcher(field_name, "match.department_unknown")
    for department in departments:
        code, year = department.code, str(department.year_of_study)
        matcher.codes[normalise_header(code)] = code
        matcher.labels[code] = f"{code} ({department.name})"
        letters = code[len(year) :]
        matcher.add(letters + year, code, "spelling")
        name = normalise_header(department.name)
        matcher.add(name, code, "name")
        word = _without_year(name, year)
        if word:
            matcher.add(year + word, code, "spelling")
            matcher.add(word + year, code, "spelling")
    _add_profile(matcher, profile, profile_file)
    return matcher


def group_matcher(
    groups: Iterable[str], profile: Mapping[str, str], *, field_name: str
) -> ValueMatcher:
    """The year's classes by their names in any case and spacing; a profile target is a
    class name (an existing class in any spelling, or a new class)."""
    matcher = ValueMatcher(field_name)
    for name in groups:
        matcher.exact.add(name)
        matcher.add(name, name, "spelling")
    for key, target in profile.items():
        found = matcher.spellings.get(normalise_header(target), {})
        matcher.profile[key] = next(iter(found)) if len(found) == 1 else target
    return matcher


def new_group_name(text: str, departments: Iterable[str]) -> str:
    """The name a new class gets: written as codes are (``4 v-1`` -> ``4V1``) when it
    starts with a department's code that way, else as the file has it."""
    compact = normalise_header(text).upper()
    return compact if department_of_group(compact, departments) else text


def gender_matcher(
    profile: Mapping[str, str], *, field_name: str, profile_file: str = ""
) -> ValueMatcher:
    """M, V and X, and the words of :data:`~koppel.files.values.GENDERS`."""
    matcher = ValueMatcher(field_name, "match.gender_unknown", placeholder="M|V|X")
    for gender in {g.value for g in GENDERS.values()}:
        matcher.codes[normalise_header(gender)] = gender
    for word, gender in GENDERS.items():
        if word and normalise_header(word) not in matcher.codes:
            matcher.add(word, gender.value, "word")
    _add_profile(matcher, profile, profile_file)
    return matcher


def _digits(key: str) -> str:
    return "".join(c for c in key if c.isdigit())


def _without_year(name: str, year: str) -> str:
    """A normalised department name without its year of study at either end (``4vwo``
    -> ``vwo``); empty when the name does not hold the year there."""
    if name.startswith(year) and not name[len(year) :][:1].isdigit():
        return name[len(year) :]
    if name.endswith(year) and not name[: -len(year)][-1:].isdigit():
        return name[: -len(year)]
    return ""


def _add_profile(matcher: ValueMatcher, profile: Mapping[str, str], file: str) -> None:
    """Each profile target resolved through the matcher's own spellings, so that it may
    be written as a code or a name; an unknown target is refused."""
    for key, target in profile.items():
        try:
            matcher.profile[key] = matcher.match(target).target
        except InvalidValue:
            raise InvalidValue(
                "match.profile_target",
                file=file,
                field=matcher.field_name,
                value=target,
                known=", ".join(matcher.known()) or "-",
            ) from None


@dataclass
class MappingTally:
    """Which values were matched other than as written, and in how many rows: what the
    preview shows (``Afdeling '4 VWO' -> 4V (412 rijen)``)."""

    counts: Counter[tuple[str, str, str, str]] = field(default_factory=Counter)

    def note(self, column: str, text: str, found: Match) -> None:
        if found.how != EXACT and text != found.target:
            self.counts[(column, text, found.target, found.how)] += 1

    def as_json(self) -> list[dict[str, JsonValue]]:
        return [
            {"column": column, "value": text, "to": target, "how": how, "rows": rows}
            for (column, text, target, how), rows in sorted(
                self.counts.items(), key=lambda item: (item[0][0], -item[1], item[0][1])
            )
        ]
