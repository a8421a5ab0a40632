# ruff: noqa: N806 - ``G`` for a graph, as in networkx
"""The report in a real browser: headless Chromium driven by Selenium.

Marked ``browser``; skipped, with the reason, where no Chromium or ChromeDriver can
be found, unless ``LAPE_BROWSER_REQUIRED`` is set (CI sets it once it has installed
them): then a missing browser fails.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

import lape
from lape.model import Snapshot, SnapshotInfo
from lape.network import collaboration_graph
from lape.report import html
from lape.report._browser import find_chromedriver, find_chromium, start_driver

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    missing = [
        name
        for name, found in (("chromium", find_chromium()), ("chromedriver", find_chromedriver()))
        if found is None
    ]
    if missing:
        reason = (
            f"no browser: {' and '.join(missing)} not found "
            "(apt-get install chromium chromium-driver)"
        )
        if os.environ.get("LAPE_BROWSER_REQUIRED"):
            pytest.fail(reason)
        pytest.skip(reason)
    with tempfile.TemporaryDirectory(prefix="lape-profile-") as profile:
        browser = start_driver(profile)
        try:
            yield browser
        finally:
            browser.quit()


def _open(driver: WebDriver, page: str, tmp_path: Path) -> list[dict[str, object]]:
    """Load ``page`` from a file; the console's messages while it loaded."""
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    driver.get_log("browser")  # type: ignore[no-untyped-call] # forget what came before
    driver.get(path.as_uri())
    return list(driver.get_log("browser"))  # type: ignore[no-untyped-call]


def _text(driver: WebDriver) -> str:
    return str(driver.execute_script("return document.body.innerText"))


def test_the_example_report_in_a_browser(driver: WebDriver, tmp_path: Path) -> None:
    snapshot = lape.example()
    report = lape.check(snapshot)
    console = _open(driver, html(snapshot, report=report), tmp_path)
    assert [m for m in console if m.get("level") in ("SEVERE", "WARNING")] == []
    assert driver.title == "Pohjois-Savo 2017 (illustrative) — LAPE check report 2017-10-01"
    counts = driver.execute_script(
        "return Array.from(document.querySelectorAll('ul.counts li'), li => li.innerText)"
    )
    c = report.counts()
    assert [" ".join(str(x).split()) for x in counts] == [
        f"{c['error']} ✖ errors",
        f"{c['warning']} ▲ warnings",
        f"{c['info']} ℹ info",
        f"{c['unknown']} ? unknown",
    ]
    text = _text(driver)
    for rule in {f.rule for f in report.findings}:
        assert rule in text
    nodes = driver.execute_script(
        "return Array.from(document.querySelectorAll('svg.network g.node'), g => g.dataset.node)"
    )
    G = collaboration_graph(snapshot, as_of=report.as_of)
    assert sorted(nodes) == sorted(G)
    box = driver.execute_script(
        "const r = document.querySelector('svg.network').getBoundingClientRect();"
        "return [r.width, r.height]"
    )
    assert box[0] > 200
    assert box[1] > 200


def _colours(png: bytes) -> tuple[int, list[tuple[int, tuple[int, int, int]]]]:
    """The number of pixels of a PNG, and how many there are of each colour."""
    from PIL import Image

    picture = Image.open(io.BytesIO(png)).convert("RGB")
    found = picture.getcolors(maxcolors=1 << 24) or []
    return picture.width * picture.height, cast("list[tuple[int, tuple[int, int, int]]]", found)


def test_a_screenshot_is_not_blank(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, html(lape.example(), timeline=False), tmp_path)
    pixels, colours = _colours(driver.get_screenshot_as_png())
    assert len(colours) > 50
    white = sum(n for n, rgb in colours if rgb == (255, 255, 255))
    assert white < 0.97 * pixels
    driver.execute_script("document.getElementById('network').scrollIntoView()")
    _, colours = _colours(driver.get_screenshot_as_png())
    reds = sum(n for n, (r, g, b) in colours if r > 180 and g < 80 and b < 80)
    assert reds > 100  # the social and health sector's marks are drawn


def test_on_a_phone_nothing_spills_sideways(driver: WebDriver, tmp_path: Path) -> None:
    driver.set_window_size(390, 844)
    try:
        _open(driver, html(lape.example(), as_of=dt.date(2023, 6, 1)), tmp_path)
        driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1
    finally:
        driver.set_window_size(1200, 1000)


def test_printing_shows_the_collapsed_parts(driver: WebDriver, tmp_path: Path) -> None:
    _open(driver, html(lape.example(), timeline=False), tmp_path)
    shown = "return document.querySelector('#rule-LAPE-G06 table').checkVisibility()"
    assert driver.execute_script(shown) is False  # the info rule is collapsed on screen
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert driver.execute_script(shown) is True
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = driver.print_page()
    assert pdf.startswith("JVBER")  # base64 of "%PDF"


def test_a_hostile_title_stays_text(driver: WebDriver, tmp_path: Path) -> None:
    title = (
        '<img src=x onerror="document.title=\'hacked\'"><script>document.title="hacked"</script>'
    )
    snapshot = Snapshot(info=SnapshotInfo(title=title + "\x1b[2J", as_of=dt.date(2017, 6, 1)))
    console = _open(driver, html(snapshot, timeline=False), tmp_path)
    assert driver.title == title + "\\x1b[2J — LAPE check report 2017-06-01"  # not "hacked"
    assert (
        driver.execute_script("return document.querySelector('h1').innerText") == title + "\\x1b[2J"
    )
    assert driver.execute_script("return document.images.length") == 0
    assert [m for m in console if m.get("level") == "SEVERE"] == []
