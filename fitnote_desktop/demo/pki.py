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
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypedDict

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from fitnote_desktop.demo import DEMO_PASSWORD, DEMO_PHYSICIANS, DemoPhysician
from fitnote_desktop.signing.certificates import load_certificate

Algorithm = Literal["ecdsa-p384", "rsa-2048"]
PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "fitnote-demo-pki/1"
ALGORITHMS: tuple[str, ...] = ("ecdsa-p384", "rsa-2048")

CA_LIFETIME = dt.timedelta(days=3650)
LEAF_LIFETIME = dt.timedelta(days=5 * 365)
TLS_LIFETIME = dt.timedelta(days=825)
# A PKI that expires sooner than this is regenerated rather than reused.
REUSE_MARGIN = dt.timedelta(days=30)
# Backdate notBefore a little: clocks of demo machines and containers drift.
CLOCK_SKEW = dt.timedelta(hours=1)

DEMO_ORG = "fitnote-desktop demo (not a real CA)"


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


# --------------------------------------------------------------------------- keys, names


def generate_key(algorithm: str) -> PrivateKey:
    if algorithm == "ecdsa-p384":
        return ec.generate_private_key(ec.SECP384R1())
    if algorithm == "rsa-2048":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    raise ValueError(f"unknown demo PKI algorithm {algorithm!r}; use one of {ALGORITHMS}")


def _hash_for(key: PrivateKey) -> hashes.SHA256 | hashes.SHA384:
    return hashes.SHA384() if isinstance(key, ec.EllipticCurvePrivateKey) else hashes.SHA256()


def eid_subject(physician: DemoPhysician, role: str) -> x509.Name:
    """Subject like a Belgian eID certificate; ``role`` is "Signature"/"Authentication"."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
            x509.NameAttribute(
                NameOID.COMMON_NAME, f"{physician.given_name} {physician.family_name} ({role})"
            ),
            x509.NameAttribute(NameOID.SURNAME, physician.family_name),
            x509.NameAttribute(NameOID.GIVEN_NAME, physician.given_name),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, physician.niss),
        ]
    )


def ca_subject(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_ORG),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


_NO_USAGE: dict[str, bool] = {
    "digital_signature": False,
    "content_commitment": False,
    "key_encipherment": False,
    "data_encipherment": False,
    "key_agreement": False,
    "key_cert_sign": False,
    "crl_sign": False,
    "encipher_only": False,
    "decipher_only": False,
}


def key_usage(*usages: str) -> x509.KeyUsage:
    """``key_usage("content_commitment")`` → a KeyUsage with just those bits set."""
    flags = dict(_NO_USAGE)
    for usage in usages:
        if usage not in flags:
            raise ValueError(f"unknown key usage {usage!r}")
        flags[usage] = True
    return x509.KeyUsage(**flags)


def issue_certificate(
    *,
    subject: x509.Name,
    public_key: Any,
    issuer_name: x509.Name,
    issuer_key: PrivateKey,
    not_before: dt.datetime,
    not_after: dt.datetime,
    usage: x509.KeyUsage,
    is_ca: bool = False,
    path_length: int | None = None,
    extended_usages: Sequence[x509.ObjectIdentifier] = (),
    san: Sequence[x509.GeneralName] = (),
    issuer_public_key: Any | None = None,
) -> x509.Certificate:
    """One certificate with the extensions RFC 5280 and pyHanko's path validation expect."""
    issuer_public = issuer_public_key or issuer_key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=path_length), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), critical=False
        )
    )
    if extended_usages:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage(list(extended_usages)), critical=False
        )
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(list(san)), critical=False)
    return builder.sign(issuer_key, _hash_for(issuer_key))


def self_signed_ca(
    key: PrivateKey, common_name: str, not_before: dt.datetime, not_after: dt.datetime
) -> x509.Certificate:
    name = ca_subject(common_name)
    return issue_certificate(
        subject=name,
        public_key=key.public_key(),
        issuer_name=name,
        issuer_key=key,
        not_before=not_before,
        not_after=not_after,
        usage=key_usage("key_cert_sign", "crl_sign"),
        is_ca=True,
        path_length=1,
    )


# --------------------------------------------------------------------------- writing files


def _write(path: Path, data: bytes, *, secret: bool = False) -> None:
    """Write atomically; key material readable by the owner only."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if secret else 0o644)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def cert_pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


def encrypted_key_pem(key: PrivateKey, password: str) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password.encode()),
    )


def pkcs12_bytes(
    name: str,
    key: PrivateKey,
    cert: x509.Certificate,
    chain: Iterable[x509.Certificate],
    password: str,
) -> bytes:
    """PKCS#12 with the chain, AES-256 + PBKDF2: what OpenSSL 3 and browsers read."""
    return pkcs12.serialize_key_and_certificates(
        name.encode(),
        key,
        cert,
        list(chain),
        serialization.BestAvailableEncryption(password.encode()),
    )


def load_private_key_pem(path: Path, password: str) -> PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password.encode())
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise ValueError(f"{path.name}: unsupported key type")
    return key


def load_pkcs12_file(
    path: Path, password: str
) -> tuple[PrivateKey, x509.Certificate, list[x509.Certificate]]:
    """Key, certificate and chain of a demo PKCS#12 file (cryptography objects)."""
    key, cert, chain = pkcs12.load_key_and_certificates(path.read_bytes(), password.encode())
    if cert is None or not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise ValueError(f"{path.name}: no supported key and certificate")
    return key, cert, list(chain)


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
    start = now - CLOCK_SKEW
    files: list[dict[str, Any]] = []

    def put(name: str, data: bytes, role: str, *, secret: bool = False, **extra: Any) -> Path:
        _write(directory / name, data, secret=secret)
        files.append(_file_entry(name, role, **extra))
        return directory / name

    # Citizen hierarchy
    root_key = generate_key(algorithm)
    root = self_signed_ca(root_key, "fitnote Demo Belgium Root CA", start, now + CA_LIFETIME)
    citizen_key = generate_key(algorithm)
    citizen = issue_certificate(
        subject=ca_subject("fitnote Demo Citizen CA"),
        public_key=citizen_key.public_key(),
        issuer_name=root.subject,
        issuer_key=root_key,
        not_before=start,
        not_after=now + CA_LIFETIME,
        usage=key_usage("key_cert_sign", "crl_sign"),
        is_ca=True,
        path_length=0,
    )
    put("root-ca.pem", cert_pem(root), "root-ca")
    put("root-ca-key.pem", encrypted_key_pem(root_key, password), "root-ca-key", secret=True)
    put("citizen-ca.pem", cert_pem(citizen), "citizen-ca")
    put(
        "citizen-ca-key.pem",
        encrypted_key_pem(citizen_key, password),
        "citizen-ca-key",
        secret=True,
    )

    credentials: dict[str, PhysicianCredentials] = {}
    manifest_physicians: list[dict[str, Any]] = []
    for physician in physicians:
        paths: dict[str, Path] = {}
        for role, usage, ekus in (
            ("authentication", key_usage("digital_signature"), [ExtendedKeyUsageOID.CLIENT_AUTH]),
            ("signature", key_usage("content_commitment"), []),
        ):
            key = generate_key(algorithm)
            subject = eid_subject(physician, role.capitalize())
            cert = issue_certificate(
                subject=subject,
                public_key=key.public_key(),
                issuer_name=citizen.subject,
                issuer_key=citizen_key,
                not_before=start,
                not_after=now + LEAF_LIFETIME,
                usage=usage,
                extended_usages=ekus,
            )
            stem = f"{_slug(physician.key)}-{role}"
            meta: _IdentityFileMeta = {
                "physician": physician.key,
                "niss": physician.niss,
                "subject": subject.rfc4514_string(),
            }
            paths[f"{role}-p12"] = put(
                f"{stem}.p12",
                pkcs12_bytes(subject.rfc4514_string(), key, cert, [citizen, root], password),
                f"{role}-pkcs12",
                secret=True,
                **meta,
            )
            paths[f"{role}-pem"] = put(f"{stem}.pem", cert_pem(cert), f"{role}-certificate", **meta)
        credentials[physician.key] = PhysicianCredentials(
            key=physician.key,
            given_name=physician.given_name,
            family_name=physician.family_name,
            niss=physician.niss,
            signature_p12=paths["signature-p12"],
            authentication_p12=paths["authentication-p12"],
            signature_cert_pem=paths["signature-pem"],
            authentication_cert_pem=paths["authentication-pem"],
        )
        manifest_physicians.append(
            {
                "key": physician.key,
                "given_name": physician.given_name,
                "family_name": physician.family_name,
                "niss": physician.niss,
                "riziv": physician.riziv,
            }
        )

    # Sandbox endpoint hierarchy
    endpoint_ca_key = generate_key(algorithm)
    endpoint_ca = self_signed_ca(
        endpoint_ca_key, "fitnote Demo Sandbox Endpoint CA", start, now + CA_LIFETIME
    )
    put("endpoint-ca.pem", cert_pem(endpoint_ca), "endpoint-ca")
    put(
        "endpoint-ca-key.pem",
        encrypted_key_pem(endpoint_ca_key, password),
        "endpoint-ca-key",
        secret=True,
    )
    tls_key = generate_key(algorithm)
    tls_usages = ["digital_signature"]
    if isinstance(tls_key, rsa.RSAPrivateKey):
        tls_usages.append("key_encipherment")
    tls = issue_certificate(
        subject=x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_ORG),
                x509.NameAttribute(NameOID.COMMON_NAME, "localhost"),
            ]
        ),
        public_key=tls_key.public_key(),
        issuer_name=endpoint_ca.subject,
        issuer_key=endpoint_ca_key,
        not_before=start,
        not_after=now + TLS_LIFETIME,
        usage=key_usage(*tls_usages),
        extended_usages=[ExtendedKeyUsageOID.SERVER_AUTH],
        san=[
            x509.DNSName("localhost"),
            x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ],
    )
    # Chain file (leaf + CA) so uvicorn/ssl serve the full chain; key unencrypted because
    # uvicorn is started non-interactively (demo material, mode 0600).
    put("endpoint-tls.pem", cert_pem(tls, endpoint_ca), "tls-certificate")
    put(
        "endpoint-tls-key.pem",
        tls_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        "tls-key",
        secret=True,
    )
    receipt_key = generate_key(algorithm)
    receipt_subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_ORG),
            x509.NameAttribute(NameOID.COMMON_NAME, "fitnote Sandbox Endpoint Receipts"),
        ]
    )
    receipt = issue_certificate(
        subject=receipt_subject,
        public_key=receipt_key.public_key(),
        issuer_name=endpoint_ca.subject,
        issuer_key=endpoint_ca_key,
        not_before=start,
        not_after=now + LEAF_LIFETIME,
        usage=key_usage("digital_signature", "content_commitment"),
    )
    put(
        "endpoint-receipt.p12",
        pkcs12_bytes("endpoint receipts", receipt_key, receipt, [endpoint_ca], password),
        "receipt-pkcs12",
        secret=True,
    )
    put("endpoint-receipt.pem", cert_pem(receipt), "receipt-certificate")

    manifest = {
        "format": MANIFEST_FORMAT,
        "warning": "Demo material only: every key here is public. Never trust these CAs "
        "outside the fitnote-desktop demo.",
        "created": now.isoformat(),
        "algorithm": algorithm,
        "password": password,
        "physicians": manifest_physicians,
        "files": files,
    }
    _write(
        directory / MANIFEST_NAME,
        (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode(),
    )
    return _pki_from_manifest(directory, manifest)
