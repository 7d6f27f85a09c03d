"""Use cases on the real encrypted store (fake signature): signing, replacement, carry-over."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import Consent, Diagnosis, DocumentKind, Period
from fitnote_desktop.services import ServiceError, Services

TODAY = date(2026, 11, 23)


def ready(services: Services, patient_id: str, *, consent: bool = True):
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient_id)
    doc = rec.document
    doc = replace(
        doc,
        body=replace(
            doc.body,
            period=Period(TODAY, TODAY + timedelta(days=6)),
            diagnoses=(Diagnosis("Griep"),),
            expected_return=TODAY + timedelta(days=7),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY) if consent else doc.consent,
    )
    return services.drafts.save(patient_id, doc)


def test_sign_queues_offline_and_freezes(services):
    p = services.patients.save(samples.patient())
    rec = ready(services, p.id)
    signed = services.sending.sign_and_send(rec.id, lambda _purpose: "1234")
    assert signed.status is DocumentStatus.QUEUED
    state = services.outbox.connection()
    assert state.queued == 1 and not state.online and state.detail == "transport.not_configured"
    with pytest.raises(ServiceError) as err:
        services.drafts.save(p.id, signed.document)
    assert err.value.code == "store.document_signed"


def test_errors_block_signing_and_keep_the_draft(services):
    p = services.patients.save(samples.patient())
    rec = ready(services, p.id, consent=False)
    with pytest.raises(ServiceError) as err:
        services.sending.sign_and_send(rec.id, lambda _p: "1234")
    assert err.value.code == "document.has_errors"
    assert services.drafts.get(rec.id).status is DocumentStatus.DRAFT


def test_cancelled_pin_keeps_the_draft(services):
    from fitnote_desktop.signing.errors import SigningError

    class Cancelling:
        def sign(self, data, pin):
            raise SigningError("signing.cancelled")

    services.sending.signer = Cancelling()
    p = services.patients.save(samples.patient())
    rec = ready(services, p.id)
    with pytest.raises(ServiceError) as err:
        services.sending.sign_and_send(rec.id, lambda _p: None)
    assert err.value.code == "signing.cancelled"
    assert services.drafts.get(rec.id).status is DocumentStatus.DRAFT


def deliver(outbox, document_id: str) -> None:
    """What the outbox worker records when the endpoint accepts (no endpoint here)."""
    (item,) = [i for i in outbox.list() if str(i.document_id) == document_id]
    outbox.mark_sending(item.id)
    outbox.mark_result(item.id, "accepted")


def test_a_queued_document_is_not_replaced_before_delivery(services):
    """Still in the outbox: the lifecycle offers no replacement yet; it stays queued."""
    p = services.patients.save(samples.patient())
    original = services.sending.sign_and_send(ready(services, p.id).id, lambda _p: "1")
    with pytest.raises(ServiceError) as err:
        services.follow_ups.replace(original.id)
    assert err.value.code == "lifecycle.not_allowed"
    assert services.drafts.get(original.id).status is DocumentStatus.QUEUED


def test_replacement_marks_the_original(services, store_profile):
    p = services.patients.save(samples.patient())
    original = services.sending.sign_and_send(ready(services, p.id).id, lambda _p: "1")
    deliver(store_profile.outbox, original.id)
    repl = services.follow_ups.replace(original.id)
    assert repl.document.replaces == original.id
    offer = services.drafts.consent_offer(p.id)
    services.drafts.record_consent(repl.id, offer.consent)  # consent is asked again
    services.sending.sign_and_send(repl.id, lambda _p: "1")
    old = services.drafts.get(original.id)
    assert old.status is DocumentStatus.REPLACED and old.replaced_by == repl.id


def test_new_certificate_carries_the_job_and_only_offers_the_consent(services):
    """Rule 10: consent is given per document; the last one is offered, never copied."""
    p = services.patients.save(samples.patient())
    first = ready(services, p.id)
    doc = replace(first.document, employment=samples.incapacity().employment)
    services.drafts.save(p.id, doc)
    services.sending.sign_and_send(first.id, lambda _p: "1")
    nxt = services.drafts.new(DocumentKind.INCAPACITY, p.id)
    assert nxt.document.employment.job_title == "Magazijnier"
    assert nxt.document.consent == Consent()
    offer = services.drafts.consent_offer(p.id)
    assert offer.given_on == TODAY
    assert offer.consent.reference == "CONSENT-2026-0042" and offer.consent.recorded_at is None
    before = datetime.now(UTC)
    confirmed = services.drafts.record_consent(nxt.id, offer.consent)
    recorded = confirmed.document.consent.recorded_at
    assert confirmed.document.consent.electronic_sending
    assert recorded is not None and recorded >= before  # recorded anew, as of now


def test_no_consent_is_offered_from_a_draft(services):
    p = services.patients.save(samples.patient())
    ready(services, p.id)  # has a consent, but is not signed
    assert services.drafts.consent_offer(p.id) is None


def test_consent_is_not_recorded_on_a_signed_document(services):
    p = services.patients.save(samples.patient())
    signed = services.sending.sign_and_send(ready(services, p.id).id, lambda _p: "1")
    with pytest.raises(ServiceError) as err:
        services.drafts.record_consent(signed.id, samples.consent(TODAY))
    assert err.value.code == "store.document_signed"


def test_invalid_niss_is_refused_with_its_code(services):
    with pytest.raises(ServiceError) as err:
        services.patients.save(replace(samples.patient(), niss="85073003228"))
    assert err.value.code == "niss.checksum"


def test_external_prolongation_needs_consent_to_fetch(services):
    p = services.patients.save(samples.patient())
    with pytest.raises(ServiceError) as err:
        services.follow_ups.prolong_external(
            p.id, reference="abc", previous_begin=None, previous_end=None, fetch=True
        )
    assert err.value.code == "external.consent_missing"
    offline = services.follow_ups.prolong_external(
        p.id,
        reference="abc",
        previous_begin=TODAY - timedelta(days=7),
        previous_end=TODAY - timedelta(days=1),
        fetch=False,
    )
    assert offline.document.period.begin == TODAY


def test_the_status_poll_reads_the_outbox_without_reading_documents(
    services: Services, store_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The main window compares the outbox's statuses every two seconds: they are the
    outbox view's entries (same items, same order, same statuses and times), read without
    fetching or decoding any signed document (that cost about 1 ms per item)."""
    p = services.patients.save(samples.patient())
    q = services.patients.save(replace(samples.patient(), niss="85073003328", given_name="Jan"))
    first = services.sending.sign_and_send(ready(services, p.id).id, lambda _p: "1")
    second = services.sending.sign_and_send(ready(services, q.id).id, lambda _p: "1")
    deliver(store_profile.outbox, first.id)
    entries = [(e.document_id, e.status.value, e.updated_at) for e in services.outbox.entries()]
    assert {e[0] for e in entries} == {first.id, second.id}

    def no_document_read(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the status poll read a document")

    monkeypatch.setattr(store_profile.documents, "get", no_document_read)
    assert list(services.outbox.statuses()) == entries
    with pytest.raises(ServiceError):  # the view's entries do read them
        services.outbox.entries()
