"""Turn ``cattrs`` structuring errors into :class:`~lape.errors.Problem` lists with paths."""

from __future__ import annotations

import difflib
from typing import Any

import attrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.v import transform_error

from lape.errors import Problem

__all__ = ["problems_of"]


def _format(exc: BaseException, type_: Any) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [f.name for f in attrs.fields(exc.cl)] if attrs.has(exc.cl) else []
        parts = []
        for key in sorted(exc.extra_fields):
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {key!r}{hint}")
        return "; ".join(parts) + f"; known keys: {', '.join(known)}"
    if isinstance(exc, (TypeError, ValueError)) and str(exc):
        return str(exc)
    return f"invalid value ({type(exc).__name__}: {exc})"


def problems_of(exc: ClassValidationError | IterableValidationError) -> list[Problem]:
    """The problems inside a cattrs validation error, each with its document path."""
    problems = []
    for line in transform_error(exc, path="", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        problems.append(Problem(path.removeprefix("."), message))
    return problems
