"""Load and dump snapshot files (YAML or JSON): safely, with paths in every error."""

from __future__ import annotations

import codecs
import json
import os
import re
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
import yaml.reader
from cattrs.errors import ClassValidationError, IterableValidationError

from lape.errors import LoadError, Problem
from lape.io._converter import make_converter
from lape.io._errors import problems_of
from lape.io._yaml import (
    ALIAS_ALLOWANCE,
    MAX_DEPTH,
    MAX_INT_DIGITS,
    LimitError,
    SafeDumper,
    gc_paused,
    load_yaml,
    too_many_digits,
)
from lape.model import Geography, Snapshot

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "structure",
    "unstructure",
]

Format = Literal["yaml", "json"]
"""A file format: ``"yaml"`` or ``"json"`` (by default chosen from the file's suffix)."""

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this (64 MiB) are refused unless ``max_bytes`` says otherwise."""

_converter = make_converter()


def _format_of(path: Path) -> Format:
    return "json" if path.suffix.lower() == ".json" else "yaml"


def load(
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Snapshot:
    """Read a snapshot from a YAML or JSON file (by suffix: ``.json`` is JSON).

    Raises :class:`~lape.errors.LoadError` naming the file and the path inside it
    for anything that is not a well-formed snapshot: a missing file, a directory,
    a file larger than ``max_bytes`` bytes, bytes that are not UTF-8, text that is
    not YAML or JSON, and data that is not a snapshot (see :func:`loads`).
    """
    p = Path(path)
    source = str(path)
    try:
        if p.is_dir():
            raise IsADirectoryError
        with p.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            raw = f.read(max_bytes + 1) if size <= max_bytes else b""
    except FileNotFoundError:
        raise LoadError(source, [Problem("", "no such file")]) from None
    except PermissionError:
        raise LoadError(source, [Problem("", "permission denied")]) from None
    except IsADirectoryError:
        raise LoadError(source, [Problem("", "is a directory, not a file")]) from None
    except OSError as exc:
        raise LoadError(source, [Problem("", f"cannot read: {exc.strerror or exc}")]) from None
    except ValueError as exc:  # a name with a NUL character in it
        raise LoadError(source, [Problem("", f"not a file name: {exc}")]) from None
    if size > max_bytes:
        msg = f"file is {size} bytes, larger than the limit of {max_bytes} bytes"
        raise LoadError(source, [Problem("", msg)])
    if len(raw) > max_bytes:  # a device or a file that grew: its size said nothing
        msg = f"file is larger than the limit of {max_bytes} bytes"
        raise LoadError(source, [Problem("", msg)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            msg = "not UTF-8 text: it is UTF-16; save the file as UTF-8"
        else:
            byte = raw[exc.start : exc.start + 1]
            msg = f"not UTF-8 text (byte {exc.start}: {byte!r}); save the file as UTF-8"
        raise LoadError(source, [Problem("", msg)]) from None
    return loads(text, format=format or _format_of(p), source=source, max_bytes=max_bytes)


def loads(
    text: str,
    *,
    format: Format = "yaml",
    source: str = "<string>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Snapshot:
    """Read a snapshot from YAML or JSON text; ``source`` names it in errors.

    Raises :class:`~lape.errors.LoadError` for text longer than ``max_bytes``
    bytes (in UTF-8), text that is not YAML or JSON, a document nested deeper
    than :data:`MAX_DEPTH` levels, YAML whose aliases repeat more than the
    document writes out (plus :data:`~lape.io._yaml.ALIAS_ALLOWANCE` values),
    a key given twice, and data that is not a snapshot (see :func:`structure`).
    """
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        msg = (
            f"not Unicode text: a lone surrogate {text[exc.start]!r}{_line_column(text, exc.start)}"
        )
        raise LoadError(source, [Problem("", msg)]) from None
    if size > max_bytes:
        msg = f"input is {size} bytes, larger than the limit of {max_bytes} bytes"
        raise LoadError(source, [Problem("", msg)])
    with gc_paused():  # no cycles are built: collecting as they grow costs ~15 %
        return _loads(text.removeprefix("\ufeff"), format, source)


def _loads(text: str, format: Format, source: str) -> Snapshot:
    if format == "json":
        data = _parse_json(text, source)
        _check_top(data, source)
        # json.loads refuses what would overflow Python's stack, not a depth of 101
        problem = _depth_problem(data) if _too_deep(data) else None
        if problem is None and _SURROGATE_ESCAPE.search(text):
            problem = _text_problem(data)
    else:
        data = _parse_yaml(text, source)  # the composer has bounded depth and aliases
        _check_top(data, source)
        problem = None
    if problem is not None:
        raise LoadError(source, [problem])
    return _structure(data, source)


def structure(data: Any, *, source: str = "<data>", geography: Geography | None = None) -> Snapshot:
    """Build a snapshot from plain data (as parsed from YAML or JSON), validating it.

    Raises :class:`~lape.errors.LoadError` for anything that is not a snapshot,
    with every problem and its path. Data nested deeper than :data:`MAX_DEPTH`
    levels (or containing itself) and text with lone surrogates are refused
    before they are read.
    """
    _check_top(data, source)
    problem, shared = _depth_walk(data)
    if problem is None and shared:
        problem = _sharing_problem(data)
    problem = problem or _text_problem(data)
    if problem is not None:
        raise LoadError(source, [problem])
    return _structure(data, source, geography)


def _check_top(data: Any, source: str) -> None:
    if data is None:
        raise LoadError(source, [Problem("", "the document is empty; expected a snapshot mapping")])
    if not isinstance(data, dict):
        kinds: dict[type, str] = {list: "a list", str: "text"}
        kind = kinds.get(type(data), type(data).__name__)
        msg = f"expected a mapping (actors:, groups:, ...) at the top, not {kind}"
        raise LoadError(source, [Problem("", msg)])


def _structure(data: dict[Any, Any], source: str, geography: Geography | None = None) -> Snapshot:
    """Structure ``data`` whose shape is checked (a mapping, not too deep)."""
    converter = _converter if geography is None else make_converter(geography)
    try:
        return converter.structure(data, Snapshot)
    except (ClassValidationError, IterableValidationError) as exc:
        raise LoadError(source, problems_of(exc)) from None
    except (TypeError, ValueError) as exc:  # an error outside any field
        raise LoadError(source, [Problem("", str(exc))]) from None


_CONTAINERS = (dict, list, tuple)
_CONTAINER_TYPES = frozenset(_CONTAINERS)
_Step = tuple[Any, int, Any, object]  # value, depth, parent step, key or index


def _too_deep(data: dict[Any, Any]) -> bool:
    """Whether parsed JSON nests deeper than :data:`MAX_DEPTH`: a quick look, level by
    level, for a tree of exact dicts and lists (what ``json.loads`` makes)."""
    level: list[Any] = [data]
    no_container_in = _CONTAINER_TYPES.isdisjoint
    for _ in range(MAX_DEPTH):
        below: list[Any] = []
        for value in level:
            items = value.values() if type(value) is dict else value
            if not no_container_in(map(type, items)):
                below.extend([item for item in items if type(item) in _CONTAINER_TYPES])
        if not below:
            return False
        level = below
    return True


def _depth_problem(data: dict[Any, Any]) -> Problem | None:
    """A problem when ``data`` nests lists and mappings deeper than :data:`MAX_DEPTH`
    (data that contains itself does), else ``None``."""
    return _depth_walk(data)[0]


def _depth_walk(data: dict[Any, Any]) -> tuple[Problem | None, bool]:
    """:func:`_depth_problem`'s answer, and whether a list or mapping is met twice.

    A loop with its own stack, so that no depth blows Python's; a list or mapping
    met twice (shared in Python data) is walked again only when met deeper than before.
    """
    deepest: dict[int, int] = {}
    shared = False
    stack: list[_Step] = [(data, 1, None, None)]
    while stack:
        step = stack.pop()
        value, depth = step[0], step[1]
        before = deepest.get(id(value), 0)
        if before:
            shared = True
            if before >= depth:
                continue
        deepest[id(value)] = depth
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        inner = [(key, item) for key, item in pairs if isinstance(item, _CONTAINERS)]
        if inner:
            if depth >= MAX_DEPTH:
                key, item = inner[0]
                msg = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
                return Problem(_step_path((item, depth + 1, step, key)), msg), shared
            stack.extend([(item, depth + 1, step, key) for key, item in inner])
    return None, shared


def _sharing_problem(data: dict[Any, Any]) -> Problem | None:
    """A problem when lists and mappings shared in ``data`` (Python data: the same
    object in several places) make it repeat more values than it holds, plus
    :data:`~lape.io._yaml.ALIAS_ALLOWANCE`: the rule for YAML aliases, applied to
    Python data. Call it on data whose depth :func:`_depth_problem` has checked (so
    that it has no cycles)."""
    sizes: dict[int, int] = {}  # id -> values in it, sharing expanded
    distinct = 0  # values held, each shared list or mapping counted once
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        value, done = stack.pop()
        if id(value) in sizes:
            continue
        items = list(value.values() if isinstance(value, dict) else value)
        if done:
            inner = [sizes[id(i)] for i in items if isinstance(i, _CONTAINERS)]
            sizes[id(value)] = 1 + len(items) - len(inner) + sum(inner)
            distinct += 1 + len(items)
            continue
        stack.append((value, True))
        stack.extend([(i, False) for i in items if isinstance(i, _CONTAINERS)])
    repeated = sizes[id(data)] - distinct
    if repeated > distinct + ALIAS_ALLOWANCE:
        msg = (
            f"shared lists and mappings repeat too much of the data: {repeated} values "
            f"repeated, more than the {distinct} it holds plus {ALIAS_ALLOWANCE}"
        )
        return Problem("", msg)
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _text_problem(data: dict[Any, Any]) -> Problem | None:
    """A problem when a text (key or value) in ``data`` holds a lone surrogate, which
    no UTF-8 file can hold (JSON's ``"\\ud800"``), else ``None``. Call it on data
    whose depth :func:`_depth_problem` has checked."""
    seen: set[int] = set()
    stack: list[_Step] = [(data, 1, None, None)]
    while stack:
        step = stack.pop()
        value = step[0]
        if id(value) in seen:
            continue
        seen.add(id(value))
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in pairs:
            if isinstance(key, str) and not key.isascii() and _SURROGATE.search(key):
                return Problem(_step_path(step), _surrogate_message(key))
            if isinstance(item, _CONTAINERS):
                stack.append((item, step[1] + 1, step, key))
            elif isinstance(item, str) and not item.isascii() and _SURROGATE.search(item):
                return Problem(_step_path((item, 0, step, key)), _surrogate_message(item))
    return None


def _surrogate_message(text: str) -> str:
    found = _SURROGATE.search(text)
    char = found.group() if found else ""
    return f"not Unicode text: a lone surrogate {char!r} (half of a \\u escape pair?)"


_MAX_PATH_PARTS = 8


def _step_path(step: _Step) -> str:
    """The document path of a step (``groups[0].members``), at most 8 parts."""
    parts: list[str] = []
    while step[2] is not None:
        key = step[3]
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
        step = step[2]
    parts.reverse()
    path = "".join(parts[:_MAX_PATH_PARTS]) + ("..." if len(parts) > _MAX_PATH_PARTS else "")
    return path.removeprefix(".")


def unstructure(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot as plain data (what :func:`dumps` writes), defaults left out."""
    data: dict[str, Any] = _converter.unstructure(snapshot)
    return data


def dumps(snapshot: Snapshot, *, format: Format = "yaml") -> str:
    """The snapshot as YAML or JSON text that :func:`loads` reads back equal."""
    data = unstructure(snapshot)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=100)


def dump(
    snapshot: Snapshot,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
) -> None:
    """Write the snapshot to ``path`` atomically: the file is whole or untouched."""
    p = Path(path)
    write_atomically(p, dumps(snapshot, format=format or _format_of(p)))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permissions a written file should have: those of the file it replaces,
    or what a plain ``open(path, "w")`` would give (0o666 less the umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _parse_yaml(text: str, source: str) -> Any:
    try:
        return load_yaml(text)
    except LimitError as exc:
        raise LoadError(source, [Problem(exc.path, exc.message + _where(exc.mark))]) from None
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or exc.context
        if exc.context and exc.problem and exc.problem.startswith("but "):
            problem = f"{exc.context}, {exc.problem}"  # "expected ..., but found ..."
        msg = f"not valid YAML: {problem}{_where(exc.problem_mark)}"
        raise LoadError(source, [Problem("", msg)]) from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts bytes of UTF-8: find the character
        at = len(text.encode("utf-8")[: exc.position].decode("utf-8", "replace"))
        char = text[at] if at < len(text) else chr(exc.character)
        msg = (
            f"not valid YAML: the character {char!r} (U+{ord(char):04X}) is not allowed"
            f"{_line_column(text, at)}"
        )
        raise LoadError(source, [Problem("", msg)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises the kinds above
        raise LoadError(source, [Problem("", f"not valid YAML: {exc}")]) from None


def _line_column(text: str, at: int) -> str:
    """`` (line L, column C)`` of the character at index ``at`` of ``text``."""
    line_start = text.rfind("\n", 0, at) + 1
    return f" (line {text.count(chr(10), 0, at) + 1}, column {at - line_start + 1})"


def _where(mark: Any) -> str:
    return "" if mark is None else f" (line {mark.line + 1}, column {mark.column + 1})"


def _parse_json(text: str, source: str) -> Any:
    if not text.strip(" \t\n\r"):
        return None  # "the document is empty", as for YAML
    twice: dict[int, str] = {}  # id of an object -> the first key it repeats

    def json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):  # json would keep the last value silently
            twice.setdefault(id(found), _first_repeated(pairs))
        return found

    try:
        data = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=Decimal,
            parse_int=_json_int,
            object_pairs_hook=json_object,
        )
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        raise LoadError(source, [Problem("", msg)]) from None
    except _TooLongError as exc:
        raise LoadError(source, [Problem("", str(exc))]) from None
    except RecursionError:
        msg = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
        raise LoadError(source, [Problem("", msg)]) from None
    if twice:
        problems = [
            Problem(_path_of(data, target), f"the key {key!r} is given twice")
            for target, key in twice.items()
        ]
        raise LoadError(source, problems)
    return data


class _TooLongError(ValueError):
    pass


def _first_repeated(pairs: list[tuple[str, Any]]) -> str:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            return key
        seen.add(key)
    return ""  # pragma: no cover - called only when a key repeats


def _path_of(data: Any, target: int) -> str:
    """The document path of the object with ``id`` ``target`` inside ``data``."""
    stack: list[_Step] = [(data, 1, None, None)]
    while stack:
        step = stack.pop()
        if id(step[0]) == target:
            return _step_path(step)
        pairs = step[0].items() if isinstance(step[0], dict) else enumerate(step[0])
        stack.extend((v, 0, step, k) for k, v in pairs if isinstance(v, (dict, list)))
    return ""  # pragma: no cover - the object is always inside the data


def _json_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _TooLongError(too_many_digits(digits))
    return int(text)
