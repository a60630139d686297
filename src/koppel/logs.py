"""What koppel's own loggers (``koppel.*``) write in a served process: one line each on
stderr, from ``KOPPEL_LOG_LEVEL`` up. They log routes and roles, never personal data,
passwords or tokens (tests/security/test_logs.py scans a whole test run for them)."""

from __future__ import annotations

import logging
import sys

LOGGER = "koppel"
_HANDLER_NAME = "koppel-stderr"


def log_to_stderr(level: str) -> None:
    """Send ``koppel.*`` records of ``level`` and up to stderr; calling it again only
    changes the level."""
    logger = logging.getLogger(LOGGER)
    logger.setLevel(level.upper())
    if any(handler.get_name() == _HANDLER_NAME for handler in logger.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(levelname)s:  %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.propagate = False
