"""Finnish reference data shipped with ``lape``: areas, the programme's funding pools,
and the documents the rules cite.

Everything is read lazily from the package's CSV files on first use and cached.
``SOURCES.md`` beside this module says where each file comes from, its date and
its licence (:func:`sources`).

>>> geo = geography()
>>> len(geo.regions), len(geo.counties), len(geo.project_areas)
(19, 22, 19)
>>> geo.counties[geo.municipality("837").county].name_en
'Pirkanmaa wellbeing services county'
"""

from __future__ import annotations

from lape.reference._loaders import (
    documents,
    documents_cited,
    funding_pools,
    geography,
    sources,
)

__all__ = ["documents", "documents_cited", "funding_pools", "geography", "sources"]
