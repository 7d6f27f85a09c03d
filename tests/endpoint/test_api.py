"""The endpoint's API v1 against a real uvicorn/TLS server, on SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import dataclasses
import uuid
from datetime import date, timedelta

import pytest
from support.endpoint import LiveEndpoint, MutableClock, Physician

from fitnote_desktop.domain import samples
from fitnote_desktop.transport.client import EndpointRejected, sign_retraction
from fitnote_desktop.transport.receipts import verify_receipt
from fitnote_desktop.wire.errors import ERRORS


def _doc(**changes: object) -> samples.Document:
    return dataclasses.replace(samples.incapacity(id=str(uuid.uuid4())), **changes)


def test_health_and_openapi(endpoint: LiveEndpoint) -> None:
    with endpoint.http() as http:
        assert http.get("/v1/health").json()["status"] == "ok"
        spec = http.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/v1/health",
        "/v1/auth/challenge",
        "/v1/auth/session",
        "/v1/documents/{document_id}",
        "/v1/documents/{document_id}/receipt",
        "/v1/documents/{document_id}/retraction",
        "/v1/episodes/lookup",
        "/v1/dossiers",
        "/v1/dossiers/{dossier_id}/threads",
        "/v1/threads/{thread_id}",
        "/v1/threads/{thread_id}/messages",
        "/v1/threads/{thread_id}/read",
    ):
        assert path in paths, path
    put = paths["/v1/documents/{document_id}"]["put"]
    assert {"200", "201", "400", "401", "403", "409", "413", "422"} <= set(put["responses"])
    assert "$ref" in put["responses"]["422"]["content"]["application/json"]["schema"]


def test_submit_status_receipt_retract(endpoint: LiveEndpoint, gp: Physician) -> None:
    client = endpoint.client(gp)
    doc = _doc()
    payload, cms = gp.sign(doc)
    result = client.submit(payload, cms)
    assert result.status == "accepted" and not result.duplicate
    assert result.receipt.document_id == str(doc.id)
    # the receipt verifies against the pinned certificate, independently of the client
    verify_receipt(result.receipt_bytes, result.receipt_signature, endpoint.receipt_cert)

    again = client.submit(payload, cms)  # same id, same bytes: the same receipt
    assert again.duplicate
    assert again.receipt_bytes == result.receipt_bytes
    assert again.receipt_signature == result.receipt_signature

    state = client.status(str(doc.id))
    assert (state.status, state.kind) == ("accepted", "incapacity")
    assert client.receipt(str(doc.id)).receipt_bytes == result.receipt_bytes

    retraction = sign_retraction(gp.signer, str(doc.id), "error")
    retracted = client.retract(str(doc.id), retraction.payload, retraction.signature)
    assert retracted.status == "retracted"
    assert client.status(str(doc.id)).status == "retracted"
    # retracting again is idempotent: same retraction receipt
    again = client.retract(str(doc.id), retraction.payload, retraction.signature)
    assert again.receipt_bytes == retracted.receipt_bytes


def test_same_id_other_content_is_a_conflict(endpoint: LiveEndpoint, gp: Physician) -> None:
    client = endpoint.client(gp)
    doc = _doc()
    client.submit(*gp.sign(doc))
    other = dataclasses.replace(doc, episode_id="EP-other")
    with pytest.raises(EndpointRejected) as err:
        client.submit(*gp.sign(other))
    assert (err.value.code, err.value.status) == ("submit.conflict", 409)


def test_documents_are_private_to_their_author(
    endpoint: LiveEndpoint, gp: Physician, specialist: Physician
) -> None:
    doc = _doc()
    endpoint.client(gp).submit(*gp.sign(doc))
    other = endpoint.client(specialist)
    with pytest.raises(EndpointRejected) as err:
        other.status(str(doc.id))
    assert err.value.code == "document.not_found"
    retraction = sign_retraction(specialist.signer, str(doc.id))
    with pytest.raises(EndpointRejected) as err:
        other.retract(str(doc.id), retraction.payload, retraction.signature)
    assert err.value.code == "document.not_found"


def test_session_expiry_and_transparent_relogin(
    endpoint: LiveEndpoint, gp: Physician, clock: MutableClock
) -> None:
    client = endpoint.client(gp)
    client.login()
    token = client._session.token  # type: ignore[union-attr]
    clock.advance(minutes=16)
    with endpoint.http() as http:
        r = http.get("/v1/dossiers", headers={"Authorization": f"Bearer {token}"})
    assert (r.status_code, r.json()["code"]) == (401, "auth.session_expired")
    assert client.dossiers() == []  # the client re-logged in after auth.session_expired
    assert client._session.token != token  # type: ignore[union-attr]


def test_episode_lookup_needs_consent_and_is_audited(
    endpoint: LiveEndpoint, gp: Physician, specialist: Physician
) -> None:
    import sqlalchemy as sa

    from fitnote_desktop.endpoint import db

    begin = date.today() - timedelta(days=20)  # the prolongation's consultation is past too
    initial = samples.incapacity(id=str(uuid.uuid4()), begin=begin)
    endpoint.client(gp).submit(*gp.sign(initial))
    spec = endpoint.client(specialist)
    niss = initial.patient.niss
    with pytest.raises(EndpointRejected) as err:
        spec.episode_lookup(niss, "")
    assert (err.value.code, err.value.status) == ("episode.consent_missing", 403)
    with pytest.raises(EndpointRejected) as err:
        spec.episode_lookup(niss, "WRONG-REFERENCE")
    assert err.value.code == "episode.consent_missing"
    with pytest.raises(EndpointRejected) as err:
        spec.episode_lookup("85073003200", initial.consent.reference)  # nobody's dossier
    assert (err.value.code, err.value.status) == ("episode.consent_missing", 403)  # no oracle

    found = spec.episode_lookup(niss, initial.consent.reference, initial.episode_id)
    assert [d["document_id"] for d in found["documents"]] == [str(initial.id)]
    payload = base64.b64decode(found["documents"][0]["payload"])
    assert b'"episode_id":"EP-6f1c2b1e"' in payload

    # the specialist may now prolong it: the prolongation is accepted
    prolongation = dataclasses.replace(samples.prolongation(initial), id=uuid.uuid4())
    assert spec.submit(*specialist.sign(prolongation)).status == "accepted"

    engine = endpoint_engine(endpoint)
    with engine.connect() as conn:
        outcomes = [r[0] for r in conn.execute(sa.select(db.EpisodeAudit.outcome))]
    engine.dispose()
    assert outcomes.count("allowed") == 1
    assert outcomes.count("refused:consent_missing") == 2
    assert outcomes.count("refused:not_found") == 1
    assert len(outcomes) == 4


def test_threads_between_physicians(
    endpoint: LiveEndpoint, gp: Physician, specialist: Physician
) -> None:
    doc = _doc()
    gp_client = endpoint.client(gp)
    receipt = gp_client.submit(*gp.sign(doc))
    dossier = receipt.dossier_id
    assert [d["id"] for d in gp_client.dossiers()] == [dossier]

    thread = gp_client.post_thread(dossier, "Werkhervatting", "Graag overleg.", str(doc.id))
    assert thread["message_count"] == 1 and thread["unread_count"] == 0

    spec = endpoint.client(specialist)
    with pytest.raises(EndpointRejected) as err:  # not (yet) part of this dossier
        spec.threads(dossier)
    assert err.value.code == "dossier.not_found"
    with pytest.raises(EndpointRejected):
        spec.thread(thread["id"])
    spec.episode_lookup(doc.patient.niss, doc.consent.reference)  # consented: now involved
    assert spec.threads(dossier)[0]["unread_count"] == 1
    first = thread["messages"][0]["id"]
    reply = spec.reply(thread["id"], "Akkoord.", reply_to=first)
    assert reply["reply_to"] == first
    assert spec.mark_read(thread["id"])["unread_count"] == 0

    listed = gp_client.threads(dossier)
    assert listed[0]["message_count"] == 2 and listed[0]["unread_count"] == 1
    detail = gp_client.thread(thread["id"])
    assert [m["body"] for m in detail["messages"]] == ["Graag overleg.", "Akkoord."]
    assert gp_client.mark_read(thread["id"])["unread_count"] == 0


def test_every_error_code_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [code for code in ERRORS if f"`{code}`" not in doc]
    assert not missing, f"codes missing from docs/api.md: {missing}"


def endpoint_engine(endpoint: LiveEndpoint):  # type: ignore[no-untyped-def]
    from fitnote_desktop.endpoint import db

    return db.make_engine(endpoint.settings.db_url)


def test_advising_physician_sees_every_dossier(
    demo_pki,
    db_url: str,
    gp: Physician,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    from support import signing as sig_support
    from support.endpoint import demo_registry, running_endpoint

    from fitnote_desktop.demo import DemoPhysician
    from fitnote_desktop.endpoint.settings import RegistryEntry
    from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator

    adviser = DemoPhysician("adv", "Sofie", "Maes", "79031512345", "19876543210", ("nl",))
    p12 = sig_support.issue_test_signature_p12(
        demo_pki, tmp_path / "adv-auth.p12", physician=adviser, usages=("digital_signature",)
    )
    registry = (*demo_registry(), RegistryEntry(adviser.niss, adviser.riziv, role="advising"))
    with running_endpoint(demo_pki, db_url=db_url, registry=registry) as ep:
        doc = _doc()
        receipt = ep.client(gp).submit(*gp.sign(doc))
        thread = ep.client(gp).post_thread(receipt.dossier_id, "Dossier", "Ter info.")
        client = ep.client()
        client.authenticator = Pkcs12Authenticator(p12, lambda _p: demo_pki.password)
        assert client.login() == adviser.riziv
        assert [d["id"] for d in client.dossiers()] == [receipt.dossier_id]
        answer = client.reply(thread["id"], "Ontvangen, oproeping in maand 4.")
        assert answer["author_role"] == "advising"
        with pytest.raises(EndpointRejected):  # documents stay private to their author
            client.status(str(doc.id))


def test_concurrent_submissions(endpoint: LiveEndpoint, gp: Physician) -> None:
    """Many submissions at once (and the same one twice at once): no 5xx, one row each."""
    from concurrent.futures import ThreadPoolExecutor

    from support.endpoint import count_documents

    docs = [_doc() for _ in range(12)]
    signed = [gp.sign(d) for d in docs]
    work = signed + signed[:4]  # four documents submitted twice, concurrently
    clients = [endpoint.client(gp) for _ in range(4)]
    for c in clients:
        c.login()

    def send(k: int) -> list[bytes]:
        return [clients[k].submit(*s).receipt_bytes for s in work[k::4]]

    with ThreadPoolExecutor(4) as pool:
        receipts = [r for chunk in pool.map(send, range(4)) for r in chunk]
    assert len(receipts) == len(work)
    assert len(set(receipts)) == len(docs)  # a repeat got the very same receipt
    assert count_documents(endpoint.settings.db_url) == {str(d.id): 1 for d in docs}


def test_no_niss_or_medical_content_in_logs(
    endpoint: LiveEndpoint,
    gp: Physician,
    specialist: Physician,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    doc = _doc()
    gp_client = endpoint.client(gp)
    receipt = gp_client.submit(*gp.sign(doc))
    gp_client.post_thread(receipt.dossier_id, "Rugpijn", "Lumbago, controle over 2 weken.")
    spec = endpoint.client(specialist)
    with pytest.raises(EndpointRejected):
        spec.episode_lookup(doc.patient.niss, "WRONG")
    spec.episode_lookup(doc.patient.niss, doc.consent.reference)
    bad = dataclasses.replace(doc, id=uuid.uuid4(), episode_id="EP-x" * 40)
    with pytest.raises(EndpointRejected):
        gp_client.submit(*specialist.sign(bad))
    text = caplog.text
    assert "document" in text  # the endpoint does log, just not this:
    for secret in (
        doc.patient.niss,
        gp.niss,
        specialist.niss,
        "Lumbago",
        "Vanderbeke",
        "Rugpijn",
        doc.consent.reference,
    ):
        assert secret not in text, secret
