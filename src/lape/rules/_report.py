"""The report of a check: findings, per-rule results, and what changed between two reports."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from lape.model import Severity
from lape.rules._evidence import as_data
from lape.rules._rule import Source, Status, Subject
from lape.rules._text import Lang, Text

__all__ = ["Finding", "Report", "ReportDiff", "RuleResult"]


@attrs.frozen(kw_only=True)
class Finding:
    """One subject that breaks a rule (or about which the rule cannot decide)."""

    rule: str
    severity: Severity
    status: Status
    """:attr:`Status.FAILED`, or :attr:`Status.UNKNOWN` when facts are missing."""
    subject: Subject
    path: str | None
    messages: Text = attrs.field(repr=False)
    lang: Lang = "en"
    evidence: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    missing: tuple[str, ...] = ()
    source: Source = attrs.field(repr=False)
    title: Text = attrs.field(repr=False)

    @property
    def message(self) -> str:
        """The message in the report's language."""
        return self.messages.get(self.lang)

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What identifies a finding across two reports: rule, subject and path."""
        return (self.rule, self.subject.kind, self.subject.id, self.path or "")

    def sort_key(self) -> tuple[int, str, str, str, str, int]:
        unknown_last = 1 if self.status is Status.UNKNOWN else 0
        return (
            self.severity.rank,
            self.rule,
            self.subject.kind,
            self.subject.id,
            self.path or "",
            unknown_last,
        )

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "status": self.status.value,
            "subject": {
                "kind": self.subject.kind,
                "id": self.subject.id,
                "name": self.subject.name,
            },
            "path": self.path,
            "message": self.message,
            "evidence": as_data(self.evidence),
            "missing": list(self.missing),
            "title": self.title.get(self.lang),
            "source": {"document": self.source.document, "quote": self.source.quote},
        }


@attrs.frozen(kw_only=True)
class RuleResult:
    """What one rule did on the checked day."""

    rule: str
    severity: Severity
    in_force: bool
    """False when the rule was not in force on the day: it examined nothing."""
    examined: int = 0
    failed: int = 0
    unknown: int = 0

    @property
    def passed(self) -> int:
        return self.examined - self.failed - self.unknown

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "in_force": self.in_force,
            "examined": self.examined,
            "passed": self.passed,
            "failed": self.failed,
            "unknown": self.unknown,
        }


@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`~lape.rules.check`.

    ``findings`` are sorted by severity, rule, subject and path; ``results``
    record for every rule whether it was in force and how many subjects it
    examined, found wanting, or could not decide.
    """

    as_of: dt.date
    lang: Lang = "en"
    findings: tuple[Finding, ...] = ()
    results: tuple[RuleResult, ...] = ()

    @property
    def conforms(self) -> bool:
        """True when no error-severity rule failed (warnings, info and unknowns do not count)."""
        return not any(
            f.severity is Severity.ERROR and f.status is Status.FAILED for f in self.findings
        )

    def counts(self) -> dict[str, int]:
        """Failed findings by severity, plus ``unknown``: ``{"error": 2, "warning": 1, ...}``."""
        counter = Counter(
            "unknown" if f.status is Status.UNKNOWN else f.severity.value for f in self.findings
        )
        return {key: counter.get(key, 0) for key in ("error", "warning", "info", "unknown")}

    def filter(
        self,
        *,
        rule: str | Iterable[str] | None = None,
        severity: Severity | str | None = None,
        subject: str | None = None,
        status: Status | str | None = None,
    ) -> Report:
        """A report with only the findings that match every criterion given."""
        rules = {rule} if isinstance(rule, str) else set(rule) if rule is not None else None
        sev = Severity(severity) if severity is not None else None
        st = Status(status) if status is not None else None
        kept = tuple(
            f
            for f in self.findings
            if (rules is None or f.rule in rules)
            and (sev is None or f.severity is sev)
            and (subject is None or f.subject.id == subject)
            and (st is None or f.status is st)
        )
        return attrs.evolve(self, findings=kept)

    def in_language(self, lang: Lang) -> Report:
        """The same report with its messages in ``lang``."""
        return attrs.evolve(
            self, lang=lang, findings=tuple(attrs.evolve(f, lang=lang) for f in self.findings)
        )

    def result(self, rule: str) -> RuleResult | None:
        """The result of one rule, if it was run."""
        return next((r for r in self.results if r.rule == rule), None)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: ``conforms``, ``counts``, ``findings``, ``rules``."""
        return {
            "as_of": self.as_of.isoformat(),
            "lang": self.lang,
            "conforms": self.conforms,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self.findings],
            "rules": [r.to_dict() for r in self.results],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def diff(self, newer: Report) -> ReportDiff:
        """What changed from this report to ``newer``: findings fixed, new and kept."""
        old = {f.key: f for f in self.findings}
        new = {f.key: f for f in newer.findings}
        return ReportDiff(
            fixed=tuple(f for k, f in old.items() if k not in new),
            new=tuple(f for k, f in new.items() if k not in old),
            unchanged=tuple(f for k, f in new.items() if k in old),
        )

    def __repr__(self) -> str:
        c = self.counts()
        verdict = "conforms" if self.conforms else "does not conform"
        return (
            f"<Report {self.as_of.isoformat()}: {verdict}; {c['error']} errors, "
            f"{c['warning']} warnings, {c['info']} info, {c['unknown']} unknown>"
        )


@attrs.frozen(kw_only=True)
class ReportDiff:
    """The difference between two reports of (versions of) one snapshot."""

    fixed: tuple[Finding, ...]
    new: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]
