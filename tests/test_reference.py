"""The shipped reference data: counts, known facts, name look-ups, pools, sources."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lape.errors import NotFoundError
from lape.model import CountyCode, FundingPool, Geography, Period, RegionCode
from lape.reference import funding_pools, geography, sources

D = dt.date


@pytest.fixture(scope="module")
def geo() -> Geography:
    return geography()


def _pools() -> dict[str, FundingPool]:
    return {p.id: p for p in funding_pools()}


# -- counts ------------------------------------------------------------------


def test_area_counts(geo: Geography) -> None:
    assert len(geo.regions) == 19
    assert len(geo.counties) == 22
    assert "90" in geo.counties
    assert geo.counties[CountyCode("90")].name_en == "City of Helsinki"
    assert len(geo.hospital_districts) == 21
    assert len(geo.project_areas) == 19


@pytest.mark.parametrize(
    ("day", "count"),
    [
        (D(2016, 1, 1), 313),
        (D(2016, 6, 1), 313),
        (D(2016, 12, 31), 313),
        (D(2017, 1, 1), 311),
        (D(2019, 12, 31), 311),
        (D(2020, 1, 1), 310),
        (D(2020, 6, 1), 310),
        (D(2020, 12, 31), 310),
        (D(2021, 1, 1), 309),
        (D(2024, 12, 31), 309),
        (D(2025, 1, 1), 308),
    ],
)
def test_municipality_count_on(geo: Geography, day: dt.date, count: int) -> None:
    assert len(geo.municipalities_on(day)) == count


def test_municipalities_on_are_sorted_by_code(geo: Geography) -> None:
    codes = [m.code for m in geo.municipalities_on(D(2017, 1, 1))]
    assert codes == sorted(codes)


# -- known facts ---------------------------------------------------------------


def test_tampere(geo: Geography) -> None:
    tampere = geo.municipality("837")
    assert tampere is not None
    assert tampere.name_fi == "Tampere"
    assert tampere.name_sv == "Tammerfors"
    assert tampere.region == "06"
    assert tampere.county == "08"
    assert geo.region_of("837", D(2017, 1, 1)) == "06"


@pytest.mark.parametrize(
    ("code", "day", "region"),
    [
        ("291", D(2016, 1, 1), "13"),  # Kuhmoinen: Keski-Suomi before 2021
        ("291", D(2020, 12, 31), "13"),
        ("291", D(2021, 1, 1), "06"),  # ... Pirkanmaa from 2021
        ("171", D(2020, 12, 31), "10"),  # Joroinen: Etelä-Savo before 2021
        ("171", D(2021, 1, 1), "11"),  # ... Pohjois-Savo from 2021
        ("478", D(2017, 1, 1), "21"),  # Mariehamn: Åland
    ],
)
def test_region_of_on_a_day(geo: Geography, code: str, day: dt.date, region: str) -> None:
    assert geo.region_of(code, day) == region


def test_region_transfer_is_recorded(geo: Geography) -> None:
    kuhmoinen = geo.municipality("291")
    assert kuhmoinen is not None
    assert kuhmoinen.region == "06"
    assert kuhmoinen.region_before == "13"
    assert kuhmoinen.region_since == D(2021, 1, 1)
    assert kuhmoinen.region_on(D(2020, 12, 31)) == "13"


@pytest.mark.parametrize(("code", "county"), [("049", "03"), ("092", "04"), ("091", "90")])
def test_county_of_municipality(geo: Geography, code: str, county: str) -> None:
    m = geo.municipality(code)
    assert m is not None
    assert m.county == county


def test_mariehamn_has_no_county(geo: Geography) -> None:
    mariehamn = geo.municipality("478")
    assert mariehamn is not None
    assert mariehamn.name_sv == "Mariehamn"
    assert mariehamn.region == "21"
    assert mariehamn.county is None
    assert not geo.regions[RegionCode("21")].is_mainland
    assert geo.regions[RegionCode("06")].is_mainland


def test_juankoski_merged_into_kuopio(geo: Geography) -> None:
    juankoski = geo.municipality("174")
    assert juankoski is not None
    assert juankoski.name_fi == "Juankoski"
    assert juankoski.exists_on(D(2016, 12, 31))
    assert not juankoski.exists_on(D(2017, 1, 1))
    assert juankoski.ceased == D(2017, 1, 1)
    assert juankoski.successor == "297"
    assert geo.region_of("174", D(2016, 12, 31)) == "11"
    assert geo.region_of("174", D(2017, 1, 1)) is None
    assert "174" in {m.code for m in geo.municipalities_on(D(2016, 12, 31))}
    assert "174" not in {m.code for m in geo.municipalities_on(D(2017, 1, 1))}


def test_pertunmaa_merged_in_2025(geo: Geography) -> None:
    pertunmaa = geo.municipality("588")
    assert pertunmaa is not None
    assert pertunmaa.exists_on(D(2024, 12, 31))
    assert not pertunmaa.exists_on(D(2025, 1, 1))
    assert pertunmaa.successor == "507"


def test_unknown_codes(geo: Geography) -> None:
    assert geo.municipality("999") is None
    assert geo.region_of("999", D(2017, 1, 1)) is None
    assert geo.municipality_code("Atlantis") is None
    assert geo.region_code("Atlantis") is None
    assert geo.county_code("Atlantis") is None


# -- names to codes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Tampere", "837"),
        ("Tammerfors", "837"),
        ("tammerfors", "837"),
        ("TAMPERE", "837"),
        ("  Tampere ", "837"),
        ("Helsingfors", "091"),
        ("Mariehamn", "478"),
        ("Maarianhamina", "478"),
        ("Juankoski", "174"),
        ("837", "837"),
        ("020", "020"),
    ],
)
def test_municipality_code_by_name(geo: Geography, name: str, code: str) -> None:
    assert geo.municipality_code(name) == code


def test_municipality_names_hold_both_languages(geo: Geography) -> None:
    names = geo.municipality_names()
    assert {"Tampere", "Tammerfors", "Helsinki", "Helsingfors"} <= set(names)
    assert list(names) == sorted(names)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Pirkanmaa", "06"),
        ("Birkaland", "06"),
        ("pirkanmaa", "06"),
        ("Southwest Finland", "02"),
        ("Egentliga Finland", "02"),
        ("Varsinais-Suomi", "02"),
        ("Åland", "21"),
        ("Ahvenanmaa", "21"),
        ("06", "06"),
    ],
)
def test_region_code_by_name(geo: Geography, name: str, code: str) -> None:
    assert geo.region_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("PI", "08"),
        ("pi", "08"),
        ("Pirkanmaan hyvinvointialue", "08"),
        ("Birkalands välfärdsområde", "08"),
        ("Pirkanmaa wellbeing services county", "08"),
        ("HKI", "90"),
        ("City of Helsinki", "90"),
        ("08", "08"),
    ],
)
def test_county_code_by_short_id_or_name(geo: Geography, name: str, code: str) -> None:
    assert geo.county_code(name) == code


# -- project areas -------------------------------------------------------------


CAPITAL_REGION = frozenset({"049", "091", "092", "235"})


@pytest.mark.parametrize(
    ("look_up", "key", "message"),
    [
        ("municipality_code", "Kajani", "no municipality 'Kajani'; did you mean 'Kajaani'?"),
        ("municipality", "Kajaani", "no municipality 'Kajaani'; did you mean '205'?"),
        ("region_code", "Pohjois-Savon", "no region 'Pohjois-Savon'; did you mean 'Pohjois-Savo'?"),
        ("county_code", "Kainuu", "no county 'Kainuu'; did you mean 'Kainuun hyvinvointialue'?"),
        ("county_code", "Savo", "no county 'Savo'"),
    ],
)
def test_strict_look_ups_raise_with_the_closest_name(
    geo: Geography, look_up: str, key: str, message: str
) -> None:
    assert getattr(geo, look_up)(key) is None
    with pytest.raises(NotFoundError) as caught:
        getattr(geo, look_up)(key, strict=True)
    assert str(caught.value) == message
    assert caught.value.key == key
    assert isinstance(caught.value, LookupError)


def test_strict_look_ups_give_what_they_find(geo: Geography) -> None:
    assert geo.municipality_code("Tammerfors", strict=True) == "837"
    assert geo.municipality("837", strict=True).name_fi == "Tampere"
    assert geo.region_code("Kainuu", strict=True) == "18"
    assert geo.county_code("PI", strict=True) == "08"
    assert geo.project_area_of("205", D(2017, 1, 1), strict=True).id == "kainuu"
    assert geo.project_area_of("478", D(2017, 1, 1)) is None  # Mariehamn: Åland had none
    with pytest.raises(
        NotFoundError, match=r"^no project area on 2017-01-01 for municipality '478'$"
    ):
        geo.project_area_of("478", D(2017, 1, 1), strict=True)


def test_capital_region(geo: Geography) -> None:
    for day in (D(2016, 6, 1), D(2017, 1, 1), D(2019, 12, 31)):
        assert geo.municipalities_of_project_area("capital-region", day) == CAPITAL_REGION
    area = geo.project_area_of("091", D(2017, 1, 1))
    assert area is not None
    assert area.id == "capital-region"


def test_rest_of_uusimaa_excludes_the_capital_region(geo: Geography) -> None:
    day = D(2017, 1, 1)
    rest = geo.municipalities_of_project_area("uusimaa", day)
    assert rest
    assert not rest & CAPITAL_REGION
    assert rest | CAPITAL_REGION == geo.municipalities_of_region("01", day)
    area = geo.project_area_of("186", day)  # Järvenpää
    assert area is not None
    assert area.id == "uusimaa"


def test_every_mainland_municipality_in_exactly_one_project_area(geo: Geography) -> None:
    day = D(2017, 1, 1)
    members = {area: geo.municipalities_of_project_area(area, day) for area in geo.project_areas}
    mainland = {m.code for m in geo.municipalities_on(day) if m.region_on(day) != "21"}
    assert len(mainland) == 311 - 16
    for code in mainland:
        areas = [area for area, codes in members.items() if code in codes]
        assert len(areas) == 1, (code, areas)
        found = geo.project_area_of(code, day)
        assert found is not None
        assert found.id == areas[0]
    assert set().union(*members.values()) == mainland


def test_aland_is_in_no_project_area(geo: Geography) -> None:
    day = D(2017, 1, 1)
    aland = geo.municipalities_of_region("21", day)
    assert len(aland) == 16
    for code in aland:
        assert geo.project_area_of(code, day) is None
    assert all(area.region != "21" for area in geo.project_areas.values())


def test_project_area_follows_region_transfers(geo: Geography) -> None:
    before = geo.project_area_of("291", D(2020, 12, 31))
    after = geo.project_area_of("291", D(2021, 1, 1))
    assert before is not None
    assert after is not None
    assert (before.id, after.id) == ("keski-suomi", "pirkanmaa")


def test_unknown_project_area(geo: Geography) -> None:
    assert geo.municipalities_of_project_area("atlantis", D(2017, 1, 1)) == frozenset()
    assert geo.project_area_of("999", D(2017, 1, 1)) is None


# -- hospital districts and counties -------------------------------------------


def test_hospital_districts_of_etela_savo(geo: Geography) -> None:
    for day in (D(2017, 1, 1), D(2020, 6, 1)):
        districts = geo.hospital_districts_of(geo.municipalities_of_region("10", day))
        assert {"ES", "IS"} <= districts


def test_hospital_districts_of_lappi(geo: Geography) -> None:
    districts = geo.hospital_districts_of(geo.municipalities_of_region("19", D(2020, 6, 1)))
    assert {"L", "LP"} <= districts


def test_hospital_districts_of_ignores_unknown_codes(geo: Geography) -> None:
    assert geo.hospital_districts_of(["999", "837"]) == frozenset({"P"})


@pytest.mark.parametrize(("county", "count"), [("08", 23), ("14", 13), ("90", 1)])
def test_municipalities_of_county(geo: Geography, county: str, count: int) -> None:
    assert len(geo.municipalities_of_county(county)) == count


def test_pirkanmaa_county_includes_kuhmoinen(geo: Geography) -> None:
    assert {"291", "837"} <= geo.municipalities_of_county("08")


def test_aland_municipalities_have_no_county(geo: Geography) -> None:
    aland = [m for m in geo.municipalities.values() if m.region == "21"]
    assert len(aland) == 16
    assert all(m.county is None for m in aland)
    assert not geo.municipalities_of_county("21") & {m.code for m in aland}


def test_every_mainland_municipality_of_2021_has_one_county(geo: Geography) -> None:
    day = D(2021, 1, 1)
    for m in geo.municipalities_on(day):
        if m.region == "21":
            continue
        assert m.county is not None
        assert m.code in geo.municipalities_of_county(m.county)


@pytest.mark.parametrize("day", [D(2023, 1, 1), D(2025, 1, 1)])
def test_the_county_division_of_the_reference_data(geo: Geography, day: D) -> None:
    """What rule LAPE-W01 once checked on every run, now the test suite's (Act 614/2021):
    every mainland municipality lies in exactly one county of its region; only Helsinki
    has code 90; the Åland municipalities lie in none."""
    for m in geo.municipalities_on(day):
        region = m.region_on(day)
        if region == "21":
            assert m.county is None
        elif m.code == "091":
            assert m.county == "90"
        else:
            assert m.county in geo.counties_of_region(region) - {"90"}
        assert geo.county_of(m.code) == m.county


# -- funding pools ---------------------------------------------------------------


def test_funding_pools_are_five() -> None:
    assert len(funding_pools()) == 5
    assert set(_pools()) == {
        "lape-startup-2016",
        "lape-regional-2016",
        "lape-agents-2019",
        "lape-2020-2022",
        "fhsc-2021-lape",
    }


def test_funding_pool_amounts_are_decimal() -> None:
    pools = _pools()
    assert pools["lape-regional-2016"].amount == Decimal("20000000.00")
    assert pools["lape-2020-2022"].amount == Decimal("23600000.00")
    assert pools["fhsc-2021-lape"].amount == Decimal("21000000.00")
    for pool in pools.values():
        assert pool.amount is None or isinstance(pool.amount, Decimal)


def test_unknown_pool_amounts_are_none() -> None:
    pools = _pools()
    assert pools["lape-startup-2016"].amount is None
    assert pools["lape-agents-2019"].amount is None


def test_funding_pool_periods() -> None:
    pools = _pools()
    regional = pools["lape-regional-2016"]
    assert regional.call == Period(start=D(2016, 9, 1), end=D(2016, 11, 4))
    assert regional.costs == Period(start=D(2017, 1, 1), end=D(2018, 12, 31))
    assert pools["lape-agents-2019"].call == Period(start=D(2018, 9, 17), end=D(2018, 10, 24))
    startup = pools["lape-startup-2016"]
    assert startup.call is None
    assert startup.costs == Period(start=D(2016, 1, 1), end=D(2017, 12, 31))


def test_funding_pool_self_financing() -> None:
    pools = _pools()
    assert pools["lape-agents-2019"].self_financing is False
    assert pools["fhsc-2021-lape"].self_financing is False
    assert pools["lape-regional-2016"].self_financing is None


def test_funding_pools_are_cached_and_immutable() -> None:
    assert funding_pools() is funding_pools()
    assert isinstance(funding_pools(), tuple)
    assert geography() is geography()


# -- sources ---------------------------------------------------------------------


def test_sources_name_the_licence() -> None:
    text = sources()
    assert "CC BY 4.0" in text
    assert "Yleisradio/geodata" in text


def test_the_shared_geography_cannot_be_changed_by_a_caller() -> None:
    from lape.reference import geography

    geo = geography()
    with pytest.raises(TypeError):
        geo.municipalities["999"] = geo.municipalities["205"]  # type: ignore[index]
    assert geo.municipality("999") is None


def test_a_region_on_any_day_reads_as_the_data_says() -> None:
    import datetime as dt

    from lape.reference import geography

    geo = geography()
    days = [dt.date(2016, 1, 1) + dt.timedelta(days=n) for n in range(0, 3650, 7)]
    for day in days:  # a timeline's worth of days: each answered as the data says
        expected = {m.code for m in geo.municipalities_on(day) if m.region_on(day) == "11"}
        assert set(geo.municipalities_of_region("11", day)) == expected
