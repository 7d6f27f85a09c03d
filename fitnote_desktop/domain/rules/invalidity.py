"""Invalidity recognition rules (2026 draft law): bounded dates, at most twelve months."""

from __future__ import annotations

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import Document, InvalidityRecognition
from fitnote_desktop.domain.periods import add_months
from fitnote_desktop.domain.rules.common import err, to_mutuality, warn
from fitnote_desktop.domain.rules.diagnoses import check_diagnoses

INVALIDITY_MAX_LEAD_MONTHS = 3  # a recognition starts at most this far after the consultation
MAX_INVALIDITY_MONTHS = 12


def check_invalidity(doc: Document, inv: InvalidityRecognition) -> list[Finding]:
    """A measure in preparation (2026 draft law): bounded dates, at most 12 months."""
    out: list[Finding] = []
    lead_limit = add_months(doc.consultation.date, INVALIDITY_MAX_LEAD_MONTHS)
    if inv.valid_from > lead_limit:
        out.append(
            err(
                "invalidity.starts_far_ahead",
                "body.valid_from",
                months=INVALIDITY_MAX_LEAD_MONTHS,
            )
        )
    if inv.incapacity_since is not None and inv.incapacity_since > doc.consultation.date:
        out.append(err("invalidity.since_in_future", "body.incapacity_since"))
    if inv.valid_until < inv.valid_from:
        out.append(err("period.inverted", "body.valid_until"))
    elif inv.valid_until >= add_months(inv.valid_from, MAX_INVALIDITY_MONTHS):
        out.append(err("invalidity.too_long", "body.valid_until", months=MAX_INVALIDITY_MONTHS))
    if inv.incapacity_since is not None and inv.valid_from < add_months(inv.incapacity_since, 12):
        out.append(warn("invalidity.before_one_year", "body.incapacity_since"))
    out += check_diagnoses(inv.diagnoses, "body.diagnoses", required=to_mutuality(doc))
    return out
