"""The bundled example snapshot and the complete example of docs/file-format.md."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lape.io
import lape.reference
from lape.model import GroupKind, Snapshot

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


def test_example_names_only_municipalities_of_the_region_in_2017() -> None:
    snapshot = lape.io.example()
    geo = lape.reference.geography()
    in_region = geo.municipalities_of_region(POHJOIS_SAVO, dt.date(2017, 1, 1))
    named = {code for actor in snapshot.actors for code in actor.municipalities}
    assert named
    assert named <= in_region
    assert "174" not in named  # Juankoski merged into Kuopio on 2017-01-01
    assert "171" not in named  # Joroinen joined region 11 only in 2021


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
        "centre",
        "network",
    }


def test_docs_complete_example_round_trips() -> None:
    snapshot = lape.io.loads(_complete_example_text())
    assert lape.io.loads(lape.io.dumps(snapshot)) == snapshot
    assert lape.io.loads(lape.io.dumps(snapshot, format="json"), format="json") == snapshot


def test_docs_complete_example_differs_from_the_bundled_one() -> None:
    assert lape.io.loads(_complete_example_text()) != lape.io.example()
