"""Verification of detached CMS signatures and of login-challenge signatures.

Used by the sandbox endpoint (every incoming document), by the app (receipts, its own
signatures before sending) and by ``fitnote-desktop verify``. The cryptographic and PKIX
work is pyHanko's generic CMS validation (``async_validate_detached_cms`` with a
certvalidator ``ValidationContext`` holding only the given trust roots, no fetching);
this module turns its status into one flat result with one code per kind of failure.

The fast path (issue 14): a document whose CMS has the shape ``cms_build`` writes
(``cms_shape``), whose signer and certificates pyHanko already validated against the
same trust anchors (``chain_cache``), at a moment inside that path's validity window,
with the signature and signed attributes accepted by ``cms_check``, is valid without
pyHanko: one signature check instead of a path build. The fast path can only accept;
every other document, and every refusal with its code, goes through pyHanko's full
validation, whose valid verdicts fill the cache. ``tests/signing/test_verify_fast_path.py``
shows that both give the same result on every tamper case and on generated mutations.

Which moment is the certificate checked at? The moment is ``at`` when given; otherwise
the signature's own signing-time attribute (the signer's claim), falling back to now.
CAdES-BES has no trusted time, so a verifier that receives a document *now* (the
endpoint) should pass ``at=now`` or compare ``signing_time`` with its receive time; one
that re-checks an archived document years later relies on the claimed signing time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from asn1crypto import cms, x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.general import CMSExtractionError, CMSStructuralError
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.generic_cms import (
    async_validate_detached_cms,
    extract_self_reported_ts,
)
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import InvalidCertificateError

from fitnote_desktop.signing import cms_check
from fitnote_desktop.signing._core import run_sync
from fitnote_desktop.signing.chain_cache import ChainCache, ValidatedChain, chain_key
from fitnote_desktop.signing.cms_shape import split_detached

MALFORMED = "signature.malformed"
DIGEST_MISMATCH = "signature.digest_mismatch"
INVALID = "signature.invalid"
UNTRUSTED_CHAIN = "signature.untrusted_chain"
CERTIFICATE_EXPIRED = "signature.certificate_expired"
NO_NON_REPUDIATION = "signature.no_non_repudiation"

# Order of ``codes`` (and so which one is ``code``): structure, then content, then trust.
CODE_ORDER = (
    MALFORMED,
    DIGEST_MISMATCH,
    INVALID,
    UNTRUSTED_CHAIN,
    CERTIFICATE_EXPIRED,
    NO_NON_REPUDIATION,
)

DESCRIPTIONS = {
    MALFORMED: "the signature is not a readable detached CMS SignedData",
    DIGEST_MISMATCH: "the document does not match the signed digest (it was altered)",
    INVALID: "the cryptographic signature does not verify",
    UNTRUSTED_CHAIN: "the signer's certificate does not chain to a trusted root",
    CERTIFICATE_EXPIRED: "a certificate was not valid at the signing time",
    NO_NON_REPUDIATION: "the signer's certificate is not a signature (nonRepudiation) certificate",
}

_TIME_FAILURES = {
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
    AdESIndeterminate.EXPIRED,
    AdESIndeterminate.NOT_YET_VALID,
    AdESIndeterminate.CERTIFICATE_CHAIN_GENERAL_FAILURE,  # e.g. notBefore in the future
}
_CRYPTO_FAILURES = {
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
    AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
}


@dataclass(frozen=True)
class VerificationResult:
    """Outcome of ``verify_detached``.

    ``valid`` is true when ``codes`` is empty; ``code`` is the first failure in
    ``CODE_ORDER``. A ``*_ok`` flag is true only when that check ran and passed: after a
    malformed CMS nothing ran, and after a bad signature pyHanko does not evaluate the
    chain, so ``chain_ok`` stays false there without adding ``untrusted_chain``.
    ``non_repudiation_ok`` is always computed when a certificate was found, even when
    ``require_non_repudiation`` is false (then it is reported, not enforced).
    """

    valid: bool
    code: str | None
    codes: tuple[str, ...]
    digest_ok: bool = False
    signature_ok: bool = False
    chain_ok: bool = False
    time_ok: bool = False
    non_repudiation_ok: bool = False
    signer_niss: str | None = None
    signer_subject: str = ""
    signing_time: dt.datetime | None = None
    signer_certificate: x509.Certificate | None = field(default=None, compare=False)

    @property
    def description(self) -> str:
        """English one-liner for logs and the CLI (the UI translates ``code``)."""
        if self.valid:
            return "valid signature"
        return DESCRIPTIONS.get(self.code or "", self.code or "invalid")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``verify --json``, endpoint error bodies)."""
        return {
            "valid": self.valid,
            "code": self.code,
            "codes": list(self.codes),
            "digest_ok": self.digest_ok,
            "signature_ok": self.signature_ok,
            "chain_ok": self.chain_ok,
            "time_ok": self.time_ok,
            "non_repudiation_ok": self.non_repudiation_ok,
            "signer_niss": self.signer_niss,
            "signer_subject": self.signer_subject,
            "signing_time": self.signing_time.isoformat() if self.signing_time else None,
        }


def _failed(code: str, **kwargs: Any) -> VerificationResult:
    return VerificationResult(valid=False, code=code, codes=(code,), **kwargs)


def certificate_niss(cert: x509.Certificate) -> str | None:
    """The holder's national number: the subject ``serialNumber``, as on an eID."""
    value = cert.subject.native.get("serial_number")
    return str(value) if value else None


def _valid_at(cert: x509.Certificate, moment: dt.datetime) -> bool:
    validity = cert["tbs_certificate"]["validity"]
    return bool(validity["not_before"].native <= moment <= validity["not_after"].native)


def has_non_repudiation(cert: x509.Certificate) -> bool:
    try:
        KeyUsageConstraints(key_usage={"non_repudiation"}).validate(cert)
    except InvalidCertificateError:
        return False
    return True


def _parse(cms_der: bytes) -> cms.SignedData:
    """Load the CMS and touch the fields everything else relies on, so that garbage and
    truncation fail here. (asn1crypto parses lazily; a full ``.native`` walk would cost
    more than the whole validation, and later parse errors are caught as well.)"""
    content_info = cms.ContentInfo.load(bytes(cms_der), strict=True)
    if content_info["content_type"].native != "signed_data":
        raise ValueError("not a SignedData")
    signed_data = content_info["content"]
    (signer_info,) = signed_data["signer_infos"]
    _ = signer_info["digest_algorithm"]["algorithm"].native
    _ = signer_info["signature_algorithm"]["algorithm"].native
    _ = [attr["type"].native for attr in signer_info["signed_attrs"]]
    _ = [cert.chosen["tbs_certificate"]["subject"] for cert in signed_data["certificates"]]
    return signed_data


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A naive moment is taken as UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


CHAIN_CACHE = ChainCache()
"""The process's validated signer paths: the endpoint verifies every document through it."""


def verify_detached(
    payload: bytes,
    cms_der: bytes,
    trust_roots: Sequence[x509.Certificate],
    *,
    require_non_repudiation: bool = True,
    at: dt.datetime | None = None,
    chain_cache: ChainCache | None = CHAIN_CACHE,
) -> VerificationResult:
    """Verify a detached CMS signature over ``payload`` against ``trust_roots`` only.

    Never raises for bad input: every failure is a code in the result. Revocation is
    not checked (the demo PKI publishes no CRL/OCSP; pyHanko runs in soft-fail mode).
    ``chain_cache`` remembers the paths pyHanko validated, for the fast path; ``None``
    runs pyHanko's full validation every time (the reference of the differential tests).
    """
    at = _aware(at)
    if chain_cache is not None:
        fast = fast_verdict(payload, cms_der, trust_roots, chain_cache, require_non_repudiation, at)
        if fast is not None:
            return fast
    result, chain = _full_verdict(payload, cms_der, trust_roots, require_non_repudiation, at)
    if chain_cache is not None and chain is not None:
        parts = split_detached(cms_der)
        if parts is not None:
            chain_cache.put(chain_key(parts.constant, trust_roots), chain)
    return result


def fast_verdict(
    payload: bytes,
    cms_der: bytes,
    trust_roots: Sequence[x509.Certificate],
    chain_cache: ChainCache,
    require_non_repudiation: bool = True,
    at: dt.datetime | None = None,
) -> VerificationResult | None:
    """The fast path alone: the valid result when the CMS has the recognised shape, its
    signer's path is in ``chain_cache`` and valid at the document's moment, and the
    signature checks out directly; ``None`` means "ask pyHanko"."""
    at = _aware(at)
    parts = split_detached(cms_der)
    if parts is None:
        return None
    chain = chain_cache.get(chain_key(parts.constant, trust_roots))
    if chain is None or (require_non_repudiation and not chain.non_repudiation):
        return None
    accepted = cms_check.accepted(parts.signer_info, chain.certificate_der, payload)
    if accepted is None:
        return None
    claimed_time = accepted.signing_time
    if not chain.valid_at(at or claimed_time or dt.datetime.now(dt.UTC)):
        return None
    certificate = x509.Certificate.load(chain.certificate_der)
    return VerificationResult(
        valid=True,
        code=None,
        codes=(),
        digest_ok=True,
        signature_ok=True,
        chain_ok=True,
        time_ok=True,
        non_repudiation_ok=chain.non_repudiation,
        signer_niss=chain.signer_niss,
        signer_subject=chain.signer_subject,
        signing_time=claimed_time,
        signer_certificate=certificate,
    )


def _full_verdict(
    payload: bytes,
    cms_der: bytes,
    trust_roots: Sequence[x509.Certificate],
    require_non_repudiation: bool,
    at: dt.datetime | None,
) -> tuple[VerificationResult, ValidatedChain | None]:
    """pyHanko's validation, and the validated path when signature, path and time are
    all good (whatever the key usage: that is a property of the certificate, cached)."""
    try:
        signed_data = _parse(cms_der)
        (signer_info,) = signed_data["signer_infos"]
        claimed_time = extract_self_reported_ts(signer_info)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return _failed(MALFORMED), None

    moment = at or claimed_time or dt.datetime.now(dt.UTC)
    context = ValidationContext(
        trust_roots=list(trust_roots),
        moment=moment,
        best_signature_time=moment,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )

    async def _validate() -> Any:
        return await async_validate_detached_cms(
            bytes(payload),
            signed_data,
            signer_validation_context=context,
            # Key usage is checked separately below so that a wrong certificate type
            # gets its own code instead of looking like a broken chain.
            key_usage_settings=KeyUsageConstraints(key_usage=set()),
        )

    try:
        status = run_sync(_validate)
    except SignatureValidationError as exc:
        if exc.ades_subindication == AdESFailure.FORMAT_FAILURE:
            return _failed(MALFORMED, signing_time=claimed_time), None
        return _failed(INVALID, signing_time=claimed_time), None
    except (CMSExtractionError, CMSStructuralError, ValueError, TypeError, KeyError, IndexError):
        return _failed(MALFORMED, signing_time=claimed_time), None
    except AttributeError:  # an algorithm pyHanko cannot map to a hash (unknown OID)
        return _failed(MALFORMED, signing_time=claimed_time), None

    cert: x509.Certificate = status.signing_cert
    indication = status.trust_problem_indic
    path = status.validation_path
    path_certs = list(path.iter_certs(include_root=True)) if path is not None else [cert]

    try:
        time_ok = all(_valid_at(c, moment) for c in path_certs)
        non_repudiation_ok = has_non_repudiation(cert)
        signer_niss = certificate_niss(cert)
        signer_subject = cert.subject.human_friendly
    except (ValueError, TypeError, KeyError):
        # pyHanko stopped before reading all of a certificate that is garbled (say, in
        # its validity): the CMS is unreadable, not a reason to raise.
        return _failed(MALFORMED, signing_time=claimed_time), None
    digest_ok = bool(status.intact)
    signature_ok = bool(status.valid) and indication not in _CRYPTO_FAILURES
    if not signature_ok:
        chain_ok = False  # pyHanko does not evaluate trust for a bad signature
    elif indication is None:
        chain_ok = True
    else:
        # A path was built and only time broke it: the chain itself is fine.
        chain_ok = path is not None and not time_ok and indication in _TIME_FAILURES

    codes: list[str] = []
    if not digest_ok:
        codes.append(DIGEST_MISMATCH)
    if not signature_ok:
        codes.append(INVALID)
    else:
        if not chain_ok:
            codes.append(UNTRUSTED_CHAIN)
        if not time_ok:
            codes.append(CERTIFICATE_EXPIRED)
    if require_non_repudiation and not non_repudiation_ok:
        codes.append(NO_NON_REPUDIATION)
    ordered = tuple(c for c in CODE_ORDER if c in codes)
    result = VerificationResult(
        valid=not ordered,
        code=ordered[0] if ordered else None,
        codes=ordered,
        digest_ok=digest_ok,
        signature_ok=signature_ok,
        chain_ok=chain_ok,
        time_ok=time_ok,
        non_repudiation_ok=non_repudiation_ok,
        signer_niss=signer_niss,
        signer_subject=signer_subject,
        signing_time=claimed_time,
        signer_certificate=cert,
    )
    validated = digest_ok and signature_ok and indication is None and time_ok
    if not validated or path is None:
        return result, None
    chain = ValidatedChain.of_path(
        cert, path_certs, non_repudiation=non_repudiation_ok, signer_niss=signer_niss
    )
    return result, chain


def verify_challenge_signature(
    cert: x509.Certificate,
    nonce: bytes,
    signature: bytes,
    algorithm: str | None = None,
) -> bool:
    """Check an ``Authenticator.sign_challenge`` signature (the endpoint's login step).

    ``algorithm`` is the authenticator's ``algorithm``; when given it must match the key
    type (``sha256_ecdsa`` for EC, ``sha256_rsa`` for RSA). Only the signature is
    checked here: the endpoint must also validate ``cert`` (chain, digitalSignature key
    usage) and that the nonce is one it issued and has not seen before.
    """
    try:
        public_key = load_der_public_key(cert.public_key.dump())
        if isinstance(public_key, ec.EllipticCurvePublicKey):
            if algorithm not in (None, "sha256_ecdsa"):
                return False
            public_key.verify(bytes(signature), bytes(nonce), ec.ECDSA(hashes.SHA256()))
            return True
        if isinstance(public_key, rsa.RSAPublicKey):
            if algorithm not in (None, "sha256_rsa"):
                return False
            public_key.verify(bytes(signature), bytes(nonce), padding.PKCS1v15(), hashes.SHA256())
            return True
    except (InvalidSignature, ValueError, TypeError):
        return False
    return False
