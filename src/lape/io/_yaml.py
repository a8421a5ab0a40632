"""Safe YAML reading: plain data only, exact decimals, and bounded depth and aliases.

:func:`load_yaml` reads one YAML document with :class:`SafeDecimalLoader`
(PyYAML's safe loader, in C when available), but builds the node graph with
its own composer, :func:`compose`, instead of PyYAML's. PyYAML's composer
(the C one and the Python one) recurses once per level of nesting: a few
thousand levels raise ``RecursionError`` in Python, a hundred thousand crash
the C one with a segmentation fault. Ours is a loop over the parser's events
with an explicit stack, and it refuses, before anything is built:

- nesting deeper than :data:`MAX_DEPTH` levels of lists and mappings;
- aliases (``*name``) that would repeat more of the document than it writes
  out, plus :data:`ALIAS_ALLOWANCE` values (the "billion laughs": ten
  aliases to ten aliases to ... make a few lines stand for a billion values);
- an alias inside the node it names (a document that contains itself);
- a key written twice in one mapping (YAML would keep the last one silently).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

from lape._gc import gc_paused
from lape._paths import format_path

__all__ = [
    "ALIAS_ALLOWANCE",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "LimitError",
    "SafeDecimalLoader",
    "SafeDumper",
    "compose",
    "load_yaml",
    "too_many_digits",
]

MAX_DEPTH = 100
"""The deepest nesting of lists and mappings a document may have (a snapshot needs 6)."""

ALIAS_ALLOWANCE = 100_000
"""Aliases may repeat as many values as the document writes out, plus this many."""

MAX_INT_DIGITS = 4300
"""The longest integer read (Python's own default limit for reading integers)."""

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_SPECIAL_FLOATS = {".inf": "Infinity", "+.inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}
_DECIMAL = re.compile(r"[-+]?(?:[0-9][0-9_:]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", re.ASCII)
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)", re.ASCII)
_YAML_INT = re.compile(
    r"[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)"
)
_MERGE = "tag:yaml.org,2002:merge"


class SafeDecimalLoader(_Base):  # type: ignore[valid-type,misc]
    """PyYAML's safe loader (C version when available), with these changes.

    - Decimal numbers (``19000000.50``) load as :class:`~decimal.Decimal`, never
      ``float``, so money keeps every cent.
    - A date that does not exist (``2017-02-30``) stays text, so that the error
      about it names its path instead of stopping the parse.
    - Integers written with a leading zero (``005``, ``020``) stay text: they are
      official codes, not YAML 1.1 octal numbers.
    - A value that cannot be read (``!!int abc``, ``!!bool maybe``, an integer of
      more than 4300 digits) is a YAML error with its line and column, not a
      Python exception.

    It constructs only plain data (mappings, lists, text, numbers, dates):
    no Python objects, no code. Read documents with :func:`load_yaml`, which
    also bounds their depth and aliases.
    """


class LimitError(Exception):
    """A well-formed YAML document that ``lape`` refuses to build: too deep, too
    many aliases, an alias inside itself, or a key given twice.

    ``path`` is where in the document (``info.title``), ``mark`` the position
    in the text (PyYAML's mark, with ``line`` and ``column`` from 0).
    """

    def __init__(self, message: str, path: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.mark = mark


def load_yaml(text: str) -> Any:
    """The plain data of the one YAML document in ``text`` (``None`` when it is empty).

    Raises :class:`yaml.YAMLError` for text that is not YAML and
    :class:`LimitError` for YAML that ``lape`` refuses (see the module docstring).
    """
    loader = SafeDecimalLoader(text)
    try:
        with gc_paused():  # the graph has no cycles; collecting as it grows triples the time
            node = compose(loader)
            return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


# -- composing: the node graph, without recursion -------------------------------------


class _Open:
    """A list or mapping whose end has not been read yet."""

    __slots__ = ("anchor", "height", "is_seq", "key", "node", "size", "value")

    def __init__(self, node: yaml.CollectionNode, anchor: str | None) -> None:
        self.node = node
        self.value: list[Any] = node.value
        self.is_seq = isinstance(node, yaml.SequenceNode)
        self.anchor = anchor
        self.key: yaml.Node | None = None  # a mapping's key waiting for its value
        self.size = 1  # values in it so far, aliases expanded
        self.height = 1  # levels of lists and mappings in it so far, itself included


class _Anchored:
    """What an anchor names: its node, its size and height (aliases expanded)."""

    __slots__ = ("height", "node", "open", "size")

    def __init__(self, node: yaml.Node, size: int, height: int, *, open: bool) -> None:
        self.node = node
        self.size = size
        self.height = height
        self.open = open


def compose(loader: Any, *, max_depth: int = MAX_DEPTH) -> yaml.Node | None:
    """Read the parser's events into one document's node graph (``None``: no document).

    Does what PyYAML's composer does (tags resolved, anchors and aliases, one
    document only), in a loop, and raises :class:`LimitError` as described in
    the module docstring. ``loader`` has no path resolvers (PyYAML's
    ``add_path_resolver``), so those are not consulted.
    """
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        loader.get_event()
        return None
    document = loader.get_event()
    root = _compose_node(loader, max_depth)
    loader.get_event()  # document end
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.get_event()
        raise ComposerError(
            "expected a single document in the stream",
            document.start_mark,
            "but found another document",
            event.start_mark,
        )
    loader.get_event()
    return root


def _compose_node(loader: Any, max_depth: int) -> yaml.Node:
    get_event, resolve = loader.get_event, loader.resolve
    alias_event, scalar_event = yaml.AliasEvent, yaml.ScalarEvent
    sequence_start, mapping_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    scalar_node = yaml.ScalarNode
    anchors: dict[str, _Anchored] = {}
    stack: list[_Open] = []
    written = 0  # values written out in the text
    repeated = 0  # values repeated by aliases
    while True:
        event: Any = get_event()
        kind = type(event)  # compared with `is`, so that mypy keeps `event` as Any
        node: yaml.Node
        if kind is scalar_event:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(scalar_node, event.value, event.implicit)
            node = scalar_node(tag, event.value, event.start_mark, event.end_mark, event.style)
            size, height = 1, 0
            written += 1
            if event.anchor is not None:
                _check_anchor(anchors, event)
                anchors[event.anchor] = _Anchored(node, 1, 0, open=False)
        elif kind is sequence_start or kind is mapping_start:
            if len(stack) >= max_depth:
                msg = f"lists and mappings are nested more than {max_depth} levels deep"
                raise LimitError(msg, _path(stack), event.start_mark)
            node_kind = yaml.SequenceNode if kind is sequence_start else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(node_kind, None, event.implicit)
            collection = node_kind(tag, [], event.start_mark, None, event.flow_style)
            written += 1
            stack.append(_Open(collection, event.anchor))
            if event.anchor is not None:
                _check_anchor(anchors, event)
                anchors[event.anchor] = _Anchored(collection, 0, 0, open=True)
            continue
        elif kind is alias_event:
            anchored = anchors.get(event.anchor)
            if anchored is None:
                raise ComposerError(
                    None, None, f"found undefined alias {event.anchor!r}", event.start_mark
                )
            if anchored.open:
                msg = f"the alias *{event.anchor} is inside the node it names"
                raise LimitError(msg, _path(stack), event.start_mark)
            repeated += anchored.size
            if repeated > written + ALIAS_ALLOWANCE:
                msg = (
                    f"aliases repeat too much of the document: *{event.anchor} brings the "
                    f"repeated values past {written + ALIAS_ALLOWANCE} ({written} written "
                    f"out so far, plus {ALIAS_ALLOWANCE})"
                )
                raise LimitError(msg, _path(stack), event.start_mark)
            if len(stack) + anchored.height > max_depth:
                msg = (
                    f"lists and mappings are nested more than {max_depth} levels deep "
                    f"(with *{event.anchor})"
                )
                raise LimitError(msg, _path(stack), event.start_mark)
            node, size, height = anchored.node, anchored.size, anchored.height
        else:  # the end of a list or mapping
            done = stack.pop()
            node = done.node
            node.end_mark = event.end_mark
            size, height = done.size, done.height
            if not done.is_seq and len(done.value) > 1:
                _check_keys(done.value, stack)
            if done.anchor is not None:
                anchors[done.anchor] = _Anchored(node, size, height, open=False)
        if not stack:
            return node
        parent = stack[-1]
        parent.size += size
        if height >= parent.height:
            parent.height = height + 1
        if parent.is_seq:
            parent.value.append(node)
        elif parent.key is None:
            parent.key = node
        else:
            parent.value.append((parent.key, node))
            parent.key = None


def _check_anchor(anchors: dict[str, _Anchored], event: Any) -> None:
    if event.anchor in anchors:
        raise ComposerError(
            f"found duplicate anchor {event.anchor!r}; first occurrence",
            anchors[event.anchor].node.start_mark,
            "second occurrence",
            event.start_mark,
        )


def _check_keys(pairs: list[tuple[yaml.Node, yaml.Node]], stack: list[_Open]) -> None:
    """Refuse a key written twice in one mapping (keys compared as written; merge
    keys ``<<`` exempt, since overriding merged keys is what they are for)."""
    keys = {(k.tag, k.value) for k, _ in pairs if type(k) is yaml.ScalarNode}
    if len(keys) == len(pairs):
        return
    seen: dict[tuple[str, str], yaml.Node] = {}
    for key, _ in pairs:
        if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE:
            continue
        first = seen.setdefault((key.tag, key.value), key)
        if first is not key:
            lines = f"lines {first.start_mark.line + 1} and {key.start_mark.line + 1}"
            msg = f"the key {key.value!r} is given twice ({lines})"
            raise LimitError(msg, _path(stack), None)


def _path(stack: list[_Open]) -> str:
    """The document path of the node being read: ``groups[0].members``."""
    parts: list[object] = []
    for open_ in stack:
        if open_.is_seq:
            parts.append(len(open_.value))
        elif open_.key is not None:
            key = open_.key
            parts.append(str(key.value) if isinstance(key, yaml.ScalarNode) else "?")
    return format_path(parts)


# -- constructing: plain values ----------------------------------------------------------


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal | str:
    text = str(loader.construct_scalar(node))
    special = _SPECIAL_FLOATS.get(text.lower())
    if special is not None:
        return Decimal(special)
    grouped = text.replace("_", "")  # 19_000_000.50: digits grouped, as YAML 1.1 allows
    if _PLAIN_DECIMAL.fullmatch(grouped):
        return Decimal(grouped)
    if any(c.isdigit() for c in text) and _DECIMAL.fullmatch(grouped):
        # base 60 (1:30.5 is 90.5 to YAML 1.1) stays what was written: text, which
        # no field reads as a number
        return text
    raise ConstructorError(None, None, f"not a decimal number: {text!r}", node.start_mark)


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    text = str(loader.construct_scalar(node))
    if not _PLAIN_INT.fullmatch(text.replace("_", "")):
        # 005 and 020 are official codes, not YAML 1.1 octal numbers; 0xFF, 0b101 and
        # 1:30 (base 60) are what was written, not 255, 5 and 90
        if _YAML_INT.fullmatch(text):
            return text
        raise ConstructorError(None, None, f"not an integer: {text!r}", node.start_mark)
    text = text.replace("_", "")
    digits = len(text.lstrip("+-"))
    if digits > MAX_INT_DIGITS:
        problem = too_many_digits(digits)
        raise ConstructorError(None, None, problem, node.start_mark)
    return int(text)


def too_many_digits(digits: int) -> str:
    """The complaint about an integer longer than :data:`MAX_INT_DIGITS`."""
    return f"an integer of {digits} digits is too long (at most {MAX_INT_DIGITS})"


def _construct_bool(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> bool:
    try:
        return yaml.SafeLoader.construct_yaml_bool(loader, node)
    except KeyError:  # !!bool on text that is not a boolean
        text = loader.construct_scalar(node)
        raise ConstructorError(
            None, None, f"not true or false: {text!r}", node.start_mark
        ) from None


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, AttributeError):
        # 2017-02-30 (no such day) or !!timestamp on text that is not one: leave
        # the text for the date hook to name with its path
        return str(loader.construct_scalar(node))


SafeDecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)
SafeDecimalLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
SafeDecimalLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
SafeDecimalLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
