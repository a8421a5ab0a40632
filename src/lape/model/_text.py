"""Text in Finnish, Swedish and English: the one three-language text type of ``lape``
(rules' titles and messages, the vocabularies' labels, the entity kinds' names)."""

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
