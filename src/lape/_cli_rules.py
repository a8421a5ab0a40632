"""``lape rules``: the rule catalogue (and installed rule packs) listed, filtered, or in full.

- ``lape rules`` lists every rule, a rule a line and the documents it rests on;
- ``lape rules LAPE-G* funding`` keeps the rules an ID, tag or pattern names
  (``--severity``: of those default severities; ``--in-force DATE``: in force that day);
- ``lape rules LAPE-G04`` (one rule named by its ID), or ``--full``, shows each rule
  in full: title, condition, severity, dates, what it checks, tags, parameters with
  their dated values, message, and the source with its quote and the quote's
  translation into the chosen language;
- ``--lang fi|sv|en`` for the words, ``--format json`` for programs (always in full).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from typing import Any

from lape._evidence import as_data, as_text
from lape._wording import Text, subject_kind, word
from lape.model import Period, Severity, label
from lape.rules import Lang, Parameters, Rule, RuleSet

__all__ = ["add_rules_arguments", "rule_data", "rule_text", "select_rules"]

_LEVELS = tuple(s.value for s in Severity)

_WORDS: dict[str, Text] = {
    "in_force": Text(fi="voimassa", sv="i kraft", en="in force"),
    "always": Text(fi="aina", sv="alltid", en="always"),
    "checks": Text(fi="tarkistaa", sv="kontrollerar", en="checks"),
    "tags": Text(fi="tunnisteet", sv="taggar", en="tags"),
    "condition": Text(fi="ehto", sv="villkor", en="condition"),
    "parameters": Text(fi="parametrit", sv="parametrar", en="parameters"),
    "per_file": Text(
        fi="asetetaan tiedostossa tai mitä jos -laskelmassa",
        sv="anges i filen eller i en tänk om-kalkyl",
        en="set per file or what-if",
    ),
    "pack": Text(fi="sääntöpaketti", sv="regelpaket", en="rule pack"),
    "none": Text(fi="ei sääntöjä", sv="inga regler", en="no rules"),
}


def _word(key: str, lang: Lang) -> str:
    return _WORDS[key].get(lang) if key in _WORDS else word(key, lang)


def _levels(text: str) -> list[str]:
    found = [part.strip() for part in text.split(",") if part.strip()]
    for level in found:
        if level not in _LEVELS:
            msg = f"expected severities among {', '.join(_LEVELS)}, not {level!r}"
            raise argparse.ArgumentTypeError(msg)
    return found


def _tokens(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date (YYYY-MM-DD): {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def add_rules_arguments(rules: argparse.ArgumentParser) -> None:
    """The arguments of ``lape rules``."""
    rules.add_argument(
        "rules",
        nargs="*",
        type=_tokens,
        metavar="RULE",
        help="only these rules: IDs, tags or patterns (LAPE-G04, funding, 'LAPE-N*'); "
        "one rule named by its ID is shown in full",
    )
    rules.add_argument(
        "--severity",
        type=_levels,
        action="extend",
        default=[],
        metavar="LEVELS",
        help="only rules of these default severities: error, warning, info (comma-separated)",
    )
    rules.add_argument(
        "--in-force", type=_day, metavar="DATE", help="only rules in force on DATE (YYYY-MM-DD)"
    )
    rules.add_argument("--full", action="store_true", help="show each rule in full")
    rules.add_argument(
        "--lang",
        choices=("fi", "sv", "en"),
        default="en",
        help="language of the titles, the words and the quote's translation",
    )
    rules.add_argument(
        "--format", choices=("text", "json"), default="text", help="json: every rule in full"
    )


def select_rules(
    rules: RuleSet,
    tokens: Sequence[str] = (),
    *,
    severities: Sequence[str] = (),
    in_force: dt.date | None = None,
) -> tuple[Rule, ...]:
    """The rules that ``tokens`` (IDs, tags, patterns; none: all) name, of one of
    ``severities`` (none: any) and in force on ``in_force`` (``None``: any day).
    A token that names no rule raises :class:`~lape.rules.RuleSelectionError`."""
    chosen = rules.select(*tokens) if tokens else rules
    return tuple(
        r
        for r in chosen
        if (not severities or r.severity.value in severities)
        and (in_force is None or r.in_force.contains(in_force))
    )


def _period(period: Period, lang: Lang) -> str:
    start = None if period.start.year <= 1900 else period.start.isoformat()
    end = period.end.isoformat() if period.end else None
    if start is None and end is None:
        return _word("always", lang)
    return f"{start or ''}..{end or ''}"


def _dated(values: Sequence[tuple[dt.date, Any]], lang: Lang) -> str:
    shown = [
        as_text(value, lang)
        if day.year <= 1900
        else f"{as_text(value, lang)} ({day.isoformat()}..)"
        for day, value in values
    ]
    return "; ".join(shown)


def rule_text(rule: Rule, lang: Lang, parameters: Parameters, *, pack: str | None = None) -> str:
    """One rule in full, in ``lang``: every field a coordinator reads, and its source."""
    from lape.rules import source_lines

    lines = [f"{rule.id} — {rule.title.get(lang)}"]
    if rule.condition is not None:
        lines.append(f"  {rule.condition.get(lang)}")
    lines.append("")
    kinds = ", ".join(subject_kind(k.value, lang) for k in rule.subjects)
    fields = [
        ("severity", label(rule.severity, lang)),
        ("in_force", _period(rule.in_force, lang)),
        ("checks", kinds),
        ("tags", ", ".join(sorted(rule.tags))),
    ]
    if pack is not None:
        fields.append(("pack", pack))
    width = max(len(_word(key, lang)) for key, _ in fields) + 1
    lines.extend(f"  {_word(key, lang) + ':':<{width}} {value}" for key, value in fields)
    if rule.parameters:
        lines.append(f"  {_word('parameters', lang)}:")
        for name in rule.parameters:
            p = parameters.get(name)
            if p is None:  # a family such as ``pool.<id>.amount``
                lines.append(f"    {name}: {_word('per_file', lang)}")
            else:
                lines.append(f"    {name} = {_dated(p.values, lang)}")
                lines.append(f"      {p.description_in(lang)} ({p.reference})")
    lines.append(f"  {_word('message', lang)}: {rule.message.get(lang)}")
    lines.append(f"  {_word('source', lang)}:")
    lines.extend(source_lines("", rule.source, lang, indent=4))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def rule_data(
    rule: Rule, lang: Lang, parameters: Parameters, *, pack: str | None = None
) -> dict[str, Any]:
    """One rule as JSON-ready data (``lape rules --format json``): every field, the
    parameters with their dated values, and the source with its documents and the
    quote's translations (``translation``: into ``lang``)."""
    details = []
    for name in rule.parameters:
        p = parameters.get(name)
        details.append(
            {"name": name, "description": None, "reference": None, "values": None}
            if p is None
            else {
                "name": name,
                "description": p.description_in(lang),
                "reference": p.reference,
                "values": [
                    {"from": None if day.year <= 1900 else day.isoformat(), "value": as_data(v)}
                    for day, v in p.values
                ],
            }
        )
    return {
        "id": rule.id,
        "severity": rule.severity.value,
        "in_force": {
            "start": rule.in_force.start.isoformat(),
            "end": rule.in_force.end.isoformat() if rule.in_force.end else None,
        },
        "subjects": [kind.value for kind in rule.subjects],
        "title": rule.title.as_dict(),
        "condition": None if rule.condition is None else rule.condition.as_dict(),
        "message": rule.message.as_dict(),
        "source": rule.source.as_dict(lang),
        "tags": sorted(rule.tags),
        "parameters": list(rule.parameters),
        "parameter_values": details,
        "pack": pack,
    }


def shows_in_full(tokens: Sequence[str], chosen: Sequence[Rule], full: bool) -> bool:
    """Whether ``lape rules`` shows the rules in full: asked with ``--full``, or one
    rule named by its own ID."""
    return full or (len(chosen) == 1 and list(tokens) == [chosen[0].id])


def nothing(lang: Lang) -> str:
    """The line ``lape rules`` prints when the filters leave no rule."""
    return f"({_word('none', lang)})\n"
