"""The one object the UI holds: the use cases of an unlocked profile, by verb family.

``services.patients.search(...)``, ``services.drafts.save(...)``,
``services.sending.sign_and_send(...)``... Each family is a small class over typed
ports; ``fitnote_desktop.wiring`` builds them over the real adapters. Nothing here is
Qt; the slow use cases (sign, send, render, threads) are safe on a worker thread as
long as the adapters are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from fitnote_desktop.services.documents import Copies
from fitnote_desktop.services.drafts import Drafts
from fitnote_desktop.services.follow_ups import FollowUps
from fitnote_desktop.services.messaging import Conversations
from fitnote_desktop.services.mirror import Mirror
from fitnote_desktop.services.outbox import Outbox
from fitnote_desktop.services.patients import Patients
from fitnote_desktop.services.ports import Clock, PinCallback, Profile
from fitnote_desktop.services.questions import Questions
from fitnote_desktop.services.sending import Sending
from fitnote_desktop.services.settings import Settings
from fitnote_desktop.services.worklist import SickLeaveWorklist


@dataclass
class Services:
    profile: Profile
    patients: Patients
    drafts: Drafts
    follow_ups: FollowUps
    sending: Sending
    outbox: Outbox
    messaging: Conversations
    questions: Questions
    copies: Copies
    settings: Settings
    mirror: Mirror
    worklist: SickLeaveWorklist
    clock: Clock
    demo: bool = False
    demo_pin: str = ""  # the demo key files' published password, shown as a hint
    demo_desk_url: str = ""  # the sandbox's web desk of the other physicians (demo only)

    def today(self) -> date:
        return self.clock()


class PinSlot(Protocol):
    """Where the UI plugs in how a PIN is asked (its dialog) once the window exists."""

    callback: PinCallback | None


class Session(Protocol):
    """An unlocked profile with its services; ``close()`` at lock or quit.

    Read-only members: the UI never replaces them, so a wiring may keep narrower types
    (its own PIN slot class, say).
    """

    @property
    def services(self) -> Services: ...
    @property
    def pin(self) -> PinSlot: ...
    @property
    def signer_method(self) -> str:  # "pkcs12" | "pkcs11"
        ...

    def close(self) -> None: ...
