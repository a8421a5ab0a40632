"""Turn ``cattrs`` structuring errors into :class:`~lape.errors.Problem` lists with paths."""

from __future__ import annotations

import difflib
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import transform_error

from lape.errors import ArgumentError, Problem

__all__ = ["format_exception", "problems_of"]

_MAX_KEYS_SHOWN = 10
_MAX_GUESSED = 100


def format_exception(exc: BaseException, type_: Any) -> str:
    """The message of one problem (for :func:`cattrs.transform_error`)."""
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        extra = sorted(exc.extra_fields, key=str)
        parts = []
        for key in extra[:_MAX_KEYS_SHOWN]:
            fits = isinstance(key, str) and len(key) <= _MAX_GUESSED
            close = difflib.get_close_matches(key, known, n=1) if fits else []
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            shown = repr(key) if len(repr(key)) <= 40 else repr(key)[:37] + "..."
            parts.append(f"unknown key {shown}{hint}")
        if len(extra) > _MAX_KEYS_SHOWN:
            parts.append(f"and {len(extra) - _MAX_KEYS_SHOWN} more unknown keys")
        return "; ".join(parts) + f"; known keys: {', '.join(known)}"
    if isinstance(exc, ArgumentError):
        return exc.message  # a model validator's complaint; cattrs gives the path
    if isinstance(exc, (TypeError, ValueError)) and str(exc):
        return str(exc)
    return f"invalid value ({type(exc).__name__}: {exc})"


def problems_of(exc: ClassValidationError | IterableValidationError) -> list[Problem]:
    """The problems inside a cattrs validation error, each with its document path."""
    problems = []
    for line in transform_error(exc, path="", format_exception=format_exception):
        message, _, path = line.rpartition(" @ ")
        problems.append(Problem(path.removeprefix("."), message))
    return problems
