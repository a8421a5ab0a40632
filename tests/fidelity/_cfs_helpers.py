"""Helpers for the fidelity tests of the change-agent, funding and integrity rules
(LAPE-C01..C06, LAPE-F01..F10, LAPE-S01..S03; issue 12).

A case is a small snapshot (YAML text, or a loaded snapshot changed with
:func:`evolve_at`), one rule and one checked day. :func:`assert_findings`
checks the rule alone on that day and compares the EXACT set of its findings,
each as a :data:`Row` ``(rule, subject kind, subject ID, status, severity)``;
:func:`assert_clean` asserts that the rule examined something and found nothing.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable
from typing import Any

import attrs

import lape
from lape.model import Period, Snapshot
from lape.rules import Report
from lape.testing import Checker

__all__ = [
    "Row",
    "assert_clean",
    "assert_findings",
    "day",
    "evolve_at",
    "failed",
    "period",
    "rows",
    "run",
    "snapshot",
    "unknown",
]

Row = tuple[str, str, str, str, str]
"""One finding as ``(rule, subject kind, subject ID, status, severity)``."""

_checker = Checker()


def day(text: str) -> dt.date:
    """The date written ``YYYY-MM-DD``."""
    return dt.date.fromisoformat(text)


def period(start: str, end: str | None = None) -> Period:
    """The period from ``start`` to ``end`` (both ``YYYY-MM-DD``; ``None``: open)."""
    return Period(start=day(start), end=None if end is None else day(end))


def snapshot(text: str) -> Snapshot:
    """The snapshot written in YAML ``text`` (indentation removed)."""
    return lape.loads(textwrap.dedent(text))


def evolve_at(source: Snapshot, section: str, index: int = 0, **changes: Any) -> Snapshot:
    """``source`` with the entity at ``index`` of ``section`` (``"change_agents"``,
    ``"grants"``...) changed by ``attrs.evolve(entity, **changes)``."""
    items = list(getattr(source, section))
    items[index] = attrs.evolve(items[index], **changes)
    replaced: dict[str, Any] = {section: tuple(items)}
    return attrs.evolve(source, **replaced)


def run(source: str | Snapshot, rule: str, as_of: dt.date | str, **options: Any) -> Report:
    """The report of checking ``source`` with ``rule`` alone on ``as_of``."""
    checked = snapshot(source) if isinstance(source, str) else source
    on = day(as_of) if isinstance(as_of, str) else as_of
    return _checker(checked, as_of=on, select=[rule], **options)


def rows(report: Report, rule: str) -> frozenset[Row]:
    """The findings of ``rule`` in ``report`` as :data:`Row` tuples (fails when it was not run)."""
    return frozenset(
        (f.rule, f.subject.kind, f.subject.id, f.status.value, f.severity.value)
        for f in _checker.findings(report, rule)
    )


def failed(rule: str, kind: str, subject: str, severity: str = "error") -> Row:
    """The row of a failure of ``rule`` on ``subject`` (severity: the rule's)."""
    return (rule, kind, subject, "failed", severity)


def unknown(rule: str, kind: str, subject: str, severity: str = "error") -> Row:
    """The row of an unknown of ``rule`` on ``subject`` (severity: still the rule's)."""
    return (rule, kind, subject, "unknown", severity)


def assert_findings(
    source: str | Snapshot,
    rule: str,
    as_of: dt.date | str,
    expected: Iterable[Row],
    **options: Any,
) -> Report:
    """Fail unless checking ``source`` with ``rule`` on ``as_of`` gives exactly the
    findings ``expected`` (and the rule is in force); return the report."""
    report = run(source, rule, as_of, **options)
    _checker.examined(report, rule)  # fails unless the rule ran and is in force
    want = frozenset(expected)
    found = rows(report, rule)
    assert found == want, (
        f"{rule} on {report.as_of}: expected {sorted(want)}, found {sorted(found)}:\n"
        f"{_checker.spell_out(report, rule)}"
    )
    return report


def assert_clean(source: str | Snapshot, rule: str, as_of: dt.date | str, **options: Any) -> Report:
    """Fail unless ``rule`` is in force on ``as_of``, examined at least one subject and
    reported nothing (not even an info note) about ``source``; return the report."""
    return _checker.assert_passes(run(source, rule, as_of, **options), rule, notes=False)
