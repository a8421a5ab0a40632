"""How many problems one load keeps: the first :data:`~lape.errors.MAX_PROBLEMS`,
each with its path; the rest only counted, by kind.

A file of 500 000 wrongly typed values would otherwise keep 500 000 exceptions
(each with its traceback) and print megabytes of messages. The converter's hooks
ask :func:`keep` before they hold on to a problem; a problem not kept is counted
under its *kind*, its message with the values taken out, and reported as one
line: ``and 499900 more of the same kind (expected text, not int …)``. A kind is
the message up to its first value (a quote or a digit): cheap to tell, since it is
told for every problem not kept.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextvars import ContextVar

from cattrs.errors import ClassValidationError, IterableValidationError

from lape.errors import MAX_PROBLEMS, Problem
from lape.io._errors import format_exception

__all__ = ["Budget", "Dropped", "FirstProblem", "budget", "keep", "probe"]


class Dropped(Exception):  # noqa: N818 - a signal between hooks, never shown
    """A list, mapping or class had problems, none of which the budget kept."""


class FirstProblem(BaseException):  # a signal between the hooks, never shown
    """A problem found while :func:`probe` is on: the reading stops at once.

    A ``BaseException``, so that the hooks' ``except Exception`` (which collect a
    field's problems) let it through to the caller of :func:`probe`.
    """


_MAX_KINDS = 20
_VALUE = re.compile(r"['\"\d]")


class Budget:
    """The problems kept so far, and those counted by kind."""

    __slots__ = ("dropped", "kept", "limit", "probing")

    def __init__(self, limit: int = MAX_PROBLEMS, *, probing: bool = False) -> None:
        self.limit = limit
        self.probing = probing
        self.kept = 0
        self.dropped: dict[str, int] = {}

    def drop(self, exc: BaseException) -> None:
        message = str(exc) if type(exc) in (TypeError, ValueError) else format_exception(exc, None)
        value = _VALUE.search(message)  # the kind: the message up to its first value
        kind = message if value is None else message[: value.start()] + "…"
        if kind not in self.dropped and len(self.dropped) >= _MAX_KINDS:
            kind = "other kinds"
        self.dropped[kind] = self.dropped.get(kind, 0) + 1

    def summary(self) -> list[Problem]:
        """One problem per kind of those not kept: ``and N more of the same kind (...)``."""
        return [
            Problem("", f"and {count} more of the same kind ({kind})")
            for kind, count in self.dropped.items()
        ]


_BUDGET: ContextVar[Budget | None] = ContextVar("lape_io_budget", default=None)


@contextlib.contextmanager
def budget(limit: int = MAX_PROBLEMS) -> Iterator[Budget]:
    """Bound the problems the hooks keep within the ``with`` block."""
    found = Budget(limit)
    token = _BUDGET.set(found)
    try:
        yield found
    finally:
        _BUDGET.reset(token)


@contextlib.contextmanager
def probe() -> Iterator[Budget]:
    """Within the ``with`` block, the first problem a hook finds raises
    :class:`FirstProblem`: for a quick first reading, which gives up at the first
    problem so that the careful reading can find them all (and none is counted twice)."""
    found = Budget(0, probing=True)
    token = _BUDGET.set(found)
    try:
        yield found
    finally:
        _BUDGET.reset(token)


def keep(exc: BaseException) -> bool:
    """Whether to hold on to ``exc``: a group of problems (already counted inside)
    always; a single problem while the budget lasts (outside :func:`budget`:
    always); :class:`Dropped` never."""
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        return True
    if isinstance(exc, Dropped):
        return False
    found = _BUDGET.get()
    if found is None:
        return True
    if found.probing:
        raise FirstProblem
    if found.kept < found.limit:
        found.kept += 1
        return True
    found.drop(exc)
    return False
