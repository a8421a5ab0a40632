"""Load and dump snapshot files (YAML or JSON): safely, with paths in every error."""

from __future__ import annotations

import codecs
import functools
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
import yaml.reader
from cattrs.errors import ClassValidationError, IterableValidationError

from lape._gc import gc_paused
from lape.errors import ArgumentError, LoadError, Problem
from lape.io._budget import Dropped, FirstProblem, budget, probe
from lape.io._converter import describe, make_converter
from lape.io._errors import problems_of
from lape.io._walk import DEPTH_MESSAGE, walk
from lape.io._write import write_atomically
from lape.io._yaml import (
    MAX_DEPTH,
    MAX_INT_DIGITS,
    LimitError,
    SafeDumper,
    load_yaml,
    too_many_digits,
)
from lape.model import Geography, Snapshot

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "MAX_DEPTH",
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "structure",
    "unstructure",
    "write_atomically",
]

Format = Literal["yaml", "json"]
"""A file format: ``"yaml"`` or ``"json"`` (by default chosen from the file's suffix)."""

FORMATS: tuple[Format, ...] = ("yaml", "json")
"""The file formats ``lape`` reads and writes (the values ``format=`` takes)."""

DEFAULT_MAX_BYTES = 128 * 1024 * 1024
"""Files larger than this (128 MiB) are refused unless ``max_bytes`` says otherwise:
twice what :func:`dump` writes for a snapshot of eight times Finland's size."""

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
    not YAML or JSON, and data that is not a snapshot (see :func:`loads`), and
    :class:`~lape.errors.ArgumentError` for arguments it cannot take.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentError("path", f"expected a file name or a path, not {describe(path)}")
    _check_options(format, max_bytes, optional_format=True)
    p = Path(path)
    source = os.fspath(path)
    if not isinstance(source, str):
        raise ArgumentError("path", f"expected a file name or a path, not {describe(source)}")
    text = read_text(p, source, max_bytes)
    return loads(text, format=format or _format_of(p), source=source, max_bytes=max_bytes)


def read_text(p: Path, source: str, max_bytes: int) -> str:
    """The text of file ``p`` (UTF-8, a BOM dropped), read at most ``max_bytes`` bytes of
    it; anything that keeps it from being text is a :class:`~lape.errors.LoadError`
    naming ``source``: a missing file, a directory, no permission, a file too large,
    bytes that are not UTF-8 (UTF-16 named as such)."""
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
    return text


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
    a key given twice, and data that is not a snapshot (see :func:`structure`);
    :class:`~lape.errors.ArgumentError` for arguments it cannot take (``None``
    for the text, a format other than ``"yaml"`` or ``"json"``).
    """
    if not isinstance(text, str):
        hint = "; lape.load reads a file" if isinstance(text, (bytes, os.PathLike)) else ""
        raise ArgumentError("text", f"expected text (str), not {describe(text)}{hint}")
    _check_options(format, max_bytes)
    if not isinstance(source, str):
        raise ArgumentError("source", f"expected text naming the input, not {describe(source)}")
    if len(text) > max_bytes:  # more characters than bytes allowed: no need to count
        size = len(text.encode("utf-8", "surrogatepass"))
        msg = f"input is {size} bytes, larger than the limit of {max_bytes} bytes"
        raise LoadError(source, [Problem("", msg)])
    try:  # ASCII text is as many bytes as characters: no copy to count them
        size = len(text) if text.isascii() else len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        msg = (
            f"not Unicode text: a lone surrogate {text[exc.start]!r}{_line_column(text, exc.start)}"
        )
        raise LoadError(source, [Problem("", msg)]) from None
    if size > max_bytes:
        msg = f"input is {size} bytes, larger than the limit of {max_bytes} bytes"
        raise LoadError(source, [Problem("", msg)])
    with gc_paused():  # no cycles are built: collecting as they grow costs ~15 %
        if format == "yaml":
            data = _parse_yaml(text.removeprefix("\ufeff"), source)  # depth and aliases bounded
            return _structure(data, source, None)
        text = text.removeprefix("\ufeff")
        quick = _read_sound_json(text)
        if quick is not None:
            return quick
        data = _parse_json(text, source)
        try:
            return _structure(data, source, None)
        except LoadError:
            # A snapshot read whole is as deep as the model (6 levels): only a document
            # that fails can hide deeper nesting, under a key or where text belongs.
            # Its depth is told first, as for YAML.
            problems = walk(data) if isinstance(data, dict) else []
            if problems:
                raise LoadError(source, problems) from None
            raise


def _check_options(format: object, max_bytes: object, *, optional_format: bool = False) -> None:
    if not (format in FORMATS or (optional_format and format is None)):
        expected = "'yaml' or 'json'" + (
            " (or None: by the file's suffix)" if optional_format else ""
        )
        raise ArgumentError("format", f"expected {expected}, not {describe(format)}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise ArgumentError(
            "max_bytes", f"expected a whole number of bytes, not {describe(max_bytes)}"
        )


def structure(data: Any, *, source: str = "<data>", geography: Geography | None = None) -> Snapshot:
    """Build a snapshot from plain data (as parsed from YAML or JSON), validating it.

    Raises :class:`~lape.errors.LoadError` for anything that is not a snapshot,
    with its problems and their paths (the first :data:`~lape.errors.MAX_PROBLEMS`,
    the rest counted). Data nested deeper than :data:`MAX_DEPTH` levels (or
    containing itself), or sharing lists and mappings so much that it repeats
    more than it holds (plus :data:`~lape.io._yaml.ALIAS_ALLOWANCE` values), is
    refused before it is read.
    """
    if not isinstance(source, str):
        raise ArgumentError("source", f"expected text naming the input, not {describe(source)}")
    if geography is not None and not isinstance(geography, Geography):
        raise ArgumentError("geography", f"expected a Geography or None, not {describe(geography)}")
    if isinstance(data, dict):
        problems = walk(data, shared=True)
        if problems:
            raise LoadError(source, problems)
    return _structure(data, source, geography)


def _structure(data: Any, source: str, geography: Geography | None) -> Snapshot:
    """Structure parsed ``data`` whose depth and sharing are checked."""
    if data is None:
        raise LoadError(source, [Problem("", "the document is empty; expected a snapshot mapping")])
    if not isinstance(data, dict):
        kinds: dict[type, str] = {list: "a list", str: "text"}
        kind = kinds.get(type(data), type(data).__name__)
        msg = f"expected a mapping (actors:, groups:, ...) at the top, not {kind}"
        raise LoadError(source, [Problem("", msg)])
    converter = _converter if geography is None else make_converter(geography)
    with budget() as kept:
        try:
            snapshot: Snapshot = converter.structure(data, Snapshot)
        except (ClassValidationError, IterableValidationError) as exc:
            raise LoadError(source, [*problems_of(exc), *kept.summary()]) from None
        except Dropped:
            raise LoadError(source, kept.summary()) from None
        except (TypeError, ValueError) as exc:  # an error outside any field
            raise LoadError(source, [Problem("", str(exc))]) from None
    return snapshot


def unstructure(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot as plain data (what :func:`dumps` writes), defaults left out."""
    if not isinstance(snapshot, Snapshot):
        raise ArgumentError("snapshot", f"expected a Snapshot, not {describe(snapshot)}")
    with gc_paused():  # a tree of new dicts and lists, no cycles: collecting halved the speed
        data: dict[str, Any] = _converter.unstructure(snapshot)
    return data


def dumps(snapshot: Snapshot, *, format: Format = "yaml") -> str:
    """The snapshot as YAML or JSON text that :func:`loads` reads back equal."""
    _check_options(format, 0)
    data = unstructure(snapshot)
    if format == "json":
        return dump_json(data)
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=100)


def dump_json(data: Any) -> str:
    """Plain data as JSON text, indented by two spaces, UTF-8 characters as they are,
    ending with a newline (orjson's encoder when installed: about 20 times the
    standard library's with ``indent``)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; kept for odd installs
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()


def dump(
    snapshot: Snapshot,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,
) -> None:
    """Write the snapshot to ``path`` atomically: the file is whole or untouched.

    Refuses (with a :class:`~lape.errors.LapeError`, nothing written) a target
    that is not a regular file, or that is read-only; a symbolic link to a
    regular file is followed.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentError("path", f"expected a file name or a path, not {describe(path)}")
    _check_options(format, 0, optional_format=True)
    p = Path(path)
    write_atomically(p, dumps(snapshot, format=format or _format_of(p)))


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


QUICK_JSON_FROM = 1 << 20
"""JSON text of at least this many characters (1 Mi) is read the quick way first."""


def _read_sound_json(text: str) -> Snapshot | None:
    """The snapshot in ``text`` if it is sound JSON, read quickly; ``None`` if anything
    is unusual, and the careful reading (:func:`_parse_json`, then the converter with
    its problem budget) reads it again and says what.

    orjson parses (in about two thirds of the standard library's time with the hook
    that finds repeated keys); a key given twice is found without that hook: every key
    is followed by a colon, so the text has more colons than the parsed data written out
    again exactly when orjson dropped a repeated key (colons inside strings are the
    same in both, unless written as the escape ``\\u003a``, and then the careful
    reading is used). Numbers with a fraction parse as floats here, which every field
    refuses: the careful reading reads them as decimals. The converter stops at the
    first problem (:func:`~lape.io._budget.probe`), so a file with problems costs one
    quick reading up to its first problem more than before, not two whole readings.

    Text shorter than :data:`QUICK_JSON_FROM` characters is read carefully only: there
    the quick reading saves little, and orjson's writer reserves a few megabytes
    whatever it writes, which would make a small file's memory out of proportion.
    """
    orjson = _safe_orjson()
    if orjson is None or len(text) < QUICK_JSON_FROM:
        return None
    if "\\u003a" in text or "\\u003A" in text:
        return None
    try:
        data = orjson.loads(text)
        if type(data) is not dict:
            return None  # not a snapshot
        again = orjson.dumps(data)
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):  # bad JSON, deep, long numbers
        return None
    if text.count(":") != again.count(b":"):
        return None  # a key given twice
    with probe():
        try:
            snapshot: Snapshot = _converter.structure(data, Snapshot)
        except (FirstProblem, Exception):
            return None
    return snapshot


@functools.cache
def _safe_orjson() -> Any:
    """orjson, if it is installed and refuses nesting deeper than 1024 levels (3.10 and
    later; older ones crashed the interpreter on a million levels); else ``None``."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; kept for odd installs
        return None
    major, minor = (int(part) for part in orjson.__version__.split(".")[:2])
    return orjson if (major, minor) >= (3, 10) else None


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
        raise LoadError(source, [Problem("", DEPTH_MESSAGE)]) from None
    if twice:
        problems = walk(data, marked=twice, message="the key {key!r} is given twice")
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


def _json_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise _TooLongError(too_many_digits(digits))
    return int(text)
