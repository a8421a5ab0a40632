"""Text in Finnish, Swedish and English: every user-facing string that names a rule,
and the words of the reports' displays (the text report, the Jupyter HTML)."""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = ["LANGUAGES", "Lang", "Text"]

Lang = Literal["fi", "sv", "en"]
"""A language of the messages: Finnish, Swedish or English."""
LANGUAGES: tuple[Lang, ...] = ("fi", "sv", "en")
"""Every language a rule speaks, in the order reports list them."""


@attrs.frozen
class Text:
    """One text in the three languages of ``lape``.

    >>> t = Text(fi="Ryhmä {subject}", sv="Gruppen {subject}", en="Group {subject}")
    >>> t.format(subject="g1").get("sv")
    'Gruppen g1'
    """

    fi: str
    sv: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        if lang == "fi":
            return self.fi
        if lang == "sv":
            return self.sv
        if lang == "en":
            return self.en
        msg = f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)

    def format(self, **values: Any) -> Text:
        """Fill the ``{name}`` placeholders of each language with ``values``."""
        return Text(
            fi=self.fi.format(**values), sv=self.sv.format(**values), en=self.en.format(**values)
        )

    def as_dict(self) -> dict[str, str]:
        """``{"fi": ..., "sv": ..., "en": ...}``."""
        return {"fi": self.fi, "sv": self.sv, "en": self.en}


# -- the words of the reports' displays (the text report, the Jupyter HTML) ----------------

_WORDS: dict[str, Text] = {
    "conforms": Text(fi="täyttää säännöt", sv="uppfyller reglerna", en="conforms"),
    "not": Text(fi="ei täytä sääntöjä", sv="uppfyller inte reglerna", en="does not conform"),
    "as_of": Text(fi="tilanne", sv="läget", en="as of"),
    "errors": Text(fi="virheet", sv="fel", en="errors"),
    "warnings": Text(fi="varoitukset", sv="varningar", en="warnings"),
    "info": Text(fi="huomiot", sv="anmärkningar", en="info"),
    "unknown": Text(fi="ratkaisematta", sv="oavgjorda", en="unknown"),
    "rules": Text(fi="voimassa olevia sääntöjä", sv="regler i kraft", en="rules in force"),
    "source": Text(fi="lähde", sv="källa", en="source"),
    "report": Text(fi="Tarkistus", sv="Kontroll", en="Report"),
    "language": Text(fi="kieli", sv="språk", en="language"),
    "severity": Text(fi="vakavuus", sv="allvarlighetsgrad", en="severity"),
    "rule": Text(fi="sääntö", sv="regel", en="rule"),
    "message": Text(fi="viesti", sv="meddelande", en="message"),
    "path": Text(fi="kohta", sv="ställe", en="path"),
    "finding": Text(fi="Havainto", sv="Iakttagelse", en="Finding"),
    "no_findings": Text(fi="ei havaintoja", sv="inga iakttagelser", en="no findings"),
    "subject": Text(fi="kohde", sv="föremål", en="subject"),
    "missing": Text(fi="puuttuu", sv="saknas", en="missing"),
    "evidence": Text(fi="havaittu", sv="underlag", en="evidence"),
    "changes": Text(fi="Muutokset", sv="Ändringar", en="Changes"),
    "fixed": Text(fi="korjattu", sv="åtgärdad", en="fixed"),
    "new": Text(fi="uusi", sv="ny", en="new"),
    "changed": Text(fi="muuttunut", sv="ändrad", en="changed"),
    "unchanged": Text(fi="ennallaan", sv="oförändrad", en="unchanged"),
    "more": Text(
        fi="{n} havaintoa lisää ei näytetä",
        sv="{n} iakttagelser till visas inte",
        en="{n} more findings not shown",
    ),
}

_SUBJECT_KINDS: dict[str, Text] = {
    "actor": Text(fi="toimija", sv="aktör", en="actor"),
    "group": Text(fi="ryhmä", sv="grupp", en="group"),
    "change_agent": Text(fi="muutosagentti", sv="förändringsagent", en="change agent"),
    "pool": Text(fi="määräraha", sv="pott", en="pool"),
    "grant": Text(fi="avustus", sv="bidrag", en="grant"),
    "project": Text(fi="kehittämishanke", sv="utvecklingsprojekt", en="development project"),
    "survey": Text(fi="kysely", sv="enkät", en="survey"),
    "centre": Text(fi="sote-keskus", sv="social- och hälsocentral", en="centre"),
    "network": Text(fi="verkosto", sv="nätverk", en="network"),
    "service": Text(fi="palvelu", sv="tjänst", en="service"),
    "municipality": Text(fi="kunta", sv="kommun", en="municipality"),
    "region": Text(fi="maakunta", sv="landskap", en="region"),
    "county": Text(fi="hyvinvointialue", sv="välfärdsområde", en="county"),
}


def word(key: str, lang: Lang) -> str:
    """One of the reports' words (``"as_of"``, ``"errors"``...) in ``lang``."""
    return _WORDS[key].get(lang)


def subject_kind(kind: str, lang: Lang) -> str:
    """The name of a subject kind (``"change_agent"``...) in ``lang``; a kind
    without one reads as its value with spaces."""
    names = _SUBJECT_KINDS.get(kind)
    return kind.replace("_", " ") if names is None else names.get(lang)
