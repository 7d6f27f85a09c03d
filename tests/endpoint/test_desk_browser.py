"""The web desk in a real headless Chromium over the endpoint's real TLS, with axe-core.

One story, as the two sides live it: the advising physician signs in (demo list), opens
the inbox, reads the certificate, asks a question with an answer-by date; the treating
physician answers through the API with the desktop app's transport client; the answer
appears on the desk. The occupational physician then reads the same certificate without
any diagnosis and notes a contact moment. Every page, in nl and fr, passes axe-core's
WCAG 2.1 A/AA rules with no violation, and so does the public verification page.
``FITNOTE_SHOTS_DIR`` set: screenshots of each page in nl and fr are saved there.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select
from support.browser import axe_violations, chromium, click_to_next_page, screenshot
from support.desk import desk_registry
from support.endpoint import LiveEndpoint, Physician, running_endpoint

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Document
from fitnote_desktop.domain.reference import full_hash, url_token
from fitnote_desktop.endpoint.texts import page_text


@dataclass
class Story:
    endpoint: LiveEndpoint
    gp: Physician
    document: Document


@pytest.fixture(scope="module")
def story(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Story]:
    url = f"sqlite:///{tmp_path_factory.mktemp('desk-browser') / 'endpoint.sqlite3'}"
    with running_endpoint(demo_pki, db_url=url, registry=desk_registry(), demo=True) as ep:
        gp = Physician.from_pki(demo_pki, "gp")
        document = samples.incapacity(id=str(uuid.uuid4()))
        ep.client(gp).submit(*gp.sign(document))
        yield Story(ep, gp, document)


@pytest.fixture(scope="module")
def browser(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(demo_pki.tls_cert, tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def _main(driver: Any) -> str:
    return str(driver.find_element(By.TAG_NAME, "main").text)


def _submit(driver: Any, css: str) -> None:
    """Click a form's submit button and wait for the answer page (a loaded machine is slow)."""
    click_to_next_page(driver, driver.find_element(By.CSS_SELECTOR, css))


def _checked(driver: Any, name: str) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on this page; then a screenshot."""
    assert axe_violations(driver) == [], name
    screenshot(driver, name)


def _in_both_languages(driver: Any, name: str) -> None:
    """The current page checked in nl, then in fr through the language switch."""
    _checked(driver, f"{name}-nl")
    click_to_next_page(driver, driver.find_element(By.LINK_TEXT, "Français"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    _checked(driver, f"{name}-fr")
    click_to_next_page(driver, driver.find_element(By.LINK_TEXT, "Nederlands"))


def _sign_in(driver: Any, story: Story, name: str) -> None:
    driver.get(f"{story.endpoint.url}/desk?lang=nl")
    click_to_next_page(driver, driver.find_element(By.XPATH, f"//button[contains(., '{name}')]"))
    assert driver.current_url.split("?")[0].endswith("/desk/inbox")


def test_ask_and_see_the_treating_physicians_answer(browser: Any, story: Story) -> None:
    browser.get(f"{story.endpoint.url}/desk?lang=nl")
    assert page_text("desk.demo.title", "nl") in _main(browser)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)  # the skip link comes first
    assert browser.switch_to.active_element.text == page_text("site.skip", "nl")
    _in_both_languages(browser, "desk-sign-in")

    _sign_in(browser, story, "Sophie Lambert")
    inbox = _main(browser)
    assert "Émilie Vanderbeke-Dubois" in inbox and "dag " in inbox
    assert browser.find_element(By.CSS_SELECTOR, "table.inbox caption").text
    _in_both_languages(browser, "desk-inbox-advising")

    click_to_next_page(browser, browser.find_element(By.LINK_TEXT, "Émilie Vanderbeke-Dubois"))
    page = _main(browser)
    assert "Lumbago met uitstraling naar het linkerbeen" in page  # the advising dataset
    assert "d430._2" in page

    Select(browser.find_element(By.ID, "question_type")).select_by_value("complete_certificate")
    browser.find_element(By.ID, "body").send_keys(
        "Graag de vermoedelijke werkhervatting aanvullen."
    )
    answer_by = story.endpoint.settings.clock().date() + timedelta(days=7)
    field = browser.find_element(By.ID, "answer_by")
    browser.execute_script("arguments[0].value = arguments[1]", field, answer_by.isoformat())
    _submit(browser, "form.ask button[type=submit]")
    page = _main(browser)
    assert "Vraag om het getuigschrift aan te vullen" in page
    assert page_text("desk.qstate.open", "nl") in page
    assert answer_by.strftime("%d/%m/%Y") in page

    client = story.endpoint.client(story.gp)  # the desktop app's transport client
    (question,) = [q for q in client.questions() if q["document_id"] == str(story.document.id)]
    client.answer_question(question["id"], "Werkhervatting vermoedelijk op 30/11/2026.")
    browser.refresh()
    page = _main(browser)
    assert "Werkhervatting vermoedelijk op 30/11/2026." in page
    assert page_text("desk.qstate.answered", "nl") in page
    _in_both_languages(browser, "desk-document-advising")


def test_the_occupational_physician_sees_no_diagnosis_and_notes_a_contact(
    browser: Any, story: Story
) -> None:
    browser.get(f"{story.endpoint.url}/desk/inbox?lang=nl")
    sign_out = browser.find_elements(By.XPATH, "//button[contains(., 'Afmelden')]")
    if sign_out:
        click_to_next_page(browser, sign_out[0])
    _sign_in(browser, story, "Pieter Claes")
    _in_both_languages(browser, "desk-inbox-occupational")
    click_to_next_page(browser, browser.find_element(By.LINK_TEXT, "Émilie Vanderbeke-Dubois"))
    whole = str(browser.find_element(By.TAG_NAME, "body").text)
    source = str(browser.page_source)
    for medical in ("Lumbago", "L86", "linkerbeen", "Diagnose"):
        assert medical not in whole and medical not in source, medical
    assert "Kan tot 5 kg heffen en dragen." in whole

    Select(browser.find_element(By.ID, "moment")).select_by_value("month1")
    browser.find_element(By.ID, "reachable-yes").click()
    browser.find_element(By.ID, "adapted-yes").click()
    browser.find_element(By.ID, "next_step").send_keys("Werkpostbezoek met de werkgever plannen.")
    _submit(browser, "form.note-form button[type=submit]")
    assert "Werkpostbezoek met de werkgever plannen." in _main(browser)
    _in_both_languages(browser, "desk-document-occupational")


def test_refusals_and_the_verification_page_pass_axe(browser: Any, story: Story) -> None:
    browser.get(f"{story.endpoint.url}/desk/documents/{uuid.uuid4()}?lang=nl")
    assert page_text("desk.error.not_found", "nl") in _main(browser)
    _in_both_languages(browser, "desk-not-found")
    doc = story.document
    browser.get(f"{story.endpoint.url}/verify/{url_token(doc.id, full_hash(doc)[:8])}?lang=nl")
    assert page_text("status.valid", "nl") in _main(browser)
    _in_both_languages(browser, "verify-valid")
    browser.get(f"{story.endpoint.url}/verify?lang=nl")
    _in_both_languages(browser, "verify-form")


def test_axe_does_report_a_violation_when_there_is_one(browser: Any, story: Story) -> None:
    """The zero above is axe's verdict, not a silent no-op: a planted image without a
    text alternative and an unlabelled field are reported."""
    browser.get(f"{story.endpoint.url}/verify?lang=nl")
    browser.execute_script(
        "const main = document.querySelector('main');"
        "main.appendChild(document.createElement('img'));"
        "main.appendChild(document.createElement('input'));"
    )
    rules = {v.split(":")[0] for v in axe_violations(browser)}
    assert {"image-alt", "label"} <= rules
