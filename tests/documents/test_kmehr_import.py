"""KMEHR import: our messages round-trip, another EMR's message reads, bad input is named."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fitnote_desktop.cli import main
from fitnote_desktop.documents.kmehr import KmehrError, KmehrRecipient, export_kmehr, import_kmehr
from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import (
    CertificateKind,
    CodeSystem,
    EmploymentSituation,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    Sex,
)

NOW = datetime(2026, 11, 16, 10, 30, tzinfo=UTC)
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"

# Written by hand after the eHealth Mult-eMediatt cookbook's shape, not by our exporter:
# other prefixes, SV values, an ICD diagnosis and a SNOMED one, no header UUID.
FOREIGN = b"""<?xml version="1.0" encoding="UTF-8"?>
<k:kmehrmessage xmlns:k="http://www.ehealth.fgov.be/standards/kmehr/schema/v1">
 <k:header>
  <k:standard><k:cd S="CD-STANDARD" SV="1.29">20240801</k:cd></k:standard>
  <k:id S="ID-KMEHR" SV="1.0">19006951001.20261203093000</k:id>
  <k:date>2026-12-03</k:date><k:time>09:30:00</k:time>
  <k:sender><k:hcparty>
    <k:id S="ID-HCPARTY" SV="1.0">19006951001</k:id>
    <k:cd S="CD-HCPARTY" SV="1.1">persphysician</k:cd>
    <k:firstname>Luc</k:firstname><k:familyname>Janssens</k:familyname>
  </k:hcparty><k:hcparty>
    <k:cd S="CD-HCPARTY" SV="1.1">application</k:cd><k:name>OtherEMR 4.2</k:name>
  </k:hcparty></k:sender>
  <k:recipient><k:hcparty>
    <k:id S="ID-CBE" SV="1.0">0820563481</k:id><k:cd S="CD-HCPARTY" SV="1.1">orginsurance</k:cd>
  </k:hcparty></k:recipient>
 </k:header>
 <k:folder>
  <k:id S="ID-KMEHR" SV="1.0">1</k:id>
  <k:patient>
   <k:id S="ID-PATIENT" SV="1.0">85073003229</k:id>
   <k:firstname>Emilie</k:firstname><k:familyname>Vanderbeke</k:familyname>
   <k:birthdate><k:date>1985-07-30</k:date></k:birthdate>
   <k:sex><k:cd S="CD-SEX" SV="1.1">female</k:cd></k:sex>
   <k:usuallanguage>fr</k:usuallanguage>
   <k:profession><k:cd S="CD-EMPLOYMENTSITUATION" SV="1.0">civilservant</k:cd></k:profession>
  </k:patient>
  <k:transaction>
   <k:id S="ID-KMEHR" SV="1.0">1</k:id>
   <k:cd S="CD-TRANSACTION" SV="1.4">notification</k:cd>
   <k:cd S="CD-TRANSACTION-TYPE" SV="1.0">incapacityextension</k:cd>
   <k:date>2026-12-03</k:date><k:time>09:25:00</k:time>
   <k:author><k:hcparty>
     <k:id S="ID-HCPARTY" SV="1.0">19006951001</k:id>
     <k:cd S="CD-HCPARTY" SV="1.1">persphysician</k:cd>
     <k:firstname>Luc</k:firstname><k:familyname>Janssens</k:familyname>
   </k:hcparty></k:author>
   <k:iscomplete>true</k:iscomplete><k:isvalidated>true</k:isvalidated>
   <k:item>
    <k:id S="ID-KMEHR" SV="1.0">1</k:id>
    <k:cd S="CD-ITEM" SV="1.0">incapacity</k:cd>
    <k:content><k:incapacity>
      <k:cd S="CD-INCAPACITY" SV="1.0">work</k:cd>
      <k:incapacityreason>
        <k:cd S="CD-INCAPACITYREASON" SV="1.0">workaccident</k:cd>
      </k:incapacityreason>
      <k:outofhomeallowed>false</k:outofhomeallowed>
    </k:incapacity></k:content>
    <k:content><k:date>2026-11-28</k:date></k:content>
    <k:beginmoment><k:date>2026-12-01</k:date></k:beginmoment>
    <k:endmoment><k:date>2026-12-20</k:date></k:endmoment>
   </k:item>
   <k:item>
    <k:id S="ID-KMEHR" SV="1.0">2</k:id>
    <k:cd S="CD-ITEM" SV="1.0">diagnosis</k:cd>
    <k:content><k:cd S="ICD" SV="10">S83.2</k:cd></k:content>
    <k:content><k:text L="fr">D\xc3\xa9chirure du m\xc3\xa9nisque</k:text></k:content>
   </k:item>
   <k:item>
    <k:id S="ID-KMEHR" SV="1.0">3</k:id>
    <k:cd S="CD-ITEM" SV="1.0">diagnosis</k:cd>
    <k:cd S="LOCAL" SL="MMEDIATT-ITEM" SV="1.0">principal</k:cd>
    <k:content><k:cd S="CD-SNOMED" SV="1.0">239720000</k:cd></k:content>
   </k:item>
   <k:item>
    <k:id S="ID-KMEHR" SV="1.0">4</k:id>
    <k:cd S="CD-ITEM" SV="1.0">encountertype</k:cd>
    <k:content><k:cd S="CD-ENCOUNTER" SV="1.0">hospital</k:cd></k:content>
   </k:item>
   <k:item>
    <k:id S="ID-KMEHR" SV="1.0">5</k:id>
    <k:cd S="CD-ITEM" SV="1.0">encounterdatetime</k:cd>
    <k:content><k:date>2026-12-01</k:date></k:content>
   </k:item>
  </k:transaction>
 </k:folder>
</k:kmehrmessage>
"""


def all_documents() -> list[canonical.Document]:
    docs = [canonical.document_from_bytes(p.read_bytes()) for p in sorted(EXAMPLES.glob("*.json"))]
    return [d for d in docs if isinstance(d.body, IncapacityCertificate)]


@pytest.mark.parametrize("recipient", list(KmehrRecipient))
def test_export_import_export_gives_the_same_xml(recipient: KmehrRecipient) -> None:
    for doc in all_documents():
        first = export_kmehr(doc, recipient, now=NOW)
        again = export_kmehr(import_kmehr(first), recipient, now=NOW)
        assert again == first


def test_import_keeps_what_the_advising_physician_receives() -> None:
    doc = samples.prolongation()
    back = import_kmehr(export_kmehr(doc, "advising-physician", now=NOW))
    cert, read = doc.body, back.body
    assert isinstance(cert, IncapacityCertificate) and isinstance(read, IncapacityCertificate)
    assert back.id == doc.id
    assert back.patient.niss == doc.patient.niss
    assert back.author.riziv == doc.author.riziv
    assert read.period == cert.period
    assert read.certificate_kind is CertificateKind.PROLONGATION
    assert read.diagnoses == cert.diagnoses
    assert read.hospital_stay == cert.hospital_stay
    assert back.employment is not None and doc.employment is not None
    assert back.employment.situation is doc.employment.situation


def test_a_message_from_another_emr_reads() -> None:
    doc = import_kmehr(FOREIGN)
    cert = doc.body
    assert isinstance(cert, IncapacityCertificate)
    assert cert.certificate_kind is CertificateKind.PROLONGATION
    assert cert.incapacity_for is IncapacityFor.WORK
    assert cert.reason is IncapacityReason.WORK_ACCIDENT
    assert cert.accident_date == date(2026, 11, 28)
    assert (cert.period.begin, cert.period.end) == (date(2026, 12, 1), date(2026, 12, 20))
    assert not cert.out_of_home_allowed
    assert [(d.code, d.code_system, d.principal) for d in cert.diagnoses] == [
        ("S83.2", CodeSystem.ICD10, False),
        ("239720000", CodeSystem.SNOMED_CT, True),
    ]
    assert cert.diagnoses[0].text == "Déchirure du ménisque"
    assert cert.principal_diagnosis is cert.diagnoses[1]
    assert cert.hospital_stay is not None and cert.hospital_stay.admission == date(2026, 12, 1)
    assert doc.author.riziv == "19006951001" and doc.author.family_name == "Janssens"
    assert doc.patient.sex is Sex.FEMALE and doc.patient.language.value == "fr"
    assert doc.employment is not None
    assert doc.employment.situation is EmploymentSituation.CIVIL_SERVANT
    assert doc.consultation.date == date(2026, 12, 3)
    assert import_kmehr(FOREIGN).id == doc.id  # same message, same document


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "kmehr.bad_xml"),
        (b"<kmehrmessage><header>", "kmehr.bad_xml"),
        (b"\xff\xfe not xml", "kmehr.bad_xml"),
        (b"<kmehrmessage/>", "kmehr.foreign_schema"),  # no namespace: not KMEHR
        (b'<x:Invoice xmlns:x="urn:oasis:names:specification:ubl"/>', "kmehr.foreign_schema"),
        (FOREIGN.replace(b">notification<", b">medicaladvisoragreement<"), "kmehr.not_incapacity"),
        (FOREIGN.replace(b">incapacityextension<", b">contactreport<"), "kmehr.not_incapacity"),
        (FOREIGN.replace(b">workaccident<", b">holiday<"), "kmehr.malformed"),
        (
            FOREIGN.replace(b"<k:date>2026-12-01</k:date></k:beginmoment>", b"</k:beginmoment>"),
            "kmehr.malformed",
        ),
    ],
)
def test_bad_input_gives_one_clear_error(data: bytes, code: str) -> None:
    with pytest.raises(KmehrError) as info:
        import_kmehr(data)
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_entities_are_not_expanded() -> None:
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE k [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + FOREIGN.split(b"?>", 1)[1].replace(b">Luc<", b">&x;<", 1)
    )
    doc = import_kmehr(xxe)
    assert "root" not in doc.author.given_name


def test_cli_import_then_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.xml"
    source.write_bytes(export_kmehr(samples.incapacity(), "advising-physician", now=NOW))
    out = tmp_path / "doc.json"
    assert main(["import-kmehr", str(source), "-o", str(out)]) == 0
    doc = canonical.document_from_bytes(out.read_bytes())
    assert doc.id == samples.incapacity().id
    assert json.loads(out.read_bytes())["schema"] == "fitnote/1"


def test_cli_import_bad_file_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<html><body>not kmehr</body></html>")
    assert main(["import-kmehr", str(bad), "-o", str(tmp_path / "x.json")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "kmehr.foreign_schema" in err
    assert not (tmp_path / "x.json").exists()


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.xml"
    example = str(EXAMPLES / "incapacity-initial.json")
    code = main(
        ["export-kmehr", example, "--recipient", "medex", "-o", str(out), "--today", "2026-11-16"]
    )
    assert code == 0
    assert import_kmehr(out.read_bytes()).id == samples.incapacity().id
    assert "ICF capacities" in capsys.readouterr().err  # the example's fit-note has some


def test_cli_export_invalid_document_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads((EXAMPLES / "incapacity-initial.json").read_bytes())
    data["patient"]["niss"] = "85073003228"  # wrong check digits
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    out = tmp_path / "out.xml"
    assert main(["export-kmehr", str(bad), "-r", "employer", "-o", str(out)]) == 1
    assert "patient.niss" in capsys.readouterr().err
    assert not out.exists()


def test_cli_export_unreadable_input_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    assert main(["export-kmehr", str(junk), "-r", "patient"]) == 2
    fit = tmp_path / "fit.json"
    fit.write_bytes((EXAMPLES / "fit-note.json").read_bytes())
    assert main(["export-kmehr", str(fit), "-r", "patient", "--today", "2026-11-16"]) == 2
    assert "kmehr.not_exportable" in capsys.readouterr().err
