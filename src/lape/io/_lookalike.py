"""IDs that differ only by look-alike characters: ``kuopio`` and ``kuopiо`` (the
second with a Cyrillic ``о``) are two IDs to the rules and one to the eye.

Text is normalised to NFC when it is read, so an ``ä`` typed as ``a`` plus a
combining diaeresis is already the same ``ä``. What remains are letters of
other scripts that look Latin, compatibility forms (fullwidth ``ｋ``, the ``ﬁ``
ligature). :func:`warn_look_alikes`
gives one :class:`~lape.errors.LapeWarning` per load that lists them.
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Iterator

from lape.errors import MAX_PROBLEMS, LapeWarning
from lape.model import EntityKind, Snapshot

__all__ = ["skeleton", "warn_look_alikes"]

# Cyrillic and Greek letters that look like Latin ones (Unicode's confusables for
# the letters an ID may hold), lower case; upper case is folded first.
_LATIN_LOOKS = str.maketrans(
    {
        "а": "a", "в": "b", "е": "e", "ё": "e", "һ": "h", "і": "i", "ї": "i", "ј": "j",
        "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "т": "t", "у": "y",
        "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ү": "y",
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ς": "c", "μ": "u",
    }
)  # fmt: skip


def skeleton(text: str) -> str:
    """What ``text`` looks like: compatibility forms folded (NFKC), and Cyrillic
    and Greek look-alikes of Latin letters made Latin.

    >>> skeleton("kuopiо") == "kuopio"  # a Cyrillic о
    True
    >>> skeleton("ｋｕｏｐｉｏ"), skeleton("КUOPIO")
    ('kuopio', 'KUOPIO')
    """
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    return "".join(
        c if c.isascii() else _look(c) for c in folded
    )


def _look(c: str) -> str:
    lower = c.lower()
    latin = lower.translate(_LATIN_LOOKS)
    return c if latin == lower else (latin if lower == c else latin.upper())


def _ids(snapshot: Snapshot) -> Iterator[tuple[str, str]]:
    """Each ID the snapshot defines, with the path of (the first) entity that has it."""
    index = snapshot.index
    for kind in EntityKind:
        for entity_id in index.ids(kind):
            yield entity_id, index.path(kind, entity_id) or ""


def warn_look_alikes(snapshot: Snapshot, source: str) -> None:
    """Warn once (:class:`~lape.errors.LapeWarning`) about the IDs of ``snapshot``
    that differ only by look-alike characters, naming each pair's paths."""
    if all(entity_id.isascii() for entity_id, _ in _plain_ids(snapshot)):
        return  # ASCII IDs that differ, differ to the eye (bar case: see below)
    first: dict[str, tuple[str, str]] = {}
    pairs: list[str] = []
    count = 0
    for entity_id, path in _ids(snapshot):
        key = skeleton(entity_id)
        seen = first.setdefault(key, (entity_id, path))
        if seen[0] != entity_id:
            count += 1
            if len(pairs) < MAX_PROBLEMS:
                pairs.append(f"{source}: {path}: the ID {entity_id!r} looks like {seen[0]!r} ({seen[1]})")
    if count:
        more = f"\nand {count - len(pairs)} more of the same kind" if count > len(pairs) else ""
        warnings.warn(
            "IDs that differ only by look-alike characters:\n" + "\n".join(pairs) + more,
            LapeWarning,
            stacklevel=4,
        )


def _plain_ids(snapshot: Snapshot) -> Iterator[tuple[str, None]]:
    """The IDs a snapshot defines, without building its index (the common case:
    all ASCII, nothing to compare)."""
    for section in (
        snapshot.actors,
        snapshot.groups,
        snapshot.change_agents,
        snapshot.pools,
        snapshot.grants,
        snapshot.centres,
        snapshot.networks,
    ):
        for entity in section:
            yield entity.id, None
    for network in snapshot.networks:
        for service in network.services:
            yield service.id, None
