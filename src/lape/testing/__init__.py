"""Hypothesis strategies for property-based tests of code that uses ``lape``.

This subpackage imports :mod:`hypothesis`, which ``lape`` itself does not
depend on: install it (``pip install 'lape[test]'``) before importing
``lape.testing``. ``import lape`` never imports it.

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

try:
    import hypothesis  # noqa: F401 - only to fail early with a helpful message
except ImportError as exc:  # pragma: no cover - depends on the environment
    msg = "lape.testing needs hypothesis: pip install 'lape[test]'"
    raise ImportError(msg) from exc

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
    "periods",
    "service_networks",
    "services",
    "snapshots",
]


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
        (model.Period, periods()),
        (model.Actor, actors()),
        (model.Membership, memberships()),
        (model.Mandate, mandates()),
        (model.Group, groups()),
        (model.ChangeAgent, change_agents()),
        (model.FundingPool, funding_pools()),
        (model.Grant, grants()),
        (model.HealthSocialCentre, health_social_centres()),
        (model.Service, services()),
        (model.ServiceNetwork, service_networks()),
        (model.Snapshot, snapshots()),
    ]
    for cls, strategy in registrations:
        st.register_type_strategy(cls, strategy)
    st.register_type_strategy(model.MunicipalityCode, st.deferred(s._municipality_codes))
    st.register_type_strategy(model.RegionCode, st.deferred(s._region_codes))
    st.register_type_strategy(model.CountyCode, st.deferred(s._county_codes))
