"""Runs the real ``koppel`` command in a child process, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


def koppel(
    *args: str, database: str | None = None, stdin: str | None = None, lang: str = "nl"
) -> Run:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOPPEL_")}
    env["KOPPEL_LANG"] = lang
    env["COLUMNS"] = "200"
    if database is not None:
        env["KOPPEL_DATABASE_URL"] = database
    done = subprocess.run(
        [sys.executable, "-m", "koppel", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)
