"""Load and dump snapshot files (YAML or JSON): safely, with paths in every error."""

from __future__ import annotations

import json
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml
from cattrs.errors import ClassValidationError, IterableValidationError

from lape.errors import LoadError, Problem
from lape.io._converter import make_converter
from lape.io._errors import problems_of
from lape.io._yaml import SafeDecimalLoader, SafeDumper
from lape.model import Geography, Snapshot

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Format",
    "dump",
    "dumps",
    "load",
    "loads",
    "structure",
    "unstructure",
]

Format = Literal["yaml", "json"]

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
    for anything that is not a well-formed snapshot.
    """
    p = Path(path)
    source = str(path)
    try:
        if p.is_dir():
            raise LoadError(source, [Problem("", "is a directory, not a file")])
        size = p.stat().st_size
        if size > max_bytes:
            msg = f"file is {size} bytes, larger than the limit of {max_bytes} bytes"
            raise LoadError(source, [Problem("", msg)])
        raw = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(source, [Problem("", "no such file")]) from None
    except PermissionError:
        raise LoadError(source, [Problem("", "permission denied")]) from None
    except OSError as exc:
        raise LoadError(source, [Problem("", f"cannot read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"not UTF-8 text (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})"
        raise LoadError(source, [Problem("", msg)]) from None
    return loads(text, format=format or _format_of(p), source=source, max_bytes=max_bytes)


def loads(
    text: str,
    *,
    format: Format = "yaml",
    source: str = "<string>",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Snapshot:
    """Read a snapshot from YAML or JSON text; ``source`` names it in errors."""
    if len(text) > max_bytes:
        msg = f"input is {len(text)} characters, larger than the limit of {max_bytes}"
        raise LoadError(source, [Problem("", msg)])
    data = _parse(text, format, source)
    return structure(data, source=source)


def structure(data: Any, *, source: str = "<data>", geography: Geography | None = None) -> Snapshot:
    """Build a snapshot from plain data (as parsed from YAML or JSON), validating it."""
    if data is None:
        raise LoadError(source, [Problem("", "the document is empty; expected a snapshot mapping")])
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else type(data).__name__
        msg = f"expected a mapping (actors:, groups:, ...) at the top, not {kind}"
        raise LoadError(source, [Problem("", msg)])
    converter = _converter if geography is None else make_converter(geography)
    try:
        return converter.structure(data, Snapshot)
    except (ClassValidationError, IterableValidationError) as exc:
        raise LoadError(source, problems_of(exc)) from None
    except (TypeError, ValueError) as exc:  # an error outside any field
        raise LoadError(source, [Problem("", str(exc))]) from None


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


def _parse(text: str, format: Format, source: str) -> Any:
    if format == "json":
        try:
            return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            msg = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            raise LoadError(source, [Problem("", msg)]) from None
        except ValueError as exc:
            raise LoadError(source, [Problem("", str(exc))]) from None
        except RecursionError:
            raise LoadError(source, [Problem("", "the document is nested too deeply")]) from None
    try:
        return yaml.load(text, Loader=SafeDecimalLoader)
    except yaml.MarkedYAMLError as exc:
        where = ""
        if exc.problem_mark is not None:
            where = f" (line {exc.problem_mark.line + 1}, column {exc.problem_mark.column + 1})"
        msg = f"not valid YAML: {exc.problem or exc.context}{where}"
        raise LoadError(source, [Problem("", msg)]) from None
    except yaml.YAMLError as exc:
        raise LoadError(source, [Problem("", f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise LoadError(source, [Problem("", "the document is nested too deeply")]) from None


def _reject_constant(name: str) -> Any:
    msg = f"{name} is not a number lape accepts"
    raise ValueError(msg)
