"""Tampered and abusive requests: each refused with its documented code (both backends).

Every case goes over real TLS to a real uvicorn server, with real signatures made by
the demo PKI's keys or by the signing package's tamper helpers.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import httpx
import pytest
from support import signing as sig_support
from support.endpoint import LiveEndpoint, MutableClock, Physician

from fitnote_desktop.demo import DemoPhysician
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.canonical import canonical_bytes, to_dict
from fitnote_desktop.domain.model import Period
from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator, Pkcs12DocumentSigner
from fitnote_desktop.transport.client import EndpointRejected, LoginFailed
from fitnote_desktop.wire.errors import ERRORS

UNKNOWN = DemoPhysician("eve", "Eve", "Unknown", "90020200287", "10000000000", ("nl",))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _env(payload: bytes, cms: bytes) -> dict[str, str]:
    return {"payload": _b64(payload), "signature": _b64(cms)}


def _new_doc() -> samples.Document:
    return samples.incapacity(id=str(uuid.uuid4()))


class Abuser:
    """Raw requests with a valid session of the GP."""

    def __init__(self, endpoint: LiveEndpoint, gp: Physician) -> None:
        self.client = endpoint.client(gp)
        self.client.login()
        self.http = endpoint.http()
        self.token = self.client._session.token  # type: ignore[union-attr]

    def put(self, doc_id: object, **kwargs: object) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        return self.http.put(f"/v1/documents/{doc_id}", headers=headers, **kwargs)  # type: ignore[arg-type]


def expect(response: httpx.Response, code: str) -> dict[str, object]:
    body = response.json()
    assert body["code"] == code, body
    assert response.status_code == ERRORS[code].http_status
    assert set(body) >= {"code", "detail", "field"}
    return body


@pytest.fixture
def abuser(endpoint: LiveEndpoint, gp: Physician) -> Abuser:
    return Abuser(endpoint, gp)


def test_payload_altered_after_signing(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    payload, cms = gp.sign(doc)
    altered = payload.replace(b"Lumbago", b"Lumbagx")  # still canonical, other bytes
    assert altered != payload
    expect(abuser.put(doc.id, json=_env(altered, cms)), "submit.digest_mismatch")


def test_flipped_byte_anywhere(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    payload, cms = gp.sign(doc)
    response = abuser.put(doc.id, json=_env(sig_support.flip_byte(payload), cms))
    assert response.json()["code"] in ("submit.schema", "submit.not_canonical")
    assert response.status_code == 422


def test_signature_by_another_key(abuser: Abuser, gp: Physician, demo_pki: DemoPki) -> None:
    doc = _new_doc()
    payload, cms = gp.sign(doc)
    forged = sig_support.resign_with_other_key(
        cms, demo_pki.physician("specialist").signature_p12, demo_pki.password
    )
    expect(abuser.put(doc.id, json=_env(payload, forged)), "submit.signature_invalid")


def test_other_signer(abuser: Abuser, specialist: Physician) -> None:
    doc = _new_doc()  # authored by the GP, signed by the specialist, sent by the GP
    expect(abuser.put(doc.id, json=_env(*specialist.sign(doc))), "submit.signer_not_session")


def test_author_mismatch(abuser: Abuser, gp: Physician) -> None:
    doc = dataclasses.replace(_new_doc(), author=samples.practitioner(samples.DEMO_SPECIALIST))
    body = expect(abuser.put(doc.id, json=_env(*gp.sign(doc))), "submit.author_mismatch")
    assert body["field"] == "author.riziv"


def test_untrusted_root(abuser: Abuser, tmp_path: Path) -> None:
    foreign = sig_support.make_foreign_signature_p12(tmp_path)
    signer = Pkcs12DocumentSigner(foreign.p12, lambda _p: foreign.password)
    doc = _new_doc()
    payload = canonical_bytes(doc)
    expect(
        abuser.put(doc.id, json=_env(payload, signer.sign_detached(payload))),
        "submit.untrusted_chain",
    )


def test_expired_certificate(abuser: Abuser, demo_pki: DemoPki, tmp_path: Path) -> None:
    p12 = sig_support.make_expired_signature_p12(demo_pki, tmp_path / "expired.p12")
    signer = Pkcs12DocumentSigner(p12, lambda _p: demo_pki.password)
    doc = _new_doc()
    payload = canonical_bytes(doc)
    expect(
        abuser.put(doc.id, json=_env(payload, signer.sign_detached(payload))),
        "submit.certificate_expired",
    )


def test_signed_with_the_authentication_key(abuser: Abuser, demo_pki: DemoPki) -> None:
    signer = Pkcs12DocumentSigner(
        demo_pki.physician("gp").authentication_p12, lambda _p: demo_pki.password
    )
    doc = _new_doc()
    payload = canonical_bytes(doc)
    expect(
        abuser.put(doc.id, json=_env(payload, signer.sign_detached(payload))), "submit.key_usage"
    )


def test_replay_under_another_id(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    envelope = _env(*gp.sign(doc))
    assert abuser.put(doc.id, json=envelope).status_code == 201
    body = expect(abuser.put(uuid.uuid4(), json=envelope), "submit.id_mismatch")
    assert body["field"] == "id"


def test_oversized_body(abuser: Abuser) -> None:
    big = {"payload": "A" * 300_000, "signature": "AAAA"}
    expect(abuser.put(uuid.uuid4(), json=big), "submit.too_large")

    # chunked upload without Content-Length is cut off as well
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"x" * 10_000

    response = abuser.put(
        uuid.uuid4(), content=chunks(), headers={"Content-Type": "application/json"}
    )
    expect(response, "submit.too_large")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"payload": "!!!not base64!!!", "signature": "AAAA"}',
        b'{"payload": "e30=", "signature": "@@@"}',
        b'{"payload": "e30="}',
        b"[]",
    ],
    ids=["json", "b64-payload", "b64-signature", "missing-signature", "not-object"],
)
def test_malformed_envelope(abuser: Abuser, body: bytes) -> None:
    expect(
        abuser.put(uuid.uuid4(), content=body, headers={"Content-Type": "application/json"}),
        "submit.malformed",
    )


def test_garbage_cms(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    payload, _ = gp.sign(doc)
    expect(abuser.put(doc.id, json=_env(payload, b"\x30\x03\x02\x01\x01")), "submit.malformed")


def test_schema_violation(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    data = to_dict(doc)
    data["body"]["period"]["begin"] = "16/11/2026"
    payload = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    body = expect(abuser.put(doc.id, json=_env(payload, gp.sign_bytes(payload))), "submit.schema")
    assert body["field"] == "body.period.begin"
    assert "16/11" not in str(body)  # the value is never echoed


def test_not_canonical(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    payload = json.dumps(to_dict(doc), indent=1, sort_keys=True, ensure_ascii=False).encode()
    expect(abuser.put(doc.id, json=_env(payload, gp.sign_bytes(payload))), "submit.not_canonical")


def test_domain_rules(abuser: Abuser, gp: Physician) -> None:
    doc = _new_doc()
    cert = doc.body
    bad = dataclasses.replace(
        doc, body=dataclasses.replace(cert, period=Period(date(2026, 11, 16), date(2026, 11, 1)))
    )
    body = expect(abuser.put(bad.id, json=_env(*gp.sign(bad))), "submit.rules")
    codes = {f["code"] for f in body["findings"]}  # type: ignore[union-attr]
    assert "period.inverted" in codes
    assert "Lumbago" not in json.dumps(body)


def test_session_required_invalid_and_expired(
    endpoint: LiveEndpoint, abuser: Abuser, clock: MutableClock
) -> None:
    with endpoint.http() as http:
        expect(http.put(f"/v1/documents/{uuid.uuid4()}", json={}), "auth.required")
        expect(
            http.get("/v1/dossiers", headers={"Authorization": "Bearer nope"}),
            "auth.session_invalid",
        )
    clock.advance(minutes=16)
    expect(
        abuser.put(uuid.uuid4(), json={"payload": "e30=", "signature": "e30="}),
        "auth.session_expired",
    )


def test_unknown_practitioner(endpoint: LiveEndpoint, demo_pki: DemoPki, tmp_path: Path) -> None:
    p12 = sig_support.issue_test_signature_p12(
        demo_pki, tmp_path / "eve-auth.p12", physician=UNKNOWN, usages=("digital_signature",)
    )
    auth = Pkcs12Authenticator(p12, lambda _p: demo_pki.password)
    client = endpoint.client()
    client.authenticator = auth
    with pytest.raises(LoginFailed) as err:
        client.login()
    assert (err.value.code, err.value.status) == ("auth.unknown_practitioner", 403)


def test_login_abuse(endpoint: LiveEndpoint, gp: Physician, tmp_path: Path) -> None:
    auth = gp.authenticator
    with endpoint.http() as http:
        nonce = http.post("/v1/auth/challenge").json()["nonce"]
        good = {
            "nonce": nonce,
            "certificate": _b64(auth.authentication_certificate.dump()),
            "algorithm": auth.algorithm,
            "signature": _b64(auth.sign_challenge(base64.b64decode(nonce))),
        }
        bad_sig = {**good, "signature": _b64(auth.sign_challenge(b"another nonce"))}
        expect(http.post("/v1/auth/session", json=bad_sig), "auth.signature_invalid")
        # the nonce was consumed by the failed attempt: single use
        expect(http.post("/v1/auth/session", json=good), "auth.challenge_invalid")
        nonce = http.post("/v1/auth/challenge").json()["nonce"]
        foreign = sig_support.make_foreign_signature_p12(tmp_path)
        impostor = Pkcs12Authenticator(foreign.p12, lambda _p: foreign.password)
        forged = {
            "nonce": nonce,
            "certificate": _b64(impostor.authentication_certificate.dump()),
            "algorithm": impostor.algorithm,
            "signature": _b64(impostor.sign_challenge(base64.b64decode(nonce))),
        }
        expect(http.post("/v1/auth/session", json=forged), "auth.certificate_invalid")


def test_missing_consent_for_episode(
    endpoint: LiveEndpoint, gp: Physician, specialist: Physician
) -> None:
    doc = dataclasses.replace(
        _new_doc(), consent=dataclasses.replace(samples.consent(), episode_sharing=False)
    )
    endpoint.client(gp).submit(*gp.sign(doc))
    with pytest.raises(EndpointRejected) as err:
        endpoint.client(specialist).episode_lookup(doc.patient.niss, doc.consent.reference)
    assert (err.value.code, err.value.status) == ("episode.consent_missing", 403)


def test_retraction_abuse(abuser: Abuser, gp: Physician, specialist: Physician) -> None:
    from fitnote_desktop.transport.client import sign_retraction

    doc = _new_doc()
    abuser.client.submit(*gp.sign(doc))
    headers = {"Authorization": f"Bearer {abuser.token}"}
    url = f"/v1/documents/{doc.id}/retraction"
    other = sign_retraction(gp.signer, str(uuid.uuid4()))
    expect(
        abuser.http.post(url, json=_env(other.payload, other.signature), headers=headers),
        "retract.mismatch",
    )
    by_other = sign_retraction(specialist.signer, str(doc.id))
    expect(
        abuser.http.post(url, json=_env(by_other.payload, by_other.signature), headers=headers),
        "retract.not_author",
    )
    expect(abuser.http.post(url, json=_env(b"{}", b"x"), headers=headers), "retract.malformed")
    expect(abuser.http.post(url, content=b"nope", headers=headers), "retract.malformed")


def test_login_with_the_signature_certificate(endpoint: LiveEndpoint, demo_pki: DemoPki) -> None:
    """A trusted certificate without digitalSignature (the non-repudiation one) is refused
    with 401 auth.certificate_invalid, which the client does not retry."""
    creds = demo_pki.physician("gp")
    client = endpoint.client()
    client.authenticator = Pkcs12Authenticator(creds.signature_p12, lambda _p: demo_pki.password)
    with pytest.raises(LoginFailed) as err:
        client.login()
    assert (err.value.code, err.value.status) == ("auth.certificate_invalid", 401)
    assert not err.value.retryable


def _with_statements(request: Callable[[], httpx.Response]) -> tuple[httpx.Response, list[str]]:
    """The response and the kinds of SQL statements (SELECT, INSERT, ...) run meanwhile."""
    import sqlalchemy as sa

    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]).split()[0])

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", record)
    try:
        return request(), statements
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", record)


def test_episode_lookup_is_no_existence_oracle(
    endpoint: LiveEndpoint, gp: Physician, specialist: Physician
) -> None:
    """With a wrong consent reference, a patient with documents and one without get the same
    answer, after the same database work (no early return before the consent check)."""
    doc = _new_doc()
    endpoint.client(gp).submit(*gp.sign(doc))
    spec = Abuser(endpoint, specialist)
    headers = {"Authorization": f"Bearer {spec.token}"}
    spec.http.get("/v1/dossiers", headers=headers)  # both look-ups find the session cached
    answers = {}
    for who, niss in (("with documents", doc.patient.niss), ("without", UNKNOWN.niss)):
        body = {"patient_niss": niss, "consent_reference": "WRONG"}
        response, statements = _with_statements(
            lambda body=body: spec.http.post("/v1/episodes/lookup", json=body, headers=headers)
        )
        answers[who] = (response.status_code, response.json(), statements)
    assert answers["with documents"] == answers["without"]
    refusal = ERRORS["episode.consent_missing"]
    assert answers["without"][:2] == (
        403,
        {"code": refusal.code, "detail": refusal.meaning, "field": "consent_reference"},
    )


@pytest.mark.parametrize("where", ["patient", "body", ""], ids=["patient", "body", "top"])
def test_unknown_field_is_named_by_its_path_only(abuser: Abuser, gp: Physician, where: str) -> None:
    """A NISS or a diagnosis typed as a key never comes back: the path's shape does."""
    doc = _new_doc()
    data = to_dict(doc)
    target = data[where] if where else data
    target[doc.patient.niss] = "x"
    target["Lumbago aigu"] = "x"
    payload = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    body = expect(abuser.put(doc.id, json=_env(payload, gp.sign_bytes(payload))), "submit.schema")
    assert body["field"] == (f"{where}.<unknown field>" if where else "<unknown field>")
    text = json.dumps(body, ensure_ascii=False)
    assert doc.patient.niss not in text and "Lumbago" not in text


def test_validate_command_names_an_unknown_field_by_its_path_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The desktop's ``validate`` shares the decoder: its message hides the key as well."""
    from fitnote_desktop.cli import main

    doc = _new_doc()
    data = to_dict(doc)
    data["patient"][doc.patient.niss] = "x"
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "patient.<unknown field>" in err
    assert doc.patient.niss not in err
