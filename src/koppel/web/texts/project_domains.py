"""Words of the project's domains window(s)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {"nl": {}, "en": {}}
