"""The document lifecycle: what may happen next, and the follow-up builders."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from fitnote_desktop.domain import lifecycle, samples
from fitnote_desktop.domain.consent import consent_offer
from fitnote_desktop.domain.findings import Severity, has_errors
from fitnote_desktop.domain.model import CertificateKind, Consent, DocumentKind
from fitnote_desktop.domain.validation import validate

TODAY = date(2026, 11, 30)


def test_prolong_starts_the_day_after_and_keeps_the_episode():
    first = samples.incapacity()
    nxt = lifecycle.prolong(first, author=samples.practitioner(), today=TODAY)
    prev_end = first.period.end
    assert nxt.period.begin == prev_end + timedelta(days=1)
    assert nxt.period.days() == first.period.days()
    assert nxt.body.certificate_kind is CertificateKind.PROLONGATION
    assert nxt.body.previous.reference == str(first.id)
    assert nxt.episode_id == first.episode_id
    assert nxt.id != first.id
    assert not [f for f in validate(nxt, today=TODAY) if f.code.startswith("prolongation.")]


def test_prolonged_sample_is_signable_once_prognosis_and_consent_are_given():
    first = samples.incapacity()
    nxt = lifecycle.prolong(first, author=samples.practitioner(), today=TODAY)
    missing = {f.code for f in validate(nxt, today=TODAY) if f.severity is Severity.ERROR}
    # consent is per document and the first prognosis is the new certificate's own
    assert missing == {"consent.electronic_missing", "incapacity.expected_return_missing"}
    assert nxt.consent == Consent()
    offer = consent_offer([first])
    assert offer is not None
    offered, recorded_on = offer
    assert recorded_on == first.consent.recorded_at.date()
    assert offered.reference == first.consent.reference and offered.recorded_at is None
    signed_at = datetime(TODAY.year, TODAY.month, TODAY.day, 10, tzinfo=UTC)
    ready = replace(
        nxt,
        consent=replace(offered, recorded_at=signed_at),
        body=replace(nxt.body, expected_return=nxt.period.end + timedelta(days=1)),
    )
    assert not has_errors(validate(ready, today=TODAY))


def test_no_follow_up_copies_the_consent():
    first = samples.incapacity()
    author = samples.practitioner()
    for build in (lifecycle.prolong, lifecycle.relapse, lifecycle.replacement, lifecycle.duplicate):
        assert build(first, author=author, today=TODAY).consent == Consent()


def test_consent_offer_without_any_recorded_consent():
    assert consent_offer([]) is None
    assert consent_offer([replace(samples.incapacity(), consent=Consent())]) is None


def test_relapse_starts_today_without_end():
    nxt = lifecycle.relapse(samples.incapacity(), author=samples.practitioner(), today=TODAY)
    assert nxt.body.certificate_kind is CertificateKind.RELAPSE
    assert nxt.period.begin == TODAY and nxt.period.end is None


def test_replacement_points_at_the_original():
    original = samples.incapacity()
    repl = lifecycle.replacement(original, author=samples.practitioner(), today=TODAY)
    assert repl.replaces == str(original.id)
    assert repl.body == original.body


def test_duplicate_is_a_new_initial_certificate_from_today():
    dup = lifecycle.duplicate(samples.prolongation(), author=samples.practitioner(), today=TODAY)
    assert dup.body.certificate_kind is CertificateKind.INITIAL
    assert dup.body.previous is None
    assert dup.period.begin == TODAY
    assert dup.episode_id != samples.prolongation().episode_id


def test_external_prolongation_from_the_paper_copy():
    doc = lifecycle.prolong_external(
        reference=" ABC-123 ",
        previous_begin=date(2026, 11, 1),
        previous_end=date(2026, 11, 29),
        previous_author_riziv="12345625004",
        patient=samples.patient(),
        author=samples.practitioner(),
        today=TODAY,
    )
    assert doc.body.previous.reference == "ABC-123"
    assert doc.period.begin == TODAY
    assert doc.body.certificate_kind is CertificateKind.PROLONGATION


def test_only_certificates_are_prolonged():
    with pytest.raises(lifecycle.LifecycleError) as err:
        lifecycle.prolong(samples.partial_resumption(), author=samples.practitioner(), today=TODAY)
    assert err.value.code == "lifecycle.not_a_certificate"


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_new_document_is_in_the_patients_language(kind):
    patient = samples.invalidity_recognition().patient  # French-speaking
    doc = lifecycle.new_document(kind, author=samples.practitioner(), patient=patient, today=TODAY)
    assert doc.kind is kind
    assert doc.language.value == "fr"


S = lifecycle.DocumentStatus
A = lifecycle.Action


def test_a_draft_is_edited_signed_or_deleted_and_nothing_signed_is():
    assert {A.EDIT, A.SIGN, A.DELETE} <= lifecycle.allowed_actions(DocumentKind.INCAPACITY, S.DRAFT)
    for status in S:
        if status is not S.DRAFT:
            actions = lifecycle.allowed_actions(DocumentKind.INCAPACITY, status)
            assert not actions & {A.EDIT, A.SIGN, A.DELETE}, status


def test_only_a_standing_certificate_is_prolonged_or_followed_by_a_relapse():
    assert {A.PROLONG, A.RELAPSE} <= lifecycle.allowed_actions(DocumentKind.INCAPACITY, S.ACCEPTED)
    assert A.PROLONG not in lifecycle.allowed_actions(DocumentKind.FIT_NOTE, S.ACCEPTED)
    for ended in (S.RETRACTED, S.REPLACED):
        assert A.PROLONG not in lifecycle.allowed_actions(DocumentKind.INCAPACITY, ended)


def test_retract_and_replace_follow_the_status_table():
    """Retract only what stands (paper-signed or accepted), never what is still queued."""
    kind = DocumentKind.INCAPACITY
    assert A.RETRACT in lifecycle.allowed_actions(kind, S.ACCEPTED)
    assert A.RETRACT in lifecycle.allowed_actions(kind, S.SIGNED)
    assert A.RETRACT not in lifecycle.allowed_actions(kind, S.QUEUED)
    assert A.RETRACT not in lifecycle.allowed_actions(kind, S.RETRACTED)
    assert A.REPLACE in lifecycle.allowed_actions(kind, S.REJECTED)
    assert A.REPLACE not in lifecycle.allowed_actions(kind, S.QUEUED)
    for status in S:
        actions = lifecycle.allowed_actions(kind, status)
        assert (A.RETRACT in actions) == lifecycle.can_move(status, S.RETRACTED)
        assert (A.REPLACE in actions) == lifecycle.can_move(status, S.REPLACED)
