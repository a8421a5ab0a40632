"""The bundled example snapshot and the complete example of docs/file-format.md."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import lape.io
import lape.reference
import lape.rules
from lape.model import GroupKind, Severity, Snapshot

DOCS = Path(__file__).parents[1] / "docs"
FILE_FORMAT = DOCS / "file-format.md"

POHJOIS_SAVO = "11"


def _known_pools() -> list[str]:
    return [pool.id for pool in lape.reference.funding_pools()]


def _dangling(snapshot: Snapshot) -> list[str]:
    return [
        f"{ref.path} -> {ref.target}"
        for ref in snapshot.index.dangling_references(known_pools=_known_pools())
    ]


def _complete_example_text() -> str:
    """The first ```yaml block after the heading that says "Complete example"."""
    text = FILE_FORMAT.read_text(encoding="utf-8")
    heading = re.search(r"^#+ .*Complete example.*$", text, flags=re.MULTILINE | re.IGNORECASE)
    assert heading is not None, "docs/file-format.md has no 'Complete example' heading"
    block = re.compile(r"^```yaml[ \t]*\n(.*?)^```[ \t]*$", flags=re.MULTILINE | re.DOTALL)
    found = block.search(text, heading.end())
    assert found is not None, "no ```yaml block after the 'Complete example' heading"
    return found.group(1)


# -- the bundled example ------------------------------------------------------


def test_example_loads() -> None:
    snapshot = lape.io.example()
    assert isinstance(snapshot, Snapshot)
    assert snapshot.actors
    assert snapshot.groups
    assert snapshot.change_agents
    assert snapshot.grants
    assert snapshot.centres
    assert snapshot.networks


def test_example_text_is_what_example_loads() -> None:
    assert lape.io.loads(lape.io.example_text()) == lape.io.example()


def test_example_is_marked_illustrative() -> None:
    info = lape.io.example().info
    assert info.illustrative is True
    assert info.title
    assert "invented" in info.description
    assert info.as_of == dt.date(2017, 10, 1)


def test_example_covers_pohjois_savo() -> None:
    snapshot = lape.io.example()
    assert snapshot.scope.regions == (POHJOIS_SAVO,)
    regional = [g for g in snapshot.groups if g.kind is GroupKind.REGIONAL]
    assert [g.region for g in regional] == [POHJOIS_SAVO]


def test_example_names_only_municipalities_of_the_region() -> None:
    snapshot = lape.io.example()
    geo = lape.reference.geography()
    in_2017 = geo.municipalities_of_region(POHJOIS_SAVO, dt.date(2017, 1, 1))
    in_2023 = geo.municipalities_of_region(POHJOIS_SAVO, dt.date(2023, 1, 1))
    named = {code for actor in snapshot.actors for code in actor.municipalities}
    assert named == in_2017 | in_2023
    assert "174" not in named  # Juankoski merged into Kuopio on 2017-01-01
    assert in_2023 - in_2017 == {"171"}  # Joroinen joined region 11 in 2021


def test_example_checked_in_2023_shows_only_its_deliberate_network_shortcomings() -> None:
    report = lape.rules.check(lape.io.example(), as_of=dt.date(2023, 6, 1))
    found = {(f.rule, f.subject.id) for f in report.findings}
    assert found == {
        ("LAPE-F02", "ps-lape-varkaus-trial"),
        ("LAPE-N05", "ps-family-centre"),
        ("LAPE-N07", "ps-family-centre"),
    }


def test_example_references_all_resolve() -> None:
    assert _dangling(lape.io.example()) == []


def test_example_has_no_duplicate_ids() -> None:
    assert lape.io.example().index.duplicates() == {}


def test_example_defines_no_reference_pool() -> None:
    snapshot = lape.io.example()
    assert not {pool.id for pool in snapshot.pools} & set(_known_pools())


def test_example_round_trips_through_yaml() -> None:
    snapshot = lape.io.example()
    assert lape.io.loads(lape.io.dumps(snapshot)) == snapshot


def test_example_round_trips_through_json() -> None:
    snapshot = lape.io.example()
    text = lape.io.dumps(snapshot, format="json")
    assert lape.io.loads(text, format="json") == snapshot


# -- the complete example of the file-format documentation ----------------


def test_docs_complete_example_loads() -> None:
    snapshot = lape.io.loads(_complete_example_text(), source=str(FILE_FORMAT))
    assert snapshot.info.illustrative is True
    assert _dangling(snapshot) == []
    assert snapshot.index.duplicates() == {}


def test_docs_complete_example_uses_every_section() -> None:
    snapshot = lape.io.loads(_complete_example_text(), source=str(FILE_FORMAT))
    assert set(snapshot.counts()) == {
        "actor",
        "group",
        "change_agent",
        "pool",
        "grant",
        "project",
        "centre",
        "network",
        "survey",
    }


def test_docs_complete_example_round_trips() -> None:
    snapshot = lape.io.loads(_complete_example_text())
    assert lape.io.loads(lape.io.dumps(snapshot)) == snapshot
    assert lape.io.loads(lape.io.dumps(snapshot, format="json"), format="json") == snapshot


def test_docs_complete_example_differs_from_the_bundled_one() -> None:
    assert lape.io.loads(_complete_example_text()) != lape.io.example()


def _corrected_example_text() -> str:
    """The bundled example with its five deliberate shortcomings mended."""
    fixes = [
        # LAPE-G04: a parish for the Varkaus group
        (
            "  # -- Youth participation",
            "  - id: varkaus-srk\n    name: Varkaus parish\n    kind: parish\n"
            "    municipalities: [Varkaus]\n\n  # -- Youth participation",
        ),
        (
            "      - {actor: varkaus-perhekerho}\n",
            "      - {actor: varkaus-perhekerho}\n      - {actor: varkaus-srk}\n",
        ),
        # LAPE-G05: Siilinjärvi's youth council takes its seat
        (
            "      - {actor: siilinjarvi-srk}\n",
            "      - {actor: siilinjarvi-srk}\n"
            "      - {actor: siilinjarvi-nuva, role: youth_representative}\n",
        ),
        # LAPE-F02: costs inside the pool's eligible period
        (
            "costs: {start: 2017-01-01, end: 2019-03-31}",
            "costs: {start: 2017-01-01, end: 2018-12-31}",
        ),
        # LAPE-N05: a role for every member
        (
            "      - {actor: suonenjoki-sivistys}\n",
            "      - {actor: suonenjoki-sivistys, role: early childhood education}\n",
        ),
        # LAPE-N07: the interface for children in Iisalmi, naming both sides
        (
            "    interfaces:\n",
            "    interfaces:\n      - target_group: children\n"
            "        municipality: Iisalmi\n"
            "        municipal_services: [iisalmi-ece-consultation]\n"
            "        county_services: [iisalmi-ece-consultation, ps-child-health-clinic,"
            " ps-family-counselling]\n",
        ),
    ]
    text = lape.io.example_text()
    for old, new in fixes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_the_example_shows_its_deliberate_shortcomings_in_2017() -> None:
    report = lape.rules.check(lape.io.example())
    failed = {(f.rule, f.subject.id) for f in report.findings if f.severity is not Severity.INFO}
    assert failed == {
        ("LAPE-G04", "varkaus-lape"),
        ("LAPE-G05", "siilinjarvi-lape"),
        ("LAPE-F02", "ps-lape-varkaus-trial"),
    }


@pytest.mark.parametrize("day", [dt.date(2017, 10, 1), dt.date(2023, 6, 1)])
def test_a_corrected_copy_of_the_example_conforms(day: dt.date) -> None:
    corrected = lape.loads(_corrected_example_text())
    report = lape.rules.check(corrected, as_of=day)
    assert report.conforms
    assert [f for f in report.findings if f.severity is not Severity.INFO] == []
