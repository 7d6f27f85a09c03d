"""Questions use cases on the real stack: the demo profile (SQLCipher store), the embedded
sandbox endpoint over TLS, the PKCS#12 demo keys, the outbox worker. The adviser's side is
written into the endpoint's database with the endpoint's own ``questions.ask``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import questions as adviser

from fitnote_desktop.adapters.signer import DeferredPin
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.wiring.demo import DEMO_PATIENTS, DemoSetup, demo_pin, prepare_demo
from fitnote_desktop.wiring.session import AppSession, open_session

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoSetup]:
    setup = prepare_demo(tmp_path / "demo")
    yield setup
    setup.endpoint.stop()


def _session(demo: DemoSetup) -> AppSession:
    profile = demo.manager.open(demo.profile_id, demo.passphrase)
    return open_session(
        profile, pin=DeferredPin(demo_pin), endpoint=demo.endpoint_config(), demo=True
    )


def _certificate(services: Services) -> str:
    """The demo patient's accepted certificate (seeded by the demo)."""
    patient = services.patients.search(DEMO_PATIENTS[0].niss)[0]
    (record,) = services.drafts.for_patient(patient.id)
    assert record.status is DocumentStatus.ACCEPTED
    return record.id


def test_refresh_caches_questions_and_unread_messages_for_offline_use(demo: DemoSetup) -> None:
    session = _session(demo)
    try:
        doc = _certificate(session.services)
        overdue = adviser.ask(
            demo,
            doc,
            question_type="contact",
            answer_by=date.today() - timedelta(days=1),
            asked_days_ago=5,
        )
        later = adviser.ask(demo, doc, role="occupational", question_type="work_capacity")
        adviser.adviser_message(demo, doc)
        found = session.services.questions.refresh()
        assert [q.id for q in found] == [overdue, later]  # the earliest deadline first
        today = session.services.questions.today()
        assert [q.is_overdue(today) for q in found] == [True, False]
        assert found[1].asked_by_role == "occupational"
    finally:
        session.close()
    demo.endpoint.stop()  # offline from here on: the copy is in the profile store
    session = _session(demo)
    try:
        assert [q.id for q in session.services.questions.for_documents([doc])] == [
            overdue,
            later,
        ]
        from fitnote_desktop.adapters.questions import CachedQuestions

        cache = CachedQuestions(session.profile.questions)
        assert [q.document_id for q in cache.pending_questions()] == [doc, doc]
        assert cache.unread_by_document() == {doc: 1}
        with pytest.raises(ServiceError) as err:
            session.services.questions.refresh()
        assert err.value.code.startswith("transport.")
        assert len(session.services.questions.cached()) == 2  # a failed refresh keeps them
    finally:
        session.close()


def test_answer_and_cannot_complete(demo: DemoSetup) -> None:
    session = _session(demo)
    try:
        questions = session.services.questions
        doc = _certificate(session.services)
        first = adviser.ask(demo, doc, question_type="contact")
        second = adviser.ask(demo, doc, question_type="work_capacity")
        questions.refresh()
        with pytest.raises(ServiceError) as err:
            questions.answer(first, "   ")
        assert err.value.code == "question.body_invalid"
        answered = questions.answer(first, "Ik bel de patiënt morgen.")
        assert answered.state == "answered" and not answered.is_open
        closed = questions.cannot_complete(second, "Patiënt niet meer gezien.")
        assert closed.state == "cannot_complete"
        on_endpoint = adviser.stored(demo, second)
        assert (on_endpoint.state, on_endpoint.answer) == (
            "cannot_complete",
            "Patiënt niet meer gezien.",
        )
        with pytest.raises(ServiceError) as err:
            questions.answer(first, "Nog eens.")
        assert err.value.code == "question.closed"
    finally:
        session.close()


def test_completion_with_a_replacement_survives_a_restart(demo: DemoSetup) -> None:
    session = _session(demo)
    try:
        services = session.services
        original = _certificate(services)
        question = adviser.ask(demo, original)
        services.questions.refresh()
        draft = services.questions.complete_with_replacement(question, "Diagnose aangevuld.")
        assert draft.document.replaces == original
    finally:
        session.close()  # the app is closed before the new certificate is signed

    session = _session(demo)
    try:
        services = session.services
        assert services.questions.pending_completion(question) == draft.id
        services.questions.refresh()  # not accepted yet: nothing posted
        assert adviser.stored(demo, question).state == "open"
        patient = services.patients.search(DEMO_PATIENTS[0].niss)[0]
        offer = services.drafts.consent_offer(patient.id)
        assert offer is not None
        services.drafts.record_consent(draft.id, offer.consent)
        services.sending.sign_and_send(draft.id, demo_pin)
        deadline = time.monotonic() + 30
        while services.drafts.get(draft.id).status is not DocumentStatus.ACCEPTED:
            assert time.monotonic() < deadline, "the replacement was not accepted in time"
            time.sleep(0.2)
        services.questions.refresh()
        on_endpoint = adviser.stored(demo, question)
        assert (on_endpoint.state, on_endpoint.replacement_document_id) == ("answered", draft.id)
        assert services.questions.pending_completion(question) is None
        (cached,) = services.questions.cached()
        assert cached.state == "answered" and cached.replacement_document_id == draft.id
    finally:
        session.close()
