"""The rules a document must satisfy before it is signed, as structured findings.

``validate(document, today=...)`` returns every finding at once (the editor shows them
all next to their fields while the physician types). Errors block signing; warnings
ask for a second look. ``today`` is a parameter, never ``date.today()``, so the rules
are pure and testable, and the endpoint can check with its own clock.

The rules of issue 12 follow the real Belgian flow (KMEHR 1.42 and the Mult-eMediatt
schematron in ../shared/kmehr, DOMAIN.md); the README's "Domain rules implemented"
section lists each with its source. ``others`` are the patient's other non-retracted
documents, whoever issued them (own, fetched, typed from a paper copy): overlaps, the
previous certificate's dates and the invalidity phase are checked against them.

Field paths are dotted paths into the canonical JSON (``body.period.end``,
``body.fit_note.capacities[2].code``) so the UI and the endpoint's error responses
point at the same place.

The rules themselves live in ``domain/rules/``, one module per part of the document;
this module is their entry point.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.guidance import duration_finding
from fitnote_desktop.domain.model import (
    AuthorisingRole,
    Document,
    FitNote,
    IncapacityCertificate,
    InvalidityRecognition,
    PartialResumption,
)
from fitnote_desktop.domain.rules.fit_note import check_fit_note
from fitnote_desktop.domain.rules.header import check_dates_after_birth, check_header
from fitnote_desktop.domain.rules.incapacity import check_incapacity
from fitnote_desktop.domain.rules.invalidity import check_invalidity
from fitnote_desktop.domain.rules.resumption import check_partial_resumption

__all__ = ["validate"]


def validate(
    document: Document,
    *,
    today: date,
    others: Sequence[Document] = (),
    now: datetime | None = None,
    signer_role: AuthorisingRole | None = None,
) -> list[Finding]:
    """All findings for ``document`` as of ``today`` (errors and warnings).

    ``others``: the patient's other non-retracted documents, whoever issued them.
    ``now``: the signing moment, when known, for the consent's ``recorded_at``.
    ``signer_role``: the role of the physician who will sign (a partial resumption's
    "authorised by" must be that role).
    """
    others = [o for o in others if o.id != document.id and str(o.id) != document.replaces]
    findings: list[Finding] = []
    findings += check_header(document, today, now)
    body = document.body
    if isinstance(body, IncapacityCertificate):
        findings += check_incapacity(document, body, today, others)
        exceeded = duration_finding(document, others)  # a warning: the physician may justify
        findings += [exceeded] if exceeded is not None else []
    elif isinstance(body, FitNote):
        findings += check_fit_note(body, "body", standalone=True, document=document)
    elif isinstance(body, PartialResumption):
        findings += check_partial_resumption(document, body, signer_role)
    elif isinstance(body, InvalidityRecognition):
        findings += check_invalidity(document, body)
    findings += check_dates_after_birth(document)
    return findings
