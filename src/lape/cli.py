"""The ``lape`` command line: ``main(argv) -> int`` with exit codes 0, 1 and 2.

- 0: the snapshot loaded (and, once checked, had no error-severity finding);
- 1: the check found errors;
- 2: bad input or usage: one message on stderr naming the file and the path
  inside it, never a traceback, and nothing written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import TextIO

from lape._version import __version__
from lape.errors import LapeError
from lape.io import dumps, example, example_text, load
from lape.model import Snapshot

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors raise instead of exiting, so main() owns exit codes."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date (YYYY-MM-DD): {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> _Parser:
    parser = _Parser(
        prog="lape",
        description="Model and check Finland's programme for developing child and family "
        "services (LAPE).",
    )
    parser.add_argument("--version", action="version", version=f"lape {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="load a snapshot file and check it")
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", help="a snapshot file (.yaml, .yml or .json)")
    source.add_argument("--example", action="store_true", help="use the bundled example")
    check.add_argument("--as-of", type=_date, metavar="DATE", help="the day to check (YYYY-MM-DD)")

    ex = commands.add_parser("example", help="print the bundled example snapshot")
    ex.add_argument("--format", choices=("yaml", "json"), default="yaml")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    out = stdout if stdout is not None else sys.stdout
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command is None:
        parser.print_help(out)
        return EXIT_BAD_INPUT
    try:
        if args.command == "example":
            text = example_text() if args.format == "yaml" else dumps(example(), format="json")
            out.write(text)
            return EXIT_OK
        snapshot = example() if args.example else load(args.path)
        return _summarise(snapshot, args.path or "<bundled example>", args.as_of, out)
    except LapeError as exc:
        print(f"lape: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _summarise(snapshot: Snapshot, source: str, as_of: dt.date | None, out: TextIO) -> int:
    from lape.reference import funding_pools

    day = as_of or snapshot.info.as_of or dt.date.today()
    title = snapshot.info.title or source
    print(f"{title} ({source}), as of {day.isoformat()}", file=out)
    for kind, n in snapshot.counts().items():
        print(f"  {kind.replace('_', ' ') + 's':<15} {n:>6}", file=out)
    known = [p.id for p in funding_pools()]
    dangling = list(snapshot.index.dangling_references(known_pools=known))
    duplicates = snapshot.index.duplicates()
    for ref in dangling:
        print(f"  {ref.path}: no {ref.target_kind.value} {ref.target!r}", file=out)
    for entity_kind, ids in duplicates.items():
        for entity_id, positions in ids.items():
            print(f"  {entity_kind.value} ID {entity_id!r} used {len(positions)} times", file=out)
    return EXIT_FINDINGS if dangling or duplicates else EXIT_OK
