"""Differential tests of the direct SignerInfo check (``cms_check.accepts``) against
pyHanko's ``validate_sig_integrity``: the fast path may accept only what pyHanko accepts
(intact digest, valid signature, no error), on genuine signatures, on the tamper cases and
on generated mutations: byte flips, truncations, swapped attributes, another signer's
certificate. It must also accept the genuine signatures (or it would never be used)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from asn1crypto import cms, x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pyhanko.sign.general import extract_signer_info
from pyhanko.sign.validation.generic_cms import extract_self_reported_ts, validate_sig_integrity

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint.receipts import ReceiptSigner
from fitnote_desktop.signing import cms_check
from fitnote_desktop.signing.cms_build import DetachedCmsTemplate, raw_signer
from fitnote_desktop.transport.receipts import ReceiptError, verify_receipt
from fitnote_desktop.wire.receipts import Receipt

MOMENT = dt.datetime.now(dt.UTC).replace(microsecond=0)
PAYLOAD = Receipt("7d0c9b1e-5f2a-4c1e-9a53-0d1f2b3c4d5e", "ab" * 32, MOMENT, "accepted").to_bytes()


def _certificate(pem: Any) -> x509.Certificate:
    from fitnote_desktop.transport.receipts import load_certificate

    return load_certificate(pem.read_bytes())


def _pyhanko_accepts(cms_der: bytes, certificate: x509.Certificate, payload: bytes) -> bool:
    try:
        signed_data = cms.ContentInfo.load(cms_der)["content"]
        signer_info = extract_signer_info(signed_data)
        digest_name = signer_info["digest_algorithm"]["algorithm"].native
        digest = hashlib.new(digest_name, payload).digest()
        intact, valid = validate_sig_integrity(signer_info, certificate, "data", digest)
    except Exception:  # any error is a rejection
        return False
    return bool(intact and valid)


def _fast_accepts(cms_der: bytes, certificate: x509.Certificate, payload: bytes) -> bool:
    try:
        signer_info = extract_signer_info(cms.ContentInfo.load(cms_der)["content"])
    except Exception:
        return False
    return cms_check.accepts(signer_info, certificate, payload)


@pytest.fixture(scope="module")
def receipt(demo_pki: DemoPki) -> tuple[bytes, x509.Certificate]:
    signer = ReceiptSigner.from_pkcs12(demo_pki.receipt_p12, demo_pki.password)
    return signer.sign(Receipt.from_bytes(PAYLOAD)).signature, signer.certificate


@pytest.fixture(scope="module")
def document(demo_pki: DemoPki) -> tuple[bytes, x509.Certificate]:
    key, cert, others = pkcs12.load_key_and_certificates(
        demo_pki.physician("gp").signature_p12.read_bytes(), demo_pki.password.encode()
    )
    assert key is not None and cert is not None
    certificate = x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    chain = [x509.Certificate.load(o.public_bytes(serialization.Encoding.DER)) for o in others]
    template = DetachedCmsTemplate(certificate, chain, "sha384")
    return template.sign(PAYLOAD, raw_signer(key, "sha384"), MOMENT), certificate


def _agree(cms_der: bytes, certificate: x509.Certificate, payload: bytes = PAYLOAD) -> bool:
    fast = _fast_accepts(cms_der, certificate, payload)
    assert not fast or _pyhanko_accepts(cms_der, certificate, payload)
    return fast


def test_genuine_signatures_take_the_fast_path(
    receipt: tuple[bytes, x509.Certificate], document: tuple[bytes, x509.Certificate]
) -> None:
    assert _agree(*receipt) and _pyhanko_accepts(*receipt, PAYLOAD)
    assert _agree(*document) and _pyhanko_accepts(*document, PAYLOAD)


def test_tamper_cases_are_left_to_pyhanko(
    demo_pki: DemoPki,
    receipt: tuple[bytes, x509.Certificate],
    document: tuple[bytes, x509.Certificate],
) -> None:
    cms_der, certificate = receipt
    other = _certificate(demo_pki.physician("gp").signature_cert_pem)
    assert not _agree(cms_der, certificate, PAYLOAD + b" ")  # altered content
    assert not _agree(cms_der, other)  # another signer's certificate
    assert not _agree(document[0], certificate)  # a signature by another key
    assert not _agree(cms_der[:-7], certificate)  # truncated
    assert not _agree(b"\x30\x03\x02\x01\x01", certificate)  # garbage


def _swap_attribute(cms_der: bytes, donor_der: bytes, kind: str) -> bytes:
    """``cms_der`` with its ``kind`` signed attribute replaced by the donor's."""
    target = cms.ContentInfo.load(cms_der)
    donor = cms.ContentInfo.load(donor_der)
    donor_attrs = donor["content"]["signer_infos"][0]["signed_attrs"]
    replacement = next(a for a in donor_attrs if a["type"].native == kind)
    info = target["content"]["signer_infos"][0]
    attrs = [a if a["type"].native != kind else replacement for a in info["signed_attrs"]]
    info["signed_attrs"] = cms.CMSAttributes(attrs)
    return target.dump(force=True)


@pytest.mark.parametrize(
    "kind", ["message_digest", "cms_algorithm_protection", "signing_certificate_v2"]
)
def test_swapped_attributes_are_left_to_pyhanko(
    kind: str,
    receipt: tuple[bytes, x509.Certificate],
    document: tuple[bytes, x509.Certificate],
) -> None:
    cms_der, certificate = receipt
    assert not _agree(_swap_attribute(cms_der, document[0], kind), certificate)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_envelopes_never_accepted_against_pyhanko(
    data: st.DataObject,
    receipt: tuple[bytes, x509.Certificate],
    document: tuple[bytes, x509.Certificate],
) -> None:
    cms_der, certificate = data.draw(st.sampled_from([receipt, document]))
    mutation = data.draw(st.sampled_from(["flip", "truncate", "payload"]))
    payload = PAYLOAD
    if mutation == "flip":
        position = data.draw(st.integers(0, len(cms_der) - 1))
        value = data.draw(st.integers(0, 255).filter(lambda v: v != cms_der[position]))
        cms_der = cms_der[:position] + bytes([value]) + cms_der[position + 1 :]
    elif mutation == "truncate":
        cms_der = cms_der[: data.draw(st.integers(0, len(cms_der) - 1))]
    else:
        position = data.draw(st.integers(0, len(payload) - 1))
        payload = payload[:position] + bytes([payload[position] ^ 0x01]) + payload[position + 1 :]
    _agree(cms_der, certificate, payload)


def test_verify_receipt_still_rejects_every_tamper_case(
    receipt: tuple[bytes, x509.Certificate],
) -> None:
    cms_der, certificate = receipt
    assert verify_receipt(PAYLOAD, cms_der, certificate).payload_sha256 == "ab" * 32
    for payload, signature in [(PAYLOAD + b" ", cms_der), (PAYLOAD, cms_der[:-3])]:
        with pytest.raises(ReceiptError):
            verify_receipt(payload, signature, certificate)


def test_the_claimed_signing_time_is_pyhankos(
    receipt: tuple[bytes, x509.Certificate], document: tuple[bytes, x509.Certificate]
) -> None:
    for (cms_der, certificate), claimed in ((receipt, None), (document, MOMENT)):
        signer_info = extract_signer_info(cms.ContentInfo.load(cms_der)["content"])
        result = cms_check.accepted(signer_info.dump(), certificate.dump(), PAYLOAD)
        assert result is not None
        assert result.signing_time == extract_self_reported_ts(signer_info) == claimed


def _asn1crypto_moment(time: bytes) -> dt.datetime | None:
    try:
        native: dt.datetime = cms.Time.load(time, strict=True).native
    except ValueError:
        return None
    return native


_TIME_TEXT = st.one_of(
    st.text("0123456789", min_size=12, max_size=12).map(lambda t: t + "Z"),
    st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2049, 12, 31, 23, 59, 59)).map(
        lambda d: d.strftime("%y%m%d%H%M%SZ")
    ),
    st.text("0123456789Z+-.\n٣", min_size=10, max_size=19),
).map(str.encode)


@given(
    tag=st.sampled_from([0x17, 0x18]),
    text=_TIME_TEXT | st.binary(min_size=10, max_size=19),
)
@example(tag=0x17, text=b"491231235959Z")  # the last year of UTCTime's century window
@example(tag=0x17, text=b"500101000000Z")  # its first
@example(tag=0x17, text=b"000229120000Z")  # 2000 was a leap year
@example(tag=0x17, text=b"990229120000Z")  # 1999 was not
@example(tag=0x17, text=b"261130246000Z")  # no hour 24
def test_signing_times_read_directly_are_asn1cryptos(tag: int, text: bytes) -> None:
    """``cms_check.moment_of`` reads the usual UTCTime itself: on generated times (valid
    ones, impossible dates, other lengths, offsets, fractions, other digits, any bytes)
    it gives asn1crypto's moment, and refuses (``ValueError``) what asn1crypto refuses."""
    time = bytes((tag, len(text))) + text
    expected = _asn1crypto_moment(time)
    if expected is None:
        with pytest.raises(ValueError):
            cms_check.moment_of(time)
    else:
        moment = cms_check.moment_of(time)
        assert moment == expected and moment.tzinfo == expected.tzinfo
        assert moment.utcoffset() == expected.utcoffset()


def test_the_usual_utc_time_is_read_without_asn1crypto(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast read is taken for what ``cms_build`` writes (a differential test that
    never took it would prove nothing)."""
    monkeypatch.setattr(cms_check.cms.Time, "load", None)
    assert cms_check.moment_of(b"\x17\x0d491231235959Z") == dt.datetime(
        2049, 12, 31, 23, 59, 59, tzinfo=dt.UTC
    )
    assert cms_check.moment_of(b"\x17\x0d500101000000Z").year == 1950
