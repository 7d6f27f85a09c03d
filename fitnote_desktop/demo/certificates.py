"""Certificate templates of the demo PKI: keys, eID-shaped subjects, CA and leaf issuance.

The builder (``pki.py``) and the tests that issue extra certificates under the demo CAs
(``tests/support``) share these, so every demo certificate carries the extensions
RFC 5280 and pyHanko's path validation expect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from fitnote_desktop.demo import DemoPhysician

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
ALGORITHMS: tuple[str, ...] = ("ecdsa-p384", "rsa-2048")

DEMO_ORG = "fitnote-desktop demo (not a real CA)"


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


def org_subject(common_name: str) -> x509.Name:
    """``C=BE, O=<demo organisation>, CN=common_name``: the demo CAs and endpoint certificates."""
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
    name = org_subject(common_name)
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
