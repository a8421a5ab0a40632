"""The package's layering, read from the source: which module may import which.

- A subpackage (``lape.model``, ``lape.rules``, ``lape.network``, ``lape.io``,
  ``lape.reference``, ``lape.report``, ``lape.testing``) is used by the others through
  its public names only: no module imports another subpackage's private module.
- The model is the bottom layer: it imports neither the rules, the network, the
  report, the files nor the testing tools.
- The package's own private top-level modules (``lape._html``, ``lape._gc``...) that
  the model uses import nothing of ``lape`` but ``lape.errors`` and each other's kind.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "lape"
SUBPACKAGES = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").exists())
MODULES = sorted(SRC.rglob("*.py"))


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (``from a.b import c`` also as ``a.b.c``, since
    ``c`` may be a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _home(path: Path) -> str | None:
    """The subpackage a module belongs to (``None`` for a top-level module)."""
    parts = path.relative_to(SRC).parts
    return parts[0] if len(parts) > 1 else None


def test_the_layout_is_what_this_test_knows() -> None:
    assert {"model", "rules", "network", "io", "reference", "testing"} <= set(SUBPACKAGES)
    assert len(MODULES) > 50


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_reaches_into_another_subpackages_private_module(path: Path) -> None:
    home = _home(path)
    private = set()
    for module in _imports(path):
        parts = module.split(".")
        outside = len(parts) >= 3 and parts[0] == "lape" and parts[1] in SUBPACKAGES
        if outside and parts[1] != home and any(p.startswith("_") for p in parts[2:]):
            private.add(module)
    assert not private, private


@pytest.mark.parametrize("path", sorted((SRC / "model").rglob("*.py")), ids=lambda p: p.name)
def test_the_model_is_the_bottom_layer(path: Path) -> None:
    above = ("lape.rules", "lape.network", "lape.report", "lape.io", "lape.testing", "lape.cli")
    assert not {m for m in _imports(path) if m.startswith(above)}


def test_a_private_top_level_module_the_model_uses_imports_nothing_above_it() -> None:
    used = {
        m.split(".")[1]
        for path in (SRC / "model").rglob("*.py")
        for m in _imports(path)
        if m.startswith("lape._")
    }
    assert used  # the model does use some (the HTML and pandas helpers at least)
    for name in sorted(used):
        path = SRC / f"{name}.py"
        if not path.exists():
            continue  # ``from lape._x import name``: ``lape._x.name`` is not a module
        layer = {m for m in _imports(path) if m.startswith("lape") and not m.startswith("lape._")}
        assert layer <= {"lape.errors"}, (name, layer)


USES = {
    "model": {"reference"},  # the shipped reference data, read on first use (area names)
    "reference": {"model"},
    "io": {"model", "reference"},
    "rules": {"model", "reference"},
    "network": {"model", "reference", "io", "rules"},
    "testing": {"model", "reference", "io", "rules"},
    "report": {"model", "reference", "io", "rules", "network"},
}
"""Which subpackages each subpackage may import (the README's layers)."""


def test_each_subpackage_imports_only_the_layers_below_it() -> None:
    assert set(USES) <= set(SUBPACKAGES)
    for path in MODULES:
        home = _home(path)
        if home not in USES:
            continue
        used = {
            module.split(".")[1]
            for module in _imports(path)
            if module.startswith("lape.") and module.split(".")[1] in SUBPACKAGES
        }
        assert used - {home} <= USES[home], (str(path.relative_to(SRC)), used - USES[home])
