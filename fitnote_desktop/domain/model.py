"""The documents a Belgian treating physician issues, as immutable values.

Code values follow the KMEHR vocabularies used by the real electronic flow
(CD-INCAPACITY, CD-INCAPACITYREASON, employment situations), so that a document can be
mapped onto a KMEHR "incapacity" item without translation tables. The model holds no
behaviour beyond small derived properties: rules live in ``validation``, projections
per recipient in ``datasets``, serialisation in ``canonical``.

Everything is a frozen dataclass with tuples instead of lists: a document is a value
that gets hashed and signed, and editing produces a new value (``dataclasses.replace``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

SCHEMA = "fitnote/1"
LANGUAGES = ("nl", "fr", "de", "en")


class Language(StrEnum):
    NL = "nl"
    FR = "fr"
    DE = "de"
    EN = "en"


class DocumentKind(StrEnum):
    """What the physician issues."""

    INCAPACITY = "incapacity"  # certificate of incapacity, optionally with a fit-note
    FIT_NOTE = "fit-note"  # stand-alone fit-note
    PARTIAL_RESUMPTION = "partial-resumption"  # authorisation of partial resumption
    INVALIDITY_RECOGNITION = "invalidity-recognition"  # annual invalidity recognition


class CertificateKind(StrEnum):
    INITIAL = "initial"
    PROLONGATION = "prolongation"
    RELAPSE = "relapse"


class IncapacityFor(StrEnum):
    """KMEHR CD-INCAPACITY: what the patient is unable to do (exactly one per certificate)."""

    WORK = "work"
    SCHOOL = "school"
    SCHOOL_SPORTS = "schoolsports"
    SWIM = "swim"
    SPORT = "sport"
    HEAVY_PHYSICAL_ACTIVITY = "heavyphysicalactivity"
    TRAVEL = "travel"
    VOTE = "vote"


class IncapacityReason(StrEnum):
    """The six CD-INCAPACITYREASON values Mult-eMediatt accepts.

    A hospital stay is not a reason: it is recorded as a :class:`HospitalStay`.
    """

    ILLNESS = "illness"
    ACCIDENT = "accident"
    TRAVEL_ACCIDENT = "traveltofromworkaccident"
    WORK_ACCIDENT = "workaccident"
    OCCUPATIONAL_DISEASE = "occupationaldisease"
    PREGNANCY = "pregnancy"


class EmploymentSituation(StrEnum):
    """Employment situation of the patient.

    The first three are KMEHR CD-EMPLOYMENTSITUATION values; a job seeker and "other" are
    local values that are never written as a KMEHR code (``kmehr_code`` is None).
    """

    EMPLOYED = "employed"
    CIVIL_SERVANT = "civilservant"
    SELF_EMPLOYED = "selfemployed"
    JOB_SEEKER = "jobseeker"
    OTHER = "other"

    @property
    def kmehr_code(self) -> str | None:
        """The CD-EMPLOYMENTSITUATION code, or None for a local-only value."""
        return self.value if self in _KMEHR_EMPLOYMENT else None


_KMEHR_EMPLOYMENT = frozenset(
    {
        EmploymentSituation.EMPLOYED,
        EmploymentSituation.CIVIL_SERVANT,
        EmploymentSituation.SELF_EMPLOYED,
    }
)


class CodeSystem(StrEnum):
    ICPC2 = "ICPC-2"
    ICD10 = "ICD-10"
    SNOMED_CT = "SNOMED-CT"


class FitNoteStatus(StrEnum):
    """The two answers of a fit-note, after the UK Statement of Fitness for Work."""

    NOT_FIT = "not-fit"
    FIT_ADAPTED = "fit-adapted"  # may be fit for work taking into account the advice


class AdviceOption(StrEnum):
    PHASED_RETURN = "phased-return"
    ALTERED_HOURS = "altered-hours"
    AMENDED_DUTIES = "amended-duties"
    WORKPLACE_ADAPTATIONS = "workplace-adaptations"
    OTHER_WORK = "other-work"


class AuthorisingRole(StrEnum):
    """Who authorises a partial resumption (from 2025 both count like the advising physician)."""

    TREATING_PHYSICIAN = "treating-physician"
    OCCUPATIONAL_PHYSICIAN = "occupational-physician"


class Recipient(StrEnum):
    """Who receives a copy, each with its own dataset (see ``datasets``)."""

    ADVISING_PHYSICIAN = "advising-physician"
    OCCUPATIONAL_PHYSICIAN = "occupational-physician"
    EMPLOYER = "employer"
    PATIENT = "patient"


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Address:
    street: str = ""
    house_number: str = ""
    postal_code: str = ""
    city: str = ""
    country: str = "BE"

    def one_line(self) -> str:
        street = " ".join(p for p in (self.street, self.house_number) if p)
        town = " ".join(p for p in (self.postal_code, self.city) if p)
        return ", ".join(p for p in (street, town) if p)


@dataclass(frozen=True)
class Patient:
    niss: str
    given_name: str
    family_name: str
    language: Language = Language.NL
    address: Address | None = None
    birth_date: date | None = None  # derived from the NISS when not given
    sex: Sex = Sex.UNKNOWN

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class Practitioner:
    """The author: name, RIZIV/INAMI number (qualification in its last three digits)."""

    given_name: str
    family_name: str
    riziv: str
    address: Address | None = None
    phone: str = ""
    email: str = ""
    practice_name: str = ""
    niss: str = ""  # signing/login attribute: only the advising physician's dataset has it

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


@dataclass(frozen=True)
class Employment:
    situation: EmploymentSituation = EmploymentSituation.EMPLOYED
    job_title: str = ""
    employer_name: str = ""
    employer_language: Language | None = None  # None: unknown, employer copy NL+FR


@dataclass(frozen=True)
class Consent:
    """The patient's recorded consent (required before sending data electronically)."""

    electronic_sending: bool = False  # to the advising / occupational physician via the endpoint
    share_capacities_with_employer: bool = False  # employer may see the fit-note's capacities
    episode_sharing: bool = False  # another physician may fetch the episode to prolong it
    recorded_at: datetime | None = None
    reference: str = ""  # e.g. consent form number, for the endpoint's audit


@dataclass(frozen=True)
class Consultation:
    date: date
    place: str = ""


@dataclass(frozen=True)
class Diagnosis:
    """A code and/or a text; at most one of a certificate's diagnoses is principal."""

    text: str = ""
    code: str = ""
    code_system: CodeSystem | None = None
    principal: bool = False


@dataclass(frozen=True)
class Period:
    begin: date
    end: date | None  # mandatory since 2016 for incapacity; validation reports a missing end

    def days(self) -> int | None:
        return None if self.end is None else (self.end - self.begin).days + 1

    def contains(self, day: date) -> bool:
        return self.begin <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class HospitalStay:
    """A hospital stay during the incapacity (KMEHR encounter items, not a reason)."""

    admission: date
    discharge: date | None = None
    hospital_name: str = ""
    hospital_id: str = ""  # e.g. the hospital's RIZIV/INAMI or eHealth identifier, optional


@dataclass(frozen=True)
class StayAbroad:
    begin: date
    end: date
    country: str = ""


@dataclass(frozen=True)
class IcfCapacity:
    """One work capacity: ICF code, generic qualifier, and what the patient *can* do."""

    code: str
    qualifier: int
    statement: str = ""  # positively phrased: "can lift up to 5 kg"


@dataclass(frozen=True)
class FitNote:
    status: FitNoteStatus
    advice: tuple[AdviceOption, ...] = ()
    free_advice: str = ""
    review_date: date | None = None
    capacities: tuple[IcfCapacity, ...] = ()
    period: Period | None = None  # stand-alone fit-note: its own period


@dataclass(frozen=True)
class PreviousCertificate:
    """The certificate continued by a prolongation or followed by a relapse.

    Carries the dates so that the rules can be checked even when the previous
    certificate was issued elsewhere and is known only from the patient's paper copy.
    """

    reference: str  # document UUID, or the reference printed on the paper copy
    begin: date | None = None
    end: date | None = None
    author_riziv: str = ""


@dataclass(frozen=True)
class IncapacityCertificate:
    certificate_kind: CertificateKind
    period: Period
    reason: IncapacityReason = IncapacityReason.ILLNESS
    incapacity_for: IncapacityFor = IncapacityFor.WORK
    diagnoses: tuple[Diagnosis, ...] = ()  # at most 3, one marked principal
    out_of_home_allowed: bool | None = None  # a yes/no the physician answers; None: not yet
    expected_return: date | None = None  # first prognosis on return to work (mandatory)
    accident_date: date | None = None
    occupational_disease_declared: date | None = None
    hospital_stay: HospitalStay | None = None
    residence_during_incapacity: Address | None = None
    stay_abroad: StayAbroad | None = None
    previous: PreviousCertificate | None = None
    fit_note: FitNote | None = None
    antedating_justification: str = ""  # only the advising physician sees it
    # Why the episode runs past the duration guidance; only the advising physician sees it.
    # None (not "") when absent, so documents signed before the field existed stay canonical.
    duration_justification: str | None = None
    expected_delivery: date | None = None  # self-employed woman, pregnancy
    maternity_leave: Period | None = None  # self-employed woman, pregnancy

    @property
    def principal_diagnosis(self) -> Diagnosis | None:
        """The diagnosis marked principal, else the first one."""
        marked = [d for d in self.diagnoses if d.principal]
        if marked:
            return marked[0]
        return self.diagnoses[0] if self.diagnoses else None


@dataclass(frozen=True)
class PartialResumption:
    start: date
    end: date | None = None
    percentage: int | None = None  # of a full-time job, 1..99
    hours_per_week: Decimal | None = None  # alternative to a percentage
    conditions: str = ""
    nature: str = ""  # the nature of the work resumed
    authorised_by: AuthorisingRole = AuthorisingRole.TREATING_PHYSICIAN
    related_certificate: str = ""  # reference of the certificate of the incapacity episode


@dataclass(frozen=True)
class InvalidityRecognition:
    """Annual renewal of the invalidity recognition; valid for at most 12 months."""

    valid_from: date
    valid_until: date
    incapacity_since: date | None = None  # start of the primary incapacity
    diagnoses: tuple[Diagnosis, ...] = ()
    remarks: str = ""


Body = IncapacityCertificate | FitNote | PartialResumption | InvalidityRecognition

BODY_KINDS: dict[type[Body], DocumentKind] = {
    IncapacityCertificate: DocumentKind.INCAPACITY,
    FitNote: DocumentKind.FIT_NOTE,
    PartialResumption: DocumentKind.PARTIAL_RESUMPTION,
    InvalidityRecognition: DocumentKind.INVALIDITY_RECOGNITION,
}


def new_document_id() -> uuid.UUID:
    return uuid.uuid4()


@dataclass(frozen=True)
class Document:
    """A document as the physician signs it: header (who, when, for whom) plus a body."""

    author: Practitioner
    patient: Patient
    consultation: Consultation
    body: Body
    id: uuid.UUID = field(default_factory=new_document_id)
    language: Language = Language.NL
    employment: Employment | None = None
    consent: Consent = field(default_factory=Consent)
    recipients: tuple[Recipient, ...] = (
        Recipient.ADVISING_PHYSICIAN,
        Recipient.OCCUPATIONAL_PHYSICIAN,
        Recipient.EMPLOYER,
        Recipient.PATIENT,
    )
    episode_id: str = ""  # groups the certificates of one incapacity episode
    replaces: str = ""  # reference of the document this one replaces
    schema: str = SCHEMA

    @property
    def kind(self) -> DocumentKind:
        return BODY_KINDS[type(self.body)]

    @property
    def period(self) -> Period | None:
        """The period the document covers, whatever its kind."""
        body = self.body
        if isinstance(body, IncapacityCertificate):
            return body.period
        if isinstance(body, FitNote):
            return body.period
        if isinstance(body, PartialResumption):
            return Period(body.start, body.end)
        return Period(body.valid_from, body.valid_until)

    @property
    def fit_note(self) -> FitNote | None:
        if isinstance(self.body, FitNote):
            return self.body
        if isinstance(self.body, IncapacityCertificate):
            return self.body.fit_note
        return None

    @property
    def diagnoses(self) -> tuple[Diagnosis, ...]:
        body = self.body
        if isinstance(body, IncapacityCertificate | InvalidityRecognition):
            return body.diagnoses
        return ()

    @property
    def sent_electronically(self) -> bool:
        """Electronic recipients are the physicians reached through the endpoint."""
        return any(
            r in (Recipient.ADVISING_PHYSICIAN, Recipient.OCCUPATIONAL_PHYSICIAN)
            for r in self.recipients
        )
