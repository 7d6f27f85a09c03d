"""Use cases of issue 12 on the real store: rules in context, PDF reference, KMEHR files."""

from __future__ import annotations

import hashlib
import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    CertificateKind,
    Diagnosis,
    DocumentKind,
    Period,
    PreviousCertificate,
    Recipient,
)
from fitnote_desktop.domain.reference import make_reference
from fitnote_desktop.services import ServiceError, Services

TODAY = date(2026, 11, 23)


def certificate(services: Services, patient_id: str, begin: date, days: int = 7):
    """A valid draft certificate from ``begin`` for ``days`` days."""
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient_id)
    end = begin + timedelta(days=days - 1)
    doc = replace(
        rec.document,
        body=replace(
            rec.document.body,
            period=Period(begin, end),
            diagnoses=(Diagnosis("Griep"),),
            expected_return=end + timedelta(days=1),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY),
    )
    return services.drafts.save(patient_id, doc)


def sign(services: Services, record):
    return services.sending.sign_and_send(record.id, lambda _p: "1")


def test_an_overlapping_certificate_is_refused_by_its_name(services, patient) -> None:
    first = sign(services, certificate(services, patient.id, TODAY))
    second = certificate(services, patient.id, TODAY + timedelta(days=3))
    with pytest.raises(ServiceError) as err:
        sign(services, second)
    assert err.value.code == "certificate.overlaps"
    assert err.value.params["reference"] == first.id
    assert err.value.params["begin"] == TODAY.isoformat()
    assert err.value.params["end"] == (TODAY + timedelta(days=6)).isoformat()
    assert services.drafts.get(second.id).status is DocumentStatus.DRAFT
    codes = {f.code for f in services.drafts.validate(second.document)}
    assert "certificate.overlaps" in codes  # the editor's check sees the same context


def test_a_retracted_certificate_no_longer_overlaps(services, patient) -> None:
    draft = certificate(services, patient.id, TODAY)
    paper_only = replace(draft.document, recipients=(Recipient.EMPLOYER, Recipient.PATIENT))
    services.drafts.save(patient.id, paper_only)
    first = sign(services, draft)
    services.sending.retract(first.id, lambda _p: "1")
    second = sign(services, certificate(services, patient.id, TODAY + timedelta(days=3)))
    assert second.status is DocumentStatus.QUEUED


def test_a_draft_does_not_block_another_draft(services, patient) -> None:
    certificate(services, patient.id, TODAY)
    other = certificate(services, patient.id, TODAY)
    assert "certificate.overlaps" not in {f.code for f in services.drafts.validate(other.document)}


def test_a_certificate_typed_from_paper_counts_for_overlaps_and_the_episode(
    services, patient
) -> None:
    """A prolongation of a paper certificate makes that certificate known to the rules."""
    paper_begin, paper_end = TODAY - timedelta(days=14), TODAY - timedelta(days=1)
    rec = certificate(services, patient.id, TODAY)
    body = replace(
        rec.document.body,
        certificate_kind=CertificateKind.PROLONGATION,
        previous=PreviousCertificate("PAPER-77", paper_begin, paper_end, "19876543004"),
    )
    sign(services, services.drafts.save(patient.id, replace(rec.document, body=body)))
    episode = services.drafts.timeline(patient.id)
    assert episode is not None and episode.start == paper_begin
    inside = certificate(services, patient.id, TODAY - timedelta(days=5), days=3)
    codes = {f.code for f in services.drafts.validate(inside.document)}
    assert "certificate.overlaps" in codes


def test_the_signed_copy_prints_the_reference_of_the_signed_bytes(services, patient) -> None:
    signed = sign(services, certificate(services, patient.id, TODAY))
    stored = signed.payload_sha256
    assert stored  # the hash of what was signed, as the store keeps it
    pdf = services.copies.render(signed.id, Recipient.PATIENT, "nl")
    info = PdfFileReader(io.BytesIO(pdf)).trailer["/Info"]
    assert str(info["/Subject"]).endswith(f"{signed.id} · {stored[:8]}")


def test_a_signed_payload_of_an_older_shape_keeps_its_printed_reference(
    services, store_profile, patient
) -> None:
    """The reference comes from the stored bytes, not from re-encoding the upgraded model."""
    signed = sign(services, certificate(services, patient.id, TODAY))
    renderer = services.copies._renderer
    seen: list[str | None] = []

    class Spy:
        def render(self, document, recipient, language, *, draft, content_sha256=None, **more):
            seen.append(content_sha256)
            return renderer.render(
                document, recipient, language, draft=draft, content_sha256=content_sha256, **more
            )

    services.copies._renderer = Spy()
    services.copies.render(signed.id, Recipient.EMPLOYER, "nl")
    row = store_profile.documents.get(signed.document.id)
    assert seen == [hashlib.sha256(bytes(row.payload)).hexdigest()]
    draft = certificate(services, patient.id, TODAY + timedelta(days=30))
    services.copies.render(draft.id, Recipient.EMPLOYER, "nl")
    assert seen[-1] is None  # a draft is printed from its current encoding
    assert make_reference(draft.document)


def test_kmehr_export_of_a_signed_certificate_for_the_mutuality(services, patient) -> None:
    signed = sign(services, certificate(services, patient.id, TODAY))
    xml = services.copies.export_kmehr(signed.id, "advising-physician")
    assert xml.startswith(b"<?xml") and b"kmehrmessage" in xml
    assert b"Griep" in xml  # the advising physician's dataset has the diagnosis
    employer = services.copies.export_kmehr(signed.id, "employer")
    assert b"Griep" not in employer


def test_kmehr_export_refuses_an_invalid_draft_and_a_fit_note(services, patient) -> None:
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)  # no end, no prognosis
    with pytest.raises(ServiceError) as err:
        services.copies.export_kmehr(rec.id, "medex")
    assert err.value.code == "document.has_errors"
    fit = services.drafts.new(DocumentKind.FIT_NOTE, patient.id)
    with pytest.raises(ServiceError) as err:
        services.copies.export_kmehr(fit.id, "patient")
    assert err.value.code == "kmehr.not_exportable"


def test_a_kmehr_file_prefills_the_prolongation_from_elsewhere(services, patient) -> None:
    from fitnote_desktop.documents.kmehr import export_kmehr

    elsewhere = samples.incapacity(begin=TODAY - timedelta(days=13), with_fit_note=False)
    data = export_kmehr(elsewhere, "advising-physician", now=samples_now())
    read = services.follow_ups.read_kmehr(patient.id, data)
    assert read.period == elsewhere.period
    draft = services.follow_ups.prolong_external(
        patient.id,
        reference=str(read.id),
        previous_begin=read.period.begin,
        previous_end=read.period.end,
        previous_author_riziv=read.author.riziv,
        fetch=False,
        imported=read,
    )
    body = draft.document.body
    assert body.certificate_kind is CertificateKind.PROLONGATION
    assert draft.document.period.begin == elsewhere.period.end + timedelta(days=1)
    assert body.previous.reference == str(elsewhere.id)
    assert body.diagnoses[0].code == "L86"  # prefilled from the file
    assert draft.document.author == services.profile.author


def test_a_kmehr_file_of_another_patient_or_not_kmehr_is_refused(services, patient) -> None:
    from fitnote_desktop.documents.kmehr import export_kmehr

    other = replace(samples.incapacity(), patient=replace(samples.patient(), niss="90022400119"))
    data = export_kmehr(other, "advising-physician", now=samples_now())
    with pytest.raises(ServiceError) as err:
        services.follow_ups.read_kmehr(patient.id, data)
    assert err.value.code == "kmehr.other_patient"
    with pytest.raises(ServiceError) as err:
        services.follow_ups.read_kmehr(patient.id, b"not xml at all")
    assert err.value.code == "kmehr.bad_xml"


def samples_now():
    from datetime import UTC, datetime

    return datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
