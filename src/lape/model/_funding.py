"""Funding pools (state subsidies, start-up grants) and the grants made from them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs
from attrs.validators import optional

from lape.model._fields import (
    done_by_loader,
    frozenset_of,
    instance_of,
    member,
    members,
    to_ids,
    tuple_of,
)
from lape.model._ids import RegionCode, entity_id, region_code, to_optional_region
from lape.model._money import is_money, to_money, to_optional_money
from lape.model._period import Period, is_day, to_optional_day
from lape.model._vocabulary import TargetGroup, Vocabulary

__all__ = ["DevelopmentProject", "FundingPool", "Grant", "GrantKind", "Priority", "Programme"]


class GrantKind(Vocabulary):
    """What kind of money a pool hands out."""

    STATE_SUBSIDY = "state_subsidy"
    """State subsidy for development work (valtionavustus / statsunderstöd)."""
    START_UP_GRANT = "start_up_grant"
    """Grant for new service packages, 2016-2017 (käynnistysavustus / startbidrag; seed 000)."""
    CHANGE_AGENT_SUBSIDY = "change_agent_subsidy"
    """Subsidy for a change agent's salary and costs (2019 round, STM 127/2018)."""
    OTHER = "other"


class Programme(Vocabulary):
    """The programme a pool belongs to or a piece of work serves."""

    LAPE = "lape"
    """The programme for developing child and family services."""
    CHILD_STRATEGY = "child_strategy"
    """The national child strategy, with its own appropriation (seed 002)."""
    FUTURE_HEALTH_SOCIAL_CENTRES = "future_health_social_centres"
    """The Future Health and Social Services Centres programme (tulevaisuuden sote-keskus)."""
    OTHER = "other"


class Priority(Vocabulary):
    """The three priorities of the 2020-2022 continuation (seed 002)."""

    FAMILY_CENTRES = "family_centres"
    """Family centres and early everyday support."""
    MENTAL_HEALTH = "mental_health"
    """Low-threshold mental health and substance abuse services."""
    CHILD_PROTECTION = "child_protection"
    """Child protection."""


def _priorities(value: Iterable[Priority | str]) -> frozenset[Priority]:
    """Converter: any collection of Priority (a list, a set; each a member or its
    value)."""
    found: Any = members(Priority, value)
    return found  # type: ignore[no-any-return]


def _target_groups(value: Iterable[TargetGroup | str] | None) -> frozenset[TargetGroup] | None:
    """Converter: any collection of TargetGroup (a list, a set; each a member or its
    value), or ``None``."""
    found: Any = members(TargetGroup, value)
    return found  # type: ignore[no-any-return]


def _grant_kind(value: GrantKind | str) -> GrantKind:
    """Converter: a GrantKind, or its value as a file gives it."""
    found: Any = member(GrantKind, value)
    return found  # type: ignore[no-any-return]


def _programme(value: Programme | str) -> Programme:
    """Converter: a Programme, or its value as a file gives it."""
    found: Any = member(Programme, value)
    return found  # type: ignore[no-any-return]


done_by_loader(_priorities, _target_groups, _grant_kind, _programme)


@attrs.frozen(kw_only=True)
class FundingPool:
    """A sum of money set aside for grants, with its call and eligible cost period.

    ``amount=None`` means the pool's size is not known (not zero).
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    kind: GrantKind = attrs.field(
        default=GrantKind.STATE_SUBSIDY, converter=_grant_kind, validator=instance_of(GrantKind)
    )
    programme: Programme = attrs.field(
        default=Programme.LAPE, converter=_programme, validator=instance_of(Programme)
    )
    amount: Decimal | None = attrs.field(
        default=None, converter=to_optional_money, validator=optional(is_money())
    )
    payer: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the paying actor, e.g. STM."""
    purpose: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    call: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """The application round: opens on ``call.start``, closes on ``call.end``."""
    costs: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """The eligible cost period of the grants."""
    self_financing: bool | None = attrs.field(default=None, validator=optional(instance_of(bool)))
    """Whether recipients must pay a share themselves; ``None`` when not known."""
    source: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    """Where the facts about the pool come from."""


@attrs.frozen(kw_only=True)
class DevelopmentProject:
    """A regional development project (kehittämishanke / utvecklingsprojekt) of a
    project area: a consortium of actors with a lead applicant, funded by grants.

    The 2016 round of the regional state subsidy funded one project per project
    area (the 19 areas of 2016-2019), each applied for by a multi-actor consortium
    (STM press releases 126/2016 and 251/2016; LAPE-F10). The 2020-2022 projects
    name the priorities they work on (seed 002; LAPE-F08). Grants name the project
    they fund (:attr:`Grant.project`).

    >>> p = DevelopmentProject(id="ps-lape-2017", name="Pohjois-Savo LAPE",
    ...                        project_area="pohjois-savo", lead="kuopio",
    ...                        consortium=("siilinjarvi", "kuopio", "ps-shp"))
    >>> p.actors
    ('kuopio', 'siilinjarvi', 'ps-shp')
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    project_area: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """One of the 19 project areas (reference data), e.g. ``"capital-region"``."""
    region: RegionCode | None = attrs.field(
        default=None, converter=to_optional_region, validator=optional(region_code())
    )
    """The region whose development the project serves."""
    lead: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the lead applicant (an actor); ``None``: not given."""
    consortium: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """The IDs of the consortium's other actors (the lead may be listed too)."""
    priorities: frozenset[Priority] = attrs.field(
        default=frozenset(), converter=_priorities, validator=frozenset_of(Priority)
    )
    """The 2020-2022 priorities the project works on (seed 002)."""
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """When the project ran."""

    @property
    def actors(self) -> tuple[str, ...]:
        """The lead applicant and the consortium, each once, lead first."""
        lead = () if self.lead is None else (self.lead,)
        return tuple(dict.fromkeys((*lead, *self.consortium)))


@attrs.frozen(kw_only=True)
class Grant:
    """A grant from a pool to a recipient for work done with other actors."""

    id: str = attrs.field(validator=entity_id())
    pool: str = attrs.field(validator=entity_id())
    recipient: str = attrs.field(validator=entity_id())
    """The ID of the actor that receives the money (the consortium's lead applicant)."""
    amount: Decimal = attrs.field(converter=to_money, validator=is_money())
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """The IDs of the other actors taking part in the funded work."""
    purpose: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    target_groups: frozenset[TargetGroup] | None = attrs.field(
        default=None, converter=_target_groups, validator=optional(frozenset_of(TargetGroup))
    )
    """Whom the funded service is for; ``None`` when not given."""
    programme: Programme = attrs.field(
        default=Programme.LAPE, converter=_programme, validator=instance_of(Programme)
    )
    """The programme the funded work serves (child-strategy work has its own money)."""
    priorities: frozenset[Priority] = attrs.field(
        default=frozenset(), converter=_priorities, validator=frozenset_of(Priority)
    )
    region: RegionCode | None = attrs.field(
        default=None, converter=to_optional_region, validator=optional(region_code())
    )
    """The region whose development work the grant funds (regional development)."""
    project_area: str | None = attrs.field(default=None, validator=optional(entity_id()))
    decided: dt.date | None = attrs.field(
        default=None, converter=to_optional_day, validator=optional(is_day())
    )
    """The date of the grant decision."""
    costs: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """The period whose costs the grant covers."""
    project: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the development project the grant funds, if any."""

    @property
    def actors(self) -> tuple[str, ...]:
        """The recipient and the participants, each once, recipient first."""
        return tuple(dict.fromkeys((self.recipient, *self.participants)))
