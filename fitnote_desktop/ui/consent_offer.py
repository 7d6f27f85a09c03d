""" "Same consent as on DATE": the last consent offered on a new document (rule 10).

Consent is given per document and never copied silently: the physician sees what the
patient agreed to last time, asks again, and confirms; only then is it recorded on the
draft, as of now.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fitnote_desktop.services.drafts import ConsentOffer


class ConsentOfferDialog(QDialog):
    """Accepted: the physician confirmed the same consent for this document."""

    def __init__(self, offer: ConsentOffer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consentOffer")
        self.setWindowTitle(self.tr("Consent for this document"))
        given = self.consent_lines(offer)
        day = offer.given_on.strftime("%d/%m/%Y")
        self.summary = QLabel(
            self.tr("On %1 the patient agreed to:").replace("%1", day)
            + "\n"
            + "\n".join(f"• {line}" for line in given),
            self,
        )
        self.summary.setWordWrap(True)
        question = QLabel(self.tr("Ask the patient again. Same consent for this document?"), self)
        question.setWordWrap(True)
        self.same = QPushButton(self.tr("Same consent as on %1").replace("%1", day), self)
        self.same.setObjectName("primary")
        self.same.setDefault(True)
        self.same.clicked.connect(self.accept)
        self.not_now = QPushButton(self.tr("Record it in the document"), self)
        self.not_now.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.not_now)
        buttons.addStretch(1)
        buttons.addWidget(self.same)
        QWidget.setTabOrder(self.not_now, self.same)  # as they stand, left to right
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(question)
        layout.addLayout(buttons)

    def consent_lines(self, offer: ConsentOffer) -> list[str]:
        consent = offer.consent
        lines = []
        if consent.electronic_sending:
            lines.append(self.tr("electronic sending to the advising / occupational physician"))
        if consent.share_capacities_with_employer:
            lines.append(self.tr("the employer sees the fit-note's capacities"))
        if consent.episode_sharing:
            lines.append(self.tr("another physician may fetch the episode"))
        if consent.reference:
            lines.append(self.tr("consent reference: %1").replace("%1", consent.reference))
        return lines
