"""Read a KMEHR incapacity notification (ours or another EMR's) into the model.

The message may come from anywhere (a colleague's EMR, the endpoint, a dropped file),
so the parser resolves no entities, loads no DTD and reaches no network. What KMEHR
does not carry (consent, the first prognosis, the previous certificate's reference,
the fit-note) stays at the model's defaults: the result is a starting point that the
physician completes, checked by ``validate`` like any draft.

The document id is the UUID after the dot of the header id when there is one (our own
messages), else a UUID derived from the whole header id, so reading the same message
twice gives the same document.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import Enum
from typing import TypeVar

from lxml import etree

from fitnote_desktop.documents.kmehr import codes
from fitnote_desktop.documents.kmehr.codes import NS
from fitnote_desktop.documents.kmehr.errors import KmehrError
from fitnote_desktop.domain.model import (
    Address,
    CertificateKind,
    Consultation,
    Diagnosis,
    Document,
    Employment,
    EmploymentSituation,
    HospitalStay,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    Language,
    Patient,
    Period,
    Practitioner,
    Sex,
    StayAbroad,
)

N = {"k": NS}
KINDS = {
    "incapacity": CertificateKind.INITIAL,
    "incapacityextension": CertificateKind.PROLONGATION,
    "incapacityrelapse": CertificateKind.RELAPSE,
}
EMPLOYERS = {"employer"}
_LANGUAGES = frozenset(lang.value for lang in Language)
_MAX_BYTES = 5_000_000  # a certificate is a few kB; refuse anything absurd before parsing

_Element = etree._Element


def _malformed(what: str) -> KmehrError:
    return KmehrError("kmehr.malformed", f"not a usable incapacity notification: {what}")


def _text(el: _Element | None, path: str) -> str:
    if el is None:
        return ""
    found = el.find(path, N)
    return (found.text or "").strip() if found is not None else ""


def _yes_no(text: str) -> bool | None:
    """An xs:boolean as True/False; None when the element is absent (not answered)."""
    if not text:
        return None
    return text in ("true", "1")


def _cd(el: _Element, scheme: str, sl: str | None = None) -> list[str]:
    out = []
    for cd in el.findall("k:cd", N):
        if cd.get("S") == scheme and (sl is None or cd.get("SL") == sl):
            out.append((cd.text or "").strip())
    return out


def _date(el: _Element | None, path: str) -> date | None:
    raw = _text(el, path)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise _malformed(f"{path.replace('k:', '')} is not a date") from None


E = TypeVar("E", bound=Enum)


def _enum(cls: type[E], raw: str, what: str) -> E:
    try:
        return cls(raw)
    except ValueError:
        raise _malformed(f"unknown {what} code") from None


def _parse(data: bytes) -> _Element:
    if len(data) > _MAX_BYTES:
        raise KmehrError("kmehr.bad_xml", "not an XML file of a reasonable size")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise KmehrError("kmehr.bad_xml", "not well-formed XML") from None
    if root.tag != f"{{{NS}}}kmehrmessage":
        raise KmehrError(
            "kmehr.foreign_schema",
            "not a KMEHR message (root must be kmehrmessage, KMEHR namespace)",
        )
    return root


def _address(el: _Element | None) -> Address | None:
    if el is None:
        return None
    country = _text(el, "k:country/k:cd").upper() or "BE"
    return Address(
        street=_text(el, "k:street"),
        house_number=_text(el, "k:housenumber"),
        postal_code=_text(el, "k:zip"),
        city=_text(el, "k:city"),
        country=country,
    )


def _physician(hcparty: _Element | None) -> Practitioner:
    if hcparty is None:
        raise _malformed("the transaction has no author")
    riziv = next(iter(_id(hcparty, "ID-HCPARTY")), "")
    telecoms = {
        _text(t, "k:cd[@S='CD-TELECOM']"): _text(t, "k:telecomnumber")
        for t in hcparty.findall("k:telecom", N)
    }
    return Practitioner(
        given_name=_text(hcparty, "k:firstname"),
        family_name=_text(hcparty, "k:familyname") or _text(hcparty, "k:name"),
        riziv=riziv,
        address=_address(hcparty.find("k:address", N)),
        phone=telecoms.get("phone", "") or telecoms.get("mobile", ""),
        email=telecoms.get("email", ""),
    )


def _id(el: _Element, *schemes: str) -> list[str]:
    return [(i.text or "").strip() for i in el.findall("k:id", N) if i.get("S") in schemes]


def _author(transaction: _Element) -> Practitioner:
    for hcparty in transaction.findall("k:author/k:hcparty", N):
        if "persphysician" in _cd(hcparty, "CD-HCPARTY") or _id(hcparty, "ID-HCPARTY"):
            return _physician(hcparty)
    return _physician(transaction.find("k:author/k:hcparty", N))


def _patient(el: _Element) -> Patient:
    sex_code = _text(el, "k:sex/k:cd")
    language = _text(el, "k:usuallanguage").lower()[:2]
    return Patient(
        niss=next(iter(_id(el, "ID-PATIENT", "INSS")), ""),
        given_name=_text(el, "k:firstname"),
        family_name=_text(el, "k:familyname"),
        language=Language(language) if language in _LANGUAGES else Language.NL,
        birth_date=_date(el, "k:birthdate/k:date"),
        sex=Sex(sex_code) if sex_code in {s.value for s in Sex} else Sex.UNKNOWN,
    )


def _employment(patient: _Element, recipient: _Element | None) -> Employment | None:
    profession = patient.find("k:profession", N)
    employer_name = ""
    if recipient is not None and set(_cd(recipient, "LOCAL", codes.LOCAL_RECIPIENT)) & EMPLOYERS:
        employer_name = _text(recipient, "k:name")
    if profession is None and not employer_name:
        return None
    code = _text(profession, "k:cd[@S='CD-EMPLOYMENTSITUATION']")
    situation = EmploymentSituation.OTHER
    if code:
        situation = _enum(EmploymentSituation, code, "employment situation")
    return Employment(
        situation=situation, job_title=_text(profession, "k:text"), employer_name=employer_name
    )


def _diagnosis(item: _Element) -> Diagnosis:
    code, system = "", None
    for cd in item.findall("k:content/k:cd", N):
        system = codes.SYSTEMS_BY_SCHEME.get(cd.get("S", ""))
        if system is not None:
            code = (cd.text or "").strip()
            break
    text = " ".join(_text(c, ".") for c in item.findall("k:content/k:text", N)).strip()
    principal = codes.PRINCIPAL in _cd(item, "LOCAL", codes.MMEDIATT)
    return Diagnosis(text=text, code=code, code_system=system, principal=principal)


def _items(transaction: _Element) -> dict[str, list[_Element]]:
    out: dict[str, list[_Element]] = {}
    for item in transaction.findall("k:item", N):
        for code in (*_cd(item, "CD-ITEM"), *_cd(item, "LOCAL", codes.MMEDIATT)):
            if code != codes.PRINCIPAL:
                out.setdefault(code, []).append(item)
    return out


def _hospital_stay(items: dict[str, list[_Element]]) -> HospitalStay | None:
    admitted = [_date(i, "k:content/k:date") for i in items.get("encounterdatetime", [])]
    if not admitted or admitted[0] is None:
        return None
    discharged = [_date(i, "k:content/k:date") for i in items.get("dischargedatetime", [])]
    location = next(iter(items.get("encounterlocation", [])), None)
    hcparty = location.find("k:content/k:hcparty", N) if location is not None else None
    hospital_id = ""
    if hcparty is not None:
        hospital_id = next(iter(_id(hcparty, "ID-HCPARTY", "LOCAL")), "")
    return HospitalStay(
        admission=admitted[0],
        discharge=discharged[0] if discharged else None,
        hospital_name=_text(hcparty, "k:name"),
        hospital_id=hospital_id,
    )


def _certificate(transaction: _Element, kind: CertificateKind) -> IncapacityCertificate:
    items = _items(transaction)
    found = items.get("incapacity", [])
    if len(found) != 1:
        raise _malformed("there must be exactly one incapacity item")
    item = found[0]
    incapacity = item.find("k:content/k:incapacity", N)
    if incapacity is None:
        raise _malformed("the incapacity item has no incapacity content")
    begin = _date(item, "k:beginmoment/k:date")
    if begin is None:
        raise _malformed("the incapacity item has no begin date")
    reason_code = _text(incapacity, "k:incapacityreason/k:cd")
    reason = IncapacityReason.ILLNESS
    if reason_code:
        reason = _enum(IncapacityReason, reason_code, "incapacity reason")
    for_codes = _cd(incapacity, "CD-INCAPACITY")
    dated = _date(item, "k:content/k:date")
    abroad = next(iter(items.get(codes.FOREIGN_STAY, [])), None)
    birth = next(iter(items.get(codes.EXPECTED_BIRTH, [])), None)
    leave = next(iter(items.get(codes.MATERNITY_LEAVE, [])), None)
    leave_begin = _date(leave, "k:beginmoment/k:date")
    stay_abroad = None
    if abroad is not None:
        abroad_begin, abroad_end = (
            _date(abroad, "k:beginmoment/k:date"),
            _date(abroad, "k:endmoment/k:date"),
        )
        if abroad_begin is not None and abroad_end is not None:
            stay_abroad = StayAbroad(abroad_begin, abroad_end, _text(abroad, "k:content/k:text"))
    return IncapacityCertificate(
        certificate_kind=kind,
        period=Period(begin, _date(item, "k:endmoment/k:date")),
        reason=reason,
        incapacity_for=_enum(IncapacityFor, for_codes[0], "incapacity")
        if for_codes
        else IncapacityFor.WORK,
        diagnoses=tuple(_diagnosis(i) for i in items.get("diagnosis", [])),
        out_of_home_allowed=_yes_no(_text(incapacity, "k:outofhomeallowed")),
        accident_date=dated if reason is not IncapacityReason.OCCUPATIONAL_DISEASE else None,
        occupational_disease_declared=dated
        if reason is IncapacityReason.OCCUPATIONAL_DISEASE
        else None,
        hospital_stay=_hospital_stay(items),
        stay_abroad=stay_abroad,
        expected_delivery=_date(birth, "k:content/k:date"),
        maternity_leave=Period(leave_begin, _date(leave, "k:endmoment/k:date"))
        if leave_begin is not None
        else None,
    )


def _document_id(header: _Element) -> uuid.UUID:
    header_id = next(iter(_id(header, "ID-KMEHR")), "")
    try:
        return uuid.UUID(header_id.rpartition(".")[2])
    except ValueError:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"kmehr:{header_id}")


def import_kmehr(data: bytes) -> Document:
    """The incapacity certificate a KMEHR notification holds.

    Raises ``KmehrError`` with code ``kmehr.bad_xml`` (not XML), ``kmehr.foreign_schema``
    (XML, but not a KMEHR message), ``kmehr.not_incapacity`` (another message type) or
    ``kmehr.malformed`` (an incapacity notification missing what the model needs).
    """
    root = _parse(data)
    header = root.find("k:header", N)
    folders = root.findall("k:folder", N)
    if header is None or len(folders) != 1:
        raise _malformed("a message has one header and one folder")
    transactions = [
        t
        for t in folders[0].findall("k:transaction", N)
        if "notification" in _cd(t, "CD-TRANSACTION")
    ]
    types = [k for t in transactions for k in _cd(t, "CD-TRANSACTION-TYPE") if k in KINDS]
    if len(transactions) != 1 or len(types) != 1:
        raise KmehrError(
            "kmehr.not_incapacity",
            "not an incapacity notification (one notification "
            "transaction of type incapacity, incapacityextension or incapacityrelapse)",
        )
    transaction = transactions[0]
    patient_el = folders[0].find("k:patient", N)
    if patient_el is None:
        raise _malformed("the folder has no patient")
    patient = _patient(patient_el)
    recipient = header.find("k:recipient/k:hcparty", N)
    consultation = _date(transaction, "k:date")
    if consultation is None:
        raise _malformed("the transaction has no date")
    cert = _certificate(transaction, KINDS[types[0]])
    text_languages = [t.get("L", "") for t in transaction.iterfind(".//k:text", N)]
    language = next((lang for lang in text_languages if lang in _LANGUAGES), patient.language)
    return Document(
        author=_author(transaction),
        patient=patient,
        consultation=Consultation(consultation),
        body=cert,
        id=_document_id(header),
        language=Language(language),
        employment=_employment(patient_el, recipient),
    )
