"""KMEHR vocabulary used by the export and the import: namespace, schemes, routing.

Code *values* need no table: the model's enums carry KMEHR's own values
(CD-INCAPACITY, CD-INCAPACITYREASON, CD-EMPLOYMENTSITUATION). What lives here is the
rest: the scheme names and versions, the Mult-eMediatt local item codes, the diagnosis
code systems, and who the four recipients are in eHealth's routing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fitnote_desktop.domain.model import CodeSystem, Recipient

NS = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1"
STANDARD = "20250601"  # CD-STANDARD of KMEHR 1.42 (XSD build 1.42.3)

MMEDIATT = "MMEDIATT-ITEM"  # SL of the LOCAL item codes the Mult-eMediatt schematron allows
PRINCIPAL = "principal"
FOREIGN_STAY = "foreignstay"
EXPECTED_BIRTH = "expectedbirthgivingdate"
MATERNITY_LEAVE = "maternityleave"

LOCAL_RECIPIENT = "FITNOTE-RECIPIENT"  # SL of our local hcparty codes (employer, patient)
LOCAL_DOCUMENT = "FITNOTE-DOCUMENT"  # SL of the local patient id when the NISS is withheld
LOCAL_HOSPITAL = "FITNOTE-HOSPITAL"  # SL of a hospital id that is not a RIZIV/INAMI number

DIAGNOSIS_SYSTEMS: dict[CodeSystem, tuple[str, str]] = {
    CodeSystem.ICPC2: ("ICPC", "2"),
    CodeSystem.ICD10: ("ICD", "10"),
    CodeSystem.SNOMED_CT: ("CD-SNOMED", "1.0"),
}
SYSTEMS_BY_SCHEME = {scheme: system for system, (scheme, _) in DIAGNOSIS_SYSTEMS.items()}

# scheme versions written in SV (the code tables' versions in KMEHR 1.42)
SV = {
    "CD-STANDARD": "1.0",
    "ID-KMEHR": "1.0",
    "ID-HCPARTY": "1.0",
    "ID-PATIENT": "1.0",
    "ID-CBE": "1.0",
    "ID-EHP": "1.0",
    "INSS": "1.0",
    "LOCAL": "1.0",
    "CD-HCPARTY": "1.1",
    "CD-ADDRESS": "1.1",
    "CD-COUNTRY": "1.2",
    "CD-TELECOM": "1.0",
    "CD-SEX": "1.1",
    "CD-TRANSACTION": "1.10",
    "CD-TRANSACTION-TYPE": "1.0",
    "CD-ITEM": "1.11",
    "CD-INCAPACITY": "1.1",
    "CD-INCAPACITYREASON": "1.2",
    "CD-EMPLOYMENTSITUATION": "1.0",
    "CD-ENCOUNTER": "1.0",
}


class KmehrRecipient(StrEnum):
    """Who a message is for. Medex (civil servants) receives the advising physician's dataset."""

    ADVISING_PHYSICIAN = "advising-physician"
    MEDEX = "medex"
    EMPLOYER = "employer"
    PATIENT = "patient"

    @property
    def dataset(self) -> Recipient:
        """The ``datasets.project`` view this recipient may receive."""
        if self in (KmehrRecipient.ADVISING_PHYSICIAN, KmehrRecipient.MEDEX):
            return Recipient.ADVISING_PHYSICIAN
        return Recipient(self.value)

    @property
    def medical(self) -> bool:
        return self.dataset is Recipient.ADVISING_PHYSICIAN


@dataclass(frozen=True)
class Organisation:
    """An eHealth-routed organisation: identifier scheme and value, CD-HCPARTY, name."""

    id_scheme: str
    id_value: str
    hcparty: str
    name: str


ORGANISATIONS: dict[KmehrRecipient, Organisation] = {
    # the mutualities' advising physicians, reached through the NIC/CIN (DOMAIN.md)
    KmehrRecipient.ADVISING_PHYSICIAN: Organisation(
        "ID-CBE", "0820563481", "orginsurance", "CIN-NIC"
    ),
    KmehrRecipient.MEDEX: Organisation("ID-EHP", "1990002015", "orgpublichealth", "Medex"),
}
