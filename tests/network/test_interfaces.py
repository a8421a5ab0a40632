"""The interface map of a county, and its agreement with rule LAPE-N07."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import Snapshot
from lape.network import interface_map
from lape.rules import Status, check
from lape.testing import snapshots

# snapshots() draws many nested entities: slow to draw on a busy machine
slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow])

D = dt.date


@pytest.mark.parametrize(
    "county", ["PS", "13", "Pohjois-Savon hyvinvointialue", "North Savo wellbeing services county"]
)
def test_the_example_county_by_any_name(county: str) -> None:
    found = interface_map(lape.example(), county)
    assert found.county == "13"
    assert [(s.municipality, s.target_group, s.identified) for s in found.splits] == [
        ("297", "children", True),
        ("297", "young_people", True),
        ("140", "children", False),
    ]
    first = found.splits[0]
    assert first.network == "ps-family-centre"
    assert first.municipal_services == ("kuopio-ece", "kuopio-pupil-welfare")
    assert first.county_services == (
        "kuopio-pupil-welfare",
        "ps-child-health-clinic",
        "ps-family-counselling",
    )
    assert first.descriptions[0] is not None
    assert first.descriptions[0].startswith("School psychologists")
    [missing] = found.missing()
    assert missing.municipal_services == ("iisalmi-ece-consultation",)
    assert missing.descriptions == ()


def test_other_counties_and_days() -> None:
    assert interface_map(lape.example(), "KA").splits == ()
    assert interface_map(lape.example(), as_of=D(2017, 10, 1)).splits == ()
    assert len(interface_map(lape.example(), as_of=D(2023, 6, 1)).splits) == 3
    with pytest.raises(ValueError, match="unknown wellbeing services county 'Narnia'"):
        interface_map(lape.example(), "Narnia")


@slow_to_draw
@given(snapshots(max_actors=4), st.dates(min_value=D(2023, 1, 1), max_value=D(2030, 12, 31)))
def test_missing_interfaces_are_what_n07_reports(snapshot: Snapshot, day: D) -> None:
    found = interface_map(snapshot, as_of=day)
    report = check(snapshot, as_of=day, select=["LAPE-N07"], file_settings=False)
    failed = [
        (f.subject.id, f.evidence["municipality_code"], f.evidence["target_group"].value)
        for f in report.findings
        if f.status is Status.FAILED
    ]
    missing = [(s.network, s.municipality, s.target_group) for s in found.missing()]
    assert sorted(missing) == sorted(failed)
