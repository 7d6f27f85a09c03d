"""The patient page's "Coming up": future key dates only, in the words a GP uses."""

from __future__ import annotations

import re
from datetime import datetime

from fitnote_desktop.ui.patient_page import PatientPage
from tests.ui.test_main_window import _signed_certificate


def test_coming_up_lists_future_moments_in_words(qtbot, services, patient, languages):
    _signed_certificate(services, patient)
    page = PatientPage(services)
    qtbot.addWidget(page)
    page.show_patient(patient)
    text = page.timeline.upcoming.text()
    assert "Coming up" in text
    assert "Contact with the occupational physician (1 month): <b>" in text
    assert "timeline." not in text and "month_" not in text
    today = services.today()
    dates = [datetime.strptime(d, "%d/%m/%Y").date() for d in re.findall(r"\d\d/\d\d/\d{4}", text)]
    assert dates and all(d > today for d in dates)

    languages.switch("nl")
    assert "Contact met de arbeidsarts (1 maand): <b>" in page.timeline.upcoming.text()
