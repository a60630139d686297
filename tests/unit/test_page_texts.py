"""The pages' words: every text a template reads from ``t`` is in the one catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from koppel.i18n import CATALOG

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "koppel" / "web" / "templates"

_STATIC = (
    re.compile(r"\bt\.(?!get\b)([A-Za-z_][A-Za-z_0-9]*)"),
    re.compile(r"""\bt(?:\[|\.get\()"([^"~]+)"[]),]"""),
    re.compile(r"""\bt(?:\[|\.get\()'([^'~]+)'[]),]"""),
)
"""``t.title``, ``t["wizard.title"]``, ``t['x']`` and ``t.get("x", ...)``."""
_PREFIX = re.compile(r"""\bt(?:\[|\.get\()["']([^"']+)["'] ~""")
"""``t["wizard.step." ~ s.code]``: the code is made on the page; its start is known."""


def _uses(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            where = f"{path.relative_to(TEMPLATES)}:{number}"
            found += [(match.group(1), where) for match in pattern.finditer(line)]
    return sorted(set(found))


STATIC_USES = sorted({use for pattern in _STATIC for use in _uses(pattern)})
PREFIX_USES = _uses(_PREFIX)


def test_the_scan_sees_the_templates():
    codes = {code for code, _ in STATIC_USES}
    assert {"title", "wizard.title", "domain.students", "word.status"} <= codes
    assert len(STATIC_USES) > 500
    assert "wizard.step." in {prefix for prefix, _ in PREFIX_USES}


@pytest.mark.parametrize(("code", "where"), STATIC_USES, ids=[f"{c}@{w}" for c, w in STATIC_USES])
def test_every_text_a_template_reads_is_in_the_catalogue(code, where):
    assert code in CATALOG, f"{where}: t[{code!r}] is not in i18n.CATALOG"


@pytest.mark.parametrize(("prefix", "where"), PREFIX_USES, ids=[f"{p}@{w}" for p, w in PREFIX_USES])
def test_every_code_a_template_makes_starts_like_codes_in_the_catalogue(prefix, where):
    assert any(code.startswith(prefix) for code in CATALOG), f"{where}: no code {prefix}*"
