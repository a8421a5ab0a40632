"""Dated parameters: values that change over time, kept as data beside the rules.

In the spirit of OpenFisca's parameters and reforms: a rule reads a value
"as of" the checked day; a what-if copies the parameters with an override and
never edits a rule.

>>> import datetime as dt
>>> p = default_parameters()
>>> p.value("LAPE-C04.earliest_start", dt.date(2017, 1, 1))
datetime.date(2016, 9, 1)
>>> what_if = p.override("LAPE-F03.min_actors", 3)
>>> day = dt.date(2017, 1, 1)
>>> what_if.value("LAPE-F03.min_actors", day), p.value("LAPE-F03.min_actors", day)
(3, 2)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from lape._frozen import FrozenMap
from lape._html import HEAD_ROWS, HTMLRepr, cell, row, table
from lape._words import count
from lape.errors import LapeError
from lape.model import Lang, Period, Text

__all__ = ["Parameter", "ParameterError", "Parameters", "default_parameters"]

_BEGINNING = dt.date(1900, 1, 1)


class ParameterError(LapeError, ValueError):
    """A parameter value that cannot be used (e.g. a pool amount that is not euros)."""


@attrs.frozen(kw_only=True)
class Parameter:
    """A named value with its history: ``values`` pairs each start date with the
    value in force from that day on; ``reference`` says where it comes from."""

    name: str
    description: str
    """What the parameter is, in English."""
    reference: str
    values: tuple[tuple[dt.date, Any], ...]
    descriptions: Text | None = None
    """The description in Finnish, Swedish and English (the catalogue's parameters have
    it; a parameter of your own may leave it out)."""

    def description_in(self, lang: Lang) -> str:
        """The description in ``lang`` (in English where no translation is given)."""
        return self.description if self.descriptions is None else self.descriptions.get(lang)

    def at(self, day: dt.date) -> Any:
        """The value in force on ``day``."""
        current: Any = None
        found = False
        for start, value in sorted(self.values, key=lambda pair: pair[0]):
            if start <= day:
                current, found = value, True
        if not found:
            msg = f"parameter {self.name!r} has no value on {day.isoformat()}"
            raise KeyError(msg)
        return current


def _read_only(mapping: Mapping[str, Parameter]) -> Mapping[str, Parameter]:
    return FrozenMap(mapping)


@attrs.frozen(repr=False)
class Parameters(HTMLRepr, Mapping[str, Parameter]):
    """A set of :class:`Parameter` by name; :meth:`override` makes a what-if copy."""

    _by_name: Mapping[str, Parameter] = attrs.field(converter=_read_only)

    def __getitem__(self, name: str) -> Parameter:
        return self._by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        names = list(self._by_name)
        shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        return f"<Parameters: {count(len(names), 'parameter')} ({shown})>"

    def _html(self) -> str:
        shown = list(self._by_name.values())[:HEAD_ROWS]
        rest = len(self._by_name) - len(shown)
        foot = f"… and {count(rest, 'more parameter')}" if rest > 0 else None
        body = (row([cell(p.name), cell(p.description), cell(p.reference)]) for p in shown)
        caption = f"Parameters: {count(len(self._by_name), 'parameter')}"
        head = ("name", "description", "reference")
        return table(caption, body, head=head, foot=foot, css_class="lape-parameters")

    def value(self, name: str, day: dt.date) -> Any:
        """The value of parameter ``name`` in force on ``day``."""
        return self._by_name[name].at(day)

    def override(
        self,
        name: str,
        value: Any,
        *,
        start: dt.date | None = None,
        reference: str = "what-if override",
    ) -> Parameters:
        """A copy in which ``name`` takes ``value`` from ``start`` on (default: always).

        An unknown ``name`` adds a parameter (e.g. ``pool.<id>.amount`` to change a
        funding pool's amount).
        """
        old = self._by_name.get(name)
        if start is None or old is None:
            history: tuple[tuple[dt.date, Any], ...] = ((_BEGINNING, value),)
        else:
            history = (*((s, v) for s, v in old.values if s < start), (start, value))
        new = Parameter(
            name=name,
            description=old.description if old is not None else name,
            descriptions=old.descriptions if old is not None else None,
            reference=reference,
            values=history,
        )
        return Parameters({**self._by_name, name: new})


def _always(name: str, value: Any, description: Text, reference: str) -> Parameter:
    return Parameter(
        name=name,
        description=description.en,
        descriptions=description,
        reference=reference,
        values=((_BEGINNING, value),),
    )


SEED_001 = "seed 001_fcf0a286dac43d18.txt (STM 23.6.2016)"


def default_parameters() -> Parameters:
    """The parameters the catalogue's rules read, with their sources."""
    params = [
        _always(
            "LAPE-C03.stm_term",
            Period(start=dt.date(2016, 1, 1), end=dt.date(2019, 12, 31)),
            Text(
                fi="kausi, jolla STM maksoi muutosagenttien palkat (kausi 2016-2018, kierros 2019)",
                sv="perioden då SHM betalade förändringsagenternas löner (perioden 2016-2018, "
                "omgången 2019)",
                en="the period in which STM paid change agents' salaries (2016-2018 term, 2019 "
                "round)",
            ),
            "seed 001; STM press release 127/2018",
        ),
        _always(
            "LAPE-C04.earliest_start",
            dt.date(2016, 9, 1),
            Text(
                fi="STM:n rahoittaman muutosagentin varhaisin aloitus (syksy 2016)",
                sv="den tidigaste starten för en förändringsagent som SHM finansierar "
                "(hösten 2016)",
                en="the earliest start of an STM-funded change agent (autumn 2016)",
            ),
            SEED_001,
        ),
        _always(
            "LAPE-C06.stm_pays_until",
            dt.date(2019, 12, 31),
            Text(
                fi="viimeinen päivä, jolta STM maksoi muutosagenttien palkat",
                sv="den sista dagen SHM betalade förändringsagenternas löner",
                en="the last day STM paid change agents' salaries",
            ),
            "seed 002_54329ee4316f476e.txt (STM 24.10.2019)",
        ),
        _always(
            "LAPE-F03.min_actors",
            2,
            Text(
                fi="pienin määrä toimijoita, jotka osallistuvat yhdessä valtionavustettuun työhön",
                sv="det minsta antalet aktörer som deltar tillsammans i statsunderstött arbete",
                en="the least number of actors that take part together in state-subsidised work",
            ),
            SEED_001,
        ),
        _always(
            "LAPE-F04.period",
            Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31)),
            Text(
                fi="käynnistysavustusten vuodet",
                sv="åren för startbidragen",
                en="the years of the start-up grants",
            ),
            "seed 000_e64bf8a9e849b9f1.txt (Kuntaliitto 11.1.2016)",
        ),
        _always(
            "LAPE-F10.round_pools",
            ("lape-regional-2016",),
            Text(
                fi="maakunnallisen valtionavustuksen vuoden 2016 haun määrärahat, joilla "
                "rahoitettiin yksi kehittämishanke hankealuetta kohden",
                sv="anslagen i 2016 års omgång av det regionala statsunderstödet, som "
                "finansierade ett utvecklingsprojekt per projektområde",
                en="the pools of the 2016 round of the regional state subsidy, which funded one "
                "development project per project area",
            ),
            "STM press releases 126/2016 and 251/2016",
        ),
    ]
    return Parameters({p.name: p for p in params})
