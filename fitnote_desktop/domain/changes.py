"""What changed between a certificate and its prolongation or replacement.

A prolongation, a relapse and a replacement all name the document they follow
(``IncapacityCertificate.previous`` / ``Document.replaces``, see ``lifecycle``). The
physician checks what moved before signing, and each reader of the new copy is told in
one short line what differs from the copy they already hold: "Changes since REF:
period, diagnosis".

Why compare the *recipient views* and not the documents: a reader may learn only of
changes to what its own dataset shows (``datasets.project``). Comparing the projections
makes that hold by construction: a changed diagnosis is invisible to the employer's
projection, so it cannot appear in the employer's list, whatever the caller does. The
physician's own list (:func:`changes_since`) is the advising physician's, the widest.

Values are plain JSON data (strings, ISO dates, booleans, lists, dicts) so that the
endpoint's web desk can send them as they are; the editor formats them for display.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fitnote_desktop.domain.canonical import _encode
from fitnote_desktop.domain.datasets import RecipientView, project
from fitnote_desktop.domain.messages import message
from fitnote_desktop.domain.model import (
    CertificateKind,
    Diagnosis,
    Document,
    IncapacityCertificate,
    Recipient,
)

Plain = Any
"""JSON-ready data: None, bool, int, str (ISO dates), lists and dicts of those."""


class Part(StrEnum):
    """A part of a document a reader looks at, in the order a copy prints them."""

    PATIENT = "patient"
    PERIOD = "period"
    INCAPACITY_FOR = "incapacity-for"
    OUT_OF_HOME = "out-of-home"
    EXPECTED_RETURN = "expected-return"
    REASON = "reason"
    DIAGNOSIS = "diagnosis"
    ACCIDENT_DATE = "accident-date"
    OCCUPATIONAL_DISEASE = "occupational-disease"
    HOSPITAL_STAY = "hospital-stay"
    STAY_ABROAD = "stay-abroad"
    PREGNANCY = "pregnancy"
    ANTEDATING = "antedating"
    EXTENT = "extent"
    NATURE = "nature"
    CONDITIONS = "conditions"
    AUTHORISED_BY = "authorised-by"
    INCAPACITY_SINCE = "incapacity-since"
    REMARKS = "remarks"
    FIT_NOTE = "fit-note"
    ADVICE = "advice"
    CAPACITIES = "capacities"
    REVIEW_DATE = "review-date"
    EMPLOYMENT = "employment"


_ORDER = {part: i for i, part in enumerate(Part)}


@dataclass(frozen=True, eq=True)
class FieldChange:
    """One part that differs: its value before (the followed document) and after.

    ``None`` on a side: the part is not in that document (another kind). The values are
    lists and dicts, so a change compares equal by value but is not hashable.
    """

    part: Part
    before: Plain
    after: Plain

    def as_dict(self) -> dict[str, Plain]:
        return {"part": self.part.value, "before": self.before, "after": self.after}


def parts_of(view: RecipientView) -> dict[Part, Plain]:
    """The parts one reader sees, as plain data; a part the view lacks is left out."""
    parts: dict[Part, Plain] = {
        Part.PATIENT: {
            "name": view.patient_name,
            "niss": view.patient_niss,
            "birth_date": _encode(view.patient_birth_date),
        },
        Part.PERIOD: _encode(view.period),
        Part.INCAPACITY_FOR: _encode(view.incapacity_for),
        Part.OUT_OF_HOME: view.out_of_home_allowed,
        Part.EXPECTED_RETURN: _encode(view.expected_return),
        Part.EMPLOYMENT: _encode(view.employment),
    }
    fit = view.fit_note
    parts[Part.FIT_NOTE] = fit.status.value if fit is not None else None
    parts[Part.ADVICE] = {
        "options": _encode(fit.advice) if fit is not None else [],
        "free": fit.free_advice.strip() if fit is not None else "",
    }
    parts[Part.CAPACITIES] = _encode(fit.capacities) if fit is not None else []
    parts[Part.REVIEW_DATE] = _encode(fit.review_date) if fit is not None else None
    resumption = view.partial_resumption
    if resumption is not None:
        parts[Part.EXTENT] = {
            "percentage": resumption.percentage,
            "hours_per_week": _encode(resumption.hours_per_week),
        }
        parts[Part.NATURE] = resumption.nature.strip()
        parts[Part.CONDITIONS] = resumption.conditions.strip()
        parts[Part.AUTHORISED_BY] = resumption.authorised_by.value
    invalidity = view.invalidity
    if invalidity is not None:
        parts[Part.INCAPACITY_SINCE] = _encode(invalidity.incapacity_since)
        parts[Part.REMARKS] = invalidity.remarks.strip()
    medical = view.medical
    if medical is not None:
        parts[Part.REASON] = _encode(medical.reason)
        parts[Part.DIAGNOSIS] = _diagnoses(medical.diagnoses)
        parts[Part.ACCIDENT_DATE] = _encode(medical.accident_date)
        parts[Part.OCCUPATIONAL_DISEASE] = _encode(medical.occupational_disease_declared)
        parts[Part.HOSPITAL_STAY] = _encode(medical.hospital_stay)
        parts[Part.STAY_ABROAD] = _encode(medical.stay_abroad)
        parts[Part.PREGNANCY] = {
            "expected_delivery": _encode(medical.expected_delivery),
            "maternity_leave": _encode(medical.maternity_leave),
        }
        parts[Part.ANTEDATING] = medical.antedating_justification.strip()
    return parts


def _diagnoses(diagnoses: tuple[Diagnosis, ...]) -> Plain:
    """The diagnoses with the one that counts as principal marked (the marked one, else
    the first, as ``IncapacityCertificate.principal_diagnosis`` reads it): marking the
    only diagnosis principal changes nothing a reader sees."""
    marked = [d.principal for d in diagnoses]
    principal = marked.index(True) if any(marked) else 0
    return [{**_encode(d), "principal": i == principal} for i, d in enumerate(diagnoses)]


def _blank(value: Plain) -> bool:
    """Nothing filled in: absent, empty text or list, or a group of blanks (no advice)."""
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    return value is None or value == "" or value == []


def _compare(before: dict[Part, Plain], after: dict[Part, Plain]) -> tuple[FieldChange, ...]:
    """The parts that differ; a part blank on both sides (a resumption's empty remarks
    against a certificate that has none) is no change."""
    changed = [
        FieldChange(part, before.get(part), after.get(part))
        for part in before.keys() | after.keys()
        if before.get(part) != after.get(part)
        and not (_blank(before.get(part)) and _blank(after.get(part)))
    ]
    return tuple(sorted(changed, key=lambda c: _ORDER[c.part]))


def changes_seen_by(
    previous: Document, current: Document, recipient: Recipient
) -> tuple[FieldChange, ...]:
    """What ``recipient`` can tell apart between its copy of ``previous`` and of
    ``current``: nothing outside its own dataset, by construction."""
    return _compare(parts_of(project(previous, recipient)), parts_of(project(current, recipient)))


def changes_since(previous: Document, current: Document) -> tuple[FieldChange, ...]:
    """Every part that changed, for the physician (the editor, the desk).

    Seen through the advising physician's dataset: the widest one, holding every part
    any other reader sees (the others are cut from it: no diagnosis, the employer's
    advice only with consent). A reader's own list may still differ from this one where
    the *consent* changed what it is shown.
    """
    return changes_seen_by(previous, current, Recipient.ADVISING_PHYSICIAN)


def part_name(part: Part, lang: str) -> str:
    """The part as a word in a sentence ("period", "diagnosis"), in ``lang``."""
    return message(f"changes.part.{part.value}", lang)


def changes_line(previous_ref: str, changes: tuple[FieldChange, ...], lang: str) -> str:
    """``Changes since <reference>: period, diagnosis`` in nl, fr, de or en.

    ``previous_ref`` is the printed reference of the followed document
    (``reference.signed_reference``). Without changes the line says so.
    """
    if not changes:
        return message("changes.none", lang, reference=previous_ref)
    names = ", ".join(part_name(c.part, lang) for c in changes)
    return message("changes.since", lang, reference=previous_ref, parts=names)


def followed_reference(document: Document) -> str:
    """The reference of the document ``document`` is compared with ("" when none): the one it
    replaces, else, for a prolongation, the certificate it continues. A relapse is a new
    incapacity and is not compared."""
    if document.replaces:
        return document.replaces
    body = document.body
    if (
        isinstance(body, IncapacityCertificate)
        and body.certificate_kind is CertificateKind.PROLONGATION
        and body.previous is not None
    ):
        return body.previous.reference
    return ""
