"""Patients: find, open, create or correct one; live checks of the patient form."""

from __future__ import annotations

from dataclasses import replace

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.identifiers import compact, niss_error, niss_info
from fitnote_desktop.domain.model import Patient, Sex
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.ports import PatientRecord, PatientRepository


def patient_findings(patient: Patient) -> list[Finding]:
    """Live checks of the patient form (NISS, names), same codes as the domain."""
    out: list[Finding] = []
    if code := niss_error(patient.niss):
        out.append(Finding(code, "patient.niss"))
    if not patient.family_name.strip():
        out.append(Finding("patient.name_missing", "patient.family_name"))
    if not patient.given_name.strip():
        out.append(Finding("patient.name_missing", "patient.given_name"))
    return out


class Patients:
    """The practice's patients in the encrypted store."""

    def __init__(self, repository: PatientRepository) -> None:
        self._repository = repository

    def search(self, text: str, limit: int = 50) -> list[PatientRecord]:
        """Matches for ``text``; the recently opened patients when it is empty."""
        text = text.strip()
        with translating("store.error"):
            if text:
                return self._repository.search(text, limit)
            return self._repository.recent(limit)

    def get(self, patient_id: str) -> PatientRecord:
        with translating("store.error"):
            return self._repository.get(patient_id)

    def open(self, patient_id: str) -> None:
        """The physician opened this patient: it moves to the top of the recent list."""
        with translating("store.error"):
            self._repository.touch(patient_id)

    findings = staticmethod(patient_findings)

    def save(self, patient: Patient, patient_id: str | None = None) -> PatientRecord:
        """Create or update; the NISS is stored compact and birth date/sex derived from it."""
        findings = patient_findings(patient)
        if findings:
            raise ServiceError(findings[0].code)
        info = niss_info(patient.niss)
        patient = replace(
            patient,
            niss=compact(patient.niss),
            birth_date=patient.birth_date or info.birth_date,
            sex=info.sex if info.sex is not Sex.UNKNOWN else patient.sex,
        )
        with translating("store.error"):
            if patient_id is None:
                return self._repository.add(patient)
            return self._repository.update(patient_id, patient)
