"""Write an incapacity certificate as a KMEHR 1.42 ``kmehrmessage`` for one recipient.

The content comes from ``datasets.project(document, recipient)``: the advising
physician and Medex get the medical items (reason, dates, diagnoses, hospital stay,
stay abroad, pregnancy items), the employer and the patient a message without them.
Only what KMEHR's ``personType`` requires and no view carries comes from the document
itself: the split of the patient's name (every view has the full name), the usual
language, and the sex, which only recipients who see the NISS (that encodes it) get.

The Mult-eMediatt schematron requires an incapacity reason in every notification;
views without medical details carry none, so those copies say ``illness`` (see
``UNDISCLOSED_REASON``). The fit-note's ICF capacities, the first prognosis and the
antedating and duration justifications have no item in the schematron's closed list and
are not written (the advising physician reads the justifications on the PDF copy).

Built with lxml element by element (no templates): escaping, namespaces and element
order are the library's and the XSD's business, not string formatting's.
"""

from __future__ import annotations

from datetime import date, datetime

from lxml import etree

from fitnote_desktop.documents.kmehr import codes
from fitnote_desktop.documents.kmehr.codes import NS, SV, KmehrRecipient
from fitnote_desktop.documents.kmehr.errors import KmehrError
from fitnote_desktop.domain.datasets import RecipientView, project
from fitnote_desktop.domain.identifiers import is_valid_niss, is_valid_riziv, niss_info
from fitnote_desktop.domain.model import (
    Address,
    CertificateKind,
    Diagnosis,
    Document,
    HospitalStay,
    IncapacityCertificate,
    IncapacityReason,
    Practitioner,
    Sex,
)

TRANSACTION_TYPES = {
    CertificateKind.INITIAL: "incapacity",
    CertificateKind.PROLONGATION: "incapacityextension",
    CertificateKind.RELAPSE: "incapacityrelapse",
}
# what a copy without medical details says as reason: the schematron requires one
UNDISCLOSED_REASON = IncapacityReason.ILLNESS
DATED_REASONS = frozenset(
    {
        IncapacityReason.ACCIDENT,
        IncapacityReason.TRAVEL_ACCIDENT,
        IncapacityReason.WORK_ACCIDENT,
        IncapacityReason.OCCUPATIONAL_DISEASE,
    }
)


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    child = etree.SubElement(parent, _q(tag), attrib)
    if text is not None:
        child.text = text
    return child


def _cd(parent: etree._Element, scheme: str, value: str, tag: str = "cd", **extra: str) -> None:
    version = SV[scheme]
    _el(parent, tag, value, S=scheme, SV=version, **extra)


def _local_cd(parent: etree._Element, sl: str, value: str) -> None:
    _el(parent, "cd", value, S="LOCAL", SL=sl, SV=SV["LOCAL"])


def _date(parent: etree._Element, tag: str, day: date) -> None:
    _el(_el(parent, tag), "date", day.isoformat())


class _Writer:
    """One message: numbering of the items and the language of free texts."""

    def __init__(self, document: Document, view: RecipientView, recipient: KmehrRecipient):
        self.document = document
        self.view = view
        self.recipient = recipient
        self.lang = view.language.value
        self._items = 0

    # ------------------------------------------------------------------ parties

    def _address(self, parent: etree._Element, address: Address, kind: str) -> None:
        el = _el(parent, "address")
        _cd(el, "CD-ADDRESS", kind)
        if address.country:
            _cd(_el(el, "country"), "CD-COUNTRY", address.country.lower())
        if address.postal_code:
            _el(el, "zip", address.postal_code)
        if address.city:
            _el(el, "city", address.city)
        if address.street:
            _el(el, "street", address.street)
        if address.house_number:
            _el(el, "housenumber", address.house_number)

    def _physician(self, parent: etree._Element, author: Practitioner) -> None:
        hcp = _el(parent, "hcparty")
        _cd(hcp, "ID-HCPARTY", author.riziv, tag="id")
        _cd(hcp, "CD-HCPARTY", "persphysician")
        _el(hcp, "firstname", author.given_name)
        _el(hcp, "familyname", author.family_name)
        if author.address is not None:
            self._address(hcp, author.address, "work")
        for device, number in (("phone", author.phone), ("email", author.email)):
            if number:
                telecom = _el(hcp, "telecom")
                _cd(telecom, "CD-ADDRESS", "work")
                _cd(telecom, "CD-TELECOM", device)
                _el(telecom, "telecomnumber", number)

    def _recipient(self, parent: etree._Element) -> None:
        hcp = _el(_el(parent, "recipient"), "hcparty")
        org = codes.ORGANISATIONS.get(self.recipient)
        if org is not None:
            _cd(hcp, org.id_scheme, org.id_value, tag="id")
            _cd(hcp, "CD-HCPARTY", org.hcparty)
            _el(hcp, "name", org.name)
        elif self.recipient is KmehrRecipient.PATIENT:
            patient = self.document.patient
            if self.view.patient_niss:
                _cd(hcp, "INSS", self.view.patient_niss, tag="id")
            _local_cd(hcp, codes.LOCAL_RECIPIENT, "patient")
            _el(hcp, "firstname", patient.given_name)
            _el(hcp, "familyname", patient.family_name)
        else:
            # routing, not content: the employer's own name is what addresses the copy
            _local_cd(hcp, codes.LOCAL_RECIPIENT, "employer")
            employment = self.document.employment
            if employment is not None and employment.employer_name:
                _el(hcp, "name", employment.employer_name)

    def _sex(self) -> Sex:
        """The sex the NISS encodes (it decides, issue 12 rule 14), else the recorded one.

        Only for views that carry the NISS; the others say ``unknown``.
        """
        niss = self.view.patient_niss
        if not niss:
            return Sex.UNKNOWN
        derived = niss_info(niss).sex if is_valid_niss(niss) else Sex.UNKNOWN
        return derived if derived is not Sex.UNKNOWN else self.document.patient.sex

    def _patient(self, folder: etree._Element) -> None:
        view, patient = self.view, self.document.patient
        el = _el(folder, "patient")
        if view.patient_niss:
            _cd(el, "ID-PATIENT", view.patient_niss, tag="id")
        else:
            _local_cd_id(el, codes.LOCAL_DOCUMENT, view.document_id)
        _el(el, "firstname", patient.given_name)
        _el(el, "familyname", patient.family_name)
        if view.patient_birth_date is not None:
            _date(el, "birthdate", view.patient_birth_date)
        _cd(_el(el, "sex"), "CD-SEX", self._sex().value)
        _el(el, "usuallanguage", patient.language.value)
        employment = view.employment
        if employment is not None:
            situation = employment.situation.kmehr_code
            if situation or employment.job_title:
                profession = _el(el, "profession")
                if situation:
                    _cd(profession, "CD-EMPLOYMENTSITUATION", situation)
                if employment.job_title:
                    _el(profession, "text", employment.job_title, L=self.lang)

    # ------------------------------------------------------------------ items

    def _item(
        self, transaction: etree._Element, code: str, *, local: bool = False
    ) -> etree._Element:
        self._items += 1
        item = _el(transaction, "item")
        _cd(item, "ID-KMEHR", str(self._items), tag="id")
        if local:
            _local_cd(item, codes.MMEDIATT, code)
        else:
            _cd(item, "CD-ITEM", code)
        return item

    def _incapacity(self, transaction: etree._Element, cert: IncapacityCertificate) -> None:
        view = self.view
        medical = view.medical if self.recipient.medical else None
        reason = medical.reason if medical is not None and medical.reason else UNDISCLOSED_REASON
        item = self._item(transaction, "incapacity")
        incapacity = _el(_el(item, "content"), "incapacity")
        _cd(incapacity, "CD-INCAPACITY", cert.incapacity_for.value)
        _cd(_el(incapacity, "incapacityreason"), "CD-INCAPACITYREASON", reason.value)
        if view.out_of_home_allowed is not None:  # the validation asks it of a sent one
            _el(incapacity, "outofhomeallowed", "true" if view.out_of_home_allowed else "false")
        if medical is not None and reason in DATED_REASONS:
            day = (
                medical.occupational_disease_declared
                if reason is IncapacityReason.OCCUPATIONAL_DISEASE
                else medical.accident_date
            )
            if day is not None:
                _el(_el(item, "content"), "date", day.isoformat())
        period = view.period
        if period is not None:
            _date(item, "beginmoment", period.begin)
            if period.end is not None:
                _date(item, "endmoment", period.end)

    def _diagnoses(self, transaction: etree._Element, diagnoses: tuple[Diagnosis, ...]) -> None:
        principal = _principal_index(diagnoses)
        for i, dx in enumerate(diagnoses):
            item = self._item(transaction, "diagnosis")
            if i == principal:
                _local_cd(item, codes.MMEDIATT, codes.PRINCIPAL)
            if dx.code and dx.code_system is not None:
                scheme, version = codes.DIAGNOSIS_SYSTEMS[dx.code_system]
                _el(_el(item, "content"), "cd", dx.code, S=scheme, SV=version)
            if dx.text:
                _el(_el(item, "content"), "text", dx.text, L=self.lang)

    def _hospital_stay(self, transaction: etree._Element, stay: HospitalStay) -> None:
        encounter = self._item(transaction, "encountertype")
        _cd(_el(encounter, "content"), "CD-ENCOUNTER", "hospital")
        admission = self._item(transaction, "encounterdatetime")
        _el(_el(admission, "content"), "date", stay.admission.isoformat())
        if stay.discharge is not None:
            discharge = self._item(transaction, "dischargedatetime")
            _el(_el(discharge, "content"), "date", stay.discharge.isoformat())
        if stay.hospital_name or stay.hospital_id:
            location = self._item(transaction, "encounterlocation")
            hcp = _el(_el(location, "content"), "hcparty")
            if stay.hospital_id:
                if is_valid_riziv(stay.hospital_id) or _is_riziv_institution(stay.hospital_id):
                    _cd(hcp, "ID-HCPARTY", stay.hospital_id, tag="id")
                else:
                    _el(hcp, "id", stay.hospital_id, S="LOCAL", SL=codes.LOCAL_HOSPITAL, SV="1.0")
            _cd(hcp, "CD-HCPARTY", "orghospital")
            if stay.hospital_name:
                _el(hcp, "name", stay.hospital_name)

    def _medical_items(self, transaction: etree._Element) -> None:
        medical = self.view.medical
        if not self.recipient.medical or medical is None:
            return
        self._diagnoses(transaction, medical.diagnoses)
        if medical.hospital_stay is not None:
            self._hospital_stay(transaction, medical.hospital_stay)
        if medical.stay_abroad is not None:
            stay = self._item(transaction, codes.FOREIGN_STAY, local=True)
            if medical.stay_abroad.country:
                _el(_el(stay, "content"), "text", medical.stay_abroad.country, L=self.lang)
            _date(stay, "beginmoment", medical.stay_abroad.begin)
            _date(stay, "endmoment", medical.stay_abroad.end)
        if medical.reason is IncapacityReason.PREGNANCY:
            if medical.expected_delivery is not None:
                birth = self._item(transaction, codes.EXPECTED_BIRTH, local=True)
                _el(_el(birth, "content"), "date", medical.expected_delivery.isoformat())
            if medical.maternity_leave is not None:
                leave = self._item(transaction, codes.MATERNITY_LEAVE, local=True)
                _date(leave, "beginmoment", medical.maternity_leave.begin)
                if medical.maternity_leave.end is not None:
                    _date(leave, "endmoment", medical.maternity_leave.end)

    # ------------------------------------------------------------------ message

    def message(self, cert: IncapacityCertificate, now: datetime) -> bytes:
        view = self.view
        root = etree.Element(_q("kmehrmessage"), nsmap={None: NS})
        header = _el(root, "header")
        _cd(_el(header, "standard"), "CD-STANDARD", codes.STANDARD)
        _cd(header, "ID-KMEHR", f"{view.author.riziv}.{view.document_id}", tag="id")
        _el(header, "date", now.date().isoformat())
        _el(header, "time", now.time().replace(microsecond=0, tzinfo=None).isoformat())
        self._physician(_el(header, "sender"), view.author)
        self._recipient(header)

        folder = _el(root, "folder")
        _cd(folder, "ID-KMEHR", "1", tag="id")
        self._patient(folder)
        transaction = _el(folder, "transaction")
        _cd(transaction, "ID-KMEHR", "1", tag="id")
        _cd(transaction, "CD-TRANSACTION", "notification")
        _cd(transaction, "CD-TRANSACTION-TYPE", TRANSACTION_TYPES[cert.certificate_kind])
        _el(transaction, "date", view.consultation.date.isoformat())
        _el(transaction, "time", "00:00:00")
        self._physician(_el(transaction, "author"), view.author)
        _el(transaction, "iscomplete", "true")
        _el(transaction, "isvalidated", "true")
        self._incapacity(transaction, cert)
        self._medical_items(transaction)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _local_cd_id(parent: etree._Element, sl: str, value: str) -> None:
    _el(parent, "id", value, S="LOCAL", SL=sl, SV=SV["LOCAL"])


def _principal_index(diagnoses: tuple[Diagnosis, ...]) -> int:
    for i, dx in enumerate(diagnoses):
        if dx.principal:
            return i
    return 0


def _is_riziv_institution(number: str) -> bool:
    """An 8-digit RIZIV/INAMI institution number with check digits modulo 97 or 89.

    The schematron checks every ``ID-HCPARTY`` this way (8 or 10 digits: institutions;
    11: persons); any other hospital identifier is written as a LOCAL id.
    """
    if len(number) not in (8, 10) or not number.isdigit():
        return False
    body, check = int(number[:-2]), int(number[-2:])
    return check in (97 - body % 97, 89 - body % 89)


def export_kmehr(document: Document, recipient: KmehrRecipient | str, *, now: datetime) -> bytes:
    """The KMEHR message of ``document`` for ``recipient``, as UTF-8 XML bytes.

    ``now`` stamps the header (creation of the message); the same document, recipient
    and ``now`` always give the same bytes. The document is not validated here (the
    caller does, before signing or sending); a body that is not an incapacity
    certificate raises ``KmehrError`` (``kmehr.not_exportable``).
    """
    recipient = KmehrRecipient(recipient)
    cert = document.body
    if not isinstance(cert, IncapacityCertificate):
        raise KmehrError(
            "kmehr.not_exportable", "only incapacity certificates have a KMEHR message"
        )
    view = project(document, recipient.dataset)
    return _Writer(document, view, recipient).message(cert, now)
