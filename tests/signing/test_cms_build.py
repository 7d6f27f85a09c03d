"""The template-built CMS (``cms_build``) against pyHanko's own: same structure, and
pyHanko's validator accepts it. Receipts (endpoint key, no signing time) and documents
(physician keys, with signing time; ECDSA and RSA)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest
from asn1crypto import cms, keys, x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint.receipts import ReceiptSigner
from fitnote_desktop.signing.cms_build import DetachedCmsTemplate, raw_signer
from fitnote_desktop.wire.receipts import Receipt

MOMENT = dt.datetime.now(dt.UTC).replace(microsecond=0)  # the demo PKI is made today


def _without_signature(cms_der: bytes) -> dict[str, Any]:
    """The SignedData as native values with the (randomised) signature value removed."""
    signed_data = cms.ContentInfo.load(cms_der)["content"].native
    for info in signed_data["signer_infos"]:
        info.pop("signature")
    return dict(signed_data)


def _attribute_types(cms_der: bytes) -> list[str]:
    signer_info = cms.ContentInfo.load(cms_der)["content"]["signer_infos"][0]
    return [attribute["type"].native for attribute in signer_info["signed_attrs"]]


def _pyhanko_validates(payload: bytes, cms_der: bytes, roots: list[Any]) -> bool:
    context = ValidationContext(
        trust_roots=roots, moment=MOMENT, allow_fetching=False, revocation_mode="soft-fail"
    )
    signed_data = cms.ContentInfo.load(cms_der)["content"]
    status = asyncio.run(
        async_validate_detached_cms(payload, signed_data, signer_validation_context=context)
    )
    return bool(status.intact and status.valid and status.trusted)


def _load_p12(path: Any, password: str = DEMO_PASSWORD) -> tuple[Any, Any, list[Any]]:
    key, cert, others = pkcs12.load_key_and_certificates(path.read_bytes(), password.encode())
    assert key is not None and cert is not None
    as_asn1 = [x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in others]
    return key, x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)), as_asn1


def _reference(key: Any, cert: Any, chain: list[Any]) -> SimpleSigner:
    """pyHanko's signer as the app used it before the template (``embed_roots=True``)."""
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    store = SimpleCertificateStore()
    store.register_multiple(chain)
    return SimpleSigner(
        signing_cert=cert,
        signing_key=keys.PrivateKeyInfo.load(der_key),
        cert_registry=store,
        embed_roots=True,
    )


def test_receipt_is_pyhankos_structure_and_validates(demo_pki: DemoPki) -> None:
    signer = ReceiptSigner.from_pkcs12(demo_pki.receipt_p12, demo_pki.password)
    receipt = Receipt("7d0c9b1e-5f2a-4c1e-9a53-0d1f2b3c4d5e", "ab" * 32, MOMENT, "accepted")
    ours = signer.sign(receipt)
    key, cert, _ = _load_p12(demo_pki.receipt_p12, demo_pki.password)
    reference = _reference(key, cert, [])  # the receipt embeds its own certificate only
    theirs = asyncio.run(
        reference.async_sign_general_data(ours.receipt_bytes, "sha256", detached=True)
    ).dump()
    assert _without_signature(ours.signature) == _without_signature(theirs)
    assert _attribute_types(ours.signature) == _attribute_types(theirs)
    assert _pyhanko_validates(ours.receipt_bytes, ours.signature, demo_pki.endpoint_trust_roots())
    assert not _pyhanko_validates(
        ours.receipt_bytes + b" ", ours.signature, demo_pki.endpoint_trust_roots()
    )


@pytest.mark.parametrize("pki_name", ["demo_pki", "rsa_pki"])
def test_document_signature_is_pyhankos_structure_and_validates(
    pki_name: str, request: pytest.FixtureRequest, payload: bytes
) -> None:
    pki: DemoPki = request.getfixturevalue(pki_name)
    p12 = pki.physician("gp").signature_p12
    key, cert, chain = _load_p12(p12)
    digest = "sha384" if pki_name == "demo_pki" else "sha256"
    template = DetachedCmsTemplate(cert, chain, digest)
    ours = template.sign(payload, raw_signer(key, digest), MOMENT)

    reference = _reference(key, cert, chain)
    theirs = asyncio.run(
        reference.async_sign_general_data(
            payload,
            digest,
            detached=True,
            signed_attr_settings=PdfCMSSignedAttributes(signing_time=MOMENT),
        )
    ).dump()
    assert _without_signature(ours) == _without_signature(theirs)
    assert _attribute_types(ours) == _attribute_types(theirs)
    assert _pyhanko_validates(payload, ours, pki.citizen_trust_roots())


def test_long_content_gets_long_form_lengths(demo_pki: DemoPki) -> None:
    """Certificates push the SignedData past 127 and 255 bytes: multi-byte DER lengths."""
    key, cert, chain = _load_p12(demo_pki.physician("gp").signature_p12)
    cms_der = DetachedCmsTemplate(cert, chain, "sha384").sign(
        b"x" * 70_000, raw_signer(key, "sha384"), MOMENT
    )
    assert len(cms_der) > 256
    assert cms.ContentInfo.load(cms_der, strict=True)["content"]["version"].native == "v1"
    assert _pyhanko_validates(b"x" * 70_000, cms_der, demo_pki.citizen_trust_roots())


@pytest.mark.parametrize(
    "moment",
    [
        MOMENT,
        dt.datetime(1950, 1, 1, tzinfo=dt.UTC),
        dt.datetime(2049, 12, 31, 23, 59, 59, 999999, tzinfo=dt.UTC),
        dt.datetime(2026, 3, 29, 1, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    ],
)
def test_signing_time_attribute_is_asn1cryptos(moment: dt.datetime) -> None:
    """The hand-written signing-time attribute against asn1crypto's, byte for byte."""
    from asn1crypto import core
    from pyhanko.sign.general import simple_cms_attribute

    from fitnote_desktop.signing.cms_build import signing_time_attribute

    theirs = simple_cms_attribute("signing_time", cms.Time({"utc_time": core.UTCTime(moment)}))
    assert signing_time_attribute(moment) == theirs.dump()


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 1, 1),
        dt.datetime(1949, 12, 31, 23, 59, tzinfo=dt.UTC),
        dt.datetime(2050, 1, 1, tzinfo=dt.UTC),
    ],
    ids=["naive", "before-1950", "from-2050"],
)
def test_signing_time_attribute_refuses_what_asn1crypto_refuses(moment: dt.datetime) -> None:
    from asn1crypto import core

    from fitnote_desktop.signing.cms_build import signing_time_attribute

    with pytest.raises(ValueError):
        core.UTCTime(moment)
    with pytest.raises(ValueError):
        signing_time_attribute(moment)
