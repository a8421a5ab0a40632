"""Development groups: who sits in them, who gave them their mandate, whom they work with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs
from attrs.validators import optional

from lape._html import MAX_ROWS, HTMLRepr, cell, quoted, row, shorten, table
from lape.model._fields import (
    as_tuple,
    done_by_loader,
    instance_of,
    member,
    to_ids,
    tuple_of,
)
from lape.model._ids import (
    MunicipalityCode,
    RegionCode,
    entity_id,
    municipality_code,
    region_code,
    to_optional_municipality,
    to_optional_region,
)
from lape.model._period import Period, is_day, to_optional_day
from lape.model._vocabulary import Vocabulary

__all__ = ["Group", "GroupKind", "Mandate", "MemberRole", "Membership"]


class GroupKind(Vocabulary):
    """What a group is (seed 001)."""

    MUNICIPAL = "municipal"
    """Municipal development group (kunnan lape-ryhmä / kommunens grupp)."""
    REGIONAL = "regional"
    """Regional development group (maakunnan lape-ryhmä / landskapets grupp)."""
    NATIONAL = "national"
    """The programme's national leadership (ohjelman kansallinen johto / nationella ledningen)."""
    REFORM_PREPARATION = "reform_preparation"
    """Those preparing the health and social services reform for a region
    (sote-uudistuksen valmistelu / beredningen av vårdreformen)."""
    OTHER = "other"
    """Any other working group."""


class MemberRole(Vocabulary):
    """The role of a member in a group."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"
    EXPERT = "expert"
    YOUTH_REPRESENTATIVE = "youth_representative"
    """Represents the young, e.g. a youth council member or an experience expert (seed 001)."""
    OBSERVER = "observer"


def _role(value: MemberRole | str) -> MemberRole:
    """Converter: a MemberRole, or its value as a file gives it."""
    found: Any = member(MemberRole, value)
    return found  # type: ignore[no-any-return]


def _group_kind(value: GroupKind | str) -> GroupKind:
    """Converter: a GroupKind, or its value as a file gives it."""
    found: Any = member(GroupKind, value)
    return found  # type: ignore[no-any-return]


done_by_loader(_role, _group_kind)


@attrs.frozen(kw_only=True)
class Membership:
    """One actor's seat in a group."""

    actor: str = attrs.field(validator=entity_id())
    """The ID of the member actor."""
    role: MemberRole = attrs.field(
        default=MemberRole.MEMBER, converter=_role, validator=instance_of(MemberRole)
    )
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """When the actor sat in the group; ``None``: as long as the group."""


@attrs.frozen(kw_only=True)
class Mandate:
    """The authority to steer the work, given by a municipality or a region (seed 001).

    Exactly one of ``municipality`` and ``region`` names the grantor when the
    grantor is known; which one a group needs is the rules' business (LAPE-G12).
    """

    municipality: MunicipalityCode | None = attrs.field(
        default=None, converter=to_optional_municipality, validator=optional(municipality_code())
    )
    region: RegionCode | None = attrs.field(
        default=None, converter=to_optional_region, validator=optional(region_code())
    )
    decided: dt.date | None = attrs.field(
        default=None, converter=to_optional_day, validator=optional(is_day())
    )
    """The date of the decision that gave the mandate."""
    decision: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    """A reference to the decision (body, section, record number)."""
    existing_group: bool = attrs.field(default=False, validator=instance_of(bool))
    """True when an existing group of suitable composition was given the mandate
    instead of setting up a new one (seed 001)."""


def _memberships(value: Iterable[Membership]) -> tuple[Membership, ...]:
    """Converter: the seats as a tuple (a list is taken too)."""
    return as_tuple(value)


done_by_loader(_memberships)


@attrs.frozen(kw_only=True, repr=False)
class Group(HTMLRepr):
    """A group that leads or prepares the work: municipal, regional, national...

    ``municipality`` is the home of a municipal group, ``region`` the home of a
    regional one; ``project_area`` narrows a regional group to one of the 19
    project areas of 2016-2019 (the capital region and the rest of Uusimaa were
    separate). ``cooperates_with`` lists the groups this one works with; the
    relation is symmetric, so naming it on either side is enough.

    Its ``repr`` is one short line; in Jupyter it shows as a table of its seats
    (actor ID, role, period) under what the group is and who gave its mandate:

    >>> g = Group(id="g", name="G", kind=GroupKind.MUNICIPAL, municipality="Kuopio",
    ...           members=[Membership(actor="a", role=MemberRole.CHAIR), Membership(actor="b")])
    >>> g
    <Group 'g' municipal, municipality 297: 2 members>
    >>> "<td>chair</td>" in g._repr_html_()
    True
    """

    id: str = attrs.field(validator=entity_id())
    name: str = attrs.field(validator=instance_of(str))
    kind: GroupKind = attrs.field(converter=_group_kind, validator=instance_of(GroupKind))
    municipality: MunicipalityCode | None = attrs.field(
        default=None, converter=to_optional_municipality, validator=optional(municipality_code())
    )
    region: RegionCode | None = attrs.field(
        default=None, converter=to_optional_region, validator=optional(region_code())
    )
    project_area: str | None = attrs.field(default=None, validator=optional(entity_id()))
    members: tuple[Membership, ...] = attrs.field(
        default=(), converter=_memberships, validator=tuple_of(Membership)
    )
    mandate: Mandate | None = attrs.field(default=None, validator=optional(instance_of(Mandate)))
    cooperates_with: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    """When the group worked; ``None``: always, as far as the snapshot tells."""

    def member_ids(self, as_of: dt.date | None = None) -> tuple[str, ...]:
        """The IDs of the members, in order, keeping only those seated on ``as_of``."""
        return tuple(
            m.actor
            for m in self.members
            if m.period is None or as_of is None or m.period.contains(as_of)
        )

    def _area(self) -> str:
        parts = []
        if self.municipality is not None:
            parts.append(f"municipality {self.municipality}")
        if self.region is not None:
            parts.append(f"region {self.region}")
        if self.project_area is not None:
            parts.append(f"project area {self.project_area}")
        return ", ".join(parts)

    def __repr__(self) -> str:
        area = self._area()
        where = f", {shorten(area, 80)}" if area else ""
        n = len(self.members)
        return (
            f"<Group {quoted(self.id, 60)} {self.kind.value}{where}: "
            f"{n} member{'' if n == 1 else 's'}>"
        )

    def _html(self) -> str:
        from lape.model._labels import label  # _labels imports this module

        facts = [label(self.kind, "en")]
        if area := self._area():
            facts.append(area)
        if self.period is not None:
            facts.append(f"period {self.period}")
        caption = [shorten(f"Group {self.name} ({self.id})", 200), "; ".join(facts)]
        if self.mandate is not None:
            caption.append(shorten(f"mandate: {_mandate_text(self.mandate)}", 300))
        if self.cooperates_with:
            caption.append(shorten(f"cooperates with: {', '.join(self.cooperates_with)}", 300))
        rows = [
            row(
                [
                    cell(m.actor),
                    cell(label(m.role, "en")),
                    cell("" if m.period is None else str(m.period)),
                ]
            )
            for m in self.members[:MAX_ROWS]
        ]
        rest = len(self.members) - len(rows)
        if not self.members:
            rows = [row([cell("no members", colspan=3)])]
        return table(
            caption,
            rows,
            head=("actor", "role", "seat period"),
            foot=f"{rest} more members not shown" if rest else None,
            css_class="lape-group",
        )


def _mandate_text(mandate: Mandate) -> str:
    """Who gave the mandate, when and by which decision, as one line."""
    if mandate.municipality is not None:
        parts = [f"by municipality {mandate.municipality}"]
    elif mandate.region is not None:
        parts = [f"by region {mandate.region}"]
    else:
        parts = ["grantor not given"]
    if mandate.decided is not None:
        parts.append(f"decided {mandate.decided.isoformat()}")
    if mandate.decision:
        parts.append(mandate.decision)
    if mandate.existing_group:
        parts.append("given to an existing group")
    return ", ".join(parts)
