"""Words on the administrator's pages: accounts, departments, tokens, two-factor sign-in."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {"nl": {}, "en": {}}
