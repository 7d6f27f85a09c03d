"""Fit-note rules: adapted work needs advice, capacities are valid ICF codes with a statement."""

from __future__ import annotations

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import Document, FitNote, FitNoteStatus
from fitnote_desktop.domain.rules.common import err, warn
from fitnote_desktop.domain.rules.period import check_period

VALID_QUALIFIERS = frozenset({0, 1, 2, 3, 4, 8, 9})
PLACEHOLDERS = ("...", "…")  # left in a statement template: the physician has to fill them


def check_fit_note(
    fit: FitNote, field: str, *, standalone: bool, document: Document
) -> list[Finding]:
    from fitnote_desktop.domain.icf import (  # data loaded lazily, once
        is_codable_syntax,
        load_catalogue,
    )

    out: list[Finding] = []
    if standalone:
        out += check_period(fit.period, f"{field}.period", consultation=document.consultation.date)
        if (
            fit.review_date is not None
            and fit.period is not None
            and fit.review_date < fit.period.begin
        ):
            out.append(err("fitnote.review_before_begin", f"{field}.review_date"))
    if (
        fit.status is FitNoteStatus.FIT_ADAPTED
        and not fit.advice
        and not fit.capacities
        and not fit.free_advice.strip()
    ):
        out.append(err("fitnote.adapted_without_advice", f"{field}.advice"))
    catalogue = load_catalogue()
    seen: set[str] = set()
    for i, cap in enumerate(fit.capacities):
        cfield = f"{field}.capacities[{i}]"
        if not catalogue.is_valid_code(cap.code):
            if is_codable_syntax(cap.code):
                out.append(warn("icf.code_not_in_catalogue", f"{cfield}.code", code=cap.code))
            else:
                out.append(err("icf.unknown_code", f"{cfield}.code", code=cap.code))
        if cap.qualifier not in VALID_QUALIFIERS:
            out.append(err("icf.invalid_qualifier", f"{cfield}.qualifier", qualifier=cap.qualifier))
        if cap.code in seen:
            out.append(warn("icf.duplicate", f"{cfield}.code", code=cap.code))
        seen.add(cap.code)
        if not cap.statement.strip():
            out.append(warn("icf.statement_missing", f"{cfield}.statement", code=cap.code))
        elif any(mark in cap.statement for mark in PLACEHOLDERS):
            out.append(err("icf.statement_placeholder", f"{cfield}.statement", code=cap.code))
    return out
