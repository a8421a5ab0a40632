"""Reports and the rule catalogue as text a person reads in a terminal."""

from __future__ import annotations

from collections.abc import Iterable

from lape._printable import printable
from lape._wording import more, severity_word, subject_kind, word
from lape.model import LANGUAGES, Lang, Severity, label
from lape.rules._report import Finding, Report, by_subject
from lape.rules._rule import Rule, Source, Status

__all__ = ["MAX_TEXT_FINDINGS", "report_text", "rules_text", "source_lines"]

MAX_TEXT_FINDINGS = 500
"""How many findings :func:`report_text` writes out one by one unless told otherwise
(a last line counts the rest and says how to see them all)."""

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_UNKNOWN_COLOUR = "35"


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _width(lang: Lang) -> int:
    """The width of the severity column in ``lang``: its longest severity word."""
    words = [severity_word(s, False, lang) for s in Severity]
    return max(len(w) for w in (*words, severity_word(Severity.ERROR, True, lang)))


def _label(f: Finding, lang: Lang, colour: bool) -> str:
    unknown = f.status is Status.UNKNOWN
    text = severity_word(f.severity, unknown, lang).ljust(_width(lang))
    return _paint(text, _UNKNOWN_COLOUR if unknown else _COLOURS[f.severity], colour)


def report_text(
    report: Report,
    *,
    title: str = "lape",
    colour: bool = False,
    sources: bool = False,
    most: int | None = MAX_TEXT_FINDINGS,
) -> str:
    """The report as text a person reads: its findings grouped by subject, most
    serious first, then the verdict and the counts; ``colour`` for a terminal.

    Text from the snapshot (titles, names, IDs) comes with control, bidirectional and
    invisible characters escaped (``\\x1b``), so that only ``colour``'s own codes reach
    a terminal. Severities are written in the report's language. At most ``most`` findings are
    written out (``None``: all), and a line counts the rest. With ``sources``, a last
    section gives the source of each rule that reported: the documents, the quote
    in its own language and, marked as such, its translation into the report's.

    >>> import lape
    >>> from lape.rules import report_text
    >>> print(report_text(lape.check(lape.example()), title="Example", most=1))
    Example — as of 2017-10-01
    <BLANKLINE>
    grant ps-lape-varkaus-trial
      error   LAPE-F02  the grant covers ...
    <BLANKLINE>
    3 more findings not shown (every one: lape check --all, or --format json)
    <BLANKLINE>
    does not conform (errors: 3, warnings: 0, info: 1, unknown: 0; rules in force: 34)
    <BLANKLINE>
    """
    lang = report.lang
    lines = [f"{printable(title)} — {word('as_of', lang)} {report.as_of.isoformat()}"]
    cited: dict[str, Source] = {}
    limit = len(report.findings) if most is None else max(most, 0)
    shown = 0
    for subject, findings in by_subject(report.findings):
        if shown >= limit:
            break
        lines.append("")
        lines.append(printable(f"{subject_kind(subject.kind, lang)} {subject}"))
        taken = findings[: limit - shown]
        for f in taken:  # text from the file escaped here, before any colour is added
            where = f"  [{f.path}]" if f.path else ""
            message = printable(f.message.removeprefix(f"{f.subject}: ") + where)
            lines.append(f"  {_label(f, lang, colour)} {f.rule}  {message}")
            cited.setdefault(f.rule, f.source)
        shown += len(taken)
    rest = len(report.findings) - shown
    if rest:
        lines += ["", f"{more(rest, lang)} ({word('all_of_them', lang)})"]
    if sources and cited:
        lines += ["", f"{word('sources', lang)}:"]
        for rule_id in sorted(cited):
            lines.extend(source_lines(rule_id, cited[rule_id], lang))
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


def source_lines(rule_id: str, source: Source, lang: Lang, *, indent: int = 2) -> list[str]:
    """A rule's source as lines of text in ``lang``: the documents (one a line, after
    the rule's ID), the quote in its own language, and its translation into
    ``lang`` marked as a translation."""
    pad = " " * indent
    documents = source.describe(lang).split("\n")
    width = len(rule_id) + 2 if rule_id else 0
    lines = [f"{pad}{rule_id + '  ' if rule_id else ''}{documents[0]}"]
    lines.extend(f"{pad}{'':<{width}}{d}" for d in documents[1:])
    original = f"original_{source.language}" if source.language in LANGUAGES else None
    marker = f" ({word(original, lang)})" if original is not None else ""
    lines.append(f"{pad}{'':<{width}}«{source.quote}»{marker}")
    if source.is_translation(lang):
        lines.append(f"{pad}{'':<{width}}«{source.quote_in(lang)}» ({word('translation', lang)})")
    return lines


def rules_text(rules: Iterable[Rule], lang: Lang) -> str:
    """One line per rule: ID, severity, in force, title; then the documents it rests on."""
    lines = []
    width = max(len(label(s, lang)) for s in Severity)
    for r in rules:
        end = r.in_force.end.isoformat() if r.in_force.end else ""
        start = "" if r.in_force.start.year <= 1900 else r.in_force.start.isoformat()
        severity = label(r.severity, lang)
        lines.append(f"{r.id:<9} {severity:<{width}} {start:>10}..{end:<10}  {r.title.get(lang)}")
        lines.extend(f"{'':<9} {d}" for d in r.source.describe(lang).split("\n"))
    return "\n".join(lines) + "\n"
