"""Rules against the patient's other certificates: the previous one, overlaps, relapse window.

``others`` are the patient's other non-retracted documents, whoever issued them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import (
    CertificateKind,
    Document,
    IncapacityCertificate,
    InvalidityRecognition,
)
from fitnote_desktop.domain.periods import RELAPSE_WINDOW_DAYS, in_invalidity, relapse_window_end
from fitnote_desktop.domain.rules.common import err, warn
from fitnote_desktop.domain.timeline import split_episodes


def _certificates(others: Sequence[Document]) -> list[tuple[Document, IncapacityCertificate]]:
    return [(o, o.body) for o in others if isinstance(o.body, IncapacityCertificate)]


def resolved_previous(
    cert: IncapacityCertificate, others: Sequence[Document]
) -> tuple[date | None, date | None]:
    """Begin and end of the previous certificate: typed on the document, else from ``others``."""
    prev = cert.previous
    if prev is None:
        return None, None
    begin, end = prev.begin, prev.end
    ref = prev.reference.strip()
    for other, body in _certificates(others):
        if ref and ref == str(other.id):
            begin = begin or body.period.begin
            end = end or body.period.end
    return begin, end


def _episode_start(day: date, others: Sequence[Document]) -> date:
    """First day of the chain of certificates (within relapse windows) that reaches ``day``."""
    for episode in split_episodes(others):
        if episode.start <= day and (episode.end is None or day <= episode.end):
            return episode.start
    return day


def check_previous(
    cert: IncapacityCertificate,
    previous: tuple[date | None, date | None],
    others: Sequence[Document],
) -> list[Finding]:
    kind = cert.certificate_kind
    if kind is CertificateKind.INITIAL:
        return []
    prev = cert.previous
    if prev is None or not prev.reference.strip():
        return [err("certificate.previous_missing", "body.previous.reference")]
    prev_end = previous[1]
    if prev_end is None:
        return [warn("certificate.previous_end_unknown", "body.previous.end")]
    begin = cert.period.begin
    expected = prev_end + timedelta(days=1)
    if kind is CertificateKind.PROLONGATION:
        if begin > expected:
            return [err("prolongation.gap", "body.period.begin", days=(begin - expected).days)]
        if begin < expected:
            return [err("prolongation.overlap", "body.period.begin", days=(expected - begin).days)]
        return []
    # relapse: a new incapacity after a resumption of work
    if begin <= prev_end:
        return [err("relapse.overlap", "body.period.begin")]
    invalidity = _in_invalidity(prev_end, others)
    last = relapse_window_end(prev_end, invalidity=invalidity)
    if begin > last:
        return [
            warn(
                "relapse.outside_window",
                "body.period.begin",
                days=(begin - prev_end).days,
                window=(last - prev_end).days,
            )
        ]
    return []


def _in_invalidity(prev_end: date, others: Sequence[Document]) -> bool:
    """Whether the previous incapacity had reached invalidity (one year) when it ended."""
    if any(
        isinstance(o.body, InvalidityRecognition)
        and o.body.valid_from <= prev_end <= o.body.valid_until
        for o in others
    ):
        return True
    return in_invalidity(_episode_start(prev_end, others), prev_end)


def check_overlaps(
    doc: Document, cert: IncapacityCertificate, others: Sequence[Document]
) -> list[Finding]:
    """A certificate may not cover a day another non-retracted certificate covers.

    Each finding names the other certificate (``reference``) so the editor can open it;
    an initial certificate that starts within the relapse window after another one is
    flagged: it belongs to the same incapacity (a prolongation or a relapse).
    """
    out: list[Finding] = []
    mine = cert.period
    last_day = mine.end or mine.begin
    for other, body in _certificates(others):
        theirs = body.period
        their_end = theirs.end or theirs.begin
        if mine.begin <= their_end and theirs.begin <= last_day:
            out.append(
                err(
                    "certificate.overlaps",
                    "body.period.begin",
                    reference=str(other.id),
                    begin=theirs.begin.isoformat(),
                    end=their_end.isoformat(),
                )
            )
        elif (
            cert.certificate_kind is CertificateKind.INITIAL
            and their_end < mine.begin <= their_end + timedelta(days=1 + RELAPSE_WINDOW_DAYS)
        ):
            out.append(
                warn(
                    "certificate.same_incapacity",
                    "body.certificate_kind",
                    reference=str(other.id),
                    end=their_end.isoformat(),
                )
            )
    return out
