"""The rule type: a small typed object with a stable ID, a source and a check."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from attrs.validators import instance_of, matches_re

from lape.model import Period, Severity
from lape.rules._text import Text

if TYPE_CHECKING:
    from lape.rules._context import Context

__all__ = ["Outcome", "Rule", "Source", "Status", "Subject", "rule"]


@attrs.frozen
class Source:
    """Where a rule comes from: a seed file (or a named public source) and a short quote."""

    document: str
    quote: str

    def __str__(self) -> str:
        return f"{self.document}: «{self.quote}»"


class Status(enum.Enum):
    """What a rule found about one subject."""

    PASSED = "passed"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """The snapshot lacks a fact the rule needs: neither a pass nor a failure."""


@attrs.frozen
class Subject:
    """What a finding is about: an entity of the snapshot or an area."""

    kind: str
    """``actor``, ``group``, ``change_agent``, ``pool``, ``grant``, ``network``,
    ``service``, ``municipality``, ``region``, ``county``..."""
    id: str
    name: str | None = attrs.field(default=None, eq=False, order=False)

    def __str__(self) -> str:
        return f"{self.name} ({self.id})" if self.name and self.name != self.id else self.id


@attrs.frozen(kw_only=True)
class Outcome:
    """One rule's verdict on one subject, with the evidence for it."""

    subject: Subject
    status: Status
    path: str | None = None
    """Where the subject (or the offending part) stands in the input."""
    evidence: Mapping[str, Any] = attrs.field(factory=dict)
    """What was observed and what was expected, as data a program can read."""
    missing: tuple[str, ...] = ()
    """For :attr:`Status.UNKNOWN`: the facts the snapshot lacks."""
    severity: Severity | None = None
    """A severity for this outcome other than the rule's (e.g. an ``info`` detail
    beside an error rule's verdict); ``None``: the rule's."""


CheckFunction = Callable[["Context"], Iterable[Outcome]]

RULE_ID = re.compile(r"[A-Z][A-Z0-9]*-[A-Z]+[0-9]+")


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the catalogue, or a user's own.

    ``message`` is a template in three languages; ``{subject}`` is the subject's
    name and ID, and every key of an outcome's evidence can be used too
    (sets are shown sorted and comma-separated).
    """

    id: str = attrs.field(validator=matches_re(RULE_ID))
    severity: Severity = attrs.field(validator=instance_of(Severity))
    subjects: str
    """The kind of subject the rule examines (see :attr:`Subject.kind`)."""
    in_force: Period = attrs.field(validator=instance_of(Period))
    source: Source = attrs.field(validator=instance_of(Source))
    title: Text = attrs.field(validator=instance_of(Text))
    message: Text = attrs.field(validator=instance_of(Text))
    check: CheckFunction = attrs.field(eq=False, repr=False)
    tags: frozenset[str] = frozenset()
    parameters: tuple[str, ...] = ()
    """The names of the parameters the rule reads (see :mod:`lape.rules`)."""
    note: Text | None = None
    """The message template of the rule's ``info`` details (see ``Context.noted``)."""
    condition: Text | None = None
    """What the rule examines and when it is satisfied, in one or two sentences a
    coordinator can read (the rule catalogue shows it)."""

    @property
    def prefix(self) -> str:
        """The letter group of the ID (``G`` for ``LAPE-G01``), also a tag."""
        return self.id.split("-", 1)[1].rstrip("0123456789")


def rule(
    *,
    id: str,
    severity: Severity,
    subjects: str,
    in_force: Period,
    source: Source,
    title: Text,
    message: Text,
    tags: Iterable[str] = (),
    parameters: Iterable[str] = (),
    note: Text | None = None,
    condition: Text | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Make a :class:`Rule` of a check function, as a decorator.

    The function takes a :class:`~lape.rules.Context` and yields an
    :class:`Outcome` per subject examined (``ctx.passed(...)``,
    ``ctx.failed(...)``, ``ctx.unknown(...)``).
    """

    def make(check: CheckFunction) -> Rule:
        return Rule(
            id=id,
            severity=severity,
            subjects=subjects,
            in_force=in_force,
            source=source,
            title=title,
            message=message,
            check=check,
            tags=frozenset(tags),
            parameters=tuple(parameters),
            note=note,
            condition=condition,
        )

    return make
