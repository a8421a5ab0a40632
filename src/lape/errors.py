"""The exceptions ``lape`` raises, all rooted in :class:`LapeError`.

Each subclass also inherits the builtin it resembles, so ``except ValueError``
keeps working for callers that do not know ``lape``.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["LapeError", "LoadError", "Problem"]


class LapeError(Exception):
    """The root of every error ``lape`` raises on purpose."""


@attrs.frozen
class Problem:
    """One thing wrong with an input: where it is and what was expected."""

    path: str
    """The path inside the document, e.g. ``groups[3].members[1].actor``; ``""`` for the whole."""
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class LoadError(LapeError, ValueError):
    """An input file (or text) that is not a well-formed snapshot.

    ``source`` names the file (or ``"<string>"``), ``problems`` lists every
    problem found, each with its path inside the document. ``str()`` gives one
    line per problem, each starting with the file name.
    """

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self._message())

    def _message(self) -> str:
        return "\n".join(f"{self.source}: {problem}" for problem in self.problems)

    def __reduce__(self) -> tuple[type[LoadError], tuple[str, tuple[Problem, ...]]]:
        return (type(self), (self.source, self.problems))
