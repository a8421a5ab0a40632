"""The bundled example: an illustrative snapshot of Pohjois-Savo in 2017."""

from __future__ import annotations

from importlib import resources

from lape.io._files import loads
from lape.model import Snapshot

__all__ = ["EXAMPLE_NAME", "example", "example_text"]

EXAMPLE_NAME = "example.yaml"


def example_text() -> str:
    """The YAML text of the bundled example (what ``lape example`` prints)."""
    return resources.files("lape.io").joinpath(EXAMPLE_NAME).read_text(encoding="utf-8")


def example() -> Snapshot:
    """The bundled example snapshot: real places, invented memberships (illustrative)."""
    return loads(example_text(), source=f"<bundled {EXAMPLE_NAME}>")
