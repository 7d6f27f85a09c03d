"""Partial resumption rules: nature, extent and conditions, authorised by the signer's role."""

from __future__ import annotations

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import AuthorisingRole, Document, PartialResumption
from fitnote_desktop.domain.rules.common import err, warn

MAX_HOURS_PER_WEEK = 50


def check_partial_resumption(
    doc: Document, pr: PartialResumption, signer_role: AuthorisingRole | None
) -> list[Finding]:
    """Nature, volume and conditions; asked for before resuming, by the signer's own role."""
    out: list[Finding] = []
    if pr.end is not None and pr.end < pr.start:
        out.append(err("period.inverted", "body.end"))
    if pr.start < doc.consultation.date:
        out.append(err("resumption.start_before_consultation", "body.start"))
    if not pr.nature.strip():
        out.append(err("resumption.nature_missing", "body.nature"))
    if not pr.conditions.strip():
        out.append(warn("resumption.conditions_missing", "body.conditions"))
    if signer_role is not None and pr.authorised_by is not signer_role:
        out.append(err("resumption.authorised_by_not_signer", "body.authorised_by"))
    if pr.percentage is None and pr.hours_per_week is None:
        out.append(err("resumption.extent_missing", "body.percentage"))
    if pr.percentage is not None and pr.hours_per_week is not None:
        out.append(err("resumption.extent_ambiguous", "body.hours_per_week"))
    if pr.percentage is not None and not 1 <= pr.percentage <= 99:
        out.append(err("resumption.percentage_range", "body.percentage", percentage=pr.percentage))
    if pr.hours_per_week is not None and not 0 < pr.hours_per_week < MAX_HOURS_PER_WEEK:
        out.append(err("resumption.hours_range", "body.hours_per_week", maximum=MAX_HOURS_PER_WEEK))
    if not pr.related_certificate.strip():
        out.append(warn("resumption.certificate_unlinked", "body.related_certificate"))
    return out
