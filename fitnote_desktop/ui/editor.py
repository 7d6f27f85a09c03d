"""The document editor: every kind of document, in sections, validated as the user types.

The editor holds one immutable :class:`Document` (``current``). Each widget change
rebuilds the document from the widgets (``_build``), pushes an undo snapshot, runs the
domain validation and schedules an autosave. Findings point at fields by dotted path
(``body.period.end``); ``_targets`` maps those paths to a widget and its inline message.
Inline messages appear for fields the physician has touched, and for all fields after
a first attempt to sign, so that a fresh draft is a checklist, not a wall of red.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.lifecycle import Action, allowed_actions
from fitnote_desktop.domain.model import (
    AdviceOption,
    AuthorisingRole,
    CertificateKind,
    CodeSystem,
    Consent,
    Diagnosis,
    Document,
    DocumentKind,
    Employment,
    EmploymentSituation,
    FitNote,
    FitNoteStatus,
    IcfCapacity,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    InvalidityRecognition,
    Language,
    PartialResumption,
    Period,
    PreviousCertificate,
    Recipient,
)
from fitnote_desktop.domain.validation import ACCIDENT_REASONS
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.ui import i18n, icf_data, labels
from fitnote_desktop.ui.widgets import DateField, FieldMessage, Section, mark

AUTOSAVE_MS = 600
DURATIONS = (3, 7, 14, 30)  # one-click end dates, in days including the first


class _Snapshot(QUndoCommand):
    """One edit as two document values; typing in one field merges into one step."""

    def __init__(self, editor: DocumentEditor, before: Document, after: Document, key: str):
        super().__init__()
        self.editor, self.before, self.after, self.key = editor, before, after, key
        self._first = True

    def id(self) -> int:
        return 1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, _Snapshot) and other.key == self.key and self.key != "list":
            self.after = other.after
            return True
        return False

    def redo(self) -> None:
        if self._first:  # the widgets already show ``after``
            self._first = False
            return
        self.editor.apply_snapshot(self.after)

    def undo(self) -> None:
        self.editor.apply_snapshot(self.before)


class CapacityRow(QFrame):
    """One ICF capacity: code and label, qualifier in words, the positive statement."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, capacity: IcfCapacity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityRow")
        self.code = capacity.code
        self.code_label = QLabel(f"<b>{capacity.code}</b>", self)
        self.code_label.setMinimumWidth(48)
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        self.qualifier = QComboBox(self)
        # long wordings must not widen the form: the popup shows them in full
        self.qualifier.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.qualifier.setMinimumContentsLength(22)
        for q in labels.QUALIFIER_CODES:
            self.qualifier.addItem("", q)
        self.qualifier.setCurrentIndex(
            max(0, labels.QUALIFIER_CODES.index(capacity.qualifier))
            if capacity.qualifier in labels.QUALIFIER_CODES
            else 0
        )
        self.statement = QLineEdit(capacity.statement, self)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.message = FieldMessage(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.code_label, 0, 0)
        grid.addWidget(self.name_label, 0, 1)
        grid.addWidget(self.qualifier, 0, 2)
        grid.addWidget(self.remove, 0, 3)
        grid.addWidget(self.statement, 1, 1, 1, 2)
        grid.addWidget(self.message, 2, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.qualifier.currentIndexChanged.connect(self.changed)
        self.qualifier.currentTextChanged.connect(self.qualifier.setToolTip)
        self.statement.textEdited.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        for i, q in enumerate(labels.QUALIFIER_CODES):
            rng = labels.qualifier_range(q)
            words = icf_data.qualifier_words(q, i18n.current_language()) or labels.qualifier(q)
            self.qualifier.setItemText(i, words + (f" ({rng})" if rng else ""))
        self.qualifier.setToolTip(self.qualifier.currentText())
        self.name_label.setText(icf_data.label(self.code, i18n.current_language()))
        self.statement.setPlaceholderText(
            self.tr("What the patient can do, e.g. can lift up to 5 kg")
        )
        self.qualifier.setAccessibleName(
            self.tr("Extent of difficulty for %1").replace("%1", self.code)
        )
        self.statement.setAccessibleName(self.tr("Statement for %1").replace("%1", self.code))
        self.remove.setToolTip(self.tr("Remove this capacity"))
        self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", self.code))

    def value(self) -> IcfCapacity:
        return IcfCapacity(self.code, int(self.qualifier.currentData()), self.statement.text())


class DocumentEditor(QWidget):
    """Edits one draft; emits ``saved`` after each autosave and ``sign_requested``."""

    saved = Signal(object)  # DocumentRecord
    sign_requested = Signal()
    preview_requested = Signal()
    closed = Signal()
    add_capacity_requested = Signal()
    follow_up_requested = Signal(str)  # prolong, relapse, replace, duplicate, retract

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.record: DocumentRecord | None = None
        self.current: Document | None = None
        self.findings: list[Finding] = []
        self.undo_stack = QUndoStack(self)
        self._loading = False
        self._touched: set[str] = set()
        self._show_all = False
        self._dirty = False
        self._save_error: str | None = None
        self._saved_at: datetime | None = None
        self._targets: dict[str, tuple[QWidget, FieldMessage]] = {}
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        style = self.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self._build_ui()
        self.retranslate()

    # ================================================================ construction

    def _build_ui(self) -> None:
        today = self.services.today
        # ---- header
        self.title = QLabel(self)
        self.title.setObjectName("editorTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("editorSubtitle")
        self.save_state = QLabel(self)
        self.save_state.setObjectName("saveState")
        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        for lang in Language:
            self.language.addItem("", lang.value)
        self.language_label.setBuddy(self.language)
        self.preview_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview_requested)
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self._request_sign)
        head = QGridLayout()
        head.setContentsMargins(20, 14, 20, 6)
        head.addWidget(self.title, 0, 0)
        head.addWidget(self.subtitle, 1, 0)
        head.addWidget(self.save_state, 1, 1, Qt.AlignmentFlag.AlignRight)
        lang_box = QHBoxLayout()
        lang_box.addWidget(self.language_label)
        lang_box.addWidget(self.language)
        head.addLayout(lang_box, 0, 1, Qt.AlignmentFlag.AlignRight)
        head.setColumnStretch(0, 1)

        # ---- sections
        form = QWidget(self)
        form.setObjectName("editorForm")
        self.sections = QVBoxLayout(form)
        self.sections.setContentsMargins(20, 6, 12, 20)
        self.sections.setSpacing(12)

        # period & reason ---------------------------------------------------------
        self.sec_period = Section(form)
        self.begin = DateField(today=today)
        self.end = DateField(today=today, anchor=lambda: self.begin.value())
        self.duration_label = QLabel()
        self.duration_label.setObjectName("hint")
        self.duration_label.setWordWrap(True)
        self.duration_label.setMinimumWidth(80)
        self.duration_buttons: list[QPushButton] = []
        dur = QHBoxLayout()
        dur.addWidget(self.end)
        for days in DURATIONS:
            b = QPushButton()
            b.setObjectName("chip")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, d=days: self._set_duration(d))
            self.duration_buttons.append(b)
            dur.addWidget(b)
        dur.addWidget(self.duration_label)
        dur.addStretch(1)
        self.begin_label, self.end_label = QLabel(), QLabel()
        self.for_label = QLabel()
        self.for_boxes: dict[IncapacityFor, QCheckBox] = {}
        for_row = QGridLayout()
        for i, value in enumerate(IncapacityFor):
            box = QCheckBox()
            self.for_boxes[value] = box
            for_row.addWidget(box, i // 3, i % 3)
        for_row.setColumnStretch(3, 1)
        self.reason_label = QLabel()
        self.reason = QComboBox()
        for value in IncapacityReason:
            self.reason.addItem("", value.value)
        self.accident_label = QLabel()
        self.accident_date = DateField(today=today)
        self.disease_label = QLabel()
        self.disease_date = DateField(today=today)
        self.hosp_label = QLabel()
        self.hosp_begin = DateField(today=today)
        self.hosp_end = DateField(today=today, anchor=lambda: self.hosp_begin.value())
        hosp = QHBoxLayout()
        hosp.addWidget(self.hosp_begin)
        self.hosp_to = QLabel("–")
        hosp.addWidget(self.hosp_to)
        hosp.addWidget(self.hosp_end)
        hosp.addStretch(1)
        self.out_of_home = QCheckBox()
        self.return_label = QLabel()
        self.expected_return = DateField(today=today, anchor=lambda: self.begin.value())
        pf = QFormLayout()
        pf.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.period_form = pf
        pf.addRow(self.begin_label, self._with_message(self.begin, "body.period.begin"))
        pf.addRow(self.end_label, self._with_message(dur, "body.period.end", self.end))
        pf.addRow(
            self.for_label,
            self._with_message(for_row, "body.incapacity_for", self.for_boxes[IncapacityFor.WORK]),
        )
        pf.addRow(self.reason_label, self._with_message(self.reason, "body.reason"))
        pf.addRow(self.accident_label, self._with_message(self.accident_date, "body.accident_date"))
        pf.addRow(
            self.disease_label,
            self._with_message(self.disease_date, "body.occupational_disease_declared"),
        )
        pf.addRow(
            self.hosp_label, self._with_message(hosp, "body.hospitalisation.begin", self.hosp_begin)
        )
        self._alias("body.hospitalisation.end", "body.hospitalisation.begin")
        pf.addRow(
            self.return_label, self._with_message(self.expected_return, "body.expected_return")
        )
        pf.addRow("", self.out_of_home)
        self.sec_period.body.addLayout(pf)

        # previous certificate (prolongation / relapse) ---------------------------------
        self.sec_previous = Section(form)
        self.prev_ref_label = QLabel()
        self.prev_ref = QLineEdit()
        self.prev_dates_label = QLabel()
        self.prev_begin = DateField(today=today)
        self.prev_end = DateField(today=today)
        prev_dates = QHBoxLayout()
        prev_dates.addWidget(self.prev_begin)
        prev_dates.addWidget(QLabel("–"))
        prev_dates.addWidget(self.prev_end)
        prev_dates.addStretch(1)
        pv = QFormLayout()
        pv.addRow(self.prev_ref_label, self._with_message(self.prev_ref, "body.previous.reference"))
        pv.addRow(
            self.prev_dates_label,
            self._with_message(prev_dates, "body.previous.end", self.prev_end),
        )
        self.sec_previous.body.addLayout(pv)

        # partial resumption ------------------------------------------------------------
        self.sec_resumption = Section(form)
        self.pr_start_label, self.pr_end_label = QLabel(), QLabel()
        self.pr_start = DateField(today=today)
        self.pr_end = DateField(today=today, anchor=lambda: self.pr_start.value())
        self.pr_percent_radio, self.pr_hours_radio = QRadioButton(), QRadioButton()
        self.pr_extent = QButtonGroup(self)
        self.pr_extent.addButton(self.pr_percent_radio)
        self.pr_extent.addButton(self.pr_hours_radio)
        self.pr_percent = QSpinBox()
        self.pr_percent.setRange(0, 100)
        self.pr_percent.setSuffix(" %")
        self.pr_percent.setSpecialValueText("—")
        self.pr_hours = QDoubleSpinBox()
        self.pr_hours.setRange(0, 60)
        self.pr_hours.setDecimals(1)
        self.pr_hours.setSingleStep(0.5)
        self.pr_hours.setSpecialValueText("—")
        for spin in (self.pr_percent, self.pr_hours):
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
            spin.setFixedWidth(110)
        extent = QGridLayout()
        extent.addWidget(self.pr_percent_radio, 0, 0)
        extent.addWidget(self.pr_percent, 0, 1)
        extent.addWidget(self.pr_hours_radio, 1, 0)
        extent.addWidget(self.pr_hours, 1, 1)
        extent.setColumnStretch(2, 1)
        self.pr_extent_label = QLabel()
        self.pr_conditions_label = QLabel()
        self.pr_conditions = QPlainTextEdit()
        self.pr_conditions.setFixedHeight(60)
        self.pr_conditions.setTabChangesFocus(True)
        self.pr_by_label = QLabel()
        self.pr_by = QComboBox()
        for role in AuthorisingRole:
            self.pr_by.addItem("", role.value)
        self.pr_related_label = QLabel()
        self.pr_related = QLineEdit()
        rf = QFormLayout()
        rf.addRow(self.pr_start_label, self._with_message(self.pr_start, "body.start"))
        rf.addRow(self.pr_end_label, self._with_message(self.pr_end, "body.end"))
        rf.addRow(
            self.pr_extent_label, self._with_message(extent, "body.percentage", self.pr_percent)
        )
        self._alias("body.hours_per_week", "body.percentage")
        rf.addRow(self.pr_conditions_label, self.pr_conditions)
        rf.addRow(self.pr_by_label, self.pr_by)
        rf.addRow(
            self.pr_related_label, self._with_message(self.pr_related, "body.related_certificate")
        )
        self.sec_resumption.body.addLayout(rf)

        # invalidity recognition --------------------------------------------------------
        self.sec_invalidity = Section(form)
        self.inv_from_label, self.inv_until_label = QLabel(), QLabel()
        self.inv_since_label, self.inv_remarks_label = QLabel(), QLabel()
        self.inv_from = DateField(today=today)
        self.inv_until = DateField(today=today, anchor=lambda: self.inv_from.value())
        self.inv_since = DateField(today=today)
        self.inv_remarks = QPlainTextEdit()
        self.inv_remarks.setFixedHeight(60)
        self.inv_remarks.setTabChangesFocus(True)
        vf = QFormLayout()
        vf.addRow(self.inv_from_label, self._with_message(self.inv_from, "body.valid_from"))
        vf.addRow(self.inv_until_label, self._with_message(self.inv_until, "body.valid_until"))
        vf.addRow(self.inv_since_label, self._with_message(self.inv_since, "body.incapacity_since"))
        vf.addRow(self.inv_remarks_label, self.inv_remarks)
        self.sec_invalidity.body.addLayout(vf)

        # diagnosis -------------------------------------------------------------------------
        self.sec_diagnosis = Section(form)
        self.dx_text = QLineEdit()
        self.dx_system = QComboBox()
        self.dx_system.addItem("", "")
        for cs in CodeSystem:
            self.dx_system.addItem(cs.value, cs.value)
        self.dx_code = QLineEdit()
        self.dx_code.setMaximumWidth(120)
        self.dx_text_label, self.dx_code_label = QLabel(), QLabel()
        code_row = QHBoxLayout()
        code_row.addWidget(self.dx_system)
        code_row.addWidget(self.dx_code)
        code_row.addStretch(1)
        df = QFormLayout()
        df.addRow(self.dx_text_label, self._with_message(self.dx_text, "body.diagnoses[0].text"))
        df.addRow(
            self.dx_code_label, self._with_message(code_row, "body.diagnoses[0].code", self.dx_code)
        )
        self._alias("body.diagnoses[0].code_system", "body.diagnoses[0].code")
        self.dx_note = QLabel()
        self.dx_note.setObjectName("hint")
        self.sec_diagnosis.body.addLayout(df)
        self.sec_diagnosis.body.addWidget(self.dx_note)

        # fit-note -----------------------------------------------------------------------------
        self.sec_fit = Section(form)
        self.fit_enabled = QCheckBox()
        self.fit_body = QWidget()
        self.fit_not = QRadioButton()
        self.fit_adapted = QRadioButton()
        self.fit_group = QButtonGroup(self)
        self.fit_group.addButton(self.fit_not)
        self.fit_group.addButton(self.fit_adapted)
        self.advice_boxes: dict[AdviceOption, QCheckBox] = {a: QCheckBox() for a in AdviceOption}
        advice = QGridLayout()
        advice.setContentsMargins(24, 0, 0, 0)
        for i, box in enumerate(self.advice_boxes.values()):
            advice.addWidget(box, i // 3, i % 3)
        self.free_advice_label = QLabel()
        self.free_advice = QPlainTextEdit()
        self.free_advice.setFixedHeight(56)
        self.free_advice.setTabChangesFocus(True)
        self.review_label = QLabel()
        self.review_date = DateField(today=today, anchor=lambda: self.begin.value())
        self.fit_period_label = QLabel()
        fb = QVBoxLayout(self.fit_body)
        fb.setContentsMargins(0, 0, 0, 0)
        fb.addWidget(self.fit_not)
        fb.addWidget(self.fit_adapted)
        fb.addLayout(advice)
        self.fit_msg_holder = self._with_message(QHBoxLayout(), "@fit.advice", self.fit_adapted)
        fb.addWidget(self.fit_msg_holder)
        ff = QFormLayout()
        ff.addRow(self.free_advice_label, self.free_advice)
        ff.addRow(self.review_label, self._with_message(self.review_date, "@fit.review_date"))
        fb.addLayout(ff)
        self.sec_fit.body.addWidget(self.fit_enabled)
        self.sec_fit.body.addWidget(self.fit_body)

        # ICF capacities ------------------------------------------------------------------------
        self.sec_caps = Section(form)
        self.caps_box = QVBoxLayout()
        self.caps_box.setSpacing(4)
        self.caps_empty = QLabel()
        self.caps_empty.setObjectName("hint")
        self.caps_empty.setWordWrap(True)
        self.add_capacity = QPushButton()
        self.add_capacity.clicked.connect(self.add_capacity_requested)
        self.caps_message = FieldMessage()
        self.sec_caps.body.addWidget(self.caps_empty)
        self.sec_caps.body.addLayout(self.caps_box)
        self.sec_caps.body.addWidget(self.caps_message)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_capacity)
        add_row.addStretch(1)
        self.sec_caps.body.addLayout(add_row)
        self.rows: list[CapacityRow] = []

        # work ----------------------------------------------------------------------------------
        self.sec_work = Section(form)
        self.job_situation = QComboBox()
        for s in EmploymentSituation:
            self.job_situation.addItem("", s.value)
        self.job_title = QLineEdit()
        self.employer = QLineEdit()
        self.employer_language = QComboBox()
        self.employer_language.addItem("", "")
        for lang in Language:
            self.employer_language.addItem("", lang.value)
        self.job_situation_label, self.job_title_label = QLabel(), QLabel()
        self.employer_label, self.employer_language_label = QLabel(), QLabel()
        wf = QFormLayout()
        wf.addRow(self.job_situation_label, self.job_situation)
        wf.addRow(self.job_title_label, self.job_title)
        wf.addRow(self.employer_label, self.employer)
        wf.addRow(self.employer_language_label, self.employer_language)
        self.sec_work.body.addLayout(wf)

        # recipients & consent ----------------------------------------------------------------
        self.sec_recipients = Section(form)
        self.recipient_boxes: dict[Recipient, QCheckBox] = {r: QCheckBox() for r in Recipient}
        rec_grid = QGridLayout()
        for i, box in enumerate(self.recipient_boxes.values()):
            rec_grid.addWidget(box, i // 2, i % 2)
        self.consent_label = QLabel()
        self.consent_label.setObjectName("subTitle")
        self.consent_electronic = QCheckBox()
        self.consent_employer = QCheckBox()
        self.consent_episode = QCheckBox()
        self.consent_ref_label = QLabel()
        self.consent_ref = QLineEdit()
        self.sec_recipients.body.addWidget(
            self._with_message(
                rec_grid, "recipients", self.recipient_boxes[Recipient.ADVISING_PHYSICIAN]
            )
        )
        self.sec_recipients.body.addWidget(self.consent_label)
        self.sec_recipients.body.addWidget(
            self._with_message(self.consent_electronic, "consent.electronic_sending")
        )
        self.sec_recipients.body.addWidget(
            self._with_message(self.consent_employer, "consent.share_capacities_with_employer")
        )
        self.sec_recipients.body.addWidget(self.consent_episode)
        cr = QFormLayout()
        cr.addRow(self.consent_ref_label, self.consent_ref)
        self.sec_recipients.body.addLayout(cr)

        for sec in (
            self.sec_previous,
            self.sec_period,
            self.sec_resumption,
            self.sec_invalidity,
            self.sec_diagnosis,
            self.sec_fit,
            self.sec_caps,
            self.sec_work,
            self.sec_recipients,
        ):
            self.sections.addWidget(sec)
        self.sections.addStretch(1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        self.scroll = scroll

        # ---- findings panel
        self.side = QFrame(self)
        self.side.setObjectName("findingsPanel")
        self.side.setFixedWidth(280)
        self.side_title = QLabel(self.side)
        self.side_title.setObjectName("sectionTitle")
        self.side_title.setWordWrap(True)
        self.findings_list = QListWidget(self.side)
        self.findings_list.setWordWrap(True)
        self.findings_list.itemActivated.connect(self._goto_finding)
        self.findings_list.itemClicked.connect(self._goto_finding)
        side = QVBoxLayout(self.side)
        side.setContentsMargins(12, 12, 12, 12)
        side.addWidget(self.side_title)
        side.addWidget(self.findings_list, 1)
        self.signed_info = QLabel(self.side)
        self.signed_info.setWordWrap(True)
        self.signed_info.setObjectName("signedInfo")
        side.addWidget(self.signed_info)
        self.follow_buttons: dict[str, QPushButton] = {}
        for key in ("prolong", "relapse", "replace", "duplicate", "retract"):
            button = QPushButton(self.side)
            button.clicked.connect(lambda _=False, k=key: self.follow_up_requested.emit(k))
            self.follow_buttons[key] = button
            side.addWidget(button)
        side.addStretch(0)
        side.addWidget(self.preview_button)
        side.addWidget(self.sign_button)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(scroll, 1)
        body.addWidget(self.side)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addLayout(head)
        outer.addLayout(body, 1)

        self._connect_changes()
        QShortcut(QKeySequence("Ctrl+I"), self, self.add_capacity_requested.emit)
        for i, days in enumerate(DURATIONS, start=1):
            QShortcut(QKeySequence(f"Alt+{i}"), self, lambda d=days: self._set_duration(d))

    def _with_message(self, content: object, path: str, focus: QWidget | None = None) -> QWidget:
        """Wrap a field (widget or layout) with its inline message; register ``path``."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        if isinstance(content, QWidget):
            box.addWidget(
                content,
                0,
                Qt.AlignmentFlag.AlignLeft
                if isinstance(content, DateField)
                else Qt.AlignmentFlag(0),
            )
            target = focus or content
        else:
            box.addLayout(content)  # type: ignore[arg-type]
            target = focus or holder
        msg = FieldMessage(holder)
        box.addWidget(msg)
        self._targets[path] = (target, msg)
        return holder

    def _alias(self, path: str, to: str) -> None:
        self._targets[path] = self._targets[to]

    def _connect_changes(self) -> None:
        def on(sig: object, key: str) -> None:
            sig.connect(lambda *_: self._edited(key))  # type: ignore[attr-defined]

        for field, key in (
            (self.begin, "body.period.begin"),
            (self.end, "body.period.end"),
            (self.accident_date, "body.accident_date"),
            (self.disease_date, "body.occupational_disease_declared"),
            (self.hosp_begin, "body.hospitalisation.begin"),
            (self.hosp_end, "body.hospitalisation.begin"),
            (self.expected_return, "body.expected_return"),
            (self.prev_begin, "body.previous.end"),
            (self.prev_end, "body.previous.end"),
            (self.pr_start, "body.start"),
            (self.pr_end, "body.end"),
            (self.inv_from, "body.valid_from"),
            (self.inv_until, "body.valid_until"),
            (self.inv_since, "body.incapacity_since"),
            (self.review_date, "@fit.review_date"),
        ):
            on(field.edited, key)
        for w, key in (
            (self.prev_ref, "body.previous.reference"),
            (self.pr_related, "body.related_certificate"),
            (self.dx_text, "body.diagnoses[0].text"),
            (self.dx_code, "body.diagnoses[0].code"),
            (self.job_title, "employment.job_title"),
            (self.employer, "employment.employer_name"),
            (self.consent_ref, "consent.reference"),
        ):
            on(w.textEdited, key)
        for w, key in (
            (self.pr_conditions, "body.conditions"),
            (self.inv_remarks, "body.remarks"),
            (self.free_advice, "@fit.free_advice"),
        ):
            on(w.textChanged, key)
        for w, key in (
            (self.reason, "body.reason"),
            (self.dx_system, "body.diagnoses[0].code"),
            (self.job_situation, "employment.situation"),
            (self.employer_language, "employment.employer_language"),
            (self.language, "language"),
            (self.pr_by, "body.authorised_by"),
        ):
            on(w.currentIndexChanged, key)
        on(self.pr_percent.valueChanged, "body.percentage")
        on(self.pr_hours.valueChanged, "body.percentage")
        for key, boxes in (
            ("body.incapacity_for", self.for_boxes.values()),
            ("@fit.advice", self.advice_boxes.values()),
            ("recipients", self.recipient_boxes.values()),
        ):
            for box in boxes:
                on(box.toggled, key)
        for box, key in (
            (self.out_of_home, "body.out_of_home_allowed"),
            (self.fit_enabled, "@fit"),
            (self.fit_not, "@fit.advice"),
            (self.fit_adapted, "@fit.advice"),
            (self.pr_percent_radio, "body.percentage"),
            (self.pr_hours_radio, "body.percentage"),
            (self.consent_electronic, "consent.electronic_sending"),
            (self.consent_employer, "consent.share_capacities_with_employer"),
            (self.consent_episode, "consent.episode_sharing"),
        ):
            on(box.toggled, key)

    # ================================================================ translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Document la&nguage"))
        for i in range(self.language.count()):
            self.language.setItemText(i, labels.language(self.language.itemData(i)))
        self.preview_button.setText(self.tr("Preview PDF"))
        self.preview_button.setToolTip(self.tr("Preview the copies (Ctrl+P)"))
        self.sign_button.setText(self.tr("Sign && send"))
        self.sign_button.setToolTip(self.tr("Sign with your eID and send (Ctrl+Enter)"))
        self.sec_previous.set_title(self.tr("Previous certificate"))
        self.prev_ref_label.setText(self.tr("Reference"))
        self.prev_ref.setPlaceholderText(self.tr("From the patient's copy, e.g. 6f1c2b1e-…"))
        self.prev_dates_label.setText(self.tr("Its period"))
        self.sec_period.set_title(self.tr("Period and reason"))
        self.begin_label.setText(self.tr("Fro&m"))
        self.begin_label.setBuddy(self.begin.line)
        self.end_label.setText(self.tr("&Until"))
        self.end_label.setBuddy(self.end.line)
        self.end.line.setToolTip(self.tr("Type a date, or +7 for seven days from the start"))
        for b, days in zip(self.duration_buttons, DURATIONS, strict=True):
            b.setText(self.tr("1 month") if days == 30 else self.tr("%n day(s)", "", days))
            b.setToolTip(self.tr("Alt+%1").replace("%1", str(DURATIONS.index(days) + 1)))
        self.for_label.setText(self.tr("Unable to attend"))
        for value, box in self.for_boxes.items():
            box.setText(labels.incapacity_for(value))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason_label.setBuddy(self.reason)
        for i in range(self.reason.count()):
            self.reason.setItemText(i, labels.reason(IncapacityReason(self.reason.itemData(i))))
        self.accident_label.setText(self.tr("Accident date"))
        self.disease_label.setText(self.tr("Disease declared on"))
        self.hosp_label.setText(self.tr("Hospital stay"))
        self.out_of_home.setText(self.tr("Patient may leave the house"))
        self.return_label.setText(self.tr("Expected return"))
        self.expected_return.line.setToolTip(
            self.tr("First prognosis on return to work (optional)")
        )
        self.sec_resumption.set_title(self.tr("Partial resumption of work"))
        self.pr_start_label.setText(self.tr("From"))
        self.pr_end_label.setText(self.tr("Until"))
        self.pr_extent_label.setText(self.tr("Extent"))
        self.pr_percent_radio.setText(self.tr("Percentage of a full-time job"))
        self.pr_hours_radio.setText(self.tr("Hours per week"))
        self.pr_conditions_label.setText(self.tr("Conditions"))
        self.pr_by_label.setText(self.tr("Authorised by"))
        for i in range(self.pr_by.count()):
            self.pr_by.setItemText(i, labels.authorised_by(AuthorisingRole(self.pr_by.itemData(i))))
        self.pr_related_label.setText(self.tr("Related certificate"))
        self.sec_invalidity.set_title(self.tr("Invalidity recognition"))
        self.inv_from_label.setText(self.tr("Valid from"))
        self.inv_until_label.setText(self.tr("Valid until"))
        self.inv_since_label.setText(self.tr("Incapacity since"))
        self.inv_remarks_label.setText(self.tr("Remarks"))
        self.sec_diagnosis.set_title(self.tr("Diagnosis"))
        self.dx_text_label.setText(self.tr("Dia&gnosis"))
        self.dx_text_label.setBuddy(self.dx_text)
        self.dx_text.setPlaceholderText(self.tr("Free text, e.g. lumbago with sciatica"))
        self.dx_code_label.setText(self.tr("Code"))
        self.dx_system.setItemText(0, self.tr("no code"))
        self.dx_code.setPlaceholderText(self.tr("e.g. L86"))
        self.dx_note.setText(self.tr("Only the advising physician sees the diagnosis."))
        self.sec_fit.set_title(self.tr("Fit-note: what the patient can still do"))
        self.fit_enabled.setText(self.tr("Add a fi&t-note to this certificate"))
        self.fit_not.setText(labels.fit_status(FitNoteStatus.NOT_FIT))
        self.fit_adapted.setText(labels.fit_status(FitNoteStatus.FIT_ADAPTED))
        for value, box in self.advice_boxes.items():
            box.setText(labels.advice(value))
        self.free_advice_label.setText(self.tr("Advice"))
        self.free_advice.setPlaceholderText(self.tr("Free advice for the workplace (optional)"))
        self.review_label.setText(self.tr("Review on"))
        self.sec_caps.set_title(self.tr("Work capacities (ICF)"))
        self.caps_empty.setText(
            self.tr("No capacities yet. Add what the patient can still do, with its ICF code.")
        )
        self.add_capacity.setText(self.tr("Add capacity…  (Ctrl+I)"))
        self.sec_work.set_title(self.tr("Work"))
        self.job_situation_label.setText(self.tr("Situation"))
        for i in range(self.job_situation.count()):
            self.job_situation.setItemText(
                i, labels.employment(EmploymentSituation(self.job_situation.itemData(i)))
            )
        self.job_title_label.setText(self.tr("Job"))
        self.employer_label.setText(self.tr("Employer"))
        self.employer_language_label.setText(self.tr("Employer's language"))
        self.employer_language.setItemText(0, self.tr("unknown (Dutch and French copy)"))
        for i in range(1, self.employer_language.count()):
            self.employer_language.setItemText(
                i, labels.language(self.employer_language.itemData(i))
            )
        self.sec_recipients.set_title(self.tr("Recipients and consent"))
        for value, box in self.recipient_boxes.items():
            box.setText(labels.recipient(value))
        self.consent_label.setText(self.tr("The patient agrees that"))
        self.consent_electronic.setText(
            self.tr("the certificate is sent electronically to the &physicians")
        )
        self.consent_employer.setText(self.tr("the employer sees the work capacities"))
        self.consent_episode.setText(
            self.tr("another physician may fetch this episode to prolong it")
        )
        self.consent_ref_label.setText(self.tr("Consent reference"))
        for key, text in (
            ("prolong", self.tr("Prolong")),
            ("relapse", self.tr("Relapse")),
            ("replace", self.tr("Replace (correct)")),
            ("duplicate", self.tr("Duplicate as new")),
            ("retract", self.tr("Retract…")),
        ):
            self.follow_buttons[key].setText(text)
        self.consent_ref.setPlaceholderText(self.tr("optional, e.g. form number"))
        self._set_accessible_names()
        for row in self.rows:
            row.retranslate()
        self._refresh_titles()
        self._update_duration()
        self._show_findings()
        self._show_save_state()

    def _set_accessible_names(self) -> None:
        for w, name in (
            (self.begin, self.tr("Start date")),
            (self.end, self.tr("End date")),
            (self.reason, self.tr("Reason")),
            (self.accident_date, self.tr("Accident date")),
            (self.disease_date, self.tr("Disease declared on")),
            (self.hosp_begin, self.tr("Hospital admission")),
            (self.hosp_end, self.tr("Hospital discharge")),
            (self.expected_return, self.tr("Expected return")),
            (self.prev_ref, self.tr("Reference of the previous certificate")),
            (self.prev_begin, self.tr("Start of the previous certificate")),
            (self.prev_end, self.tr("End of the previous certificate")),
            (self.dx_text, self.tr("Diagnosis")),
            (self.dx_system, self.tr("Code system")),
            (self.dx_code, self.tr("Diagnosis code")),
            (self.free_advice, self.tr("Advice")),
            (self.review_date, self.tr("Review date")),
            (self.job_situation, self.tr("Employment situation")),
            (self.job_title, self.tr("Job")),
            (self.employer, self.tr("Employer")),
            (self.employer_language, self.tr("Employer's language")),
            (self.consent_ref, self.tr("Consent reference")),
            (self.language, self.tr("Document language")),
            (self.pr_start, self.tr("Resumption from")),
            (self.pr_end, self.tr("Resumption until")),
            (self.pr_percent, self.tr("Percentage")),
            (self.pr_hours, self.tr("Hours per week")),
            (self.pr_conditions, self.tr("Conditions")),
            (self.pr_by, self.tr("Authorised by")),
            (self.pr_related, self.tr("Related certificate")),
            (self.inv_from, self.tr("Valid from")),
            (self.inv_until, self.tr("Valid until")),
            (self.inv_since, self.tr("Incapacity since")),
            (self.inv_remarks, self.tr("Remarks")),
            (self.findings_list, self.tr("Points to check")),
        ):
            w.setAccessibleName(name)

    def _refresh_titles(self) -> None:
        doc = self.current
        if doc is None:
            self.title.setText("")
            self.subtitle.setText("")
            return
        title = labels.document_kind(doc.kind)
        if isinstance(doc.body, IncapacityCertificate):
            kind = doc.body.certificate_kind
            if kind is not CertificateKind.INITIAL:
                title = f"{title} — {labels.certificate_kind(kind).lower()}"
        self.title.setText(title)
        patient = doc.patient
        birth = patient.birth_date.strftime("%d/%m/%Y") if patient.birth_date else ""
        self.subtitle.setText(" · ".join(p for p in (patient.full_name, birth) if p))

    # ================================================================ load / build

    def open(self, record: DocumentRecord) -> None:
        """Show ``record`` (a draft) and start a fresh undo history."""
        self.flush()
        self.record = record
        self._touched.clear()
        self._show_all = False
        self._saved_at = record.updated_at
        self._save_error = None
        self._dirty = False
        self.undo_stack.clear()
        self.apply_snapshot(record.document, validate_only=True)
        self._show_save_state()
        self.scroll.verticalScrollBar().setValue(0)
        first = self.end if isinstance(record.document.body, IncapacityCertificate) else None
        (first or self.scroll).setFocus()

    def apply_snapshot(self, doc: Document, *, validate_only: bool = False) -> None:
        """Put ``doc`` into the widgets (undo/redo and opening), then validate and save."""
        self._loading = True
        try:
            self._load(doc)
        finally:
            self._loading = False
        self.current = doc
        self._refresh_titles()
        self._validate()
        if not validate_only:
            self._schedule_save()

    def _load(self, doc: Document) -> None:
        body = doc.body
        kind = doc.kind
        self.language.setCurrentIndex(max(0, self.language.findData(doc.language.value)))
        inc = body if isinstance(body, IncapacityCertificate) else None
        fit = doc.fit_note
        self.sec_period.setVisible(kind in (DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE))
        for w in (
            self.for_label,
            self.reason_label,
            self.reason,
            self.out_of_home,
            self.return_label,
            self.expected_return,
        ):
            w.setVisible(inc is not None)
        self._set_row_visible(self.for_label, inc is not None)
        self._set_row_visible(self.reason_label, inc is not None)
        self._set_row_visible(self.return_label, inc is not None)
        self._set_row_visible(self.out_of_home, inc is not None)
        self.sec_previous.setVisible(
            inc is not None and inc.certificate_kind is not CertificateKind.INITIAL
        )
        self.sec_resumption.setVisible(kind is DocumentKind.PARTIAL_RESUMPTION)
        self.sec_invalidity.setVisible(kind is DocumentKind.INVALIDITY_RECOGNITION)
        self.sec_diagnosis.setVisible(
            kind in (DocumentKind.INCAPACITY, DocumentKind.INVALIDITY_RECOGNITION)
        )
        self.sec_fit.setVisible(kind in (DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE))
        self.fit_enabled.setVisible(kind is DocumentKind.INCAPACITY)
        self.sec_caps.setVisible(fit is not None)
        self.sec_work.setVisible(kind is not DocumentKind.INVALIDITY_RECOGNITION)

        period = doc.period
        if kind in (DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE):
            self.begin.set_value(period.begin if period else None)
            self.end.set_value(period.end if period else None)
        if inc is not None:
            for value, box in self.for_boxes.items():
                box.setChecked(value in inc.incapacity_for)
            self.reason.setCurrentIndex(self.reason.findData(inc.reason.value))
            self.accident_date.set_value(inc.accident_date)
            self.disease_date.set_value(inc.occupational_disease_declared)
            self.hosp_begin.set_value(inc.hospitalisation.begin if inc.hospitalisation else None)
            self.hosp_end.set_value(inc.hospitalisation.end if inc.hospitalisation else None)
            self.out_of_home.setChecked(inc.out_of_home_allowed)
            self.expected_return.set_value(inc.expected_return)
            prev = inc.previous
            self.prev_ref.setText(prev.reference if prev else "")
            self.prev_begin.set_value(prev.begin if prev else None)
            self.prev_end.set_value(prev.end if prev else None)
            self._update_reason_rows(inc.reason)
            self.sec_previous.set_title(
                self.tr("Continues the certificate")
                if inc.certificate_kind is CertificateKind.PROLONGATION
                else self.tr("Relapse after the certificate")
            )
        dx = doc.diagnoses[0] if doc.diagnoses else Diagnosis("")
        self.dx_text.setText(dx.text)
        self.dx_code.setText(dx.code)
        self.dx_system.setCurrentIndex(
            max(0, self.dx_system.findData(dx.code_system.value if dx.code_system else ""))
        )
        # fit-note
        self.fit_enabled.setChecked(fit is not None)
        self.fit_body.setVisible(fit is not None)
        shown = fit or FitNote(status=FitNoteStatus.FIT_ADAPTED)
        self.fit_not.setChecked(shown.status is FitNoteStatus.NOT_FIT)
        self.fit_adapted.setChecked(shown.status is FitNoteStatus.FIT_ADAPTED)
        for value, box in self.advice_boxes.items():
            box.setChecked(value in shown.advice)
            box.setEnabled(shown.status is FitNoteStatus.FIT_ADAPTED)
        if self.free_advice.toPlainText() != shown.free_advice:
            self.free_advice.setPlainText(shown.free_advice)
        self.review_date.set_value(shown.review_date)
        self._load_capacities(shown.capacities)
        fit_prefix = "body" if kind is DocumentKind.FIT_NOTE else "body.fit_note"
        self._alias(f"{fit_prefix}.advice", "@fit.advice")
        self._alias(f"{fit_prefix}.review_date", "@fit.review_date")
        # partial resumption
        if isinstance(body, PartialResumption):
            self.pr_start.set_value(body.start)
            self.pr_end.set_value(body.end)
            hours = body.hours_per_week is not None
            self.pr_hours_radio.setChecked(hours)
            self.pr_percent_radio.setChecked(not hours)
            self.pr_percent.setValue(body.percentage or 0)
            self.pr_hours.setValue(float(body.hours_per_week or 0))
            self.pr_percent.setEnabled(not hours)
            self.pr_hours.setEnabled(hours)
            if self.pr_conditions.toPlainText() != body.conditions:
                self.pr_conditions.setPlainText(body.conditions)
            self.pr_by.setCurrentIndex(self.pr_by.findData(body.authorised_by.value))
            self.pr_related.setText(body.related_certificate)
        if isinstance(body, InvalidityRecognition):
            self.inv_from.set_value(body.valid_from)
            self.inv_until.set_value(body.valid_until)
            self.inv_since.set_value(body.incapacity_since)
            if self.inv_remarks.toPlainText() != body.remarks:
                self.inv_remarks.setPlainText(body.remarks)
        emp = doc.employment or Employment()
        self.job_situation.setCurrentIndex(self.job_situation.findData(emp.situation.value))
        self.job_title.setText(emp.job_title)
        self.employer.setText(emp.employer_name)
        self.employer_language.setCurrentIndex(
            max(
                0,
                self.employer_language.findData(
                    emp.employer_language.value if emp.employer_language else ""
                ),
            )
        )
        for value, box in self.recipient_boxes.items():
            box.setChecked(value in doc.recipients)
        self.consent_electronic.setChecked(doc.consent.electronic_sending)
        self.consent_employer.setChecked(doc.consent.share_capacities_with_employer)
        self.consent_episode.setChecked(doc.consent.episode_sharing)
        self.consent_ref.setText(doc.consent.reference)
        self.consent_employer.setVisible(fit is not None)
        self._update_duration()

    def _set_row_visible(self, label: QWidget, visible: bool) -> None:
        for row in range(self.period_form.rowCount()):
            item = self.period_form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.period_form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if (item is not None and item.widget() is label) or (
                field is not None and field.widget() is label
            ):
                self.period_form.setRowVisible(row, visible)

    def _update_reason_rows(self, reason: IncapacityReason) -> None:
        self._set_row_visible(self.accident_label, reason in ACCIDENT_REASONS)
        self._set_row_visible(self.disease_label, reason is IncapacityReason.OCCUPATIONAL_DISEASE)
        self._set_row_visible(self.hosp_label, reason is IncapacityReason.HOSPITALISATION)

    def _load_capacities(self, capacities: tuple[IcfCapacity, ...]) -> None:
        if tuple(r.value() for r in self.rows) == capacities:
            return
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for cap in capacities:
            self._append_row(cap)
        self._register_rows()

    def _append_row(self, cap: IcfCapacity) -> CapacityRow:
        row = CapacityRow(cap)
        row.changed.connect(lambda: self._edited(self._row_path(row)))
        row.remove_requested.connect(self._remove_row)
        self.rows.append(row)
        self.caps_box.addWidget(row)
        row.show()
        self.caps_empty.setVisible(False)
        return row

    def _fit_prefix(self) -> str:
        doc = self.current
        return "body" if doc is not None and doc.kind is DocumentKind.FIT_NOTE else "body.fit_note"

    def _row_path(self, row: CapacityRow) -> str:
        return f"{self._fit_prefix()}.capacities[{self.rows.index(row)}]"

    def _register_rows(self) -> None:
        for key in [k for k in self._targets if ".capacities[" in k]:
            del self._targets[key]
        prefix = self._fit_prefix()
        for i, row in enumerate(self.rows):
            self._targets[f"{prefix}.capacities[{i}]"] = (row.statement, row.message)
            self._targets[f"{prefix}.capacities[{i}].qualifier"] = (row.qualifier, row.message)
            self._targets[f"{prefix}.capacities[{i}].code"] = (row.statement, row.message)
        self.caps_empty.setVisible(not self.rows)

    def _remove_row(self, row: CapacityRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._register_rows()
        self._edited("list")

    def add_capacities(self, capacities: list[IcfCapacity]) -> None:
        """Append capacities chosen in the ICF picker (one undo step)."""
        if not capacities or self.current is None:
            return
        if self.current.fit_note is None:
            self.fit_enabled.setChecked(True)
        for cap in capacities:
            self._append_row(cap)
        self._register_rows()
        self._edited("list")
        self.rows[-1].statement.setFocus()

    def _build(self) -> Document:
        """The document the widgets show now, on top of the loaded one."""
        assert self.current is not None
        doc = self.current
        body = doc.body
        fit: FitNote | None = None
        fit_on = self.fit_enabled.isChecked() or isinstance(body, FitNote)
        if fit_on:
            status = (
                FitNoteStatus.NOT_FIT if self.fit_not.isChecked() else FitNoteStatus.FIT_ADAPTED
            )
            fit = FitNote(
                status=status,
                advice=tuple(a for a, box in self.advice_boxes.items() if box.isChecked())
                if status is FitNoteStatus.FIT_ADAPTED
                else (),
                free_advice=self.free_advice.toPlainText(),
                review_date=self.review_date.value(),
                capacities=tuple(r.value() for r in self.rows),
            )
        dx = self._diagnoses()
        if isinstance(body, IncapacityCertificate):
            begin = self.begin.value() or body.period.begin
            reason = IncapacityReason(self.reason.currentData())
            hosp = None
            if self.hosp_begin.value() is not None:
                hosp = Period(self.hosp_begin.value(), self.hosp_end.value())  # type: ignore[arg-type]
            prev = body.previous
            if body.certificate_kind is not CertificateKind.INITIAL:
                prev = PreviousCertificate(
                    self.prev_ref.text().strip(),
                    self.prev_begin.value(),
                    self.prev_end.value(),
                    prev.author_riziv if prev else "",
                )
            body = replace(
                body,
                period=Period(begin, self.end.value()),
                reason=reason,
                incapacity_for=tuple(v for v, box in self.for_boxes.items() if box.isChecked()),
                diagnoses=dx,
                out_of_home_allowed=self.out_of_home.isChecked(),
                expected_return=self.expected_return.value(),
                accident_date=self.accident_date.value() if reason in ACCIDENT_REASONS else None,
                occupational_disease_declared=self.disease_date.value()
                if reason is IncapacityReason.OCCUPATIONAL_DISEASE
                else None,
                hospitalisation=hosp if reason is IncapacityReason.HOSPITALISATION else None,
                previous=prev,
                fit_note=fit,
            )
        elif isinstance(body, FitNote):
            begin = self.begin.value() or (
                body.period.begin if body.period else self.services.today()
            )
            assert fit is not None
            body = replace(fit, period=Period(begin, self.end.value()))
        elif isinstance(body, PartialResumption):
            hours = self.pr_hours_radio.isChecked()
            body = replace(
                body,
                start=self.pr_start.value() or body.start,
                end=self.pr_end.value(),
                percentage=None
                if hours or not self.pr_percent.value()
                else self.pr_percent.value(),
                hours_per_week=Decimal(str(self.pr_hours.value()))
                if hours and self.pr_hours.value()
                else None,
                conditions=self.pr_conditions.toPlainText(),
                authorised_by=AuthorisingRole(self.pr_by.currentData()),
                related_certificate=self.pr_related.text().strip(),
            )
        elif isinstance(body, InvalidityRecognition):
            body = replace(
                body,
                valid_from=self.inv_from.value() or body.valid_from,
                valid_until=self.inv_until.value() or body.valid_until,
                incapacity_since=self.inv_since.value(),
                diagnoses=dx,
                remarks=self.inv_remarks.toPlainText(),
            )
        emp_lang = self.employer_language.currentData()
        return replace(
            doc,
            body=body,
            language=Language(self.language.currentData()),
            employment=Employment(
                EmploymentSituation(self.job_situation.currentData()),
                self.job_title.text(),
                self.employer.text(),
                Language(emp_lang) if emp_lang else None,
            ),
            recipients=tuple(r for r, box in self.recipient_boxes.items() if box.isChecked()),
            consent=Consent(
                electronic_sending=self.consent_electronic.isChecked(),
                share_capacities_with_employer=self.consent_employer.isChecked(),
                episode_sharing=self.consent_episode.isChecked(),
                recorded_at=doc.consent.recorded_at,
                reference=self.consent_ref.text().strip(),
            ),
        )

    def _diagnoses(self) -> tuple[Diagnosis, ...]:
        assert self.current is not None
        text, code = self.dx_text.text(), self.dx_code.text().strip().upper()
        system = self.dx_system.currentData()
        first = Diagnosis(text, code, CodeSystem(system) if system else None)
        rest = self.current.diagnoses[1:]
        return (first, *rest) if (text or code or rest) else ()

    # ================================================================ editing

    def _edited(self, key: str) -> None:
        if self._loading or self.current is None or self.record is None:
            return
        if not self.record.status.editable:
            return
        self._touched.add(key)
        if key in ("body.reason",):
            self._update_reason_rows(IncapacityReason(self.reason.currentData()))
        if key == "@fit":
            self.fit_body.setVisible(self.fit_enabled.isChecked())
            self.sec_caps.setVisible(self.fit_enabled.isChecked())
            self.consent_employer.setVisible(self.fit_enabled.isChecked())
        if key == "@fit.advice":
            for box in self.advice_boxes.values():
                box.setEnabled(self.fit_adapted.isChecked())
        if key == "body.percentage":
            self.pr_percent.setEnabled(self.pr_percent_radio.isChecked())
            self.pr_hours.setEnabled(self.pr_hours_radio.isChecked())
        before = self.current
        after = self._build()
        if after == before:
            self._validate()
            return
        self.current = after
        self.undo_stack.push(_Snapshot(self, before, after, key))
        self._update_duration()
        self._validate()
        self._schedule_save()

    def _set_duration(self, days: int) -> None:
        begin = self.begin.value()
        if begin is None or self.current is None or not self.sec_period.isVisible():
            return
        from fitnote_desktop.domain.validation import add_months

        end = (
            add_months(begin, 1) - timedelta(days=1)
            if days == 30
            else begin + timedelta(days=days - 1)
        )
        self.end.set_value(end)
        self._edited("body.period.end")

    def _update_duration(self) -> None:
        begin, end = self.begin.value(), self.end.value()
        if begin and end and end >= begin:
            n = (end - begin).days + 1
            weekday = i18n.locale().dayName(end.isoweekday())
            self.duration_label.setText(
                self.tr("%n day(s), until %1", "", n).replace("%1", weekday)
            )
        else:
            self.duration_label.setText("")

    # ================================================================ validation

    def _validate(self) -> None:
        if self.current is None:
            return
        findings = self.services.validate(self.current)
        bad_dates = [
            Finding("date.invalid", path)
            for path, (w, _m) in self._targets.items()
            if isinstance(w, DateField) and w.is_invalid() and not path.startswith("@")
        ]
        self.findings = bad_dates + findings
        self._show_findings()

    def _resolve(self, path: str) -> tuple[QWidget, FieldMessage] | None:
        candidate = path
        while candidate:
            if candidate in self._targets:
                return self._targets[candidate]
            stripped = re.sub(r"(\.[^.\[\]]+|\[\d+\])$", "", candidate)
            if stripped == candidate:
                break
            candidate = stripped
        return None

    def _visible_inline(self, finding: Finding) -> bool:
        if self._show_all or finding.code == "date.invalid":
            return True
        resolved = self._resolve(finding.field)
        return resolved is not None and any(
            self._resolve(key) is resolved or self._resolve(key) == resolved
            for key in self._touched
        )

    def _show_findings(self) -> None:
        per_target: dict[int, tuple[QWidget, FieldMessage, list[tuple[Severity, str]]]] = {}
        for target, msg in self._targets.values():
            per_target[id(msg)] = (target, msg, [])
        for row in self.rows:
            per_target.setdefault(id(row.message), (row.statement, row.message, []))
        self.findings_list.clear()
        errors = 0
        for f in self.findings:
            text = (
                i18n.text(f.code, **f.params) if f.code == "date.invalid" else i18n.finding_text(f)
            )
            if f.severity is Severity.ERROR:
                errors += 1
            item = QListWidgetItem(self._icons[f.severity], text)
            item.setData(Qt.ItemDataRole.UserRole, f.field)
            item.setToolTip(text)
            self.findings_list.addItem(item)
            resolved = self._resolve(f.field)
            if resolved is not None and self._visible_inline(f):
                per_target[id(resolved[1])][2].append((f.severity, text))
        for target, msg, items in per_target.values():
            msg.show_messages(items)
            worst = ""
            if items:
                worst = "error" if any(s is Severity.ERROR for s, _ in items) else "warning"
            mark(target, worst)
        if errors:
            self.side_title.setText(self.tr("%n point(s) to complete before signing", "", errors))
        elif self.findings:
            self.side_title.setText(self.tr("Ready to sign — please check the warnings"))
        else:
            self.side_title.setText(self.tr("Ready to sign"))
        self.sign_button.setEnabled(self.record is not None and self.record.status.editable)
        self._show_signed_info()

    def _goto_finding(self, item: QListWidgetItem) -> None:
        resolved = self._resolve(item.data(Qt.ItemDataRole.UserRole))
        if resolved is not None:
            target = resolved[0]
            self.scroll.ensureWidgetVisible(target)
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal_all_findings(self) -> bool:
        """Show every inline message (after a sign attempt); True when nothing blocks."""
        self._show_all = True
        self._show_findings()
        blocking = [f for f in self.findings if f.severity is Severity.ERROR]
        if blocking:
            resolved = self._resolve(blocking[0].field)
            if resolved is not None:
                self.scroll.ensureWidgetVisible(resolved[0])
                resolved[0].setFocus()
        return not blocking

    def _request_sign(self) -> None:
        self.sign_requested.emit()

    # ================================================================ saving

    def _schedule_save(self) -> None:
        self._dirty = True
        self._save_error = None
        self._show_save_state()
        self._autosave.start()

    def save_now(self) -> DocumentRecord | None:
        """Write the draft now (autosave timer, leaving the editor, before signing)."""
        self._autosave.stop()
        if not self._dirty or self.record is None or self.current is None:
            return self.record
        try:
            rec = self.services.save_draft(self.record.patient_id, self.current)
        except ServiceError as exc:
            self._save_error = i18n.text(exc.code, **exc.params)
            self._show_save_state()
            return None
        self.record = rec
        self._dirty = False
        self._saved_at = datetime.now()
        self._show_save_state()
        self.saved.emit(rec)
        return rec

    def discard(self) -> None:
        """Forget the open draft without saving (it is about to be deleted)."""
        self._autosave.stop()
        self._dirty = False
        self.record = None
        self.current = None
        self.undo_stack.clear()

    def flush(self) -> None:
        if self._dirty:
            self.save_now()

    def is_dirty(self) -> bool:
        return self._dirty

    def _show_save_state(self) -> None:
        if self.record is None:
            self.save_state.setText("")
            return
        if not self.record.status.editable:
            text, state = labels.status(self.record.status), "signed"
        elif self._save_error:
            text, state = self.tr("Not saved: %1").replace("%1", self._save_error), "error"
        elif self._dirty:
            text, state = self.tr("Saving…"), "pending"
        elif self._saved_at is not None:
            t = self._saved_at.astimezone() if self._saved_at.tzinfo else self._saved_at
            hhmm = i18n.locale().toString(QTime(t.hour, t.minute), "HH:mm")
            text, state = self.tr("✓ Draft saved at %1").replace("%1", hhmm), "saved"
        else:
            text, state = self.tr("Draft"), "saved"
        self.save_state.setText(text)
        self.save_state.setProperty("state", state)
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)

    def set_read_only(self, read_only: bool) -> None:
        """Signed documents: the form is shown greyed, the side panel offers what comes next."""
        for section in (
            self.sec_period,
            self.sec_previous,
            self.sec_resumption,
            self.sec_invalidity,
            self.sec_diagnosis,
            self.sec_fit,
            self.sec_caps,
            self.sec_work,
            self.sec_recipients,
        ):
            section.setEnabled(not read_only)
        self.language.setEnabled(not read_only)
        self.sign_button.setVisible(not read_only)
        self.findings_list.setVisible(not read_only)
        self.signed_info.setVisible(read_only)
        record = self.record
        allowed = (
            allowed_actions(record.document.kind, record.status) if record is not None else set()
        )
        for key, button in self.follow_buttons.items():
            button.setVisible(read_only and Action(key) in allowed)
        self._show_signed_info()

    def _show_signed_info(self) -> None:
        rec = self.record
        if rec is None or rec.status.editable:
            return
        self.side_title.setText(labels.status(rec.status))
        lines = []
        if rec.signed_at is not None:
            at = rec.signed_at.astimezone() if rec.signed_at.tzinfo else rec.signed_at
            lines.append(self.tr("Signed on %1").replace("%1", at.strftime("%d/%m/%Y %H:%M")))
        if rec.last_error and rec.status.value in ("rejected", "queued"):
            lines.append(i18n.rejection_text(rec.last_error))
        lines.append(self.tr("Signed documents cannot be changed. What next?"))
        self.signed_info.setText("\n".join(lines))
