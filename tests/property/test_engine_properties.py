"""Properties of loading, dumping and checking, over drawn snapshots.

- a dump loads back equal (YAML and JSON), for every kind of drawn snapshot;
- ``check`` never raises on a well-formed snapshot, on any day;
- a valid snapshot gives no error and no warning on its day;
- a rule break gives exactly that rule's problem about that subject, for every
  rule that can be broken (each on its own) and for one drawn at random;
- the report is the same for the same input, in the same order, whatever was
  checked before (no state carried across snapshots);
- adding a required member to a development group never adds a problem.

The number of examples comes from the settings profile (tests/conftest.py);
where a test runs once per rule it takes a tenth of it (see ``PER_RULE``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lape
from lape.model import (
    Actor,
    ActorKind,
    Group,
    GroupKind,
    MemberRole,
    Membership,
    Snapshot,
)
from lape.reference import geography
from lape.rules import LANGUAGES, Lang, Report, check
from lape.testing import (
    RuleBreak,
    breakable_rules,
    problems,
    rule_breaks,
    snapshots,
    valid_snapshots,
)

DAYS = st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2030, 12, 31))
"""Days before, during and after every rule's time in force."""

PER_RULE = settings(max_examples=max(3, settings().max_examples // 10))
"""For tests parametrized over the ~40 breakable rules: a tenth of the profile's
examples each (3 in dev, 10 in CI); ``test_a_random_break_*`` below draws the rule
too and runs the profile's full count."""

SMALL_SNAPSHOTS = snapshots(max_actors=4, max_groups=2, max_pools=2, max_grants=2, max_networks=1)
"""Arbitrary snapshots small enough to check a few times per example."""

DRAWN_SNAPSHOTS = st.one_of(
    valid_snapshots(max_areas=2, max_grants=4, max_networks=2),
    rule_breaks(max_areas=2, max_networks=2).map(lambda b: b.snapshot),
)
"""Snapshots with the facts of real programme structures (inverted periods, negative
amounts and dangling references among them, from the breaks)."""


def _keys(report: Report, *, info: bool = False) -> set[tuple[str, str, str, str]]:
    """What identifies each finding (rule, subject and path); info only if asked."""
    return {f.key for f in report.findings if info or f.severity.value != "info"}


# -- load(dump(x)) == x ----------------------------------------------------------------------
# (tests/test_io.py does the same for the arbitrary snapshots of ``snapshots()``)


@given(DRAWN_SNAPSHOTS)
def test_a_dump_loads_back_equal(s: Snapshot) -> None:
    assert lape.loads(lape.dumps(s)) == s
    assert lape.loads(lape.dumps(s, format="json"), format="json") == s


# -- check never raises ------------------------------------------------------------------------


@given(snapshots(), DAYS, st.sampled_from(LANGUAGES))
def test_check_never_raises_on_a_well_formed_snapshot(
    s: Snapshot, day: dt.date, lang: Lang
) -> None:
    # The file's settings (which check() accepts: tests/test_downstream.py) left out,
    # so that every rule of the catalogue runs.
    report = check(s, as_of=day, lang=lang, file_settings=False)
    assert report.as_of == day
    assert len(report.results) == len(lape.rules.catalogue())
    for f in report.in_language("fi").findings:
        assert f.message  # every message formats
    report.to_json()


# -- valid snapshots ------------------------------------------------------------------------------


@given(valid_snapshots(max_areas=2, max_grants=4, max_networks=2))
def test_a_valid_snapshot_has_no_problem(s: Snapshot) -> None:
    report = check(s)  # on its own day, info.as_of
    assert problems(report) == set(), [f.message for f in report.findings]


@pytest.mark.parametrize(
    "day",
    [
        dt.date(2016, 1, 1),  # groups' term begins
        dt.date(2016, 9, 1),  # the first change agents, the 2016 call
        dt.date(2017, 6, 1),  # youth councils (LAPE-Y01)
        dt.date(2018, 12, 31),  # groups' term ends
        dt.date(2020, 1, 1),  # LAPE-C06
        dt.date(2023, 1, 1),  # counties, family centres, county youth councils
    ],
)
@PER_RULE
@given(data=st.data())
def test_a_valid_snapshot_has_no_problem_on_the_days_rules_change(
    day: dt.date, data: st.DataObject
) -> None:
    s = data.draw(valid_snapshots(as_of=day, max_areas=2, max_grants=4, max_networks=2))
    assert s.info.as_of == day
    assert problems(check(s)) == set()


# -- rule breaks ------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", breakable_rules())
@PER_RULE
@given(data=st.data())
def test_a_break_gives_exactly_its_problem(rule: str, data: st.DataObject) -> None:
    b = data.draw(rule_breaks(rule=rule, max_areas=2, max_networks=2))
    assert b.rule == rule
    report = b.check()
    assert problems(report) == b.expected, b.description
    verdicts = {
        f.status.value
        for f in report.findings
        if f.severity.value != "info" and (f.rule, f.subject.kind, f.subject.id) in b.expected
    }
    assert verdicts == {"failed"}, b.description  # not unknown: the break is certain


@given(DAYS.flatmap(lambda day: rule_breaks(as_of=day, max_areas=2, max_networks=2)))
def test_a_random_break_on_any_day_gives_exactly_its_problem(b: RuleBreak) -> None:
    assert b.rule in breakable_rules(b.as_of)
    assert b.snapshot.info.as_of == b.as_of
    report = b.check()
    assert problems(report) == b.expected, b.description
    (severity,) = {r.severity for r in report.results if r.rule == b.rule}
    for f in report.findings:
        if f.severity.value == "info":
            continue  # a note beside the verdict (LAPE-G06 lists the area's municipalities)
        if (f.rule, f.subject.kind, f.subject.id) in b.expected:
            assert f.status.value == "failed"  # not unknown: the break is certain
            assert f.severity is severity


# -- determinism --------------------------------------------------------------------------------


@given(
    st.one_of(SMALL_SNAPSHOTS, rule_breaks().map(lambda b: b.snapshot)),
    rule_breaks().map(lambda b: b.snapshot),
    DAYS,
)
def test_the_report_is_the_same_for_the_same_input(
    s: Snapshot, other: Snapshot, day: dt.date
) -> None:
    first = check(s, as_of=day, file_settings=False)
    check(other, as_of=day, file_settings=False)  # nothing carries over from one check...
    fresh = attrs.evolve(s)  # ...nor from one snapshot object to an equal one
    assert fresh == s
    again = check(fresh, as_of=day, file_settings=False)
    assert first == again
    assert first.to_json() == again.to_json()
    assert [f.sort_key() for f in first.findings] == sorted(f.sort_key() for f in first.findings)


# -- adding a required member never adds a problem -----------------------------------------------


_MUNICIPAL_REQUIRED = (
    ActorKind.MUNICIPAL_BODY,
    ActorKind.ORGANISATION,
    ActorKind.PARISH,
    ActorKind.YOUTH_COUNCIL,
    ActorKind.EXPERIENCE_EXPERT,
)
_REGIONAL_REQUIRED = (
    ActorKind.MUNICIPAL_BODY,
    ActorKind.HOSPITAL_DISTRICT,
    ActorKind.ORGANISATION,
    ActorKind.EDUCATIONAL_INSTITUTION,
    ActorKind.COMPETENCE_CENTRE,
    ActorKind.PARISH,
    ActorKind.EXPERIENCE_EXPERT,
)


@st.composite
def _with_required_member(
    draw: st.DrawFn, base: st.SearchStrategy[Snapshot]
) -> tuple[Snapshot, Snapshot, dt.date]:
    """A snapshot with a municipal or regional group that has a home (a municipality, a
    project area), and the same snapshot with a required member of that home added to
    the group."""
    s = draw(base)
    geo = geography()
    day = s.info.as_of or draw(st.dates(dt.date(2016, 1, 1), dt.date(2018, 12, 31)))
    homes = [
        g
        for g in s.groups
        if (g.kind is GroupKind.MUNICIPAL and g.municipality is not None)
        or (g.kind is GroupKind.REGIONAL and g.region is not None and _project_area(g, day))
    ]
    if not homes:
        group = Group(
            id="added-group",
            name="A group",
            kind=GroupKind.MUNICIPAL,
            municipality=draw(st.sampled_from(sorted(geo.municipalities))),
        )
        s = attrs.evolve(s, groups=(*s.groups, group))
    else:
        group = draw(st.sampled_from(homes))
    taken = {a.id for a in s.actors}
    actor_id = next(
        f"new-member-{i}" for i in range(len(taken) + 1) if f"new-member-{i}" not in taken
    )
    if group.kind is GroupKind.MUNICIPAL:
        assert group.municipality is not None
        kind = draw(st.sampled_from(_MUNICIPAL_REQUIRED))
        actor = Actor(
            id=actor_id,
            name="A required member",
            kind=kind,
            municipalities=(group.municipality,),
            sectors=draw(st.sampled_from(_SECTOR_CHOICES))
            if kind is ActorKind.MUNICIPAL_BODY
            else None,
        )
    else:
        assert group.region is not None
        kind = draw(st.sampled_from(_REGIONAL_REQUIRED))
        area = sorted(_project_area(group, day))
        # the member belongs to the group's project area, which may lie in another region
        # than the group names (LAPE-G15 reads the area)
        known = geo.project_areas.get(group.project_area or "")
        facts: dict[str, Any] = {"region": group.region if known is None else known.region}
        if kind is ActorKind.MUNICIPAL_BODY:
            facts = {"municipalities": (draw(st.sampled_from(area)),), "sectors": frozenset()}
        elif kind is ActorKind.HOSPITAL_DISTRICT:
            districts = sorted(geo.hospital_districts_of(area))
            if districts:
                facts["hospital_district"] = draw(st.sampled_from(districts))
            else:  # the Åland Islands had none
                kind = ActorKind.ORGANISATION
        actor = Actor(id=actor_id, name="A required member", kind=kind, **facts)
    role = draw(st.sampled_from((MemberRole.MEMBER, MemberRole.YOUTH_REPRESENTATIVE)))
    added = attrs.evolve(
        s,
        actors=(*s.actors, actor),
        groups=tuple(
            attrs.evolve(g, members=(*g.members, Membership(actor=actor_id, role=role)))
            if g is group
            else g
            for g in s.groups
        ),
    )
    return s, added, day


def _project_area(group: Group, day: dt.date) -> frozenset[str]:
    """The municipalities of a regional group's project area on ``day`` (DOMAIN.md: its
    own ``project_area``, else its region's only one; none when that cannot be told)."""
    geo = geography()
    area = group.project_area
    if area is None and group.region is not None:
        areas = geo.project_areas_of_region(group.region)
        area = areas[0].id if len(areas) == 1 else None
    return frozenset() if area is None else geo.municipalities_of_project_area(area, day)


_SECTOR_CHOICES: tuple[frozenset[Any], ...] = (
    frozenset({lape.model.Sector.SOCIAL_HEALTH}),
    frozenset({lape.model.Sector.EDUCATION_YOUTH}),
    frozenset({lape.model.Sector.SOCIAL_HEALTH, lape.model.Sector.EDUCATION_YOUTH}),
)


@given(
    _with_required_member(
        st.one_of(
            SMALL_SNAPSHOTS,
            rule_breaks().map(lambda b: b.snapshot),
        )
    )
)
def test_adding_a_required_member_never_adds_a_problem(
    case: tuple[Snapshot, Snapshot, dt.date],
) -> None:
    before, after, day = case
    old = check(before, as_of=day, file_settings=False)
    new = check(after, as_of=day, file_settings=False)
    assert _keys(new) <= _keys(old), sorted(_keys(new) - _keys(old))
