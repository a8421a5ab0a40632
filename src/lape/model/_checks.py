"""How a snapshot file asks to be checked: which rules, at which severity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import attrs
from attrs.validators import deep_mapping

from lape._frozen import FrozenMap
from lape.model._fields import instance_of, to_ids, tuple_of
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


_VALUES: dict[str, Severity] = {s.value: s for s in Severity}


def _severity(given: Severity | str) -> Severity:
    if isinstance(given, str):  # by its value; anything else for the validator to refuse
        return _VALUES.get(given, cast("Severity", given))
    return given


def _severities(value: Mapping[str, Severity | str]) -> Mapping[str, Severity]:
    """Converter: the severities by rule as a read-only mapping that can be copied,
    each given as a :class:`Severity` or its value (``"warning"``), as in a file."""
    if not isinstance(value, Mapping):
        return cast("Mapping[str, Severity]", value)  # the validator says what it is
    return FrozenMap((key, _severity(given)) for key, given in value.items())


@attrs.frozen(kw_only=True)
class CheckSettings:
    """The ``checks:`` section of a snapshot file.

    ``select`` keeps only the rules whose ID or tag is listed (empty: all),
    ``ignore`` drops rules by ID or tag, ``severity`` changes a rule's severity
    by ID. Options given on the command line or in code take precedence over
    these (see :mod:`lape.rules`).

    >>> CheckSettings(ignore=["LAPE-G05"], severity={"LAPE-G01": "warning"}).severity
    FrozenMap({'LAPE-G01': <Severity.WARNING: 'warning'>})
    """

    select: tuple[str, ...] = attrs.field(default=(), converter=to_ids, validator=tuple_of(str))
    ignore: tuple[str, ...] = attrs.field(default=(), converter=to_ids, validator=tuple_of(str))
    severity: Mapping[str, Severity] = attrs.field(
        factory=dict,
        converter=_severities,
        hash=False,
        validator=deep_mapping(
            key_validator=instance_of(str),
            value_validator=instance_of(Severity),
            mapping_validator=instance_of(Mapping),
        ),
    )
