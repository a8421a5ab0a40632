"""LAPE-G10: a regional group has at least one competence centre.

The cases are those every "a regional group has at least one <kind>" rule shares
(see ``_regional_kind.py``, written from DOMAIN.md revision 2).
"""

from __future__ import annotations

from ._regional_kind import RegionalGroupHasKind


class TestG10(RegionalGroupHasKind):
    rule = "LAPE-G10"
    kind = "competence_centre"
    not_counted = ("government_agency", "educational_institution")
    sector = "social_health"
