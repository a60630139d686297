"""One upload of the connector (``POST /api/v1/uploads``): new students, home classes and
cluster groups in one transaction and one change set, so ``koppel undo`` or the API's
undo reverses all of it.

Every item is checked as the single routes check it (see :mod:`.changes`), in the
order students, home classes, cluster groups; an item may name a student that an earlier
item of the same upload makes (its version is then 0). When any item is refused nothing
is written and :class:`UploadRefused` lists every refused item, so the client can leave
those out and send the rest again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from koppel.domain.accounts import TokenScope
from koppel.domain.audit import JsonValue
from koppel.domain.errors import KoppelError
from koppel.domain.text import clean_text
from koppel.services.audit.change_sets import STUDENT_ENTITY, ChangeRecorder
from koppel.services.connector_api.changes import (
    ClusterGroupsChange,
    HomeClassChange,
    NewStudentRequest,
    PortalState,
    check_cluster_groups,
    check_home_class,
    check_new_student,
    department_code,
    versions_after,
    write_cluster_groups,
    write_groups,
    write_home_classes,
    write_new_students,
)
from koppel.services.connector_api.refusals import StaleVersion, Unprocessable
from koppel.services.connector_api.writes import Operation, WriteAnswer
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

MAX_ITEMS = 20_000
"""Items per list of one upload."""


@dataclass(frozen=True)
class Upload:
    school_year: str | None
    students: Sequence[NewStudentRequest] = ()
    home_classes: Sequence[HomeClassChange] = ()
    cluster_groups: Sequence[ClusterGroupsChange] = ()


@dataclass(frozen=True)
class ItemRefusal:
    list: str
    """``students``, ``home_classes`` or ``cluster_groups``."""
    index: int
    student: str
    error: KoppelError
    current_version: int | None
    """The student's version in the portal (None when it has no student)."""

    @property
    def is_stale(self) -> bool:
        return isinstance(self.error, StaleVersion)


class UploadRefused(KoppelError):
    """Items of an upload that were refused; nothing was written."""

    exit_code = 2

    def __init__(self, refusals: Sequence[ItemRefusal], items: int) -> None:
        self.refusals = list(refusals)
        self.all_stale = all(refusal.is_stale for refusal in self.refusals)
        code = "api.upload_stale" if self.all_stale else "api.upload_refused"
        super().__init__(code, refused=len(self.refusals), items=items)


Item = TypeVar("Item")
Plan = TypeVar("Plan")


class _Checker:
    """Checks the items of the lists in turn and keeps every refusal."""

    def __init__(self, state: PortalState) -> None:
        self.state = state
        self.refusals: list[ItemRefusal] = []

    def check(
        self,
        name: str,
        items: Sequence[Item],
        student: Callable[[Item], str],
        key: Callable[[Item], Hashable],
        check: Callable[[PortalState, Item], Plan],
    ) -> list[Plan]:
        plans: list[Plan] = []
        first: dict[Hashable, int] = {}
        for index, item in enumerate(items):
            number = student(item)
            try:
                if key(item) in first:
                    raise Unprocessable(
                        "api.upload_duplicate", list=name, first=first[key(item)], student=number
                    )
                first[key(item)] = index
                plans.append(check(self.state, item))
            except KoppelError as error:
                self.refuse(name, index, number, error)
        return plans

    def refuse(self, name: str, index: int, number: str, error: KoppelError) -> None:
        if isinstance(error, StaleVersion):  # the upload's words, not If-Match's
            error = StaleVersion(
                error.student, error.expected, error.current, code="api.item_version_stale"
            )
        current = self.state.current_version(number)
        self.refusals.append(ItemRefusal(name, index, number, error, current))


def upload(request: Upload, *, token: TokenScope) -> Operation:
    """All of ``request`` in the change set of ``recorder``, or nothing; every item within
    ``token``'s departments."""

    def run(uow: SqlAlchemyUnitOfWork, recorder: ChangeRecorder) -> WriteAnswer:
        numbers = {clean_text(s.student_number) for s in request.students}
        named = (
            numbers
            | {item.student for item in request.home_classes}
            | {item.student for item in request.cluster_groups}
        )
        groups = {clean_text(item.home_class or "") for item in request.home_classes} | {
            clean_text(name) for item in request.cluster_groups for name in item.groups
        }
        state = PortalState.read(
            uow, request.school_year, students=named, groups=groups - {""}, token=token
        )
        checker = _Checker(state)
        students = checker.check(
            "students",
            request.students,
            lambda s: s.student_number,
            lambda s: clean_text(s.student_number),
            check_new_student,
        )
        home_classes = checker.check(
            "home_classes",
            request.home_classes,
            lambda h: h.student,
            lambda h: (h.student, department_code(h.department)),
            check_home_class,
        )
        cluster_groups = checker.check(
            "cluster_groups",
            request.cluster_groups,
            lambda c: c.student,
            lambda c: c.student,
            check_cluster_groups,
        )
        if checker.refusals:
            items = len(request.students) + len(request.home_classes)
            raise UploadRefused(checker.refusals, items + len(request.cluster_groups))
        write_new_students(state, recorder, students)
        write_groups(state, recorder)
        counts: dict[str, JsonValue] = {
            "created": len(students),
            "home_classes": write_home_classes(state, recorder, home_classes),
            "cluster_groups": write_cluster_groups(state, recorder, cluster_groups),
        }
        changeset = None
        if recorder.entries:
            touched = {e.key for e in recorder.entries if e.entity == STUDENT_ENTITY}
            summary = {"school_year": state.year.name, "students": len(touched), **counts}
            changeset = recorder.save(uow, summary)
        versions: dict[str, JsonValue] = dict(versions_after(uow, named))
        body: dict[str, JsonValue] = {
            "changeset": changeset,
            "school_year": state.year.name,
            **counts,
            "versions": versions,
        }
        return WriteAnswer(200, body)

    return run
