"""Signing benchmarks: latency of one document signature and verification throughput.

Figures are ratios to a baseline measured in the same run, so they compare across
machines: the baseline of signing is a raw ``cryptography`` ECDSA P-384 signature of the
same SHA-384 digest (the bare cryptographic cost of what a signature key does), that of
verification a raw ECDSA P-384 verification of it. Run with ``bash scripts/bench.sh``.
"""

from __future__ import annotations

import hashlib
import time

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils
from support import signing as sig_support
from support.timing import median_seconds

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.demo.softhsm import SoftHsmToken
from fitnote_desktop.signing import open_signer
from fitnote_desktop.signing.verify import verify_detached

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
