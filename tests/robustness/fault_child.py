"""The real ``koppel`` command in a child process that kills itself (SIGKILL: no rollback,
no cleanup) at a chosen moment of its database work:

    python -m tests.robustness.fault_child write:N  import students FILE
    python -m tests.robustness.fault_child commit   import students FILE

``write:N`` dies just before its N-th writing statement (INSERT, UPDATE, DELETE),
``commit`` just before the first COMMIT that follows a write. Only the moment of death is
injected; every statement is koppel's own.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from sqlalchemy import Engine, event

WRITES = ("INSERT", "UPDATE", "DELETE")


class Killer:
    def __init__(self, moment: str) -> None:
        kind, _, count = moment.partition(":")
        self.kind = kind
        self.at = int(count or 0)
        self.writes = 0

    def before_statement(self, *args: Any) -> None:
        statement = str(args[2]).lstrip().upper()
        if statement.startswith(WRITES):
            self.writes += 1
            if self.kind == "write" and self.writes == self.at:
                die()

    def before_commit(self, *_args: Any) -> None:
        if self.kind == "commit" and self.writes:
            die()


def die() -> None:
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    killer = Killer(sys.argv[1])
    event.listen(Engine, "before_cursor_execute", killer.before_statement)
    event.listen(Engine, "commit", killer.before_commit)
    sys.argv = ["koppel", *sys.argv[2:]]
    from koppel.cli.main import run

    run()


if __name__ == "__main__":
    main()
