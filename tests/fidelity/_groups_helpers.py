"""Helpers for the fidelity tests of the group and youth rules (LAPE-G01..G15, Y01, Y02).

A case is a small snapshot written as plain data (the keys of the file format,
docs/file-format.md), dumped to YAML and read back with :func:`lape.loads`, so
that every case also goes through the loader a user's file goes through. A
check runs one rule on one day; its findings are compared as tuples
``(rule, subject kind, subject ID, status, severity)``, info findings included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import yaml

import lape
from lape.model import Snapshot
from lape.rules import Report
from lape.testing import Checker

__all__ = [
    "Found",
    "FoundAt",
    "actor",
    "expect",
    "expect_at",
    "found",
    "found_at",
    "group",
    "member",
    "period",
    "run",
    "snapshot",
]

Data = dict[str, Any]

Found = tuple[str, str, str, str, str]
"""``(rule, subject kind, subject ID, status, severity)`` of one finding."""

FoundAt = tuple[str, str, str, str, str, str | None]
"""A :data:`Found` with the finding's path in the input last."""

_checker = Checker()


def period(start: dt.date, end: dt.date | None = None) -> Data:
    """A period mapping: both ends inclusive, no ``end`` means open."""
    return {"start": start} if end is None else {"start": start, "end": end}


def actor(
    id: str,
    kind: str,
    *,
    municipalities: Sequence[str] = (),
    sectors: Sequence[str] | None = None,
    **fields: Any,
) -> Data:
    """An actor (other file-format keys as keywords); ``sectors=None`` leaves them not given."""
    data: Data = {"id": id, "name": f"Actor {id}", "kind": kind}
    if municipalities:
        data["municipalities"] = list(municipalities)
    if sectors is not None:
        data["sectors"] = list(sectors)
    data.update(fields)
    return data


def member(actor_id: str, *, role: str | None = None, seat: Data | None = None) -> Data:
    """A seat in a group; ``seat`` is the membership's own period."""
    data: Data = {"actor": actor_id}
    if role is not None:
        data["role"] = role
    if seat is not None:
        data["period"] = seat
    return data


def group(
    id: str,
    kind: str,
    *,
    members: Iterable[str | Data] = (),
    **fields: Any,
) -> Data:
    """A group; a member given as a plain string is a seat of that actor with no period."""
    data: Data = {
        "id": id,
        "name": f"Group {id}",
        "kind": kind,
        "members": [member(m) if isinstance(m, str) else m for m in members],
    }
    data.update(fields)
    return data


def snapshot(
    *,
    actors: Iterable[Data] = (),
    groups: Iterable[Data] = (),
    scope: Data | None = None,
) -> Snapshot:
    """The snapshot of these entities, written as YAML and loaded by :func:`lape.loads`."""
    document: Data = {"actors": list(actors), "groups": list(groups)}
    if scope is not None:
        document["scope"] = scope
    return lape.loads(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


def found(report: Report, rule: str) -> list[Found]:
    """The findings of ``rule`` in ``report`` as sorted tuples (duplicates kept; fails
    when the rule was not run)."""
    return sorted(
        (f.rule, f.subject.kind, f.subject.id, f.status.value, f.severity.value)
        for f in _checker.findings(report, rule)
    )


def run(snap: Snapshot, day: dt.date, rule: str) -> Report:
    """Check ``snap`` on ``day`` with ``rule`` alone."""
    return _checker(snap, as_of=day, select=[rule])


def _examined(report: Report, rule: str, examined: int | None) -> None:
    if examined is not None:
        counted = _checker.examined(report, rule)  # fails unless the rule ran and is in force
        assert counted == examined, f"{rule} examined {counted}, not {examined}"


def expect(
    snap: Snapshot,
    day: dt.date,
    rule: str,
    expected: Iterable[Found],
    *,
    examined: int | None = None,
) -> Report:
    """Check ``snap`` on ``day`` with ``rule`` alone; assert its findings are exactly ``expected``
    (and, when given, that it examined ``examined`` subjects: a clean report of a rule that
    examined nothing proves nothing).

    Returns the report.
    """
    report = run(snap, day, rule)
    assert found(report, rule) == sorted(expected), _checker.spell_out(report, rule)
    _examined(report, rule, examined)
    return report


def found_at(report: Report, rule: str) -> list[FoundAt]:
    """Like :func:`found`, with each finding's path (sorted by their text: a path may be None)."""
    return sorted(
        (
            (f.rule, f.subject.kind, f.subject.id, f.status.value, f.severity.value, f.path)
            for f in _checker.findings(report, rule)
        ),
        key=repr,
    )


def expect_at(
    snap: Snapshot,
    day: dt.date,
    rule: str,
    expected: Iterable[FoundAt],
    *,
    examined: int | None = None,
) -> Report:
    """Like :func:`expect`, comparing paths too."""
    report = run(snap, day, rule)
    assert found_at(report, rule) == sorted(expected, key=repr), _checker.spell_out(report, rule)
    _examined(report, rule, examined)
    return report
