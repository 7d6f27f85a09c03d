"""Fixtures for the use cases: a real encrypted store per test, offline outbox.

Each test gets its own SQLCipher profile in a temporary directory (fast test KDF), the
real patient/document/outbox adapters, the real PDF renderer, and the outbox without an
endpoint (offline). Only the signature is faked here: signing through PKCS#12 and
SoftHSM2 with the sandbox endpoint is what ``tests/e2e/test_ui_*.py`` drive.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.services import Services
from fitnote_desktop.services.adapters import OutboxSender, PdfCopies, StoreDocuments, StorePatients
from fitnote_desktop.services.ports import Profile
from fitnote_desktop.store import KdfParams, PractitionerInfo, ProfileManager, StoreOptions

TODAY = date(2026, 11, 23)
PASSPHRASE = "correct horse battery"


class FakeSigner:
    """Records the PIN asked and returns bytes that look like nothing real."""

    def __init__(self) -> None:
        self.pins: list[str | None] = []

    def sign(self, data: bytes, pin) -> bytes:
        self.pins.append(pin("signature"))
        return b"not-a-real-cms:" + data[:8]


@pytest.fixture
def store_profile(tmp_path) -> Iterator:
    manager = ProfileManager(tmp_path / "profiles", StoreOptions(kdf=KdfParams.for_tests()))
    author = samples.practitioner()
    manager.create(
        "test",
        passphrase=PASSPHRASE,
        practitioner=PractitionerInfo(author.given_name, author.family_name, author.riziv),
    )
    profile = manager.open("test", PASSPHRASE)
    yield profile
    profile.lock()


@pytest.fixture
def services(store_profile) -> Iterator[Services]:
    p = store_profile
    sender = OutboxSender(outbox=p.outbox, documents=p.documents, client=None)
    yield Services(
        profile=Profile(samples.practitioner()),
        patients=StorePatients(p.patients),
        documents=StoreDocuments(p.documents, p.outbox),
        sender=sender,
        signer=FakeSigner(),
        renderer=PdfCopies(),
        clock=lambda: TODAY,
        settings_writer=p.set_setting,
    )
    sender.close()


@pytest.fixture
def patient(services: Services):
    return services.save_patient(samples.patient())
