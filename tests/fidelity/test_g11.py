"""LAPE-G11: a regional group has at least one parish.

The cases are those every "a regional group has at least one <kind>" rule shares
(see ``_regional_kind.py``, written from DOMAIN.md revision 2).
"""

from __future__ import annotations

from ._regional_kind import RegionalGroupHasKind


class TestG11(RegionalGroupHasKind):
    rule = "LAPE-G11"
    kind = "parish"
    not_counted = ("organisation", "other")
    sector = "church"
