"""Reports and the rule catalogue as text a person reads in a terminal."""

from __future__ import annotations

from collections.abc import Iterable

from lape.model import Severity
from lape.rules import Finding, Lang, Report, Rule, Status
from lape.rules._report import by_subject
from lape.rules._text import subject_kind, word

__all__ = ["report_text", "rules_text"]

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_UNKNOWN_COLOUR = "35"


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _label(f: Finding, colour: bool) -> str:
    if f.status is Status.UNKNOWN:
        return _paint("unknown", _UNKNOWN_COLOUR, colour)
    return _paint(f.severity.value, _COLOURS[f.severity], colour)


def report_text(report: Report, *, title: str, colour: bool = False, sources: bool = False) -> str:
    """The report grouped by subject, most serious first; ``colour`` for a terminal."""
    lang = report.lang
    lines = [f"{title} — {word('as_of', lang)} {report.as_of.isoformat()}"]
    for subject, findings in by_subject(report.findings):
        lines.append("")
        lines.append(f"{subject_kind(subject.kind, lang)} {subject}")
        for f in findings:
            where = f"  [{f.path}]" if f.path else ""
            message = f.message.removeprefix(f"{f.subject}: ")
            lines.append(f"  {_label(f, colour):<8} {f.rule}  {message}{where}")
            if sources:
                lines.append(f"           {word('source', lang)}: {f.source}")
    c = report.counts()
    in_force = sum(1 for r in report.results if r.in_force)
    w = {key: word(key, lang) for key in ("errors", "warnings", "info", "unknown", "rules")}
    verdict = word("conforms", lang) if report.conforms else word("not", lang)
    lines.append("")
    lines.append(
        f"{verdict} ({w['errors']}: {c['error']}, {w['warnings']}: {c['warning']}, "
        f"{w['info']}: {c['info']}, {w['unknown']}: {c['unknown']}; "
        f"{w['rules']}: {in_force})"
    )
    return "\n".join(lines) + "\n"


def rules_text(rules: Iterable[Rule], lang: Lang) -> str:
    """One line per rule: ID, severity, in force, title; then its source."""
    lines = []
    for r in rules:
        end = r.in_force.end.isoformat() if r.in_force.end else ""
        start = "" if r.in_force.start.year <= 1900 else r.in_force.start.isoformat()
        lines.append(f"{r.id:<9} {r.severity.value:<8} {start:>10}..{end:<10}  {r.title.get(lang)}")
        lines.append(f"{'':<9} {r.source}")
    return "\n".join(lines) + "\n"
