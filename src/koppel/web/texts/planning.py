"""Words on the planning pages: team leaders, mentors, teachers and students."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, dict[str, str]]] = {"nl": {}, "en": {}}
