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

from lape.model import Period, Severity, Snapshot
from lape.model._period import is_day
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


UNBREAKABLE: Mapping[str, str] = MappingProxyType(
    {
        "LAPE-C06": (
            "an STM-funded employment reaching into 2020 also lies outside the 2016-2019 "
            "term of LAPE-C03, so LAPE-C06 never fails alone (under the default parameters)"
        ),
        "LAPE-W01": (
            "it checks the reference geography that ships with lape, not the snapshot: "
            "no snapshot can break it"
        ),
    }
)
"""Catalogue rules :func:`~lape.testing.rule_breaks` cannot break alone, with the reason."""

_LAST_DAY: Mapping[str, dt.date] = MappingProxyType(
    {
        # From 2020 on LAPE-C06 is in force, and an STM-funded employment outside the
        # 2016-2019 term (the only way to break LAPE-C03) reaches into 2020 and breaks it too.
        "LAPE-C03": dt.date(2019, 12, 31),
    }
)
"""Rules breakable alone only up to a day, though in force after it."""


def breakable_window(rule: str) -> Period | None:
    """The days on which :func:`~lape.testing.rule_breaks` can break ``rule`` alone
    (``None``: never, see :data:`UNBREAKABLE`, or not a catalogue rule).

    >>> str(breakable_window("LAPE-G05"))
    '2016-01-01..2018-12-31'
    >>> str(breakable_window("LAPE-C03"))
    '2016-01-01..2019-12-31'
    >>> breakable_window("LAPE-W01") is None
    True
    """
    from lape.rules import catalogue

    if rule in UNBREAKABLE:
        return None
    found = next((r for r in catalogue() if r.id == rule), None)
    if found is None:
        return None
    window = found.in_force
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
