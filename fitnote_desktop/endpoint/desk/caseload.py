"""Which documents an advising or occupational physician sees: the registry's assignment.

A physician at the desk sees the documents of the patients the registry assigns to them,
and nothing else (another physician's patient answers 404, not 403: the desk does not
confirm that a document exists). The rule is read from the document itself:

* occupational physician ↔ the employer: the document goes to the occupational
  physician and its employment names one of the registry entry's ``employers``
  (compared without case and surrounding spaces);
* advising physician ↔ the sickness fund's regional office: the patient's postal code
  starts with one of the entry's ``postal_codes``, and the document goes to the advising
  physician at all (its recipients).
"""

from __future__ import annotations

from collections.abc import Sequence

from fitnote_desktop.domain.model import Document, Recipient
from fitnote_desktop.endpoint.settings import RegistryEntry

DESK_ROLES = ("advising", "occupational")
RECIPIENT_OF_ROLE = {
    "advising": Recipient.ADVISING_PHYSICIAN,
    "occupational": Recipient.OCCUPATIONAL_PHYSICIAN,
}


def entry_for(registry: Sequence[RegistryEntry], riziv: str) -> RegistryEntry | None:
    """The registry entry of a desk physician (``None`` for anybody else)."""
    return next((e for e in registry if e.riziv == riziv and e.role in DESK_ROLES), None)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def assigned(entry: RegistryEntry, document: Document) -> bool:
    """Is ``document`` in ``entry``'s caseload?"""
    if entry.role == "occupational":
        employment = document.employment
        if (
            Recipient.OCCUPATIONAL_PHYSICIAN not in document.recipients
            or employment is None
            or not employment.employer_name.strip()
        ):
            return False
        return _folded(employment.employer_name) in {_folded(e) for e in entry.employers}
    if entry.role == "advising":
        address = document.patient.address
        postal = address.postal_code.strip() if address is not None else ""
        return (
            Recipient.ADVISING_PHYSICIAN in document.recipients
            and bool(postal)
            and any(postal.startswith(p) for p in entry.postal_codes if p)
        )
    return False
