"""Forgetting students who left (``koppel privacy forget-left``).

The portal is not the school's record-keeping system: it keeps the data of a student who
left only as long as the school set (Beheer > Instellingen, whole school years after the
school year they left in, :mod:`koppel.services.privacy.left_in`), for undo, the year
transition and a student who comes back. After that, in one transaction:

- the student row goes, with its participations, memberships, prognoses (and shares),
  package choices (and subjects) and SIS ids; its account with its sessions, tokens
  (and their stored API answers), roles, departments and failed sign-ins;
- the audit log forgets it: entries about the student or its account are removed; where
  its account is named as who did something, ``(vergeten)`` is written instead; other
  entries, change-set and run summaries lose its number, username, e-mail address and
  name (:mod:`koppel.services.privacy.scrub`); stored API answers that name it go.

One audit entry ``privacy.forget_left`` records the count and who ran it. This is no
change set and cannot be undone, by design: the data is gone. Active students are never
touched. It refuses (exit code 3) while a set of the SIS integration waits for a decision
or is being imported: such a set may mark students left or bring one back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.errors import InvalidValue, KoppelError, RefusedBySafetyRule
from koppel.domain.privacy import LEFT_SEEN_ACTION, AuditEntryValues, StatusMarking
from koppel.domain.school import SchoolYear
from koppel.domain.sis.runs import RunStatus
from koppel.domain.students import StudentStatus
from koppel.i18n import translate
from koppel.progress import NoProgress, Progress
from koppel.services.audit.entries import COMMAND_LINE_ACTOR, audit_entry
from koppel.services.privacy.left_in import LeaverEvidence, left_in, past_retention
from koppel.services.privacy.scrub import FORGOTTEN, Needles, scrub
from koppel.services.school_settings import load_school_settings
from koppel.store.chunks import CHUNK, chunks
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

ACTION = "privacy.forget_left"
UNDECIDED_RUNS = (RunStatus.PENDING, RunStatus.RUNNING, RunStatus.APPROVING)


@dataclass(frozen=True)
class Leaver:
    student_number: str
    left_in: str


@dataclass
class ForgetReport:
    school_year: str
    keep_years: int
    dry_run: bool
    left: int = 0
    """Students with status left, past the retention period or not."""
    leavers: list[Leaver] = field(default_factory=list)
    """Those past the retention period (to be) forgotten, by student number."""
    untraced: int = 0
    """Students who left without any trace of when: their period starts now (noted)."""
    written: bool = False
    removed: dict[str, int] = field(default_factory=dict)
    entries_removed: int = 0
    entries_cleaned: int = 0
    refusal: KoppelError | None = None

    @property
    def exit_code(self) -> int:
        return 0 if self.refusal is None else self.refusal.exit_code

    def as_json(self, language: str | None = None) -> dict[str, object]:
        """Counts; the student numbers only in a dry run (never names)."""
        result: dict[str, object] = {
            "written": self.written,
            "changeset": None,
            "dry_run": self.dry_run,
            "school_year": self.school_year,
            "keep_years": self.keep_years,
            "students": {
                "left": self.left,
                "forget": len(self.leavers),
                "keep": self.left - len(self.leavers),
                "untraced": self.untraced,
            },
            "removed": dict(self.removed),
            "audit_entries": {"removed": self.entries_removed, "cleaned": self.entries_cleaned},
            "undoable": False,
        }
        if self.dry_run:
            result["forget"] = [
                {"student": leaver.student_number, "left_in": leaver.left_in}
                for leaver in self.leavers
            ]
        if self.refusal is not None:
            result["refused"] = self.refusal.message(language)
        return result


def forget_left_students(
    uow: SqlAlchemyUnitOfWork,
    *,
    dry_run: bool = False,
    actor: str = COMMAND_LINE_ACTOR,
    progress: Progress | None = None,
) -> ForgetReport:
    shown = progress or NoProgress()
    with uow.transaction(write_lock=not dry_run):
        year = uow.school.current_school_year()
        keep_years = load_school_settings(uow).left_student_years
        report = ForgetReport(year.name, keep_years, dry_run)
        shown.step(translate("privacy.progress.find"), 1)
        left = uow.leavers.left_students()
        evidence = _evidence(uow, left)
        shown.advance()
        report.left = len(left)
        untraced = sorted(n for n in left if not evidence[n].has_trace)
        report.untraced = len(untraced)
        for number in sorted(left):
            since = left_in(evidence[number], year)
            if past_retention(since, year, keep_years):
                report.leavers.append(Leaver(number, since.name))
        if uow.sis_runs.with_status(*UNDECIDED_RUNS):
            report.refusal = RefusedBySafetyRule("privacy.pending_run")
        if dry_run or report.refusal is not None:
            return report
        uow.audit.add_many(
            [
                audit_entry(
                    LEFT_SEEN_ACTION, "student", n, actor=actor, after={"school_year": year.name}
                )
                for n in untraced
            ]
        )
        if report.leavers:
            _forget(uow, report, [left[leaver.student_number] for leaver in report.leavers], shown)
            uow.audit.add_many(
                [
                    audit_entry(
                        ACTION,
                        "students",
                        StudentStatus.LEFT.value,
                        actor=actor,
                        after={
                            "students": len(report.leavers),
                            "school_year": year.name,
                            "keep_years": keep_years,
                        },
                    )
                ]
            )
        uow.commit()
        report.written = bool(report.leavers or untraced)
    return report


def _evidence(uow: SqlAlchemyUnitOfWork, left: dict[str, int]) -> dict[str, LeaverEvidence]:
    numbers_by_id = {student_id: number for number, student_id in left.items()}
    last = {
        numbers_by_id[student_id]: year
        for student_id, year in uow.leavers.last_record_years(list(left.values())).items()
    }
    marked: dict[str, SchoolYear] = {}
    for marking in uow.leavers.status_changes(list(left)):
        after = marking.after or {}
        if after.get("status") != StudentStatus.LEFT.value:
            continue
        year = _year_of(marking)
        known = marked.get(marking.student_number)
        if known is None or year.start_year > known.start_year:
            marked[marking.student_number] = year
    noted = {n: SchoolYear(name) for n, name in uow.leavers.notes(list(left)).items()}
    return {
        number: LeaverEvidence(last.get(number), marked.get(number), noted.get(number))
        for number in left
    }


def _year_of(marking: StatusMarking) -> SchoolYear:
    """The marking change set's school year; by its date when it names none."""
    if marking.school_year is not None:
        try:
            return SchoolYear(marking.school_year)
        except InvalidValue:
            pass
    return SchoolYear.containing(marking.at.date())


def _forget(
    uow: SqlAlchemyUnitOfWork, report: ForgetReport, student_ids: list[int], shown: Progress
) -> None:
    numbers = [leaver.student_number for leaver in report.leavers]
    shown.step(translate("privacy.progress.remove"), len(student_ids))
    usernames: list[str] = []
    names: list[str] = []
    for part in chunks(student_ids):
        found, written = uow.forgetting.identities(part)
        usernames.extend(found)
        names.extend(written)
        for counts in (
            uow.forgetting.remove_accounts(part, found),
            uow.forgetting.remove_students(part),
        ):
            for name, count in counts.items():
                report.removed[name] = report.removed.get(name, 0) + count
        shown.advance(len(part))
    report.removed["roster_ids"] = uow.forgetting.remove_sis_ids(numbers)
    report.entries_removed = uow.forgetting.remove_entries_about(numbers, usernames)
    report.entries_cleaned = uow.forgetting.replace_actor(usernames, FORGOTTEN)
    needles = Needles([*numbers, *usernames, *names])
    _clean_other_entries(uow, report, needles, shown)
    for summary in uow.forgetting.summaries():
        cleaned = scrub(summary.value, needles)
        if cleaned == summary.value:
            continue
        if summary.table == "idempotency_keys":
            uow.forgetting.remove_summary(summary)
        else:
            uow.forgetting.set_summary(summary.with_value(cleaned))


def _clean_other_entries(
    uow: SqlAlchemyUnitOfWork, report: ForgetReport, needles: Needles, shown: Progress
) -> None:
    """Entries about groups, SIS ids and the like: those keyed by a forgotten student
    go, the others lose what names one."""
    shown.step(translate("privacy.progress.history"), uow.forgetting.count_other_entries())
    for batch in uow.forgetting.other_entries(CHUNK):
        doomed: list[int] = []
        changed: list[AuditEntryValues] = []
        for entry in batch:
            if needles.mentioned_in(entry.key):
                doomed.append(entry.id)
                continue
            before, after = scrub(entry.before, needles), scrub(entry.after, needles)
            if (before, after) != (entry.before, entry.after):
                changed.append(AuditEntryValues(entry.id, entry.key, before, after))
        report.entries_removed += uow.forgetting.remove_entries(doomed)
        uow.forgetting.set_entry_values(changed)
        report.entries_cleaned += len(changed)
        shown.advance(len(batch))
