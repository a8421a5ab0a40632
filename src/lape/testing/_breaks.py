"""Rule breaks: a valid snapshot with one change that breaks exactly one rule.

:func:`rule_breaks` draws a snapshot from the valid ones (see
:mod:`lape.testing._valid`) and applies one mutation made for the chosen rule;
checked on the day, the snapshot's errors and warnings are exactly that rule
about one subject (:attr:`RuleBreak.expected`). Each mutation is chosen so that
no other rule notices it: e.g. LAPE-S03 inverts a change agent's employment,
which LAPE-C01..C06 leave to LAPE-S03, and LAPE-F rules get a fresh pool and
grant of their own.

The mutations use the definitions the rules share (DOMAIN.md revision 2) to
break a rule exactly where it bites, among other ways: LAPE-G01 seats an
organisation tagged ``social_health`` (or a wellbeing services county before
2023) in place of the municipality's own body, or the own body's seat ends
before the day; LAPE-G05 relabels an adult's seat ``youth_representative``;
LAPE-G12 dates the mandate after the day; LAPE-G13 links a municipal group to
the regional group of another project area (a capital-region municipality to
the rest of Uusimaa's); LAPE-G15 seats a member of the other Uusimaa area;
LAPE-C01 names the other Uusimaa area for an agent; LAPE-C02 puts an agent's
project area outside its region; LAPE-C06 has a 2020 agent paid by a national
body or an organisation of another area; LAPE-F10 funds a second project of an
area in the 2016 round, or one without a lead applicant; LAPE-N04 seats a
member of another county; LAPE-N07 leaves a service of a
responsibility split unnamed; LAPE-N08 involves the clients in planning only;
LAPE-W01 has an actor or an interface name a municipality of another county;
LAPE-W02 has a joint municipal authority provide a social and health service.

Every catalogue rule can be broken alone on some day;
:func:`~lape.testing.breakable_window` says on which (LAPE-F10 from the day the
2016 round's call opened, 2016-09-01: a grant of the round must be decided by
the day to count, and no earlier than the call). :data:`~lape.testing.UNBREAKABLE`
is empty.

LAPE-C02 always reports both agents of a clashing pair, and LAPE-F10 both
projects of one area: the break names the added one as the subject and the
other in :attr:`~lape.testing.RuleBreak.also_reported`.

The mutations live beside the rules they break, one module per catalogue module
(``_breaks_groups``, ``_breaks_agents``, ``_breaks_funding``, ``_breaks_youth``,
``_breaks_services``, ``_breaks_integrity``), with what they share in
:mod:`lape.testing._edits`; this module puts their recipes together and draws.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import Period
from lape.testing import (
    _breaks_agents,
    _breaks_funding,
    _breaks_groups,
    _breaks_integrity,
    _breaks_services,
    _breaks_youth,
)
from lape.testing._edits import Recipe
from lape.testing._rulebreak import UNBREAKABLE, RuleBreak, breakable_window
from lape.testing._valid import (
    DEFAULT_FIRST_DAY,
    DEFAULT_LAST_DAY,
    Draws,
    check_arguments,
    worlds,
)

__all__ = ["RECIPES", "rule_breaks"]

RECIPES: dict[str, Recipe] = {
    **_breaks_groups.RECIPES,
    **_breaks_agents.RECIPES,
    **_breaks_funding.RECIPES,
    **_breaks_youth.RECIPES,
    **_breaks_services.RECIPES,
    **_breaks_integrity.RECIPES,
}
"""A recipe for every rule of the catalogue, in the catalogue's order."""


def _check_rule(rule: str | None, as_of: dt.date | None) -> None:
    from lape.rules import catalogue

    if rule is None:
        return
    if not isinstance(rule, str):
        msg = f"rule={rule!r} must be a rule ID such as 'LAPE-G05', or None"
        raise InvalidArgument(msg)
    if rule in UNBREAKABLE:
        msg = f"rule={rule!r} cannot be broken alone: {UNBREAKABLE[rule]}"
        raise InvalidArgument(msg)
    if rule not in RECIPES:
        known = any(r.id == rule for r in catalogue())
        msg = (
            f"rule={rule!r} has no breaking strategy"
            if known
            else f"rule={rule!r} is not a rule of the catalogue (see `lape rules`)"
        )
        raise InvalidArgument(msg)
    window = breakable_window(rule)
    assert window is not None
    if as_of is not None and not window.contains(as_of):
        msg = f"rule={rule!r} can be broken alone only on days in {window}, not on {as_of}"
        raise InvalidArgument(msg)


def _days(window: Period) -> tuple[dt.date, dt.date]:
    first = max(window.start, DEFAULT_FIRST_DAY)
    last = DEFAULT_LAST_DAY if window.end is None else min(window.end, DEFAULT_LAST_DAY)
    return first, last


@st.composite
def rule_breaks(
    draw: st.DrawFn,
    *,
    as_of: dt.date | None = None,
    rule: str | None = None,
    max_areas: int = 1,
    max_municipalities: int = 3,
    max_grants: int = 3,
    max_networks: int = 1,
) -> RuleBreak:
    """Snapshots that break exactly one rule on ``as_of``, as :class:`~lape.testing.RuleBreak`.

    ``rule`` chooses the rule (a catalogue ID such as ``"LAPE-G05"``); when not
    given, one is drawn among :func:`~lape.testing.breakable_rules` of the day.
    ``as_of`` is the day (also the snapshot's ``info.as_of``); when not given,
    one is drawn on which the rule can be broken. The size arguments are those
    of :func:`~lape.testing.valid_snapshots`, of which the snapshot is a copy with
    one change (a break may need a second project area, which it adds even when
    ``max_areas=1``). Checked on ``as_of``, the snapshot's errors and warnings
    (:func:`~lape.testing.problems`) are exactly :attr:`RuleBreak.expected`.

    An unknown rule, or one that cannot be broken alone on the day given (see
    :func:`~lape.testing.breakable_window`), raises
    :class:`~hypothesis.errors.InvalidArgument` when drawn from.

    >>> import datetime as dt
    >>> from hypothesis import given, settings
    >>> from lape.testing import problems
    >>> @settings(max_examples=5, deadline=None)
    ... @given(rule_breaks(as_of=dt.date(2023, 6, 1)))
    ... def test_exactly_one_problem(b):
    ...     assert problems(b.check()) == b.expected
    >>> test_exactly_one_problem()
    """
    from lape.testing._rulebreak import breakable_rules

    check_arguments(as_of, max_areas, max_municipalities, max_grants, max_networks)
    _check_rule(rule, as_of)
    d = Draws(draw)
    if rule is None:
        day = as_of if as_of is not None else d.day(DEFAULT_FIRST_DAY, DEFAULT_LAST_DAY)
        chosen = d.pick([r for r in breakable_rules(day) if r in RECIPES])
    else:
        window = breakable_window(rule)
        assert window is not None
        day = as_of if as_of is not None else d.day(*_days(window))
        chosen = rule
    recipe = RECIPES[chosen]
    world = draw(
        worlds(
            as_of=day,
            max_areas=max_areas,
            max_municipalities=max_municipalities,
            max_grants=max_grants,
            max_networks=max_networks,
            needs=recipe.needs_on(d, day),
        )
    )
    broken = recipe.mutate(d, world)
    return RuleBreak(
        snapshot=broken.snapshot,
        as_of=day,
        rule=chosen,
        subject_kind=broken.subject[0],
        subject_id=broken.subject[1],
        also_reported=broken.also,
        description=broken.description,
    )
