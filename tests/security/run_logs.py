"""The logs of a test run, kept for the scan at its end (tests/security/log_scan.py).

The controller makes one folder per run and names it in ``KOPPEL_TEST_LOGS``; the xdist
workers inherit it. ``logs/`` holds the koppel loggers of each worker and the output of
every child process (portal, ``koppel`` commands); ``secrets/`` holds the passwords and
tokens that the tests made or were handed, so that the scan looks for them by value."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import uuid
from pathlib import Path

LOGS_VARIABLE = "KOPPEL_TEST_LOGS"
API_TOKEN = re.compile(r"kpl_[A-Za-z0-9_-]{43}")
GENERATED_PASSWORD = re.compile(
    r"(?<![\w-])[a-km-zA-HJ-NP-Z2-9]{4}(?:-[a-km-zA-HJ-NP-Z2-9]{4}){3}(?![\w-])"
)
"""The shape of koppel.services.accounts.passwords.generate_password's passwords."""
MINIMUM_SECRET = 10
"""Shorter values that tests hand over (a wrong token, a too short password) are no
secrets, and would match ordinary words in the logs."""


def run_folder() -> Path | None:
    value = os.environ.get(LOGS_VARIABLE)
    return Path(value) if value else None


def start_run(folder: Path) -> None:
    """Called once by the controller, before the workers start."""
    (folder / "logs").mkdir(parents=True, exist_ok=True)
    (folder / "secrets").mkdir(exist_ok=True)
    os.environ[LOGS_VARIABLE] = str(folder)


def keep_koppel_logs(worker: str) -> None:
    """Everything the koppel loggers say in this process, at DEBUG, into the run's logs."""
    folder = run_folder()
    if folder is None:
        return
    handler = logging.FileHandler(folder / "logs" / f"pytest-{worker}.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("koppel")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def child_log(kind: str) -> Path:
    """A new log file for a child process's stdout and stderr (a temporary file without a
    run, e.g. in a benchmark)."""
    folder = run_folder()
    if folder is None:
        handle, name = tempfile.mkstemp(prefix=f"koppel-{kind}-", suffix=".log")
        os.close(handle)
        return Path(name)
    return folder / "logs" / f"{kind}-{uuid.uuid4().hex[:12]}.log"


def keep_output(kind: str, heading: str, text: str) -> None:
    """Append what a finished child process wrote to this process's log of ``kind``."""
    folder = run_folder()
    if folder is None or not text:
        return
    path = folder / "logs" / f"{kind}-{os.getpid()}.log"
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {heading}\n{text}\n")


def register_secret(kind: str, value: str) -> None:
    """A secret that must never appear in a log, for the scan to look for."""
    folder = run_folder()
    if folder is None or len(value.strip()) < MINIMUM_SECRET:
        return
    with (folder / "secrets" / f"{os.getpid()}.tsv").open("a", encoding="utf-8") as kept:
        kept.write(f"{kind}\t{value.strip()}\n")


def register_secrets_in(text: str) -> None:
    """The API tokens and generated passwords that a command handed out."""
    for token in API_TOKEN.findall(text):
        register_secret("API token", token)
    for password in GENERATED_PASSWORD.findall(text):
        register_secret("password", password)
