"""Signing with a PKCS#12 file: CAdES-BES attributes, openssl interop, PIN contract."""

from __future__ import annotations

import datetime as dt
import io
import logging
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from reportlab.pdfgen import canvas
from support import signing as sig_support

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.signing import SignerConfig, SigningError, open_signer
from fitnote_desktop.signing.pkcs12 import Pkcs12DocumentSigner
from fitnote_desktop.signing.verify import verify_challenge_signature, verify_detached


def _signed_attr_types(cms_der: bytes) -> list[str]:
    signer_info = cms.ContentInfo.load(cms_der)["content"]["signer_infos"][0]
    return [attr["type"].native for attr in signer_info["signed_attrs"]]


def openssl_verify(tmp_path: Path, payload: bytes, cms_der: bytes, root_pem: Path) -> str:
    return sig_support.openssl_cms_verify(tmp_path, payload, cms_der, root_pem)


@pytest.mark.parametrize("algorithm", ["ecdsa-p384", "rsa-2048"])
def test_signature_verifies_with_pyhanko_and_openssl(
    algorithm: str, demo_pki: DemoPki, rsa_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    pki = demo_pki if algorithm == "ecdsa-p384" else rsa_pki
    with open_signer(
        sig_support.pkcs12_config(pki), sig_support.fixed_pin(DEMO_PASSWORD)
    ) as session:
        cms_der = session.document_signer.sign_detached(payload)
    assert "Verification successful" in openssl_verify(tmp_path, payload, cms_der, pki.root_ca_pem)
    result = verify_detached(payload, cms_der, pki.citizen_trust_roots())
    assert result.valid, result.codes
    assert result.signer_niss == "85092123414"
    assert "An Peeters (Signature)" in result.signer_subject


def test_cades_bes_signed_attributes_and_chain(
    demo_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    signer = Pkcs12DocumentSigner(
        demo_pki.physician("gp").signature_p12, sig_support.fixed_pin(DEMO_PASSWORD)
    )
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    cms_der = signer.sign_detached(payload)
    types = _signed_attr_types(cms_der)
    for required in ("content_type", "message_digest", "signing_certificate_v2", "signing_time"):
        assert required in types
    signed_data = cms.ContentInfo.load(cms_der)["content"]
    assert signed_data["encap_content_info"]["content"].native is None  # detached
    signer_info = signed_data["signer_infos"][0]
    assert signer_info["digest_algorithm"]["algorithm"].native == "sha384"
    subjects = {c.chosen.subject.native["common_name"] for c in signed_data["certificates"]}
    assert {
        "An Peeters (Signature)",
        "fitnote Demo Citizen CA",
        "fitnote Demo Belgium Root CA",
    } <= subjects
    result = verify_detached(payload, cms_der, demo_pki.citizen_trust_roots())
    assert result.signing_time is not None
    assert before <= result.signing_time <= dt.datetime.now(dt.UTC)
    # openssl sees the same attributes
    (tmp_path / "sig.der").write_bytes(cms_der)
    printed = subprocess.run(
        ["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", str(tmp_path / "sig.der")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "signingTime" in printed
    assert "id-smime-aa-signingCertificateV2" in printed


def test_one_prompt_per_signature_with_purpose(demo_pki: DemoPki, payload: bytes) -> None:
    pin = sig_support.RecordingPin(DEMO_PASSWORD)
    with open_signer(sig_support.pkcs12_config(demo_pki), pin) as session:
        assert pin.purposes == []  # opening asks nothing
        session.document_signer.sign_detached(payload)
        session.document_signer.sign_detached(payload)
        assert session.authenticator is not None
        session.authenticator.sign_challenge(b"nonce")
    assert pin.purposes == ["signature", "signature", "authentication"]


def test_cancel_wrong_password_missing_file(
    demo_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    config = sig_support.pkcs12_config(demo_pki)
    with (
        open_signer(config, sig_support.fixed_pin(None)) as session,
        pytest.raises(SigningError) as cancelled,
    ):
        session.document_signer.sign_detached(payload)
    assert cancelled.value.code == "signing.cancelled"

    with (
        open_signer(config, sig_support.fixed_pin("not-the-password")) as session,
        pytest.raises(SigningError) as wrong,
    ):
        session.document_signer.sign_detached(payload)
    assert wrong.value.code == "signing.wrong_password"
    assert "not-the-password" not in str(wrong.value)

    with pytest.raises(SigningError) as missing:
        open_signer(
            SignerConfig(kind="pkcs12", pkcs12_path=tmp_path / "nope.p12"),
            sig_support.fixed_pin(DEMO_PASSWORD),
        )
    assert missing.value.code == "signing.file_not_found"

    garbage = tmp_path / "garbage.p12"
    garbage.write_bytes(b"not a pfx")
    with pytest.raises(SigningError) as bad:
        open_signer(
            SignerConfig(kind="pkcs12", pkcs12_path=garbage), sig_support.fixed_pin(DEMO_PASSWORD)
        )
    assert bad.value.code == "signing.config_invalid"


def test_later_signatures_still_check_the_password_and_follow_a_replaced_file(
    demo_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    """After the first opening only the key bag is decrypted: a wrong or empty password
    is refused all the same, and a file replaced on disk is opened in full again."""
    path = tmp_path / "signature.p12"
    path.write_bytes(demo_pki.physician("gp").signature_p12.read_bytes())
    pin = sig_support.RecordingPin(DEMO_PASSWORD)
    signer = Pkcs12DocumentSigner(path, pin)
    roots = demo_pki.citizen_trust_roots()
    assert verify_detached(payload, signer.sign_detached(payload), roots).valid
    for wrong in ("not-the-password", ""):
        pin.pin = wrong
        with pytest.raises(SigningError) as refused:
            signer.sign_detached(payload)
        assert refused.value.code == "signing.wrong_password"
    pin.pin = DEMO_PASSWORD
    assert verify_detached(payload, signer.sign_detached(payload), roots).valid

    path.write_bytes(demo_pki.physician("specialist").signature_p12.read_bytes())
    result = verify_detached(payload, signer.sign_detached(payload), roots)
    assert result.valid, result.codes
    assert "Marc Dubois (Signature)" in result.signer_subject
    assert result.signer_niss == "72010103794"


def test_authentication_challenge(demo_pki: DemoPki) -> None:
    with open_signer(
        sig_support.pkcs12_config(demo_pki), sig_support.fixed_pin(DEMO_PASSWORD)
    ) as s:
        authenticator = s.authenticator
        assert authenticator is not None
        signature = authenticator.sign_challenge(b"server-nonce-1")
        cert = authenticator.authentication_certificate
        assert authenticator.algorithm == "sha256_ecdsa"
        assert cert.subject.native["common_name"] == "An Peeters (Authentication)"
        assert verify_challenge_signature(cert, b"server-nonce-1", signature, "sha256_ecdsa")
        assert not verify_challenge_signature(cert, b"server-nonce-2", signature)
        assert not verify_challenge_signature(cert, b"server-nonce-1", signature, "sha256_rsa")
        other = s.document_signer.signing_certificate
        assert not verify_challenge_signature(other, b"server-nonce-1", signature)
        assert not verify_challenge_signature(cert, b"server-nonce-1", b"\x30\x00")


def test_pdf_signer_makes_a_pades_signature_with_one_prompt(demo_pki: DemoPki) -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Getuigschrift van arbeidsongeschiktheid (demo)")
    page.save()
    pin = sig_support.RecordingPin(DEMO_PASSWORD)
    with open_signer(sig_support.pkcs12_config(demo_pki), pin) as session:
        session.document_signer.signing_certificate  # noqa: B018 - certs read first
        pin.purposes.clear()
        pdf_signer = session.document_signer.pdf_signer()
        assert isinstance(pdf_signer, signers.Signer)
        out = signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue())),
            signers.PdfSignatureMetadata(field_name="Signature1", subfilter=None),
            signer=pdf_signer,
        )
    assert pin.purposes == ["signature"]
    reader = PdfFileReader(out)
    status = validate_pdf_signature(
        reader.embedded_signatures[0],
        ValidationContext(trust_roots=demo_pki.citizen_trust_roots()),
    )
    assert status.intact and status.valid and status.trusted


def test_pin_never_logged(
    demo_pki: DemoPki, payload: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "s3cret-pin-value"
    caplog.set_level(logging.DEBUG)
    config = sig_support.pkcs12_config(demo_pki)
    with open_signer(config, sig_support.fixed_pin(secret)) as session, pytest.raises(SigningError):
        session.document_signer.sign_detached(payload)
    with open_signer(config, sig_support.fixed_pin(DEMO_PASSWORD)) as session:
        session.document_signer.sign_detached(payload)
        kept = [v for v in vars(session.document_signer._source).values() if isinstance(v, str)]
    assert secret not in caplog.text and DEMO_PASSWORD not in caplog.text
    assert DEMO_PASSWORD not in kept and secret not in kept
