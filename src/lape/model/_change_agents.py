"""Change agents (muutosagentti / förändringsagent): one per project area, 2016-2019."""

from __future__ import annotations

import attrs
from attrs.validators import optional

from lape.model._fields import instance_of, tuple_of
from lape.model._ids import (
    MunicipalityCode,
    RegionCode,
    entity_id,
    municipality_code,
    region_code,
    to_optional_municipalities,
    to_region,
)
from lape.model._period import Period

__all__ = ["ChangeAgent"]


@attrs.frozen(kw_only=True)
class ChangeAgent:
    """A change agent hired by a region to drive the work (seed 001).

    ``employer_chosen_by`` lists the municipalities that chose the employer
    organisation (``None``: not known); the programme asks that the region's
    municipalities choose it together. ``salary_payer`` names the actor that
    pays the salary: STM for 2016-2019, the area's own organisations from 2020.
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    region: RegionCode = attrs.field(converter=to_region, validator=region_code())
    project_area: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """One of the 19 project areas (reference data); ``None``: the region's own area."""
    employer: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the employer organisation (an actor)."""
    employer_chosen_by: tuple[MunicipalityCode, ...] | None = attrs.field(
        default=None,
        converter=to_optional_municipalities,
        validator=optional(tuple_of(municipality_code())),
    )
    salary_payer: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The ID of the actor paying the salary."""
    pool: str | None = attrs.field(default=None, validator=optional(entity_id()))
    """The funding pool the salary comes from, when it is a grant (e.g. ``lape-agents-2019``)."""
    employment: Period = attrs.field(validator=instance_of(Period))
