"""A real headless Chromium for the endpoint's pages, and axe-core inside it.

Debian's ``chromium`` and ``chromium-driver`` driven by Selenium. TLS is not bypassed:
the browser is told to accept exactly the sandbox endpoint's key
(``--ignore-certificate-errors-spki-list``), as the verification page's test does.
axe-core comes from ``tests/browser`` (``npm ci`` there, run by ``scripts/setup.sh``) and
is injected through WebDriver, which the pages' CSP (no script at all) does not govern.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

AXE_JS = (
    Path(__file__).resolve().parents[1] / "browser" / "node_modules" / "axe-core" / "axe.min.js"
)
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
CHROMIUM = next(
    (p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium")) if p and Path(p).exists()),
    None,
)
CHROMEDRIVER = shutil.which("chromedriver")


def _missing(what: str) -> None:
    """The browser tests fail rather than skip: scripts/setup.sh installs what they need."""
    pytest.fail(f"{what} is not installed (scripts/setup.sh installs it)")


def spki_sha256(chain_pem: Path) -> str:
    """Base64 SHA-256 of the leaf certificate's public key (Chromium's pin format)."""
    leaf = x509.load_pem_x509_certificates(chain_pem.read_bytes())[0]
    spki = leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


@contextmanager
def chromium(tls_cert: Path, profile_dir: Path) -> Iterator[Any]:
    """A headless Chromium that trusts exactly the endpoint's TLS key."""
    from selenium import webdriver

    if CHROMIUM is None or CHROMEDRIVER is None:
        _missing("chromium / chromium-driver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,1000",
        f"--user-data-dir={profile_dir}",
        f"--ignore-certificate-errors-spki-list={spki_sha256(tls_cert)}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def axe_violations(driver: Any) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the current page, as ``rule: targets``."""
    if not AXE_JS.exists():
        _missing("axe-core (npm ci in tests/browser)")
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    violations = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(r.violations.map("
        "  v => v.id + ': ' + v.nodes.map(n => n.target).join(' | '))))"
        ".catch(e => done(['axe failed: ' + e]));",
        list(WCAG_TAGS),
    )
    return list(violations)


def screenshot(driver: Any, name: str) -> None:
    """The whole page into ``FITNOTE_SHOTS_DIR`` (when set), for a human look."""
    folder = os.environ.get("FITNOTE_SHOTS_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    size = driver.get_window_size()
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size["width"], max(600, min(int(height) + 120, 6000)))
    try:
        driver.get_screenshot_as_file(str(Path(folder) / f"{name}.png"))
    finally:
        driver.set_window_size(size["width"], size["height"])


def click_to_next_page(driver: Any, element: Any, timeout: float = 30) -> None:
    """Click a link or a form's button and wait until the browser shows the page it led to.

    Selenium's ``click`` does not always wait for the navigation it starts: on a loaded
    machine the test went on reading the old page (the sign-in page after signing in).
    The old page is marked with a script global, which a new document does not have:
    unlike Selenium's ``staleness_of``, this never asks about a node of a document being
    torn down (Chrome may then answer "Node with given id does not belong to the
    document", an error rather than a stale reference). Errors while the navigation is
    under way are retried until the timeout.
    """
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script("window.__fitnoteOldPage = true;")
    element.click()

    def new_page_loaded(d: Any) -> bool:
        return bool(
            d.execute_script(
                "return window.__fitnoteOldPage === undefined"
                " && document.readyState === 'complete'"
                " && document.querySelector('main') !== null;"
            )
        )

    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(new_page_loaded)
