"""What a rule break is, and which rules can be broken alone on which day (no hypothesis).

Kept apart from the strategies so that a downstream suite can annotate with
:class:`RuleBreak`, call :func:`problems` and ask :func:`breakable_rules`
without importing hypothesis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
from attrs.validators import instance_of

from lape.model import Period, Severity, Snapshot, is_day
from lape.rules import Report

__all__ = ["UNBREAKABLE", "RuleBreak", "breakable_rules", "breakable_window", "problems"]

Problem = tuple[str, str, str]
"""``(rule ID, subject kind, subject ID)``: what a finding is about, without its details."""


def problems(report: Report) -> frozenset[Problem]:
    """The ``(rule, subject kind, subject ID)`` of every error and warning of ``report``.

    Failed and *unknown* findings both count; ``info`` details (such as
    LAPE-G06's list of municipalities not represented) do not. A snapshot from
    :func:`~lape.testing.valid_snapshots` has none; a
    :class:`RuleBreak`'s snapshot has exactly :attr:`RuleBreak.expected`.

    >>> import lape
    >>> sorted(problems(lape.check(lape.example())))[:2]
    [('LAPE-F02', 'grant', 'ps-lape-varkaus-trial'), ('LAPE-G04', 'group', 'varkaus-lape')]
    """
    return frozenset(
        (f.rule, f.subject.kind, f.subject.id)
        for f in report.findings
        if f.severity is not Severity.INFO
    )


def _subject_pairs(inst: object, attr: attrs.Attribute[Any], value: Any) -> None:
    """attrs validator: a tuple of ``(kind, ID)`` pairs of strings."""
    ok = isinstance(value, tuple) and all(
        isinstance(p, tuple) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    )
    if not ok:
        msg = f"'{attr.name}' must be a tuple of (kind, ID) pairs of strings, not {value!r}"
        raise TypeError(msg)


@attrs.frozen(kw_only=True)
class RuleBreak:
    """A snapshot that breaks exactly one rule, and what the engine must report.

    Drawn by :func:`~lape.testing.rule_breaks`. Checked on :attr:`as_of` (also
    the snapshot's ``info.as_of``), the snapshot's errors and warnings are
    exactly :attr:`expected`: the rule :attr:`rule` about the subject
    :attr:`subject_kind` / :attr:`subject_id` (and, for the few rules that
    always report a pair, the subjects in :attr:`also_reported`).
    ``info`` findings may come besides.

    >>> import datetime as dt
    >>> from lape.model import Snapshot
    >>> b = RuleBreak(snapshot=Snapshot(), as_of=dt.date(2017, 6, 1), rule="LAPE-G05",
    ...               subject_kind="group", subject_id="mg-297", description="example")
    >>> b.expected
    frozenset({('LAPE-G05', 'group', 'mg-297')})
    """

    snapshot: Snapshot = attrs.field(validator=instance_of(Snapshot), repr=False)
    as_of: dt.date = attrs.field(validator=is_day())
    rule: str = attrs.field(validator=instance_of(str))
    subject_kind: str = attrs.field(validator=instance_of(str))
    """The kind of the subject as the report names it: ``group``, ``actor``, ``grant``,
    ``pool``, ``change_agent``, ``network``, ``service``, ``municipality``..."""
    subject_id: str = attrs.field(validator=instance_of(str))
    also_reported: tuple[tuple[str, str], ...] = attrs.field(default=(), validator=_subject_pairs)
    """Further ``(kind, ID)`` subjects the same rule must report (LAPE-C02 reports both
    agents of a clashing pair); empty for every other rule."""
    description: str = attrs.field(default="", validator=instance_of(str))
    """What was changed in a valid snapshot to break the rule, in words."""

    @property
    def subject(self) -> tuple[str, str]:
        """``(subject_kind, subject_id)``."""
        return (self.subject_kind, self.subject_id)

    @property
    def expected(self) -> frozenset[Problem]:
        """The :func:`problems` that checking :attr:`snapshot` on :attr:`as_of` must give."""
        subjects = (self.subject, *self.also_reported)
        return frozenset((self.rule, kind, subject_id) for kind, subject_id in subjects)

    def check(self) -> Report:
        """Check :attr:`snapshot` on :attr:`as_of` with the whole catalogue."""
        from lape.rules import check

        return check(self.snapshot, as_of=self.as_of)


UNBREAKABLE: Mapping[str, str] = MappingProxyType({})
"""Catalogue rules :func:`~lape.testing.rule_breaks` cannot break alone, with the reason:
none (every rule of the catalogue can be broken alone on some day; see
:func:`breakable_window` for which days). Kept so that code asking stays valid, and for
rules of later catalogues that might not be."""

_FIRST_DAY: Mapping[str, dt.date] = MappingProxyType(
    {
        # A project counts for LAPE-F10 when a grant of the 2016 round, decided by the
        # checked day, funds it; a grant decided before the round's call opened (on
        # 2016-09-01) breaks LAPE-F05, and one without a decision date is unknown to it.
        "LAPE-F10": dt.date(2016, 9, 1),
    }
)
"""Rules breakable alone only from a day, though in force before it."""
_LAST_DAY: Mapping[str, dt.date] = MappingProxyType({})
"""Rules breakable alone only up to a day, though in force after it (none today)."""


def breakable_window(rule: str) -> Period | None:
    """The days on which :func:`~lape.testing.rule_breaks` can break ``rule`` alone
    (``None``: never, see :data:`UNBREAKABLE`, or not a catalogue rule): the days the
    rule is in force, for LAPE-F10 from 2016-09-01 (a grant of the 2016 round must be
    decided by the day to count, and not before the round's call opened).

    >>> str(breakable_window("LAPE-G05"))
    '2016-01-01..2018-12-31'
    >>> str(breakable_window("LAPE-F10"))
    '2016-09-01..'
    >>> str(breakable_window("LAPE-W01"))
    '2023-01-01..'
    >>> breakable_window("LAPE-X99") is None
    True
    """
    from lape.rules import catalogue

    if rule in UNBREAKABLE:
        return None
    found = next((r for r in catalogue() if r.id == rule), None)
    if found is None:
        return None
    window = found.in_force
    first = _FIRST_DAY.get(rule)
    if first is not None and first > window.start:
        window = Period(start=first, end=window.end)
    last = _LAST_DAY.get(rule)
    if last is not None and (window.end is None or last < window.end):
        window = Period(start=window.start, end=last)
    return window


def breakable_rules(as_of: dt.date | None = None) -> tuple[str, ...]:
    """The catalogue rules :func:`~lape.testing.rule_breaks` can break alone on ``as_of``
    (every day when ``None``), in catalogue order.

    >>> import datetime as dt
    >>> breakable_rules(dt.date(2015, 6, 1))
    ('LAPE-S01', 'LAPE-S02', 'LAPE-S03')
    >>> "LAPE-N07" in breakable_rules(dt.date(2023, 6, 1))
    True
    """
    from lape.rules import catalogue

    found = []
    for r in catalogue():
        window = breakable_window(r.id)
        if window is not None and (as_of is None or window.contains(as_of)):
            found.append(r.id)
    return tuple(found)
