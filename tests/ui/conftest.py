"""Fixtures for widget tests: real widgets, offscreen, on in-memory service adapters.

The end-to-end flows in ``tests/e2e/test_ui_*.py`` run the same widgets on the real
encrypted store, signer and endpoint; here the adapters are in memory so that each
widget's behaviour is tested in milliseconds.
"""

from __future__ import annotations

from datetime import date

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.services import Services
from fitnote_desktop.services.memory import MemoryDocuments, MemoryPatients, MemorySender
from fitnote_desktop.services.ports import Profile
from fitnote_desktop.ui import i18n

TODAY = date(2026, 11, 23)


@pytest.fixture
def services() -> Services:
    patients, documents = MemoryPatients(), MemoryDocuments()
    svc = Services(
        profile=Profile(samples.practitioner()),
        patients=patients,
        documents=documents,
        sender=MemorySender(documents),
        signer=None,
        clock=lambda: TODAY,
    )
    return svc


@pytest.fixture
def patient(services: Services):
    return services.save_patient(samples.patient())


@pytest.fixture
def languages(qapp):
    manager = i18n.LanguageManager()
    manager.switch("en")
    yield manager
    manager.switch("en")
