"""Differential tests of the verification fast path (``verify.fast_verdict`` with the
validated-path cache) against pyHanko's full validation (``chain_cache=None``).

For every tamper case of tests/signing and tests/endpoint, and for generated mutations
of genuine envelopes, the result through a cold cache, through a cache warmed by a valid
document of the same physician, and a second time (after the case itself may have filled
the cache) must equal pyHanko's result field for field (validity, every code, every
flag, signer, signing time). The fast path on its own may only ever accept, and only
what pyHanko accepts; it must accept genuine documents once their path is known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms, core, x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import signing as sig_support

from fitnote_desktop.demo.keyfiles import load_pkcs12_file
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint import trust
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.signing import verify
from fitnote_desktop.signing.chain_cache import ChainCache
from fitnote_desktop.signing.cms_build import DetachedCmsTemplate, raw_signer
from fitnote_desktop.signing.pkcs12 import Pkcs12DocumentSigner
from fitnote_desktop.signing.verify import VerificationResult, fast_verdict, verify_detached

PAYLOAD = b'{"id":"7d0c9b1e","schema":"fitnote/1","text":"fast path"}'
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)


def _asn1(cert: Any) -> x509.Certificate:
    return x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


@dataclass
class Identity:
    """A key with its certificate chain, signing CMS exactly as the application does."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: list[x509.Certificate]
    template: DetachedCmsTemplate = field(init=False)

    def __post_init__(self) -> None:
        self.template = DetachedCmsTemplate(self.certificate, self.chain, "sha384")

    @classmethod
    def from_p12(cls, p12: Path, password: str) -> Identity:
        key, cert, chain = load_pkcs12_file(p12, password)
        assert isinstance(key, ec.EllipticCurvePrivateKey)
        return cls(key, _asn1(cert), [_asn1(c) for c in chain])

    def sign(self, payload: bytes = PAYLOAD, signing_time: dt.datetime | None = NOW) -> bytes:
        return self.template.sign(payload, raw_signer(self.key, "sha384"), signing_time)

    def resign(self, cms_der: bytes, edit: Callable[[list[cms.CMSAttribute]], Any]) -> bytes:
        """``cms_der`` with its signed attributes edited and signed again with this key
        (``edit`` changes the list in place; ``VOID`` in it means: no signed attributes,
        the signature then covers the payload itself)."""
        content_info = cms.ContentInfo.load(cms_der)
        info = content_info["content"]["signer_infos"][0]
        attributes = list(info["signed_attrs"])
        edit(attributes)
        if core.VOID in attributes:
            info["signed_attrs"] = None
            to_sign = PAYLOAD
        else:
            info["signed_attrs"] = cms.CMSAttributes(attributes)
            to_sign = info["signed_attrs"].untag().dump(force=True)
        info["signature"] = self.key.sign(to_sign, ec.ECDSA(hashes.SHA384()))
        return bytes(content_info.dump(force=True))


@pytest.fixture(scope="module")
def gp(demo_pki: DemoPki) -> Identity:
    return Identity.from_p12(demo_pki.physician("gp").signature_p12, demo_pki.password)


@pytest.fixture(scope="module")
def specialist(demo_pki: DemoPki) -> Identity:
    return Identity.from_p12(demo_pki.physician("specialist").signature_p12, demo_pki.password)


def _reference(
    payload: bytes, cms_der: bytes, roots: Sequence[x509.Certificate], **kw: Any
) -> VerificationResult:
    return verify_detached(payload, cms_der, roots, chain_cache=None, **kw)


def _agrees(
    payload: bytes,
    cms_der: bytes,
    roots: Sequence[x509.Certificate],
    cache: ChainCache,
    **kw: Any,
) -> VerificationResult:
    """pyHanko's result, after checking that the fast path and the cached verification
    give exactly that result."""
    reference = _reference(payload, cms_der, roots, **kw)
    fast = fast_verdict(payload, cms_der, roots, cache, **kw)
    assert fast is None or (reference.valid and fast == reference), (fast, reference)
    assert verify_detached(payload, cms_der, roots, chain_cache=cache, **kw) == reference
    return reference


def _warm(gp: Identity, roots: Sequence[x509.Certificate]) -> ChainCache:
    """A cache that knows the GP's path: one of their genuine documents went through."""
    cache = ChainCache()
    assert verify_detached(
        b"another document", gp.sign(b"another document"), roots, chain_cache=cache
    ).valid
    assert len(cache) == 1
    return cache


# --------------------------------------------------------------------------- tamper cases

Case = tuple[bytes, bytes, list[x509.Certificate], dict[str, Any]]
Tamper = Callable[[DemoPki, Identity, Identity, Path], Case]


def _sign_p12(p12: Path, password: str, payload: bytes = PAYLOAD) -> bytes:
    return Pkcs12DocumentSigner(p12, sig_support.fixed_pin(password)).sign_detached(payload)


def _genuine(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, gp.sign(), pki.citizen_trust_roots(), {}


def _flipped_payload(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return sig_support.flip_byte(PAYLOAD), gp.sign(), pki.citizen_trust_roots(), {}


def _digest_of_other_document(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, gp.sign(PAYLOAD + b" "), pki.citizen_trust_roots(), {}


def _other_key(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    forged = sig_support.resign_with_other_key(
        gp.sign(), pki.physician("specialist").signature_p12, pki.password
    )
    return PAYLOAD, forged, pki.citizen_trust_roots(), {}


def _authentication_key(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    cms_der = _sign_p12(pki.physician("gp").authentication_p12, pki.password)
    return PAYLOAD, cms_der, pki.citizen_trust_roots(), {}


def _authentication_key_allowed(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    payload, cms_der, roots, _ = _authentication_key(pki, gp, sp, tmp)
    return payload, cms_der, roots, {"require_non_repudiation": False}


def _expired(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    p12 = sig_support.make_expired_signature_p12(pki, tmp / "expired.p12")
    return PAYLOAD, _sign_p12(p12, pki.password), pki.citizen_trust_roots(), {}


def _not_yet_valid(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    p12 = sig_support.issue_test_signature_p12(
        pki, tmp / "future.p12", not_before=NOW + dt.timedelta(days=1)
    )
    return PAYLOAD, _sign_p12(p12, pki.password), pki.citizen_trust_roots(), {}


def _untrusted_root(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    foreign = sig_support.make_foreign_signature_p12(tmp)
    cms_der = _sign_p12(foreign.p12, foreign.password)
    return PAYLOAD, cms_der, pki.citizen_trust_roots(), {}


def _no_trust_roots(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, gp.sign(), [], {}


def _endpoint_roots(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, gp.sign(), pki.endpoint_trust_roots(), {}


def _signing_time_ahead(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    """Within the validity: valid here; the endpoint refuses it (see below)."""
    return PAYLOAD, gp.sign(signing_time=NOW + dt.timedelta(hours=2)), pki.citizen_trust_roots(), {}


def _signing_time_after_expiry(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    after = NOW + dt.timedelta(days=20 * 365)
    return PAYLOAD, gp.sign(signing_time=after), pki.citizen_trust_roots(), {}


def _signing_time_before_issue(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    before = NOW - dt.timedelta(days=30)
    return PAYLOAD, gp.sign(signing_time=before), pki.citizen_trust_roots(), {}


def _checked_after_expiry(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    later = NOW + dt.timedelta(days=20 * 365)
    return PAYLOAD, gp.sign(), pki.citizen_trust_roots(), {"at": later}


def _no_signing_time(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, gp.sign(signing_time=None), pki.citizen_trust_roots(), {}


def _without(kind: str) -> Callable[[list[cms.CMSAttribute]], None]:
    def edit(attributes: list[cms.CMSAttribute]) -> None:
        attributes[:] = [a for a in attributes if a["type"].native != kind]

    return edit


def _no_signed_attributes(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    unsigned = gp.resign(gp.sign(), lambda attributes: attributes.append(core.VOID))
    return PAYLOAD, unsigned, pki.citizen_trust_roots(), {}


def _no_message_digest(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    cms_der = gp.resign(gp.sign(), _without("message_digest"))
    return PAYLOAD, cms_der, pki.citizen_trust_roots(), {}


def _no_content_type(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    cms_der = gp.resign(gp.sign(), _without("content_type"))
    return PAYLOAD, cms_der, pki.citizen_trust_roots(), {}


def _duplicate_message_digest(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    def edit(attributes: list[cms.CMSAttribute]) -> None:
        attributes.extend(a for a in list(attributes) if a["type"].native == "message_digest")

    return PAYLOAD, gp.resign(gp.sign(), edit), pki.citizen_trust_roots(), {}


def _with_certificates(cms_der: bytes, certificates: list[x509.Certificate]) -> bytes:
    content_info = cms.ContentInfo.load(cms_der)
    content_info["content"]["certificates"] = cms.CertificateSet(
        [cms.CertificateChoices({"certificate": c}) for c in certificates]
    )
    return bytes(content_info.dump(force=True))


def _certificates_reordered(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    reordered = _with_certificates(gp.sign(), [*reversed(gp.chain), gp.certificate])
    return PAYLOAD, reordered, pki.citizen_trust_roots(), {}


def _certificate_of_other_signer(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    swapped = _with_certificates(gp.sign(), [sp.certificate, *gp.chain])
    return PAYLOAD, swapped, pki.citizen_trust_roots(), {}


def _signer_certificate_missing(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, _with_certificates(gp.sign(), gp.chain), pki.citizen_trust_roots(), {}


def _signed_by_other_physician(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, sp.sign(), pki.citizen_trust_roots(), {}


def _unsigned_attribute_added(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    content_info = cms.ContentInfo.load(gp.sign())
    info = content_info["content"]["signer_infos"][0]
    info["unsigned_attrs"] = cms.CMSAttributes(
        [cms.CMSAttribute({"type": "content_type", "values": ["data"]})]
    )
    return PAYLOAD, bytes(content_info.dump(force=True)), pki.citizen_trust_roots(), {}


def _garbled_ca_validity(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    """The embedded CA certificate's notBefore with a tag no Time has (found by
    hypothesis: reading that validity after pyHanko's verdict must not raise)."""
    ca = gp.chain[0]
    validity = ca["tbs_certificate"]["validity"].dump()
    garbled_ca = ca.dump().replace(validity, validity[:2] + b"\x00" + validity[3:])
    assert garbled_ca != ca.dump()
    return PAYLOAD, gp.sign().replace(ca.dump(), garbled_ca), pki.citizen_trust_roots(), {}


def _unknown_digest_algorithm(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    """SHA-384's OID with one byte changed in the SignerInfo (found by hypothesis:
    pyHanko cannot map it to a hash and raises AttributeError)."""
    content_info = cms.ContentInfo.load(gp.sign())
    info = content_info["content"]["signer_infos"][0]
    info["digest_algorithm"] = cms.DigestAlgorithm({"algorithm": "2.16.0.72.1.101.3.4.2.2"})
    return PAYLOAD, bytes(content_info.dump(force=True)), pki.citizen_trust_roots(), {}


def _trailing_byte(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, gp.sign() + b"\x00", pki.citizen_trust_roots(), {}


def _truncated(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, sig_support.truncate(gp.sign()), pki.citizen_trust_roots(), {}


def _garbage(pki: DemoPki, gp: Identity, sp: Identity, tmp: Path) -> Case:
    return PAYLOAD, b"\x30\x03\x02\x01\x01", pki.citizen_trust_roots(), {}


TAMPER_CASES: list[tuple[Tamper, str | None]] = [
    (_genuine, None),
    (_flipped_payload, "signature.digest_mismatch"),
    (_digest_of_other_document, "signature.digest_mismatch"),
    (_other_key, "signature.invalid"),
    (_authentication_key, "signature.no_non_repudiation"),
    (_authentication_key_allowed, None),
    (_expired, "signature.certificate_expired"),
    (_not_yet_valid, "signature.certificate_expired"),
    (_untrusted_root, "signature.untrusted_chain"),
    (_no_trust_roots, "signature.untrusted_chain"),
    (_endpoint_roots, "signature.untrusted_chain"),
    (_signing_time_ahead, None),
    (_signing_time_after_expiry, "signature.certificate_expired"),
    (_signing_time_before_issue, "signature.certificate_expired"),
    (_checked_after_expiry, "signature.certificate_expired"),
    (_no_signing_time, None),
    (_no_signed_attributes, None),  # a bare signature over the content: valid CMS
    (_no_message_digest, "signature.invalid"),
    (_no_content_type, "signature.malformed"),
    (_duplicate_message_digest, "signature.invalid"),
    (_certificates_reordered, None),
    (_certificate_of_other_signer, "signature.invalid"),
    (_signer_certificate_missing, "signature.invalid"),
    (_signed_by_other_physician, None),
    (_unsigned_attribute_added, None),
    (_garbled_ca_validity, "signature.malformed"),
    (_unknown_digest_algorithm, "signature.malformed"),
    (_trailing_byte, "signature.malformed"),
    (_truncated, "signature.malformed"),
    (_garbage, "signature.malformed"),
]


@pytest.mark.parametrize(
    ("tamper", "code"), TAMPER_CASES, ids=[t.__name__.strip("_") for t, _ in TAMPER_CASES]
)
def test_tamper_case_gives_pyhankos_result_cold_and_warm(
    tamper: Tamper,
    code: str | None,
    demo_pki: DemoPki,
    gp: Identity,
    specialist: Identity,
    tmp_path: Path,
) -> None:
    payload, cms_der, roots, kw = tamper(demo_pki, gp, specialist, tmp_path)
    warm = _warm(gp, demo_pki.citizen_trust_roots())
    for cache in (ChainCache(), warm, warm):  # cold; warm; after the case filled it
        reference = _agrees(payload, cms_der, roots, cache, **kw)
    assert reference.code == code, reference.codes


def test_genuine_documents_take_the_fast_path_once_the_path_is_known(
    demo_pki: DemoPki, gp: Identity
) -> None:
    roots = demo_pki.citizen_trust_roots()
    cache = ChainCache()
    cms_der = gp.sign()
    assert fast_verdict(PAYLOAD, cms_der, roots, cache) is None  # unknown path: pyHanko
    first = verify_detached(PAYLOAD, cms_der, roots, chain_cache=cache)
    fast = fast_verdict(PAYLOAD, gp.sign(), roots, cache)
    assert fast is not None and fast.valid and fast.signer_niss == first.signer_niss
    assert fast.signer_certificate is not None
    assert fast.signer_certificate.dump() == gp.certificate.dump()
    # Other trust anchors are another cache entry: the fast path does not apply.
    assert fast_verdict(PAYLOAD, cms_der, demo_pki.endpoint_trust_roots(), cache) is None


def test_the_cache_is_bounded_least_recently_used_out(demo_pki: DemoPki, gp: Identity) -> None:
    roots = demo_pki.citizen_trust_roots()
    cache = ChainCache(size=1)
    verify_detached(PAYLOAD, gp.sign(), roots, chain_cache=cache)
    assert fast_verdict(PAYLOAD, gp.sign(), roots, cache) is not None
    verify_detached(
        PAYLOAD, gp.sign(), [*roots, *demo_pki.endpoint_trust_roots()], chain_cache=cache
    )
    assert len(cache) == 1
    assert fast_verdict(PAYLOAD, gp.sign(), roots, cache) is None  # evicted


def test_the_endpoint_refuses_the_same_documents_cold_and_warm(
    demo_pki: DemoPki, gp: Identity, tmp_path: Path
) -> None:
    """``check_document_signature`` (the process-wide cache): same answer and code."""
    roots = demo_pki.citizen_trust_roots()
    skew = dt.timedelta(minutes=5)
    cases = [
        (PAYLOAD, gp.sign()),
        (PAYLOAD, gp.sign(signing_time=NOW + dt.timedelta(hours=2))),  # in the future
        (PAYLOAD, gp.sign(signing_time=None)),  # no signing time
        (sig_support.flip_byte(PAYLOAD), gp.sign()),
        _expired(demo_pki, gp, gp, tmp_path)[:2],
        _authentication_key(demo_pki, gp, gp, tmp_path)[:2],
    ]

    def outcome(payload: bytes, cms_der: bytes) -> str:
        try:
            trust.check_document_signature(payload, cms_der, roots, now=NOW, skew=skew)
        except ApiError as exc:
            return exc.code
        return "accepted"

    verify.CHAIN_CACHE.clear()
    cold = [(outcome(*case), len(verify.CHAIN_CACHE)) for case in cases]
    warm = [outcome(*case) for case in cases]
    assert (
        [code for code, _ in cold]
        == warm
        == [
            "accepted",
            "submit.signing_time",
            "submit.signing_time",
            "submit.digest_mismatch",
            "submit.certificate_expired",
            "submit.key_usage",
        ]
    )
    assert cold[0][1] == 1  # the first document's path was remembered


# --------------------------------------------------------------------------- generated


def _swap_attribute(cms_der: bytes, donor_der: bytes, kind: str) -> bytes:
    """``cms_der`` with its ``kind`` signed attribute replaced by the donor's."""
    target = cms.ContentInfo.load(cms_der)
    donor = cms.ContentInfo.load(donor_der)
    donor_attrs = donor["content"]["signer_infos"][0]["signed_attrs"]
    replacement = next((a for a in donor_attrs if a["type"].native == kind), None)
    info = target["content"]["signer_infos"][0]
    attrs = [a for a in info["signed_attrs"] if a["type"].native != kind]
    info["signed_attrs"] = cms.CMSAttributes([*attrs, *([replacement] if replacement else [])])
    return bytes(target.dump(force=True))


@pytest.fixture(scope="module")
def donors(demo_pki: DemoPki, gp: Identity, specialist: Identity) -> list[bytes]:
    """Signatures to take attributes from: another document and another moment of the
    GP, the specialist's, and an RSA/SHA-256 shaped one (the receipt key's)."""
    receipt = _sign_p12(demo_pki.receipt_p12, demo_pki.password)
    return [
        gp.sign(b"another document", NOW - dt.timedelta(minutes=3)),
        gp.sign(signing_time=None),
        specialist.sign(),
        receipt,
    ]


@pytest.fixture(scope="module")
def genuine(gp: Identity) -> bytes:
    """One signature for every example (ECDSA signatures vary in length: hypothesis
    needs the same sizes to replay an example)."""
    return gp.sign()


@pytest.fixture(scope="module")
def warm_cache(demo_pki: DemoPki, gp: Identity) -> ChainCache:
    return _warm(gp, demo_pki.citizen_trust_roots())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_envelopes_give_pyhankos_result(
    data: st.DataObject,
    demo_pki: DemoPki,
    gp: Identity,
    specialist: Identity,
    donors: list[bytes],
    genuine: bytes,
    warm_cache: ChainCache,
) -> None:
    cms_der = genuine
    payload = PAYLOAD
    mutation = data.draw(
        st.sampled_from(["flip", "truncate", "payload", "attribute", "certificate"])
    )
    if mutation == "flip":
        position = data.draw(st.integers(0, len(cms_der) - 1))
        value = data.draw(st.integers(0, 255).filter(lambda v: v != cms_der[position]))
        cms_der = cms_der[:position] + bytes([value]) + cms_der[position + 1 :]
    elif mutation == "truncate":
        cms_der = cms_der[: data.draw(st.integers(0, len(cms_der) - 1))]
    elif mutation == "payload":
        position = data.draw(st.integers(0, len(payload) - 1))
        payload = payload[:position] + bytes([payload[position] ^ 0x01]) + payload[position + 1 :]
    elif mutation == "attribute":
        kind = data.draw(
            st.sampled_from(
                [
                    "message_digest",
                    "signing_time",
                    "cms_algorithm_protection",
                    "signing_certificate_v2",
                    "content_type",
                ]
            )
        )
        cms_der = _swap_attribute(cms_der, data.draw(st.sampled_from(donors)), kind)
    else:
        signer = data.draw(st.sampled_from([specialist.certificate, gp.chain[0]]))
        cms_der = _with_certificates(cms_der, [signer, *gp.chain])
    _agrees(payload, cms_der, demo_pki.citizen_trust_roots(), warm_cache)
