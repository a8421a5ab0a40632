"""How a snapshot file asks to be checked: which rules, at which severity."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs
from attrs.validators import deep_iterable, deep_mapping, instance_of

from lape.model._vocabulary import Vocabulary

__all__ = ["CheckSettings", "Severity"]


class Severity(Vocabulary):
    """How serious a finding is; only errors make a snapshot non-conforming."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: the order findings are listed in."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _strings() -> Any:
    return deep_iterable(member_validator=instance_of(str), iterable_validator=instance_of(tuple))


def _frozen_mapping(value: Mapping[str, Severity]) -> Mapping[str, Severity]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class CheckSettings:
    """The ``checks:`` section of a snapshot file.

    ``select`` keeps only the rules whose ID or tag is listed (empty: all),
    ``ignore`` drops rules by ID or tag, ``severity`` changes a rule's severity
    by ID. Options given on the command line or in code take precedence over
    these (see :mod:`lape.rules`).
    """

    select: tuple[str, ...] = attrs.field(default=(), validator=_strings())
    ignore: tuple[str, ...] = attrs.field(default=(), validator=_strings())
    severity: Mapping[str, Severity] = attrs.field(
        factory=dict,
        converter=_frozen_mapping,
        hash=False,
        validator=deep_mapping(
            key_validator=instance_of(str), value_validator=instance_of(Severity)
        ),
    )
