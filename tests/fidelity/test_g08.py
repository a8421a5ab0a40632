"""LAPE-G08: a regional group has at least one organisation.

The cases are those every "a regional group has at least one <kind>" rule shares
(see ``_regional_kind.py``, written from DOMAIN.md revision 2).
"""

from __future__ import annotations

from ._regional_kind import RegionalGroupHasKind


class TestG08(RegionalGroupHasKind):
    rule = "LAPE-G08"
    kind = "organisation"
    not_counted = ("parish", "company")
    sector = "civil_society"
