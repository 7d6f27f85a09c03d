"""What a printed copy says, built from a :class:`RecipientView` only, language-neutral.

Why a content model between the view and reportlab: the same copy is laid out in one
language or in two side-by-side columns (NL+FR employer copy). Every piece of text is
therefore a function ``language -> str`` (:data:`Localized`); the layout calls it once
per column. Building from the :class:`RecipientView` and never from the
:class:`Document` is the privacy guarantee of the printed copies: whatever the view
leaves out (the diagnosis for everyone but the advising physician) cannot be printed.
The only document-level inputs are the reference and QR payload, which carry an id and
a hash, nothing readable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from fitnote_desktop.documents.labels import format_date, format_number, label, yes_no
from fitnote_desktop.domain.datasets import RecipientView
from fitnote_desktop.domain.identifiers import format_niss, format_riziv
from fitnote_desktop.domain.model import (
    Diagnosis,
    DocumentKind,
    FitNote,
    HospitalStay,
    IcfCapacity,
    IncapacityFor,
    Period,
    Recipient,
)

Localized = Callable[[str], str]


def const(text: str) -> Localized:
    """Text that is the same in every language (names, free text typed by the physician)."""
    return lambda _lang: text


def loc(key: str, **params: object) -> Localized:
    """A catalogue label; parameters may themselves be localized (dates, words)."""

    def text(lang: str) -> str:
        values = {k: (v(lang) if callable(v) else v) for k, v in params.items()}
        return label(key, lang, **values)

    return text


def date_of(day: date | None) -> Localized:
    return lambda lang: format_date(day, lang)


def words(keys: list[str], sep: str = ", ") -> Localized:
    return lambda lang: sep.join(label(k, lang) for k in keys)


@dataclass(frozen=True)
class Field:
    label: Localized
    value: Localized
    strong: bool = False  # the one value a reader looks for first (the period)
    emphasis: bool = False  # bold at body size (the fit-note's verdict)
    translated: bool = True  # False: user text, printed once per language column anyway


@dataclass(frozen=True)
class CapacityRow:
    code: str  # ICF notation with the qualifier: d430.2
    label: Localized
    qualifier: Localized
    statement: str  # the physician's own words, in the document's language


@dataclass(frozen=True)
class Section:
    title: Localized
    fields: tuple[Field, ...] = ()
    capacities: tuple[CapacityRow, ...] = ()
    bullets: tuple[Localized, ...] = ()
    note: Localized | None = None
    after_signature: bool = False  # information for the reader, not part of what is signed off


@dataclass(frozen=True)
class Letterhead:
    practice: str
    name: str
    riziv: str  # formatted
    address: str
    phone: str
    email: str


@dataclass(frozen=True)
class CopyContent:
    recipient: Recipient
    kind: DocumentKind
    title: Localized
    subtitle: Localized | None
    copy_for: Localized
    notice: Localized
    badge_extra: Localized | None
    letterhead: Letterhead
    patient_name: str
    statement: Localized | None
    sections: tuple[Section, ...]
    issued: Localized
    signer_name: str
    reference: str
    qr_payload: str | None
    draft: bool = False
    changes: Localized | None = None  # "Changes since REF: period, ..." (a follow-up's copy)


# ---------------------------------------------------------------------------- pieces


def _period_text(period: Period | None) -> Localized:
    def text(lang: str) -> str:
        if period is None:
            return label("value.none", lang)
        if period.end is None:
            return label("period.from_open", lang, begin=format_date(period.begin, lang))
        days = period.days() or 0
        span = label(
            "period.from_to",
            lang,
            begin=format_date(period.begin, lang),
            end=format_date(period.end, lang),
        )
        count = label("period.day" if days == 1 else "period.days", lang, n=days)
        return f"{span} ({count})"

    return text


def _hospital_stay_text(stay: HospitalStay) -> Localized:
    """Admission and discharge dates, then the hospital's name and identifier if known."""
    period = _period_text(Period(stay.admission, stay.discharge))
    where = ", ".join(p for p in (stay.hospital_name.strip(), stay.hospital_id.strip()) if p)
    return lambda lang: f"{period(lang)} — {where}" if where else period(lang)


def _diagnosis_text(diagnosis: Diagnosis) -> str:
    code = diagnosis.code.strip()
    if not code:
        return diagnosis.text
    system = f" ({diagnosis.code_system.value})" if diagnosis.code_system else ""
    return f"{diagnosis.text} — {code}{system}" if diagnosis.text else f"{code}{system}"


def _capacity_row(capacity: IcfCapacity) -> CapacityRow:
    """One capacity in ICF notation: d codes with the *capacity* qualifier (``d430._2``),
    e codes graded as a barrier, never as something the patient "can do"."""
    from fitnote_desktop.domain.icf import capacity_notation, load_catalogue

    catalogue = load_catalogue()
    code = capacity.code.strip()
    try:
        catalogue.label(code, "en")
        known = True
    except (KeyError, ValueError):
        known = False
    qualifier = catalogue.qualifier(capacity.qualifier)

    def name(lang: str) -> str:
        return catalogue.label(code, lang) if known else label("capacities.unknown_code", lang)

    def extent(lang: str) -> str:
        if qualifier is None:
            return label("value.none", lang)
        if code.startswith("e"):
            grade = qualifier.labels.get(lang) or str(capacity.qualifier)
            return label("capacities.barrier", lang, extent=grade)
        return (
            qualifier.fitnote_wording.get(lang)
            or qualifier.labels.get(lang)
            or str(capacity.qualifier)
        )

    notation = capacity_notation(code, capacity.qualifier)
    return CapacityRow(notation, name, extent, capacity.statement)


def _fit_note_section(fit: FitNote, withheld: bool) -> Section:
    fields: list[Field] = [
        Field(loc("field.fit_status"), loc(f"fit_status.{fit.status.value}"), emphasis=True)
    ]
    if fit.period is not None:
        fields.append(Field(loc("field.period.fit-note"), _period_text(fit.period)))
    if fit.advice:
        fields.append(Field(loc("field.advice"), words([f"advice.{a.value}" for a in fit.advice])))
    if fit.free_advice.strip():
        fields.append(Field(loc("field.free_advice"), const(fit.free_advice), translated=False))
    if fit.review_date is not None:
        fields.append(Field(loc("field.review_date"), date_of(fit.review_date)))
    return Section(
        title=loc("section.fit_note"),
        fields=tuple(fields),
        capacities=tuple(_capacity_row(c) for c in fit.capacities),
        note=loc("capacities.withheld") if withheld else None,
    )


def _author_address(view: RecipientView) -> str:
    address = view.author.address
    return address.one_line() if address else ""


# ---------------------------------------------------------------------------- build


def build(
    view: RecipientView,
    *,
    reference: str,
    qr_payload: str | None,
    draft: bool = False,
    changes: Localized | None = None,
) -> CopyContent:
    """The content of one recipient's copy. ``view`` is the only source of document data;
    ``changes`` is the line naming what this recipient sees changed since the copy it
    holds (``domain.changes.changes_seen_by``: built from projections as well)."""
    title, subtitle = _titles(view)
    sections = [_person_section(view)]
    for part in (
        _incapacity_section(view),
        _resumption_section(view),
        _invalidity_section(view),
        _medical_section(view),
    ):
        if part is not None:
            sections.append(part)
    fit = view.fit_note
    if fit is not None:
        sections.append(_fit_note_section(fit, view.capacities_withheld))
    elif view.capacities_withheld:
        sections.append(Section(loc("section.fit_note"), note=loc("capacities.withheld")))

    badge_extra: Localized | None = None
    if view.recipient is Recipient.PATIENT:
        # the number the patient quotes to the mutuality or the employer, at the top
        badge_extra = loc("badge.document_number", reference=reference)
        next_steps = _next_steps_section(view)
        if next_steps is not None:
            sections.append(next_steps)

    place = view.consultation.place.strip()
    issued = (
        loc("statement.issued_at", place=place, date=date_of(view.consultation.date))
        if place
        else loc("statement.issued_on", date=date_of(view.consultation.date))
    )
    statement = loc(
        "statement.examined", patient=view.patient_name, date=date_of(view.consultation.date)
    )
    return CopyContent(
        recipient=view.recipient,
        kind=view.kind,
        title=title,
        subtitle=subtitle,
        copy_for=loc(f"copy.{view.recipient.value}"),
        notice=loc(f"notice.{view.recipient.value}"),
        badge_extra=badge_extra,
        letterhead=_letterhead(view),
        patient_name=view.patient_name,
        statement=statement,
        sections=tuple(sections),
        issued=issued,
        signer_name=view.author.full_name,
        reference=reference,
        qr_payload=qr_payload,
        draft=draft,
        changes=changes,
    )


def _letterhead(view: RecipientView) -> Letterhead:
    author = view.author
    return Letterhead(
        practice=author.practice_name,
        name=author.full_name,
        riziv=format_riziv(author.riziv),
        address=_author_address(view),
        phone=author.phone,
        email=author.email,
    )


def _titles(view: RecipientView) -> tuple[Localized, Localized | None]:
    """The title, and for a certificate its kind (initial, prolongation, relapse)."""
    kind = view.kind
    if kind is DocumentKind.INCAPACITY:
        for_work = view.incapacity_for in (None, IncapacityFor.WORK)
        title = loc("title.incapacity.work" if for_work else "title.incapacity.other")
        subtitle = (
            loc(f"certificate_kind.{view.certificate_kind.value}")
            if view.certificate_kind
            else None
        )
    else:
        title = loc(f"title.{kind.value}")
        subtitle = None
    return title, subtitle


def _person_section(view: RecipientView) -> Section:
    """Who the copy is about (called "the employee" on the employer's copy)."""
    person: list[Field] = [Field(loc("field.name"), const(view.patient_name), translated=False)]
    if view.patient_niss:
        person.append(Field(loc("field.niss"), const(format_niss(view.patient_niss))))
    if view.patient_birth_date:
        person.append(Field(loc("field.birth_date"), date_of(view.patient_birth_date)))
    employment = view.employment
    if employment is not None:
        person.append(
            Field(loc("field.situation"), loc(f"employment.{employment.situation.value}"))
        )
        if employment.job_title.strip():
            person.append(
                Field(loc("field.job_title"), const(employment.job_title), translated=False)
            )
        if employment.employer_name.strip():
            person.append(
                Field(loc("field.employer"), const(employment.employer_name), translated=False)
            )
    who_title = "section.employee" if view.recipient is Recipient.EMPLOYER else "section.patient"
    return Section(loc(who_title), tuple(person))


def _incapacity_section(view: RecipientView) -> Section | None:
    """The period of incapacity and its modalities."""
    if view.kind is not DocumentKind.INCAPACITY or view.period is None:
        return None
    what: list[Field] = [
        Field(loc("field.period.incapacity"), _period_text(view.period), strong=True)
    ]
    if view.incapacity_for is not None:
        what.append(
            Field(loc("field.incapacity_for"), loc(f"incapacity_for.{view.incapacity_for.value}"))
        )
    if view.out_of_home_allowed is not None:
        allowed = view.out_of_home_allowed
        what.append(Field(loc("field.out_of_home"), lambda lang: yes_no(allowed, lang)))
    if view.expected_return is not None:
        what.append(Field(loc("field.expected_return"), date_of(view.expected_return)))
    if view.previous_reference:
        what.append(Field(loc("field.previous"), const(view.previous_reference)))
    return Section(loc("section.incapacity"), tuple(what))


def _resumption_section(view: RecipientView) -> Section | None:
    resumption = view.partial_resumption
    if resumption is None:
        return None
    rows = [Field(loc("field.resumption_start"), date_of(resumption.start), strong=True)]
    if resumption.end is not None:
        rows.append(Field(loc("field.resumption_end"), date_of(resumption.end)))
    if resumption.percentage is not None:
        rows.append(Field(loc("field.extent"), loc("extent.percentage", n=resumption.percentage)))
    elif resumption.hours_per_week is not None:
        hours = resumption.hours_per_week
        rows.append(
            Field(
                loc("field.extent"),
                lambda lang: label("extent.hours", lang, n=format_number(hours, lang)),
            )
        )
    if resumption.nature.strip():
        rows.append(Field(loc("field.nature"), const(resumption.nature), translated=False))
    if resumption.conditions.strip():
        rows.append(Field(loc("field.conditions"), const(resumption.conditions), translated=False))
    rows.append(
        Field(loc("field.authorised_by"), loc(f"authorised_by.{resumption.authorised_by.value}"))
    )
    if resumption.related_certificate:
        rows.append(Field(loc("field.related_certificate"), const(resumption.related_certificate)))
    return Section(loc("section.resumption"), tuple(rows))


def _invalidity_section(view: RecipientView) -> Section | None:
    invalidity = view.invalidity
    if invalidity is None:
        return None
    rows = [
        Field(loc("field.valid_from"), date_of(invalidity.valid_from), strong=True),
        Field(loc("field.valid_until"), date_of(invalidity.valid_until), strong=True),
    ]
    if invalidity.incapacity_since is not None:
        rows.append(Field(loc("field.incapacity_since"), date_of(invalidity.incapacity_since)))
    # Remarks are free text written for the mutuality ("weekly psychiatric follow-up"):
    # the dataset keeps them for every reader, but an employer's paper must not
    # carry them (same reasoning as the resumption's conditions in ``datasets``).
    if invalidity.remarks.strip():  # datasets.project keeps them for the advising physician
        rows.append(Field(loc("field.remarks"), const(invalidity.remarks), translated=False))
    return Section(loc("section.invalidity"), tuple(rows), note=loc("invalidity.in_preparation"))


def _medical_section(view: RecipientView) -> Section | None:
    """Reason and diagnoses: only the advising physician's view carries them."""
    medical = view.medical
    if medical is None:
        return None
    rows: list[Field] = []
    if medical.reason is not None:
        rows.append(Field(loc("field.reason"), loc(f"reason.{medical.reason.value}")))
    marked = [d.principal for d in medical.diagnoses]
    principal = marked.index(True) if any(marked) else 0
    for i, diagnosis in enumerate(medical.diagnoses):
        key = "field.diagnosis.principal" if i == principal else "field.diagnosis.secondary"
        if len(medical.diagnoses) == 1:
            key = "field.diagnosis"
        rows.append(Field(loc(key), const(_diagnosis_text(diagnosis)), translated=False))
    if medical.accident_date is not None:
        rows.append(Field(loc("field.accident_date"), date_of(medical.accident_date)))
    if medical.occupational_disease_declared is not None:
        rows.append(
            Field(
                loc("field.occupational_disease_declared"),
                date_of(medical.occupational_disease_declared),
            )
        )
    if medical.expected_delivery is not None:
        rows.append(Field(loc("field.expected_delivery"), date_of(medical.expected_delivery)))
    if medical.maternity_leave is not None:
        rows.append(Field(loc("field.maternity_leave"), _period_text(medical.maternity_leave)))
    if medical.antedating_justification.strip():
        rows.append(
            Field(
                loc("field.antedating_justification"),
                const(medical.antedating_justification),
                translated=False,
            )
        )
    if medical.duration_justification.strip():
        rows.append(
            Field(
                loc("field.duration_justification"),
                const(medical.duration_justification),
                translated=False,
            )
        )
    if medical.hospital_stay is not None:
        rows.append(Field(loc("field.hospital_stay"), _hospital_stay_text(medical.hospital_stay)))
    if medical.stay_abroad is not None:
        stay = medical.stay_abroad
        country = f" ({stay.country})" if stay.country else ""
        rows.append(
            Field(
                loc("field.stay_abroad"),
                lambda lang: _period_text(Period(stay.begin, stay.end))(lang) + country,
            )
        )
    return Section(loc("section.medical"), tuple(rows)) if rows else None


def _next_steps_section(view: RecipientView) -> Section | None:
    """What the patient does next (printed after the signature, on the patient's copy)."""
    fit = view.fit_note
    bullets: list[Localized] = []
    for code in view.next_steps:
        if code == "next.review_date" and fit is not None and fit.review_date is not None:
            bullets.append(loc(code, date=date_of(fit.review_date)))
        else:
            bullets.append(loc(code))
    if not bullets:
        return None
    return Section(loc("section.next_steps"), bullets=tuple(bullets), after_signature=True)
