"""Signing benchmarks: latency of one document signature and verification throughput.

Figures are ratios to a baseline measured in the same run, so they compare across
machines: the baseline of signing is a raw ``cryptography`` ECDSA P-384 signature of the
same SHA-384 digest (the bare cryptographic cost of what a signature key does), that of
verification a raw ECDSA P-384 verification of it. Run with ``bash scripts/bench.sh``.

Besides the two rows of issue 14 per key store, a signature is split into what the PIN costs
and what our code costs: ``sign.unlocked.ratio_vs_raw`` is the same ``sign_detached`` (the
same ``CmsDocumentSigner``) over the PKCS#12 key decrypted once, without the PIN check per
signature that the key stores do (a key derivation on a file, a login on a token). The
endpoint's receipts are signed and checked without any PIN (issue 14: "at the same ratio
targets as sign and verify"): ``receipt.sign`` and ``receipt.verify`` against raw ECDSA on the
receipt key.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from cryptography.hazmat.primitives.serialization import pkcs12
from support import signing as sig_support
from support.timing import median_seconds

from fitnote_desktop.demo import DEMO_GP
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.demo.softhsm import SoftHsmToken
from fitnote_desktop.endpoint.receipts import ReceiptSigner
from fitnote_desktop.signing import open_signer
from fitnote_desktop.signing._core import CmsDocumentSigner, is_ca, iter_unique
from fitnote_desktop.signing.pkcs12 import DecryptedKeySigner
from fitnote_desktop.signing.verify import verify_detached
from fitnote_desktop.transport.receipts import verify_receipt
from fitnote_desktop.wire.receipts import Receipt

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

PAYLOAD = b'{"id":"7d0c9b1e","schema":"fitnote/1","text":"' + b"x" * 4000 + b'"}'
ROUNDS = 3 if QUICK else 30
RAW_ROUNDS = 20 if QUICK else 200


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return sig_support.build_demo_pki(tmp_path_factory.mktemp("perf-pki"))


@pytest.fixture(scope="module")
def token(pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> SoftHsmToken:
    return sig_support.build_softhsm_tokens(pki, tmp_path_factory.mktemp("perf-hsm"))


def test_sign_latency_and_verify_throughput(
    pki: DemoPki, token: SoftHsmToken, bench: Bench
) -> None:
    raw_key = ec.generate_private_key(ec.SECP384R1())
    digest = hashlib.sha384(PAYLOAD).digest()
    algorithm = ec.ECDSA(utils.Prehashed(hashes.SHA384()))
    raw_signature = raw_key.sign(digest, algorithm)
    raw_public = raw_key.public_key()

    def raw_sign() -> bytes:
        return raw_key.sign(digest, algorithm)

    def raw_verify() -> None:
        raw_public.verify(raw_signature, digest, algorithm)

    baseline = median_seconds(raw_sign, rounds=RAW_ROUNDS)
    verify_baseline = median_seconds(raw_verify, rounds=RAW_ROUNDS)

    p12 = open_signer(sig_support.pkcs12_config(pki), sig_support.fixed_pin(pki.password))
    hsm = open_signer(sig_support.pkcs11_config(token), sig_support.fixed_pin(token.pin))
    try:
        p12_latency = median_seconds(lambda: p12.document_signer.sign_detached(PAYLOAD), ROUNDS)
        hsm_latency = median_seconds(lambda: hsm.document_signer.sign_detached(PAYLOAD), ROUNDS)
        cms_der = hsm.document_signer.sign_detached(PAYLOAD)
    finally:
        p12.close()
        hsm.close()

    roots = pki.citizen_trust_roots()
    assert verify_detached(PAYLOAD, cms_der, roots).valid
    verify_latency = median_seconds(lambda: verify_detached(PAYLOAD, cms_der, roots), ROUNDS)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < (0.2 if QUICK else 2.0):
        verify_detached(PAYLOAD, cms_der, roots)
        count += 1
    per_second = count / (time.perf_counter() - start)

    rows = [
        ("raw ECDSA P-384 sign (baseline)", baseline, 1.0),
        ("sign_detached, PKCS#12 file", p12_latency, p12_latency / baseline),
        ("sign_detached, SoftHSM2 token", hsm_latency, hsm_latency / baseline),
        ("raw ECDSA P-384 verify (baseline)", verify_baseline, 1.0),
        ("verify_detached (one signature)", verify_latency, verify_latency / verify_baseline),
    ]
    print()
    print(f"{'operation':<34} {'median ms':>10} {'x baseline':>11}")
    for name, seconds, ratio in rows:
        print(f"{name:<34} {seconds * 1000:>10.2f} {ratio:>11.1f}")
    print(
        f"verification throughput: {per_second:.0f} signatures/s "
        f"({per_second * verify_baseline:.3f} per raw verification time)"
    )
    bench.record(
        "sign.pkcs12.ratio_vs_raw", p12_latency * 1000, baseline=baseline * 1000, baseline_unit="ms"
    )
    bench.record(
        "sign.softhsm.ratio_vs_raw",
        hsm_latency * 1000,
        baseline=baseline * 1000,
        baseline_unit="ms",
    )
    bench.record(
        "verify.ratio_vs_raw",
        verify_latency * 1000,
        baseline=verify_baseline * 1000,
        baseline_unit="ms",
    )


class _UnlockedKeyFile:
    """The PKCS#12 signature key decrypted once, as a ``KeySource`` without a PIN check.

    Only for measuring: the app's key stores ask the PIN (and check it) per signature.
    The certificate and chain are read as ``Pkcs12KeyFile`` reads them.
    """

    purpose = "signature"

    def __init__(self, path: Path, password: str) -> None:
        key, cert, others = pkcs12.load_key_and_certificates(path.read_bytes(), password.encode())
        assert isinstance(key, ec.EllipticCurvePrivateKey) and cert is not None
        der = serialization.Encoding.DER
        self.certificate = x509.Certificate.load(cert.public_bytes(der))
        loaded = (x509.Certificate.load(o.public_bytes(der)) for o in others)
        self.chain = tuple(iter_unique([c for c in loaded if is_ca(c)]))
        self.key = key
        self._signer = DecryptedKeySigner(key, self.certificate)

    @contextmanager
    def unlock(self) -> Iterator[DecryptedKeySigner]:
        yield self._signer

    def close(self) -> None:
        self._signer.forget()


def _raw_pair(key: ec.EllipticCurvePrivateKey, digest_name: str) -> tuple[float, float]:
    """Median seconds of a raw ECDSA signature and verification with ``key``, prehashed."""
    chosen = hashes.SHA384() if digest_name == "sha384" else hashes.SHA256()
    digest = hashlib.new(digest_name, PAYLOAD).digest()
    algorithm = ec.ECDSA(utils.Prehashed(chosen))
    signature = key.sign(digest, algorithm)
    public = key.public_key()
    sign = median_seconds(lambda: key.sign(digest, algorithm), rounds=RAW_ROUNDS)
    verify = median_seconds(lambda: public.verify(signature, digest, algorithm), RAW_ROUNDS)
    return sign, verify


def test_signature_without_pin_check_and_receipts(pki: DemoPki, bench: Bench) -> None:
    """What our CMS code costs around a raw signature where no PIN is involved."""
    physician = pki.physician(DEMO_GP.key)
    source = _UnlockedKeyFile(physician.signature_p12, pki.password)
    signer = CmsDocumentSigner(source)
    raw_sign, _ = _raw_pair(source.key, signer.digest_algorithm)
    unlocked = median_seconds(lambda: signer.sign_detached(PAYLOAD), ROUNDS * 10)
    roots = pki.citizen_trust_roots()
    assert verify_detached(PAYLOAD, signer.sign_detached(PAYLOAD), roots).valid
    signer.close()

    receipts = ReceiptSigner.from_pkcs12(pki.receipt_p12, pki.password)
    receipt_key = pkcs12.load_key_and_certificates(
        pki.receipt_p12.read_bytes(), pki.password.encode()
    )[0]
    assert isinstance(receipt_key, ec.EllipticCurvePrivateKey)
    receipt_raw_sign, receipt_raw_verify = _raw_pair(receipt_key, "sha256")

    def receipt() -> Receipt:
        sha = hashlib.sha256(uuid.uuid4().bytes).hexdigest()
        return Receipt(str(uuid.uuid4()), sha, datetime.now(UTC), "accepted")

    sample = receipt()
    receipt_sign = median_seconds(lambda: receipts.sign(sample), ROUNDS * 10)
    signed = receipts.sign(sample)
    assert verify_receipt(signed.receipt_bytes, signed.signature, receipts.certificate) == sample
    receipt_verify = median_seconds(
        lambda: verify_receipt(signed.receipt_bytes, signed.signature, receipts.certificate),
        ROUNDS * 10,
    )

    rows = [
        ("raw ECDSA P-384 sign, SHA-384", raw_sign, unlocked),
        ("raw ECDSA sign, receipt key", receipt_raw_sign, receipt_sign),
        ("raw ECDSA verify, receipt key", receipt_raw_verify, receipt_verify),
    ]
    print()
    print(f"{'baseline':<34} {'ms':>7}  {'ours ms':>8} {'x':>6}")
    for name, base, ours in rows:
        print(f"{name:<34} {base * 1000:>7.3f}  {ours * 1000:>8.3f} {ours / base:>6.1f}")
    bench.record(
        "sign.unlocked.ratio_vs_raw", unlocked * 1000, baseline=raw_sign * 1000, baseline_unit="ms"
    )
    bench.record(
        "receipt.sign.ratio_vs_raw",
        receipt_sign * 1000,
        baseline=receipt_raw_sign * 1000,
        baseline_unit="ms",
    )
    bench.record(
        "receipt.verify.ratio_vs_raw",
        receipt_verify * 1000,
        baseline=receipt_raw_verify * 1000,
        baseline_unit="ms",
    )
