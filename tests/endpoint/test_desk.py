"""The web desk over the endpoint's real TLS, read with httpx as a browser would.

Sign-in (demo list, eID client certificate), cookie sessions and CSRF, the registry's
assignment (another physician's patient is 404), each role's dataset (the occupational
physician's page carries no diagnosis), questions with deadlines, contact notes, escaping
and the logs. The same pages in a real Chromium: ``test_desk_browser.py``.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import ssl
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from support.desk import (
    OTHER_ADVISING,
    OTHER_OCCUPATIONAL,
    DeskBrowser,
    csrf_token,
    desk_registry,
    visible_text,
)
from support.endpoint import (
    EndpointProcess,
    LiveEndpoint,
    MutableClock,
    Physician,
    free_port,
    running_endpoint,
)

from fitnote_desktop.demo import DEMO_ADVISING, DEMO_OCCUPATIONAL, DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.messages import message
from fitnote_desktop.domain.model import Document
from fitnote_desktop.endpoint import db, questions, tables
from fitnote_desktop.endpoint.desk import csrf, notes, sessions
from fitnote_desktop.endpoint.desk.sessions import COOKIE, DeskSession
from fitnote_desktop.endpoint.purge import purge
from fitnote_desktop.endpoint.settings import RegistryEntry, load_registry
from fitnote_desktop.endpoint.texts import page_text


@dataclass
class Desk:
    endpoint: LiveEndpoint
    clock: MutableClock
    document: Document
    sessions: sa.orm.sessionmaker[sa.orm.Session]

    def doc_path(self) -> str:
        return f"/desk/documents/{self.document.id}"


@pytest.fixture(scope="module")
def desk(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    url = f"sqlite:///{tmp_path_factory.mktemp('desk') / 'endpoint.sqlite3'}"
    clock = MutableClock()
    with running_endpoint(
        demo_pki, db_url=url, clock=clock, registry=desk_registry(), demo=True
    ) as ep:
        gp = Physician.from_pki(demo_pki, "gp")
        document = samples.incapacity(id=str(uuid.uuid4()))
        ep.client(gp).submit(*gp.sign(document))
        engine = db.make_engine(url)
        try:
            yield Desk(ep, clock, document, db.session_factory(engine))
        finally:
            engine.dispose()


def _signed_in(desk: Desk, who: object = DEMO_OCCUPATIONAL, lang: str = "nl") -> DeskBrowser:
    browser = DeskBrowser.open(desk.endpoint)
    answer = browser.sign_in(who, lang)  # type: ignore[arg-type]
    assert answer.status_code == 200 and answer.url.path == "/desk/inbox"
    return browser


def test_demo_sign_in_lists_the_desk_physicians_and_says_so(desk: Desk) -> None:
    page = DeskBrowser.open(desk.endpoint).get("/desk", "fr")
    assert page.url.path == "/desk/sign-in"
    text = visible_text(page.text)
    assert page_text("desk.demo.title", "fr") in text
    assert "Sophie Lambert, médecin-conseil" in text and "Pieter Claes, médecin du travail" in text
    assert "An Peeters" not in text  # treating physicians do not sign in at the desk


def test_without_demo_nor_eid_the_sign_in_says_it_is_not_set_up(
    demo_pki: DemoPki, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"
    with running_endpoint(demo_pki, db_url=url, registry=desk_registry()) as ep:
        browser = DeskBrowser.open(ep)
        text = visible_text(browser.get("/desk/sign-in").text)
        assert page_text("desk.sign_in.unavailable", "nl") in text and "Sophie" not in text
        token = browser.http.cookies[csrf.PRE_SESSION_COOKIE]  # a valid form, made by hand
        answer = browser.http.post(
            "/desk/sign-in", data={"csrf": token, "riziv": DEMO_ADVISING.riziv}
        )
        assert answer.status_code == 403


def test_the_session_cookie_is_secure_httponly_strict_and_stored_as_a_hash(desk: Desk) -> None:
    browser = DeskBrowser.open(desk.endpoint)
    page = browser.http.get("/desk/sign-in")
    answer = browser.http.post(
        "/desk/sign-in",
        data={"csrf": csrf_token(page.text), "riziv": DEMO_ADVISING.riziv},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    header = next(h for h in answer.headers.get_list("set-cookie") if h.startswith(COOKIE))
    flags = {part.strip().lower() for part in header.split(";")}
    assert {"secure", "httponly", "samesite=strict", "path=/"} <= flags
    assert any(f.startswith("max-age=") for f in flags)
    token = answer.cookies[COOKIE]
    with desk.sessions() as dbs:
        stored = dbs.execute(sa.select(DeskSession.token_sha256)).scalars().all()
    assert hashlib.sha256(token.encode()).hexdigest() in stored and token not in stored


def test_the_occupational_physician_reads_capacities_and_never_a_diagnosis(desk: Desk) -> None:
    browser = _signed_in(desk, DEMO_OCCUPATIONAL, "fr")
    inbox = visible_text(browser.get("/desk/inbox", "fr").text)
    assert "Émilie Vanderbeke-Dubois" in inbox and "jour " in inbox
    page = browser.get(desk.doc_path(), "fr").text
    for medical in ("Lumbago", "L86", "ICPC", "Diagnostic", "Diagnose", "linkerbeen"):
        assert medical not in page, medical
    text = visible_text(page)
    assert "d430._2" in text and "Soulever et porter des objets" in text
    assert "Kan tot 5 kg heffen en dragen." in text  # the physician's own words
    assert "Contact avec le médecin du travail (1 mois)" in text  # the episode's timeline


def test_the_advising_physician_reads_the_diagnosis(desk: Desk) -> None:
    page = _signed_in(desk, DEMO_ADVISING).get(desk.doc_path()).text
    assert "Lumbago met uitstraling naar het linkerbeen" in visible_text(page)


def test_another_physicians_patient_by_url_is_404(desk: Desk) -> None:
    for other in (OTHER_ADVISING, OTHER_OCCUPATIONAL):
        browser = _signed_in(desk, other)
        assert "Vanderbeke" not in browser.get("/desk/inbox").text
        answer = browser.get(desk.doc_path())
        assert answer.status_code == 404
        assert "Vanderbeke" not in answer.text
        form = browser.get("/desk/inbox").text
        ask = browser.http.post(
            f"{desk.doc_path()}/questions",
            data={
                "csrf": csrf_token(form),
                "question_type": "other",
                "body": "?",
                "answer_by": "2030-01-01",
            },
        )
        assert ask.status_code == 404
    mine = _signed_in(desk)
    assert mine.get(f"/desk/documents/{uuid.uuid4()}").status_code == 404


def test_a_form_without_its_csrf_token_is_refused(desk: Desk) -> None:
    browser = _signed_in(desk)
    action = f"{desk.doc_path()}/questions"
    question = {"question_type": "other", "body": "Zonder token", "answer_by": "2030-01-01"}
    assert browser.http.post(action, data=question).status_code == 403
    assert browser.http.post(action, data={**question, "csrf": "0" * 64}).status_code == 403
    assert browser.http.post(f"{desk.doc_path()}/notes", data={}).status_code == 403
    assert browser.http.post("/desk/sign-out", data={}).status_code == 403
    fresh = DeskBrowser.open(desk.endpoint)
    signin = fresh.http.post("/desk/sign-in", data={"riziv": DEMO_ADVISING.riziv})
    assert signin.status_code == 403
    with desk.sessions() as dbs:
        stored = questions.questions_for_document(dbs, str(desk.document.id))
    assert all(q.body != "Zonder token" for q in stored)


def test_a_session_cookie_replayed_after_sign_out_is_refused(desk: Desk) -> None:
    browser = _signed_in(desk)
    cookie = browser.http.cookies[COOKIE]
    inbox = browser.get("/desk/inbox").text
    out = browser.http.post("/desk/sign-out", data={"csrf": csrf_token(inbox)})
    assert out.url.path == "/desk/sign-in"
    replay = httpx.Client(
        base_url=desk.endpoint.url,
        verify=ssl.create_default_context(cafile=str(desk.endpoint.ca_pem)),
        cookies={COOKIE: cookie},
    )
    with replay:
        page = replay.get("/desk/inbox")
        assert page.status_code == 303 and page.headers["location"].startswith("/desk/sign-in")
        assert replay.get(desk.doc_path()).status_code == 303
        post = replay.post(
            f"{desk.doc_path()}/questions", data={"csrf": csrf_token(inbox), "body": "x"}
        )
        assert post.status_code == 403


def test_a_question_with_a_deadline_its_answer_and_overdue_in_text(desk: Desk) -> None:
    browser = _signed_in(desk, DEMO_ADVISING)
    today = desk.clock().date()
    asked = browser.post_form(
        desk.doc_path(),
        f"{desk.doc_path()}/questions?lang=nl",
        {
            "question_type": "work_capacity",
            "body": "Kan zij halftijds starten?",
            "answer_by": (today + timedelta(days=3)).isoformat(),
        },
    )
    assert asked.status_code == 200 and asked.url.path == desk.doc_path()
    text = visible_text(asked.text)
    assert "Vraag over de arbeidsgeschiktheid" in text and "nog niet beantwoord" in text
    assert "1 open" in visible_text(browser.get("/desk/inbox").text)

    with desk.sessions() as dbs, dbs.begin():
        (q,) = [
            x
            for x in questions.questions_for_document(dbs, str(desk.document.id))
            if x.body == "Kan zij halftijds starten?"
        ]
        questions.answer(
            dbs,
            q.id,
            by_riziv=desk.document.author.riziv,
            body="Ja, vanaf maandag halftijds.",
            cannot_complete=False,
            replacement_document_id=None,
            now=desk.clock(),
        )
    text = visible_text(browser.get(desk.doc_path()).text)
    assert "Ja, vanaf maandag halftijds." in text and "beantwoord" in text
    # the occupational physician does not read the advising physician's exchange
    occupational = visible_text(_signed_in(desk, DEMO_OCCUPATIONAL).get(desk.doc_path()).text)
    assert "halftijds" not in occupational

    browser.post_form(
        desk.doc_path(),
        f"{desk.doc_path()}/questions?lang=nl",
        {
            "question_type": "contact",
            "body": "Graag telefonisch contact.",
            "answer_by": (today + timedelta(days=1)).isoformat(),
        },
    )
    assert page_text("desk.question.overdue", "nl") not in browser.get(desk.doc_path()).text
    desk.clock.advance(days=3)
    try:
        assert browser.get("/desk/inbox").url.path == "/desk/sign-in"  # the session expired
        browser = _signed_in(desk, DEMO_ADVISING)
        assert page_text("desk.question.overdue", "nl") in visible_text(
            browser.get(desk.doc_path()).text
        )
        assert "1 over tijd" in visible_text(browser.get("/desk/inbox").text)
    finally:
        desk.clock.advance(days=-3)


def test_a_past_deadline_is_refused_with_its_message(desk: Desk) -> None:
    browser = _signed_in(desk, DEMO_ADVISING, "fr")
    answer = browser.post_form(
        f"{desk.doc_path()}?lang=fr",
        f"{desk.doc_path()}/questions?lang=fr",
        {
            "question_type": "other",
            "body": "Trop tard",
            "answer_by": (desk.clock().date() - timedelta(days=1)).isoformat(),
        },
    )
    assert answer.status_code == 400
    assert message("question.deadline_past", "fr") in visible_text(answer.text)
    # the language switch on that page opens the form's address: back to the document
    switched = browser.get(f"{desk.doc_path()}/questions", "nl")
    assert switched.url.path == desk.doc_path() and '<html lang="nl">' in switched.text


def test_html_in_a_question_is_escaped(desk: Desk) -> None:
    browser = _signed_in(desk, DEMO_ADVISING)
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    answer = browser.post_form(
        desk.doc_path(),
        f"{desk.doc_path()}/questions",
        {
            "question_type": "other",
            "body": attack,
            "answer_by": (desk.clock().date() + timedelta(days=5)).isoformat(),
        },
    )
    assert "<script>alert" not in answer.text and "<img src=x" not in answer.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in answer.text


def test_contact_notes_written_by_the_occupational_physician_read_by_the_advising(
    desk: Desk,
) -> None:
    occupational = _signed_in(desk, DEMO_OCCUPATIONAL)
    saved = occupational.post_form(
        desk.doc_path(),
        f"{desk.doc_path()}/notes",
        {
            "moment": "month1",
            "reachable": "yes",
            "adapted_work": "no",
            "next_step": "Nieuw gesprek na de herevaluatie <b>",
        },
    )
    assert saved.status_code == 200
    advising = _signed_in(desk, DEMO_ADVISING)
    text = visible_text(advising.get(desk.doc_path()).text)
    assert "Contact na 1 maand" in text and "Nieuw gesprek na de herevaluatie <b>" in text
    refused = advising.post_form(
        desk.doc_path(),
        f"{desk.doc_path()}/notes",
        {"moment": "week8", "reachable": "yes", "adapted_work": "yes"},
    )
    assert refused.status_code == 403
    assert "/notes" not in str(desk.endpoint.http().get("/openapi.json").json()["paths"])


def test_no_niss_or_name_in_the_logs(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    browser = _signed_in(desk, DEMO_ADVISING)
    browser.get(desk.doc_path())
    browser.get("/desk/inbox")
    browser.get(f"/desk/documents/{uuid.uuid4()}")
    browser.post_form(
        desk.doc_path(),
        f"{desk.doc_path()}/questions",
        {"question_type": "other", "body": "Vanderbeke 85073003229", "answer_by": "nope"},
    )
    logged = caplog.text + " ".join(str(r.args) for r in caplog.records)
    patient = desk.document.patient
    for secret in (
        patient.niss,
        patient.family_name,
        DEMO_ADVISING.family_name,
        DEMO_ADVISING.niss,
        "Lumbago",
    ):
        assert secret not in logged


# ---------------------------------------------------------------------- eID sign-in


def _client_pem(pki: DemoPki, key: str, folder: Path) -> tuple[str, str]:
    creds = pki.physician(key)
    private_key, certificate, _ = pkcs12.load_key_and_certificates(
        creds.authentication_p12.read_bytes(), DEMO_PASSWORD.encode()
    )
    assert private_key is not None and certificate is not None
    cert_path, key_path = folder / f"{key}-auth.pem", folder / f"{key}-auth-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


def test_sign_in_with_the_eid_authentication_certificate(demo_pki: DemoPki, tmp_path: Path) -> None:
    """A deployment: the HTTPS port asks for a client certificate; the specialist's demo
    eID is registered as an advising physician here, the GP's as a treating physician."""
    client_ca = tmp_path / "client-ca.pem"
    client_ca.write_bytes(demo_pki.root_ca_pem.read_bytes() + demo_pki.citizen_ca_pem.read_bytes())
    specialist = Physician.from_pki(demo_pki, "specialist")
    registry = (
        *desk_registry()[:1],
        RegistryEntry(
            specialist.niss, specialist.riziv, "Marc", "Dubois", "advising", postal_codes=("9",)
        ),
    )
    url = f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"
    with running_endpoint(demo_pki, db_url=url, registry=registry, client_ca=client_ca) as ep:
        gp = Physician.from_pki(demo_pki, "gp")
        document = samples.incapacity(id=str(uuid.uuid4()))
        ep.client(gp).submit(*gp.sign(document))
        verify = ssl.create_default_context(cafile=str(ep.ca_pem))

        def signed_in_as(cert: tuple[str, str] | None) -> httpx.Response:
            context = ssl.create_default_context(cafile=str(ep.ca_pem))
            if cert is not None:
                context.load_cert_chain(*cert)
            with httpx.Client(base_url=ep.url, verify=context, follow_redirects=True) as http:
                page = http.get("/desk/sign-in")
                assert "Demonstratie" not in page.text  # no demo list in a deployment
                answer = http.post(
                    "/desk/sign-in",
                    data={"csrf": csrf_token(page.text), "riziv": specialist.riziv},
                )
                if answer.status_code == 200:
                    answer = http.get(f"/desk/documents/{document.id}")
                return answer

        assert (
            signed_in_as(None).status_code == 403
        )  # no certificate: the riziv field counts for nothing
        assert signed_in_as(_client_pem(demo_pki, "gp", tmp_path)).status_code == 403  # treating
        page = signed_in_as(_client_pem(demo_pki, "specialist", tmp_path))
        assert page.status_code == 200 and "Lumbago" in page.text
        with httpx.Client(base_url=ep.url, verify=verify) as api:  # the API needs no certificate
            assert api.get("/v1/health").status_code == 200


def test_the_inbox_filters(desk: Desk) -> None:
    browser = _signed_in(desk, DEMO_OCCUPATIONAL)

    def listed(**params: str) -> bool:
        answer = browser.http.get("/desk/inbox", params={"lang": "nl", **params})
        return "Vanderbeke" in answer.text

    assert listed(kind="incapacity") and not listed(kind="fit-note")
    assert listed(fit="fit-adapted") and not listed(fit="not-fit") and not listed(fit="none")
    assert not listed(open="1")  # the occupational physician has asked nothing yet
    assert listed(kind="<nonsense>")  # an unknown value means "all"


def test_the_registry_file_carries_the_caseload(tmp_path: Path) -> None:
    path = tmp_path / "registry.json"
    path.write_text(
        '[{"niss": "69081510181", "riziv": "18765441000", "role": "occupational",'
        ' "employers": ["Logistiek Noord NV"]},'
        ' {"niss": "78041210141", "riziv": "17654394000", "role": "advising",'
        ' "postal_codes": ["9", "1"]}]',
        encoding="utf-8",
    )
    occupational, advising = load_registry(path)
    assert occupational.employers == ("Logistiek Noord NV",) and occupational.postal_codes == ()
    assert advising.postal_codes == ("9", "1")


def test_purge_takes_old_contact_notes_and_desk_sessions(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'purge.sqlite3'}")
    tables.create_schema(engine)
    old = datetime(2024, 1, 1, tzinfo=UTC)
    with db.session_factory(engine)() as dbs, dbs.begin():
        dbs.add(db.Dossier(id="d1", patient_key="k" * 64, created_at=old))
        dbs.flush()
        notes.add(
            dbs,
            dossier_id="d1",
            document_id=str(uuid.uuid4()),
            author_riziv=DEMO_OCCUPATIONAL.riziv,
            note=notes.NewNote("month1", True, False, "x"),
            now=old,
        )
        sessions.open_session(dbs, DEMO_ADVISING.riziv, "advising", old)
    report = purge(engine, datetime(2025, 1, 1, tzinfo=UTC))
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(notes.ContactNote)).scalar() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(DeskSession)).scalar() == 0
    assert report.dossiers == 1
    engine.dispose()


def test_fitnote_endpoint_demo_prints_the_desk_url(tmp_path: Path) -> None:
    process = EndpointProcess(tmp_path, free_port())
    process.start()
    try:
        deadline = time.monotonic() + 20
        assert process.log_path is not None
        while "/desk" not in process.log_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert f"https://127.0.0.1:{process.port}/desk" in process.log_path.read_text()
    finally:
        process.stop()


def _changes_line(page: str) -> str:
    found = re.search(r'<p class="changes" id="changes">(.*?)</p>', page, re.S)
    return html.unescape(found.group(1)) if found else ""


def test_a_prolongation_says_what_changed_within_each_roles_dataset(
    demo_pki: DemoPki, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"
    clock = MutableClock()
    with running_endpoint(
        demo_pki, db_url=url, clock=clock, registry=desk_registry(), demo=True
    ) as ep:
        initial = samples.incapacity(id=str(uuid.uuid4()))
        gp = Physician.from_pki(demo_pki, "gp")
        ep.client(gp).submit(*gp.sign(initial))
        prolongation = samples.prolongation(initial)  # new period and diagnosis, by the specialist
        specialist = Physician.from_pki(demo_pki, "specialist")
        ep.client(specialist).submit(*specialist.sign(prolongation))
        path = f"/desk/documents/{prolongation.id}"
        desk = Desk(ep, clock, prolongation, sa.orm.sessionmaker())

        advising = _changes_line(_signed_in(desk, DEMO_ADVISING).get(path).text)
        assert advising.startswith(f"Wijzigingen sinds {initial.id}")
        assert "periode" in advising and "diagnose" in advising

        occupational = _changes_line(_signed_in(desk, DEMO_OCCUPATIONAL).get(path).text)
        assert occupational.startswith(f"Wijzigingen sinds {initial.id}")
        assert "periode" in occupational and "diagnose" not in occupational

        first = _signed_in(desk, DEMO_ADVISING).get(f"/desk/documents/{initial.id}").text
        assert _changes_line(first) == ""  # an initial certificate follows nothing
