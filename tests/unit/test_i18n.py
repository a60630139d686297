"""Errors and their texts: every message code used in src, and every text a page's template
reads, exists in nl and en."""

from __future__ import annotations

import ast
import re
import string
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from koppel import i18n
from koppel.domain.accounts import Role
from koppel.domain.errors import (
    AlreadyExists,
    InvalidValue,
    KoppelError,
    NotFound,
    RefusedBySafetyRule,
)
from koppel.i18n import CATALOG, LANGUAGES, current_language, translate

SRC = Path(__file__).resolve().parents[2] / "src" / "koppel"
TEMPLATES = SRC / "web" / "templates"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --- KoppelError ------------------------------------------------------------------------


def test_message_differs_per_language_and_fills_parameters():
    error = InvalidValue("school_year.format", value="2026")
    english = error.message("en")
    dutch = error.message("nl")
    assert english != dutch
    assert english == "school year '2026' must look like 2026-2027 (two consecutive years)"
    assert dutch.startswith("schooljaar '2026' moet de vorm 2026-2027 hebben")
    assert error.code == "school_year.format"
    assert error.params == {"value": "2026"}


def test_personal_values_are_not_repeated_in_messages():
    """A refused postcode, e-mail address or date is named by its place (file, row and
    column, or the form's field), never repeated: messages end up in logs."""
    for code, value in [
        ("postcode.format", "0123 AB"),
        ("email.format", "jan@@school.nl"),
        ("value.date_ambiguous", "03/04/2010"),
        ("value.date_impossible", "31-02-2010"),
        ("value.date_format", "17-05/2010"),
        ("value.date_short_year", "17-05-10"),
        ("import.staff_email_unknown", "jan@school.nl"),
        ("roster.plan.email_skipped", "jan@@school.nl"),
    ]:
        for language in ("nl", "en"):
            assert value not in InvalidValue(code, value=value).message(language), code


@pytest.mark.parametrize(
    ("error", "exit_code"),
    [
        (KoppelError("required", field="x"), 1),
        (InvalidValue("required", field="x"), 2),
        (NotFound("leerling", "000123"), 2),
        (AlreadyExists("leerling", "000123"), 2),
        (RefusedBySafetyRule("required", field="x"), 3),
    ],
)
def test_exit_codes(error, exit_code):
    assert error.exit_code == exit_code
    assert isinstance(error, KoppelError)
    assert isinstance(error, Exception)


def test_not_found_and_already_exists_messages():
    assert NotFound("leerling", "000123").message("en") == "leerling '000123' does not exist"
    assert NotFound("leerling", "000123").message("nl") == "leerling '000123' bestaat niet"
    assert AlreadyExists("groep", "4V1").message("nl") == "groep '4V1' bestaat al"
    assert AlreadyExists("groep", "4V1").code == "already_exists"


def test_str_of_error_is_message_in_current_language(monkeypatch):
    monkeypatch.setenv("KOPPEL_LANG", "en")
    assert str(InvalidValue("required", field="roepnaam")) == "roepnaam is required"
    monkeypatch.setenv("KOPPEL_LANG", "nl")
    assert str(InvalidValue("required", field="roepnaam")) == "roepnaam is verplicht"


@pytest.mark.parametrize(
    ("env", "expected"),
    [(None, "nl"), ("en", "en"), ("EN_gb.UTF-8", "en"), ("nl_NL", "nl"), ("de", "nl"), ("", "nl")],
)
def test_current_language(monkeypatch, env, expected):
    if env is None:
        monkeypatch.delenv("KOPPEL_LANG", raising=False)
    else:
        monkeypatch.setenv("KOPPEL_LANG", env)
    assert current_language() == expected


def test_translate_falls_back(monkeypatch):
    monkeypatch.delenv("KOPPEL_LANG", raising=False)
    assert translate("no.such.code", "en") == "no.such.code"
    assert translate("required", "fr", field="x") == "x is required"
    assert translate("required", None, field="x") == "x is verplicht"


# --- the catalog ------------------------------------------------------------------------


SAME_IN_BOTH_LANGUAGES = {
    "invalid_value",
    "account.title",
    "runs.run_title",
    "students.other.portal",
    "students.other.project",
}
"""Texts with parameters that read the same in Dutch and English ("Account {username}")."""


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_catalog_entry_has_every_language_with_same_parameters(code):
    texts = CATALOG[code]
    assert set(texts) == set(LANGUAGES)
    assert all(text.strip() for text in texts.values())
    assert _fields(texts["nl"]) == _fields(texts["en"])
    if _fields(texts["en"]):
        assert texts["nl"] != texts["en"] or code in SAME_IN_BOTH_LANGUAGES


def test_each_code_in_one_module_and_each_text_under_one_code():
    """A code in two modules hides a text; a text under two codes is written twice, unless
    the code is data (the API's error code, a skipped row's reason in the connector's JSON)."""
    defined = Counter(code for module in i18n.MODULES for code in module.TEXTS)
    assert sorted(code for code, times in defined.items() if times > 1) == []
    assert set(defined) == set(CATALOG)
    codes_of = defaultdict(list)
    for code, texts in CATALOG.items():
        codes_of[texts["nl"], texts["en"]].append(code)
    assert sorted(codes for codes in codes_of.values() if len(codes) > 1) == [
        ["api.unknown_domain", "connector.unknown_domain"],
        ["connector.skip.conflict", "connector.skip.refused"],
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_texts_in_a_language_are_the_catalogue_read_only(language):
    texts = i18n.texts_in(language)
    assert texts == {code: by_language[language] for code, by_language in CATALOG.items()}
    assert i18n.texts_in(language) is texts
    assert i18n.texts_in("fr") is i18n.texts_in("en")
    with pytest.raises(TypeError):
        texts["title"] = "x"  # type: ignore[index]


def test_default_language_is_dutch():
    assert i18n.DEFAULT_LANGUAGE == "nl"
    assert "nl" in LANGUAGES
    assert "en" in LANGUAGES


# --- every code raised in src is in the catalog ----------------------------------------


@dataclass(frozen=True)
class CodeUse:
    code: str
    keywords: frozenset[str] | None
    """The keyword arguments passed; None when ``**params`` hides them."""
    where: str


def _base_names(node: ast.ClassDef) -> set[str]:
    names = set()
    for base in node.bases:
        if isinstance(base, ast.Name):
            names.add(base.id)
        elif isinstance(base, ast.Attribute):
            names.add(base.attr)
    return names


def _defines_init(node: ast.ClassDef) -> bool:
    return any(isinstance(item, ast.FunctionDef) and item.name == "__init__" for item in node.body)


def _parsed_sources() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text("utf-8"))) for path in sorted(SRC.rglob("*.py"))]


def _error_classes(modules):
    """Names of all KoppelError subclasses, and those whose first argument is a code."""
    classes = {
        node.name: node
        for _, tree in modules
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    errors = {"KoppelError"}
    changed = True
    while changed:
        changed = False
        for name, node in classes.items():
            if name not in errors and _base_names(node) & errors:
                errors.add(name)
                changed = True
    takes_code = {"KoppelError"}
    changed = True
    while changed:
        changed = False
        for name in errors - takes_code:
            node = classes[name]
            if not _defines_init(node) and _base_names(node) & takes_code:
                takes_code.add(name)
                changed = True
    return errors, takes_code, classes


def _use(call: ast.Call, where: str) -> CodeUse | None:
    if not call.args or not isinstance(call.args[0], ast.Constant):
        return None
    if not isinstance(call.args[0].value, str):
        return None
    if any(keyword.arg is None for keyword in call.keywords):
        keywords = None
    else:
        keywords = frozenset(str(keyword.arg) for keyword in call.keywords)
    return CodeUse(call.args[0].value, keywords, where)


def _code_uses() -> list[CodeUse]:
    modules = _parsed_sources()
    errors, takes_code, classes = _error_classes(modules)
    uses: list[CodeUse] = []
    for path, tree in modules:
        relative = path.relative_to(SRC.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name in takes_code or name == "translate":
                    use = _use(node, f"{relative}:{node.lineno}")
                    if use:
                        uses.append(use)
            if isinstance(node, ast.ClassDef) and node.name in errors:
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Attribute)
                        and inner.func.attr == "__init__"
                        and isinstance(inner.func.value, ast.Call)
                        and getattr(inner.func.value.func, "id", None) == "super"
                    ):
                        use = _use(inner, f"{relative}:{inner.lineno}")
                        if use:
                            uses.append(use)
    assert classes  # the scan saw the source
    return uses


CODE_USES = _code_uses()


def test_scan_finds_the_codes_it_should():
    codes = {use.code for use in CODE_USES}
    # one from each way of raising: InvalidValue(...), a subclass's super().__init__,
    # a subclass without its own __init__ (DatabaseError), and NotFound's own code
    assert {"postcode.format", "password.too_short", "database.url", "not_found"} <= codes
    assert len(CODE_USES) >= 25


@pytest.mark.parametrize("use", CODE_USES, ids=lambda use: f"{use.code}@{use.where}")
def test_every_code_used_in_src_is_in_the_catalog(use):
    assert use.code in CATALOG, f"{use.where}: message code {use.code!r} is not in i18n.CATALOG"
    assert set(CATALOG[use.code]) >= {"nl", "en"}
    if use.keywords is not None:
        for language in ("nl", "en"):
            missing = _fields(CATALOG[use.code][language]) - use.keywords
            assert not missing, f"{use.where}: {use.code} [{language}] needs {sorted(missing)}"


@pytest.mark.parametrize("use", CODE_USES, ids=lambda use: f"{use.code}@{use.where}")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_code_used_in_src_renders(use, language):
    if use.keywords is None:
        pytest.skip("parameters passed with **")
    error = KoppelError(use.code, **{name: f"<{name}>" for name in use.keywords})
    text = error.message(language)
    assert text != use.code
    for name in _fields(CATALOG[use.code][language]):
        assert f"<{name}>" in text


_TEXT_CODE = re.compile(r"^(cli|stats|role|error)(\.[a-z_]+)+$")
_CODE_SHAPE = re.compile(r"^[a-z_]+(\.[a-z_0-9]+)+$")
_FIRST_PARTS = frozenset(code.split(".")[0] for code in CATALOG if "." in code)


def _looks_like_a_code(value: str, part: str) -> bool:
    """cli., role., ... anywhere; in the edges (web, cli) also a string that starts like a
    code of the catalogue (domain.lwoo in a table of the words for a page's filters)."""
    if _TEXT_CODE.match(value):
        return True
    return (
        part in ("web", "cli")
        and bool(_CODE_SHAPE.match(value))
        and value.split(".")[0] in _FIRST_PARTS
        and not value.endswith(".html")
    )


def _text_codes_in_src() -> list[tuple[str, str]]:
    """String constants outside the catalog that look like codes of texts, such as those
    picked into a variable before translate(state, ...) or named in a table of texts."""
    found = []
    for path, tree in _parsed_sources():
        part = path.relative_to(SRC).parts[0]
        if path.name == "i18n.py" or part == "i18n":
            continue  # the catalog itself
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _looks_like_a_code(node.value, part)
            ):
                found.append((node.value, f"{path.relative_to(SRC.parent)}:{node.lineno}"))
    return sorted(found)


TEXT_CODES = _text_codes_in_src()


def test_text_code_scan_sees_the_cli():
    seen = {c for c, _ in TEXT_CODES}
    assert {"cli.init.created", "error.prefix", "role.administrator"} <= seen
    assert {"domain.lwoo", "word.status", "wizard.count.links_new", "integration.approved"} <= seen


@pytest.mark.parametrize(("code", "where"), TEXT_CODES, ids=[f"{c}@{w}" for c, w in TEXT_CODES])
def test_every_text_code_in_src_is_in_the_catalog(code, where):
    assert code in CATALOG, f"{where}: {code!r} is not in i18n.CATALOG"
    assert set(CATALOG[code]) == set(LANGUAGES)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_has_a_name_in_both_languages(role):
    """The CLI shows roles with translate(f'role.{role}')."""
    texts = CATALOG[f"role.{role.value}"]
    assert texts["nl"]
    assert texts["en"]
    assert translate(f"role.{role}", "en") == texts["en"]


# --- every text a template reads is in the catalog -----------------------------------

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
def test_every_text_a_template_reads_is_in_the_catalog(code, where):
    assert code in CATALOG, f"{where}: t[{code!r}] is not in i18n.CATALOG"


@pytest.mark.parametrize(("prefix", "where"), PREFIX_USES, ids=[f"{p}@{w}" for p, w in PREFIX_USES])
def test_every_code_a_template_makes_starts_like_codes_in_the_catalog(prefix, where):
    assert any(code.startswith(prefix) for code in CATALOG), f"{where}: no code {prefix}*"
