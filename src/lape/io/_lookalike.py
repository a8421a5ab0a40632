"""IDs that differ only by look-alike characters: ``kuopio`` and ``kuopiо`` (the
second with a Cyrillic ``о``) are two IDs to the rules and one to the eye.

Text is normalised to NFC when it is read, so an ``ä`` typed as ``a`` plus a
combining diaeresis is already the same ``ä``. What remains are letters of
other scripts that look Latin, compatibility forms (fullwidth ``ｋ``, the ``ﬁ``
ligature). :func:`look_alikes` lists them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from lape.errors import MAX_PROBLEMS, Problem
from lape.model import EntityKind, Snapshot

__all__ = ["look_alikes", "skeleton"]

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
    return "".join(c if c.isascii() else _look(c) for c in folded)


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


def look_alikes(snapshot: Snapshot) -> list[Problem]:
    """The IDs of ``snapshot`` that differ only by look-alike characters from an ID
    before them, each a :class:`~lape.errors.Problem` at the entity's path (the
    first :data:`~lape.errors.MAX_PROBLEMS`, then a count). ``lape check`` and
    ``lape network`` print them as warnings.

    >>> import lape
    >>> s = lape.loads(
    ...     "actors: [{id: kuopio, name: A, kind: parish}, {id: kuopiо, name: B, kind: parish}]"
    ... )
    >>> [str(p) for p in look_alikes(s)]
    ["actors[1]: the ID 'kuopiо' looks like 'kuopio' (actors[0])"]
    """
    if all(entity_id.isascii() for entity_id in _plain_ids(snapshot)):
        return []  # ASCII IDs that differ, differ to the eye
    first: dict[str, tuple[str, str]] = {}
    found: list[Problem] = []
    count = 0
    for entity_id, path in _ids(snapshot):
        seen = first.setdefault(skeleton(entity_id), (entity_id, path))
        if seen[0] != entity_id:
            count += 1
            if len(found) < MAX_PROBLEMS:
                message = f"the ID {entity_id!r} looks like {seen[0]!r} ({seen[1]})"
                found.append(Problem(path, message))
    if count > len(found):
        found.append(Problem("", f"and {count - len(found)} more of the same kind"))
    return found


def _plain_ids(snapshot: Snapshot) -> Iterator[str]:
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
            yield entity.id
    for network in snapshot.networks:
        for service in network.services:
            yield service.id
