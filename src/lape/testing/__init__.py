"""Test support for code that uses ``lape``: hypothesis strategies, rule breaks, fixtures.

- Strategies for every model type (:func:`actors`, :func:`groups`,
  :func:`development_projects`, :func:`interfaces`, :func:`snapshots`,
  :func:`surveys`...): arbitrary but well-formed data, every reference resolving
  in :func:`snapshots`.
- :func:`valid_snapshots`: snapshots built to satisfy every rule in force on a
  day (the rules of DOMAIN.md revision 2 and their shared definitions).
- :func:`rule_breaks`: a valid snapshot with one change that breaks exactly one
  rule, as a :class:`RuleBreak` that says which rule and which subject the
  engine must report (:func:`breakable_rules` lists the rules it can break on a
  day: every rule of the catalogue on some day).
- :func:`problems`: a report's errors and warnings as ``(rule, kind, ID)``;
  :class:`Checker`: checks with assertions that spell out the findings, bound
  to options of its own (a rule set, a day...), with questions and assertions
  about one rule (its findings, its :class:`Failure` tuples, what it examined,
  the one violation).
- Registration with hypothesis, so that ``st.from_type(Snapshot)`` (and every
  other model class) works once ``lape`` is installed, and a pytest plugin with
  the fixtures ``lape_example`` and ``lape_check``.

The strategies need :mod:`hypothesis`, which ``lape`` itself does not depend
on: install it (``pip install 'lape[test]'``). They load on first use, and
``import lape`` never imports hypothesis. :class:`RuleBreak`, :func:`problems`,
:class:`Checker`, :class:`Failure`, :func:`breakable_rules` and :func:`national_snapshot` (synthetic
national-scale data for benchmarks) need no hypothesis.

>>> import datetime as dt
>>> from hypothesis import given, settings
>>> from lape.testing import problems, rule_breaks
>>> @settings(max_examples=5, deadline=None)
... @given(rule_breaks(as_of=dt.date(2017, 6, 1), rule="LAPE-G05"))
... def test_missing_youth_representative(b):
...     assert problems(b.check()) == {("LAPE-G05", "group", b.subject_id)}
>>> test_missing_youth_representative()

The guide with a downstream test suite is ``docs/testing.md``.

:func:`_hypothesis_setup_hook` registers the strategies for
:func:`hypothesis.strategies.from_type` (and so for ``st.builds`` inference)
when named as the ``hypothesis`` entry point of the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lape.testing._checker import Checker, Failure
from lape.testing._rulebreak import (
    UNBREAKABLE,
    RuleBreak,
    breakable_rules,
    breakable_window,
    problems,
)
from lape.testing._synthetic import national_snapshot

if TYPE_CHECKING:
    from lape.testing._breaks import rule_breaks
    from lape.testing._strategies import (
        actors,
        change_agents,
        check_settings,
        coordination_links,
        development_projects,
        funding_pools,
        grants,
        groups,
        health_social_centres,
        interfaces,
        mandates,
        memberships,
        money,
        network_members,
        periods,
        scopes,
        service_networks,
        services,
        snapshot_infos,
        snapshots,
    )
    from lape.testing._surveys import answers, respondents, surveys
    from lape.testing._valid import valid_snapshots

__all__ = [
    "UNBREAKABLE",
    "Checker",
    "Failure",
    "RuleBreak",
    "actors",
    "answers",
    "breakable_rules",
    "breakable_window",
    "change_agents",
    "check_settings",
    "coordination_links",
    "development_projects",
    "funding_pools",
    "grants",
    "groups",
    "health_social_centres",
    "interfaces",
    "mandates",
    "memberships",
    "money",
    "national_snapshot",
    "network_members",
    "periods",
    "problems",
    "respondents",
    "rule_breaks",
    "scopes",
    "service_networks",
    "services",
    "snapshot_infos",
    "snapshots",
    "surveys",
    "valid_snapshots",
]

_LAZY = {
    "actors": "_strategies",
    "change_agents": "_strategies",
    "check_settings": "_strategies",
    "coordination_links": "_strategies",
    "development_projects": "_strategies",
    "funding_pools": "_strategies",
    "grants": "_strategies",
    "groups": "_strategies",
    "health_social_centres": "_strategies",
    "interfaces": "_strategies",
    "mandates": "_strategies",
    "memberships": "_strategies",
    "money": "_strategies",
    "network_members": "_strategies",
    "periods": "_strategies",
    "scopes": "_strategies",
    "service_networks": "_strategies",
    "services": "_strategies",
    "snapshot_infos": "_strategies",
    "snapshots": "_strategies",
    "answers": "_surveys",
    "respondents": "_surveys",
    "surveys": "_surveys",
    "valid_snapshots": "_valid",
    "rule_breaks": "_breaks",
}
"""The names that need hypothesis, and the private module each comes from."""


def __getattr__(name: str) -> Any:
    """The strategies load on first use, so that the rest works without hypothesis."""
    module_name = _LAZY.get(name)
    if module_name is None:
        msg = f"module 'lape.testing' has no attribute {name!r}"
        raise AttributeError(msg)
    import importlib

    try:
        module = importlib.import_module(f"lape.testing.{module_name}")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        if exc.name is None or not exc.name.startswith("hypothesis"):
            raise
        msg = f"lape.testing.{name} needs hypothesis: pip install 'lape[test]'"
        raise ImportError(msg) from exc
    return getattr(module, name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _hypothesis_setup_hook() -> None:
    """Register the ``lape`` strategies with :func:`hypothesis.strategies.from_type`.

    Named as the package's ``hypothesis`` entry point
    (``[project.entry-points.hypothesis] _ = "lape.testing:_hypothesis_setup_hook"``),
    hypothesis calls it while it is itself being imported. So the hook imports
    nothing of ours that imports hypothesis: each registration is
    :func:`~hypothesis.strategies.deferred`, and the strategy modules load when
    the first example is drawn. Calling it again is harmless. The area-code
    types resolve to real codes from the reference data; the reference data's
    own types (:class:`~lape.model.Municipality`, :class:`~lape.model.Region`...)
    to its real entries.
    """
    from hypothesis import strategies as st

    from lape import model
    from lape.testing import _rulebreak

    def lazy(module: str, name: str) -> st.SearchStrategy[Any]:
        def build() -> st.SearchStrategy[Any]:
            import importlib

            strategy: st.SearchStrategy[Any] = getattr(
                importlib.import_module(f"lape.testing.{module}"), name
            )()
            return strategy

        return st.deferred(build)

    registrations: list[tuple[type, str, str]] = [
        (model.Period, "_strategies", "periods"),
        (model.Actor, "_strategies", "actors"),
        (model.Membership, "_strategies", "memberships"),
        (model.Mandate, "_strategies", "mandates"),
        (model.Group, "_strategies", "groups"),
        (model.ChangeAgent, "_strategies", "change_agents"),
        (model.FundingPool, "_strategies", "funding_pools"),
        (model.Grant, "_strategies", "grants"),
        (model.DevelopmentProject, "_strategies", "development_projects"),
        (model.HealthSocialCentre, "_strategies", "health_social_centres"),
        (model.Service, "_strategies", "services"),
        (model.Interface, "_strategies", "interfaces"),
        (model.CoordinationLink, "_strategies", "coordination_links"),
        (model.NetworkMember, "_strategies", "network_members"),
        (model.ServiceNetwork, "_strategies", "service_networks"),
        (model.Scope, "_strategies", "scopes"),
        (model.SnapshotInfo, "_strategies", "snapshot_infos"),
        (model.CheckSettings, "_strategies", "check_settings"),
        (model.Snapshot, "_strategies", "snapshots"),
        (model.Answer, "_surveys", "answers"),
        (model.Respondent, "_surveys", "respondents"),
        (model.Survey, "_surveys", "surveys"),
        (model.MunicipalityCode, "_strategies", "_municipality_codes"),
        (model.RegionCode, "_strategies", "_region_codes"),
        (model.CountyCode, "_strategies", "_county_codes"),
        (model.Geography, "_strategies", "_geographies"),
        (model.Municipality, "_strategies", "_municipalities"),
        (model.Region, "_strategies", "_regions"),
        (model.WellbeingServicesCounty, "_strategies", "_counties"),
        (model.HospitalDistrict, "_strategies", "_hospital_districts"),
        (model.ProjectArea, "_strategies", "_project_areas"),
        (_rulebreak.RuleBreak, "_breaks", "rule_breaks"),
    ]
    for cls, module, name in registrations:
        st.register_type_strategy(cls, lazy(module, name))
