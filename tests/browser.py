"""Shared browser-test machinery: a real `datasette serve -i` and headless Chromium.

Chromium is Debian's package (/usr/bin/chromium), driven by Playwright; `make test` installs it
when missing. Without it the browser tests fail loudly (a missing browser must not pass as
green) unless ALLOW_NO_BROWSER=1 is set, for a developer machine without root.
"""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from serving import datasette_serve

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "build" / "screenshots"))


@contextmanager
def datasette_server(db_path: Path, metadata: Path):
    """The database served as `make serve` serves it (settings, inspect file); yields the URL."""
    inspect = Path(db_path).with_suffix(".inspect.json")
    subprocess.run([sys.executable, "-m", "datasette", "inspect", str(db_path), "--inspect-file",
                    str(inspect)], check=True)
    with datasette_serve(db_path, metadata, inspect) as base:
        yield base


@contextmanager
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("ALLOW_NO_BROWSER") == "1":
            pytest.skip(f"{CHROMIUM} not installed (ALLOW_NO_BROWSER=1)")
        pytest.fail(f"{CHROMIUM} is not installed: `make test` installs Debian's chromium "
                    "(as root); set ALLOW_NO_BROWSER=1 to skip browser tests on purpose")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page, name: str, selector: str | None = None, height: int = 760, full_page: bool = False):
    """Save a PNG of the page (the whole page with ``full_page``), or of the top of one element
    (README pictures come from here)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    clip = None
    if selector:
        element = page.locator(selector).first
        element.scroll_into_view_if_needed()
        box = element.bounding_box()
        page.evaluate(f"window.scrollTo(0, {box['y']} + window.scrollY - 10)")
        box = element.bounding_box()
        clip = {"x": 0, "y": max(0, box["y"] - 10), "width": page.viewport_size["width"],
                "height": min(height, box["height"] + 20)}
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), clip=clip, full_page=full_page and not clip)
