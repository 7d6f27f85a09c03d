"""A follow-up on the real store: what it is compared with, and its copies' "changes" line."""

from __future__ import annotations

import hashlib
import subprocess
from dataclasses import replace
from datetime import date, timedelta

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Diagnosis, DocumentKind, Period, Recipient
from fitnote_desktop.domain.reference import signed_reference
from fitnote_desktop.services import Services

TODAY = date(2026, 11, 23)


def _signed_certificate(services: Services, patient_id: str):
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient_id)
    end = TODAY + timedelta(days=6)
    doc = replace(
        rec.document,
        body=replace(
            rec.document.body,
            period=Period(TODAY, end),
            diagnoses=(Diagnosis("Griep"),),
            expected_return=end + timedelta(days=1),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY),
    )
    saved = services.drafts.save(patient_id, doc)
    return services.sending.sign_and_send(saved.id, lambda _p: "1")


def _text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_a_prolongation_is_compared_with_the_signed_certificate(
    services, store_profile, patient
) -> None:
    original = _signed_certificate(services, patient.id)
    draft = services.follow_ups.prolong(original.id)
    followed = services.follow_ups.followed(draft.id)
    assert followed is not None and followed.record.id == original.id
    payload = bytes(store_profile.documents.get(original.document.id).payload)
    printed = signed_reference(original.id, hashlib.sha256(payload).hexdigest())
    assert followed.reference == printed

    edited = replace(
        draft.document,
        body=replace(draft.document.body, diagnoses=(Diagnosis("Bronchitis"),)),
    )
    services.drafts.save(patient.id, edited)
    advising = _text(services.copies.render(draft.id, Recipient.ADVISING_PHYSICIAN, "nl"))
    assert f"Wijzigingen sinds {printed}: periode, vermoedelijke werkhervatting, diagnose" in (
        advising
    )
    employer = _text(services.copies.render(draft.id, Recipient.EMPLOYER, "nl"))
    assert f"Wijzigingen sinds {printed}: periode" in employer
    assert "diagnose" not in employer


def test_an_initial_certificate_and_a_relapse_follow_nothing(services, patient) -> None:
    original = _signed_certificate(services, patient.id)
    assert services.follow_ups.followed(original.id) is None
    relapse = services.follow_ups.relapse(original.id)
    assert services.follow_ups.followed(relapse.id) is None
    text = _text(services.copies.render(relapse.id, Recipient.ADVISING_PHYSICIAN, "en"))
    assert "Changes since" not in text
