"""The security checks share the web tests' portal: one demo school served per worker."""

from __future__ import annotations

from tests.web.conftest import admin, portal

__all__ = ["admin", "portal"]
