"""The HTML report at national scale: its size, the time to make it, and the time a
browser takes to open it.

Run: ``python benchmarks/bench_report.py`` (``--repeat N`` loads per page, default 5;
``--timeline`` to include the automatic timeline in the national report, which checks
and builds the graph once per year). Needs headless Chromium for the load times
(Debian's ``chromium`` and ``chromium-driver``; selenium from the ``test`` extra);
without them it prints the sizes and the making times only.

Printed, each measured in the same run as its baseline:

- making the report (``lape.report.html``) next to checking the snapshot alone
  (``lape.check``), CPU time;
- the file's size, and gzipped (as it travels by mail);
- the load time in the browser: navigation start to the end of the ``load`` event and
  to the first contentful paint (the browser's own Navigation and Paint Timing), the
  example's report being the baseline; loads alternate between the pages, medians of
  ``--repeat`` loads each;
- the same for a snapshot of 400 municipal groups with no members (2,400 findings: the
  report's caps at work).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import lape
from lape.model import Group, GroupKind, MunicipalityCode, Snapshot, SnapshotInfo
from lape.report import html
from lape.testing import national_snapshot


def _cpu(fn: Any) -> tuple[Any, float]:
    start = time.process_time()
    value = fn()
    return value, time.process_time() - start


def _many_findings() -> Snapshot:
    groups = tuple(
        Group(
            id=f"g{i}",
            name=f"Group {i}",
            kind=GroupKind.MUNICIPAL,
            municipality=MunicipalityCode("297"),
        )
        for i in range(400)
    )
    return Snapshot(
        info=SnapshotInfo(title="400 empty groups", as_of=dt.date(2017, 6, 1)), groups=groups
    )


def _loads(pages: dict[str, Path], repeat: int) -> dict[str, tuple[float, float]] | None:
    from lape.report._browser import find_chromedriver, find_chromium, start_driver

    if find_chromium() is None or find_chromedriver() is None:
        print("no Chromium or ChromeDriver: load times not measured")
        return None
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
    with tempfile.TemporaryDirectory(prefix="lape-bench-") as profile:
        driver = start_driver(profile)
        try:
            for round_ in range(repeat + 1):  # the first round warms up
                order = list(pages) if round_ % 2 else list(reversed(pages))
                for name in order:
                    driver.get("about:blank")
                    driver.get(pages[name].as_uri())
                    load, paint = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "const n = performance.getEntriesByType('navigation')[0];"
                        "const fcp = () => {"
                        "  const p = performance.getEntriesByName('first-contentful-paint')[0];"
                        "  if (p) done([n.loadEventEnd, p.startTime]);"
                        "  return Boolean(p);"
                        "};"
                        "if (!fcp()) new PerformanceObserver((list, observer) => {"
                        "  if (fcp()) observer.disconnect();"
                        "}).observe({type: 'paint', buffered: true});"
                    )
                    if round_:
                        times[name].append((float(load), float(paint)))
        finally:
            driver.quit()
    return {
        name: (statistics.median(t[0] for t in found), statistics.median(t[1] for t in found))
        for name, found in times.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--timeline", action="store_true")
    args = parser.parse_args()

    cases = {
        "example": lape.example(),
        "national": national_snapshot(),
        "400 empty groups": _many_findings(),
    }
    pages: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="lape-report-") as folder:
        print(
            f"{'report':<18} {'check s':>8} {'report s':>9} {'ratio':>6} {'size':>10} "
            f"{'gzipped':>9}"
        )
        for name, snapshot in cases.items():
            report, checking = _cpu(lambda s=snapshot: lape.check(s))
            timeline = None if name == "example" or args.timeline else False
            page, making = _cpu(
                lambda s=snapshot, r=report, t=timeline: html(s, report=r, timeline=t)
            )
            data = page.encode("utf-8")
            path = Path(folder) / f"{name.replace(' ', '-')}.html"
            path.write_bytes(data)
            pages[name] = path
            ratio = (making + checking) / checking
            print(
                f"{name:<18} {checking:8.2f} {making:9.2f} {ratio:5.1f}x {len(data):10,} "
                f"{len(gzip.compress(data)):9,}"
            )
        print(
            "(report s: making the HTML from a check already made; ratio: check and report / check)"
        )
        found = _loads(pages, args.repeat)
        if found is None:
            return
        base_load, base_paint = found["example"]
        print(
            f"\n{'load in Chromium':<18} {'load ms':>8} {'ratio':>6} {'paint ms':>9} {'ratio':>6}"
        )
        for name, (load, paint) in found.items():
            print(
                f"{name:<18} {load:8.0f} {load / base_load:5.1f}x {paint:9.0f} "
                f"{paint / base_paint:5.1f}x"
            )
        print(f"(medians of {args.repeat} loads each, alternating; baseline: the example's report)")


if __name__ == "__main__":
    main()
