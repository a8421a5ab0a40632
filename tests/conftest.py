"""Shared test configuration: hypothesis settings profiles.

- ``dev`` (the default): 30 examples per property, for a quick local run.
- ``quick``: 5 examples and no shrinking, to see at a glance what fails after a
  large change (``HYPOTHESIS_PROFILE=quick pytest``).
- ``ci``: hypothesis' own ``ci`` profile (derandomized, no example database,
  no deadline, blobs printed to reproduce failures), loaded when ``CI`` is set.

No profile has a deadline or the "too slow" health check: the machines are shared,
and speed is the benchmarks' business.

``HYPOTHESIS_PROFILE=<name>`` picks a profile explicitly, e.g.
``HYPOTHESIS_PROFILE=ci pytest`` to reproduce a CI run locally.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

# How fast examples are drawn is benchmarks/bench_strategies.py's business, not a
# health check's: on a shared or slow machine it fails tests that are right.
_UNTIMED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", _UNTIMED, max_examples=30)
settings.register_profile(
    "quick", _UNTIMED, max_examples=5, phases=[p for p in Phase if p is not Phase.shrink]
)
settings.register_profile(
    "ci", settings.get_profile("ci"), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)
