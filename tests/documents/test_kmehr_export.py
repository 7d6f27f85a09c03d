"""KMEHR export: the official XSD and the Mult-eMediatt schematron accept what we write.

Both checks run for real (``tests/support/kmehr_check.py``) on every incapacity
example, for every recipient, and on certificates that use the items the example files
do not (accident, pregnancy of a self-employed woman, stay abroad, several diagnoses).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml import etree
from support.kmehr_check import schematron_errors, schematron_failures, xsd_errors

from fitnote_desktop.documents.kmehr import KmehrError, KmehrRecipient, export_kmehr
from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import (
    CodeSystem,
    Diagnosis,
    Document,
    Employment,
    EmploymentSituation,
    HospitalStay,
    IncapacityCertificate,
    IncapacityReason,
    Period,
    Sex,
    StayAbroad,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
NOW = datetime(2026, 11, 16, 10, 30, tzinfo=UTC)
NS = {"k": "http://www.ehealth.fgov.be/standards/kmehr/schema/v1"}


def incapacity_examples() -> list[Path]:
    found = []
    for path in sorted(EXAMPLES.glob("*.json")):
        doc = canonical.document_from_bytes(path.read_bytes())
        if isinstance(doc.body, IncapacityCertificate):
            found.append(path)
    return found


def assert_accepted(xml: bytes) -> None:
    assert xsd_errors(xml) == []
    assert [str(f) for f in schematron_errors(xml)] == []


def test_there_are_incapacity_examples() -> None:
    assert len(incapacity_examples()) >= 3


@pytest.mark.parametrize("recipient", list(KmehrRecipient))
@pytest.mark.parametrize("path", incapacity_examples(), ids=lambda p: p.stem)
def test_every_example_is_accepted_for_every_recipient(
    path: Path, recipient: KmehrRecipient
) -> None:
    doc = canonical.document_from_bytes(path.read_bytes())
    assert_accepted(export_kmehr(doc, recipient, now=NOW))


def _tree(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


def test_recipients_are_routed_with_the_ehealth_identifiers() -> None:
    doc = samples.incapacity()
    mutuality = _tree(export_kmehr(doc, "advising-physician", now=NOW))
    medex = _tree(export_kmehr(doc, "medex", now=NOW))
    routed = "k:header/k:recipient/k:hcparty/k:id[@S='{}']"
    assert mutuality.findtext(routed.format("ID-CBE"), namespaces=NS) == "0820563481"
    assert medex.findtext(routed.format("ID-EHP"), namespaces=NS) == "1990002015"
    sender = mutuality.find("k:header/k:sender/k:hcparty", NS)
    assert sender.findtext("k:id[@S='ID-HCPARTY']", namespaces=NS) == doc.author.riziv


def test_transaction_type_follows_the_certificate_kind() -> None:
    kinds = {
        "incapacity": samples.incapacity(),
        "incapacityextension": samples.prolongation(),
        "incapacityrelapse": samples.relapse(),
    }
    for expected, doc in kinds.items():
        tree = _tree(export_kmehr(doc, "advising-physician", now=NOW))
        transaction = tree.find("k:folder/k:transaction", NS)
        assert transaction.findtext("k:cd[@S='CD-TRANSACTION']", namespaces=NS) == "notification"
        assert transaction.findtext("k:cd[@S='CD-TRANSACTION-TYPE']", namespaces=NS) == expected


def test_employer_and_patient_copies_hold_no_medical_data() -> None:
    doc = samples.prolongation()  # diagnosis and a hospital stay
    medical_texts = [d.text for d in doc.diagnoses] + [d.code for d in doc.diagnoses]
    for recipient in ("employer", "patient"):
        xml = export_kmehr(doc, recipient, now=NOW)
        tree = _tree(xml)
        codes = tree.xpath("//k:item/k:cd/text()", namespaces=NS)
        assert codes == ["incapacity"], recipient
        text = xml.decode("utf-8")
        for secret in [*medical_texts, doc.author.niss]:
            assert secret not in text, recipient
    employer = export_kmehr(doc, "employer", now=NOW).decode("utf-8")
    assert doc.patient.niss not in employer


def test_advising_copy_has_diagnoses_with_the_principal_marked_and_the_hospital_stay() -> None:
    doc = samples.prolongation()
    cert = doc.body
    assert isinstance(cert, IncapacityCertificate)
    dx = (
        Diagnosis("eerste", "L86", CodeSystem.ICPC2),
        Diagnosis("tweede", "M51.1", CodeSystem.ICD10, principal=True),
        Diagnosis("derde, alleen tekst"),
    )
    doc = replace(doc, body=replace(cert, diagnoses=dx))
    xml = export_kmehr(doc, "advising-physician", now=NOW)
    assert_accepted(xml)
    tree = _tree(xml)
    items = tree.findall("k:folder/k:transaction/k:item", NS)
    codes = [i.findtext("k:cd[@S='CD-ITEM']", namespaces=NS) for i in items]
    assert codes == [
        "incapacity", "diagnosis", "diagnosis", "diagnosis",
        "encountertype", "encounterdatetime", "dischargedatetime", "encounterlocation",
    ]  # fmt: skip
    principal = [
        i for i in items if i.find("k:cd[@S='LOCAL'][@SL='MMEDIATT-ITEM']", NS) is not None
    ]
    assert [p.findtext("k:content/k:text", namespaces=NS) for p in principal] == ["tweede"]
    assert [i.findtext("k:id", namespaces=NS) for i in items] == [str(n) for n in range(1, 9)]
    assert cert.hospital_stay is not None
    location = tree.find(".//k:content/k:hcparty", NS)
    assert location.findtext("k:name", namespaces=NS) == cert.hospital_stay.hospital_name


def _variant(**changes: object) -> Document:
    doc = samples.incapacity()
    assert isinstance(doc.body, IncapacityCertificate)
    return replace(doc, body=replace(doc.body, **changes))


@pytest.mark.parametrize(
    "reason,field",
    [
        (IncapacityReason.ACCIDENT, "accident_date"),
        (IncapacityReason.TRAVEL_ACCIDENT, "accident_date"),
        (IncapacityReason.WORK_ACCIDENT, "accident_date"),
        (IncapacityReason.OCCUPATIONAL_DISEASE, "occupational_disease_declared"),
    ],
)
def test_dated_reasons_carry_their_date(reason: IncapacityReason, field: str) -> None:
    doc = _variant(reason=reason, **{field: date(2026, 11, 14)})
    for recipient in KmehrRecipient:
        xml = export_kmehr(doc, recipient, now=NOW)
        assert_accepted(xml)
    tree = _tree(export_kmehr(doc, "medex", now=NOW))
    assert tree.findtext(".//k:item[1]/k:content/k:date", namespaces=NS) == "2026-11-14"


def test_dated_reason_without_its_date_is_what_the_schematron_refuses() -> None:
    """The oracle works: a missing accident date is an ERROR, so the passes above mean it."""
    doc = _variant(reason=IncapacityReason.ACCIDENT, accident_date=None)
    failed = schematron_errors(export_kmehr(doc, "advising-physician", now=NOW))
    assert any("date content" in f.text for f in failed)


def test_self_employed_pregnancy_has_the_two_mult_emediatt_items() -> None:
    doc = _variant(
        reason=IncapacityReason.PREGNANCY,
        expected_delivery=date(2027, 1, 20),
        maternity_leave=Period(date(2026, 12, 9), date(2027, 3, 2)),
    )
    doc = replace(
        doc,
        employment=Employment(EmploymentSituation.SELF_EMPLOYED, "Zaakvoerder"),
        patient=replace(doc.patient, sex=Sex.FEMALE),
    )
    xml = export_kmehr(doc, "advising-physician", now=NOW)
    assert_accepted(xml)
    local = _tree(xml).xpath("//k:item/k:cd[@S='LOCAL']/text()", namespaces=NS)
    assert {"expectedbirthgivingdate", "maternityleave"} <= set(local)
    # and the schematron does require them: without, the mutuality refuses the message
    bare = replace(doc, body=replace(doc.body, expected_delivery=None, maternity_leave=None))
    refused = schematron_errors(export_kmehr(bare, "advising-physician", now=NOW))
    assert {f.assert_id for f in refused} == {"Expected birth giving date", "Maternity leave"}


def test_stay_abroad_is_a_foreign_stay_item() -> None:
    doc = _variant(stay_abroad=StayAbroad(date(2026, 11, 20), date(2026, 11, 25), "FR"))
    xml = export_kmehr(doc, "advising-physician", now=NOW)
    assert_accepted(xml)
    assert _tree(xml).xpath("//k:item/k:cd[@S='LOCAL']/text()", namespaces=NS) == [
        "principal",
        "foreignstay",
    ]


def test_local_employment_situations_are_never_written_as_kmehr_codes() -> None:
    for situation in (EmploymentSituation.JOB_SEEKER, EmploymentSituation.OTHER):
        doc = replace(samples.incapacity(), employment=Employment(situation, "Magazijnier"))
        xml = export_kmehr(doc, "advising-physician", now=NOW)
        assert_accepted(xml)
        assert b"CD-EMPLOYMENTSITUATION" not in xml
        assert situation.value.encode() not in xml


def test_hospital_identifier_that_is_no_riziv_number_is_a_local_id() -> None:
    stay = HospitalStay(date(2026, 11, 16), None, "AZ Sint-Jan", "H-0042")
    xml = export_kmehr(_variant(hospital_stay=stay), "advising-physician", now=NOW)
    assert_accepted(xml)
    hcparty = _tree(xml).find(".//k:item/k:content/k:hcparty", NS)
    assert hcparty.find("k:id", NS).get("S") == "LOCAL"


def test_no_fit_note_capacity_reaches_the_message() -> None:
    doc = samples.incapacity()
    assert doc.fit_note is not None and doc.fit_note.capacities
    for recipient in KmehrRecipient:
        xml = export_kmehr(doc, recipient, now=NOW).decode("utf-8")
        for capacity in doc.fit_note.capacities:
            assert capacity.code not in xml
            assert capacity.statement not in xml


def test_same_input_same_bytes() -> None:
    doc = samples.incapacity()
    assert export_kmehr(doc, "medex", now=NOW) == export_kmehr(doc, "medex", now=NOW)


def test_other_document_kinds_are_not_exportable() -> None:
    with pytest.raises(KmehrError) as info:
        export_kmehr(samples.standalone_fit_note(), "advising-physician", now=NOW)
    assert info.value.code == "kmehr.not_exportable"


def test_schematron_oracle_reports_warnings_separately() -> None:
    """ICPC codes draw the schematron's SNOMED WARNING, which is not a refusal."""
    xml = export_kmehr(samples.incapacity(), "advising-physician", now=NOW)
    roles = {f.role for f in schematron_failures(xml)}
    assert roles == {"WARNING"}
