"""Reading certificate files into asn1crypto objects, the type pyHanko's validator takes.

Production code reads trust anchors and endpoint chains from files the user names (the
``verify`` command, a configured endpoint's chain); the demo PKI reads its own with the
same functions. PEM bundles and single DER files are both accepted.
"""

from __future__ import annotations

from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization


def load_certificate(path: Path) -> asn1_x509.Certificate:
    """Read one PEM or DER certificate as an asn1crypto object (pyHanko's type)."""
    return load_certificates(path)[0]


def load_certificates(path: Path) -> list[asn1_x509.Certificate]:
    """Read all certificates of a PEM bundle (or one DER file)."""
    data = path.read_bytes()
    if b"-----BEGIN" in data:
        certs = x509.load_pem_x509_certificates(data)
    else:
        certs = [x509.load_der_x509_certificate(data)]
    return [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in certs]
