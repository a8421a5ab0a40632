"""The exceptions ``lape`` raises, all rooted in :class:`LapeError`.

The hierarchy (one root; each class also a :class:`ValueError`)::

    LapeError                  the root: catch it to catch every lape error
    +-- LoadError              a file or data that is not a well-formed snapshot
    |                          (lape.errors; raised by lape.load, loads, structure)
    +-- RuleSelectionError     a rule ID, tag or pattern that matches no rule
    |                          (lape.rules; raised by lape.check, RuleSet)
    +-- ParameterError         a rule parameter that cannot be used
    |                          (lape.rules; raised by lape.check with parameters)
    +-- ArgumentError          an argument of a public function that it cannot take
    |                          (lape.errors; e.g. lape.check(s, lang="de")); also a TypeError
    +-- RulePackError          an installed rule pack that cannot be loaded
                               (lape.rules; raised by lape.check, lape.rules.installed_rules)

Each subclass also inherits the builtin it resembles, so ``except ValueError``
keeps working for callers that do not know ``lape``. Anything else escaping
``lape.load``, ``loads`` or ``structure`` for any input is a bug.

A :class:`LoadError` carries the ``source`` (the file name, ``"<string>"`` or
``"<data>"``) and its ``problems``, each a :class:`Problem` with the ``path``
inside the document and the ``message`` saying what was expected:

>>> import lape
>>> try:
...     lape.loads("actors: [{id: a, name: 42, kind: parish}]", source="mine.yaml")
... except lape.LapeError as error:
...     print(error)
...     print(error.problems[0].path)
mine.yaml: actors[0].name: expected text, not int 42
actors[0].name

Problems that a file may well contain on purpose or by accident, but that do
not stop it from being read (dangling references, duplicate IDs, periods that
end before they start, negative amounts), are not errors: the rules report
them as findings (LAPE-S01..S03, LAPE-F09), every one of them at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["MAX_PROBLEMS", "ArgumentError", "LapeError", "LoadError", "Problem"]

MAX_PROBLEMS = 100
"""A :class:`LoadError` lists at most this many problems; the rest are counted
("and N more of the same kind"), so that a file of a million mistakes gives a
short message in little time and memory."""


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


class ArgumentError(LapeError, TypeError, ValueError):
    """An argument a public function cannot take: the wrong type or an unknown value.

    ``argument`` names it; the message says what was expected. It is also a
    :class:`TypeError` and a :class:`ValueError`, what Python raises for either.

    >>> import lape
    >>> try:
    ...     lape.check(lape.example(), lang="de")
    ... except ArgumentError as error:
    ...     print(error.argument, "|", error)
    lang | lang: unknown language str 'de'; expected one of 'fi', 'sv', 'en'
    """

    def __init__(self, argument: str, message: str) -> None:
        self.argument = argument
        self.message = message
        super().__init__(f"{argument}: {message}")

    def __reduce__(self) -> tuple[type[ArgumentError], tuple[str, str]]:
        return (type(self), (self.argument, self.message))


class LoadError(LapeError, ValueError):
    """An input file (or text) that is not a well-formed snapshot.

    ``source`` names the file (or ``"<string>"``), ``problems`` lists every
    problem found, each with its path inside the document: the first
    :data:`MAX_PROBLEMS`, then one per kind of the rest (``and 499900 more of the
    same kind (expected text, not int …)``, with no path). ``str()`` gives one
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
