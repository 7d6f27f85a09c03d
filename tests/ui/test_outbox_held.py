"""A document held after a login refusal says so in the outbox: waiting for the
physician's action, the reason in words, and "Retry now" releases it."""

from __future__ import annotations

from dataclasses import replace

from fitnote_desktop.domain import messages, samples
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.transport.ports import HELD_UNTIL, is_held
from fitnote_desktop.ui.outbox import OutboxDialog


def test_a_held_document_waits_for_the_physician_and_says_why(
    qtbot, services, store_profile, patient, languages
) -> None:
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    doc = replace(samples.incapacity(), id=rec.document.id, patient=rec.document.patient)
    services.drafts.save(patient.id, doc)
    services.sending.sign_and_send(rec.id, lambda _p: "1")  # no endpoint: it waits
    (item,) = store_profile.outbox.list()
    store_profile.outbox.reschedule(  # what the worker does after auth.certificate_invalid
        item.id, next_attempt_at=HELD_UNTIL, error_code="auth.certificate_invalid"
    )
    dialog = OutboxDialog(services)
    qtbot.addWidget(dialog)
    cells = [dialog.table.item(0, col).text() for col in range(dialog.table.columnCount())]
    assert cells[3] == "Waiting for your action" and cells[5] == "When you retry"
    assert cells[6] == messages.message("auth.certificate_invalid", "en")
    languages.switch("fr")
    assert dialog.table.item(0, 3).text() == "En attente de votre action"
    dialog.table.selectRow(0)
    dialog.retry.click()  # by hand: due again
    (item,) = store_profile.outbox.list()
    assert not is_held(item.next_attempt_at)
