"""Sphinx extension: the rule catalogue, generated from the rule registry at build time.

``{lape-rule-catalogue}`` renders every rule of :func:`lape.rules.catalogue` (ID,
severity, dates in force, subjects, tags, parameters with their dated values,
title in Finnish, Swedish and English, and the source: its quote, the quote's
translations marked as such, and what each cited document is), grouped by the
letter of the ID. The page cannot drift from the code: it is the code. The nodes
are built by :mod:`lape_catalogue_nodes` (plain docutils, tested by the suite).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from lape_catalogue_nodes import PREFIXES, paragraph, period, rule_section, table
from sphinx.util.docutils import SphinxDirective

from lape.rules import catalogue, default_parameters

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class RuleCatalogue(SphinxDirective):
    """``{lape-rule-catalogue}``: the built-in catalogue, a summary, then a section per rule."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        rules = list(catalogue())
        parameters = default_parameters()
        unknown = sorted({r.prefix for r in rules} - PREFIXES.keys())
        if unknown:
            msg = f"rule prefixes without a heading in lape_catalogue.PREFIXES: {unknown}"
            raise self.error(msg)
        summary = table(
            ["ID", "severity", "in force", "title"],
            (
                [
                    nodes.reference(text=r.id, refid=nodes.make_id(r.id)),
                    r.severity.value,
                    period(r.in_force),
                    r.title.en,
                ]
                for r in rules
            ),
        )
        out: list[nodes.Node] = [
            paragraph(f"{len(rules)} rules, generated from lape.rules.catalogue()."),
            summary,
        ]
        for prefix, heading in PREFIXES.items():
            members = [r for r in rules if r.prefix == prefix]
            if not members:
                continue
            section = nodes.section(ids=[f"rules-{prefix.lower()}"], names=[heading.lower()])
            section += nodes.title(text=f"{heading} (LAPE-{prefix})")
            for member in members:
                section += rule_section(member, parameters, self.state.document)
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lape-rule-catalogue", RuleCatalogue)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
