"""Demo PKI: a throw-away certificate hierarchy shaped like the Belgian eID's.

Generated on first demo start (or by ``fitnote-desktop demo-pki DIR``), never shipped.
Two separate hierarchies, on purpose:

* **citizen** – "fitnote Demo Belgium Root CA" → "fitnote Demo Citizen CA" → for every
  demo physician an *authentication* certificate (keyUsage digitalSignature, EKU
  clientAuth) and a *signature* certificate (keyUsage nonRepudiation only), subject as on
  an eID: ``CN="Given Surname (Signature)"``, ``SN``, ``GN``, ``serialNumber`` = NISS,
  ``C=BE``. The endpoint trusts ``root-ca.pem`` for document signatures.
* **sandbox endpoint** – a separate self-signed "fitnote Demo Sandbox Endpoint CA" →
  the TLS server certificate (SAN ``localhost`` and ``127.0.0.1``, EKU serverAuth) and
  the receipt-signing certificate (digitalSignature + nonRepudiation). The app pins
  ``endpoint-ca.pem`` for TLS and receipts.

Keeping them apart means a physician's key can never pass for the endpoint (a forged
receipt) and the endpoint's key can never pass for a physician, whatever trust store a
verifier is handed; in the real world the eID root and the eHealth platform's certificates
are unrelated hierarchies too.

The CA keys are kept (PKCS#8, encrypted with the demo password) so that tests can issue
extra certificates under the same CAs (see ``tests/support/signing.py``). Every private key file is
written with mode 0600. ``manifest.json`` names every file, its role, the physician it
belongs to and the demo password: nothing here is secret, it is demo material.

This module reads and writes the manifest and builds the PKI step by step; the
certificate templates are in ``certificates.py``, the file formats in ``keyfiles.py``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from fitnote_desktop.demo import DEMO_PASSWORD, DEMO_PHYSICIANS, DemoPhysician
from fitnote_desktop.demo.certificates import (
    ALGORITHMS,
    PrivateKey,
    eid_subject,
    generate_key,
    issue_certificate,
    key_usage,
    org_subject,
    self_signed_ca,
)
from fitnote_desktop.demo.keyfiles import (
    cert_pem,
    encrypted_key_pem,
    pkcs12_bytes,
    plain_key_pem,
    write_file,
)
from fitnote_desktop.signing.certificates import load_certificate

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "fitnote-demo-pki/1"

CA_LIFETIME = dt.timedelta(days=3650)
LEAF_LIFETIME = dt.timedelta(days=5 * 365)
TLS_LIFETIME = dt.timedelta(days=825)
# A PKI that expires sooner than this is regenerated rather than reused.
REUSE_MARGIN = dt.timedelta(days=30)
# Backdate notBefore a little: clocks of demo machines and containers drift.
CLOCK_SKEW = dt.timedelta(hours=1)


@dataclass(frozen=True)
class PhysicianCredentials:
    """The two eID key pairs of one demo physician, as files."""

    key: str
    given_name: str
    family_name: str
    niss: str
    signature_p12: Path
    authentication_p12: Path
    signature_cert_pem: Path
    authentication_cert_pem: Path

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class DemoPki:
    """Paths of a generated demo PKI; see the module docstring for the layout."""

    directory: Path
    algorithm: str
    password: str
    manifest_path: Path
    root_ca_pem: Path
    root_ca_key_pem: Path
    citizen_ca_pem: Path
    citizen_ca_key_pem: Path
    endpoint_ca_pem: Path
    endpoint_ca_key_pem: Path
    tls_cert: Path
    tls_key: Path
    receipt_p12: Path
    receipt_cert_pem: Path
    physicians: Mapping[str, PhysicianCredentials] = field(default_factory=dict)

    def physician(self, key: str) -> PhysicianCredentials:
        try:
            return self.physicians[key]
        except KeyError:
            raise KeyError(f"no demo physician {key!r} in {self.directory}") from None

    def citizen_trust_roots(self) -> list[asn1_x509.Certificate]:
        """Trust anchors for physicians' signatures (what the endpoint trusts)."""
        return [load_certificate(self.root_ca_pem)]

    def endpoint_trust_roots(self) -> list[asn1_x509.Certificate]:
        """Trust anchors for the sandbox endpoint's TLS and receipts (what the app pins)."""
        return [load_certificate(self.endpoint_ca_pem)]


# --------------------------------------------------------------------------- manifest


class _IdentityFileMeta(TypedDict):
    """Manifest fields of a physician's key file (never the password)."""

    physician: str
    niss: str
    subject: str


def _file_entry(
    name: str, role: str, *, physician: str | None = None, **extra: Any
) -> dict[str, Any]:
    entry: dict[str, Any] = {"file": name, "role": role, "physician": physician}
    entry.update(extra)
    return entry


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "physician"


def _refuse_repository(directory: Path) -> None:
    """The demo PKI must never end up in the source tree (and so never in git)."""
    repo = Path(__file__).resolve().parents[2]
    if not (repo / "pyproject.toml").is_file():
        return  # installed package: there is no repository to protect
    resolved = directory.resolve()
    if resolved == repo or repo in resolved.parents:
        raise ValueError(
            f"refusing to write demo keys inside the repository ({repo}); choose another directory"
        )


def _reusable(
    directory: Path,
    algorithm: str,
    physicians: Sequence[DemoPhysician],
    password: str,
) -> DemoPki | None:
    """The existing PKI in ``directory`` if it matches the request and is still valid."""
    manifest_path = directory / MANIFEST_NAME
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (
            manifest.get("format") != MANIFEST_FORMAT
            or manifest.get("algorithm") != algorithm
            or manifest.get("password") != password
        ):
            return None
        known = {p["key"]: p.get("niss") for p in manifest.get("physicians", [])}
        if any(known.get(p.key) != p.niss for p in physicians):
            return None
        pki = _pki_from_manifest(directory, manifest)
        horizon = dt.datetime.now(dt.UTC) + REUSE_MARGIN
        for entry in manifest["files"]:
            path = directory / entry["file"]
            if not path.is_file():
                return None
            if entry["role"].endswith("certificate") or entry["role"].endswith("-ca"):
                for cert in x509.load_pem_x509_certificates(path.read_bytes()):
                    if cert.not_valid_after_utc < horizon:
                        return None
        return pki
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _pki_from_manifest(directory: Path, manifest: Mapping[str, Any]) -> DemoPki:
    by_role: dict[str, Path] = {}
    per_physician: dict[str, dict[str, Path]] = {}
    for entry in manifest["files"]:
        path = directory / entry["file"]
        if entry.get("physician"):
            per_physician.setdefault(entry["physician"], {})[entry["role"]] = path
        else:
            by_role[entry["role"]] = path
    physicians: dict[str, PhysicianCredentials] = {}
    for p in manifest["physicians"]:
        files = per_physician[p["key"]]
        physicians[p["key"]] = PhysicianCredentials(
            key=p["key"],
            given_name=p["given_name"],
            family_name=p["family_name"],
            niss=p["niss"],
            signature_p12=files["signature-pkcs12"],
            authentication_p12=files["authentication-pkcs12"],
            signature_cert_pem=files["signature-certificate"],
            authentication_cert_pem=files["authentication-certificate"],
        )
    return DemoPki(
        directory=directory,
        algorithm=manifest["algorithm"],
        password=manifest["password"],
        manifest_path=directory / MANIFEST_NAME,
        root_ca_pem=by_role["root-ca"],
        root_ca_key_pem=by_role["root-ca-key"],
        citizen_ca_pem=by_role["citizen-ca"],
        citizen_ca_key_pem=by_role["citizen-ca-key"],
        endpoint_ca_pem=by_role["endpoint-ca"],
        endpoint_ca_key_pem=by_role["endpoint-ca-key"],
        tls_cert=by_role["tls-certificate"],
        tls_key=by_role["tls-key"],
        receipt_p12=by_role["receipt-pkcs12"],
        receipt_cert_pem=by_role["receipt-certificate"],
        physicians=physicians,
    )


def read_manifest(directory: Path) -> DemoPki:
    """Open an existing demo PKI (no validity checks, no generation)."""
    manifest = json.loads((directory / MANIFEST_NAME).read_text(encoding="utf-8"))
    if manifest.get("format") != MANIFEST_FORMAT:
        raise ValueError(f"{directory / MANIFEST_NAME} is not a fitnote demo PKI manifest")
    return _pki_from_manifest(directory, manifest)


def find_manifest_password(key_file: Path) -> str | None:
    """The demo password if ``key_file`` belongs to a demo PKI, else ``None``.

    Lets ``fitnote-desktop sign --pkcs12 DEMO.p12`` work without a prompt. Only files
    listed in a manifest next to them qualify, so a real key file never gets a guess.
    """
    manifest_path = key_file.resolve().parent / MANIFEST_NAME
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        return None
    names = {entry.get("file") for entry in manifest.get("files", [])}
    password = manifest.get("password")
    if key_file.name in names and isinstance(password, str):
        return password
    return None


# --------------------------------------------------------------------------- generation


class _PkiWriter:
    """Writes the PKI's files into one directory and lists each for the manifest."""

    def __init__(self, directory: Path, password: str) -> None:
        self.directory = directory
        self.password = password
        self.files: list[dict[str, Any]] = []

    def put(self, name: str, data: bytes, role: str, **extra: Any) -> Path:
        write_file(self.directory / name, data)
        self.files.append(_file_entry(name, role, **extra))
        return self.directory / name

    def put_ca(self, stem: str, role: str, cert: x509.Certificate, key: PrivateKey) -> None:
        """A CA certificate and its password-encrypted key (kept to issue test certificates)."""
        self.put(f"{stem}.pem", cert_pem(cert), role)
        self.put(f"{stem}-key.pem", encrypted_key_pem(key, self.password), f"{role}-key")


@dataclass(frozen=True)
class _Issuer:
    """A CA able to issue: its certificate, its key and the chain above it (for PKCS#12)."""

    cert: x509.Certificate
    key: PrivateKey
    chain: tuple[x509.Certificate, ...]


@dataclass(frozen=True)
class _Validity:
    """One generation run's clock: every certificate starts at ``start``."""

    now: dt.datetime
    start: dt.datetime

    def until(self, lifetime: dt.timedelta) -> dt.datetime:
        return self.now + lifetime


def create_demo_pki(
    directory: Path,
    *,
    algorithm: str = "ecdsa-p384",
    physicians: Sequence[DemoPhysician] = DEMO_PHYSICIANS,
    password: str = DEMO_PASSWORD,
    force: bool = False,
) -> DemoPki:
    """Create (or reuse) a demo PKI in ``directory``; see the module docstring.

    Idempotent: an existing PKI with the same algorithm, password and physicians that is
    valid for at least another 30 days is returned untouched, so the demo's trust store
    and registry stay stable across starts. ``force=True`` always regenerates.
    Raises ``ValueError`` for an unknown algorithm or a directory inside the repository.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown demo PKI algorithm {algorithm!r}; use one of {ALGORITHMS}")
    directory = Path(directory)
    _refuse_repository(directory)
    if not force:
        existing = _reusable(directory, algorithm, physicians, password)
        if existing is not None:
            return existing
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)

    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    validity = _Validity(now=now, start=now - CLOCK_SKEW)
    writer = _PkiWriter(directory, password)
    citizen_ca = _citizen_hierarchy(writer, algorithm, validity)
    for physician in physicians:
        _physician_identities(writer, algorithm, validity, citizen_ca, physician)
    _endpoint_hierarchy(writer, algorithm, validity)

    manifest = {
        "format": MANIFEST_FORMAT,
        "warning": "Demo material only: every key here is public. Never trust these CAs "
        "outside the fitnote-desktop demo.",
        "created": now.isoformat(),
        "algorithm": algorithm,
        "password": password,
        "physicians": [_manifest_physician(physician) for physician in physicians],
        "files": writer.files,
    }
    write_file(
        directory / MANIFEST_NAME,
        (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode(),
    )
    return _pki_from_manifest(directory, manifest)


def _citizen_hierarchy(writer: _PkiWriter, algorithm: str, validity: _Validity) -> _Issuer:
    """Root CA → citizen CA, as on the eID; returns the citizen CA, which issues physicians."""
    root_key = generate_key(algorithm)
    root = self_signed_ca(
        root_key, "fitnote Demo Belgium Root CA", validity.start, validity.until(CA_LIFETIME)
    )
    citizen_key = generate_key(algorithm)
    citizen = issue_certificate(
        subject=org_subject("fitnote Demo Citizen CA"),
        public_key=citizen_key.public_key(),
        issuer_name=root.subject,
        issuer_key=root_key,
        not_before=validity.start,
        not_after=validity.until(CA_LIFETIME),
        usage=key_usage("key_cert_sign", "crl_sign"),
        is_ca=True,
        path_length=0,
    )
    writer.put_ca("root-ca", "root-ca", root, root_key)
    writer.put_ca("citizen-ca", "citizen-ca", citizen, citizen_key)
    return _Issuer(citizen, citizen_key, (citizen, root))


def _physician_identities(
    writer: _PkiWriter,
    algorithm: str,
    validity: _Validity,
    issuer: _Issuer,
    physician: DemoPhysician,
) -> None:
    """The physician's authentication and signature key pairs, as PKCS#12 and PEM files."""
    for role, usage, ekus in (
        ("authentication", key_usage("digital_signature"), [ExtendedKeyUsageOID.CLIENT_AUTH]),
        ("signature", key_usage("content_commitment"), []),
    ):
        key = generate_key(algorithm)
        subject = eid_subject(physician, role.capitalize())
        cert = issue_certificate(
            subject=subject,
            public_key=key.public_key(),
            issuer_name=issuer.cert.subject,
            issuer_key=issuer.key,
            not_before=validity.start,
            not_after=validity.until(LEAF_LIFETIME),
            usage=usage,
            extended_usages=ekus,
        )
        stem = f"{_slug(physician.key)}-{role}"
        meta: _IdentityFileMeta = {
            "physician": physician.key,
            "niss": physician.niss,
            "subject": subject.rfc4514_string(),
        }
        writer.put(
            f"{stem}.p12",
            pkcs12_bytes(subject.rfc4514_string(), key, cert, issuer.chain, writer.password),
            f"{role}-pkcs12",
            **meta,
        )
        writer.put(f"{stem}.pem", cert_pem(cert), f"{role}-certificate", **meta)


def _manifest_physician(physician: DemoPhysician) -> dict[str, Any]:
    return {
        "key": physician.key,
        "given_name": physician.given_name,
        "family_name": physician.family_name,
        "niss": physician.niss,
        "riziv": physician.riziv,
    }


def _endpoint_hierarchy(writer: _PkiWriter, algorithm: str, validity: _Validity) -> None:
    """The sandbox endpoint's own CA, its TLS server certificate and its receipt signer."""
    ca_key = generate_key(algorithm)
    ca_cert = self_signed_ca(
        ca_key, "fitnote Demo Sandbox Endpoint CA", validity.start, validity.until(CA_LIFETIME)
    )
    writer.put_ca("endpoint-ca", "endpoint-ca", ca_cert, ca_key)
    endpoint_ca = _Issuer(ca_cert, ca_key, (ca_cert,))
    _endpoint_tls(writer, algorithm, validity, endpoint_ca)
    _endpoint_receipts(writer, algorithm, validity, endpoint_ca)


def _endpoint_tls(writer: _PkiWriter, algorithm: str, validity: _Validity, issuer: _Issuer) -> None:
    tls_key = generate_key(algorithm)
    tls_usages = ["digital_signature"]
    if isinstance(tls_key, rsa.RSAPrivateKey):
        tls_usages.append("key_encipherment")
    tls = issue_certificate(
        subject=org_subject("localhost"),
        public_key=tls_key.public_key(),
        issuer_name=issuer.cert.subject,
        issuer_key=issuer.key,
        not_before=validity.start,
        not_after=validity.until(TLS_LIFETIME),
        usage=key_usage(*tls_usages),
        extended_usages=[ExtendedKeyUsageOID.SERVER_AUTH],
        san=[
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ],
    )
    # Chain file (leaf + CA) so uvicorn/ssl serve the full chain; key unencrypted because
    # uvicorn is started non-interactively (demo material, mode 0600).
    writer.put("endpoint-tls.pem", cert_pem(tls, issuer.cert), "tls-certificate")
    writer.put("endpoint-tls-key.pem", plain_key_pem(tls_key), "tls-key")


def _endpoint_receipts(
    writer: _PkiWriter, algorithm: str, validity: _Validity, issuer: _Issuer
) -> None:
    receipt_key = generate_key(algorithm)
    receipt = issue_certificate(
        subject=org_subject("fitnote Sandbox Endpoint Receipts"),
        public_key=receipt_key.public_key(),
        issuer_name=issuer.cert.subject,
        issuer_key=issuer.key,
        not_before=validity.start,
        not_after=validity.until(LEAF_LIFETIME),
        usage=key_usage("digital_signature", "content_commitment"),
    )
    writer.put(
        "endpoint-receipt.p12",
        pkcs12_bytes("endpoint receipts", receipt_key, receipt, issuer.chain, writer.password),
        "receipt-pkcs12",
    )
    writer.put("endpoint-receipt.pem", cert_pem(receipt), "receipt-certificate")
