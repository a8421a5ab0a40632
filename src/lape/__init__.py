"""lape: model and check Finland's programme for developing child and family services (LAPE).

The public API re-exported here is what most users need: the snapshot model,
loading and dumping files, and the reference data. Subpackages (``lape.model``,
``lape.reference``, ``lape.io``, ``lape.rules``, ``lape.network``, ``lape.report``,
``lape.testing``) load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from lape._version import __version__
from lape.errors import LapeError, LoadError
from lape.io import dump, dumps, example, load, loads
from lape.model import Snapshot
from lape.rules import Report, check

if TYPE_CHECKING:
    from lape import io, model, network, reference, report, rules, testing

__all__ = [
    "LapeError",
    "LoadError",
    "Report",
    "Snapshot",
    "__version__",
    "check",
    "dump",
    "dumps",
    "example",
    "io",
    "load",
    "loads",
    "model",
    "network",
    "reference",
    "report",
    "rules",
    "testing",
]

_SUBPACKAGES = frozenset({"io", "model", "network", "reference", "report", "rules", "testing"})


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f"lape.{name}")
    msg = f"module 'lape' has no attribute {name!r}"
    raise AttributeError(msg)
