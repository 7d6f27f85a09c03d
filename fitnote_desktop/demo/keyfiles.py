"""Demo key and certificate files: PEM, encrypted PKCS#8 and PKCS#12, written owner-only."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from fitnote_desktop.demo.certificates import PrivateKey


def write_file(path: Path, data: bytes) -> None:
    """Write atomically, readable by the owner only from the start (0600).

    Certificates are public, but every file of the demo sandbox is created private like
    a profile's: nothing on the laptop is left world-readable, even for a moment.
    """
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
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


def plain_key_pem(key: PrivateKey) -> bytes:
    """Unencrypted PKCS#8: for the TLS key, which a server started non-interactively reads."""
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
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
