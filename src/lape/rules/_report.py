"""The report of a check: findings, per-rule results, and what changed between two reports."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

import attrs

from lape._evidence import as_data, as_text
from lape._html import MAX_ROWS, HTMLRepr, cell, details, escape, quoted, row, shorten, table
from lape._pandas import Table
from lape._wording import LANGUAGES, Lang, Text, more, subject_kind, word
from lape._words import count
from lape.model import Severity, label
from lape.rules._rule import Source, Status, Subject

__all__ = ["Finding", "Report", "ReportDiff", "RuleResult"]

FINDING_COLUMNS: tuple[str, ...] = (
    "rule",
    "severity",
    "status",
    "subject_kind",
    "subject_id",
    "subject_name",
    "path",
    "message",
    "title",
    "source_document",
    "source_quote",
    "missing",
    "evidence",
)
"""The columns of :meth:`Report.rows`, one row per finding."""

_COLOURS = {Severity.ERROR: "#b00020", Severity.WARNING: "#9a6700", Severity.INFO: "#0b6e99"}
_UNKNOWN_COLOUR = "#7b3fa0"


UNKNOWN_MESSAGE = Text(
    fi="{subject}: sääntöä {rule} ei voitu tarkistaa, koska tieto puuttuu: {missing}",
    sv="{subject}: regel {rule} kunde inte kontrolleras eftersom uppgift saknas: {missing}",
    en="{subject}: rule {rule} could not be checked because a fact is missing: {missing}",
)
"""The message of every unknown finding: the rule and the facts the snapshot lacks."""


_NO_EVIDENCE: Mapping[str, Any] = {}
_RANK = {severity: severity.rank for severity in Severity}


class _FindingFields(NamedTuple):
    rule: str
    severity: Severity
    status: Status
    """:attr:`Status.FAILED`, or :attr:`Status.UNKNOWN` when facts are missing."""
    subject: Subject
    path: str | None
    template: Text
    """The message template: ``{subject}`` and the evidence's keys (for an unknown
    finding, :data:`UNKNOWN_MESSAGE` with ``{rule}`` and ``{missing}``)."""
    source: Source
    title: Text
    lang: Lang = "en"
    evidence: Mapping[str, Any] = _NO_EVIDENCE
    missing: tuple[str, ...] = ()


class Finding(_FindingFields, HTMLRepr):
    """One subject that breaks a rule (or about which the rule cannot decide).

    A finding carries the facts (rule, subject, status, evidence); its message is
    written from the rule's template when it is asked for, in the language asked
    for (:attr:`message` in the report's language, :attr:`messages` in all three).
    It is a light record (a named tuple), so that a check can make thousands
    cheaply: ``finding.in_language("fi")`` (or ``_replace``) gives a changed copy.

    In Jupyter a finding shows as a small table; its ``repr`` is one short line:

    >>> import lape
    >>> finding = lape.check(lape.example()).findings[1]
    >>> finding
    <Finding LAPE-G04 error group 'varkaus-lape' at groups[3]>
    >>> "LAPE-G04" in finding._repr_html_()
    True
    """

    __slots__ = ()

    def in_language(self, lang: Lang) -> Finding:
        """The same finding with its message in ``lang``."""
        return self._replace(lang=lang)

    def message_in(self, lang: Lang) -> str:
        """The message in ``lang``, written now from the template and the evidence."""
        if self.status is Status.UNKNOWN:
            values: Mapping[str, Any] = {"rule": self.rule, "missing": ", ".join(self.missing)}
        else:
            values = self.evidence
        shown = {key: as_text(value, lang) for key, value in values.items()}
        return self.template.get(lang).format(subject=str(self.subject), **shown)

    @property
    def message(self) -> str:
        """The message in the report's language."""
        return self.message_in(self.lang)

    @property
    def messages(self) -> Text:
        """The message in the three languages."""
        return Text(**{lang: self.message_in(lang) for lang in LANGUAGES})

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What identifies a finding across two reports: rule, subject and path."""
        return (self.rule, self.subject.kind, self.subject.id, self.path or "")

    def sort_key(self) -> tuple[int, str, str, str, str, bool]:
        """The order of findings in a report: severity, rule, subject, path; unknowns
        after failures."""
        subject = self.subject
        return (
            _RANK[self.severity],
            self.rule,
            subject.kind,
            subject.id,
            self.path or "",
            self.status is Status.UNKNOWN,
        )

    def _row(self) -> dict[str, Any]:
        """The finding as one flat row of plain values (the columns of :meth:`Report.rows`)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "status": self.status.value,
            "subject_kind": self.subject.kind,
            "subject_id": self.subject.id,
            "subject_name": self.subject.name,
            "path": self.path,
            "message": self.message,
            "title": self.title.get(self.lang),
            "source_document": self.source.document,
            "source_quote": self.source.quote,
            "missing": self.missing,
            "evidence": as_data(self.evidence),
        }

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
            "source": self.source.as_dict(self.lang),
        }

    def __repr__(self) -> str:
        status = "unknown " if self.status is Status.UNKNOWN else ""
        where = f" at {shorten(self.path, 60)}" if self.path else ""
        return (
            f"<Finding {shorten(self.rule, 20)} {status}{self.severity.value} "
            f"{shorten(self.subject.kind, 20)} {quoted(self.subject.id, 60)}{where}>"
        )

    def _html(self) -> str:
        lang = self.lang

        def line(key: str, value: str, *, raw: bool = False) -> str:
            return row([cell(word(key, lang), header=True), cell(value, raw=raw)])

        subject = f"{subject_kind(self.subject.kind, lang)} {self.subject}"
        lines = [
            line("severity", _severity_cell(self, lang), raw=True),
            line("rule", f"{self.rule} — {self.title.get(lang)}"),
            line("subject", subject),
            line("message", self.message),
        ]
        if self.path:
            lines.append(line("path", f"<code>{escape(self.path)}</code>", raw=True))
        if self.missing:
            lines.append(line("missing", ", ".join(self.missing)))
        if self.evidence:
            evidence = json.dumps(as_data(self.evidence), ensure_ascii=False, sort_keys=True)
            lines.append(line("evidence", shorten(evidence, 500)))
        lines.append(line("source", source_html(self.source, lang), raw=True))
        return table(f"{word('finding', lang)} {self.rule}", lines, css_class="lape-finding")


def source_html(source: Source, lang: Lang, *, documents: bool = True) -> str:
    """A rule's source as HTML in ``lang``: the documents (one a line), the quote in its
    own language and, marked as such, its translation into ``lang``."""
    parts = [escape(line) for line in source.describe(lang).split("\n")] if documents else []
    original = f"original_{source.language}" if source.language in LANGUAGES else None
    marker = f" ({escape(word(original, lang))})" if original is not None else ""
    parts.append(f"«{escape(source.quote)}»{marker}")
    if source.is_translation(lang):
        translated = escape(source.quote_in(lang))
        parts.append(f"«{translated}» ({escape(word('translation', lang))})")
    return "<br>".join(parts)


def _severity_cell(f: Finding, lang: Lang) -> str:
    """The severity of a finding in ``lang``, coloured, as HTML (``unknown`` first when so)."""
    severity = label(f.severity, lang)
    if f.status is Status.UNKNOWN:
        text, colour = f"{word('unknown', lang)} ({severity})", _UNKNOWN_COLOUR
    else:
        text, colour = severity, _COLOURS[f.severity]
    return f'<span style="color:{colour}">{escape(text)}</span>'


def by_subject(findings: Iterable[Finding]) -> list[tuple[Subject, list[Finding]]]:
    """The findings grouped by subject (kind and ID), the subject of the most
    serious finding first, each group in the findings' order."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        groups[(f.subject.kind, f.subject.id)].append(f)
    order = sorted(groups.values(), key=lambda fs: min(f.sort_key() for f in fs))
    return [(fs[0].subject, fs) for fs in order]


def _finding_rows(
    findings: Sequence[Finding], lang: Lang, *, limit: int, extra: Sequence[str] = ()
) -> tuple[list[str], int]:
    """HTML rows for at most ``limit`` findings grouped by subject, and how many were left out.

    Each subject heads its findings in a row of its own; ``extra`` cells (HTML)
    are put first in the subject's row, e.g. the change in a diff.
    """
    rows: list[str] = []
    shown = 0
    for subject, group in by_subject(findings):
        if shown >= limit:
            break
        heading = f"{subject_kind(subject.kind, lang)} {subject}"
        rows.append(
            row(
                [*extra, cell(heading, header=True, colspan=5)],
                style="background:rgba(127,127,127,0.12)",
            )
        )
        for f in group[: limit - shown]:
            message = f.message.removeprefix(f"{f.subject}: ")
            path = f"<code>{escape(f.path)}</code>" if f.path else ""
            summary = shorten(f.source.describe(lang).split("\n", 1)[0], 60)
            source = details(summary, source_html(f.source, lang), raw=True)
            cells = [
                cell(_severity_cell(f, lang), raw=True),
                cell(f.rule, title=f.title.get(lang)),
                cell(message),
                cell(path, raw=True),
                cell(source, raw=True),
            ]
            rows.append(row([*("<td></td>" for _ in extra), *cells]))
            shown += 1
    return rows, len(findings) - shown


@attrs.frozen(kw_only=True)
class RuleResult(HTMLRepr):
    """What one rule did on the checked day."""

    rule: str
    severity: Severity
    in_force: bool
    """False when the rule was not in force on the day: it examined nothing."""
    examined: int = 0
    failed: int = 0
    unknown: int = 0
    examined_entities: tuple[object, ...] = attrs.field(default=(), eq=False, repr=False)
    """What the rule examined, as the entities (or subjects) it declared; see :meth:`subjects`."""

    @property
    def passed(self) -> int:
        return self.examined - self.failed - self.unknown

    def subjects(self) -> tuple[Subject, ...]:
        """The subjects the rule examined on the day (made now, from what it declared)."""
        return tuple(Subject.of(e) for e in self.examined_entities)

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

    def _html(self) -> str:
        head = ("rule", "severity", "in force", "examined", "passed", "failed", "unknown")
        values = (
            self.rule,
            self.severity.value,
            "yes" if self.in_force else "no",
            self.examined,
            self.passed,
            self.failed,
            self.unknown,
        )
        body = [row(cell(v) for v in values)]
        return table(f"Rule result {self.rule}", body, head=head, css_class="lape-rule-result")


@attrs.frozen(kw_only=True)
class Report(HTMLRepr, Table):
    """The result of :func:`~lape.rules.check`.

    ``findings`` are sorted by severity, rule, subject and path; ``results``
    record for every rule whether it was in force and how many subjects it
    examined, found wanting, or could not decide.

    A finding's *status* is :attr:`~lape.rules.Status.FAILED` (the subject breaks
    the rule) or :attr:`~lape.rules.Status.UNKNOWN` (the snapshot lacks a fact the
    rule needs); its *severity* is always the rule's. The two never mix:
    :attr:`failures` and :attr:`unknowns` split the findings, :meth:`counts` counts
    failures by severity and unknowns apart, :meth:`filter` by severity returns
    failures only unless asked for a status, :attr:`conforms` looks at failed
    errors only, and the JSON lists failures under ``findings`` and unknowns under
    ``unknown``.

    In Jupyter a report shows as a table of its findings grouped by subject,
    in the report's language (at most 200 findings; a line says how many more
    there are). :meth:`rows` gives one flat dict per finding and
    :meth:`to_pandas` a DataFrame of them (``pip install 'lape[pandas]'``):

    >>> import lape
    >>> report = lape.check(lape.example())
    >>> row = report.rows()[1]
    >>> row["rule"], row["severity"], row["subject_kind"], row["subject_id"], row["path"]
    ('LAPE-G04', 'error', 'group', 'varkaus-lape', 'groups[3]')
    >>> len(report.rows()) == len(report.findings), list(report.rows()[0]) == list(report.columns)
    (True, True)
    """

    as_of: dt.date
    lang: Lang = "en"
    findings: tuple[Finding, ...] = ()
    results: tuple[RuleResult, ...] = ()

    columns: ClassVar[tuple[str, ...]] = FINDING_COLUMNS
    """The keys of :meth:`rows` (and the columns of :meth:`to_pandas`), in order."""

    @property
    def conforms(self) -> bool:
        """True when no error-severity rule failed (warnings, info and unknowns do not count)."""
        error, failed = Severity.ERROR, Status.FAILED
        return not any(f.severity is error and f.status is failed for f in self.findings)

    @property
    def failures(self) -> tuple[Finding, ...]:
        """The findings whose subject breaks the rule (status failed), in order."""
        failed = Status.FAILED
        return tuple([f for f in self.findings if f.status is failed])

    @property
    def unknowns(self) -> tuple[Finding, ...]:
        """The findings a rule could not decide for lack of a fact (status unknown)."""
        unknown = Status.UNKNOWN
        return tuple([f for f in self.findings if f.status is unknown])

    def counts(self) -> dict[str, int]:
        """Failures by severity, and unknowns apart: ``{"error": 2, "warning": 1, "info": 0,
        "unknown": 1}``; ``counts()["error"] == len(filter(severity="error").findings)``."""
        pairs = Counter([(f.severity, f.status) for f in self.findings])
        found = dict.fromkeys(("error", "warning", "info", "unknown"), 0)
        for (severity, status), n in pairs.items():
            found["unknown" if status is Status.UNKNOWN else severity.value] += n
        return found

    def filter(
        self,
        *,
        rule: str | Iterable[str] | None = None,
        severity: Severity | str | None = None,
        subject: str | None = None,
        status: Status | str | None = None,
    ) -> Report:
        """A report with only the findings that match every criterion given.

        ``severity`` selects failures of that severity: an unknown finding of an
        error rule is not an error, so ``filter(severity="error")`` leaves it out
        unless ``status="unknown"`` (or ``status`` of your choice) is given too.
        """
        rules = {rule} if isinstance(rule, str) else set(rule) if rule is not None else None
        sev = Severity(severity) if severity is not None else None
        st = Status(status) if status is not None else None
        if sev is not None and st is None:
            st = Status.FAILED
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
            self, lang=lang, findings=tuple(f.in_language(lang) for f in self.findings)
        )

    def result(self, rule: str) -> RuleResult | None:
        """The result of one rule, if it was run."""
        return next((r for r in self.results if r.rule == rule), None)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data: ``conforms``, ``counts``, ``findings`` (the
        failures), ``unknown`` (the findings that could not be decided) and ``rules``."""
        return {
            "as_of": self.as_of.isoformat(),
            "lang": self.lang,
            "conforms": self.conforms,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self.failures],
            "unknown": [f.to_dict() for f in self.unknowns],
            "rules": [r.to_dict() for r in self.results],
        }

    def rows(self) -> list[dict[str, Any]]:
        """One flat dict per finding, in the findings' order, keys as in :attr:`columns`:
        ``rule``, ``severity``, ``status``, ``subject_kind``, ``subject_id``,
        ``subject_name``, ``path``, ``message`` and ``title`` (in the report's
        language), ``source_document``, ``source_quote``, ``missing`` (a tuple)
        and ``evidence`` (JSON-ready data)."""
        return [f._row() for f in self.findings]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (see :meth:`to_dict`)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def diff(self, newer: Report) -> ReportDiff:
        """What changed from this report to ``newer``: findings fixed, new, changed
        (another severity, status or message) and unchanged."""
        old = {f.key: f for f in self.findings}
        new = {f.key: f for f in newer.findings}

        def same(a: Finding, b: Finding) -> bool:
            return (a.severity, a.status, a.message) == (b.severity, b.status, b.message)

        return ReportDiff(
            fixed=tuple(f for k, f in old.items() if k not in new),
            new=tuple(f for k, f in new.items() if k not in old),
            changed=tuple(f for k, f in new.items() if k in old and not same(old[k], f)),
            unchanged=tuple(f for k, f in new.items() if k in old and same(old[k], f)),
        )

    def __repr__(self) -> str:
        c = self.counts()
        verdict = "conforms" if self.conforms else "does not conform"
        return (
            f"<Report {self.as_of.isoformat()}: {verdict}; {count(c['error'], 'error')}, "
            f"{count(c['warning'], 'warning')}, {c['info']} info, {c['unknown']} unknown>"
        )

    def _html(self) -> str:
        lang = self.lang
        c = self.counts()
        verdict = word("conforms", lang) if self.conforms else word("not", lang)
        in_force = sum(1 for r in self.results if r.in_force)
        caption = [
            f"{word('report', lang)} — {word('as_of', lang)} {self.as_of.isoformat()}: {verdict}",
            f"{word('errors', lang)}: {c['error']}, {word('warnings', lang)}: {c['warning']}, "
            f"{word('info', lang)}: {c['info']}, {word('unknown', lang)}: {c['unknown']}; "
            f"{word('rules', lang)}: {in_force}; {word('language', lang)}: {lang}",
        ]
        rows, rest = _finding_rows(self.findings, lang, limit=MAX_ROWS)
        if not self.findings:
            rows = [row([cell(word("no_findings", lang), colspan=5)])]
        head = [word(k, lang) for k in ("severity", "rule", "message", "path", "source")]
        foot = more(rest, lang) if rest else None
        return table(caption, rows, head=head, foot=foot, css_class="lape-report")


@attrs.frozen(kw_only=True, repr=False)
class ReportDiff(HTMLRepr, Table):
    """The difference between two reports of (versions of) one snapshot.

    Two findings are the same finding when they have the same rule, subject and
    path (:attr:`Finding.key`). :meth:`rows` gives a flat dict per finding with
    its ``change`` (``fixed``, ``new``, ``changed`` or ``unchanged``) first, then
    the columns of :meth:`Report.rows`.
    """

    fixed: tuple[Finding, ...]
    """In the older report only."""
    new: tuple[Finding, ...]
    """In the newer report only."""
    unchanged: tuple[Finding, ...]
    """In both, with the same severity, status and message (the newer finding)."""
    changed: tuple[Finding, ...] = ()
    """In both, with another severity, status or message, e.g. a pool overspent by
    another amount (the newer finding)."""

    columns: ClassVar[tuple[str, ...]] = ("change", *FINDING_COLUMNS)

    def rows(self) -> list[dict[str, Any]]:
        """One flat dict per finding: the fixed, then the new, then the unchanged."""
        return [
            {"change": change, **f._row()} for change, findings in self._parts() for f in findings
        ]

    def _parts(self) -> tuple[tuple[str, tuple[Finding, ...]], ...]:
        return (
            ("fixed", self.fixed),
            ("new", self.new),
            ("changed", self.changed),
            ("unchanged", self.unchanged),
        )

    def __repr__(self) -> str:
        return (
            f"<ReportDiff: {len(self.fixed)} fixed, {len(self.new)} new, "
            f"{len(self.changed)} changed, {len(self.unchanged)} unchanged>"
        )

    def _html(self) -> str:
        every = (*self.fixed, *self.new, *self.changed, *self.unchanged)
        lang: Lang = every[0].lang if every else "en"
        counts = ", ".join(f"{word(k, lang)}: {len(fs)}" for k, fs in self._parts())
        rows: list[str] = []
        left = MAX_ROWS
        rest = 0
        for change, findings in self._parts():
            part, not_shown = _finding_rows(
                findings, lang, limit=left, extra=[cell(word(change, lang), header=True)]
            )
            rows.extend(part)
            left -= len(findings) - not_shown
            rest += not_shown
        head = ["", *(word(k, lang) for k in ("severity", "rule", "message", "path", "source"))]
        foot = more(rest, lang) if rest else None
        return table(
            [word("changes", lang), counts], rows, head=head, foot=foot, css_class="lape-diff"
        )
