"""No log line of the endpoint names a physician or a patient, whatever it refuses.

Every refusal case (login, submission, retraction, episode look-up) is sent to a real
endpoint over TLS while the log is captured at DEBUG, pyHanko's and the certificate
validator's loggers included: pyHanko's path-building warnings quote the certificate's
subject (name and NISS), which is exactly what must never reach a log.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import re
import traceback
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from support import endpoint as ep_support
from support import signing as sig_support
from support.endpoint import LiveEndpoint, MutableClock, Physician

from fitnote_desktop.demo import DEMO_PHYSICIANS, DemoPhysician
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.canonical import canonical_bytes, to_dict
from fitnote_desktop.domain.model import Period
from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator, Pkcs12DocumentSigner
from fitnote_desktop.transport.client import sign_retraction

UNKNOWN = DemoPhysician("eve", "Eve", "Unknown", "90020200287", "10000000000", ("nl",))
LOGGERS = ("", "pyhanko", "pyhanko_certvalidator", "fitnote", "uvicorn", "httpx")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _env(payload: bytes, cms: bytes) -> dict[str, str]:
    return {"payload": _b64(payload), "signature": _b64(cms)}


def _json_bytes(data: object) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _forbidden_words() -> list[re.Pattern[str]]:
    """NISS, given name and surname of every demo physician, the unknown one and the
    sample patient, as whole words (the GP's given name "An" is also an English word,
    hence case-sensitive whole-word matching)."""
    patient = samples.patient()
    words = {patient.niss, patient.given_name, patient.family_name}
    for person in (*DEMO_PHYSICIANS, UNKNOWN):
        words |= {person.niss, person.given_name, person.family_name}
    return [re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in sorted(words)]


@dataclasses.dataclass
class Refusals:
    """What the refusal cases need: the live endpoint, its clock, the GP's session."""

    endpoint: LiveEndpoint
    clock: MutableClock
    pki: DemoPki
    gp: Physician
    specialist: Physician
    tmp: Path
    http: httpx.Client
    token: str

    def put(self, doc_id: object, **kwargs: object) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"}
        return self.http.put(f"/v1/documents/{doc_id}", headers=headers, **kwargs)  # type: ignore[arg-type]

    def post(self, path: str, **kwargs: object) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"}
        return self.http.post(path, headers=headers, **kwargs)  # type: ignore[arg-type]

    def login_with(self, p12: Path, password: str) -> httpx.Response:
        auth = Pkcs12Authenticator(p12, lambda _p: password)
        nonce = self.http.post("/v1/auth/challenge").json()["nonce"]
        return self.http.post(
            "/v1/auth/session",
            json={
                "nonce": nonce,
                "certificate": _b64(auth.authentication_certificate.dump()),
                "algorithm": auth.algorithm,
                "signature": _b64(auth.sign_challenge(base64.b64decode(nonce))),
            },
        )

    def gp_login_at(self, **offset: float) -> httpx.Response:
        self.clock.advance(**offset)
        try:
            return self.login_with(self.pki.physician("gp").authentication_p12, self.pki.password)
        finally:
            self.clock.offset = type(self.clock.offset)(0)

    def signed_by(self, p12: Path, password: str, doc: samples.Document) -> dict[str, str]:
        payload = canonical_bytes(doc)
        signer = Pkcs12DocumentSigner(p12, lambda _p: password)
        return _env(payload, signer.sign_detached(payload))


def _new_doc() -> samples.Document:
    return samples.incapacity(id=str(uuid.uuid4()))


# ------------------------------------------------------------------ the refusal cases


def login_bad_challenge_signature(r: Refusals) -> httpx.Response:
    auth = r.gp.authenticator
    nonce = r.http.post("/v1/auth/challenge").json()["nonce"]
    return r.http.post(
        "/v1/auth/session",
        json={
            "nonce": nonce,
            "certificate": _b64(auth.authentication_certificate.dump()),
            "algorithm": auth.algorithm,
            "signature": _b64(auth.sign_challenge(b"another nonce")),
        },
    )


def login_untrusted_certificate(r: Refusals) -> httpx.Response:
    foreign = sig_support.make_foreign_signature_p12(r.tmp / "foreign-login")
    return r.login_with(foreign.p12, foreign.password)


def login_wrong_key_usage(r: Refusals) -> httpx.Response:
    return r.login_with(r.pki.physician("gp").signature_p12, r.pki.password)


def login_expired_certificate(r: Refusals) -> httpx.Response:
    p12 = sig_support.issue_test_signature_p12(
        r.pki,
        r.tmp / "expired-auth.p12",
        not_before=r.clock() - ep_support.dt.timedelta(days=400),
        not_after=r.clock() - ep_support.dt.timedelta(days=1),
        usages=("digital_signature",),
    )
    return r.login_with(p12, r.pki.password)


def login_clock_after_expiry(r: Refusals) -> httpx.Response:
    return r.gp_login_at(days=365 * 30)


def login_clock_before_validity(r: Refusals) -> httpx.Response:
    return r.gp_login_at(days=-365 * 30)


def login_unknown_practitioner(r: Refusals) -> httpx.Response:
    p12 = sig_support.issue_test_signature_p12(
        r.pki, r.tmp / "eve-auth.p12", physician=UNKNOWN, usages=("digital_signature",)
    )
    return r.login_with(p12, r.pki.password)


def submit_digest_mismatch(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    payload, cms = r.gp.sign(doc)
    return r.put(doc.id, json=_env(payload.replace(b"Lumbago", b"Lumbagx"), cms))


def submit_flipped_byte(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    payload, cms = r.gp.sign(doc)
    return r.put(doc.id, json=_env(sig_support.flip_byte(payload), cms))


def submit_other_key(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    payload, cms = r.gp.sign(doc)
    forged = sig_support.resign_with_other_key(
        cms, r.pki.physician("specialist").signature_p12, r.pki.password
    )
    return r.put(doc.id, json=_env(payload, forged))


def submit_other_signer(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    return r.put(doc.id, json=_env(*r.specialist.sign(doc)))


def submit_author_mismatch(r: Refusals) -> httpx.Response:
    doc = dataclasses.replace(_new_doc(), author=samples.practitioner(samples.DEMO_SPECIALIST))
    return r.put(doc.id, json=_env(*r.gp.sign(doc)))


def submit_untrusted_chain(r: Refusals) -> httpx.Response:
    foreign = sig_support.make_foreign_signature_p12(r.tmp / "foreign-sign")
    doc = _new_doc()
    return r.put(doc.id, json=r.signed_by(foreign.p12, foreign.password, doc))


def submit_expired_certificate(r: Refusals) -> httpx.Response:
    p12 = sig_support.make_expired_signature_p12(r.pki, r.tmp / "expired-sign.p12")
    doc = _new_doc()
    return r.put(doc.id, json=r.signed_by(p12, r.pki.password, doc))


def submit_wrong_key_usage(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    return r.put(
        doc.id, json=r.signed_by(r.pki.physician("gp").authentication_p12, r.pki.password, doc)
    )


def submit_signing_time_in_future(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    envelope = _env(*r.gp.sign(doc))
    r.clock.advance(hours=-2)  # the signature's time now lies ahead of the server's clock
    try:
        return r.put(doc.id, json=envelope)
    finally:
        r.clock.offset = type(r.clock.offset)(0)


def submit_garbage_cms(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    payload, _ = r.gp.sign(doc)
    return r.put(doc.id, json=_env(payload, b"\x30\x03\x02\x01\x01"))


def submit_schema_violation(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    data = to_dict(doc)
    data["body"]["period"]["begin"] = "16/11/2026"
    payload = _json_bytes(data)
    return r.put(doc.id, json=_env(payload, r.gp.sign_bytes(payload)))


def submit_unknown_field(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    data = to_dict(doc)
    data["patient"][doc.patient.niss] = doc.patient.family_name
    payload = _json_bytes(data)
    return r.put(doc.id, json=_env(payload, r.gp.sign_bytes(payload)))


def submit_not_canonical(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    payload = json.dumps(to_dict(doc), indent=1, sort_keys=True, ensure_ascii=False).encode()
    return r.put(doc.id, json=_env(payload, r.gp.sign_bytes(payload)))


def submit_rules(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    bad = dataclasses.replace(
        doc,
        body=dataclasses.replace(doc.body, period=Period(date(2026, 11, 16), date(2026, 11, 1))),
    )
    return r.put(bad.id, json=_env(*r.gp.sign(bad)))


def submit_id_mismatch(r: Refusals) -> httpx.Response:
    return r.put(uuid.uuid4(), json=_env(*r.gp.sign(_new_doc())))


def submit_conflict(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    assert r.put(doc.id, json=_env(*r.gp.sign(doc))).status_code == 201
    other = dataclasses.replace(doc, episode_id="another-episode")
    return r.put(doc.id, json=_env(*r.gp.sign(other)))


def submit_without_session(r: Refusals) -> httpx.Response:
    return r.http.put(f"/v1/documents/{uuid.uuid4()}", headers={"Authorization": "Bearer x"})


def episode_consent_missing(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    assert r.put(doc.id, json=_env(*r.gp.sign(doc))).status_code == 201
    return r.post(
        "/v1/episodes/lookup",
        json={"patient_niss": doc.patient.niss, "consent_reference": "wrong reference"},
    )


def episode_unknown_patient(r: Refusals) -> httpx.Response:
    return r.post(
        "/v1/episodes/lookup",
        json={"patient_niss": UNKNOWN.niss, "consent_reference": "wrong reference"},
    )


def retract_not_author(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    assert r.put(doc.id, json=_env(*r.gp.sign(doc))).status_code == 201
    by_other = sign_retraction(r.specialist.signer, str(doc.id))
    return r.post(
        f"/v1/documents/{doc.id}/retraction", json=_env(by_other.payload, by_other.signature)
    )


def retract_untrusted_chain(r: Refusals) -> httpx.Response:
    doc = _new_doc()
    assert r.put(doc.id, json=_env(*r.gp.sign(doc))).status_code == 201
    foreign = sig_support.make_foreign_signature_p12(r.tmp / "foreign-retract")
    signer = Pkcs12DocumentSigner(foreign.p12, lambda _p: foreign.password)
    signed = sign_retraction(signer, str(doc.id))
    return r.post(f"/v1/documents/{doc.id}/retraction", json=_env(signed.payload, signed.signature))


CASES: list[tuple[Callable[[Refusals], httpx.Response], set[str]]] = [
    (login_bad_challenge_signature, {"auth.signature_invalid"}),
    (login_untrusted_certificate, {"auth.certificate_invalid"}),
    (login_wrong_key_usage, {"auth.certificate_invalid"}),
    (login_expired_certificate, {"auth.certificate_invalid"}),
    (login_clock_after_expiry, {"auth.certificate_invalid"}),
    (login_clock_before_validity, {"auth.certificate_invalid"}),
    (login_unknown_practitioner, {"auth.unknown_practitioner"}),
    (submit_digest_mismatch, {"submit.digest_mismatch"}),
    (submit_flipped_byte, {"submit.schema", "submit.not_canonical"}),
    (submit_other_key, {"submit.signature_invalid"}),
    (submit_other_signer, {"submit.signer_not_session"}),
    (submit_author_mismatch, {"submit.author_mismatch"}),
    (submit_untrusted_chain, {"submit.untrusted_chain"}),
    (submit_expired_certificate, {"submit.certificate_expired"}),
    (submit_wrong_key_usage, {"submit.key_usage"}),
    (submit_signing_time_in_future, {"submit.signing_time"}),
    (submit_garbage_cms, {"submit.malformed"}),
    (submit_schema_violation, {"submit.schema"}),
    (submit_unknown_field, {"submit.schema"}),
    (submit_not_canonical, {"submit.not_canonical"}),
    (submit_rules, {"submit.rules"}),
    (submit_id_mismatch, {"submit.id_mismatch"}),
    (submit_conflict, {"submit.conflict"}),
    (submit_without_session, {"auth.session_invalid"}),
    (episode_consent_missing, {"episode.consent_missing"}),
    (episode_unknown_patient, {"episode.consent_missing"}),
    (retract_not_author, {"retract.not_author"}),
    (retract_untrusted_chain, {"submit.untrusted_chain"}),
]


@pytest.fixture
def refusals(
    demo_pki: DemoPki,
    gp: Physician,
    specialist: Physician,
    tmp_path: Path,
) -> Iterator[Refusals]:
    clock = MutableClock()
    db_url = f"sqlite:///{tmp_path / 'endpoint.sqlite3'}"
    with ep_support.running_endpoint(demo_pki, db_url=db_url, clock=clock) as endpoint:
        client = endpoint.client(gp)
        client.login()
        token = client._session.token  # type: ignore[union-attr]
        yield Refusals(endpoint, clock, demo_pki, gp, specialist, tmp_path, endpoint.http(), token)


def _log_lines(records: list[logging.LogRecord]) -> Iterator[str]:
    for record in records:
        yield f"{record.name}: {record.getMessage()}"
        if record.exc_info:
            yield "".join(traceback.format_exception(*record.exc_info))


def test_no_refusal_logs_a_name_or_niss(
    refusals: Refusals, caplog: pytest.LogCaptureFixture
) -> None:
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    answered: dict[str, str] = {}
    withheld = 0
    for case, codes in CASES:
        caplog.clear()
        response = case(refusals)
        code = response.json().get("code")
        assert code in codes, (case.__name__, response.status_code, response.text)
        assert response.status_code < 500
        answered[case.__name__] = code
        leaks = [
            line
            for line in _log_lines(caplog.records)
            for word in _forbidden_words()
            if word.search(line)
        ]
        assert not leaks, (case.__name__, leaks)
        withheld += sum(r.name.startswith("pyhanko") for r in caplog.records)
    assert len(answered) == len(CASES) == 28
    assert withheld > 0  # pyHanko did log (its records were captured), without details


def test_uvicorn_tracebacks_are_reduced_to_the_exception_type(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from fitnote_desktop.endpoint import log_privacy

    log_privacy.install()
    caplog.set_level(logging.DEBUG, logger="uvicorn.error")
    patient = samples.patient()
    try:
        raise ValueError(f"{patient.niss} {patient.family_name}")
    except ValueError:
        logging.getLogger("uvicorn.error").exception("Exception in ASGI application")
    (record,) = [r for r in caplog.records if r.name == "uvicorn.error"]
    assert record.getMessage() == "Exception in ASGI application (ValueError)"
    assert record.exc_info is None
    assert patient.niss not in caplog.text and patient.family_name not in caplog.text
