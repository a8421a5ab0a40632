"""Headless Chromium for looking at reports: finding it, a WebDriver, a screenshot.

Used by the browser tests, the report benchmark and the docs build. The browser is
Debian's ``chromium`` with ``chromium-driver`` (``apt-get install chromium
chromium-driver``); it is started with a fresh profile and without any background
networking, so that it works on a machine with no network.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from selenium.webdriver.chrome.webdriver import WebDriver

__all__ = ["CHROMIUM_FLAGS", "find_chromedriver", "find_chromium", "screenshot", "start_driver"]

CHROMIUM_FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
"""How Chromium is started: headless, with no background networking, updates or sync."""

_BROWSERS: Final = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """The Chromium executable (``$LAPE_CHROMIUM``, else the first on ``PATH``), or ``None``."""
    given = os.environ.get("LAPE_CHROMIUM")
    if given:
        return given if Path(given).is_file() else None
    return next((found for name in _BROWSERS if (found := shutil.which(name))), None)


def find_chromedriver() -> str | None:
    """The ChromeDriver executable (``$LAPE_CHROMEDRIVER``, else on ``PATH``), or ``None``."""
    given = os.environ.get("LAPE_CHROMEDRIVER")
    if given:
        return given if Path(given).is_file() else None
    return shutil.which("chromedriver")


def screenshot(page: Path, png: Path, *, width: int = 1000, height: int = 1400) -> None:
    """A PNG of the top ``width`` x ``height`` pixels of the HTML file ``page``, taken by
    headless Chromium (through :func:`start_driver`: selenium and ChromeDriver).

    Raises :class:`FileNotFoundError` when no Chromium or ChromeDriver is found, and
    :class:`ImportError` without selenium.
    """
    with tempfile.TemporaryDirectory(prefix="lape-chromium-") as profile:
        driver = start_driver(profile, width=width, height=height)
        try:
            driver.get(page.resolve().as_uri())
            png.write_bytes(driver.get_screenshot_as_png())
        finally:
            driver.quit()


def start_driver(profile: str, *, width: int = 1200, height: int = 1000) -> WebDriver:
    """A Selenium WebDriver on headless Chromium with the profile directory ``profile``
    (empty, made by the caller), recording the console (``driver.get_log("browser")``).

    Needs selenium (the ``test`` and ``docs`` extras) and ChromeDriver; raises
    :class:`FileNotFoundError` when the browser or the driver is not found.
    """
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:  # pragma: no cover - selenium is in the test extra
        msg = "driving a browser needs selenium: pip install -e '.[test]' (or '.[docs]')"
        raise ImportError(msg) from exc
    chromium, driver = find_chromium(), find_chromedriver()
    if chromium is None or driver is None:
        missing = "Chromium" if chromium is None else "ChromeDriver"
        msg = f"no {missing} found (apt-get install chromium chromium-driver)"
        raise FileNotFoundError(msg)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)
