"""An example rule pack for lape: one rule of our own, under our own ID prefix (EX-).

Install it beside lape (``pip install ./examples/lape-rulepack-example``); from then on
``lape check`` runs EX-P01 with the catalogue, ``lape rules`` lists it, and a snapshot's
``checks:`` section may name it. ``ignore=["example"]`` (the pack's name is a tag of each
of its rules) leaves the pack out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lape.model import ActorKind, GroupKind, Period, Severity
from lape.rules import Context, Outcome, Rule, Source, Text, rule

__all__ = ["RULES"]


@rule(
    id="EX-P01",
    severity=Severity.WARNING,
    subjects="group",
    in_force=Period(start=dt.date(2017, 1, 1), end=dt.date(2018, 12, 31)),
    source=Source(
        "seeds/003_3bdfde6a4b2dc7b5.txt (Kuntaliitto blog)",
        "Utöver att familjerna deltar i planeringen av tjänsterna ska barnskyddets "
        "klienter också tas med i utvärderingen av de befintliga tjänsterna.",
    ),
    title=Text(
        fi="Kunnan lape-ryhmässä on kokemusasiantuntija",
        sv="Kommunens grupp har en erfarenhetsexpert",
        en="A municipal group has an experience expert",
    ),
    message=Text(
        fi="{subject}: ryhmässä ei ole kokemusasiantuntijaa (jäsenten lajit: {kinds})",
        sv="{subject}: gruppen har ingen erfarenhetsexpert (medlemmarnas typer: {kinds})",
        en="{subject}: the group has no experience expert (members' kinds: {kinds})",
    ),
    tags=("participation",),
)
def ex_p01(ctx: Context) -> Iterator[Outcome]:
    groups = ctx.groups(GroupKind.MUNICIPAL)
    ctx.examine(groups)
    for group in groups:
        kinds = ctx.member_kinds(group)
        if ActorKind.EXPERIENCE_EXPERT not in kinds:
            yield ctx.failed(group, kinds=kinds)


RULES: tuple[Rule, ...] = (ex_p01,)
