"""Sphinx extension: the rule catalogue, generated from the rule registry at build time.

``{lape-rule-catalogue}`` renders every rule of :func:`lape.rules.catalogue` (ID,
severity, dates in force, subjects, tags, parameters with their dated values,
title in Finnish, Swedish and English, and the source with its quote), grouped by
the letter of the ID. The page cannot drift from the code: it is the code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from lape.model import Period
from lape.rules import Parameters, Rule, catalogue, default_parameters

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The letter groups, in the order of DOMAIN.md's catalogue.
_PREFIXES: dict[str, str] = {
    "G": "Groups: composition and mandate",
    "C": "Change agents",
    "F": "Funding",
    "Y": "Youth participation bodies",
    "N": "Service networks",
    "W": "Wellbeing services counties",
    "S": "Integrity",
}
_LANGUAGE_NAMES = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}


def _period(period: Period) -> str:
    start = "always" if period.start <= dt.date(1901, 1, 1) else period.start.isoformat()
    if period.end is None:
        return start if start == "always" else f"from {start}"
    return f"{start} to {period.end.isoformat()}"


def _paragraph(*children: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _table(header: Sequence[str], rows: Iterable[Sequence[nodes.Node | str]]) -> nodes.table:
    table = nodes.table(classes=["lape-rules"])
    group = nodes.tgroup(cols=len(header))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _ in header)
    head = nodes.thead()
    head += _row(header)
    group += head
    body = nodes.tbody()
    body.extend(_row(cells) for cells in rows)
    group += body
    return table


def _row(cells: Sequence[nodes.Node | str]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += _paragraph(cell)
        row += entry
    return row


def _value(value: Any) -> str:
    if isinstance(value, (frozenset, set, tuple, list)):
        return ", ".join(sorted(str(getattr(v, "value", v)) for v in value)) or "(none)"
    return str(getattr(value, "value", value))


def _field_list(fields: Iterable[tuple[str, nodes.Node | str]]) -> nodes.field_list:
    flist = nodes.field_list()
    for name, body in fields:
        field = nodes.field()
        field += nodes.field_name(text=name)
        content = nodes.field_body()
        content += body if isinstance(body, nodes.Element) else _paragraph(body)
        field += content
        flist += field
    return flist


def _parameters(rule: Rule, parameters: Parameters) -> nodes.Node:
    items = nodes.bullet_list()
    for name in rule.parameters:
        item = nodes.list_item()
        items += item
        if name not in parameters:  # a family such as ``pool.<id>.amount``, set per pool
            item += _paragraph(nodes.literal(text=name), ": set per file or what-if.")
            continue
        parameter = parameters[name]
        dated = "; ".join(
            f"{_value(value)} (from {day.isoformat()})"
            if day > dt.date(1901, 1, 1)
            else _value(value)
            for day, value in parameter.values
        )
        item += _paragraph(
            nodes.literal(text=name),
            f": {parameter.description} Default: {dated}. Reference: {parameter.reference}.",
        )
    return items


def _rule_section(rule: Rule, parameters: Parameters, document: nodes.document) -> nodes.section:
    section = nodes.section(
        ids=[nodes.make_id(rule.id)], names=[nodes.fully_normalize_name(rule.id)]
    )
    section += nodes.title(text=f"{rule.id}: {rule.title.en}")
    document.note_implicit_target(section, section)
    if rule.condition is not None:
        section += _paragraph(rule.condition.en)
    fields: list[tuple[str, nodes.Node | str]] = [
        ("Severity", rule.severity.value),
        ("In force", _period(rule.in_force)),
        ("Checks", ", ".join(kind.value.replace("_", " ") for kind in rule.subjects)),
        ("Tags", ", ".join(sorted(rule.tags))),
    ]
    fields += [(f"Title {_LANGUAGE_NAMES[lang]}", rule.title.get(lang)) for lang in ("fi", "sv")]
    if rule.condition is not None:
        fields += [
            (f"Condition {_LANGUAGE_NAMES[lang]}", rule.condition.get(lang))
            for lang in ("fi", "sv")
        ]
    if rule.parameters:
        fields.append(("Parameters", _parameters(rule, parameters)))
    section += _field_list(fields)
    quote = nodes.block_quote()
    quote += _paragraph(nodes.emphasis(text=rule.source.quote))
    quote += nodes.attribution(text=rule.source.document)
    section += _paragraph(nodes.strong(text="Source"))
    section += quote
    example = rule.message.en
    section += _paragraph(nodes.strong(text="Message (en): "), nodes.literal(text=example))
    return section


class RuleCatalogue(SphinxDirective):
    """``{lape-rule-catalogue}``: the built-in catalogue, a summary, then a section per rule."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        rules = list(catalogue())
        parameters = default_parameters()
        unknown = sorted({r.prefix for r in rules} - _PREFIXES.keys())
        if unknown:
            msg = f"rule prefixes without a heading in lape_catalogue._PREFIXES: {unknown}"
            raise self.error(msg)
        summary = _table(
            ["ID", "severity", "in force", "title"],
            (
                [
                    nodes.reference(text=r.id, refid=nodes.make_id(r.id)),
                    r.severity.value,
                    _period(r.in_force),
                    r.title.en,
                ]
                for r in rules
            ),
        )
        out: list[nodes.Node] = [
            _paragraph(f"{len(rules)} rules, generated from lape.rules.catalogue()."),
            summary,
        ]
        for prefix, heading in _PREFIXES.items():
            members = [r for r in rules if r.prefix == prefix]
            if not members:
                continue
            section = nodes.section(ids=[f"rules-{prefix.lower()}"], names=[heading.lower()])
            section += nodes.title(text=f"{heading} (LAPE-{prefix})")
            for member in members:
                section += _rule_section(member, parameters, self.state.document)
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lape-rule-catalogue", RuleCatalogue)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
