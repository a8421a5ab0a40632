"""LAPE-G09: a regional group has at least one educational institution.

The cases are those every "a regional group has at least one <kind>" rule shares
(see ``_regional_kind.py``, written from DOMAIN.md revision 2).
"""

from __future__ import annotations

from ._regional_kind import RegionalGroupHasKind


class TestG09(RegionalGroupHasKind):
    rule = "LAPE-G09"
    kind = "educational_institution"
    not_counted = ("municipal_body", "organisation")
    sector = "education_youth"
