"""The PDF port prints the QR code for the endpoint the profile sends to."""

from __future__ import annotations

from fitnote_desktop.adapters.pdf import ReportlabRenderer
from fitnote_desktop.documents.copies import render
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Recipient
from fitnote_desktop.domain.reference import full_hash

ENDPOINT = "https://certificates.example.be:8443"


def test_the_qr_code_leads_to_the_profiles_endpoint() -> None:
    doc = samples.incapacity()
    digest = full_hash(doc)
    printed = ReportlabRenderer(ENDPOINT).render(
        doc, Recipient.EMPLOYER, "nl", draft=False, content_sha256=digest
    )
    # the output is deterministic: the same copy with that verification address
    assert printed == render(doc, Recipient.EMPLOYER, "nl", verify_base_url=ENDPOINT)
    assert printed != render(doc, Recipient.EMPLOYER, "nl")


def test_without_an_endpoint_the_copy_is_printed_as_before() -> None:
    doc = samples.incapacity()
    printed = ReportlabRenderer().render(doc, Recipient.PATIENT, "fr", draft=False)
    assert printed == render(doc, Recipient.PATIENT, "fr")
