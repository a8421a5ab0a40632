"""The ``lape`` command line: ``main(argv) -> int`` with exit codes 0, 1 and 2.

- 0: the snapshot loaded (and, once checked, had no error-severity finding);
- 1: the check found errors;
- 2: bad input or usage: one message on stderr naming the file and the path
  inside it, never a traceback, and nothing written; also output that cannot
  be written (a full disk, a closed pipe): one line on stderr. A bare ``lape``
  is a usage error, as argparse treats a missing command: the usage and an
  error line on stderr (``lape --help`` prints the help on stdout and exits 0);
- 130: interrupted (Ctrl-C), with one line on stderr.

Text from the file is printed with control characters, escape sequences and
bidirectional overrides escaped (:mod:`lape._printable`); characters the
terminal's encoding cannot show are written as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import attrs

from lape._cli_rules import add_rules_arguments
from lape._printable import printable
from lape._version import __version__
from lape.errors import LapeError
from lape.io import (
    DEFAULT_MAX_BYTES,
    check_target,
    dumps,
    example,
    example_text,
    load,
    look_alikes,
)
from lape.model import Snapshot, Survey
from lape.rules import LANGUAGES, Lang, RuleSelectionError, Text

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors raise instead of exiting, so main() owns exit codes."""

    command_names: tuple[str, ...] = ()
    """The top parser's commands, for the message of a bare ``lape``."""

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


def _bytes(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        value = -1
    if value < 1:
        msg = f"expected a whole number of bytes, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        msg = f"expected a whole number, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _ids(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


_LEVELS = ("error", "warning", "info")


def _severities(text: str) -> list[tuple[str, str]]:
    pairs = []
    for part in _ids(text):
        name, sep, level = part.partition("=")
        if not sep or not name.strip() or level.strip() not in _LEVELS:
            msg = f"expected RULE=LEVEL with LEVEL one of {', '.join(_LEVELS)}, not {part!r}"
            raise argparse.ArgumentTypeError(msg)
        pairs.append((name.strip(), level.strip()))
    return pairs


def _parser() -> _Parser:
    parser = _Parser(
        prog="lape",
        description="Model and check Finland's programme for developing child and family "
        "services (LAPE).",
    )
    parser.add_argument("--version", action="version", version=f"lape {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser(
        "check",
        help="check a snapshot file against the rule catalogue",
        description="Check a snapshot. Exit code 0: no error; 1: errors found; 2: bad input.",
    )
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", help="a snapshot file (.yaml, .yml or .json)")
    source.add_argument("--example", action="store_true", help="use the bundled example")
    check.add_argument(
        "--as-of", type=_date, metavar="DATE", help="the day to check (default: the file's as_of)"
    )
    check.add_argument("--lang", choices=LANGUAGES, default="en", help="language of messages")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--select",
        type=_ids,
        action="extend",
        default=[],
        metavar="IDS",
        help="only these rules: IDs, tags or patterns, comma-separated (LAPE-G*,funding)",
    )
    check.add_argument(
        "--ignore", type=_ids, action="extend", default=[], metavar="IDS", help="skip these rules"
    )
    check.add_argument(
        "--severity",
        type=_severities,
        action="extend",
        default=[],
        metavar="RULES=LEVEL",
        help="re-grade rules: IDs, tags or patterns with error, warning or info, "
        "comma-separated (LAPE-G15=error,links=info)",
    )
    check.add_argument(
        "--sources",
        action="store_true",
        help="end with the source of each rule that reported: the documents, the quote, "
        "and its translation into --lang",
    )
    check.add_argument(
        "--all",
        action="store_true",
        dest="all_findings",
        help="write out every finding (the text lists at most 500 and counts the rest)",
    )
    check.add_argument(
        "--summary",
        action="store_true",
        help="counts instead of findings: per rule, per region, per kind of subject, and "
        "the subjects with the most findings",
    )
    check.add_argument(
        "--most",
        type=_count,
        default=None,
        metavar="N",
        help="with --summary, list at most N subjects (default 10)",
    )
    _max_bytes(check)

    rules = commands.add_parser(
        "rules",
        help="the rule catalogue: list, filter, or show rules in full",
        description="List the rules (the catalogue and installed rule packs), filtered by "
        "ID, tag or pattern, severity and the day in force; one rule named by its ID, or "
        "--full, shows each in full with its source. Exit code 0, or 2 for a name that "
        "matches no rule.",
    )
    add_rules_arguments(rules)

    network = commands.add_parser(
        "network",
        help="the collaboration graph of a snapshot: key measures and exports",
        description="Print the key measures of a snapshot's collaboration graph and write "
        "it for other tools. Exit code 0, or 2 for bad input.",
    )
    source = network.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", help="a snapshot file (.yaml, .yml or .json)")
    source.add_argument("--example", action="store_true", help="use the bundled example")
    network.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="the day (default: the file's as_of; without one, the ties of every period)",
    )
    network.add_argument("--format", choices=("text", "json"), default="text")
    network.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the text (and of findings)"
    )
    network.add_argument(
        "--export",
        action="append",
        default=[],
        metavar="FILE",
        help="write the graph to FILE: .graphml, .gexf or .json (node-link); may be repeated",
    )
    _max_bytes(network)
    _add_compare_arguments(network)
    _add_timeline_parser(commands)

    _survey_parser(commands)
    _add_report_parser(commands)

    _example_parser(commands)
    parser.command_names = tuple(commands.choices)
    return parser


_MAX_SCALE = 10
"""The largest ``lape example --national --scale``: about 200,000 actors and 90 MB of
JSON, still under ``--max-bytes``'s default, so that ``lape check`` reads it."""


def _example_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """``lape example [--national [--scale N] [--seed S] [--as-of DATE]] [--format]``."""
    ex = commands.add_parser(
        "example",
        help="print the bundled example snapshot, or a synthetic national one",
        description="Print the bundled example snapshot (Pohjois-Savo, 2017), or with "
        "--national a synthetic snapshot of the whole country: every real municipality and "
        "county, invented actors, groups, grants and networks (about 20,000 actors per "
        "--scale), the same for the same --scale and --seed. Write it to a file with "
        "'> FILE'; JSON is written in a fraction of YAML's time.",
    )
    ex.add_argument("--format", choices=("yaml", "json"), default="yaml")
    ex.add_argument(
        "--national", action="store_true", help="a synthetic national-scale snapshot instead"
    )
    ex.add_argument(
        "--scale",
        type=_scale,
        default=1,
        metavar="N",
        help=f"with --national: multiply every count by N, 1 to {_MAX_SCALE} (default 1)",
    )
    ex.add_argument(
        "--seed", type=int, default=0, metavar="S", help="with --national: the random seed"
    )
    ex.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="with --national: the snapshot's day (default 2017-06-01)",
    )


def _scale(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= _MAX_SCALE:
        msg = f"expected a whole number from 1 to {_MAX_SCALE}, not {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _example(args: argparse.Namespace, out: TextIO) -> int:
    if not args.national:
        given = [f"--{n}" for n in ("scale", "seed", "as_of") if _given(args, n)]
        if given:
            name = given[0].replace("_", "-")
            raise _CommandError(f"{name} goes with --national")
        text = example_text() if args.format == "yaml" else dumps(example(), format="json")
        out.write(text)
        return EXIT_OK
    from lape.testing import national_snapshot  # no hypothesis needed

    options = {} if args.as_of is None else {"as_of": args.as_of}
    snapshot = national_snapshot(scale=args.scale, seed=args.seed, **options)
    out.write(dumps(snapshot, format=args.format))
    return EXIT_OK


def _given(args: argparse.Namespace, name: str) -> bool:
    defaults = {"scale": 1, "seed": 0, "as_of": None}
    return bool(getattr(args, name) != defaults[name])


def _max_bytes(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--max-bytes",
        type=_bytes,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse a file larger than N bytes (default: {DEFAULT_MAX_BYTES:,})",
    )


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Whatever happens, one line on stderr at most, never a traceback: bad input and
    output that cannot be written (a full disk, a closed pipe) exit with 2, Ctrl-C
    with 130.
    """
    out = stdout if stdout is not None else sys.stdout
    _forgiving(sys.stderr)
    if out is None:  # started with its output closed (lape check x >&-)
        _say("lape: cannot write the output: standard output is closed")
        return EXIT_BAD_INPUT
    _forgiving(out)
    try:
        code = _run(argv, out)
        out.flush()
    except KeyboardInterrupt:
        _say("lape: interrupted")
        _quiet(out)
        return EXIT_INTERRUPTED
    except OSError as exc:  # the output failed: a full disk, a closed pipe
        _say(f"lape: cannot write the output: {exc.strerror or exc}")
        _quiet(out)
        return EXIT_BAD_INPUT
    return code


def _run(argv: Sequence[str] | None, out: TextIO) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        _say(str(exc))
        return EXIT_BAD_INPUT
    if args.command is None:  # a usage error, as argparse reports one: usage and error on stderr
        _say(parser.format_usage().rstrip())
        commands = ", ".join(parser.command_names)
        _say(f"lape: error: give a command: {commands} ('lape --help' says what each does)")
        return EXIT_BAD_INPUT
    try:
        if args.command == "example":
            return _example(args, out)
        if args.command == "rules":
            return _rules(args, out)
        if args.command == "network":
            if args.compare is not None:
                return _compare(args, out)
            return _network(args, out)
        if args.command == "timeline":
            return _timeline(args, out)
        if args.command == "survey":
            return _survey(args, out)
        if args.command == "report":
            return _report(args, out)
        return _check(args, out)
    except LapeError as exc:
        if isinstance(exc, RuleSelectionError) and isinstance(getattr(exc, "path", None), str):
            source = "<bundled example>" if args.example else args.path  # a setting in the file
            _say(f"lape: {source}: {exc}")
        else:
            _say(f"lape: {exc}")
        return EXIT_BAD_INPUT


def _say(message: str) -> None:
    """One message on stderr, text from the file escaped; quietly nothing if
    stderr itself cannot be written."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(printable(message), file=sys.stderr, flush=True)


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: what an encoding cannot hold, as JSON's ``\\uXXXX``
    escapes (pairs of them beyond the first plane), so that the JSON output of a
    command stays valid JSON on any terminal."""
    if not isinstance(error, UnicodeEncodeError):  # pragma: no cover - encoding only
        raise error
    escaped = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


codecs.register_error("lape-escape", _escape_unencodable)


def _forgiving(stream: TextIO | None) -> None:
    """Write what the stream's encoding cannot show as ``\\uXXXX`` escapes (an ASCII
    terminal and the report's "—") instead of failing."""
    if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
        with contextlib.suppress(OSError, ValueError):  # a stream that refuses
            stream.reconfigure(errors="lape-escape")


def _quiet(out: TextIO) -> None:
    """After the output failed: point it at the null device, so that Python's own
    flush at exit does not fail again with a traceback."""
    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:  # pragma: no cover
        pass


def _load(args: argparse.Namespace) -> Snapshot:
    """The snapshot the command names; warnings about look-alike IDs on stderr."""
    if args.example:
        return example()
    snapshot = load(args.path, max_bytes=args.max_bytes)
    for problem in look_alikes(snapshot):
        _say(f"lape: warning: {args.path}: {problem}")
    return snapshot


def _check(args: argparse.Namespace, out: TextIO) -> int:
    from lape.rules import MAX_TEXT_FINDINGS, check, report_text

    if args.most is not None and not args.summary:
        raise _CommandError("--most goes with --summary")
    for given, option in ((args.all_findings, "--all"), (args.sources, "--sources")):
        if given and (args.summary or args.format == "json"):
            raise _CommandError(f"{option} is for the text report, not with --summary or JSON")
    snapshot = _load(args)
    source = "<bundled example>" if args.example else args.path
    report = check(
        snapshot,
        as_of=args.as_of,
        lang=args.lang,
        select=args.select,
        ignore=args.ignore,
        severity=dict(args.severity),
    )
    if args.summary:
        from lape.rules import report_summary

        summary = report_summary(report, snapshot, title=snapshot.info.title or source)
        if args.format == "json":
            out.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(printable(summary.to_text(most=10 if args.most is None else args.most)))
    elif args.format == "json":
        out.write(report.to_json() + "\n")
    else:
        title = snapshot.info.title or source  # report_text escapes the file's text
        colour = out.isatty() and not os.environ.get("NO_COLOR")
        text = report_text(
            report,
            title=title,
            colour=colour,
            sources=args.sources,
            most=None if args.all_findings else MAX_TEXT_FINDINGS,
        )
        out.write(text)
    return EXIT_OK if report.conforms else EXIT_FINDINGS


def _network(args: argparse.Namespace, out: TextIO) -> int:
    from lape.network import collaboration_graph, export, export_format, summarize

    exports = [(path, export_format(path)) for path in args.export]  # bad names fail first
    for path in args.export:  # and targets lape will not replace: before any work
        check_target(path, inputs=[] if args.example else [args.path])
    snapshot = _load(args)
    graph = collaboration_graph(snapshot, as_of=args.as_of or snapshot.info.as_of)
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    k = None if n <= _EXACT_BETWEENNESS else max(20, min(n, _EDGE_VISITS // max(m, 1)))
    with _parallel_betweenness() as backend:
        summary = summarize(graph, snapshot, k=k, seed=0, backend=backend)
    for path, format in exports:
        try:
            export(graph, path, format)
        except OSError as exc:
            _say(f"lape: cannot write {path}: {exc.strerror or exc}")
            return EXIT_BAD_INPUT
    if args.format == "json":
        data = {**summary.as_dict(), "exports": [{"path": p, "format": f} for p, f in exports]}
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(printable(summary.to_text(lang=args.lang)))
        wrote = _WROTE.get(args.lang)
        out.writelines(printable(wrote.format(path=p, format=f)) + "\n" for p, f in exports)
    return EXIT_OK


_WROTE = Text(
    fi="Kirjoitettu {path} ({format})", sv="Skrev {path} ({format})", en="Wrote {path} ({format})"
)

_EXACT_BETWEENNESS = 1000
"""Up to this many nodes ``lape network`` computes betweenness exactly; beyond, it samples
as many sources (at least 20) as keep the work near ``_EDGE_VISITS`` edge visits."""
_EDGE_VISITS = 4_000_000


@contextlib.contextmanager
def _parallel_betweenness() -> Iterator[str | None]:
    """The networkx backend for betweenness: ``"parallel"`` (nx-parallel, the
    ``parallel`` extra) on every core when it is installed, else ``None``
    (networkx's own dispatch)."""
    from importlib.metadata import entry_points

    import networkx as nx

    installed = {e.name for e in entry_points(group="networkx.backends")}
    config = getattr(nx.config.backends, "parallel", None) if "parallel" in installed else None
    if config is None:
        yield None
        return
    with config(active=True, n_jobs=-1):
        yield "parallel"


def _add_compare_arguments(network: argparse.ArgumentParser) -> None:
    """``lape network SNAPSHOT --compare OTHER``: two waves."""
    network.add_argument(
        "--compare",
        metavar="OTHER",
        help="compare with OTHER, a later wave (a snapshot file): ties gained and lost from "
        "the first to OTHER, changed measures, and the findings fixed and new",
    )
    network.add_argument(
        "--compare-as-of",
        type=_date,
        metavar="DATE",
        help="the day for OTHER (default: its file's as_of, else today); --as-of sets the "
        "first's (default: its file's as_of, else today)",
    )


def _compare(args: argparse.Namespace, out: TextIO) -> int:
    from lape.network import compare_snapshots

    if args.export:
        raise _CommandError("--export cannot be combined with --compare")
    before = _load(args)
    after = _load(argparse.Namespace(example=False, path=args.compare, max_bytes=args.max_bytes))
    comparison = compare_snapshots(
        before, after, before_as_of=args.as_of, after_as_of=args.compare_as_of
    )
    diff = comparison.findings  # the findings' messages in the chosen language
    comparison = attrs.evolve(
        comparison,
        findings=attrs.evolve(
            diff,
            **{
                name: tuple(f.in_language(args.lang) for f in getattr(diff, name))
                for name in ("fixed", "new", "changed", "unchanged")
            },
        ),
    )
    if args.format == "json":
        out.write(json.dumps(comparison.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(printable(comparison.to_text(lang=args.lang)))
    return EXIT_OK


def _add_timeline_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """``lape timeline SNAPSHOT [--from --to --step | --dates ...]``."""
    timeline = commands.add_parser(
        "timeline",
        help="the network's measures and the findings' counts on a series of dates",
        description="Build the collaboration graph and check the snapshot on each date: "
        "give --dates, or --from and --to (and --step). Exit code 0, or 2 for bad input.",
    )
    source = timeline.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", help="a snapshot file (.yaml, .yml or .json)")
    source.add_argument("--example", action="store_true", help="use the bundled example")
    timeline.add_argument(
        "--dates", type=_date, nargs="+", metavar="DATE", help="the dates (YYYY-MM-DD)"
    )
    timeline.add_argument(
        "--from", dest="start", type=_date, metavar="DATE", help="the first date of a range"
    )
    timeline.add_argument("--to", dest="end", type=_date, metavar="DATE", help="the range's end")
    timeline.add_argument(
        "--step",
        default="1y",
        metavar="STEP",
        help="the range's step: a number and d, w, m or y (days, weeks, months, years); default 1y",
    )
    timeline.add_argument("--format", choices=("text", "json"), default="text")
    timeline.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the text (fi, sv or en)"
    )
    _max_bytes(timeline)
    timeline.add_argument(
        "--select", type=_ids, action="extend", default=[], metavar="IDS", help="only these rules"
    )
    timeline.add_argument(
        "--ignore", type=_ids, action="extend", default=[], metavar="IDS", help="skip these rules"
    )


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    from lape.network import timeline, timeline_dates

    ranged = args.start is not None or args.end is not None
    if args.dates and ranged:
        raise _CommandError("give --dates, or --from and --to, not both")
    if not args.dates and (args.start is None or args.end is None):
        raise _CommandError("give --dates, or --from and --to (and --step)")
    dates = args.dates or timeline_dates(args.start, args.end, args.step)  # bad dates fail first
    snapshot = _load(args)
    found = timeline(snapshot, dates, select=args.select, ignore=args.ignore)
    if args.format == "json":
        out.write(json.dumps(found.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(printable(found.to_text(lang=args.lang)))
    return EXIT_OK


class _CommandError(LapeError, ValueError):
    """Arguments that parse but do not go together (reported like bad input)."""


def _survey_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    survey = commands.add_parser(
        "survey",
        help="a collaboration survey: its measures, gaps against the formal ties, changes",
        description="Measure a collaboration survey (PARTNER-style) of a snapshot's actors, "
        "compare its ties with the formal ties on its date, and with --compare, with another "
        "wave. The survey comes from the snapshot's surveys: section or a CSV file. "
        "Exit code 0, or 2 for bad input.",
    )
    source = survey.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", help="a snapshot file (.yaml, .yml or .json)")
    source.add_argument(
        "--example",
        action="store_true",
        help="use the bundled example and its example survey (two waves)",
    )
    survey.add_argument(
        "--csv",
        metavar="FILE",
        help="read surveys from a CSV file too (one row per respondent-partner pair)",
    )
    survey.add_argument(
        "--date",
        type=_date,
        metavar="DATE",
        help="the date of a CSV file without a date column (default: the snapshot's as_of)",
    )
    survey.add_argument(
        "--survey",
        metavar="ID",
        help="the survey to measure (default: the latest)",
    )
    survey.add_argument(
        "--compare",
        metavar="OTHER",
        help="another wave: a survey ID, a CSV file or a snapshot file (its latest survey)",
    )
    survey.add_argument("--format", choices=("text", "json"), default="text")
    survey.add_argument(
        "--lang", choices=LANGUAGES, default="en", help="language of the text (fi, sv or en)"
    )
    _max_bytes(survey)
    survey.add_argument(
        "--most",
        type=int,
        default=10,
        metavar="N",
        help="show at most N items of each list in the text (default 10)",
    )


def _survey(args: argparse.Namespace, out: TextIO) -> int:
    """``lape survey``: load everything first (bad input exits 2 before anything is
    written), then measure and print."""
    from pathlib import Path

    from lape.io import example_surveys, load_surveys
    from lape.network import survey_report

    if args.most < 0:
        raise _CommandError(f"--most must not be negative, not {args.most}")
    if args.date is not None and args.csv is None and args.compare is None:
        raise _CommandError("--date dates a CSV file: give --csv FILE (or --compare FILE.csv)")
    snapshot = _load(args)
    source = "<bundled example>" if args.example else args.path
    found = list(snapshot.surveys)
    if args.example and not found:
        found.extend(example_surveys())

    def from_csv(path: str) -> list[Survey]:
        return list(load_surveys(path, date=args.date or snapshot.info.as_of))

    def latest(waves: Sequence[Survey], where: str) -> Survey:
        if not waves:
            raise _CommandError(f"{where}: no surveys")
        return max(waves, key=lambda wave: wave.date)  # the last of the latest

    if args.csv is not None:
        found.extend(from_csv(args.csv))
    by_id: dict[str, Survey] = {}
    for wave in found:
        if by_id.setdefault(wave.id, wave) is not wave:
            raise _CommandError(f"{source}: two surveys with the ID {wave.id!r}")
    if not by_id:
        raise _CommandError(f"{source}: no surveys (add a surveys: section, or give --csv FILE)")
    if args.survey is not None:
        chosen = by_id.get(args.survey)
        if chosen is None:
            raise _CommandError(f"{source}: no survey {args.survey!r}; {_known(by_id)}")
    else:
        chosen = latest(found, source)
    other = None
    if args.compare is not None:
        other = by_id.get(args.compare)
        if other is None and Path(args.compare).suffix.lower() == ".csv":
            other = latest(from_csv(args.compare), args.compare)
        elif other is None and Path(args.compare).suffix.lower() in (".yaml", ".yml", ".json"):
            other = latest(load(args.compare, max_bytes=args.max_bytes).surveys, args.compare)
        if other is None:
            msg = f"no survey {args.compare!r} to compare with; {_known(by_id)}"
            raise _CommandError(f"{msg}, or give a .csv or snapshot file")
    report = survey_report(snapshot, chosen, compare=other)
    if args.format == "json":
        out.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(printable(report.to_text(most=args.most, lang=args.lang)))
    return EXIT_OK


def _known(by_id: dict[str, Survey]) -> str:
    ids = list(by_id)
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    return f"the surveys: {shown}"


def _rules(args: argparse.Namespace, out: TextIO) -> int:
    from lape._cli_rules import nothing, rule_data, rule_text, select_rules, shows_in_full
    from lape.rules import default_parameters, installed_rules, rule_packs, rules_text

    tokens = [token for group in args.rules for token in group]
    every = installed_rules()  # the catalogue and the installed rule packs
    chosen = select_rules(every, tokens, severities=args.severity, in_force=args.in_force)
    pack_of = {r.id: pack.name for pack in rule_packs() for r in pack.rules}
    parameters = default_parameters()
    lang: Lang = args.lang
    if args.format == "json":
        data = [rule_data(r, lang, parameters, pack=pack_of.get(r.id)) for r in chosen]
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif not chosen:
        out.write(nothing(lang))
    elif shows_in_full(tokens, chosen, args.full):
        out.write("\n".join(rule_text(r, lang, parameters, pack=pack_of.get(r.id)) for r in chosen))
    else:
        out.write(rules_text(chosen, lang))
    return EXIT_OK


def _add_report_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    """``lape report SNAPSHOT [--as-of DATE] [--lang fi|sv|en] [-o FILE]``."""
    report = commands.add_parser(
        "report",
        help="write the check of a snapshot as one self-contained HTML file",
        description="Check a snapshot and write the result as one HTML file to open in a "
        "browser, mail or print: a summary, the findings by rule and by subject with their "
        "sources, coverage tables, the collaboration network and, when the snapshot spans "
        "years, a timeline. Exit code 0 when written, 2 for bad input (nothing written).",
    )
    source = report.add_mutually_exclusive_group(required=True)
    source.add_argument("path", nargs="?", help="a snapshot file (.yaml, .yml or .json)")
    source.add_argument("--example", action="store_true", help="use the bundled example")
    report.add_argument(
        "--as-of", type=_date, metavar="DATE", help="the day to check (default: the file's as_of)"
    )
    report.add_argument("--lang", choices=LANGUAGES, default="en", help="the report's language")
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the HTML file to write (default: standard output, when it is not a terminal)",
    )
    report.add_argument(
        "--from",
        dest="start",
        type=_date,
        metavar="DATE",
        help="the timeline's first date (with --to; default: the years the snapshot spans)",
    )
    report.add_argument("--to", dest="end", type=_date, metavar="DATE", help="its last date")
    report.add_argument(
        "--step", metavar="STEP", help="the timeline's step with --from and --to (default 1y)"
    )
    report.add_argument("--no-timeline", action="store_true", help="leave the timeline out")
    _max_bytes(report)


def _report(args: argparse.Namespace, out: TextIO) -> int:
    from pathlib import Path

    from lape.io import write_atomically
    from lape.network import timeline_dates
    from lape.report import html

    if (args.start is None) != (args.end is None):
        raise _CommandError("give both --from and --to, or neither")
    if args.no_timeline and args.start is not None:
        raise _CommandError("--no-timeline cannot be combined with --from and --to")
    if args.step is not None and args.start is None:
        raise _CommandError("--step goes with --from and --to")
    inputs = [] if args.example else [args.path]
    if args.output is not None:
        if Path(args.output).suffix.lower() not in (".html", ".htm"):
            raise _CommandError(f"{args.output}: the report is an HTML file; name it .html")
        check_target(args.output, inputs=inputs)
    elif out.isatty():
        raise _CommandError("give -o FILE (or redirect the output): the report is an HTML file")
    dates: bool | tuple[dt.date, ...] | None = None
    if args.no_timeline:
        dates = False
    elif args.start is not None:
        dates = timeline_dates(args.start, args.end, args.step or "1y")  # bad dates fail first
    snapshot = _load(args)
    name = "--example" if args.example else args.path
    text = html(snapshot, as_of=args.as_of, lang=args.lang, timeline=dates, file_name=name)
    if args.output is None:
        binary = getattr(out, "buffer", None)
        if binary is not None:  # the page says utf-8: bytes so, whatever the stream's encoding
            out.flush()
            binary.write(text.encode("utf-8"))
            binary.flush()
        else:
            out.write(text)
        return EXIT_OK
    try:
        write_atomically(args.output, text, inputs=inputs)
    except OSError as exc:
        _say(f"lape: cannot write {args.output}: {exc.strerror or exc}")
        return EXIT_BAD_INPUT
    wrote = _WROTE.get(args.lang).format(path=args.output, format="HTML")
    out.write(printable(wrote) + "\n")
    return EXIT_OK
