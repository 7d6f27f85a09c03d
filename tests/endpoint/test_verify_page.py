"""The public verification page ``GET /verify/{reference}`` over a real TLS endpoint.

Documents are signed and submitted (and retracted, and replaced) through the real
client, then the page is read as a stranger holding a copy would read it: no login.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import httpx
import pytest
from starlette.types import ASGIApp
from support.endpoint import LiveEndpoint, Physician, running_endpoint

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.documents.labels import format_date
from fitnote_desktop.domain import lifecycle, samples
from fitnote_desktop.domain.identifiers import format_niss
from fitnote_desktop.domain.model import Document
from fitnote_desktop.domain.reference import (
    format_reference,
    full_hash,
    qr_payload_for,
    url_token,
)
from fitnote_desktop.endpoint.ratelimit import RateLimiter
from fitnote_desktop.endpoint.texts import LANGUAGES, catalogue, choose_language, page_text
from fitnote_desktop.transport.client import sign_retraction

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
}


@dataclasses.dataclass
class Site:
    endpoint: LiveEndpoint
    app: ASGIApp
    http: httpx.Client


@pytest.fixture(scope="module")
def site(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """One real endpoint for the module (SQLite); the page is read with plain httpx."""
    apps: list[ASGIApp] = []

    def keep(app: ASGIApp) -> ASGIApp:
        apps.append(app)
        return app

    db = tmp_path_factory.mktemp("verify") / "endpoint.sqlite3"
    with running_endpoint(demo_pki, db_url=f"sqlite:///{db}", wrap=keep) as ep:
        yield Site(ep, apps[0], ep.http())


@pytest.fixture(autouse=True)
def generous_limit(site: Site) -> None:
    """Each test starts with a fresh bucket (the rate-limit test shrinks it)."""
    site.app.state.verify_limiter = RateLimiter(capacity=1000, per_second=100)  # type: ignore[attr-defined]


def _new(**changes: object) -> Document:
    return dataclasses.replace(samples.incapacity(id=str(uuid.uuid4())), **changes)


def _submit(site: Site, who: Physician, doc: Document) -> str:
    """Sign and send ``doc``; its reference as the copy prints it."""
    payload, cms = who.sign(doc)
    site.endpoint.client(who).submit(payload, cms)
    return format_reference(doc.id, full_hash(doc)[:8])


def _path(doc: Document, short: str | None = None) -> str:
    return f"/verify/{url_token(doc.id, short or full_hash(doc)[:8])}"


def _visible(html: str) -> str:
    """The page's text without tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _today_in_belgium() -> str:
    return format_date(datetime.now(ZoneInfo("Europe/Brussels")).date(), "nl")


def test_a_valid_certificate_shows_kind_period_physician_and_nothing_of_the_patient(
    site: Site, gp: Physician
) -> None:
    doc = _new()
    reference = _submit(site, gp, doc)
    r = site.http.get(_path(doc), params={"lang": "nl"})
    assert r.status_code == 200
    page = _visible(r.text)
    assert page_text("status.valid", "nl") in page
    assert page_text("facts.compare", "nl") in page
    assert "Getuigschrift van arbeidsongeschiktheid — Eerste getuigschrift" in page
    assert "van 16/11/2026 tot en met 29/11/2026 (14 dagen)" in page  # as on the copy
    assert f"{doc.author.given_name} {doc.author.family_name}" in page
    assert reference in page
    assert _today_in_belgium() in page  # signed today
    patient = doc.patient
    private = {
        patient.given_name,
        patient.family_name,
        patient.niss,
        format_niss(patient.niss),
        "30/07/1985",  # birth date
        "Kortrijksesteenweg",
        "Magazijnier",
        "Logistiek Noord",
        "CONSENT-2026-0042",
        "EP-6f1c2b1e",
        "L86",
        "Lumbago",
        "d430",
        "tillen",
    }
    assert {s for s in private if s.lower() in r.text.lower()} == set()


def test_the_riziv_is_printed_in_its_usual_form(site: Site, gp: Physician) -> None:
    from fitnote_desktop.domain.identifiers import format_riziv

    doc = _new()
    _submit(site, gp, doc)
    page = _visible(site.http.get(_path(doc), params={"lang": "fr"}).text)
    assert f"{page_text('fact.riziv', 'fr')} {format_riziv(doc.author.riziv)}" in page


def test_the_json_twin_says_the_same_with_codes(site: Site, gp: Physician) -> None:
    doc = _new()
    reference = _submit(site, gp, doc)
    r = site.http.get(_path(doc), headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    data = r.json()
    assert data["status"] == "valid" and data["reference"] == reference
    assert (data["kind"], data["certificate_kind"], data["for_work"]) == (
        "incapacity",
        "initial",
        True,
    )
    assert data["period"] == {"begin": "2026-11-16", "end": "2026-11-29"}
    assert data["physician"]["riziv"] == doc.author.riziv
    assert doc.patient.niss not in r.text and doc.patient.family_name not in r.text


def test_a_forged_hash_and_an_unknown_id_get_the_same_404(site: Site, gp: Physician) -> None:
    """Not an oracle: an existing id with a wrong hash reads exactly like no document."""
    doc = _new()
    _submit(site, gp, doc)
    real = full_hash(doc)[:8]
    forged_hash = "0" * 8 if real != "0" * 8 else "1" * 8
    stranger = _new()  # never sent
    forged = site.http.get(_path(doc, forged_hash), params={"lang": "nl"})
    unknown = site.http.get(_path(stranger, forged_hash), params={"lang": "nl"})
    assert forged.status_code == unknown.status_code == 404
    assert page_text("status.unknown", "nl") in _visible(forged.text)
    assert forged.text.replace(str(doc.id), "ID") == unknown.text.replace(str(stranger.id), "ID")
    as_json = site.http.get(_path(doc, forged_hash), headers={"Accept": "application/json"})
    assert (as_json.status_code, as_json.json()["status"]) == (404, "unknown")
    assert as_json.json()["physician"] == {"name": "", "riziv": ""}


def test_a_retracted_certificate_says_when_and_why(site: Site, gp: Physician) -> None:
    doc = _new()
    _submit(site, gp, doc)
    retraction = sign_retraction(gp.signer, str(doc.id), "patient-request")
    site.endpoint.client(gp).retract(str(doc.id), retraction.payload, retraction.signature)
    for lang in LANGUAGES:
        r = site.http.get(_path(doc), params={"lang": lang})
        assert r.status_code == 200
        page = _visible(r.text)
        assert page_text("status.retracted", lang) in page
        assert page_text("reason.patient-request", lang) in page
        today = datetime.now(ZoneInfo("Europe/Brussels")).date()
        assert f"{page_text('fact.retracted', lang)} {format_date(today, lang)}" in page
    data = site.http.get(_path(doc), headers={"Accept": "application/json"}).json()
    assert (data["status"], data["retraction_reason"]) == ("retracted", "patient-request")


def test_a_replaced_certificate_names_its_replacement(
    site: Site, gp: Physician, specialist: Physician
) -> None:
    original = _new()
    _submit(site, gp, original)
    corrected = dataclasses.replace(
        lifecycle.replacement(original, author=original.author, today=samples.SAMPLE_DAY),
        consent=original.consent,
    )
    corrected_reference = _submit(site, gp, corrected)
    retraction = sign_retraction(gp.signer, str(original.id), "replaced")
    site.endpoint.client(gp).retract(str(original.id), retraction.payload, retraction.signature)

    page = _visible(site.http.get(_path(original), params={"lang": "en"}).text)
    assert page_text("status.replaced", "en") in page
    assert f"{page_text('fact.replaced_by', 'en')} {corrected_reference}" in page
    assert page_text("reason.replaced", "en") in page
    data = site.http.get(_path(original), headers={"Accept": "application/json"}).json()
    assert (data["status"], data["replaced_by"]) == ("replaced", corrected_reference)
    # the corrected certificate itself stands
    assert (
        site.http.get(_path(corrected), headers={"Accept": "application/json"}).json()["status"]
        == "valid"
    )


def test_only_the_author_can_replace_a_certificate(
    site: Site, gp: Physician, specialist: Physician
) -> None:
    """Another physician's document claiming to replace it changes nothing."""
    original = _new()
    _submit(site, gp, original)
    claim = dataclasses.replace(
        original,
        id=uuid.uuid4(),
        author=samples.practitioner(samples.DEMO_SPECIALIST),
        replaces=str(original.id),
    )
    _submit(site, specialist, claim)
    data = site.http.get(_path(original), headers={"Accept": "application/json"}).json()
    assert (data["status"], data["replaced_by"]) == ("valid", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_speaks_the_four_languages(site: Site, gp: Physician, lang: str) -> None:
    doc = _new()
    _submit(site, gp, doc)
    by_query = site.http.get(_path(doc), params={"lang": lang})
    by_browser = site.http.get(_path(doc), headers={"Accept-Language": f"{lang}-BE,xx;q=0.5"})
    for r in (by_query, by_browser):
        assert f'<html lang="{lang}">' in r.text
        assert r.headers["content-language"] == lang
        page = _visible(r.text)
        assert page_text("status.valid", lang) in page
        assert page_text("site.footer", lang) in page
        assert format_date(samples.SAMPLE_DAY, lang) in page


def test_language_choice_query_then_accept_language_then_dutch() -> None:
    assert choose_language("FR", "de") == "fr"
    assert choose_language("xx", "en-GB,en;q=0.9") == "en"
    assert choose_language(None, "es, de;q=0.3, fr;q=0.8") == "fr"
    assert choose_language(None, "fr;q=0, de;q=0.1") == "de"
    assert choose_language(None, "es-ES") == "nl"
    assert choose_language(None, None) == "nl"


def test_every_text_exists_in_the_four_languages() -> None:
    texts = catalogue()
    assert set(texts) == set(LANGUAGES)
    keys = set(texts["en"])
    for lang in LANGUAGES:
        assert set(texts[lang]) == keys, lang
        assert all(v.strip() for v in texts[lang].values()), lang


def test_rate_limited_per_client_with_a_page_in_the_language(site: Site, gp: Physician) -> None:
    doc = _new()
    _submit(site, gp, doc)
    site.app.state.verify_limiter = RateLimiter(capacity=3, per_second=0.01)  # type: ignore[attr-defined]
    statuses = [site.http.get(_path(doc)).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    r = site.http.get(_path(doc), params={"lang": "fr"})
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1
    assert page_text("status.busy", "fr") in _visible(r.text) and '<html lang="fr">' in r.text
    assert doc.author.family_name not in r.text  # nothing about the document
    as_json = site.http.get(_path(doc), headers={"Accept": "application/json"})
    assert (as_json.status_code, as_json.json()) == (429, {"status": "busy"})


def test_the_bucket_is_per_client_and_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(capacity=2, per_second=0.5, clock=lambda: now[0])
    assert [limiter.allow("198.51.100.7") for _ in range(3)] == [True, True, False]
    assert limiter.allow("203.0.113.9")  # another client has its own bucket
    now[0] += 2.0  # one token back
    assert limiter.allow("198.51.100.7") and not limiter.allow("198.51.100.7")


def test_the_bucket_table_stays_bounded() -> None:
    limiter = RateLimiter(capacity=1, per_second=0.0, max_clients=10)
    for n in range(100):
        assert limiter.allow(f"client-{n}")
    assert len(limiter._buckets) <= 10


def test_security_headers_on_every_answer(site: Site, gp: Physician) -> None:
    doc = _new()
    _submit(site, gp, doc)
    answers = [
        site.http.get(_path(doc)),
        site.http.get(_path(doc), headers={"Accept": "application/json"}),
        site.http.get(_path(_new())),  # 404
        site.http.get("/verify/not-a-reference"),  # 400
        site.http.get("/verify"),  # the form
        site.http.get("/static/site.css"),
    ]
    assert [a.status_code for a in answers] == [200, 200, 404, 400, 200, 200]
    for answer in answers:
        for name, value in SECURITY_HEADERS.items():
            assert answer.headers[name] == value, (answer.url, name)
    assert "<script" not in "".join(a.text for a in answers)
    assert answers[0].headers["cache-control"] == "no-store"


def test_a_malformed_reference_is_explained_and_the_form_redirects(site: Site) -> None:
    r = site.http.get("/verify/hello", params={"lang": "de"})
    assert r.status_code == 400
    assert page_text("status.malformed", "de") in _visible(r.text)
    typed = "Ref. 6F1C2B1E-7A3D-4C5E-9B8A-0D1E2F3A4B5C · 3FA2B9C1"
    r = site.http.get("/verify", params={"ref": typed, "lang": "fr"})
    assert r.status_code == 303
    assert r.headers["location"] == (
        "/verify/6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c-3fa2b9c1?lang=fr"
    )
    assert site.http.get("/verify", params={"ref": "<script>"}).status_code == 400


def test_the_qr_code_of_a_signed_copy_leads_to_its_page(site: Site, gp: Physician) -> None:
    doc = _new()
    _submit(site, gp, doc)
    address = qr_payload_for(doc.id, full_hash(doc)[:8], verify_base_url=site.endpoint.url)
    assert address.startswith("https://127.0.0.1:")
    with site.endpoint.http() as http:
        r = http.get(address, headers={"Accept": "application/json"})
    assert (r.status_code, r.json()["status"]) == (200, "valid")


def test_no_login_needed_and_no_cookie_set(site: Site, gp: Physician) -> None:
    doc = _new()
    _submit(site, gp, doc)
    r = site.http.get(_path(doc))
    assert r.status_code == 200 and "set-cookie" not in r.headers


def test_an_unknown_language_falls_back_to_dutch(site: Site, gp: Physician) -> None:
    doc = _new()
    _submit(site, gp, doc)
    r = site.http.get(_path(doc), params={"lang": "x" * 40}, headers={"Accept-Language": "es"})
    assert r.status_code == 200 and '<html lang="nl">' in r.text


def test_replacement_and_retraction_on_both_databases(
    endpoint: LiveEndpoint, gp: Physician
) -> None:
    """The verification query on SQLite and PostgreSQL (the conftest's ``endpoint``)."""
    original = _new()
    client = endpoint.client(gp)
    client.submit(*gp.sign(original))
    corrected = dataclasses.replace(
        lifecycle.replacement(original, author=original.author, today=samples.SAMPLE_DAY),
        consent=original.consent,
    )
    client.submit(*gp.sign(corrected))
    other = _new()
    client.submit(*gp.sign(other))
    retraction = sign_retraction(gp.signer, str(other.id), "other")
    client.retract(str(other.id), retraction.payload, retraction.signature)
    with endpoint.http(headers={"Accept": "application/json"}) as http:
        replaced = http.get(_path(original)).json()
        retracted = http.get(_path(other)).json()
        standing = http.get(_path(corrected)).json()
    assert (replaced["status"], replaced["replaced_by"]) == (
        "replaced",
        format_reference(corrected.id, full_hash(corrected)[:8]),
    )
    assert (retracted["status"], retracted["retraction_reason"]) == ("retracted", "other")
    assert standing["status"] == "valid"
