"""Shared helpers of the fidelity tests of the service-network rules (LAPE-N01..N08, W01, W02).

Every case is a small snapshot: the actors and the centre below (all of Pohjois-Savo,
county ``13``/``PS``) followed by the entities the case writes in YAML. A case checks one rule on
one day and compares the rule's findings, as (rule, subject kind, subject ID, status,
severity) tuples, with the ones DOMAIN.md calls for.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import textwrap
from collections import Counter

import attrs

import lape
from lape.testing import Checker

__all__ = [
    "BEFORE_IN_FORCE",
    "DAY",
    "FIRST_DAY",
    "FindingTuple",
    "assert_nothing_found",
    "check",
    "counted",
    "found",
    "providers",
    "snapshot",
]

FIRST_DAY = dt.date(2023, 1, 1)
"""The first day the service-network rules are in force (DOMAIN.md: "in force 2023-01-01 ..")."""
BEFORE_IN_FORCE = FIRST_DAY - dt.timedelta(days=1)
"""2022-12-31, the last day before the rules are in force."""
DAY = dt.date(2023, 6, 1)
"""The usual checked day."""

FindingTuple = tuple[str, str, str, str, str]
"""(rule, subject kind, subject ID, status, severity) of one finding."""

_checker = Checker()

COMMON = """
actors:
  - {id: ps-hva, name: Pohjois-Savon hyvinvointialue, kind: wellbeing_services_county,
     county: PS, sectors: [social_health]}
  - {id: kuopio-sivistys, name: "City of Kuopio, education and youth", kind: municipal_body,
     sectors: [education_youth], municipalities: [Kuopio]}
  - {id: siilinjarvi-sivistys, name: "Siilinjärvi, education and youth", kind: municipal_body,
     sectors: [education_youth], municipalities: [Siilinjärvi]}
  - {id: kuopio-perheet, name: Kuopion Perheyhdistys ry, kind: organisation,
     sectors: [civil_society], municipalities: [Kuopio]}
  - {id: kuopio-srk, name: Kuopio parish union, kind: parish, sectors: [church],
     municipalities: [Kuopio]}
  - {id: ps-asiakasraati, name: Family centre client panel, kind: client_panel, county: PS}
  - {id: thl, name: Finnish Institute for Health and Welfare, kind: government_agency, body: thl}
centres:
  - {id: ps-keskus, name: Pohjois-Savo social and health centre, county: PS}
"""


@functools.cache
def _common() -> lape.Snapshot:
    return lape.loads(COMMON)


def snapshot(text: str = "", *, common: bool = True) -> lape.Snapshot:
    """The snapshot of the YAML ``text``, after the common actors and centre (unless
    ``common=False``)."""
    case = lape.loads(textwrap.dedent(text)) if text.strip() else lape.Snapshot()
    if not common:
        return case
    base = _common()
    return attrs.evolve(
        case, actors=(*base.actors, *case.actors), centres=(*base.centres, *case.centres)
    )


def providers(*services: str) -> list[str]:
    """The IDs of the providers named in YAML flow mappings of services, each once, in order."""
    named = (re.search(r"provider: ([^,}\s]+)", s) for s in services)
    return list(dict.fromkeys(m.group(1) for m in named if m is not None))


def check(subject: lape.Snapshot, rule: str, day: dt.date = DAY) -> lape.Report:
    """Check only ``rule`` on ``day``."""
    report = _checker(subject, as_of=day, select=[rule])
    assert report.result(rule) is not None, f"{rule} was not run"
    return report


def counted(report: lape.Report, rule: str) -> Counter[FindingTuple]:
    """The findings of ``rule`` as tuples, with how many times each occurs (fails when the
    rule was not run)."""
    return Counter(
        (f.rule, f.subject.kind, f.subject.id, f.status.value, f.severity.value)
        for f in _checker.findings(report, rule)
    )


def found(report: lape.Report, rule: str) -> set[FindingTuple]:
    """The set of the findings of ``rule`` as tuples."""
    return set(counted(report, rule))


def assert_nothing_found(report: lape.Report, rule: str) -> None:
    """``rule`` is in force, examined something and found nothing to report (not even an
    info note)."""
    _checker.assert_passes(report, rule, notes=False)
