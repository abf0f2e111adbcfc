"""Arrows one way: the import graph, read from the code itself (ast), lazy imports included.

- reports/ draws what it is handed: it never reaches storage (tracker.db, tracker.repository,
  tracker.models, SQLAlchemy), Click or the command line, not even through another module;
- tracker/analysis/ imports only the domain (domain.py, regions.py and the pure vocabulary
  modules beside them), its own modules, numpy, scipy and the standard library; the domain
  itself imports only the standard library and itself;
- nothing in tracker/ other than the command-line modules imports reports/ or the command line;
- the calendar constants, and the symptom-spread findings, are free of numpy and scipy.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tracker", "reports")
STORAGE = ("tracker.db", "tracker.repository", "tracker.models", "sqlalchemy", "alembic")
# The domain: entries, regions and the vocabularies of the answers, pure rules only.
DOMAIN = (
    "tracker.domain",
    "tracker.regions",
    "tracker.errors",
    "tracker.activities",
    "tracker.weekly",
    "tracker.before_surgery",
    "tracker.medicines",  # regimens, doses and MME: pure rules (issue 10)
    "tracker.times",
)
ANALYSIS_ALLOWED = (*DOMAIN, "tracker.analysis", "numpy", "scipy")
HEAVY = ("numpy", "scipy", "pandas", "matplotlib")


def module_name(path: Path) -> str:
    """'tracker.analysis.trend' for tracker/analysis/trend.py, 'tracker.io' for its __init__."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def project_modules() -> dict[str, Path]:
    """Every module of the project's packages, by dotted name."""
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def is_package(name: str) -> bool:
    return project_modules()[name].name == "__init__.py"


@cache
def imports_of(name: str) -> frozenset[str]:
    """Dotted names a module imports anywhere in its code (functions and TYPE_CHECKING too).

    `from tracker import repository` names tracker.repository when that is a module.
    """
    path = project_modules()[name]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this module's package
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package(name) else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target == "__future__":
                continue
            found.add(target)
            for alias in node.names:
                if f"{target}.{alias.name}" in project_modules():
                    found.add(f"{target}.{alias.name}")
    return frozenset(found)


def project_import(name: str) -> str | None:
    """The project module an imported name loads (its nearest enclosing module), if any."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in project_modules():
            return candidate
        parts.pop()
    return None


def reachable(name: str) -> dict[str, str]:
    """Every name imported by the module or the project modules it reaches: name -> via whom."""
    seen: dict[str, str] = {}
    todo, done = [name], set()
    while todo:
        current = todo.pop()
        if current in done:
            continue
        done.add(current)
        for imported in imports_of(current):
            seen.setdefault(imported, current)
            inner = project_import(imported)
            if inner and inner not in done:
                todo.append(inner)
            # importing a.b.c runs a/__init__.py and a/b/__init__.py too
            parts = imported.split(".")
            for k in range(1, len(parts)):
                parent = ".".join(parts[:k])
                if parent in project_modules() and parent not in done:
                    todo.append(parent)
    return seen


def matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def allowed(name: str, prefixes: tuple[str, ...]) -> bool:
    """The standard library, the listed modules, or `tracker` itself (its version only)."""
    stdlib = name.split(".")[0] in sys.stdlib_module_names
    return stdlib or name == "tracker" or matches(name, prefixes)


def is_command_line(name: str) -> bool:
    """The Face: tracker/cli*.py, tracker/cli/, clikit, prompting and __main__."""
    last = name.split(".")[1] if name.count(".") >= 1 else ""
    return name.startswith("tracker.") and (
        last.startswith("cli") or last in ("prompting", "__main__")
    )


def modules_under(prefix: str) -> list[str]:
    return sorted(m for m in project_modules() if m == prefix or m.startswith(prefix + "."))


def test_the_graph_is_read_from_the_code() -> None:
    """The reader finds lazy, relative and from-imports (or the rules below prove nothing)."""
    assert "tracker.analysis.trend" in project_modules()
    assert "tracker.domain" in imports_of("tracker.analysis.spread")
    cli_imports = set().union(*(imports_of(m) for m in project_modules() if is_command_line(m)))
    assert any(name.startswith("reports") for name in cli_imports)  # imported inside a command
    assert "tracker.repository" in imports_of("tracker.demo")  # `from tracker import repository`
    assert is_command_line("tracker.cli") and is_command_line("tracker.clikit")
    assert not is_command_line("tracker.domain") and not is_command_line("tracker")


@pytest.mark.parametrize("module", modules_under("reports"))
def test_reports_never_reach_storage_click_or_the_command_line(module: str) -> None:
    bad = {
        name: via
        for name, via in reachable(module).items()
        if matches(name, STORAGE + ("click",)) or is_command_line(name)
    }
    assert not bad, f"{module} reaches {sorted(bad)} (via {sorted(set(bad.values()))})"


@pytest.mark.parametrize("module", modules_under("tracker.analysis"))
def test_analysis_imports_only_the_domain_the_regions_and_numerics(module: str) -> None:
    bad = {name for name in imports_of(module) if not allowed(name, ANALYSIS_ALLOWED)}
    assert not bad, f"{module} imports {sorted(bad)}"


@pytest.mark.parametrize("module", [m for m in DOMAIN if m in project_modules()])
def test_the_domain_imports_only_the_standard_library_and_itself(module: str) -> None:
    bad = {name for name in imports_of(module) if not allowed(name, DOMAIN)}
    assert not bad, f"{module} imports {sorted(bad)}"


@pytest.mark.parametrize("module", [m for m in modules_under("tracker") if not is_command_line(m)])
def test_below_the_command_line_nothing_imports_reports_or_the_command_line(module: str) -> None:
    bad = {
        name for name in imports_of(module) if matches(name, ("reports",)) or is_command_line(name)
    }
    assert not bad, f"{module} imports {sorted(bad)}"


@pytest.mark.parametrize("module", ["tracker.analysis.calendar", "tracker.analysis.spread"])
def test_calendar_and_spread_need_no_numpy_or_scipy(module: str) -> None:
    bad = {name: via for name, via in reachable(module).items() if matches(name, HEAVY)}
    assert not bad, f"{module} reaches {sorted(bad)} (via {sorted(set(bad.values()))})"
