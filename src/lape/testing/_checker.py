"""A checker for tests: the report, its problems, and assertions with readable messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lape.model import Severity, Snapshot
from lape.rules import Report
from lape.testing._rulebreak import Problem, RuleBreak, problems

__all__ = ["Checker"]


class Checker:
    """Checks snapshots in a test (the ``lape_check`` fixture is one).

    ``checker(snapshot)`` is :func:`lape.check`'s report (on the snapshot's own
    day unless ``as_of`` is given; other keyword arguments go to
    :func:`lape.check` too); :meth:`problems` gives its errors and warnings as
    ``(rule, kind, ID)``; :meth:`assert_conforms` and :meth:`assert_breaks`
    fail with the findings spelled out.

    >>> import lape
    >>> checker = Checker()
    >>> checker(lape.example())
    <Report 2017-10-01: does not conform; 3 errors, 0 warnings, 1 info, 0 unknown>
    >>> ("LAPE-G04", "group", "varkaus-lape") in checker.problems(lape.example())
    True
    """

    def __call__(
        self, snapshot: Snapshot, *, as_of: dt.date | None = None, **options: Any
    ) -> Report:
        from lape.rules import check

        return check(snapshot, as_of=as_of, **options)

    def problems(
        self, snapshot: Snapshot, *, as_of: dt.date | None = None, **options: Any
    ) -> frozenset[Problem]:
        """The errors and warnings of checking ``snapshot`` (see :func:`~lape.testing.problems`)."""
        return problems(self(snapshot, as_of=as_of, **options))

    def assert_conforms(
        self,
        snapshot: Snapshot,
        *,
        as_of: dt.date | None = None,
        strict: bool = True,
        **options: Any,
    ) -> Report:
        """Fail unless ``snapshot`` has no error (and, when ``strict``, no warning and no
        unknown) on the day; return the report. Other keyword arguments (``rules=``,
        ``select=``, ``parameters=``...) go to :func:`lape.check`."""
        report = self(snapshot, as_of=as_of, **options)
        shown = [
            f
            for f in report.findings
            if f.severity is Severity.ERROR or (strict and f.severity is Severity.WARNING)
        ]
        if shown:
            lines = "\n".join(f"  {f.rule} {f.status.value} {f.message}" for f in shown)
            msg = f"the snapshot does not conform on {report.as_of}:\n{lines}"
            raise AssertionError(msg)
        return report

    def assert_breaks(self, rule_break: RuleBreak) -> Report:
        """Fail unless checking the break's snapshot gives exactly its expected problems."""
        report = rule_break.check()
        found = problems(report)
        if found != rule_break.expected:
            lines = "\n".join(
                f"  {f.rule} {f.subject.kind} {f.subject.id}: {f.message}"
                for f in report.findings
                if f.severity is not Severity.INFO
            )
            msg = (
                f"{rule_break.rule} broken ({rule_break.description}) on {rule_break.as_of}: "
                f"expected {sorted(rule_break.expected)}, found:\n{lines or '  nothing'}"
            )
            raise AssertionError(msg)
        return report
