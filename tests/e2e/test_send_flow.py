"""End to end: sign (SoftHSM2 token, or PKCS#12) → outbox in the encrypted store →
real uvicorn/TLS endpoint → receipt verified and stored → status → signed retraction →
status retracted. Nothing is mocked."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import signing as sig_support
from support.endpoint import (
    LiveEndpoint,
    Physician,
    count_documents,
    running_endpoint,
)
from support.outbox import open_test_profile, queue_signed

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.signing import open_signer
from fitnote_desktop.signing.ports import SignerSession
from fitnote_desktop.transport.client import sign_retraction
from fitnote_desktop.transport.outbox import OutboxWorker
from fitnote_desktop.transport.ports import StorePayloads
from fitnote_desktop.transport.receipts import unpack_receipt, verify_receipt


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_support.build_demo_pki(tmp_path_factory.mktemp("send-e2e-pki"))


@pytest.fixture(scope="module")
def token(pki: DemoPki, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return sig_support.build_softhsm_tokens(pki, tmp_path_factory.mktemp("send-e2e-hsm"))


@pytest.fixture(params=["softhsm2", "pkcs12"])
def keys(request: pytest.FixtureRequest, pki: DemoPki) -> Iterator[SignerSession]:
    if request.param == "softhsm2":
        config = sig_support.pkcs11_config(request.getfixturevalue("token"))
    else:
        config = sig_support.pkcs12_config(pki)
    session = open_signer(config, sig_support.RecordingPin(DEMO_PASSWORD))
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def endpoint(pki: DemoPki, tmp_path: Path) -> Iterator[LiveEndpoint]:
    with running_endpoint(pki, db_url=f"sqlite:///{tmp_path}/endpoint.sqlite3") as ep:
        yield ep


def test_sign_send_receipt_status_retract(
    keys: SignerSession, endpoint: LiveEndpoint, tmp_path: Path
) -> None:
    assert keys.authenticator is not None
    physician = Physician(
        "gp", samples.DEMO_GP.niss, samples.DEMO_GP.riziv, keys.document_signer, keys.authenticator
    )
    doc = samples.incapacity(id=str(uuid.uuid4()), begin=date.today() - timedelta(days=1))
    profile = open_test_profile(tmp_path / "profiles")
    try:
        (doc_id,) = queue_signed(profile, physician, [doc])  # signed on the token
        payloads = StorePayloads(profile.documents)
        client = endpoint.client(physician)  # logs in with the token's authentication key
        worker = OutboxWorker(profile.outbox, payloads, client, rng=random.Random(1))

        report = worker.drain_once()
        assert report.accepted == [doc_id]
        (item,) = profile.outbox.list(document_id=doc_id)
        assert item.status.value == "accepted"
        assert profile.documents.get(doc_id).status.value == "accepted"
        (stored,) = profile.outbox.receipts(doc_id)
        receipt = verify_receipt(*unpack_receipt(stored.receipt), endpoint.receipt_cert)
        assert receipt.document_id == str(doc_id) and receipt.status == "accepted"
        assert receipt.payload_sha256 == profile.documents.get(doc_id).payload_hash

        assert client.status(str(doc_id)).status == "accepted"

        # retraction: signed now (token), sent through the outbox like everything else
        retraction = sign_retraction(physician.signer, str(doc_id), "error")
        payloads.remember_retraction(doc_id, retraction.payload, retraction.signature)
        profile.outbox.enqueue(doc_id, "retract")
        report = worker.drain_once()
        assert report.accepted == [doc_id]
        items = {i.operation.value: i.status.value for i in profile.outbox.list(document_id=doc_id)}
        assert items == {"submit": "accepted", "retract": "retracted"}
        assert profile.documents.get(doc_id).status.value == "retracted"
        retract_receipt = profile.outbox.receipts(doc_id)[-1]
        assert (
            verify_receipt(*unpack_receipt(retract_receipt.receipt), endpoint.receipt_cert).status
            == "retracted"
        )

        assert client.status(str(doc_id)).status == "retracted"
        assert count_documents(endpoint.settings.db_url) == {str(doc_id): 1}
    finally:
        profile.lock()
