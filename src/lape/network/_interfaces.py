"""The interface map of a wellbeing services county: for each service whose
responsibility is split between a municipality and the county, whether an
interface is identified (seed 004; rule LAPE-N07 reports the missing ones)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from lape._pandas import Table as _Table
from lape.model import Geography, Snapshot
from lape.network._measures import _geography

__all__ = ["InterfaceMap", "SplitService", "interface_map"]


@attrs.frozen(kw_only=True)
class SplitService:
    """A service whose responsibility is split between a municipality and the county."""

    county: str | None
    """The network's county."""
    network: str
    service: str
    name: str
    provider: str
    municipality: str | None
    """The municipality whose residents the service is for, when it is one."""
    responsibility: tuple[str, ...]
    identified: bool
    """Whether the network identifies an interface for the service (in its municipality)."""
    interfaces: tuple[str | None, ...]
    """The municipalities of the network's interfaces for the service (``None``: not named)."""
    descriptions: tuple[str | None, ...]


@attrs.frozen(kw_only=True)
class InterfaceMap(_Table):
    """The split services of the networks in effect, in snapshot order."""

    county: str | None
    """The county mapped, ``None`` for every county."""
    as_of: dt.date | None
    services: tuple[SplitService, ...]

    columns: ClassVar[tuple[str, ...]] = (
        "county",
        "network",
        "service",
        "name",
        "provider",
        "municipality",
        "responsibility",
        "identified",
        "interfaces",
        "descriptions",
    )

    def missing(self) -> tuple[SplitService, ...]:
        """The split services with no identified interface."""
        return tuple(s for s in self.services if not s.identified)

    def rows(self) -> list[dict[str, Any]]:
        return [attrs.asdict(s) for s in self.services]


def interface_map(
    snapshot: Snapshot,
    county: str | None = None,
    *,
    as_of: dt.date | None = None,
    geography: Geography | None = None,
) -> InterfaceMap:
    """The interface map of ``county`` (a code, short ID or name; ``None``: every
    county): each service of its networks whose responsibility is split between
    a municipality and the county, and whether the network identifies its
    interface.

    An interface counts when it names the service and, where both name a
    municipality, the same one: the test of rule LAPE-N07, so that the map
    and the rule agree. With ``as_of`` only the networks in effect that day.

    >>> import lape
    >>> m = interface_map(lape.example(), "PS")
    >>> [(s.service, s.municipality, s.identified) for s in m.services]
    [('kuopio-pupil-welfare', '297', True), ('iisalmi-ece-consultation', '140', False)]
    >>> [s.service for s in m.missing()]
    ['iisalmi-ece-consultation']
    """
    code: str | None = None
    if county is not None:
        code = _geography(geography).county_code(county)
        if code is None:
            msg = f"unknown wellbeing services county {county!r}"
            raise ValueError(msg)
    found: list[SplitService] = []
    index = snapshot.index
    for network in snapshot.networks:
        if index.network(network.id) is not network:
            continue
        if code is not None and network.county != code:
            continue
        if as_of is not None and network.period is not None and not network.period.contains(as_of):
            continue
        for service in network.services:
            if not service.is_split:
                continue
            interfaces = [i for i in network.interfaces if i.service == service.id]
            identified = any(
                service.municipality is None
                or i.municipality is None
                or i.municipality == service.municipality
                for i in interfaces
            )
            found.append(
                SplitService(
                    county=network.county,
                    network=network.id,
                    service=service.id,
                    name=service.name,
                    provider=service.provider,
                    municipality=service.municipality,
                    responsibility=tuple(sorted(r.value for r in service.responsibility)),
                    identified=identified,
                    interfaces=tuple(i.municipality for i in interfaces),
                    descriptions=tuple(i.description for i in interfaces),
                )
            )
    return InterfaceMap(county=code, as_of=as_of, services=tuple(found))
