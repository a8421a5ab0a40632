"""What the catalogue modules share: periods in force and the seed sources."""

from __future__ import annotations

import datetime as dt

from lape._wording import Text
from lape.model import Geography, Period
from lape.rules._catalogue._quotes import QUOTES
from lape.rules._rule import Source

__all__ = [
    "ALWAYS",
    "FROM_2016",
    "FROM_2023",
    "GROUPS_TERM",
    "SEED_000",
    "SEED_001",
    "SEED_002",
    "SEED_003",
    "SEED_004",
    "joined",
    "municipality_name",
    "seed",
]

SEED_000 = "seeds/000_e64bf8a9e849b9f1.txt (Kuntaliitto, 11.1.2016)"
SEED_001 = "seeds/001_fcf0a286dac43d18.txt (STM, 23.6.2016)"
SEED_002 = "seeds/002_54329ee4316f476e.txt (STM, 24.10.2019)"
SEED_003 = "seeds/003_3bdfde6a4b2dc7b5.txt (Kuntaliitto blog)"
SEED_004 = "seeds/004_03cf18482934f705.txt (STM column, 1.9.2022)"

ALWAYS = Period(start=dt.date(1900, 1, 1))
FROM_2016 = Period(start=dt.date(2016, 1, 1))
GROUPS_TERM = Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
FROM_2023 = Period(start=dt.date(2023, 1, 1))


def seed(document: str, quote: str) -> Source:
    """A source quoting one of the seed texts (or a named public source), with the
    quote's language and its renderings in the three languages from the table of
    :mod:`~lape.rules._catalogue._quotes`."""
    found = QUOTES.get(quote)
    if found is None:  # a quote not yet translated: the test suite says which
        return Source(document, quote)
    language, renderings = found
    return Source(document, quote, language=language, renderings=renderings)


def joined(problems: list[Text]) -> Text:
    """Several problems found in one subject as one text, separated by semicolons."""
    return Text(
        fi="; ".join(p.fi for p in problems),
        sv="; ".join(p.sv for p in problems),
        en="; ".join(p.en for p in problems),
    )


def municipality_name(geography: Geography, code: str) -> Text:
    """A municipality as a person reads it: ``Iisalmi (140)`` in Finnish and English,
    ``Idensalmi (140)`` in Swedish; the code alone when the code names none."""
    m = geography.municipality(code)
    if m is None:
        return Text(fi=code, sv=code, en=code)
    return Text(fi=f"{m.name_fi} ({code})", sv=f"{m.name_sv} ({code})", en=f"{m.name_fi} ({code})")
