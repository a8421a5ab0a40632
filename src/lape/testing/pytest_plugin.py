"""pytest fixtures for suites that test their code against ``lape``.

Installing ``lape`` registers this module as a pytest plugin (the ``pytest11``
entry point), so the fixtures are there without a ``conftest.py``:

- ``lape_example``: the bundled example snapshot (:func:`lape.example`), read
  once per session; snapshots are immutable, so tests may share it.
- ``lape_check``: a :class:`~lape.testing.Checker`: ``lape_check(snapshot)``
  is the report, ``lape_check.problems(snapshot)`` its errors and warnings,
  ``lape_check.assert_conforms(snapshot)`` and
  ``lape_check.assert_breaks(rule_break)`` fail with the findings spelled out.

The plugin imports no hypothesis (it is not needed for these fixtures). To
turn it off: ``pytest -p no:lape``.
"""

from __future__ import annotations

import pytest

from lape.model import Snapshot
from lape.testing._checker import Checker

__all__ = ["lape_check", "lape_example"]


@pytest.fixture(scope="session")
def lape_example() -> Snapshot:
    """The bundled example snapshot: Pohjois-Savo on 2017-10-01 (illustrative)."""
    from lape.io import example

    return example()


@pytest.fixture(scope="session")
def lape_check() -> Checker:
    """A checker: ``lape_check(snapshot)`` is the report; see :class:`lape.testing.Checker`."""
    return Checker()
