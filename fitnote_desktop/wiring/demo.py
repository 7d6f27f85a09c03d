"""The demo: demo PKI, sandbox endpoint in-process, a demo profile with seed data.

Created on the first ``--demo`` start (or the headless self-check) and reused after;
everything in it is fictitious and its passphrase is published, so it never lives
among the physician's real profiles.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from fitnote_desktop.adapters.profiles import practitioner_info
from fitnote_desktop.adapters.signer import DeferredPin
from fitnote_desktop.demo import DEMO_GP, DEMO_PASSWORD
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.identifiers import niss_info
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    Address,
    CodeSystem,
    Diagnosis,
    Document,
    DocumentKind,
    IncapacityCertificate,
    Language,
    Patient,
    Period,
)
from fitnote_desktop.services import Services
from fitnote_desktop.services.patients import Patients
from fitnote_desktop.store import ProfileManager
from fitnote_desktop.store.keys import KeyFile, ProfileKey
from fitnote_desktop.wiring.connection import EndpointConfig
from fitnote_desktop.wiring.session import open_session

if TYPE_CHECKING:
    from fitnote_desktop.endpoint.server import EmbeddedEndpoint

log = logging.getLogger(__name__)

DEMO_PROFILE_ID = "demo"
DEMO_PASSPHRASE = DEMO_PASSWORD  # not a secret: the demo profile holds fictitious data
SANDBOX_DIR = ".demo-sandbox"  # hidden: ProfileManager.list() skips dot-directories
ENDPOINT_KEY_FILE = "endpoint-key.json"  # the embedded endpoint's wrapped database key
ENDPOINT_KEY_ID = "demo-endpoint"
DEMO_SEND_TIMEOUT = 20.0  # seconds to wait for the seeded certificate's receipt


@dataclass
class DemoSetup:
    manager: ProfileManager
    profile_id: str
    passphrase: str
    endpoint: EmbeddedEndpoint
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
    from fitnote_desktop.demo.pki import read_manifest
    from fitnote_desktop.endpoint.server import start_embedded

    root = demo_root(profile_dir)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    sandbox = root / SANDBOX_DIR
    sandbox.mkdir(mode=0o700, exist_ok=True)
    manager = ProfileManager(root)
    endpoint = start_embedded(sandbox, db_key=embedded_endpoint_key(sandbox, manager))
    try:
        pki = read_manifest(sandbox)
        gp = pki.physician(DEMO_GP.key)
        created = not manager.exists(DEMO_PROFILE_ID)
        if created:
            author = samples.practitioner()
            manager.create(
                DEMO_PROFILE_ID,
                label="Demo — Dr An Peeters",
                passphrase=DEMO_PASSPHRASE,
                practitioner=practitioner_info(author, ("nl", "fr")),
            )
        config = EndpointConfig(
            endpoint.url, endpoint.ca_pem_path, endpoint.receipt_cert_path, pki.citizen_ca_pem
        )
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
        except BaseException:
            profile.lock()
            raise
        if created:  # a sent certificate, so that "Prolong" works from the first minute
            session = open_session(profile, pin=DeferredPin(demo_pin), endpoint=config, demo=True)
            try:
                seed_demo_patients(session.services.patients)
                seed_demo_history(session.services, today or date.today())
            finally:
                session.close()
        else:
            profile.lock()
    except BaseException:
        endpoint.stop()
        raise
    return DemoSetup(
        manager, DEMO_PROFILE_ID, DEMO_PASSPHRASE, endpoint, created, pki.citizen_ca_pem
    )


def embedded_endpoint_key(sandbox: Path, manager: ProfileManager) -> bytes:
    """The raw key of the embedded endpoint's SQLCipher database.

    The endpoint holds the documents sent in demo mode, so on the laptop it is encrypted
    like a profile: a random key, wrapped with the demo passphrase in a key file beside
    it (the demo profile's own key is kept the same way). Without its key file the old
    database cannot be read: it is removed, and the endpoint starts empty.
    """
    from fitnote_desktop.endpoint.server import EMBEDDED_DB_NAME

    key_file = KeyFile(sandbox / ENDPOINT_KEY_FILE, ENDPOINT_KEY_ID)
    if key_file.exists():
        key = key_file.read(DEMO_PASSPHRASE)
    else:
        for stale in sandbox.glob(f"{EMBEDDED_DB_NAME}*"):
            stale.unlink()
        key = ProfileKey.generate()
        key_file.write(key, DEMO_PASSPHRASE, manager.options.kdf)
    try:
        return key.raw()
    finally:
        key.wipe()


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


# Fictitious patients on sick leave, so that the worklist (home screen) is alive from the
# first start: with Émilie, four rows, two of them ending within the default three days.
# The other demo patients stay without certificates: the keyboard flows start with them.
DEMO_ON_LEAVE = (
    Patient(
        niss="88031400289",
        given_name="Nadia",
        family_name="El Idrissi",
        language=Language.NL,
        address=Address("Brugsesteenweg", "102", "9000", "Gent"),
    ),
    Patient(
        niss="71090201524",
        given_name="Koen",
        family_name="Wouters",
        language=Language.NL,
        address=Address("Stationsplein", "3", "3000", "Leuven"),
    ),
    Patient(
        niss="95122004477",
        given_name="Marie",
        family_name="Lejeune",
        language=Language.FR,
        address=Address("Rue des Tanneurs", "17", "5000", "Namur"),
    ),
)
# Days before and after today of the current certificate of Émilie, then of DEMO_ON_LEAVE.
DEMO_SICK_LEAVE = ((10, 3), (45, 14), (3, 1), (60, 25))
# Their principal diagnoses (None: the sample's, sciatica), each within its group's duration
# guidance, so that the demo history carries no warning.
DEMO_DIAGNOSES: tuple[Diagnosis | None, ...] = (
    None,
    Diagnosis("Depressieve episode", "P76", CodeSystem.ICPC2, principal=True),
    Diagnosis("Griep", "R80", CodeSystem.ICPC2, principal=True),
    Diagnosis("Épuisement professionnel (burn-out)", "P78", CodeSystem.ICPC2, principal=True),
)


def seed_demo_patients(patients: Patients) -> None:
    for p in (*DEMO_PATIENTS, *DEMO_ON_LEAVE):
        info = niss_info(p.niss)
        patients.save(replace(p, birth_date=info.birth_date, sex=info.sex))


def seed_demo_history(services: Services, today: date) -> None:
    """A current certificate (with fit-note) for Émilie and the patients on leave, signed
    and sent; Émilie's, ending in 3 days, is waited for so that "Prolong" works at once."""
    on_leave = (DEMO_PATIENTS[0], *DEMO_ON_LEAVE)
    for patient, (before, after), diagnosis in zip(
        on_leave, DEMO_SICK_LEAVE, DEMO_DIAGNOSES, strict=True
    ):
        record = services.patients.search(patient.niss)[0]
        draft = services.drafts.new(DocumentKind.INCAPACITY, record.id)
        doc = demo_history_certificate(
            draft.document, today, before=before, after=after, diagnosis=diagnosis
        )
        services.drafts.save(record.id, doc)
        try:
            services.sending.sign_and_send(str(doc.id), demo_pin)
            if patient is not DEMO_PATIENTS[0]:
                continue  # sent in the background, or at the next start
            deadline = time.monotonic() + DEMO_SEND_TIMEOUT
            while time.monotonic() < deadline:
                if services.drafts.get(str(doc.id)).status is DocumentStatus.ACCEPTED:
                    break
                time.sleep(0.2)
        except Exception as exc:  # the demo still works; the app sends it later
            log.warning("demo history not sent (%s)", type(exc).__name__)


def demo_history_certificate(
    draft: Document,
    today: date,
    *,
    before: int = 10,
    after: int = 3,
    diagnosis: Diagnosis | None = None,
) -> Document:
    """The sample certificate on ``draft``: from ``before`` days ago to ``after`` days
    ahead, valid under the rules of issue 12 (first prognosis, principal diagnosis,
    consent of that day, the late signing justified for the advising physician)."""
    begin, end = today - timedelta(days=before), today + timedelta(days=after)
    example = samples.incapacity(begin=begin, end=end)
    assert isinstance(example.body, IncapacityCertificate)
    body = replace(
        example.body,
        period=Period(begin, end),
        expected_return=end + timedelta(days=1),
        antedating_justification="Demo: certificate entered after the consultation.",
        diagnoses=(diagnosis,) if diagnosis else example.body.diagnoses,
    )
    return replace(
        draft,
        body=body,
        employment=example.employment,
        consent=samples.consent(begin),
        consultation=replace(draft.consultation, date=begin),
    )


def demo_pin(purpose: str) -> str:
    """The demo key files' password, for the headless self-check (never for real keys)."""
    return DEMO_PASSWORD
