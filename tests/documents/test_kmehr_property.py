"""The guarantee we sell: what our rules accept, eHealth's rules accept.

Every generated certificate that ``validate`` accepts (no error) must export, for the
advising physician and for Medex, to XML that the KMEHR 1.42 XSD and the Mult-eMediatt
schematron accept (no ``ERROR`` assert). The documents come from
``tests/doc_strategies.py``, varied further here in what the schematron looks at:
reason and its date, period length, hospital stay, stay abroad, employment situation,
sex, pregnancy items, the incapacity's purpose and the principal diagnosis.

The run prints its figures (examples, incapacity documents, accepted by ``validate``,
schematron errors) so that the closing note of issue 12 can quote them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from doc_strategies import documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.kmehr_check import schematron_errors, xsd_errors

from fitnote_desktop.documents.kmehr import KmehrRecipient, export_kmehr
from fitnote_desktop.domain.datasets import addressed_to
from fitnote_desktop.domain.findings import has_errors
from fitnote_desktop.domain.model import (
    Consent,
    Document,
    Employment,
    EmploymentSituation,
    HospitalStay,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    Period,
    Sex,
    StayAbroad,
)
from fitnote_desktop.domain.validation import validate

NOW = datetime(2026, 11, 16, 10, 30, tzinfo=UTC)
EXAMPLES = 400
RECIPIENTS = (KmehrRecipient.ADVISING_PHYSICIAN, KmehrRecipient.MEDEX)

days = st.integers(-20, 140).map(lambda n: timedelta(days=n))


@st.composite
def certificates(draw: st.DrawFn) -> Document:
    doc = draw(documents().filter(lambda d: isinstance(d.body, IncapacityCertificate)))
    cert = doc.body
    assert isinstance(cert, IncapacityCertificate)
    begin = cert.period.begin
    end = begin + timedelta(days=draw(st.integers(0, 130)))
    reason = draw(st.sampled_from(list(IncapacityReason)))
    dated = draw(st.booleans())
    stay = None
    if draw(st.booleans()):
        admission = begin + draw(days)
        discharge = draw(st.none() | st.just(admission + draw(days)))
        stay = HospitalStay(
            admission,
            discharge,
            draw(st.sampled_from(["", "AZ Sint-Jan", "CHU <Liège> & co"])),
            draw(st.sampled_from(["", "71000436", "H-12"])),
        )
    abroad = None
    if draw(st.booleans()):
        a = begin + draw(days)
        abroad = StayAbroad(a, a + draw(days), draw(st.sampled_from(["", "FR", "ES"])))
    # the first prognosis is mandatory and after the period: mostly given, sometimes not
    prognosis = draw(st.sampled_from(["after", "after", "after", "missing", "inside"]))
    expected_return = {
        "after": end + timedelta(days=draw(st.integers(1, 30))),
        "missing": None,
        "inside": begin,
    }[prognosis]
    principal = draw(st.integers(-1, len(cert.diagnoses) - 1))
    diagnoses = tuple(replace(d, principal=(i == principal)) for i, d in enumerate(cert.diagnoses))
    body = replace(
        cert,
        period=Period(begin, end),
        expected_return=expected_return,
        reason=reason,
        incapacity_for=draw(st.sampled_from(list(IncapacityFor))),
        accident_date=begin - draw(days) if dated else None,
        occupational_disease_declared=begin - draw(days) if dated else None,
        hospital_stay=stay,
        stay_abroad=abroad,
        diagnoses=draw(st.sampled_from([diagnoses, diagnoses[:1], ()])),
        expected_delivery=begin + draw(days) if draw(st.booleans()) else None,
        maternity_leave=Period(begin + draw(days), None if draw(st.booleans()) else end)
        if draw(st.booleans())
        else None,
    )
    employment = Employment(
        draw(st.sampled_from(list(EmploymentSituation))),
        draw(st.sampled_from(["", "Magazijnier"])),
    )
    patient = replace(doc.patient, sex=draw(st.sampled_from(list(Sex))))
    consent = doc.consent
    if draw(st.booleans()):  # most generated consents lack what sending needs
        consent = Consent(True, False, True, datetime(2026, 11, 16, 8, tzinfo=UTC), "C-1")
    return replace(doc, body=body, employment=employment, patient=patient, consent=consent)


def test_what_validate_accepts_the_official_rules_accept(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stats: Counter[str] = Counter()
    refused: dict[str, str] = {}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(certificates())
    def check(doc: Document) -> None:
        stats["documents generated"] += 1
        for recipient in RECIPIENTS:
            # exported to the mutuality or Medex = addressed to them: their rules apply
            if has_errors(
                validate(addressed_to(doc, recipient.dataset), today=doc.consultation.date)
            ):
                continue
            stats["accepted by validate (per recipient)"] += 1
            xml = export_kmehr(doc, recipient, now=NOW)
            stats["messages checked"] += 1
            problems = xsd_errors(xml)
            errors = schematron_errors(xml)
            stats["xsd errors"] += len(problems)
            stats["schematron errors"] += len(errors)
            for f in errors:
                refused.setdefault(f"{f.assert_id}: {f.text[:120]}", f.test[:200])
            assert problems == [], problems
            assert errors == [], [str(f) for f in errors]

    try:
        check()
    finally:
        with capsys.disabled():
            print(
                f"\nKMEHR property (max_examples={EXAMPLES}, shrinking included): "
                + ", ".join(f"{k}: {v}" for k, v in sorted(stats.items()))
            )
            for text, test in refused.items():
                print(f"  refused: {text}\n    test: {test}")
    assert stats["accepted by validate (per recipient)"] >= EXAMPLES // 6, (
        "too few valid documents to mean much"
    )
