"""A service network as it stands on one day: the view the rules and the interface map share."""

from __future__ import annotations

import datetime as dt

import attrs

from lape.model._geography import Geography
from lape.model._ids import MunicipalityCode
from lape.model._services import ServiceNetwork
from lape.model._snapshot import SnapshotIndex

__all__ = ["network_on_day"]


def network_on_day(
    network: ServiceNetwork, *, index: SnapshotIndex, geography: Geography, day: dt.date
) -> tuple[ServiceNetwork, tuple[int, ...]]:
    """The network as it stands on ``day``, and the position in ``network.services`` of
    each service it keeps.

    A service whose provider's own period does not hold the day is not run, and is
    left out (a provider the snapshot lacks is kept: LAPE-S01 reports it). The
    municipalities of the services and the interfaces are read on the day: a
    merged municipality becomes the one it merged into. Rule LAPE-N07 and
    :func:`lape.network.interface_map` both read networks this way, so they agree.
    """

    def running(provider: str) -> bool:
        actor = index.actor(provider)
        return actor is None or actor.period is None or actor.period.contains(day)

    def now(code: MunicipalityCode | None) -> MunicipalityCode | None:
        return None if code is None else (geography.municipality_on(code, day) or code)

    positions = tuple(j for j, svc in enumerate(network.services) if running(svc.provider))
    services = tuple(
        attrs.evolve(svc, municipality=now(svc.municipality))
        for svc in (network.services[j] for j in positions)
    )
    interfaces = tuple(
        attrs.evolve(i, municipality=now(i.municipality)) for i in network.interfaces
    )
    return attrs.evolve(network, services=services, interfaces=interfaces), positions
