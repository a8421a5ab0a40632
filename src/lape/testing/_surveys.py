"""Hypothesis strategies for collaboration surveys (:class:`~lape.model.Survey`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import (
    RATINGS,
    Answer,
    CollaborationLevel,
    Contribution,
    Frequency,
    Respondent,
    Survey,
)
from lape.testing._record import recorded
from lape.testing._strategies import (
    _check_ids,
    _check_size,
    _check_sizes,
    _check_strategy,
    _dates,
    _frozensets,
    _ids,
    _list_of,
    _members,
    _optional,
    _size,
    _texts,
    _unique_ids,
)

__all__ = ["answers", "respondents", "surveys"]

_DEFAULT_MAX_RESPONDENTS = 6
_DEFAULT_MAX_ANSWERS = 5


@functools.cache
def _ratings() -> st.SearchStrategy[int | None]:
    return _optional(st.integers(min_value=1, max_value=4))


def _answer(draw: st.DrawFn, partner: str) -> Answer:
    if not draw(st.booleans()):
        return Answer(partner=partner, works_with=False)
    return Answer(
        partner=partner,
        works_with=True,
        frequency=draw(_optional(_members(Frequency))),
        level=draw(_optional(_members(CollaborationLevel))),
        **{name: draw(_ratings()) for name in RATINGS},
    )


@st.composite
def answers(draw: st.DrawFn, *, partner_ids: Sequence[str] | None = None) -> Answer:
    """Answers about one of ``partner_ids`` (default: any ID): working together or
    not, and when they do, the frequency, the level and each rating given or left out."""
    _check_ids("partner_ids", partner_ids, required=True)
    partner = draw(_ids() if partner_ids is None else st.sampled_from(tuple(partner_ids)))
    return recorded(draw, _answer(draw, partner))


def _respondent(
    draw: st.DrawFn, actor: str, actor_ids: Sequence[str] | None, max_answers: int
) -> Respondent:
    if actor_ids is None:
        partners = [p for p in draw(_unique_ids(0, max_answers)) if p != actor]
    else:
        others = tuple(a for a in actor_ids if a != actor)
        partners = (
            draw(st.lists(st.sampled_from(others), unique=True, max_size=max_answers))
            if others
            else []
        )
    return Respondent(
        actor=actor,
        contributions=draw(_frozensets(_members(Contribution))),
        answers=tuple(_answer(draw, p) for p in partners),
    )


@st.composite
def respondents(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
    max_answers: int | None = None,
) -> Respondent:
    """Respondents (their actor's ID drawn from ``ids``, default any) with their
    contributions and up to ``max_answers`` answers about distinct partners among
    ``actor_ids`` (default: any IDs; empty: no answers), never about themselves."""
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    _check_size("max_answers", max_answers)
    actor = draw(ids if ids is not None else _ids())
    ids_given = None if actor_ids is None else tuple(actor_ids)
    respondent = _respondent(draw, actor, ids_given, _size(max_answers, _DEFAULT_MAX_ANSWERS))
    return recorded(draw, respondent)


def _respondent_of(draw: st.DrawFn, pool: tuple[str, ...], max_answers: int) -> Respondent:
    """A respondent among ``pool``, drawn whole (its actor, then its answers)."""
    return _respondent(draw, draw(st.sampled_from(pool)), pool, max_answers)


def _actor_of(respondent: Respondent) -> str:
    return respondent.actor


@st.composite
def surveys(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
    dates: st.SearchStrategy[dt.date] | None = None,
    min_respondents: int = 0,
    max_respondents: int | None = None,
    max_answers: int | None = None,
) -> Survey:
    """Surveys: distinct respondents among ``actor_ids``, each answering about
    distinct partners among them (default: a few arbitrary IDs), some further
    ``members`` among them, dated by ``dates`` (default: 2015-2030).

    Pass a snapshot's actor IDs and every reference resolves.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(surveys(actor_ids=["a", "b", "c"], min_respondents=1))
    ... def test_roster(s):
    ...     assert set(s.roster()) <= {"a", "b", "c"} and s.respondents
    >>> test_roster()
    """
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    _check_strategy("dates", dates)
    _check_sizes("min_respondents", min_respondents, "max_respondents", max_respondents)
    _check_size("max_answers", max_answers)
    most = _size(max_respondents, max(_DEFAULT_MAX_RESPONDENTS, min_respondents))
    if actor_ids is None:
        pool: Sequence[str] = draw(_unique_ids(min_respondents, max(most, 1) + 2))
    else:
        pool = tuple(dict.fromkeys(actor_ids))
        if len(pool) < min_respondents:
            msg = (
                f"min_respondents={min_respondents!r} is more than the "
                f"{len(pool)} distinct actor_ids"
            )
            raise InvalidArgument(msg)
    per = _size(max_answers, _DEFAULT_MAX_ANSWERS)
    pool = tuple(pool)
    # each respondent drawn whole, so that hypothesis can delete one
    chosen: list[Respondent] = (
        _list_of(
            draw,
            _respondent_of,
            (pool, per),
            min_size=min_respondents,
            max_size=most,
            key=_actor_of,
        )
        if pool
        else []
    )
    members = draw(st.lists(st.sampled_from(pool), unique=True, max_size=3)) if pool else []
    survey = Survey(
        id=draw(ids if ids is not None else _ids()),
        date=draw(dates if dates is not None else _dates()),
        name=draw(_texts()),
        members=tuple(members),
        respondents=tuple(chosen),
        description=draw(_optional(_texts())),
    )
    return recorded(draw, survey)
