"""Consistency checks over the text catalog, for the tests: same keys in every locale, no unused keys, variables."""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from i18n.catalog import DEFAULT_LOCALE, LOCALES_DIR, Catalog, messages_of, read_resources, to_id, to_key

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("bot", "dialogs", "services", "i18n")
SOURCE_SUFFIXES = frozenset({".py", ".yml", ".yaml", ".js", ".html"})
# Keys the code builds from data instead of naming them: f"intent_labels.{intent}" for any NLU intent,
# f"answers.{intent}.text" for the intents in dialogs/answers.yml, f"caseworker.reasons.{reason}" for hand-offs.
DYNAMIC_PREFIXES = ("intent_labels.", "answers.", "caseworker.reasons.")
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many", "other"})


def missing_keys(catalog: Catalog) -> dict[str, set[str]]:
    """Per locale, the default locale's keys it lacks (only locales that lack some)."""
    wanted = catalog.get(catalog.default).keys()
    gaps = {locale: wanted - catalog.get(locale).keys() for locale in catalog.locales}
    return {locale: keys for locale, keys in gaps.items() if keys}


def extra_keys(catalog: Catalog) -> dict[str, set[str]]:
    """Per locale, keys the default locale does not have (stale translations; only locales that have some)."""
    known = catalog.get(catalog.default).keys()
    extra = {locale: catalog.get(locale).keys() - known for locale in catalog.locales}
    return {locale: keys for locale, keys in extra.items() if keys}


def source_files(root: Path = REPO_ROOT, dirs: Iterable[str] = SOURCE_DIRS) -> list[Path]:
    """The source and data files that may name a text key."""
    return sorted(p for d in dirs for p in (root / d).rglob("*")
                  if p.is_file() and p.suffix in SOURCE_SUFFIXES and "__pycache__" not in p.parts)


def unused_keys(keys: Iterable[str], files: Iterable[Path],
                dynamic_prefixes: Iterable[str] = DYNAMIC_PREFIXES) -> set[str]:
    """Keys that no file names as a quoted literal ("a.b", 'a-b') or page placeholder ({{a.b}}), minus dynamic ones."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in files)
    named = set(re.findall(r"""["']([A-Za-z][\w.\-]*)["']""", source))
    named |= set(re.findall(r"\{\{\s*([A-Za-z][\w.\-]*)\s*\}\}", source))
    prefixes = tuple(dynamic_prefixes)
    return {k for k in keys if k not in named and to_id(k) not in named and not k.startswith(prefixes)}


class _Variables(Visitor):
    """Collects a pattern's variables; those that pick a plural variant or go through NUMBER() are numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.kinds: dict[str, str] = {}

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:
        self.kinds.setdefault(node.id.name, "string")

    def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:
        # [other] alone also ends string selections ([da] ... *[other]); numbers show as [one], [few], [0], ...
        numeric = any(isinstance(v.key, ftl.NumberLiteral) or v.key.name in PLURAL_CATEGORIES - {"other"}
                      for v in node.variants)
        if isinstance(node.selector, ftl.VariableReference) and numeric:
            self.kinds[node.selector.id.name] = "number"
        self.generic_visit(node)

    def visit_FunctionReference(self, node: ftl.FunctionReference) -> None:
        if node.id.name == "NUMBER":
            for arg in node.arguments.positional:
                if isinstance(arg, ftl.VariableReference):
                    self.kinds[arg.id.name] = "number"
        self.generic_visit(node)


def message_variables(folder: Path) -> dict[str, dict[str, str]]:
    """Per dotted key of a locale folder, its variables and their kind ('number' or 'string')."""
    found: dict[str, dict[str, str]] = {}
    for message_id, message in messages_of(read_resources(folder)).items():
        visitor = _Variables()
        if message.value is not None:
            visitor.visit(message.value)
        found[to_key(message_id)] = visitor.kinds
    return found


def variable_mismatches(root: Path = LOCALES_DIR, default: str = DEFAULT_LOCALE) -> dict[str, set[str]]:
    """Per locale, keys whose variables differ from the default locale's (a translation that drops a value)."""
    base = message_variables(root / default)
    out: dict[str, set[str]] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and p.name != default and any(p.glob("*.ftl"))):
        theirs = message_variables(folder)
        bad = {k for k in base.keys() & theirs.keys() if set(base[k]) != set(theirs[k])}
        if bad:
            out[folder.name] = bad
    return out
