"""Hypothesis strategies for property-based tests of code that uses ``lape``.

The strategies need :mod:`hypothesis`, which ``lape`` itself does not depend
on: install it (``pip install 'lape[test]'``). They load on first use, and
``import lape`` never imports hypothesis. :func:`national_snapshot` (synthetic
national-scale data for benchmarks) needs no hypothesis.

>>> from hypothesis import given
>>> from lape.testing import snapshots
>>> @given(snapshots(max_actors=3))
... def test_no_dangling(snapshot):
...     assert not list(snapshot.index.dangling_references())
>>> test_no_dangling()

:func:`_hypothesis_setup_hook` registers these strategies for
:func:`hypothesis.strategies.from_type` (and so for ``st.builds`` inference)
when named as the ``hypothesis`` entry point of the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lape.testing._synthetic import national_snapshot

if TYPE_CHECKING:
    from lape.testing._strategies import (
        actors,
        change_agents,
        funding_pools,
        grants,
        groups,
        health_social_centres,
        mandates,
        memberships,
        money,
        periods,
        service_networks,
        services,
        snapshots,
    )

__all__ = [
    "actors",
    "change_agents",
    "funding_pools",
    "grants",
    "groups",
    "health_social_centres",
    "mandates",
    "memberships",
    "money",
    "national_snapshot",
    "periods",
    "service_networks",
    "services",
    "snapshots",
]

_STRATEGIES = frozenset(
    {
        "actors",
        "change_agents",
        "funding_pools",
        "grants",
        "groups",
        "health_social_centres",
        "mandates",
        "memberships",
        "money",
        "periods",
        "service_networks",
        "services",
        "snapshots",
    }
)


def __getattr__(name: str) -> Any:
    """The strategies load on first use, so that :func:`national_snapshot` works
    without hypothesis installed."""
    if name in _STRATEGIES:
        try:
            from lape.testing import _strategies
        except ImportError as exc:  # pragma: no cover - depends on the environment
            msg = f"lape.testing.{name} needs hypothesis: pip install 'lape[test]'"
            raise ImportError(msg) from exc
        return getattr(_strategies, name)
    msg = f"module 'lape.testing' has no attribute {name!r}"
    raise AttributeError(msg)


def _hypothesis_setup_hook() -> None:
    """Register the ``lape`` strategies with :func:`hypothesis.strategies.from_type`.

    Named as the package's ``hypothesis`` entry point
    (``[project.entry-points.hypothesis] _ = "lape.testing:_hypothesis_setup_hook"``),
    hypothesis calls it when it is imported. Calling it again is harmless.
    The area-code types resolve to real codes from the reference data.
    """
    from hypothesis import strategies as st

    from lape import model
    from lape.testing import _strategies as s

    registrations: list[tuple[type, st.SearchStrategy[object]]] = [
        (model.Actor, s.actors()),
        (model.Membership, s.memberships()),
        (model.Mandate, s.mandates()),
        (model.Group, s.groups()),
        (model.ChangeAgent, s.change_agents()),
        (model.FundingPool, s.funding_pools()),
        (model.Grant, s.grants()),
        (model.HealthSocialCentre, s.health_social_centres()),
        (model.Service, s.services()),
        (model.ServiceNetwork, s.service_networks()),
        (model.Snapshot, s.snapshots()),
    ]
    for cls, strategy in registrations:
        st.register_type_strategy(cls, strategy)
    st.register_type_strategy(model.MunicipalityCode, st.deferred(lambda: s._municipality_codes()))
    st.register_type_strategy(model.RegionCode, st.deferred(lambda: s._region_codes()))
    st.register_type_strategy(model.CountyCode, st.deferred(lambda: s._county_codes()))
