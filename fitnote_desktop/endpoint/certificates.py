"""Certificates as the endpoint receives them: PEM (one or a bundle) or DER bytes.

Used for the configured trust store and receipt certificate and for the login
certificate a client sends; asn1crypto objects, which is what pyHanko validates.
"""

from __future__ import annotations

from pathlib import Path

from asn1crypto import pem, x509


def parse_certificates(raw: bytes) -> tuple[x509.Certificate, ...]:
    """All certificates of PEM bytes, or the one certificate of DER bytes."""
    if pem.detect(raw):
        return tuple(x509.Certificate.load(der) for _, _, der in pem.unarmor(raw, multiple=True))
    return (x509.Certificate.load(raw),)


def parse_certificate(raw: bytes) -> x509.Certificate:
    """One certificate from PEM or DER bytes (the first of a PEM bundle)."""
    if pem.detect(raw):
        _, _, raw = pem.unarmor(raw)
    return x509.Certificate.load(raw)


def load_certificates(path: Path) -> tuple[x509.Certificate, ...]:
    """All certificates of a PEM bundle file (or one DER certificate)."""
    return parse_certificates(Path(path).read_bytes())
