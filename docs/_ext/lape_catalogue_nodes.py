"""The rule catalogue's pieces as docutils nodes, for the ``lape_catalogue`` extension.

Plain docutils (no Sphinx), so that the test suite can build every rule's section
and check what the page shows (``tests/test_docs_catalogue.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from docutils import nodes

from lape.model import Period
from lape.rules import Parameters, Rule, Source

__all__ = ["PREFIXES", "paragraph", "period", "rule_section", "table"]

# The letter groups, in the order of DOMAIN.md's catalogue.
PREFIXES: dict[str, str] = {
    "G": "Groups: composition and mandate",
    "C": "Change agents",
    "F": "Funding",
    "Y": "Youth participation bodies",
    "N": "Service networks",
    "W": "Wellbeing services counties",
    "S": "Integrity",
}
_LANGUAGE_NAMES = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}


def period(period: Period) -> str:
    start = "always" if period.start <= dt.date(1901, 1, 1) else period.start.isoformat()
    if period.end is None:
        return start if start == "always" else f"from {start}"
    return f"{start} to {period.end.isoformat()}"


def paragraph(*children: nodes.Node | str) -> nodes.paragraph:
    para = nodes.paragraph()
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def table(header: Sequence[str], rows: Iterable[Sequence[nodes.Node | str]]) -> nodes.table:
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
        entry += paragraph(cell)
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
        content += body if isinstance(body, nodes.Element) else paragraph(body)
        field += content
        flist += field
    return flist


def _parameters(rule: Rule, parameters: Parameters) -> nodes.Node:
    items = nodes.bullet_list()
    for name in rule.parameters:
        item = nodes.list_item()
        items += item
        if name not in parameters:  # a family such as ``pool.<id>.amount``, set per pool
            item += paragraph(nodes.literal(text=name), ": set per file or what-if.")
            continue
        parameter = parameters[name]
        dated = "; ".join(
            f"{_value(value)} (from {day.isoformat()})"
            if day > dt.date(1901, 1, 1)
            else _value(value)
            for day, value in parameter.values
        )
        item += paragraph(
            nodes.literal(text=name),
            f": {parameter.description} Default: {dated}. Reference: {parameter.reference}.",
        )
    return items


def rule_section(rule: Rule, parameters: Parameters, document: nodes.document) -> nodes.section:
    section = nodes.section(
        ids=[nodes.make_id(rule.id)], names=[nodes.fully_normalize_name(rule.id)]
    )
    section += nodes.title(text=f"{rule.id}: {rule.title.en}")
    document.note_implicit_target(section, section)
    if rule.condition is not None:
        section += paragraph(rule.condition.en)
    fields: list[tuple[str, nodes.Node | str]] = [
        ("Severity", rule.severity.value),
        ("In force", period(rule.in_force)),
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
    section += paragraph(nodes.strong(text="Source"))
    section += source_nodes(rule.source)
    example = rule.message.en
    section += paragraph(nodes.strong(text="Message (en): "), nodes.literal(text=example))
    return section


_LANGUAGE_ORIGINALS = {"fi": "Finnish", "sv": "Swedish", "en": "English"}


def source_nodes(source: Source) -> list[nodes.Node]:
    """A rule's source: the quote in its own language, its renderings in the other
    two marked as translations, and what each cited document is (publisher, kind,
    date, title, address)."""
    quote = nodes.block_quote()
    quote += paragraph(nodes.emphasis(text=source.quote))
    language = _LANGUAGE_ORIGINALS.get(source.language or "")
    quote += nodes.attribution(text=f"original, in {language}" if language else source.document)
    out: list[nodes.Node] = [quote]
    if source.renderings is not None:
        fields = [
            (f"Quote {_LANGUAGE_NAMES[lang]} (translation)", source.quote_in(lang))
            for lang in ("fi", "sv", "en")
            if source.is_translation(lang)
        ]
        out.append(_field_list(fields))
    documents = source.documents
    if documents:
        items = nodes.bullet_list()
        for document in documents:
            item = nodes.list_item()
            text = document.describe("en")
            if document.url:
                head, _, tail = text.partition(document.url)
                item += paragraph(
                    head, nodes.reference(text=document.url, refuri=document.url), tail
                )
            else:
                item += paragraph(text)
            items += item
        out.append(items)
    else:
        out.append(paragraph(source.document))
    return out
