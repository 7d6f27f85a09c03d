"""Who receives a copy, and the patient's consent to sending and sharing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGridLayout, QLineEdit, QWidget

from fitnote_desktop.domain.model import Document, DocumentKind, Recipient
from fitnote_desktop.ui import labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import ChoiceGroup

translate = QCoreApplication.translate


class RecipientsSection(EditorSection):
    key = "recipients"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Recipients and consent")
    kinds = frozenset(DocumentKind)

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.recipient_boxes: dict[Recipient, QCheckBox] = {r: QCheckBox() for r in Recipient}
        grid = QGridLayout()
        for i, box in enumerate(self.recipient_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        self.consent_electronic = QCheckBox()
        self.consent_employer = QCheckBox()
        self.consent_episode = QCheckBox()
        self.consent_ref = QLineEdit()
        boxes = QFormLayout()
        boxes.setContentsMargins(0, 0, 0, 0)
        self.add_rows(boxes, {"recipient_boxes": grid}, only={"recipient_boxes"})
        self.body.addLayout(boxes)
        agreed = QFormLayout()
        agreements = {"consent_electronic", "consent_employer", "consent_episode"}
        self.add_rows(agreed, {}, only=agreements, span_buttons=True)
        self.consent_group = ChoiceGroup(agreed)  # each box reads as the end of the question
        self.body.addWidget(self.consent_group)
        reference = QFormLayout()
        self.add_rows(reference, {}, only={"consent_ref"})
        self.body.addLayout(reference)

    def load(self, document: Document) -> None:
        super().load(document)
        self.show_capacity_consent(document.fit_note is not None)

    def settle(self, document: Document, before: Document) -> Document:
        """Ticking the consent records when it was given; withdrawing it clears that time.

        The time is now on the services' day (the same clock as the validation), so a
        consent is never recorded after the day it is checked against.
        """
        consent = document.consent
        given = consent.electronic_sending or consent.episode_sharing
        was_given = before.consent.electronic_sending or before.consent.episode_sharing
        if not given and consent.recorded_at is not None:
            return replace(document, consent=replace(consent, recorded_at=None))
        if given and not was_given:
            now = datetime.combine(self.today(), datetime.now().time()).astimezone()
            return replace(document, consent=replace(consent, recorded_at=now))
        return document

    def show_capacity_consent(self, visible: bool) -> None:
        """Sharing capacities with the employer is asked only when there is a fit-note."""
        self.set_row_visible("consent.share_capacities_with_employer", visible)

    def retranslate(self) -> None:
        super().retranslate()
        for value, box in self.recipient_boxes.items():
            box.setText(labels.recipient(value))
        self.consent_group.set_question(
            translate("DocumentEditor", "The patient agrees that"), visible=True
        )
