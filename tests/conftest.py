"""Shared test configuration: hypothesis settings profiles.

- ``dev`` (the default): 30 examples per property, for a quick local run; no
  deadline (the machines are shared, and speed is the benchmarks' business).
- ``quick``: 5 examples and no shrinking, to see at a glance what fails after a
  large change (``HYPOTHESIS_PROFILE=quick pytest``).
- ``ci``: hypothesis' own ``ci`` profile (derandomized, no example database,
  no deadline, blobs printed to reproduce failures), loaded when ``CI`` is set.

``HYPOTHESIS_PROFILE=<name>`` picks a profile explicitly, e.g.
``HYPOTHESIS_PROFILE=ci pytest`` to reproduce a CI run locally.
"""

from __future__ import annotations

import os

from hypothesis import Phase, settings

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile(
    "quick", max_examples=5, deadline=None, phases=[p for p in Phase if p is not Phase.shrink]
)
settings.register_profile("ci", parent=settings.get_profile("ci"))

settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
