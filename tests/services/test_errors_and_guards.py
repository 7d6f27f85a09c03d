"""Every use case answers with a ServiceError carrying a code, and asks the lifecycle first.

A wrong id, a store refusal or a lifecycle refusal must never reach the UI as a store
exception: the UI has one ``except ServiceError`` and shows ``code`` translated.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import Diagnosis, DocumentKind, Period, Recipient
from fitnote_desktop.services import ServiceError
from fitnote_desktop.services.errors import translating

TODAY = date(2026, 11, 23)
UNKNOWN = str(uuid.uuid4())


def signed(services, patient_id: str, *, electronic: bool = True):
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient_id)
    doc = replace(
        rec.document,
        body=replace(
            rec.document.body,
            period=Period(TODAY, TODAY + timedelta(days=6)),
            diagnoses=(Diagnosis("Griep"),),
            expected_return=TODAY + timedelta(days=7),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY),
    )
    if not electronic:
        doc = replace(doc, recipients=(Recipient.EMPLOYER, Recipient.PATIENT))
    services.drafts.save(patient_id, doc)
    return services.sending.sign_and_send(rec.id, lambda _p: "1")


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.drafts.new(DocumentKind.INCAPACITY, UNKNOWN),
        lambda s: s.drafts.new(DocumentKind.INCAPACITY, "not-an-id"),
        lambda s: s.drafts.delete(UNKNOWN),
        lambda s: s.drafts.get(UNKNOWN),
        lambda s: s.follow_ups.prolong(UNKNOWN),
        lambda s: s.follow_ups.relapse(UNKNOWN),
        lambda s: s.follow_ups.replace(UNKNOWN),
        lambda s: s.follow_ups.duplicate(UNKNOWN),
        lambda s: s.sending.sign_and_send(UNKNOWN, lambda _p: "1"),
        lambda s: s.sending.retract(UNKNOWN, lambda _p: "1"),
        lambda s: s.copies.render(UNKNOWN, samples.incapacity().recipients[0], "nl"),
        lambda s: s.patients.get(UNKNOWN),
    ],
)
def test_a_wrong_id_is_a_service_error_not_a_store_exception(services, call) -> None:
    with pytest.raises(ServiceError) as err:
        call(services)
    assert err.value.code.startswith("store.")


def test_signing_twice_is_refused_before_the_signer_is_asked(services, patient) -> None:
    rec = signed(services, patient.id)
    asked_before = len(services.sending.signer.pins)
    with pytest.raises(ServiceError) as err:
        services.sending.sign_and_send(rec.id, lambda _p: "1")
    assert err.value.code == "document.already_signed"
    assert len(services.sending.signer.pins) == asked_before


def test_a_signed_document_is_not_deleted(services, patient) -> None:
    rec = signed(services, patient.id)
    with pytest.raises(ServiceError) as err:
        services.drafts.delete(rec.id)
    assert err.value.code == "store.document_signed"
    assert services.drafts.get(rec.id).status is DocumentStatus.QUEUED


def test_a_draft_is_deleted(services, patient) -> None:
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    services.drafts.delete(rec.id)
    assert services.drafts.for_patient(patient.id) == []


def test_a_draft_is_neither_retracted_nor_prolonged(services, patient) -> None:
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    with pytest.raises(ServiceError) as err:
        services.sending.retract(rec.id, lambda _p: "1")
    assert err.value.code == "lifecycle.retract_not_sent"
    with pytest.raises(ServiceError) as err:
        services.follow_ups.prolong(rec.id)
    assert err.value.code == "lifecycle.not_a_certificate"


def test_a_fit_note_is_not_prolonged(services, patient) -> None:
    rec = services.drafts.new(DocumentKind.FIT_NOTE, patient.id)
    with pytest.raises(ServiceError) as err:
        services.follow_ups.relapse(rec.id)
    assert err.value.code == "lifecycle.not_a_certificate"


def test_a_paper_only_document_is_retracted_locally(services, patient) -> None:
    rec = signed(services, patient.id, electronic=False)
    assert rec.status is DocumentStatus.SIGNED
    out = services.sending.retract(rec.id, lambda _p: "1")
    assert out.status is DocumentStatus.RETRACTED
    with pytest.raises(ServiceError) as err:  # retracted: nothing left to retract
        services.sending.retract(rec.id, lambda _p: "1")
    assert err.value.code == "lifecycle.retract_not_sent"


def test_messaging_without_an_endpoint_says_so(services) -> None:
    with pytest.raises(ServiceError) as err:
        services.messaging.inbox()
    assert err.value.code == "transport.not_configured"


def test_translating_keeps_the_lower_code_and_chains_the_original() -> None:
    class StoreLike(Exception):
        code = "store.disk_full"

    with pytest.raises(ServiceError) as err, translating("store.error"):
        raise StoreLike("detail with no place in the UI")
    assert err.value.code == "store.disk_full"
    assert isinstance(err.value.__cause__, StoreLike)
    with pytest.raises(ServiceError) as err, translating("store.error"):
        raise OSError("no code")
    assert err.value.code == "store.error"
