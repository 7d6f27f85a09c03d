"""The verification page in a real headless Chromium (Debian's ``chromium`` and
``chromium-driver``, driven by Selenium) over the endpoint's real TLS on 127.0.0.1.

TLS trust: the browser does not skip certificate checks (no ``--ignore-certificate-errors``).
It is told to accept exactly one key, the sandbox endpoint's TLS key, through
``--ignore-certificate-errors-spki-list`` with the SHA-256 of that certificate's
SubjectPublicKeyInfo (the pinning flag Chromium offers instead of editing the user's
certificate store); a server with any other key would still be refused.

The text is read from the rendered page, as a reader sees it. ``FITNOTE_SHOTS_DIR`` set:
screenshots of the page in nl and fr are saved there for a human look.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from support.browser import click_to_next_page
from support.endpoint import LiveEndpoint, Physician, running_endpoint

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Document
from fitnote_desktop.domain.reference import format_reference, full_hash, url_token
from fitnote_desktop.endpoint.texts import page_text
from fitnote_desktop.transport.client import sign_retraction

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402

CHROMIUM = next(
    (p for p in ("/usr/lib/chromium/chromium", shutil.which("chromium")) if p and Path(p).exists()),
    None,
)
CHROMEDRIVER = shutil.which("chromedriver")


@dataclasses.dataclass
class Copies:
    """References of the documents the tests look up."""

    valid: Document
    retracted: Document
    forged_path: str


def _path(doc: Document, short: str | None = None) -> str:
    return f"/verify/{url_token(doc.id, short or full_hash(doc)[:8])}"


def spki_sha256(chain_pem: Path) -> str:
    """Base64 SHA-256 of the leaf certificate's public key (Chromium's pin format)."""
    leaf = x509.load_pem_x509_certificates(chain_pem.read_bytes())[0]
    spki = leaf.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


@pytest.fixture(scope="module")
def live(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveEndpoint]:
    db = tmp_path_factory.mktemp("browser") / "ep.sqlite3"
    with running_endpoint(demo_pki, db_url=f"sqlite:///{db}") as ep:
        yield ep


@pytest.fixture(scope="module")
def copies(live: LiveEndpoint, gp: Physician) -> Copies:
    client = live.client(gp)
    valid = samples.incapacity(id=str(uuid.uuid4()))
    retracted = samples.incapacity(id=str(uuid.uuid4()))
    for doc in (valid, retracted):
        client.submit(*gp.sign(doc))
    retraction = sign_retraction(gp.signer, str(retracted.id), "error")
    client.retract(str(retracted.id), retraction.payload, retraction.signature)
    real = full_hash(valid)[:8]
    forged = "0" * 8 if real != "0" * 8 else "1" * 8
    return Copies(valid, retracted, _path(valid, forged))


@pytest.fixture(scope="module")
def browser(
    demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[webdriver.Chrome]:
    if CHROMIUM is None or CHROMEDRIVER is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromium-driver are required in CI (scripts/setup.sh)")
        pytest.skip("chromium / chromium-driver not installed")
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
        "--window-size=1000,1100",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        f"--ignore-certificate-errors-spki-list={spki_sha256(demo_pki.tls_cert)}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver: webdriver.Chrome, url: str) -> str:
    """Load ``url``; the text of the ``main`` landmark as rendered."""
    driver.get(url)
    return str(driver.find_element(By.TAG_NAME, "main").text)


def _shot(driver: webdriver.Chrome, name: str) -> None:
    folder = os.environ.get("FITNOTE_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _console_errors(driver: webdriver.Chrome) -> list[str]:
    """Console errors except the favicon the endpoint does not serve (a CSP violation or
    a blocked stylesheet would show here)."""
    return [
        e["message"]
        for e in driver.get_log("browser")
        if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]
    ]


def test_a_valid_certificate_in_the_browser(
    browser: webdriver.Chrome, live: LiveEndpoint, copies: Copies
) -> None:
    main = _open(browser, f"{live.url}{_path(copies.valid)}?lang=nl")
    assert browser.current_url.startswith("https://127.0.0.1:")  # real TLS, no bypass
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    assert page_text("status.valid", "nl") in main
    assert "van 16/11/2026 tot en met 29/11/2026 (14 dagen)" in main
    assert format_reference(copies.valid.id, full_hash(copies.valid)[:8]) in main
    patient = copies.valid.patient
    page = browser.find_element(By.TAG_NAME, "body").text
    assert patient.family_name not in page and patient.niss not in page
    assert "Lumbago" not in page and "L86" not in page
    # the stylesheet came through the CSP: the verdict's status border is drawn
    verdict = browser.find_element(By.CSS_SELECTOR, ".verdict")
    assert verdict.value_of_css_property("border-left-width") == "8px"
    assert _console_errors(browser) == []
    _shot(browser, "verify-valid-nl")

    click_to_next_page(browser, browser.find_element(By.LINK_TEXT, "Français"))
    main = str(browser.find_element(By.TAG_NAME, "main").text)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert page_text("status.valid", "fr") in main
    assert "du 16/11/2026 au 29/11/2026 inclus (14 jours)" in main
    _shot(browser, "verify-valid-fr")


def test_a_forged_reference_in_the_browser(
    browser: webdriver.Chrome, live: LiveEndpoint, copies: Copies
) -> None:
    main = _open(browser, f"{live.url}{copies.forged_path}?lang=nl")
    assert page_text("status.unknown", "nl") in main
    assert copies.valid.author.family_name not in main
    assert page_text("fact.physician", "nl") not in main
    _shot(browser, "verify-forged-nl")
    main = _open(browser, f"{live.url}{copies.forged_path}?lang=fr")
    assert page_text("status.unknown", "fr") in main
    _shot(browser, "verify-forged-fr")


def test_a_retracted_certificate_in_the_browser(
    browser: webdriver.Chrome, live: LiveEndpoint, copies: Copies
) -> None:
    main = _open(browser, f"{live.url}{_path(copies.retracted)}?lang=fr")
    assert page_text("status.retracted", "fr") in main
    assert page_text("reason.error", "fr") in main
    _shot(browser, "verify-retracted-fr")
    main = _open(browser, f"{live.url}{_path(copies.retracted)}?lang=nl")
    assert page_text("status.retracted", "nl") in main
    _shot(browser, "verify-retracted-nl")


def test_typing_a_reference_from_paper_needs_no_javascript(
    browser: webdriver.Chrome, live: LiveEndpoint, copies: Copies
) -> None:
    _open(browser, f"{live.url}/verify?lang=fr")
    _shot(browser, "verify-form-fr")
    typed = "Réf. " + format_reference(copies.valid.id, full_hash(copies.valid)[:8]).upper()
    field = browser.find_element(By.ID, "ref")
    field.send_keys(typed)
    field.submit()
    main = str(browser.find_element(By.TAG_NAME, "main").text)
    assert page_text("status.valid", "fr") in main
    assert browser.current_url.endswith(f"{_path(copies.valid)}?lang=fr")
