"""Surveys of who works with whom, in the style of the PARTNER tool: dated waves of answers.

A collaboration survey asks each member of a network about every other member:
does it work with them, how often, at what level, and how it rates them on six
1-4 scales, three of *value* (power and influence, level of involvement,
resource contribution) and three of *trust* (reliability, support of the
shared mission, openness to discussion); each respondent also says what its
own organisation contributes. This is the survey of the PARTNER tool (Varda et
al., *Program to Analyze, Record, and Track Networks to Enhance Relationships*,
University of Colorado Denver, 2008-), which public-health collaboratives use.

Respondents and partners are actors of the snapshot, by ID; a survey naming an
actor that does not exist still loads, and checking reports it (LAPE-S01).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs
from attrs.validators import optional

from lape.model._fields import (
    as_tuple,
    done_by_loader,
    field_error,
    frozenset_of,
    instance_of,
    member,
    members,
    to_ids,
    tuple_of,
)
from lape.model._ids import entity_id
from lape.model._period import is_day, to_day
from lape.model._vocabulary import Vocabulary

__all__ = [
    "RATINGS",
    "TRUST_RATINGS",
    "VALUE_RATINGS",
    "Answer",
    "CollaborationLevel",
    "Contribution",
    "Frequency",
    "Respondent",
    "Survey",
]

VALUE_RATINGS: Final = ("power", "involvement", "resources")
"""The three ratings of a partner's *value*: power and influence, level of
involvement, resource contribution (the :class:`Answer` fields)."""
TRUST_RATINGS: Final = ("reliability", "mission", "openness")
"""The three ratings of *trust* in a partner: reliability, support of the shared
mission, openness to discussion (the :class:`Answer` fields)."""
RATINGS: Final = VALUE_RATINGS + TRUST_RATINGS
"""All six ratings, value first."""


class Frequency(Vocabulary):
    """How often the respondent works with the partner."""

    YEARLY = "yearly"
    """Once a year or less."""
    QUARTERLY = "quarterly"
    """About once a quarter."""
    MONTHLY = "monthly"
    """About once a month."""
    WEEKLY = "weekly"
    """Every week."""
    DAILY = "daily"
    """Every day."""


class CollaborationLevel(Vocabulary):
    """How deep the work together goes (PARTNER's three levels, each including the last)."""

    COOPERATIVE = "cooperative"
    """Exchanging information, attending meetings together, offering resources."""
    COORDINATED = "coordinated"
    """Cooperative work and intentional efforts to strengthen each other's work."""
    INTEGRATED = "integrated"
    """Coordinated work and shared programmes, plans or knowledge: working as one."""


class Contribution(Vocabulary):
    """What an organisation contributes to the shared work (a fixed list)."""

    FUNDING = "funding"
    IN_KIND = "in_kind"
    """In-kind resources: rooms, equipment, materials."""
    PAID_STAFF = "paid_staff"
    VOLUNTEERS = "volunteers"
    DATA = "data"
    INFORMATION = "information"
    EXPERTISE = "expertise"
    COMMUNITY_CONNECTIONS = "community_connections"
    LEADERSHIP = "leadership"
    """Leadership or facilitation."""
    ADVOCACY = "advocacy"
    OTHER = "other"


@attrs.frozen
class _IsRating:
    """attrs validator: a rating 1-4 (an ``int``, never a ``bool``), or ``None``."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
            raise field_error(inst, attr, f"expected a rating 1-4, not {value!r}")
        if not inst.works_with:
            message = "given for a partner the respondent does not work with"
            raise field_error(inst, attr, message)

    def __repr__(self) -> str:
        return "<rating validator>"


@attrs.frozen
class _OnlyWhenWorking:
    """attrs validator: a value of ``kind`` (or ``None``), given only when ``works_with``."""

    kind: type

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        instance_of(self.kind)(inst, attr, value)
        if not inst.works_with:
            message = "given for a partner the respondent does not work with"
            raise field_error(inst, attr, message)

    def __repr__(self) -> str:
        return f"<{self.kind.__name__} when working together validator>"


_RATING: Final = _IsRating()


def _frequency(value: Frequency | str | None) -> Frequency | None:
    """Converter: a Frequency, or its value as a file gives it, or ``None``."""
    found: Any = member(Frequency, value)
    return found  # type: ignore[no-any-return]


def _collaboration_level(value: CollaborationLevel | str | None) -> CollaborationLevel | None:
    """Converter: a CollaborationLevel, or its value as a file gives it, or ``None``."""
    found: Any = member(CollaborationLevel, value)
    return found  # type: ignore[no-any-return]


done_by_loader(_frequency, _collaboration_level)


@attrs.frozen(kw_only=True)
class Answer:
    """One respondent's answer about one partner.

    ``works_with`` says whether they work together; the frequency, the level
    and the six ratings describe the work and are given only when they do
    (each may be left out: not answered). A rating is a whole number on the
    survey's four-point scale: 1 (not at all), 2 (a small amount), 3 (a fair
    amount), 4 (a great deal).

    >>> a = Answer(partner="ps-shp", works_with=True, frequency=Frequency.MONTHLY,
    ...            level=CollaborationLevel.COORDINATED, power=4, reliability=3)
    >>> a.ratings()
    {'power': 4, 'reliability': 3}
    >>> Answer(partner="ps-shp", works_with=False, power=2)
    Traceback (most recent call last):
    ...
    lape.errors.ArgumentError: Answer.power: given for a partner the respondent does not work with
    """

    partner: str = attrs.field(validator=entity_id())
    """The ID of the actor the answer is about."""
    works_with: bool = attrs.field(default=True, validator=instance_of(bool))
    frequency: Frequency | None = attrs.field(
        default=None, converter=_frequency, validator=_OnlyWhenWorking(Frequency)
    )
    level: CollaborationLevel | None = attrs.field(
        default=None,
        converter=_collaboration_level,
        validator=_OnlyWhenWorking(CollaborationLevel),
    )
    power: int | None = attrs.field(default=None, validator=_RATING)
    """Value: the partner's power and influence."""
    involvement: int | None = attrs.field(default=None, validator=_RATING)
    """Value: the partner's level of involvement."""
    resources: int | None = attrs.field(default=None, validator=_RATING)
    """Value: the partner's resource contribution."""
    reliability: int | None = attrs.field(default=None, validator=_RATING)
    """Trust: the partner's reliability."""
    mission: int | None = attrs.field(default=None, validator=_RATING)
    """Trust: the partner's support of the shared mission."""
    openness: int | None = attrs.field(default=None, validator=_RATING)
    """Trust: the partner's openness to discussion."""

    def ratings(self) -> dict[str, int]:
        """The ratings given, by name (:data:`RATINGS` order), the ones left out left out."""
        found = {name: getattr(self, name) for name in RATINGS}
        return {name: value for name, value in found.items() if value is not None}


@attrs.frozen
class _DistinctPartners:
    """attrs validator: a respondent names each partner once, and never itself."""

    def __call__(self, inst: Respondent, attr: attrs.Attribute[Any], value: Any) -> None:
        seen: dict[str, int] = {}
        for i, answer in enumerate(value):
            if answer.partner == inst.actor:
                message = f"names the respondent itself ({answer.partner!r}) at [{i}]"
                raise field_error(inst, attr, message)
            first = seen.setdefault(answer.partner, i)
            if first != i:
                message = f"names partner {answer.partner!r} twice, at [{first}] and [{i}]"
                raise field_error(inst, attr, message)

    def __repr__(self) -> str:
        return "<distinct partners validator>"


def _contributions(value: Iterable[Contribution | str]) -> frozenset[Contribution]:
    """Converter: any collection of Contribution (a list, a set; each a member or its
    value)."""
    found: Any = members(Contribution, value)
    return found  # type: ignore[no-any-return]


def _answers(value: Iterable[Answer]) -> tuple[Answer, ...]:
    """Converter: the answers as a tuple (a list is taken too)."""
    return as_tuple(value)


done_by_loader(_contributions, _answers)


@attrs.frozen(kw_only=True)
class Respondent:
    """An actor that answered the survey: what it contributes, and its answers.

    A member the respondent does not name is one it does not report working
    with, as if it had answered ``works_with: false``.
    """

    actor: str = attrs.field(validator=entity_id())
    """The ID of the responding actor."""
    contributions: frozenset[Contribution] = attrs.field(
        default=frozenset(), converter=_contributions, validator=frozenset_of(Contribution)
    )
    """What the respondent's organisation contributes to the shared work."""
    answers: tuple[Answer, ...] = attrs.field(
        default=(), converter=_answers, validator=[tuple_of(Answer), _DistinctPartners()]
    )
    """One answer per partner, each partner at most once, never the respondent itself."""


@attrs.frozen
class _DistinctRespondents:
    """attrs validator: each actor responds at most once to a survey."""

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        seen: dict[str, int] = {}
        for i, respondent in enumerate(value):
            first = seen.setdefault(respondent.actor, i)
            if first != i:
                message = f"lists actor {respondent.actor!r} twice, at [{first}] and [{i}]"
                raise field_error(inst, attr, message)

    def __repr__(self) -> str:
        return "<distinct respondents validator>"


def _respondents(value: Iterable[Respondent]) -> tuple[Respondent, ...]:
    """Converter: the respondents as a tuple (a list is taken too)."""
    return as_tuple(value)


done_by_loader(_respondents)


@attrs.frozen(kw_only=True)
class Survey:
    """One wave of a collaboration survey: who was asked, who answered, and what.

    The survey's *members* are everyone it is about: the actors in
    :attr:`members`, the respondents and every partner they name
    (:meth:`roster`, in that order, each once). The response rate is the share
    of them who answered.

    >>> s = Survey(
    ...     id="ps-2017", date=dt.date(2017, 9, 15), members=("thl",),
    ...     respondents=(
    ...         Respondent(actor="a", answers=(Answer(partner="b"), Answer(partner="c"))),
    ...         Respondent(actor="b", answers=(Answer(partner="a", works_with=False),)),
    ...     ),
    ... )
    >>> s.roster()
    ('thl', 'a', 'b', 'c')
    >>> [(r, p) for r, p, _ in s.reported()]
    [('a', 'b'), ('a', 'c')]
    """

    id: str = attrs.field(validator=entity_id())
    date: dt.date = attrs.field(converter=to_day, validator=is_day())
    """The day the survey describes (its wave): the answers say who worked together then."""
    name: str = attrs.field(default="", validator=instance_of(str))
    members: tuple[str, ...] = attrs.field(
        default=(), converter=to_ids, validator=tuple_of(entity_id())
    )
    """Actors asked to answer besides those who did and those named as partners
    (e.g. members who did not answer and whom nobody named)."""
    respondents: tuple[Respondent, ...] = attrs.field(
        default=(), converter=_respondents, validator=[tuple_of(Respondent), _DistinctRespondents()]
    )
    description: str | None = attrs.field(default=None, validator=optional(instance_of(str)))

    def roster(self) -> tuple[str, ...]:
        """Everyone the survey is about: :attr:`members`, the respondents and the
        partners they name, in that order, each once."""
        found: dict[str, None] = dict.fromkeys(self.members)
        found.update(dict.fromkeys(r.actor for r in self.respondents))
        for respondent in self.respondents:
            found.update(dict.fromkeys(a.partner for a in respondent.answers))
        return tuple(found)

    def respondent_ids(self) -> tuple[str, ...]:
        """The IDs of the actors who answered, in input order."""
        return tuple(r.actor for r in self.respondents)

    def reported(self) -> Iterator[tuple[str, str, Answer]]:
        """``(respondent, partner, answer)`` for every answer that says they work
        together, in input order."""
        for respondent in self.respondents:
            for answer in respondent.answers:
                if answer.works_with:
                    yield respondent.actor, answer.partner, answer

    def __repr__(self) -> str:
        n = len(self.respondents)
        answered = f"{n} respondent{'' if n == 1 else 's'}"
        return f"<Survey {self.id!r} {self.date.isoformat()}: {answered}>"
