"""The interface map of a wellbeing services county: wherever, in one municipality,
a network's services for one target group are organised partly by the municipality
and partly by the county, whether the interface is identified (seed 004; rule
LAPE-N07 reports the missing ones)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from lape._html import TableRepr
from lape._pandas import Table as _Table
from lape.model import Geography, Snapshot, network_on_day
from lape.network._measures import _geography

__all__ = ["InterfaceMap", "SplitResponsibility", "interface_map"]


@attrs.frozen(kw_only=True)
class SplitResponsibility:
    """Services for one target group in one municipality organised partly by the
    municipality and partly by the county, in one network (see
    :class:`~lape.model.ResponsibilitySplit`)."""

    county: str | None
    """The network's county."""
    network: str
    municipality: str
    target_group: str
    municipal_services: tuple[str, ...]
    """The services the municipality organises there."""
    county_services: tuple[str, ...]
    """The services the county organises there (its own or county-wide)."""
    identified: bool
    """Whether the network records interfaces that stand for the split and name all its
    services on their sides (the test of LAPE-N07)."""
    unnamed: tuple[str, ...]
    """The split's services its interfaces do not name."""
    descriptions: tuple[str | None, ...]
    """The descriptions of the interfaces that stand for it."""


@attrs.frozen(kw_only=True, repr=False)
class InterfaceMap(_Table, TableRepr):
    """The responsibility splits of the networks in effect, in snapshot order."""

    county: str | None
    """The county mapped, ``None`` for every county."""
    as_of: dt.date | None
    splits: tuple[SplitResponsibility, ...]

    columns: ClassVar[tuple[str, ...]] = (
        "county",
        "network",
        "municipality",
        "target_group",
        "municipal_services",
        "county_services",
        "identified",
        "unnamed",
        "descriptions",
    )

    def missing(self) -> tuple[SplitResponsibility, ...]:
        """The splits with no identified interface."""
        return tuple(s for s in self.splits if not s.identified)

    def rows(self) -> list[dict[str, Any]]:
        return [attrs.asdict(s) for s in self.splits]

    row_noun: ClassVar[str] = "split"

    def _facts(self) -> str:
        day = self.as_of.isoformat() if self.as_of else "every period"
        return f"{self.county or 'every county'}, {day}, {len(self.missing())} without an interface"

    def _count(self) -> int:
        return len(self.splits)


def interface_map(
    snapshot: Snapshot,
    county: str | None = None,
    *,
    as_of: dt.date | None = None,
    geography: Geography | None = None,
) -> InterfaceMap:
    """The interface map of ``county`` (a code, short ID or name; ``None``: every
    county): wherever, in one municipality, a network's services for one target
    group are organised partly by the municipality and partly by the county, and
    whether the network identifies the interface.

    The splits and the test are those of
    :meth:`lape.model.ServiceNetwork.responsibility_splits`, as in rule LAPE-N07,
    so that the map and the rule agree. With ``as_of`` only the networks in
    effect that day, read as they stand that day (:func:`lape.model.network_on_day`:
    a service whose provider has ended is not run; a merged municipality is the
    one it merged into).

    >>> import lape
    >>> m = interface_map(lape.example(), "PS")
    >>> [(s.municipality, s.target_group, s.identified) for s in m.splits]
    [('297', 'children', True), ('297', 'young_people', True), ('140', 'children', False)]
    >>> [(s.municipality, s.municipal_services) for s in m.missing()]
    [('140', ('iisalmi-ece-consultation',))]
    """
    code: str | None = None
    if county is not None:
        code = _geography(geography).county_code(county)
        if code is None:
            msg = f"unknown wellbeing services county {county!r}"
            raise ValueError(msg)
    found: list[SplitResponsibility] = []
    index = snapshot.index
    geo = _geography(geography)
    for network in snapshot.networks:
        if index.network(network.id) is not network:
            continue
        if code is not None and network.county != code:
            continue
        if as_of is not None and network.period is not None and not network.period.contains(as_of):
            continue
        read = network
        if as_of is not None:
            read = network_on_day(network, index=index, geography=geo, day=as_of)[0]
        for split in read.responsibility_splits():
            found.append(
                SplitResponsibility(
                    county=network.county,
                    network=network.id,
                    municipality=split.municipality,
                    target_group=split.target_group.value,
                    municipal_services=split.municipal_services,
                    county_services=split.county_services,
                    identified=split.covered,
                    unnamed=split.unnamed,
                    descriptions=tuple(network.interfaces[k].description for k in split.interfaces),
                )
            )
    return InterfaceMap(county=code, as_of=as_of, splits=tuple(found))
