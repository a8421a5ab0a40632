"""One documented error hierarchy, rooted in LapeError; each class also a ValueError."""

from __future__ import annotations

import importlib
import pickle
from pathlib import Path

import pytest

import lape
import lape.errors
from lape.errors import ArgumentError, LapeError, LoadError, Problem
from lape.rules import ParameterError, RulePackError, RuleSelectionError

PUBLIC_MODULES = ["lape", "lape.errors", "lape.io", "lape.model", "lape.reference", "lape.rules"]
GUARANTEES = Path(__file__).parents[2] / "docs" / "guarantees.md"


def _exported_exceptions() -> set[type[BaseException]]:
    found: set[type[BaseException]] = set()
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            value = getattr(module, attr)
            if isinstance(value, type) and issubclass(value, Exception):
                if issubclass(value, Warning):
                    continue
                found.add(value)
    return found


def test_every_exported_exception_is_a_lape_error() -> None:
    assert _exported_exceptions() == {
        LapeError,
        LoadError,
        RuleSelectionError,
        ParameterError,
        ArgumentError,
        RulePackError,
    }
    for cls in _exported_exceptions():
        assert issubclass(cls, LapeError)


@pytest.mark.parametrize(
    "cls", [LoadError, RuleSelectionError, ParameterError, ArgumentError, RulePackError]
)
def test_each_error_is_also_a_value_error(cls: type[LapeError]) -> None:
    assert issubclass(cls, ValueError)
    assert cls.__mro__[1] is LapeError


@pytest.mark.parametrize(
    "cls", [LapeError, LoadError, RuleSelectionError, ParameterError, ArgumentError, RulePackError]
)
def test_the_hierarchy_is_documented(cls: type[LapeError]) -> None:
    assert cls.__name__ in (lape.errors.__doc__ or "")
    assert cls.__name__ in GUARANTEES.read_text(encoding="utf-8")


def test_load_error_keeps_source_and_problems_through_pickle() -> None:
    err = LoadError("a.yaml", [Problem("info.title", "expected text, not int 1")])
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.source, copy.problems, str(copy)) == (err.source, err.problems, str(err))


def test_rule_selection_error_from_check() -> None:
    with pytest.raises(RuleSelectionError):
        lape.check(lape.example(), select=["LAPE-X99"])
