"""From an unlocked profile to a working :class:`Services`.

Shared by the desktop app (``app.py``) and the headless ``selfcheck`` so that both run
the very same wiring: profile settings → signer configuration, endpoint client with
the authentication key, outbox runner → use cases. Nothing here imports Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from fitnote_desktop.adapters.kmehr import LxmlKmehr
from fitnote_desktop.adapters.messaging import EndpointMessaging
from fitnote_desktop.adapters.mirror import EndpointPeers, StoreMirrorFacts
from fitnote_desktop.adapters.pdf import ReportlabRenderer
from fitnote_desktop.adapters.profiles import practitioner_from
from fitnote_desktop.adapters.questions import CachedQuestions, EndpointQuestions
from fitnote_desktop.adapters.sender import OutboxSender
from fitnote_desktop.adapters.signer import ConfiguredSigner, DeferredPin
from fitnote_desktop.adapters.store import StoreDocuments, StorePatients
from fitnote_desktop.adapters.worklist import StoreWorklist
from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.domain.model import LANGUAGES, AuthorisingRole, Language
from fitnote_desktop.services import Services
from fitnote_desktop.services.documents import Copies
from fitnote_desktop.services.drafts import Drafts
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.follow_ups import FollowUps
from fitnote_desktop.services.messaging import Conversations
from fitnote_desktop.services.mirror import Mirror
from fitnote_desktop.services.outbox import Outbox
from fitnote_desktop.services.patients import Patients
from fitnote_desktop.services.ports import (
    Clock,
    Now,
    PdfRenderer,
    Profile,
    SettingsWriter,
    Signer,
)
from fitnote_desktop.services.questions import Questions
from fitnote_desktop.services.sending import Sending
from fitnote_desktop.services.settings import Settings
from fitnote_desktop.services.worklist import SickLeaveWorklist
from fitnote_desktop.store import Profile as StoreProfile
from fitnote_desktop.store.worklist import WorklistQueries
from fitnote_desktop.wiring.connection import (
    EndpointConfig,
    HoldingSigner,
    SessionPin,
    connect,
    endpoint_config,
    signer_config,
)

log = logging.getLogger(__name__)

# Where the endpoint serves the web desk of the advising and occupational physicians
# (endpoint.desk.routes.PREFIX; not imported, so that a session open loads no web stack).
DESK_PATH = "/desk"


def build_services(
    *,
    profile: Profile,
    store: StoreProfile,
    sender: OutboxSender,
    signer: Signer | None,
    renderer: PdfRenderer | None = None,
    clock: Clock = date.today,
    now: Now | None = None,
    demo: bool = False,
    demo_desk_url: str = "",
    settings_writer: SettingsWriter | None = None,
) -> Services:
    """The use cases over the store's adapters, ``sender`` and ``signer``.

    ``now`` (default: the wall clock, in UTC) stamps consents and the signing moment.
    """
    now = now or _utc_now
    patients = StorePatients(store.patients)
    documents = StoreDocuments(store.documents, store.outbox)
    kmehr = LxmlKmehr()
    follow_ups = FollowUps(
        profile=profile,
        patients=patients,
        documents=documents,
        sender=sender,
        clock=clock,
        now=now,
        kmehr=kmehr,
    )
    return Services(
        profile=profile,
        patients=Patients(patients),
        drafts=Drafts(
            profile=profile, patients=patients, documents=documents, clock=clock, now=now
        ),
        follow_ups=follow_ups,
        sending=Sending(
            documents=documents,
            sender=sender,
            signer=signer,
            profile=profile,
            clock=clock,
            now=now,
        ),
        outbox=Outbox(sender),
        messaging=Conversations(messaging=EndpointMessaging(sender.client), documents=documents),
        questions=Questions(
            endpoint=EndpointQuestions(sender.client),
            store=CachedQuestions(store.questions),
            documents=documents,
            follow_ups=follow_ups,
            clock=clock,
        ),
        copies=Copies(
            documents=documents,
            renderer=renderer,
            kmehr=kmehr,
            profile=profile,
            clock=clock,
            now=now,
        ),
        settings=Settings(profile=profile, writer=settings_writer),
        mirror=Mirror(
            facts=StoreMirrorFacts(store.db),
            peers=EndpointPeers(sender.client) if sender.client is not None else None,
        ),
        worklist=SickLeaveWorklist(
            store=StoreWorklist(WorklistQueries(store.db)),
            questions=CachedQuestions(store.questions),  # refreshed from the endpoint
            profile=profile,
            clock=clock,
        ),
        clock=clock,
        demo=demo,
        demo_pin=DEMO_PASSWORD if demo else "",
        demo_desk_url=demo_desk_url if demo else "",
    )


def _utc_now() -> datetime:
    return datetime.now(UTC)


def authorising_role(settings: dict[str, object]) -> AuthorisingRole:
    """The profile's role when it signs a partial resumption (a treating physician unless
    the profile says ``authorising_role: occupational-physician``)."""
    try:
        return AuthorisingRole(str(settings.get("authorising_role", "")))
    except ValueError:
        return AuthorisingRole.TREATING_PHYSICIAN


@dataclass
class AppSession:
    """Everything opened at unlock; ``close()`` at lock or quit releases it all."""

    services: Services
    profile: StoreProfile
    sender: OutboxSender
    pin: SessionPin
    signer_method: str = "pkcs12"
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        self.pin.forget()
        self.sender.close()
        for closer in reversed(self._closers):
            try:
                closer()
            except Exception:  # closing must go on whatever one part says
                log.warning("closing a session part failed", exc_info=False)
        self._closers.clear()
        self.profile.lock()


def open_session(
    profile: StoreProfile,
    *,
    pin: DeferredPin | None = None,
    endpoint: EndpointConfig | None = None,
    demo: bool = False,
    clock: Clock = date.today,
) -> AppSession:
    """Wire the services over an unlocked store ``profile``.

    ``endpoint`` overrides the profile's endpoint settings (the demo's embedded
    sandbox listens on a new port at every start).
    """
    pin = pin if isinstance(pin, SessionPin) else SessionPin(pin.callback if pin else None)
    settings = profile.settings()
    info = profile.practitioner()
    if info is None:
        raise ServiceError("profile.identity_missing")
    config = signer_config(settings)
    endpoint = endpoint or endpoint_config(settings)
    closers: list[Callable[[], None]] = []
    client = None
    if endpoint is not None and config is not None:
        with translating("signing.config_invalid"):
            connection = connect(endpoint, config, pin, lazy=True)
        client = connection.client
        closers.append(connection.keys.close)  # the sender closes the client
    sender = OutboxSender(outbox=profile.outbox, documents=profile.documents, client=client)
    languages = tuple(Language(x) for x in (info.languages or ("nl", "fr")) if x in LANGUAGES)
    services = build_services(
        profile=Profile(
            practitioner_from(info), languages, settings, role=authorising_role(settings)
        ),
        store=profile,
        sender=sender,
        signer=HoldingSigner(ConfiguredSigner(config), pin) if config is not None else None,
        renderer=ReportlabRenderer(endpoint.url if endpoint is not None else None),
        clock=clock,
        demo=demo,
        demo_desk_url=f"{endpoint.url.rstrip('/')}{DESK_PATH}" if endpoint is not None else "",
        settings_writer=profile.set_setting,
    )
    return AppSession(services, profile, sender, pin, config.kind if config else "pkcs12", closers)
