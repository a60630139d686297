"""The scan of a test run's logs for secrets and personal data (issue 9: tokens and
passwords never in logs, nor addresses).

It looks for two things. Values: the secrets the tests registered (run_logs.py), the
tokens that project files keep, and the personal data of every person in the run's SQLite
databases (portal databases and project files): street and house number, postcode, e-mail
address, birth date, full name. Shapes that cannot be anything else: koppel's API tokens,
argon2 hashes, TOTP secrets and ``otpauth://`` addresses, session cookies, CSRF tokens,
the project app's key and passwords in a query or form, e-mail addresses and Dutch
postcodes. A finding names the log file and line and shows only the start of what it
found."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("API token", re.compile(r"kpl_[A-Za-z0-9_-]{16,}")),
    ("argon2 hash", re.compile(r"\$argon2(?:id|i|d)\$\S+")),
    ("TOTP secret", re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{32}(?![A-Za-z0-9])")),
    ("TOTP secret", re.compile(r"(?<![A-Z2-7] )\b(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}\b")),
    ("TOTP address", re.compile(r"otpauth://\S+")),
    ("session token", re.compile(r"koppel_session=[^;\s&\"']+")),
    ("CSRF token", re.compile(r"csrf_token=[^;\s&\"']+")),
    ("project key", re.compile(r"sleutel=[^;\s&\"']+")),
    ("password", re.compile(r"(?i)(?:password|wachtwoord)=[^;\s&\"']+")),
    ("password", re.compile(r"(?i)[\"'](?:password|wachtwoord)[\"']\s*:\s*[\"'][^\"']+")),
    (
        "e-mail address",
        re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}"),
    ),
    ("postcode", re.compile(r"\b[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}\b")),
)

WORD = re.compile(r"\w+")
MINIMUM_VALUE = 6
"""Shorter values (a house number, a short name) would match ordinary words."""

PEOPLE_TABLES = ("students", "staff_members", "accounts")
PERSONAL_COLUMNS = ("street", "house_number", "postcode", "email", "birth_date")
NAME_COLUMNS = ("first_name", "infix", "last_name")
LETTERS = re.compile(r"[^\W\d_]{2}")
POSTCODE = re.compile(r"[1-9][0-9]{3} ?[A-Za-z]{2}")


@dataclass(frozen=True)
class Finding:
    file: Path
    line: int
    kind: str
    start: str
    """The first characters of what was found, never the whole secret."""

    def describe(self, root: Path) -> str:
        where = self.file.relative_to(root) if self.file.is_relative_to(root) else self.file
        return f"{where}:{self.line}: {self.kind} ({self.start}...)"


def shown(value: str) -> str:
    return value[: min(4, len(value) // 3)]


def words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text.lower()))


class Needles:
    """Known values, as sequences of words: found in a line word for word, so that
    ``Kerkstraat 12`` is not found in ``Kerkstraat 123``."""

    def __init__(self) -> None:
        self._by_first: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)

    def add(self, kind: str, value: str) -> None:
        sequence = words(value)
        if len(value.strip()) >= MINIMUM_VALUE and sequence:
            self._by_first[sequence[0]].setdefault(sequence, kind)

    def __len__(self) -> int:
        return sum(len(known) for known in self._by_first.values())

    def found_in(self, line: str) -> Iterator[tuple[str, str]]:
        said = words(line)
        for start, word in enumerate(said):
            for sequence, kind in self._by_first.get(word, {}).items():
                if said[start : start + len(sequence)] == sequence:
                    yield kind, " ".join(sequence)


def registered_secrets(folder: Path, needles: Needles) -> None:
    """The secrets that the tests registered (one ``kind<TAB>value`` a line)."""
    for path in sorted(folder.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            kind, _, value = line.partition("\t")
            needles.add(kind, value)


def stored_values(databases: Iterable[Path], needles: Needles) -> None:
    """Street and number, postcode, e-mail, birth date and full name of every person in
    the SQLite databases (portal databases and project files), and the projects' tokens."""
    for path in databases:
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
                for table in PEOPLE_TABLES:
                    _people(db, table, needles)
                _project_token(db, needles)
        except sqlite3.DatabaseError:
            continue  # not a database after all, or one a test left broken on purpose


def _project_token(db: sqlite3.Connection, needles: Needles) -> None:
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'project_settings'").fetchone():
        for (token,) in db.execute("SELECT value FROM project_settings WHERE name = 'token'"):
            needles.add("API token", str(token))


def _people(db: sqlite3.Connection, table: str, needles: Needles) -> None:
    columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    wanted = [c for c in (*PERSONAL_COLUMNS, *NAME_COLUMNS) if c in columns]
    if not wanted:
        return
    for row in db.execute(f"SELECT {', '.join(wanted)} FROM {table}"):
        _person({name: str(value or "") for name, value in zip(wanted, row, strict=True)}, needles)


def _person(person: dict[str, str], needles: Needles) -> None:
    """Only values that look like what they are: the fuzz tests' people have names and
    streets like ``0`` or ``%`` that would match ordinary words of a log."""
    street, number = person.get("street", ""), person.get("house_number", "")
    if LETTERS.search(street) and number[:1].isdigit():
        needles.add("street address", f"{street} {number}")
    postcode = person.get("postcode", "")
    if POSTCODE.fullmatch(postcode):
        needles.add("postcode", postcode)
        needles.add("postcode", postcode.replace(" ", ""))
    if "@" in person.get("email", ""):
        needles.add("e-mail address", person["email"])
    born = person.get("birth_date", "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", born):
        needles.add("birth date", born)
        needles.add("birth date", "-".join(reversed(born.split("-"))))
    first, last = person.get("first_name", ""), person.get("last_name", "")
    if LETTERS.search(first) and LETTERS.search(last):
        name = " ".join(person.get(part, "") for part in NAME_COLUMNS).split()
        needles.add("full name", " ".join(name))


def sqlite_files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        if path.suffix in {".db", ".koppel", ".sqlite"} and path.is_file():
            with path.open("rb") as file:
                if file.read(16) == b"SQLite format 3\x00":
                    yield path


def scan_file(path: Path, needles: Needles) -> Iterator[Finding]:
    with path.open(encoding="utf-8", errors="replace") as log:
        for number, line in enumerate(log, start=1):
            for kind, pattern in SHAPES:
                for match in pattern.finditer(line):
                    yield Finding(path, number, kind, shown(match.group()))
            for kind, value in needles.found_in(line):
                yield Finding(path, number, kind, shown(value))


def scan(logs: Path, needles: Needles) -> list[Finding]:
    """Every finding in every file under ``logs``, in file and line order."""
    found: list[Finding] = []
    for path in sorted(p for p in logs.rglob("*") if p.is_file()):
        found.extend(scan_file(path, needles))
    return found


def scan_run(run: Path, databases_root: Path) -> tuple[list[Finding], int]:
    """The scan at the end of a test run: its findings, and how many values it knew."""
    needles = Needles()
    registered_secrets(run / "secrets", needles)
    stored_values(sqlite_files(databases_root), needles)
    return scan(run / "logs", needles), len(needles)


def report(findings: list[Finding], root: Path, *, limit: int = 40) -> str:
    lines = [f"{len(findings)} secret(s) or personal data found in the logs under {root}:"]
    lines += [f"  {finding.describe(root)}" for finding in findings[:limit]]
    if len(findings) > limit:
        lines.append(f"  ... and {len(findings) - limit} more")
    lines.append(
        "The run fails: koppel must log no token, password or personal data "
        "(each line shows only the start of what was found; see tests/security/log_scan.py)."
    )
    return "\n".join(lines)
