"""The editor's one field table: every input, where it lives in the document, what it says.

Each :class:`Field` ties a canonical path (the path a validation finding names, e.g.
``body.period.end``) to the input that edits it and to its texts. The table drives:

- binding: the document is read into the inputs and written back from them by path
  (:mod:`.paths`), so adding a field is one row here plus the widget in its section;
- findings: a finding's path resolves to the field that shows its message and gets focus;
- focus order: the tab chain follows the table, which follows the screen top to bottom;
- accessibility: every input gets its accessible name, tooltip and visible label (buddy).

Texts are source strings of the ``DocumentEditor`` translation context, marked with
``QT_TRANSLATE_NOOP`` so that ``pyside6-lupdate`` finds them; :func:`text` translates.
``{fit}`` in a path is the fit-note: ``body`` for a stand-alone fit-note, ``body.fit_note``
inside a certificate; ``[*]`` is every capacity row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from fitnote_desktop.domain.model import (
    CodeSystem,
    DocumentKind,
    EmploymentSituation,
    IncapacityFor,
    IncapacityReason,
    Language,
)
from fitnote_desktop.domain.rules.diagnoses import MAX_DIAGNOSES

CONTEXT = "DocumentEditor"

INCAPACITY = frozenset({DocumentKind.INCAPACITY})


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for ``pyside6-lupdate`` (which looks for this name) and returns it.

    Qt's own ``QT_TRANSLATE_NOOP`` does the same at run time, but its stub returns
    ``object``; this one keeps the table's texts typed as ``str``.
    """
    return source


def text(source: str) -> str:
    """``source`` (a table text) in the current UI language."""
    return QCoreApplication.translate(CONTEXT, source) if source else ""


def _strip(value: str) -> str:
    return value.strip()


def _code(value: str) -> str:
    return value.strip().upper()


@dataclass(frozen=True)
class Field:
    """One input of the editor.

    ``label`` is the visible text: a row label, or the text of a check box or button
    itself. ``name`` is the accessible name (the label without mnemonic when empty).
    ``joined`` fields share the previous field's row, label and inline message (the end
    of a date range). ``bound=False`` fields are read and written by their section
    (presence switches and list editors) but still get texts, focus order and findings.
    ``keep_when_empty``: an empty input keeps the stored value (required dates).
    ``number``: replaces ``%1`` in the texts (the rows of a repeated group: "Diagnosis 2").
    """

    path: str
    section: str
    widget: str
    label: str = ""
    name: str = ""
    help: str = ""
    placeholder: str = ""
    kinds: frozenset[DocumentKind] | None = None
    joined: bool = False
    bound: bool = True
    keep_when_empty: bool = False
    enum: type[StrEnum] | None = None
    clean: Callable[[str], str] | None = None
    also: tuple[str, ...] = ()
    number: int = 0

    def label_text(self) -> str:
        """The visible label in the current UI language (with its mnemonic)."""
        return self._numbered(self.label)

    def accessible_name(self) -> str:
        name = self._numbered(self.name or self.label)
        return name.replace("&&", "\0").replace("&", "").replace("\0", "&")

    def _numbered(self, source: str) -> str:
        return text(source).replace("%1", str(self.number)) if self.number else text(source)

    def applies_to(self, kind: DocumentKind) -> bool:
        return self.kinds is None or kind in self.kinds


def dx_widget(part: str, row: int) -> str:
    """The widget name of a diagnosis row's input: ``dx_text``, ``dx_text_2``, ``dx_code_3``."""
    return f"dx_{part}" if row == 0 else f"dx_{part}_{row + 1}"


def diagnosis_fields() -> list[Field]:
    """Text, code system, code and principal mark of each of the three diagnosis rows.

    The first row's label carries the Alt+G mnemonic; further diagnoses (and their
    parent path, e.g. too many imported ones) show on the first row.
    """
    out: list[Field] = []
    for row in range(MAX_DIAGNOSES):
        path = f"body.diagnoses[{row}]"
        first = row == 0
        out += [
            Field(
                f"{path}.text",
                "diagnosis",
                dx_widget("text", row),
                QT_TRANSLATE_NOOP("DocumentEditor", "Dia&gnosis")
                if first
                else QT_TRANSLATE_NOOP("DocumentEditor", "Diagnosis %1"),
                QT_TRANSLATE_NOOP("DocumentEditor", "Diagnosis %1"),
                placeholder=QT_TRANSLATE_NOOP(
                    "DocumentEditor", "Free text, e.g. lumbago with sciatica"
                )
                if first
                else QT_TRANSLATE_NOOP("DocumentEditor", "Another diagnosis (optional)"),
                also=(path, "body.diagnoses") if first else (path,),
                number=row + 1,
            ),
            Field(
                f"{path}.code_system",
                "diagnosis",
                dx_widget("system", row),
                name=QT_TRANSLATE_NOOP("DocumentEditor", "Code system of diagnosis %1"),
                enum=CodeSystem,
                joined=True,
                number=row + 1,
            ),
            Field(
                f"{path}.code",
                "diagnosis",
                dx_widget("code", row),
                name=QT_TRANSLATE_NOOP("DocumentEditor", "Code of diagnosis %1"),
                placeholder=QT_TRANSLATE_NOOP("DocumentEditor", "e.g. L86"),
                joined=True,
                clean=_code,
                number=row + 1,
            ),
            Field(
                f"{path}.principal",
                "diagnosis",
                dx_widget("principal", row),
                QT_TRANSLATE_NOOP("DocumentEditor", "principal"),
                QT_TRANSLATE_NOOP("DocumentEditor", "Diagnosis %1 is the principal diagnosis"),
                joined=True,
                number=row + 1,
            ),
        ]
    return out


FIELDS: tuple[Field, ...] = (
    Field(
        "language",
        "header",
        "language",
        QT_TRANSLATE_NOOP("DocumentEditor", "Document la&nguage"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Document language"),
        enum=Language,
    ),
    # previous certificate (prolongation and relapse)
    Field(
        "body.previous.reference",
        "previous",
        "prev_ref",
        QT_TRANSLATE_NOOP("DocumentEditor", "Reference"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Reference of the previous certificate"),
        placeholder=QT_TRANSLATE_NOOP("DocumentEditor", "From the patient's copy, e.g. 6f1c2b1e-…"),
        clean=_strip,
    ),
    Field(
        "body.previous.begin",
        "previous",
        "prev_begin",
        QT_TRANSLATE_NOOP("DocumentEditor", "Its period"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Start of the previous certificate"),
    ),
    Field(
        "body.previous.end",
        "previous",
        "prev_end",
        name=QT_TRANSLATE_NOOP("DocumentEditor", "End of the previous certificate"),
        joined=True,
    ),
    # period and reason
    Field(
        "body.period.begin",
        "period",
        "begin",
        QT_TRANSLATE_NOOP("DocumentEditor", "Fro&m"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Start date"),
        keep_when_empty=True,
        also=("body.period",),
    ),
    Field(
        "body.period.end",
        "period",
        "end",
        QT_TRANSLATE_NOOP("DocumentEditor", "&Until"),
        QT_TRANSLATE_NOOP("DocumentEditor", "End date"),
        help=QT_TRANSLATE_NOOP(
            "DocumentEditor", "Type a date, or +7 for seven days from the start"
        ),
    ),
    Field(
        "body.expected_return",
        "period",
        "expected_return",
        QT_TRANSLATE_NOOP("DocumentEditor", "E&xpected return"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Expected return to work (required)"),
        help=QT_TRANSLATE_NOOP(
            "DocumentEditor",
            "First prognosis on the return to work, after the end date; +1 is the day after it",
        ),
        kinds=INCAPACITY,
    ),
    Field(
        "body.antedating_justification",
        "period",
        "antedating",
        QT_TRANSLATE_NOOP("DocumentEditor", "Why antedated"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Justification of the antedating"),
        placeholder=QT_TRANSLATE_NOOP(
            "DocumentEditor", "e.g. seen at home on the first day, certificate written later"
        ),
        kinds=INCAPACITY,
    ),
    Field(
        "body.incapacity_for",
        "period",
        "incapacity_for",
        QT_TRANSLATE_NOOP("DocumentEditor", "Incapacity for"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Incapacity for"),
        kinds=INCAPACITY,
        enum=IncapacityFor,
    ),
    Field(
        "body.reason",
        "period",
        "reason",
        QT_TRANSLATE_NOOP("DocumentEditor", "&Reason"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Reason"),
        kinds=INCAPACITY,
        enum=IncapacityReason,
    ),
    Field(
        "body.accident_date",
        "period",
        "accident_date",
        QT_TRANSLATE_NOOP("DocumentEditor", "Accident date"),
        kinds=INCAPACITY,
    ),
    Field(
        "body.occupational_disease_declared",
        "period",
        "disease_date",
        QT_TRANSLATE_NOOP("DocumentEditor", "Disease declared on"),
        kinds=INCAPACITY,
    ),
    Field(
        "body.expected_delivery",
        "period",
        "expected_delivery",
        QT_TRANSLATE_NOOP("DocumentEditor", "Expected delivery"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Expected delivery date"),
        kinds=INCAPACITY,
    ),
    Field(
        "body.maternity_leave.begin",
        "period",
        "leave_begin",
        QT_TRANSLATE_NOOP("DocumentEditor", "Maternity leave"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Start of the maternity leave"),
        kinds=INCAPACITY,
        also=("body.maternity_leave",),
    ),
    Field(
        "body.maternity_leave.end",
        "period",
        "leave_end",
        name=QT_TRANSLATE_NOOP("DocumentEditor", "End of the maternity leave"),
        kinds=INCAPACITY,
        joined=True,
    ),
    Field(
        "body.out_of_home_allowed",
        "period",
        "out_of_home",
        QT_TRANSLATE_NOOP("DocumentEditor", "Patient may leave the house"),
        kinds=INCAPACITY,
    ),
    # hospital stay (any reason)
    Field(
        "body.hospital_stay",
        "hospital",
        "stay_enabled",
        QT_TRANSLATE_NOOP("DocumentEditor", "The patient stays or stayed in hospital"),
        bound=False,
    ),
    Field(
        "body.hospital_stay.admission",
        "hospital",
        "admission",
        QT_TRANSLATE_NOOP("DocumentEditor", "Admission"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Hospital admission"),
        keep_when_empty=True,
    ),
    Field(
        "body.hospital_stay.discharge",
        "hospital",
        "discharge",
        QT_TRANSLATE_NOOP("DocumentEditor", "Discharge"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Hospital discharge"),
        help=QT_TRANSLATE_NOOP("DocumentEditor", "Empty while the patient is still in hospital"),
    ),
    Field(
        "body.hospital_stay.hospital_name",
        "hospital",
        "hospital_name",
        QT_TRANSLATE_NOOP("DocumentEditor", "Hospital"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Name of the hospital"),
        clean=_strip,
    ),
    Field(
        "body.hospital_stay.hospital_id",
        "hospital",
        "hospital_id",
        QT_TRANSLATE_NOOP("DocumentEditor", "Identifier"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Identifier of the hospital"),
        placeholder=QT_TRANSLATE_NOOP("DocumentEditor", "optional, e.g. its RIZIV/INAMI number"),
        clean=_strip,
    ),
    # partial resumption
    Field(
        "body.start",
        "resumption",
        "pr_start",
        QT_TRANSLATE_NOOP("DocumentEditor", "From"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Resumption from"),
        keep_when_empty=True,
    ),
    Field(
        "body.end",
        "resumption",
        "pr_end",
        QT_TRANSLATE_NOOP("DocumentEditor", "Until"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Resumption until"),
    ),
    Field(
        "body.nature",
        "resumption",
        "pr_nature",
        QT_TRANSLATE_NOOP("DocumentEditor", "Nature of the work"),
        placeholder=QT_TRANSLATE_NOOP(
            "DocumentEditor", "e.g. administrative tasks, no lifting, no night shifts"
        ),
    ),
    Field(
        "body.percentage",
        "resumption",
        "pr_percent",
        QT_TRANSLATE_NOOP("DocumentEditor", "Extent"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Percentage"),
    ),
    Field(
        "body.hours_per_week",
        "resumption",
        "pr_hours",
        name=QT_TRANSLATE_NOOP("DocumentEditor", "Hours per week"),
        joined=True,
    ),
    Field(
        "body.conditions",
        "resumption",
        "pr_conditions",
        QT_TRANSLATE_NOOP("DocumentEditor", "Conditions"),
    ),
    Field(
        "body.authorised_by",
        "resumption",
        "pr_by",
        QT_TRANSLATE_NOOP("DocumentEditor", "Authorised by"),
        help=QT_TRANSLATE_NOOP(
            "DocumentEditor", "The physician who signs authorises: this is your own role"
        ),
        bound=False,
    ),
    Field(
        "body.related_certificate",
        "resumption",
        "pr_related",
        QT_TRANSLATE_NOOP("DocumentEditor", "Related certificate"),
        clean=_strip,
    ),
    # invalidity recognition
    Field(
        "body.valid_from",
        "invalidity",
        "inv_from",
        QT_TRANSLATE_NOOP("DocumentEditor", "Valid from"),
        keep_when_empty=True,
    ),
    Field(
        "body.valid_until",
        "invalidity",
        "inv_until",
        QT_TRANSLATE_NOOP("DocumentEditor", "Valid until"),
        keep_when_empty=True,
    ),
    Field(
        "body.incapacity_since",
        "invalidity",
        "inv_since",
        QT_TRANSLATE_NOOP("DocumentEditor", "Incapacity since"),
    ),
    Field(
        "body.remarks", "invalidity", "inv_remarks", QT_TRANSLATE_NOOP("DocumentEditor", "Remarks")
    ),
    # diagnoses: three rows, one marked principal
    *diagnosis_fields(),
    # fit-note
    Field(
        "body.fit_note",
        "fit",
        "fit_enabled",
        QT_TRANSLATE_NOOP("DocumentEditor", "Add a fi&t-note to this certificate"),
        kinds=INCAPACITY,
        bound=False,
    ),
    Field(
        "{fit}.status",
        "fit",
        "fit_status",
        name=QT_TRANSLATE_NOOP("DocumentEditor", "Fit-note: what the patient can still do"),
    ),
    Field(
        "{fit}.advice", "fit", "advice_boxes", name=QT_TRANSLATE_NOOP("DocumentEditor", "Advice")
    ),
    Field(
        "{fit}.free_advice",
        "fit",
        "free_advice",
        QT_TRANSLATE_NOOP("DocumentEditor", "Advice"),
        placeholder=QT_TRANSLATE_NOOP("DocumentEditor", "Free advice for the workplace (optional)"),
    ),
    Field(
        "{fit}.review_date",
        "fit",
        "review_date",
        QT_TRANSLATE_NOOP("DocumentEditor", "Review on"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Review date"),
    ),
    # ICF capacities: one row per capacity; a row names its inputs after its code
    Field("{fit}.capacities[*].qualifier", "capacities", "qualifier", bound=False),
    Field(
        "{fit}.capacities[*].statement",
        "capacities",
        "statement",
        bound=False,
        also=("{fit}.capacities[*].code", "{fit}.capacities[*]"),
    ),
    Field(
        "{fit}.capacities",
        "capacities",
        "add_capacity",
        QT_TRANSLATE_NOOP("DocumentEditor", "Add capacity…  (Ctrl+I)"),
        bound=False,
    ),
    # work
    Field(
        "employment.situation",
        "work",
        "job_situation",
        QT_TRANSLATE_NOOP("DocumentEditor", "Situation"),
        QT_TRANSLATE_NOOP("DocumentEditor", "Employment situation"),
        enum=EmploymentSituation,
    ),
    Field("employment.job_title", "work", "job_title", QT_TRANSLATE_NOOP("DocumentEditor", "Job")),
    Field(
        "employment.employer_name",
        "work",
        "employer",
        QT_TRANSLATE_NOOP("DocumentEditor", "Employer"),
    ),
    Field(
        "employment.employer_language",
        "work",
        "employer_language",
        QT_TRANSLATE_NOOP("DocumentEditor", "Employer's language"),
        enum=Language,
    ),
    # recipients and consent
    Field(
        "recipients",
        "recipients",
        "recipient_boxes",
        name=QT_TRANSLATE_NOOP("DocumentEditor", "Recipients"),
    ),
    Field(
        "consent.electronic_sending",
        "recipients",
        "consent_electronic",
        QT_TRANSLATE_NOOP(
            "DocumentEditor", "the certificate is sent electronically to the &physicians"
        ),
        also=("consent.recorded_at",),  # recorded when the physician ticks the consent
    ),
    Field(
        "consent.share_capacities_with_employer",
        "recipients",
        "consent_employer",
        QT_TRANSLATE_NOOP("DocumentEditor", "the employer sees the work capacities"),
    ),
    Field(
        "consent.episode_sharing",
        "recipients",
        "consent_episode",
        QT_TRANSLATE_NOOP(
            "DocumentEditor", "another physician may fetch this episode to prolong it"
        ),
    ),
    Field(
        "consent.reference",
        "recipients",
        "consent_ref",
        QT_TRANSLATE_NOOP("DocumentEditor", "Consent reference"),
        placeholder=QT_TRANSLATE_NOOP("DocumentEditor", "optional, e.g. form number"),
        clean=_strip,
    ),
)

# Paths the validation reports on fields that are not edited in this editor, and why.
# Their findings are listed in the side panel; the test of the table checks that every
# path the validation emits is either a field above or covered here.
ELSEWHERE: dict[str, str] = {
    "patient": "the patient's identity is edited on the patient page",
    "author": "the author comes from the profile (settings)",
    "consultation": "the consultation date is set when the document is created",
    "body.stay_abroad": "a stay abroad comes only with imported documents; no input yet",
    "body.certificate_kind": "initial, prolongation or relapse is chosen when the document is made",
}


def fit_prefix(kind: DocumentKind) -> str:
    return "body" if kind is DocumentKind.FIT_NOTE else "body.fit_note"


def expand(path: str, kind: DocumentKind) -> str:
    """The table path for a document of ``kind``: ``{fit}`` replaced."""
    return path.replace("{fit}", fit_prefix(kind))


def of_section(section: str) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS if f.section == section)


def by_widget(section: str, widget: str) -> Field:
    return next(f for f in FIELDS if f.section == section and f.widget == widget)


def elsewhere(path: str) -> str | None:
    """Why a finding on ``path`` has no input in the editor, or None when it has one."""
    for prefix, why in ELSEWHERE.items():
        if path == prefix or path.startswith((prefix + ".", prefix + "[")):
            return why
    return None
