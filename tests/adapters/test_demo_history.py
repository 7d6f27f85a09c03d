"""The demo profile's seeded certificates are ones the rules of issue 12 accept."""

from __future__ import annotations

from datetime import date

from fitnote_desktop.domain import lifecycle, samples
from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.domain.validation import validate
from fitnote_desktop.wiring.demo import (
    DEMO_DIAGNOSES,
    DEMO_ON_LEAVE,
    DEMO_PATIENTS,
    DEMO_SICK_LEAVE,
    demo_history_certificate,
)


def test_the_demo_history_certificates_have_no_error_and_no_warning() -> None:
    today = date(2026, 11, 29)
    on_leave = (DEMO_PATIENTS[0], *DEMO_ON_LEAVE)
    for patient, (before, after), diagnosis in zip(
        on_leave, DEMO_SICK_LEAVE, DEMO_DIAGNOSES, strict=True
    ):
        draft = lifecycle.new_document(
            DocumentKind.INCAPACITY, author=samples.practitioner(), patient=patient, today=today
        )
        doc = demo_history_certificate(
            draft, today, before=before, after=after, diagnosis=diagnosis
        )
        findings = validate(doc, today=today)
        assert [f.code for f in findings if f.severity is Severity.ERROR] == []
        assert [f.code for f in findings] == [], patient.family_name
