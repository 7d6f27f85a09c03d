"""The template-built CMS of a PAdES signature (``documents.pades_cms``) against
pyHanko's own for the same signer and digest: the same structure field by field, and a
signed copy that pyHanko and poppler validate. ECDSA (the demo's P-384) and RSA keys;
requests of another shape go to pyHanko unchanged."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from asn1crypto import cms
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.documents.copies import render
from fitnote_desktop.documents.pades import sign_pdf
from fitnote_desktop.documents.pades_cms import TemplatePadesSigner
from fitnote_desktop.domain.model import Document, Recipient

from .conftest import pdfsig

DIGEST = hashlib.sha256(b"the byte ranges of a copy").digest()


@pytest.fixture(scope="module")
def rsa_pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    from support import signing as sig_support

    return sig_support.build_demo_pki(tmp_path_factory.mktemp("pki-rsa"), algorithm="rsa-2048")


@pytest.fixture(scope="module")
def rsa_signer(rsa_pki: DemoPki) -> SimpleSigner:
    return SimpleSigner.load_pkcs12(
        str(rsa_pki.physician("gp").signature_p12), passphrase=DEMO_PASSWORD.encode()
    )


def _structure(info: cms.ContentInfo) -> dict[str, Any]:
    """The SignedData as native values, without the signature value (ECDSA is
    randomised) and with the certificates as a set (pyHanko collects them in a Python
    set: their order in the CMS SET is arbitrary, and means nothing)."""
    signed = cms.ContentInfo.load(info.dump())["content"]
    native = signed.native
    for signer_info in native["signer_infos"]:
        signer_info.pop("signature")
    native["certificates"] = sorted(c.dump() for c in signed["certificates"])
    return dict(native)


def _pades(signer: Any, dry_run: bool = False, **settings: Any) -> cms.ContentInfo:
    attributes = PdfCMSSignedAttributes(signing_time=dt.datetime.now(dt.UTC), **settings)
    return asyncio.run(
        signer.async_sign(
            DIGEST, "sha256", use_pades=True, dry_run=dry_run, signed_attr_settings=attributes
        )
    )


@pytest.mark.parametrize("key", ["ecdsa", "rsa"])
def test_the_template_writes_pyhankos_pades_cms(gp_signer, rsa_signer, key: str) -> None:  # type: ignore[no-untyped-def]
    signer = gp_signer if key == "ecdsa" else rsa_signer
    ours = _pades(TemplatePadesSigner(signer))
    theirs = _pades(signer)
    assert _structure(ours) == _structure(theirs)
    assert [a["type"].native for a in ours["content"]["signer_infos"][0]["signed_attrs"]] == [
        "content_type",
        "message_digest",
        "signing_certificate_v2",
    ]
    if key == "rsa":  # a deterministic signature: the same signature value
        signature = [x["content"]["signer_infos"][0]["signature"].native for x in (ours, theirs)]
        assert signature[0] == signature[1]


def test_other_shapes_go_to_pyhanko(gp_signer) -> None:  # type: ignore[no-untyped-def]
    wrapped = TemplatePadesSigner(gp_signer)
    dry = _pades(wrapped, dry_run=True)
    assert _structure(dry) == _structure(_pades(gp_signer, dry_run=True))
    generic = asyncio.run(wrapped.async_sign(DIGEST, "sha256", use_pades=False))
    types = [a["type"].native for a in generic["content"]["signer_infos"][0]["signed_attrs"]]
    assert "cms_algorithm_protection" in types  # pyHanko's generic PDF profile, not ours


@pytest.mark.parametrize("key", ["ecdsa", "rsa"])
def test_a_copy_signed_through_the_template_validates(  # type: ignore[no-untyped-def]
    sample: Document, gp_signer, rsa_signer, demo_pki, rsa_pki, key: str, tmp_path: Path
) -> None:
    signer, pki = (gp_signer, demo_pki) if key == "ecdsa" else (rsa_signer, rsa_pki)
    signed = sign_pdf(render(sample, Recipient.EMPLOYER, "nl"), signer)
    assert "Signature is Valid" in pdfsig(signed, tmp_path)
    embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    context = ValidationContext(trust_roots=pki.citizen_trust_roots(), allow_fetching=False)
    status = validate_pdf_signature(embedded, context)
    assert status.intact and status.valid and status.trusted
