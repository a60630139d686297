"""Runs the real ``koppel`` command in a child process, as a user would."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any

from tests.security.run_logs import keep_output, register_secret, register_secrets_in


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def _environment(
    database: str | None, lang: str, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env.update(extra or {})
    env["KOPPEL_LANG"] = lang
    env["COLUMNS"] = "200"
    if database is not None:
        env["KOPPEL_DATABASE_URL"] = database
    return env


def started(*args: str, database: str | None = None, lang: str = "nl") -> subprocess.Popen[str]:
    """``koppel *args`` started in a child process, not waited for: :func:`finished`."""
    return subprocess.Popen(
        [sys.executable, "-m", "koppel", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(database, lang),
    )


def finished(process: subprocess.Popen[str]) -> Run:
    out, err = process.communicate(timeout=300)
    args = tuple(str(arg) for arg in process.args)[3:]  # type: ignore[union-attr]
    _keep_for_the_log_scan(args, None, out, err, process.returncode)
    return Run(process.returncode, out, err)


def koppel(
    *args: str,
    database: str | None = None,
    stdin: str | None = None,
    lang: str = "nl",
    env: dict[str, str] | None = None,
) -> Run:
    """``koppel *args`` as a user runs it; ``env`` adds settings (``KOPPEL_...``)."""
    env = _environment(database, lang, env)
    done = subprocess.run(
        [sys.executable, "-m", "koppel", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    _keep_for_the_log_scan(args, stdin, done.stdout, done.stderr, done.returncode)
    return Run(done.returncode, done.stdout, done.stderr)


def _keep_for_the_log_scan(
    args: tuple[str, ...], stdin: str | None, out: str, err: str, code: int
) -> None:
    """stderr is what cron or systemd would log: kept for the scan, with the secrets the
    command was given or handed out (tests/security/run_logs.py)."""
    if "--password-stdin" in args and stdin:
        register_secret("password", stdin.splitlines()[0])
    for option, value in itertools.pairwise(args):
        if option == "--token":
            register_secret("API token", value)
    register_secrets_in(out)
    register_secrets_in(err)
    words = [arg for arg in args[:3] if not arg.startswith("-")][:2]
    keep_output("koppel", f"koppel {' '.join(words)} (exit {code})", err)
