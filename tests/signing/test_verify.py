"""Verification: every tamper case rejected with its own code."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import signing as sig_support

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.signing.certificates import load_certificate
from fitnote_desktop.signing.pkcs12 import Pkcs12DocumentSigner
from fitnote_desktop.signing.verify import VerificationResult, verify_detached


def _sign(p12: Path, payload: bytes, password: str = DEMO_PASSWORD) -> bytes:
    return Pkcs12DocumentSigner(p12, sig_support.fixed_pin(password)).sign_detached(payload)


@pytest.fixture(scope="module")
def signed(demo_pki: DemoPki) -> tuple[bytes, bytes]:
    payload = b'{"id":"a","schema":"fitnote/1"}'
    return payload, _sign(demo_pki.physician("gp").signature_p12, payload)


def test_valid_signature_has_every_flag(demo_pki: DemoPki, signed: tuple[bytes, bytes]) -> None:
    payload, cms_der = signed
    result = verify_detached(payload, cms_der, demo_pki.citizen_trust_roots())
    assert result.valid and result.code is None and result.codes == ()
    assert result.digest_ok and result.signature_ok and result.chain_ok
    assert result.time_ok and result.non_repudiation_ok
    assert result.signer_niss == "85092123414"
    assert result.signer_certificate is not None
    assert json.loads(json.dumps(result.to_dict()))["valid"] is True


Tamper = Callable[[DemoPki, bytes, bytes, Path], tuple[bytes, bytes, list]]


def _flipped_payload(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    return sig_support.flip_byte(payload), cms_der, pki.citizen_trust_roots()


def _other_key(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    forged = sig_support.resign_with_other_key(
        cms_der, pki.physician("specialist").signature_p12, pki.password
    )
    return payload, forged, pki.citizen_trust_roots()


def _untrusted_root(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    foreign = sig_support.make_foreign_signature_p12(tmp)
    return payload, _sign(foreign.p12, payload, foreign.password), pki.citizen_trust_roots()


def _expired(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    p12 = sig_support.make_expired_signature_p12(pki, tmp / "expired.p12")
    return payload, _sign(p12, payload), pki.citizen_trust_roots()


def _authentication_key(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    p12 = pki.physician("gp").authentication_p12
    return payload, _sign(p12, payload), pki.citizen_trust_roots()


def _truncated(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    return payload, sig_support.truncate(cms_der), pki.citizen_trust_roots()


def _garbage(pki: DemoPki, payload: bytes, cms_der: bytes, tmp: Path):
    return payload, b"\x30\x03\x02\x01\x01", pki.citizen_trust_roots()


@pytest.mark.parametrize(
    ("tamper", "code"),
    [
        (_flipped_payload, "signature.digest_mismatch"),
        (_other_key, "signature.invalid"),
        (_untrusted_root, "signature.untrusted_chain"),
        (_expired, "signature.certificate_expired"),
        (_authentication_key, "signature.no_non_repudiation"),
        (_truncated, "signature.malformed"),
        (_garbage, "signature.malformed"),
    ],
    ids=[
        "flipped-payload-byte",
        "other-key",
        "untrusted-root",
        "expired-cert",
        "authentication-cert",
        "truncated-cms",
        "garbage-cms",
    ],
)
def test_tamper_case_rejected_with_its_code(
    tamper: Tamper, code: str, demo_pki: DemoPki, signed: tuple[bytes, bytes], tmp_path: Path
) -> None:
    payload, cms_der, roots = tamper(demo_pki, *signed, tmp_path)
    result = verify_detached(payload, cms_der, roots)
    assert not result.valid
    assert result.code == code
    assert result.codes == (code,), result.codes  # exactly one problem per case


def test_flags_name_the_failed_check(
    demo_pki: DemoPki, signed: tuple[bytes, bytes], tmp_path: Path
) -> None:
    roots = demo_pki.citizen_trust_roots()
    payload, cms_der = signed
    flipped = verify_detached(sig_support.flip_byte(payload), cms_der, roots)
    assert not flipped.digest_ok and flipped.signature_ok and flipped.chain_ok
    expired = verify_detached(*_expired(demo_pki, payload, cms_der, tmp_path)[:2], roots)
    assert expired.chain_ok and not expired.time_ok
    foreign = verify_detached(*_untrusted_root(demo_pki, payload, cms_der, tmp_path)[:2], roots)
    assert not foreign.chain_ok and foreign.signature_ok and foreign.signer_niss == "85092123414"


def test_foreign_signature_is_fine_under_its_own_root(payload: bytes, tmp_path: Path) -> None:
    foreign = sig_support.make_foreign_signature_p12(tmp_path)
    cms_der = _sign(foreign.p12, payload, foreign.password)
    assert verify_detached(payload, cms_der, [load_certificate(foreign.root_pem)]).valid


def test_authentication_cert_accepted_when_non_repudiation_not_required(
    demo_pki: DemoPki, payload: bytes
) -> None:
    cms_der = _sign(demo_pki.physician("gp").authentication_p12, payload)
    result = verify_detached(
        payload, cms_der, demo_pki.citizen_trust_roots(), require_non_repudiation=False
    )
    assert result.valid and not result.non_repudiation_ok


def test_explicit_moment_after_expiry(demo_pki: DemoPki, signed: tuple[bytes, bytes]) -> None:
    payload, cms_der = signed
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=20 * 365)
    result = verify_detached(payload, cms_der, demo_pki.citizen_trust_roots(), at=later)
    assert result.codes == ("signature.certificate_expired",)
    naive_now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    assert verify_detached(payload, cms_der, demo_pki.citizen_trust_roots(), at=naive_now).valid


def test_several_problems_reported_in_order(
    demo_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    p12 = sig_support.make_expired_signature_p12(demo_pki, tmp_path / "expired.p12")
    cms_der = _sign(p12, payload)
    result: VerificationResult = verify_detached(
        sig_support.flip_byte(payload), cms_der, demo_pki.endpoint_trust_roots()
    )
    assert result.codes == (
        "signature.digest_mismatch",
        "signature.untrusted_chain",
        "signature.certificate_expired",
    )
    assert result.code == "signature.digest_mismatch"


def test_receipt_key_is_not_a_physician(demo_pki: DemoPki, payload: bytes) -> None:
    """The endpoint's receipts chain to the endpoint CA only, never to the citizen root."""
    cms_der = _sign(demo_pki.receipt_p12, payload)
    assert verify_detached(payload, cms_der, demo_pki.endpoint_trust_roots()).valid
    assert verify_detached(payload, cms_der, demo_pki.citizen_trust_roots()).code == (
        "signature.untrusted_chain"
    )


def test_usable_from_inside_a_running_event_loop(demo_pki: DemoPki, payload: bytes) -> None:
    """Async callers (the endpoint's handlers, async services) call the sync API too."""

    async def main() -> bool:
        cms_der = _sign(demo_pki.physician("gp").signature_p12, payload)
        return verify_detached(payload, cms_der, demo_pki.citizen_trust_roots()).valid

    assert asyncio.run(main())


def test_no_trust_roots_trusts_nothing(signed: tuple[bytes, bytes]) -> None:
    """An empty trust list must not fall back to the operating system's roots."""
    assert verify_detached(*signed, []).code == "signature.untrusted_chain"
