"""From an unlocked profile to a working :class:`Services`, and the demo set-up.

Shared by the desktop app (``app.py``) and the headless ``selfcheck`` so that both run
the very same wiring: profile settings → signer configuration, endpoint client with
the authentication key, outbox runner → services. Nothing here imports Qt.

Profile settings used (JSON in the encrypted database):

* ``signer``: ``{"kind": "pkcs12"|"pkcs11", "pkcs12_path", "pkcs12_auth_path",
  "module_path", "token_label"}``
* ``endpoint``: ``{"url", "ca_bundle", "receipt_cert"}`` (paths to PEM files)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fitnote_desktop.demo import DEMO_GP, DEMO_PASSWORD
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import LANGUAGES, Address, Language, Patient, Practitioner
from fitnote_desktop.services.adapters import (
    ConfiguredSigner,
    DeferredPin,
    EndpointConfig,
    LazyClient,
    OutboxSender,
    PdfCopies,
    StoreDocuments,
    StorePatients,
)
from fitnote_desktop.services.core import Services
from fitnote_desktop.services.errors import ServiceError, wrap
from fitnote_desktop.services.ports import Profile as ServiceProfile

log = logging.getLogger(__name__)

DEMO_PROFILE_ID = "demo"
DEMO_PASSPHRASE = DEMO_PASSWORD  # not a secret: the demo profile holds fictitious data
SANDBOX_DIR = ".demo-sandbox"  # hidden: ProfileManager.list() skips dot-directories


def practitioner_from(info: Any) -> Practitioner:
    """The author block from the store's ``PractitionerInfo``."""
    practice = dict(getattr(info, "practice", {}) or {})
    addr = practice.get("address")
    return Practitioner(
        given_name=info.given_name,
        family_name=info.family_name,
        riziv=info.riziv or "",
        niss=info.niss or "",
        practice_name=str(practice.get("name", "")),
        address=Address(**addr) if isinstance(addr, dict) else None,
        phone=str(practice.get("phone", "")),
        email=str(practice.get("email", "")),
    )


def practice_of(author: Practitioner) -> dict[str, Any]:
    a = author.address or Address()
    return {
        "name": author.practice_name,
        "phone": author.phone,
        "email": author.email,
        "address": {
            "street": a.street,
            "house_number": a.house_number,
            "postal_code": a.postal_code,
            "city": a.city,
            "country": a.country,
        },
    }


def signer_config(settings: dict[str, Any]) -> Any | None:
    from fitnote_desktop.signing import SignerConfig

    raw = settings.get("signer")
    if not isinstance(raw, dict) or raw.get("kind") not in ("pkcs12", "pkcs11"):
        return None
    path = raw.get("pkcs12_path")
    auth = raw.get("pkcs12_auth_path")
    return SignerConfig(
        kind=raw["kind"],
        pkcs12_path=Path(path) if path else None,
        pkcs12_auth_path=Path(auth) if auth else None,
        module_path=raw.get("module_path") or None,
        token_label=raw.get("token_label") or None,
    )


def endpoint_config(settings: dict[str, Any]) -> EndpointConfig | None:
    raw = settings.get("endpoint")
    if not isinstance(raw, dict) or not raw.get("url") or not raw.get("receipt_cert"):
        return None
    ca = raw.get("ca_bundle")
    return EndpointConfig(str(raw["url"]), Path(ca) if ca else None, Path(raw["receipt_cert"]))


@dataclass
class AppSession:
    """Everything opened at unlock; ``close()`` at lock or quit releases it all."""

    services: Services
    profile: Any
    sender: OutboxSender
    pin: DeferredPin
    signer_method: str = "pkcs12"
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        self.sender.close()
        for closer in reversed(self._closers):
            try:
                closer()
            except Exception:  # closing must go on whatever one part says
                log.warning("closing a session part failed", exc_info=False)
        self._closers.clear()
        self.profile.lock()


def open_session(
    profile: Any,
    *,
    pin: DeferredPin | None = None,
    endpoint: EndpointConfig | None = None,
    demo: bool = False,
    clock: Callable[[], date] = date.today,
) -> AppSession:
    """Wire the services over an unlocked store ``profile``.

    ``endpoint`` overrides the profile's endpoint settings (the demo's embedded
    sandbox listens on a new port at every start).
    """
    pin = pin or DeferredPin()
    settings = profile.settings()
    info = profile.practitioner()
    if info is None:
        raise ServiceError("profile.identity_missing")
    author = practitioner_from(info)
    config = signer_config(settings)
    endpoint = endpoint or endpoint_config(settings)
    closers: list[Callable[[], None]] = []
    client = None
    if endpoint is not None and config is not None:
        client, close_client = _client(endpoint, config, pin)
        closers.append(close_client)
    documents = StoreDocuments(profile.documents, profile.outbox)
    sender = OutboxSender(outbox=profile.outbox, documents=profile.documents, client=client)
    languages = tuple(Language(x) for x in (info.languages or ("nl", "fr")) if x in LANGUAGES)
    services = Services(
        profile=ServiceProfile(author, languages, settings),
        patients=StorePatients(profile.patients),
        documents=documents,
        sender=sender,
        signer=ConfiguredSigner(config) if config is not None else None,
        renderer=PdfCopies(),
        clock=clock,
        demo=demo,
        settings_writer=profile.set_setting,
    )
    return AppSession(services, profile, sender, pin, config.kind if config else "pkcs12", closers)


def _client(
    endpoint: EndpointConfig, config: Any, pin: DeferredPin
) -> tuple[Any, Callable[[], None]]:
    """The endpoint client, logging in with the authentication key (PIN asked at login)."""
    from fitnote_desktop.signing import open_signer

    try:
        session = open_signer(config, pin)
    except Exception as exc:
        raise wrap(exc, "signing.config_invalid") from exc

    def make() -> Any:
        from fitnote_desktop.transport.client import EndpointClient
        from fitnote_desktop.transport.receipts import load_certificate

        chain = ()
        if endpoint.chain_pem is not None:
            from fitnote_desktop.signing.certificates import load_certificates

            chain = tuple(load_certificates(endpoint.chain_pem))
        return EndpointClient(
            endpoint.url,
            ca_bundle=endpoint.ca_bundle,
            receipt_certificate=load_certificate(endpoint.receipt_cert.read_bytes()),
            authenticator=session.authenticator,
            chain=chain,
        )

    return LazyClient(make), session.close


# ---------------------------------------------------------------------------- demo


@dataclass
class DemoSetup:
    manager: Any
    profile_id: str
    passphrase: str
    endpoint: Any  # EmbeddedEndpoint
    created: bool

    chain_pem: Path | None = None

    def endpoint_config(self) -> EndpointConfig:
        return EndpointConfig(
            self.endpoint.url,
            self.endpoint.ca_pem_path,
            self.endpoint.receipt_cert_path,
            self.chain_pem,
        )


def demo_root(profile_dir: str | Path | None) -> Path:
    """Where the demo lives: never among the physician's real profiles."""
    if profile_dir:
        return Path(profile_dir)
    import platformdirs

    return Path(platformdirs.user_data_dir("fitnote-desktop", appauthor=False)) / "demo"


def prepare_demo(profile_dir: str | Path | None, *, today: date | None = None) -> DemoSetup:
    """Create (or reuse) the demo PKI, sandbox endpoint and demo profile; start the endpoint."""
    from fitnote_desktop.endpoint.server import start_embedded
    from fitnote_desktop.store import PractitionerInfo, ProfileManager

    root = demo_root(profile_dir)
    sandbox = root / SANDBOX_DIR
    sandbox.mkdir(parents=True, exist_ok=True)
    endpoint = start_embedded(sandbox)
    try:
        from fitnote_desktop.demo.pki import read_manifest

        pki = read_manifest(sandbox)
        gp = pki.physician(DEMO_GP.key)
        manager = ProfileManager(root)
        created = False
        if not manager.exists(DEMO_PROFILE_ID):
            author = samples.practitioner()
            manager.create(
                DEMO_PROFILE_ID,
                label="Demo — Dr An Peeters",
                passphrase=DEMO_PASSPHRASE,
                practitioner=PractitionerInfo(
                    given_name=author.given_name,
                    family_name=author.family_name,
                    riziv=author.riziv,
                    niss=author.niss,
                    languages=("nl", "fr"),
                    practice=practice_of(author),
                ),
            )
            created = True
        profile = manager.open(DEMO_PROFILE_ID, DEMO_PASSPHRASE)
        try:
            profile.set_setting(
                "signer",
                {
                    "kind": "pkcs12",
                    "pkcs12_path": str(gp.signature_p12),
                    "pkcs12_auth_path": str(gp.authentication_p12),
                },
            )
            if created:
                seed_demo_patients(StorePatients(profile.patients))
        finally:
            profile.lock()
        if created:  # a sent certificate, so that "Prolong" works from the first minute
            profile = manager.open(DEMO_PROFILE_ID, DEMO_PASSPHRASE)
            session = open_session(
                profile,
                pin=DeferredPin(demo_pin),
                endpoint=EndpointConfig(
                    endpoint.url,
                    endpoint.ca_pem_path,
                    endpoint.receipt_cert_path,
                    pki.citizen_ca_pem,
                ),
                demo=True,
            )
            try:
                seed_demo_history(session.services, today or date.today())
            finally:
                session.close()
    except BaseException:
        endpoint.stop()
        raise
    return DemoSetup(
        manager, DEMO_PROFILE_ID, DEMO_PASSPHRASE, endpoint, created, pki.citizen_ca_pem
    )


DEMO_PATIENTS = (
    samples.patient(),
    Patient(
        niss="90022400119",
        given_name="Lucas",
        family_name="Dupont",
        language=Language.FR,
        address=Address("Rue de la Station", "8", "1300", "Wavre"),
    ),
    Patient(
        niss="78111512474",
        given_name="Sarah",
        family_name="Janssens",
        language=Language.NL,
        address=Address("Dorpsstraat", "3", "3000", "Leuven"),
    ),
    Patient(
        niss="66051809114",
        given_name="Jürgen",
        family_name="Schmitz",
        language=Language.DE,
        address=Address("Klosterstraße", "21", "4700", "Eupen"),
    ),
)


def seed_demo_patients(patients: StorePatients) -> None:
    from fitnote_desktop.domain.identifiers import niss_info

    for p in DEMO_PATIENTS:
        info = niss_info(p.niss)
        patients.add(replace(p, birth_date=info.birth_date, sex=info.sex))


def seed_demo_history(services: Services, today: date) -> None:
    """Émilie's current certificate (with fit-note), signed and sent, ending in 3 days."""
    import time

    from fitnote_desktop.domain.model import DocumentKind, Period
    from fitnote_desktop.services.ports import DocumentStatus

    record = services.search_patients(DEMO_PATIENTS[0].niss)[0]
    draft = services.new_document(DocumentKind.INCAPACITY, record.id)
    example = samples.incapacity(begin=today - timedelta(days=10), end=today + timedelta(days=3))
    doc = replace(
        draft.document,
        body=replace(
            example.body, period=Period(today - timedelta(days=10), today + timedelta(days=3))
        ),
        employment=example.employment,
        consent=samples.consent(today - timedelta(days=10)),
        consultation=replace(draft.document.consultation, date=today - timedelta(days=10)),
    )
    services.save_draft(record.id, doc)
    try:
        services.sign_and_send(str(doc.id), demo_pin)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if services.document(str(doc.id)).status is DocumentStatus.ACCEPTED:
                return
            time.sleep(0.2)
    except Exception as exc:  # the demo still works; the app sends it later
        log.warning("demo history not sent (%s)", type(exc).__name__)


def demo_pin(purpose: str) -> str:
    """The demo key files' password, for the headless self-check (never for real keys)."""
    return DEMO_PASSWORD


def days_ago(today: date, n: int) -> date:
    return today - timedelta(days=n)
