"""What the endpoint trusts: document signatures and login certificates, as API codes.

The cryptography is the signing package's (``verify_detached``,
``verify_challenge_signature``); this module only maps its results to the endpoint's
documented error codes and adds the two checks that belong to a *receiver*: the claimed
signing time must exist and not lie in the future, and a login certificate must chain to
the trust store with digitalSignature at the moment of login.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from asn1crypto import x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import PathError, ValidationError

from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.signing import verify as sigverify
from fitnote_desktop.signing._core import run_sync

_SIGNATURE_CODES = {
    sigverify.MALFORMED: "submit.malformed",
    sigverify.DIGEST_MISMATCH: "submit.digest_mismatch",
    sigverify.INVALID: "submit.signature_invalid",
    sigverify.UNTRUSTED_CHAIN: "submit.untrusted_chain",
    sigverify.CERTIFICATE_EXPIRED: "submit.certificate_expired",
    sigverify.NO_NON_REPUDIATION: "submit.key_usage",
}


@dataclass(frozen=True)
class SignatureOk:
    signer_niss: str
    signing_time: datetime
    certificate: x509.Certificate


def check_document_signature(
    payload: bytes,
    cms_der: bytes,
    trust_roots: Sequence[x509.Certificate],
    *,
    now: datetime,
    skew: timedelta,
) -> SignatureOk:
    """Verify a document's detached CMS; raise :class:`ApiError` with the precise code.

    The certificate is checked at the claimed signing time (CAdES-BES has no trusted
    time): a certificate that expired after the physician signed offline is accepted,
    a signing time in the future is not.
    """
    result = sigverify.verify_detached(payload, cms_der, trust_roots)
    if not result.valid:
        code = _SIGNATURE_CODES.get(result.code or "", "submit.signature_invalid")
        raise ApiError(code, sigverify.DESCRIPTIONS.get(result.code or "", None))
    if result.signing_time is None:
        raise ApiError("submit.signing_time", "The signature carries no signing-time attribute.")
    if result.signing_time > now + skew:
        raise ApiError("submit.signing_time", "The signing time lies in the future.")
    if not result.signer_niss or result.signer_certificate is None:
        raise ApiError("submit.untrusted_chain", "The signer certificate carries no NISS.")
    return SignatureOk(result.signer_niss, result.signing_time, result.signer_certificate)


def check_login_certificate(
    cert: x509.Certificate,
    chain: Sequence[x509.Certificate],
    trust_roots: Sequence[x509.Certificate],
    *,
    now: datetime,
) -> str:
    """Validate an authentication certificate now; return its NISS or raise ``ApiError``.

    Every refusal of the validator (no path to the trust store, expired, revoked, or
    without digitalSignature, such as the non-repudiation certificate) is the caller's
    certificate's fault: ``auth.certificate_invalid``, never a ``server.error``.
    """
    context = ValidationContext(
        trust_roots=list(trust_roots),
        moment=now,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    validator = CertificateValidator(
        cert, intermediate_certs=list(chain), validation_context=context
    )
    try:
        run_sync(lambda: validator.async_validate_usage({"digital_signature"}))
    except (PathError, ValidationError, ValueError) as exc:
        raise ApiError(
            "auth.certificate_invalid", f"Certificate rejected ({type(exc).__name__})."
        ) from None
    niss = sigverify.certificate_niss(cert)
    if not niss:
        raise ApiError("auth.certificate_invalid", "The certificate carries no NISS.")
    return niss


def check_challenge_signature(
    cert: x509.Certificate, nonce: bytes, signature: bytes, algorithm: str | None
) -> None:
    if not sigverify.verify_challenge_signature(cert, nonce, signature, algorithm):
        raise ApiError("auth.signature_invalid")
