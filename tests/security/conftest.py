"""The security checks share the web tests' portal: one demo school served per worker."""

from __future__ import annotations

from tests.web.conftest import admin, clients, portal

__all__ = ["admin", "clients", "portal"]
