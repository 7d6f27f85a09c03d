"""Diagnosis rules: at most three, each coded or described, codes well-formed."""

from __future__ import annotations

import re

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import CodeSystem, Diagnosis
from fitnote_desktop.domain.rules.common import err

MAX_DIAGNOSES = 3  # schematron: count(diagnosis items) < 4
CODE_FORMATS: dict[CodeSystem, re.Pattern[str]] = {
    CodeSystem.ICPC2: re.compile(r"^[A-Z]\d{2}(\.\d{1,3})?$"),
    CodeSystem.ICD10: re.compile(r"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$"),
    CodeSystem.SNOMED_CT: re.compile(r"^\d{6,18}$"),
}


def check_diagnoses(
    diagnoses: tuple[Diagnosis, ...], field: str, *, required: bool
) -> list[Finding]:
    """At most 3, each a code and/or a text, at most one marked principal.

    Required only when the advising physician (mutuality or Medex) receives the document;
    a school or sports certificate for the patient needs none.
    """
    out: list[Finding] = []
    if required and not diagnoses:
        out.append(err("diagnosis.missing", f"{field}[0].text"))
    if len(diagnoses) > MAX_DIAGNOSES:
        out.append(err("diagnosis.too_many", f"{field}[{MAX_DIAGNOSES}]", maximum=MAX_DIAGNOSES))
    if sum(1 for dx in diagnoses if dx.principal) > 1:
        out.append(err("diagnosis.principal_multiple", f"{field}[0].principal"))
    for i, dx in enumerate(diagnoses):
        if not dx.text.strip() and not dx.code.strip():
            out.append(err("diagnosis.empty", f"{field}[{i}].text"))
        elif dx.code and dx.code_system is None:
            out.append(err("diagnosis.code_system_missing", f"{field}[{i}].code_system"))
        elif (
            dx.code_system is not None
            and dx.code
            and not CODE_FORMATS[dx.code_system].match(dx.code.strip().upper())
        ):
            system = dx.code_system.value
            out.append(err("diagnosis.code_format", f"{field}[{i}].code", system=system))
    return out
