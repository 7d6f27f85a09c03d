"""The demo PKI: eID-shaped certificates, separate endpoint hierarchy, idempotent."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from fitnote_desktop.demo import DEMO_GP, DEMO_PASSWORD, DEMO_PHYSICIANS
from fitnote_desktop.demo.pki import (
    MANIFEST_NAME,
    DemoPki,
    create_demo_pki,
    find_manifest_password,
    read_manifest,
)


def _cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificates(path.read_bytes())[0]


def test_manifest_names_every_file_with_role_and_password(demo_pki: DemoPki) -> None:
    manifest = json.loads((demo_pki.directory / MANIFEST_NAME).read_text())
    assert manifest["password"] == DEMO_PASSWORD
    assert manifest["algorithm"] == "ecdsa-p384"
    listed = {entry["file"] for entry in manifest["files"]}
    on_disk = {p.name for p in demo_pki.directory.iterdir()} - {MANIFEST_NAME}
    assert listed == on_disk
    roles = {(e["role"], e["physician"]) for e in manifest["files"]}
    for physician in DEMO_PHYSICIANS:
        for role in ("signature-pkcs12", "authentication-pkcs12"):
            assert (role, physician.key) in roles
    for role in (
        "root-ca",
        "citizen-ca",
        "endpoint-ca",
        "tls-certificate",
        "tls-key",
        "receipt-pkcs12",
        "receipt-certificate",
    ):
        assert (role, None) in roles
    assert read_manifest(demo_pki.directory) == demo_pki


def test_every_file_is_private_from_the_start(demo_pki: DemoPki) -> None:
    """Keys and certificates alike are written 0600 (nobody chmods them afterwards)."""
    files = sorted(demo_pki.directory.iterdir())
    assert demo_pki.tls_key in files and demo_pki.physician("gp").signature_cert_pem in files
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {
        p.name: oct(0o600) for p in files
    }


def test_physician_certificates_look_like_an_eid(demo_pki: DemoPki) -> None:
    gp = demo_pki.physician(DEMO_GP.key)
    sig = _cert(gp.signature_cert_pem)
    auth = _cert(gp.authentication_cert_pem)
    for cert, role in ((sig, "Signature"), (auth, "Authentication")):
        subject = cert.subject
        assert subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == (
            f"An Peeters ({role})"
        )
        assert subject.get_attributes_for_oid(NameOID.GIVEN_NAME)[0].value == "An"
        assert subject.get_attributes_for_oid(NameOID.SURNAME)[0].value == "Peeters"
        assert subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value == DEMO_GP.niss
        assert subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "BE"
    sig_usage = sig.extensions.get_extension_for_class(x509.KeyUsage).value
    auth_usage = auth.extensions.get_extension_for_class(x509.KeyUsage).value
    assert sig_usage.content_commitment and not sig_usage.digital_signature
    assert auth_usage.digital_signature and not auth_usage.content_commitment
    citizen = _cert(demo_pki.citizen_ca_pem)
    assert sig.issuer == citizen.subject
    assert citizen.issuer == _cert(demo_pki.root_ca_pem).subject


def test_endpoint_certificates_are_a_separate_hierarchy(demo_pki: DemoPki) -> None:
    endpoint_ca = _cert(demo_pki.endpoint_ca_pem)
    root = _cert(demo_pki.root_ca_pem)
    assert endpoint_ca.issuer == endpoint_ca.subject != root.subject
    tls = _cert(demo_pki.tls_cert)
    assert tls.issuer == endpoint_ca.subject
    san = tls.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in san.get_values_for_type(x509.DNSName)
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
    eku = tls.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ExtendedKeyUsageOID.SERVER_AUTH in eku
    receipt = _cert(demo_pki.receipt_cert_pem)
    usage = receipt.extensions.get_extension_for_class(x509.KeyUsage).value
    assert receipt.issuer == endpoint_ca.subject
    assert usage.digital_signature and usage.content_commitment


def test_openssl_reads_pkcs12_and_checks_tls_chain(demo_pki: DemoPki) -> None:
    done = subprocess.run(
        [
            "openssl",
            "pkcs12",
            "-in",
            str(demo_pki.physician("gp").signature_p12),
            "-passin",
            f"pass:{DEMO_PASSWORD}",
            "-nokeys",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "An Peeters (Signature)" in done.stdout
    done = subprocess.run(
        [
            "openssl",
            "verify",
            "-CAfile",
            str(demo_pki.endpoint_ca_pem),
            "-purpose",
            "sslserver",
            str(demo_pki.tls_cert),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_reused_when_valid_regenerated_when_algorithm_changes(tmp_path: Path) -> None:
    first = create_demo_pki(tmp_path, physicians=(DEMO_GP,))
    before = first.root_ca_pem.read_bytes()
    again = create_demo_pki(tmp_path, physicians=(DEMO_GP,))
    assert again == first and again.root_ca_pem.read_bytes() == before
    rsa = create_demo_pki(tmp_path, algorithm="rsa-2048", physicians=(DEMO_GP,))
    assert rsa.algorithm == "rsa-2048" and rsa.root_ca_pem.read_bytes() != before
    assert "RSA" in type(_cert(rsa.root_ca_pem).public_key()).__name__.upper()


def test_manifest_password_only_for_listed_files(demo_pki: DemoPki, tmp_path: Path) -> None:
    assert find_manifest_password(demo_pki.physician("gp").signature_p12) == DEMO_PASSWORD
    stray = tmp_path / "other.p12"
    stray.write_bytes(b"x")
    assert find_manifest_password(stray) is None


def test_refuses_to_write_into_the_repository() -> None:
    repo = Path(__file__).resolve().parents[2]
    with pytest.raises(ValueError, match="repository"):
        create_demo_pki(repo / "demo-keys")
    assert not (repo / "demo-keys").exists()


def test_unknown_algorithm(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="algorithm"):
        create_demo_pki(tmp_path, algorithm="dsa-1024")
