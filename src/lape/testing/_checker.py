"""A checker for tests: the report, its problems, and assertions with readable messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from lape._frozen import FrozenMap
from lape.model import Geography, Severity, Snapshot
from lape.rules import LANGUAGES, Finding, Parameters, Report, Rule, RuleResult, RuleSet, Status
from lape.testing._rulebreak import Problem, RuleBreak, problems

__all__ = ["Checker", "Failure"]


class Failure(NamedTuple):
    """A failed finding of one rule as ``(kind, id, severity)``: what
    :meth:`Checker.failures` lists. A named tuple, so it equals the plain tuple.

    >>> failure = Failure("group", "varkaus-lape", Severity.ERROR)
    >>> failure == ("group", "varkaus-lape", Severity.ERROR), failure.id
    (True, 'varkaus-lape')
    """

    kind: str
    """The subject's kind (``"group"``, ``"grant"``...)."""
    id: str
    """The subject's ID."""
    severity: Severity
    """The finding's severity (the rule's, after any override)."""


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

    A checker may be bound to the options its checks share (``rules``, ``as_of``,
    ``parameters``, ``geography``, or any other keyword of :func:`lape.check`);
    a call gives its own to override them (``None`` keeps the checker's). The
    methods about one rule take a snapshot (checked with those options) or a
    report already made: :meth:`findings`, :meth:`failures` as :class:`Failure`
    tuples, :meth:`examined`, :meth:`spell_out`, :meth:`assert_passes`, :meth:`assert_not_examined`,
    :meth:`assert_not_in_force`, :meth:`the_violation` and :meth:`the_unknown`.
    Each fails with an :class:`AssertionError` when the rule was not run (an ID
    misspelt, a rule outside the rule set), so a test never passes by asking
    about nothing.

    >>> import datetime as dt
    >>> from lape.rules import catalogue
    >>> groups = Checker(rules=catalogue().select("LAPE-G*"), as_of=dt.date(2017, 10, 1))
    >>> groups
    <Checker rules=15 as_of=2017-10-01>
    >>> groups.failures(lape.example(), "LAPE-G04")
    [Failure(kind='group', id='varkaus-lape', severity=<Severity.ERROR: 'error'>)]
    >>> groups.the_violation(lape.example(), "LAPE-G04", "group", "varkaus-lape").path
    'groups[3]'
    >>> groups.examined(lape.example(), "LAPE-G01")
    4
    >>> report = groups.assert_passes(lape.example(), "LAPE-G01")
    >>> groups.assert_not_in_force(lape.example(), "LAPE-G01", as_of=dt.date(2019, 1, 1))
    <Report 2019-01-01: conforms; 0 errors, 0 warnings, 0 info, 0 unknown>
    """

    __slots__ = ("_options",)

    def __init__(
        self,
        *,
        rules: RuleSet | Iterable[Rule] | None = None,
        as_of: dt.date | None = None,
        parameters: Parameters | None = None,
        geography: Geography | None = None,
        **options: Any,
    ) -> None:
        given = {
            "rules": rules if rules is None or isinstance(rules, RuleSet) else tuple(rules),
            "as_of": as_of,
            "parameters": parameters,
            "geography": geography,
            **options,
        }
        self._options: Mapping[str, Any] = FrozenMap(
            {key: value for key, value in given.items() if value is not None}
        )

    @property
    def options(self) -> Mapping[str, Any]:
        """The keyword arguments every check gets from this checker (a read-only mapping)."""
        return self._options

    def __repr__(self) -> str:
        shown = []
        for key, value in self._options.items():
            if isinstance(value, dt.date):
                shown.append(f"{key}={value.isoformat()}")
            elif key == "rules":
                shown.append(f"rules={len(value)}")
            else:
                shown.append(f"{key}=<{type(value).__name__}>")
        return "<Checker" + "".join(f" {s}" for s in shown) + ">"

    def __call__(
        self, snapshot: Snapshot, *, as_of: dt.date | None = None, **options: Any
    ) -> Report:
        from lape.rules import check

        given = {"as_of": as_of, **options}
        merged = {**self._options, **{k: v for k, v in given.items() if v is not None}}
        return check(snapshot, **merged)

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
        shown = [  # failed errors (what conforms counts); strict: warnings and unknowns too
            f
            for f in report.findings
            if (f.status is Status.FAILED and f.severity is Severity.ERROR)
            or (strict and f.severity is not Severity.INFO)
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

    # -- one rule of a snapshot or a report ---------------------------------------------

    def _report(self, source: Snapshot | Report, **options: Any) -> Report:
        """``source`` checked with this checker's options and ``options``, or ``source``
        itself when it is a report already (then ``options`` must be empty)."""
        if isinstance(source, Report):
            if options:
                msg = f"options {sorted(options)} apply to a snapshot, not to a report"
                raise TypeError(msg)
            return source
        return self(source, **options)

    def findings(self, source: Snapshot | Report, rule: str, **options: Any) -> list[Finding]:
        """The findings of ``rule``, in the report's order (failures, unknowns and info
        notes). Fails when the rule was not run."""
        report = self._report(source, **options)
        _ran(report, rule)
        return [f for f in report.findings if f.rule == rule]

    def failures(self, source: Snapshot | Report, rule: str, **options: Any) -> list[Failure]:
        """The failed findings of ``rule`` as :class:`Failure` ``(kind, id, severity)``, in
        the report's order; unknowns and ``info`` notes are left out. Fails when the rule
        was not run."""
        return [
            Failure(f.subject.kind, f.subject.id, f.severity)
            for f in self.findings(source, rule, **options)
            if f.status is Status.FAILED and f.severity is not Severity.INFO
        ]

    def spell_out(self, source: Snapshot | Report, rule: str, **options: Any) -> str:
        """The findings of ``rule`` one a line (status, severity, subject, path, message)
        and its result: what the assertions print, for a test's own ``assert`` message.

        >>> import lape
        >>> text = Checker(select=["LAPE-G04"]).spell_out(lape.example(), "LAPE-G04")
        >>> for line in text.splitlines():
        ...     print(line[:69])
          LAPE-G04 failed error group varkaus-lape at groups[3]: Varkaus LAPE
          (in force True, examined 4, failed 1, unknown 0)
        """
        return _spelled_out(self._report(source, **options), rule)

    def examined(self, source: Snapshot | Report, rule: str, **options: Any) -> int:
        """How many subjects ``rule`` examined. Fails when the rule was not run or not
        in force on the day (it examines nothing then, which proves nothing)."""
        report = self._report(source, **options)
        return _in_force(report, rule).examined

    def assert_passes(
        self, source: Snapshot | Report, rule: str, *, notes: bool = True, **options: Any
    ) -> Report:
        """Fail unless ``rule`` is in force, examined at least one subject and found no
        failure and no unknown (``info`` notes are allowed unless ``notes=False``);
        return the report."""
        report = self._report(source, **options)
        result = _in_force(report, rule)
        found = [
            f
            for f in report.findings
            if f.rule == rule and not (notes and f.severity is Severity.INFO)
        ]
        if found or result.examined == 0:
            why = "it examined nothing" if not found else "found:"
            msg = f"{rule} on {report.as_of} does not pass: {why}\n{_spelled_out(report, rule)}"
            raise AssertionError(msg)
        return report

    def assert_not_examined(self, source: Snapshot | Report, rule: str, **options: Any) -> Report:
        """Fail unless ``rule`` is in force, examined no subject and reported nothing;
        return the report."""
        report = self._report(source, **options)
        result = _in_force(report, rule)
        if result.examined or any(f.rule == rule for f in report.findings):
            msg = (
                f"{rule} on {report.as_of} examined {result.examined} subjects, expected none:\n"
                f"{_spelled_out(report, rule)}"
            )
            raise AssertionError(msg)
        return report

    def assert_not_in_force(self, source: Snapshot | Report, rule: str, **options: Any) -> Report:
        """Fail unless ``rule`` was run but is not in force on the day (so it examined
        nothing and reported nothing); return the report."""
        report = self._report(source, **options)
        result = _ran(report, rule)
        if result.in_force or result.examined or any(f.rule == rule for f in report.findings):
            msg = f"{rule} is in force on {report.as_of}:\n{_spelled_out(report, rule)}"
            raise AssertionError(msg)
        return report

    def the_violation(
        self,
        source: Snapshot | Report,
        rule: str,
        kind: str,
        subject_id: str,
        *,
        severity: Severity = Severity.ERROR,
        **options: Any,
    ) -> Finding:
        """The one finding of ``rule``: failed, of ``severity`` (an error unless given),
        about the subject ``kind`` ``subject_id``, with a message in Finnish, Swedish and
        English that names the subject's ID and leaves no ``{`` of an unfilled
        placeholder. Fails unless there is exactly that one (``info`` notes beside it
        are allowed)."""
        return self._the_one(source, rule, kind, subject_id, Status.FAILED, severity, options)

    def the_unknown(
        self, source: Snapshot | Report, rule: str, kind: str, subject_id: str, **options: Any
    ) -> Finding:
        """The one finding of ``rule``: unknown (a fact missing, which it names) about the
        subject ``kind`` ``subject_id``, its message naming the subject's ID in the three
        languages. Fails unless there is exactly that one (``info`` notes beside it are
        allowed)."""
        return self._the_one(source, rule, kind, subject_id, Status.UNKNOWN, None, options)

    def _the_one(
        self,
        source: Snapshot | Report,
        rule: str,
        kind: str,
        subject_id: str,
        status: Status,
        severity: Severity | None,
        options: Mapping[str, Any],
    ) -> Finding:
        report = self._report(source, **options)
        _in_force(report, rule)
        found = [f for f in report.findings if f.rule == rule and f.severity is not Severity.INFO]
        wanted = f"one {status.value} {severity.value + ' ' if severity else ''}finding"
        problem = ""
        if len(found) != 1:
            problem = f"{len(found)} findings"
        else:
            f = found[0]
            if f.status is not status:
                problem = f"a {f.status.value} finding"
            elif severity is not None and f.severity is not severity:
                problem = f"a finding of severity {f.severity.value}"
            elif (f.subject.kind, f.subject.id) != (kind, subject_id):
                problem = f"a finding about {f.subject.kind} {f.subject.id}"
            elif status is Status.UNKNOWN and not f.missing:
                problem = "an unknown finding that names no missing fact"
            else:
                for lang in LANGUAGES:
                    message = f.message_in(lang)
                    if subject_id not in message or "{" in message:
                        problem = f"a message in {lang} {message!r}"
                        break
        if problem:
            msg = (
                f"{rule} on {report.as_of}: expected {wanted} about {kind} {subject_id}, "
                f"found {problem}:\n{_spelled_out(report, rule)}"
            )
            raise AssertionError(msg)
        return found[0]


def _ran(report: Report, rule: str) -> RuleResult:
    """The result of ``rule``; an :class:`AssertionError` when it was not run."""
    result = report.result(rule)
    if result is None:
        ran = ", ".join(r.rule for r in report.results[:8])
        more = ", ..." if len(report.results) > 8 else ""
        msg = f"{rule} was not run (the rules checked: {ran or 'none'}{more})"
        raise AssertionError(msg)
    return result


def _in_force(report: Report, rule: str) -> RuleResult:
    """The result of ``rule``; an :class:`AssertionError` when it was not run or not in force."""
    result = _ran(report, rule)
    if not result.in_force:
        msg = f"{rule} is not in force on {report.as_of}: it examined nothing"
        raise AssertionError(msg)
    return result


def _spelled_out(report: Report, rule: str) -> str:
    """The findings of ``rule`` one a line, and its result."""
    lines = [
        f"  {f.rule} {f.status.value} {f.severity.value} {f.subject.kind} {f.subject.id}"
        f"{'' if f.path is None else ' at ' + f.path}: {f.message}"
        for f in report.findings
        if f.rule == rule
    ]
    result = report.result(rule)
    summary = (
        "not run"
        if result is None
        else f"in force {result.in_force}, examined {result.examined}, "
        f"failed {result.failed}, unknown {result.unknown}"
    )
    return "\n".join([*(lines or ["  no finding"]), f"  ({summary})"])
