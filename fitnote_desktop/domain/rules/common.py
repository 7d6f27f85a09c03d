"""What every rule module shares: how a finding is made, and who receives the document."""

from __future__ import annotations

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.identifiers import niss_error, niss_info
from fitnote_desktop.domain.model import Document, Recipient, Sex


def err(code: str, field: str, /, **params: object) -> Finding:
    """A finding that blocks signing."""
    return Finding(code, field, Severity.ERROR, dict(params))


def warn(code: str, field: str, /, **params: object) -> Finding:
    """A finding that asks for a second look but lets the physician sign."""
    return Finding(code, field, Severity.WARNING, dict(params))


def to_mutuality(doc: Document) -> bool:
    """The advising physician (mutuality, or Medex for a civil servant) receives it."""
    return Recipient.ADVISING_PHYSICIAN in doc.recipients


def patient_sex(doc: Document) -> Sex:
    """The sex the NISS encodes decides (rule 14); the typed value only without a valid NISS."""
    if niss_error(doc.patient.niss) is None:
        sex = niss_info(doc.patient.niss).sex
        if sex is not Sex.UNKNOWN:
            return sex
    return doc.patient.sex
