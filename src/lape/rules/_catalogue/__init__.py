"""The built-in rule catalogue: one module per ID prefix, one explicit list.

IDs never change once published; a retired rule keeps its ID.
"""

from __future__ import annotations

import functools

from lape.rules._catalogue import change_agents, funding, groups, integrity, services, youth
from lape.rules._ruleset import RuleSet

__all__ = ["catalogue"]


@functools.cache
def catalogue() -> RuleSet:
    """Every built-in rule, in catalogue order."""
    return RuleSet(
        (
            *groups.RULES,
            *change_agents.RULES,
            *funding.RULES,
            *youth.RULES,
            *services.RULES,
            *integrity.RULES,
        )
    )
