"""The demo project's differences: the portal's rows, turned into a scheduler's project
that was synced with the portal some time ago and has drifted since, on both sides.

Pure and deterministic for a seed: rows in (what the portal holds now), rows out (what
the project and its sync base hold). A portal change is an older value in both project
and base; a project change is a new value in the project only; a conflict is an old
value in the base and another one in the project.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from koppel.domain.sync.domains import PERSONAL_FIELDS, Fields, Key, Lead, SyncDomain, Value
from koppel.services.demo.catalog import DEPARTMENTS, STUDENT_MAIL_DOMAIN
from koppel.services.demo.people import PeopleFactory

Rows = dict[Key, Fields]

EMAIL_PROPERTY = "#EMAIL"
"""The project's extra property that gives a new student's email on upload (seed 000)."""
NEW_NUMBERS = range(900_000, 1_000_000)
"""Project-only students get numbers the demo never hands out (its numbers stay below
10,000 + 3 x 250,000 + 100)."""
NEW_CLUSTER_SUBJECTS = ("filo", "lat", "bsm", "maw")

NEW_IN_PORTAL = 0.02
PERSONAL_CHANGED = 0.03
NEW_ROUND = 0.10
NEW_PACKAGES = 0.08
NEW_EXEMPTIONS = 0.01
HOME_CLASS_MOVES = 0.05
CLUSTER_EDITS = 0.05
LWOO_CHANGED = 0.02
PARTICIPATION_CHANGED = 0.01
PROJECT_ONLY = 0.01

_LAST_NAME = PERSONAL_FIELDS.index("last_name")
_ADDRESS = tuple(PERSONAL_FIELDS.index(name) for name in ("street", "house_number", "postcode"))
_CITY = PERSONAL_FIELDS.index("city")
_YEAR_OF = {d.code: d.year for d in DEPARTMENTS}


@dataclass
class ProjectRows:
    """What the project file gets: its rows and its base per domain, extra properties."""

    project: dict[SyncDomain, Rows]
    base: dict[SyncDomain, Rows]
    extra: Rows = field(default_factory=dict)
    """(number, property name) -> (value,)."""
    planted: Counter[str] = field(default_factory=Counter)
    """How many differences of each kind were made."""

    def students(self) -> Rows:
        """Full student rows (personal data and LWOO) of the project."""
        lwoo = self.project[SyncDomain.LWOO]
        return {
            key: (*personal, bool(lwoo.get(key, (False,))[0]))
            for key, personal in self.project[SyncDomain.PERSONAL_DATA].items()
        }


def _sample(rng: random.Random, candidates: Iterable[Key], share: float) -> list[Key]:
    pool = sorted(candidates, key=lambda key: (key[0], key[1] or ""))
    count = min(len(pool), round(len(pool) * share))
    return sorted(rng.sample(pool, count), key=lambda key: (key[0], key[1] or ""))


def _both(changes: ProjectRows, domain: SyncDomain, key: Key, values: Fields | None) -> None:
    """An older value on the project's side and in the base: the portal changed it."""
    for side in (changes.project[domain], changes.base[domain]):
        if values is None:
            side.pop(key, None)
        else:
            side[key] = values


def _parse_shares(text: str) -> list[tuple[str, int]]:
    pairs = [part.rsplit(" ", 1) for part in text.split(" / ") if part]
    return [(code, int(pct)) for code, pct in pairs]


def _round(values: Fields) -> int:
    round_ = values[0]
    return round_ if isinstance(round_, int) else 0


def _names(value: Value) -> tuple[str, ...]:
    """A list field's names (cluster groups, exemptions)."""
    return tuple(str(name) for name in value) if isinstance(value, tuple) else ()


def _shares_text(pairs: Iterable[tuple[str, int]]) -> str:
    return " / ".join(f"{code} {pct}" for code, pct in sorted(pairs))


class _Planter:
    def __init__(
        self, seed: int, portal: Mapping[SyncDomain, Rows], leads: Mapping[str, Lead]
    ) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic demo data  # nosec B311
        self.people = PeopleFactory(self.rng)
        self.portal = portal
        self.leads = leads
        numbers = sorted(key[0] for key in portal[SyncDomain.STUDENTS])
        new = {key[0] for key in _sample(self.rng, ((n, None) for n in numbers), NEW_IN_PORTAL)}
        self.synced = [number for number in numbers if number not in new]
        kept = set(self.synced)
        copy = {
            domain: {k: v for k, v in rows.items() if k[0] in kept}
            for domain, rows in portal.items()
        }
        self.changes = ProjectRows(copy, {domain: dict(rows) for domain, rows in copy.items()})
        self.changes.planted["students_new_in_portal"] = len(new)
        self.taken: dict[SyncDomain, set[str]] = {domain: set() for domain in SyncDomain}
        self.departments_of: dict[str, set[str]] = defaultdict(set)
        for number, code in portal[SyncDomain.DEPARTMENT_PARTICIPATION]:
            self.departments_of[number].add(str(code))

    def free(self, domain: SyncDomain, keys: Iterable[Key]) -> list[Key]:
        return [key for key in keys if key[0] not in self.taken[domain]]

    def take(self, domain: SyncDomain, keys: Sequence[Key]) -> Sequence[Key]:
        self.taken[domain] |= {key[0] for key in keys}
        return keys

    # --- personal data and prognoses, with the conflicts ---------------------------------

    def older_personal(self, values: Fields) -> Fields:
        """An earlier last name, or an earlier address (a student who moved)."""
        if self.rng.random() < 0.4:
            return self.renamed(values, values)
        older = list(values)
        address = self.people.address()
        for index, value in zip(
            _ADDRESS, (address.street, address.house_number, address.postcode), strict=True
        ):
            older[index] = value
        if self.rng.random() < 0.5:
            older[_CITY] = address.city
        return tuple(older)

    def renamed(self, values: Fields, *avoid: Fields) -> Fields:
        """``values`` with a last name none of ``avoid`` has."""
        changed = list(values)
        changed[_LAST_NAME] = self.other_last_name(*avoid)
        return tuple(changed)

    def other_last_name(self, *avoid: Fields) -> str:
        while True:
            name = self.people.person().last_name
            if all(name != values[_LAST_NAME] for values in avoid):
                return name

    def other_shares(self, key: Key, shares: str, *avoid: str) -> str:
        """Another prognosis for the student: decided where it is undecided, undecided
        or another department of the same year where it is decided."""
        pairs = _parse_shares(shares)
        if len(pairs) > 1:
            options = [_shares_text([(code, 100)]) for code, _pct in pairs]
        else:
            target = pairs[0][0] if pairs else ""
            year = _YEAR_OF.get(target)
            others = {d.code for d in DEPARTMENTS if d.year == year} | self.departments_of[key[0]]
            options = [
                _shares_text(pick)
                for other in sorted(others - {target, ""})
                for pick in ([(other, 100)], [(target, 50), (other, 50)])
            ]
        allowed = [text for text in options if text != shares and text not in avoid]
        return self.rng.choice(allowed or ["3M 100"])

    def older_prognosis(self, key: Key, values: Fields) -> Fields:
        previous = max(1, _round(values) - 1)
        return (previous, "", self.other_shares(key, str(values[2])))

    def conflicts(self) -> None:
        count = self.rng.choice((2, 3))
        kinds = [SyncDomain.PERSONAL_DATA, SyncDomain.PROGNOSES]
        if count == 3:
            kinds.append(self.rng.choice(kinds))
        for domain in kinds:
            rows = self.changes.project[domain]
            candidates = self.free(domain, rows)
            if domain is SyncDomain.PROGNOSES:
                later = [key for key in candidates if _round(rows[key]) > 1]
                candidates = later or candidates
            if not candidates:
                continue
            key = self.take(domain, [self.rng.choice(candidates)])[0]
            current = rows[key]
            if domain is SyncDomain.PERSONAL_DATA:
                base = self.renamed(current, current)
                project = self.renamed(current, current, base)
            else:
                base = self.older_prognosis(key, current)
                project = (base[0], base[1], self.other_shares(key, str(current[2]), str(base[2])))
            self.changes.base[domain][key] = base
            self.changes.project[domain][key] = project
            self.changes.planted[f"{domain.value}_conflict"] += 1

    def personal_data(self) -> None:
        domain = SyncDomain.PERSONAL_DATA
        rows = self.changes.project[domain]
        for key in self.take(domain, _sample(self.rng, self.free(domain, rows), PERSONAL_CHANGED)):
            _both(self.changes, domain, key, self.older_personal(rows[key]))
            self.changes.planted["personal_data_changed_in_portal"] += 1

    def prognoses(self) -> None:
        domain = SyncDomain.PROGNOSES
        rows = self.changes.project[domain]
        later = [key for key in self.free(domain, rows) if _round(rows[key]) > 1]
        wanted = round(len(rows) * NEW_ROUND)
        share = min(1.0, wanted / len(later)) if later else 0.0
        for key in self.take(domain, _sample(self.rng, later, share)):
            _both(self.changes, domain, key, self.older_prognosis(key, rows[key]))
            self.changes.planted["prognoses_new_round"] += 1

    # --- package choices, LWOO, participations ----------------------------------------

    def packages(self) -> None:
        domain = SyncDomain.PACKAGE_CHOICES
        rows = self.changes.project[domain]
        total = len(rows)
        for key in self.take(domain, _sample(self.rng, rows, NEW_PACKAGES)):
            _both(self.changes, domain, key, None)
            self.changes.planted["packages_new"] += 1
        exempted = [key for key in self.free(domain, rows) if rows[key][2]]
        share = min(1.0, max(1, round(total * NEW_EXEMPTIONS)) / len(exempted)) if exempted else 0
        for key in self.take(domain, _sample(self.rng, exempted, share)):
            profile, subjects, listed = rows[key]
            exemptions = _names(listed)
            dropped = self.rng.choice(exemptions)
            fewer = tuple(name for name in exemptions if name != dropped)
            _both(self.changes, domain, key, (profile, subjects, fewer))
            self.changes.planted["packages_exemption"] += 1

    def lwoo(self) -> None:
        domain = SyncDomain.LWOO
        rows = self.changes.project[domain]
        for key in self.take(domain, _sample(self.rng, rows, LWOO_CHANGED)):
            _both(self.changes, domain, key, (not rows[key][0],))
            self.changes.planted["lwoo_changed_in_portal"] += 1

    def participations(self, departments: Sequence[str]) -> None:
        """A student moved to another department of the same year (4V -> 4H, say): the
        project and base still have the old one."""
        domain = SyncDomain.DEPARTMENT_PARTICIPATION
        rows = self.changes.project[domain]
        movable = [
            key
            for key in rows
            if key[1] in departments and self._siblings(key[1], departments) and rows[key] == (100,)
        ]
        for key in self.take(domain, _sample(self.rng, movable, PARTICIPATION_CHANGED)):
            code = str(key[1])
            older = (key[0], self.rng.choice(self._siblings(code, departments)))
            _both(self.changes, domain, key, None)
            _both(self.changes, domain, older, (100,))
            self.changes.planted["participation_changed_in_portal"] += 1

    @staticmethod
    def _siblings(code: str | None, departments: Sequence[str]) -> list[str]:
        year = _YEAR_OF.get(code or "")
        return sorted(c for c in departments if _YEAR_OF.get(c) == year and c != code)

    # --- group assignments ------------------------------------------------------------

    def home_classes(self) -> None:
        domain = SyncDomain.HOME_CLASSES
        rows = self.changes.project[domain]
        names: dict[str, set[str]] = {}
        for (_number, code), (name,) in self.portal[domain].items():
            names.setdefault(str(code), set()).add(str(name))
        for lead in (Lead.PORTAL, Lead.PROJECT):
            led = [key for key in rows if self.leads.get(str(key[1])) is lead]
            for key in self.take(
                domain, _sample(self.rng, self.free(domain, led), HOME_CLASS_MOVES)
            ):
                code, current = str(key[1]), str(rows[key][0])
                others = sorted(names[code] - {current}) or [f"{code}{len(names[code]) + 1}"]
                other = (self.rng.choice(others),)
                if lead is Lead.PORTAL:
                    _both(self.changes, domain, key, other)
                    self.changes.planted["home_classes_changed_in_portal"] += 1
                else:
                    rows[key] = other
                    self.changes.planted["home_classes_changed_in_project"] += 1

    def cluster_groups(self) -> None:
        domain = SyncDomain.CLUSTER_GROUPS
        rows = self.changes.project[domain]
        existing = sorted({g for values in self.portal[domain].values() for g in _names(values[0])})
        for key in self.take(domain, _sample(self.rng, rows, CLUSTER_EDITS)):
            groups = _names(rows[key][0])
            group = self.rng.choice(groups)
            department, _dot, rest = group.partition(".")
            subject = rest.rstrip("0123456789")
            if self.rng.random() < 0.5:
                stem = f"{department}.{subject}"
                same = [g for g in existing if g.rstrip("0123456789") == stem]
                others = sorted(set(same) - set(groups)) or [f"{stem}9"]
                changed = (*[g for g in groups if g != group], self.rng.choice(others))
            else:
                subject = self.rng.choice(NEW_CLUSTER_SUBJECTS)
                changed = (*groups, f"{department}.{subject}1")
            rows[key] = (tuple(sorted(set(changed))),)
            self.changes.planted["cluster_groups_changed_in_project"] += 1

    # --- students -------------------------------------------------------------------

    def project_only(self, departments: Sequence[str]) -> None:
        count = max(2, round(len(self.synced) * PROJECT_ONLY))
        numbers = sorted(f"{n:06d}" for n in self.rng.sample(NEW_NUMBERS, count))
        project = self.changes.project
        for index, number in enumerate(numbers):
            key: Key = (number, None)
            person = self.people.person()
            address = self.people.address()
            project[SyncDomain.STUDENTS][key] = (True,)
            project[SyncDomain.PERSONAL_DATA][key] = (
                person.first_name,
                person.infix,
                person.last_name,
                person.gender.value,
                address.street,
                address.house_number,
                address.postcode,
                address.city,
                "",
                "",
            )
            project[SyncDomain.LWOO][key] = (False,)
            department = self.rng.choice(list(departments))
            project[SyncDomain.DEPARTMENT_PARTICIPATION][(number, department)] = (100,)
            if index % 2 == 0:
                email = f"{number}@{STUDENT_MAIL_DOMAIN}"
                self.changes.extra[(number, EMAIL_PROPERTY)] = (email,)
                self.changes.planted["students_project_only_with_email"] += 1
        self.changes.planted["students_project_only"] = count


def plant_differences(
    portal: Mapping[SyncDomain, Rows],
    leads: Mapping[str, Lead],
    departments: Sequence[str],
    *,
    seed: int,
) -> ProjectRows:
    """The project and base rows for the portal's ``portal`` rows (every domain, as
    ``to_rows`` gives them), with realistic differences in every domain."""
    planter = _Planter(seed, portal, leads)
    planter.conflicts()
    planter.personal_data()
    planter.prognoses()
    planter.packages()
    planter.lwoo()
    planter.participations(departments)
    planter.home_classes()
    planter.cluster_groups()
    planter.project_only(departments)
    return planter.changes
