"""A students file's department, home class and gender, matched to the school's own
(:mod:`koppel.files.matching`), and what was matched how, for the preview."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.groups import department_of_group
from koppel.domain.school import Department
from koppel.files.columns import Column
from koppel.files.headers import DUTCH_NAMES
from koppel.files.matching import (
    EXACT,
    MappingTally,
    Match,
    ValueMatcher,
    department_matcher,
    gender_matcher,
    group_matcher,
    new_group_name,
)
from koppel.files.problems import ImportFileError
from koppel.services.imports.rows import ParsedRow, ParsedTable, RowProblems


@dataclass
class StudentValues:
    """The matchers of one import, and the tally of what they matched."""

    table: ParsedTable
    departments: ValueMatcher
    groups: ValueMatcher
    genders: ValueMatcher
    department_codes: set[str]
    group_departments: Mapping[str, str]
    tally: MappingTally = field(default_factory=MappingTally)

    @classmethod
    def of(
        cls,
        table: ParsedTable,
        departments: Iterable[Department],
        group_departments: Mapping[str, str],
        *,
        profile_file: str,
    ) -> StudentValues:
        """Raises :class:`ImportFileError` naming the profile when its ``[values]`` table
        maps to a department or gender that does not exist."""
        known = list(departments)
        chosen = table.profile.values if table.profile is not None else {}
        try:
            return cls(
                table,
                department_matcher(
                    known,
                    chosen.get(Column.DEPARTMENT, {}),
                    field_name=DUTCH_NAMES[Column.DEPARTMENT],
                    profile_file=profile_file,
                ),
                group_matcher(
                    group_departments,
                    chosen.get(Column.GROUP, {}),
                    field_name=DUTCH_NAMES[Column.GROUP],
                ),
                gender_matcher(
                    chosen.get(Column.GENDER, {}),
                    field_name=DUTCH_NAMES[Column.GENDER],
                    profile_file=profile_file,
                ),
                {d.code for d in known},
                group_departments,
            )
        except InvalidValue as error:
            name = error.params.get("field")
            raise ImportFileError(
                error.code,
                file=profile_file,
                column=f"values.{name}",
                field=name,
                value=error.params.get("value"),
                known=error.params.get("known"),
            ) from None

    def _note(self, column: Column, text: str, found: Match) -> None:
        self.tally.note(self.table.header(column), text, found)

    def gender(self, row: ParsedRow, problems: RowProblems) -> str:
        """M, V or X; an empty cell is X."""
        return self._matched(Column.GENDER, row.text(Column.GENDER), self.genders, problems) or "X"

    def placement(
        self, row: ParsedRow, present: set[Column], problems: RowProblems
    ) -> dict[str, JsonValue]:
        """This year's department and home class; the department comes from its column,
        or else from the class (an existing class's department, or its name: 4V2 is in
        4V)."""
        department = self._department(row, present, problems)
        group = self._group(row, present, problems)
        known = self.group_departments
        if group and not department and not row.text(Column.DEPARTMENT):
            department = known.get(group) or department_of_group(group, self.department_codes)
            if not department:
                problems.message(Column.GROUP, "import.group_without_department", group=group)
        if known.get(group, "") not in ("", department) and department:
            problems.message(
                Column.GROUP,
                "import.group_other_department",
                group=group,
                department=known[group],
                given=department,
            )
        placement: dict[str, JsonValue] = {}
        if department:
            placement["department"] = department
        if group:
            placement["home_class"] = group
        return placement

    def _department(self, row: ParsedRow, present: set[Column], problems: RowProblems) -> str:
        text = row.text(Column.DEPARTMENT) if Column.DEPARTMENT in present else ""
        return self._matched(Column.DEPARTMENT, text, self.departments, problems)

    def _matched(
        self, column: Column, text: str, matcher: ValueMatcher, problems: RowProblems
    ) -> str:
        """The school's value for ``text`` (noted when it was read otherwise); empty for
        an empty cell or, with the problem added, an unknown value."""
        if not text:
            return ""
        try:
            found = matcher.match(text)
        except InvalidValue as error:
            problems.add(column, error)
            return ""
        self._note(column, text, found)
        return found.target

    def _group(self, row: ParsedRow, present: set[Column], problems: RowProblems) -> str:
        text = row.text(Column.GROUP) if Column.GROUP in present else ""
        if not text:
            return ""
        try:
            found = self.groups.find(text)
        except InvalidValue as error:
            problems.add(Column.GROUP, error)
            return ""
        if found is None:  # a new class: later rows reach it in any spelling
            name = new_group_name(text, self.department_codes)
            self.groups.add(name, name, "spelling")
            found = Match(name, EXACT if name == text else "new")
        self._note(Column.GROUP, text, found)
        return found.target
