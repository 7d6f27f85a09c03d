"""Suite-wide settings and shared fixtures.

Qt runs offscreen; hypothesis profile for CI and local runs. The use-case and widget
tests share one set of fixtures: a real encrypted store per test (fast test KDF), the
real patient/document/outbox adapters and PDF renderer, the outbox offline. Only the
signature is faked there: signing through PKCS#12 and SoftHSM2 with the sandbox
endpoint is what ``tests/e2e/test_ui_*.py`` drive.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


# ---------------------------------------------------------------------------- services
# Imports inside the fixtures: collecting a domain test must not load the store or Qt.

STORE_TODAY = date(2026, 11, 23)
STORE_PASSPHRASE = "correct horse battery"


class FakeSigner:
    """Records the PIN asked and returns bytes that look like nothing real."""

    def __init__(self) -> None:
        self.pins: list[str | None] = []

    def sign(self, data: bytes, pin) -> bytes:  # type: ignore[no-untyped-def]
        self.pins.append(pin("signature"))
        return b"not-a-real-cms:" + data[:8]


@pytest.fixture
def store_profile(tmp_path) -> Iterator:  # type: ignore[no-untyped-def]
    from fitnote_desktop.domain import samples
    from fitnote_desktop.store import KdfParams, PractitionerInfo, ProfileManager, StoreOptions

    manager = ProfileManager(tmp_path / "profiles", StoreOptions(kdf=KdfParams.for_tests()))
    author = samples.practitioner()
    manager.create(
        "test",
        passphrase=STORE_PASSPHRASE,
        practitioner=PractitionerInfo(author.given_name, author.family_name, author.riziv),
    )
    profile = manager.open("test", STORE_PASSPHRASE)
    yield profile
    profile.lock()


@pytest.fixture
def services(store_profile) -> Iterator:  # type: ignore[no-untyped-def]
    from fitnote_desktop.adapters.pdf import ReportlabRenderer
    from fitnote_desktop.adapters.sender import OutboxSender
    from fitnote_desktop.domain import samples
    from fitnote_desktop.services.ports import Profile
    from fitnote_desktop.wiring.session import build_services

    p = store_profile
    sender = OutboxSender(outbox=p.outbox, documents=p.documents, client=None)
    yield build_services(
        profile=Profile(samples.practitioner()),
        store=p,
        sender=sender,
        signer=FakeSigner(),
        renderer=ReportlabRenderer(),
        clock=lambda: STORE_TODAY,
        settings_writer=p.set_setting,
    )
    sender.close()


@pytest.fixture
def patient(services):  # type: ignore[no-untyped-def]
    from fitnote_desktop.domain import samples

    return services.patients.save(samples.patient())
