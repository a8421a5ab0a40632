"""Pausing Python's cyclic garbage collector while ``lape`` builds large acyclic data.

Loading a file, indexing a snapshot and checking it each make hundreds of thousands of
small objects (dicts, tuples, findings) and no reference cycles. While they are made,
the collector would walk the growing heap again and again, a cost that grows faster
than the data (on the national snapshot at scale 8, a quarter of a check); reference
counting still frees everything else at once, and a cycle a user's own rule makes is
collected after the pause.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["gc_paused"]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block (nested pauses keep it
    paused until the outermost one ends; a collector already off stays off)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
