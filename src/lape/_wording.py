"""The words of the displays (the text report, the Jupyter HTML, the network's and the
command line's text) in Finnish, Swedish and English, shared by every layer above the
model; the text type itself is :class:`lape.model.Text`."""

from __future__ import annotations

from lape.model import LANGUAGES, Lang, Severity, Text, entity_type, label

__all__ = ["LANGUAGES", "Lang", "Text", "more", "severity_word", "subject_kind", "word"]

# -- the words of the reports' displays (the text report, the Jupyter HTML) ----------------

_WORDS: dict[str, Text] = {
    "conforms": Text(fi="täyttää säännöt", sv="uppfyller reglerna", en="conforms"),
    "not": Text(fi="ei täytä sääntöjä", sv="uppfyller inte reglerna", en="does not conform"),
    "as_of": Text(fi="tilanne", sv="läget", en="as of"),
    "errors": Text(fi="virheet", sv="fel", en="errors"),
    "warnings": Text(fi="varoitukset", sv="varningar", en="warnings"),
    "info": Text(fi="huomiot", sv="anmärkningar", en="info"),
    "unknown": Text(fi="ratkaisematta", sv="oavgjorda", en="unknown"),
    "unknown_one": Text(fi="ratkaisematta", sv="oavgjord", en="unknown"),
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
    "more_one": Text(
        fi="1 havainto lisää ei näytetä",
        sv="1 iakttagelse till visas inte",
        en="1 more finding not shown",
    ),
    "all_of_them": Text(
        fi="kaikki: lape check --all tai --format json",
        sv="alla: lape check --all eller --format json",
        en="every one: lape check --all, or --format json",
    ),
    "sources": Text(fi="Lähteet", sv="Källor", en="Sources"),
    "translation": Text(fi="käännös", sv="översättning", en="translation"),
    "original_fi": Text(fi="alkuteksti", sv="originaltext på finska", en="original, in Finnish"),
    "original_sv": Text(fi="alkuteksti ruotsiksi", sv="originaltext", en="original, in Swedish"),
    "original_en": Text(fi="alkuteksti englanniksi", sv="originaltext på engelska", en="original"),
}


def word(key: str, lang: Lang) -> str:
    """One of the reports' words (``"as_of"``, ``"errors"``...) in ``lang``."""
    return _WORDS[key].get(lang)


def subject_kind(kind: str, lang: Lang) -> str:
    """The name of a subject kind (``"change_agent"``...) in ``lang``, from the registry of
    :mod:`lape.model`; a kind outside it reads as its value with spaces."""
    try:
        return entity_type(kind).name.get(lang)
    except KeyError:
        return kind.replace("_", " ")


def more(n: int, lang: Lang) -> str:
    """``"n more findings not shown"`` in ``lang``, singular for one."""
    return word("more_one", lang) if n == 1 else word("more", lang).format(n=n)


def severity_word(severity: Severity, unknown: bool, lang: Lang) -> str:
    """A finding's severity as one word in ``lang`` (``error``, ``virhe``...), or the
    word for an unknown finding."""
    return word("unknown_one", lang) if unknown else label(severity, lang)
