"""The client's receipt check with its remembered signers (``transport.receipts``) gives
the same verdict as the full check, on genuine receipts, on every tamper case and on
generated mutations, once the genuine receipt's signer is remembered; and it does skip
the full check for the next genuine receipt (or it would never be used)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from asn1crypto import x509
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint.receipts import ReceiptSigner, SignedReceipt
from fitnote_desktop.signing.cms_build import DetachedCmsTemplate, raw_signer
from fitnote_desktop.transport import receipts
from fitnote_desktop.transport.receipts import KnownSigners, ReceiptError, verify_receipt
from fitnote_desktop.wire.receipts import Receipt

MOMENT = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)


def _receipt(n: int) -> bytes:
    return Receipt(
        f"7d0c9b1e-5f2a-4c1e-9a53-0d1f2b3c4d{n:02x}", "ab" * 32, MOMENT, "accepted"
    ).to_bytes()


@pytest.fixture(scope="module")
def signer(demo_pki: DemoPki) -> ReceiptSigner:
    return ReceiptSigner.from_pkcs12(demo_pki.receipt_p12, demo_pki.password)


@pytest.fixture(scope="module")
def other_signature(demo_pki: DemoPki) -> Callable[[bytes], bytes]:
    """Signatures by another key (the GP's), in the receipts' own shape."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key, cert, _ = pkcs12.load_key_and_certificates(
        demo_pki.physician("gp").signature_p12.read_bytes(), demo_pki.password.encode()
    )
    assert key is not None and cert is not None
    certificate = x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    template = DetachedCmsTemplate(certificate, (), "sha256")
    sign_raw = raw_signer(key, "sha256")  # type: ignore[arg-type]
    return lambda data: template.sign(data, sign_raw)


def _verdict(
    receipt: bytes, signature: bytes, pinned: x509.Certificate, known: KnownSigners | None
) -> str:
    try:
        return verify_receipt(receipt, signature, pinned, known=known).document_id
    except ReceiptError:
        return "rejected"


def _same_verdicts(
    receipt: bytes, signature: bytes, pinned: x509.Certificate, known: KnownSigners
) -> None:
    assert _verdict(receipt, signature, pinned, known) == _verdict(receipt, signature, pinned, None)


def test_a_remembered_signer_skips_the_full_check(
    signer: ReceiptSigner, monkeypatch: pytest.MonkeyPatch
) -> None:
    known = KnownSigners()
    first = signer.sign(Receipt.from_bytes(_receipt(1)))
    assert verify_receipt(first.receipt_bytes, first.signature, signer.certificate, known=known)
    full_checks: list[bytes] = []
    full = receipts._verify_fully
    monkeypatch.setattr(
        receipts, "_verify_fully", lambda r, s, p: full_checks.append(r) or full(r, s, p)
    )
    second = signer.sign(Receipt.from_bytes(_receipt(2)))
    checked = verify_receipt(
        second.receipt_bytes, second.signature, signer.certificate, known=known
    )
    assert checked.document_id.endswith("4d02") and full_checks == []
    # another pinned certificate never shares what was remembered for this one
    with pytest.raises(ReceiptError):
        verify_receipt(second.receipt_bytes, second.signature, _another(signer), known=known)
    assert full_checks == [second.receipt_bytes]


def _another(signer: ReceiptSigner) -> x509.Certificate:
    """The receipt certificate with one byte of its own signature changed."""
    return x509.Certificate.load(signer.certificate.dump()[:-1] + b"\x00")


def test_tamper_cases_get_the_full_checks_verdict(
    signer: ReceiptSigner, other_signature: Callable[[bytes], bytes]
) -> None:
    known = KnownSigners()
    genuine = signer.sign(Receipt.from_bytes(_receipt(1)))
    pinned = signer.certificate
    _same_verdicts(genuine.receipt_bytes, genuine.signature, pinned, known)  # remembered
    assert _verdict(genuine.receipt_bytes, genuine.signature, pinned, known) != "rejected"
    data, cms_der = genuine.receipt_bytes, genuine.signature
    for receipt, signature in [
        (data + b" ", cms_der),  # altered receipt
        (_receipt(2), cms_der),  # another receipt under this signature
        (data, cms_der[:-3]),  # truncated
        (data, other_signature(data)),  # signed by another key
        (data, b"\x30\x03\x02\x01\x01"),  # garbage
    ]:
        _same_verdicts(receipt, signature, pinned, known)
        assert _verdict(receipt, signature, pinned, known) == "rejected"


@pytest.fixture(scope="module")
def genuine(signer: ReceiptSigner) -> SignedReceipt:
    """One genuine receipt (ECDSA signatures differ each time: hypothesis needs one)."""
    return signer.sign(Receipt.from_bytes(_receipt(1)))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_receipts_get_the_full_checks_verdict(
    data: st.DataObject, signer: ReceiptSigner, genuine: SignedReceipt
) -> None:
    known = KnownSigners()
    verify_receipt(genuine.receipt_bytes, genuine.signature, signer.certificate, known=known)
    receipt, cms_der = genuine.receipt_bytes, genuine.signature
    mutation = data.draw(st.sampled_from(["flip", "truncate", "receipt"]))
    if mutation == "flip":
        position = data.draw(st.integers(0, len(cms_der) - 1))
        value = data.draw(st.integers(0, 255).filter(lambda v: v != cms_der[position]))
        cms_der = cms_der[:position] + bytes([value]) + cms_der[position + 1 :]
    elif mutation == "truncate":
        cms_der = cms_der[: data.draw(st.integers(0, len(cms_der) - 1))]
    else:
        position = data.draw(st.integers(0, len(receipt) - 1))
        receipt = receipt[:position] + bytes([receipt[position] ^ 0x01]) + receipt[position + 1 :]
    _same_verdicts(receipt, cms_der, signer.certificate, known)
