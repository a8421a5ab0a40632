"""Reports and the rule catalogue as text a person reads in a terminal."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from lape.model import Severity
from lape.rules import Finding, Lang, Report, Rule, Status

__all__ = ["report_text", "rules_text"]

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_UNKNOWN_COLOUR = "35"

_WORDS: dict[str, dict[Lang, str]] = {
    "conforms": {"fi": "täyttää säännöt", "sv": "uppfyller reglerna", "en": "conforms"},
    "not": {
        "fi": "ei täytä sääntöjä",
        "sv": "uppfyller inte reglerna",
        "en": "does not conform",
    },
    "as_of": {"fi": "tilanne", "sv": "läget", "en": "as of"},
    "errors": {"fi": "virheet", "sv": "fel", "en": "errors"},
    "warnings": {"fi": "varoitukset", "sv": "varningar", "en": "warnings"},
    "info": {"fi": "huomiot", "sv": "anmärkningar", "en": "info"},
    "unknown": {"fi": "ratkaisematta", "sv": "oavgjorda", "en": "unknown"},
    "rules": {"fi": "voimassa olevia sääntöjä", "sv": "regler i kraft", "en": "rules in force"},
    "source": {"fi": "lähde", "sv": "källa", "en": "source"},
}


_KINDS: dict[str, tuple[str, str, str]] = {
    "actor": ("toimija", "aktör", "actor"),
    "group": ("ryhmä", "grupp", "group"),
    "change_agent": ("muutosagentti", "förändringsagent", "change agent"),
    "pool": ("määräraha", "pott", "pool"),
    "grant": ("avustus", "bidrag", "grant"),
    "centre": ("sote-keskus", "social- och hälsocentral", "centre"),
    "network": ("verkosto", "nätverk", "network"),
    "service": ("palvelu", "tjänst", "service"),
    "municipality": ("kunta", "kommun", "municipality"),
    "region": ("maakunta", "landskap", "region"),
    "county": ("hyvinvointialue", "välfärdsområde", "county"),
}
_LANG_INDEX = {"fi": 0, "sv": 1, "en": 2}


def _kind(kind: str, lang: Lang) -> str:
    names = _KINDS.get(kind)
    return kind.replace("_", " ") if names is None else names[_LANG_INDEX[lang]]


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _label(f: Finding, colour: bool) -> str:
    if f.status is Status.UNKNOWN:
        return _paint("unknown", _UNKNOWN_COLOUR, colour)
    return _paint(f.severity.value, _COLOURS[f.severity], colour)


def report_text(report: Report, *, title: str, colour: bool = False, sources: bool = False) -> str:
    """The report grouped by subject, most serious first; ``colour`` for a terminal."""
    lang = report.lang
    w = {key: words[lang] for key, words in _WORDS.items()}
    lines = [f"{title} — {w['as_of']} {report.as_of.isoformat()}"]
    by_subject: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_subject[(f.subject.kind, f.subject.id)].append(f)
    order = sorted(by_subject, key=lambda k: min(f.sort_key() for f in by_subject[k]))
    for kind, subject_id in order:
        findings = by_subject[(kind, subject_id)]
        name = findings[0].subject.name
        shown = f"{name} ({subject_id})" if name and name != subject_id else subject_id
        lines.append("")
        lines.append(f"{_kind(kind, lang)} {shown}")
        for f in findings:
            where = f"  [{f.path}]" if f.path else ""
            message = f.message.removeprefix(f"{f.subject}: ")
            lines.append(f"  {_label(f, colour):<8} {f.rule}  {message}{where}")
            if sources:
                lines.append(f"           {w['source']}: {f.source}")
    c = report.counts()
    in_force = sum(1 for r in report.results if r.in_force)
    verdict = w["conforms"] if report.conforms else w["not"]
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
