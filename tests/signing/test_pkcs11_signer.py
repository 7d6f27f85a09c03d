"""Signing through real PKCS#11: SoftHSM2 tokens loaded with the demo PKI's keys."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pkcs11
import pytest
from pkcs11 import exceptions as p11e
from support import signing as sig_support

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.demo.softhsm import SoftHsmToken
from fitnote_desktop.signing import SignerConfig, SigningError, open_signer
from fitnote_desktop.signing.pkcs11 import (
    default_eid_module_candidates,
    list_tokens,
    map_pkcs11_error,
)
from fitnote_desktop.signing.verify import verify_challenge_signature, verify_detached


def test_token_discovery_shows_eid_like_certificates(demo_token: SoftHsmToken) -> None:
    tokens = {t.label: t for t in list_tokens(demo_token.module_path)}
    token = tokens["DEMO EID An Peeters"]
    assert "DEMO EID Marc Dubois" in tokens
    assert token.serial and not token.pin_locked
    labels = [c.label for c in token.certificates]
    assert labels[:2] == ["Authentication", "Signature"]  # the keys first, then the CAs
    assert {"Root", "CA"} <= set(labels)
    auth, sig = token.certificate("Authentication"), token.certificate("Signature")
    assert auth is not None and sig is not None
    assert auth.key_usage == ("digital_signature",)
    assert sig.key_usage == ("non_repudiation",)
    assert sig.niss == auth.niss == "85092123414"
    assert sig.common_name == "An Peeters (Signature)"


def test_sign_and_verify_through_the_token(
    demo_token: SoftHsmToken, demo_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    pin = sig_support.RecordingPin(demo_token.pin)
    with open_signer(sig_support.pkcs11_config(demo_token), pin) as session:
        assert pin.purposes == []  # certificates are public: no PIN to open
        cert = session.document_signer.signing_certificate
        assert cert.subject.native["serial_number"] == "85092123414"
        cms_der = session.document_signer.sign_detached(payload)
        assert pin.purposes == ["signature"]
    result = verify_detached(payload, cms_der, demo_pki.citizen_trust_roots())
    assert result.valid, result.codes
    sig_support.openssl_cms_verify(tmp_path, payload, cms_der, demo_pki.root_ca_pem)
    # the token's key is the PKCS#12's key: same certificate
    with open_signer(
        sig_support.pkcs12_config(demo_pki), sig_support.fixed_pin(DEMO_PASSWORD)
    ) as p12:
        assert p12.document_signer.signing_certificate.dump() == cert.dump()


def test_rsa_token(
    rsa_token: SoftHsmToken, rsa_pki: DemoPki, payload: bytes, tmp_path: Path
) -> None:
    with open_signer(
        sig_support.pkcs11_config(rsa_token), sig_support.fixed_pin(rsa_token.pin)
    ) as s:
        cms_der = s.document_signer.sign_detached(payload)
        assert s.authenticator is not None
        nonce_sig = s.authenticator.sign_challenge(b"n0nce")
        assert s.authenticator.algorithm == "sha256_rsa"
        assert verify_challenge_signature(
            s.authenticator.authentication_certificate, b"n0nce", nonce_sig, "sha256_rsa"
        )
    assert verify_detached(payload, cms_der, rsa_pki.citizen_trust_roots()).valid
    sig_support.openssl_cms_verify(tmp_path, payload, cms_der, rsa_pki.root_ca_pem)


def test_authentication_through_the_token(demo_token: SoftHsmToken) -> None:
    pin = sig_support.RecordingPin(demo_token.pin)
    with open_signer(sig_support.pkcs11_config(demo_token, "specialist"), pin) as session:
        authenticator = session.authenticator
        assert authenticator is not None
        signature = authenticator.sign_challenge(b"login-challenge")
        cert = authenticator.authentication_certificate
    assert pin.purposes == ["authentication"]
    assert cert.subject.native["common_name"] == "Marc Dubois (Authentication)"
    assert verify_challenge_signature(cert, b"login-challenge", signature, "sha256_ecdsa")


def test_wrong_pin_then_right_pin(demo_token: SoftHsmToken, payload: bytes) -> None:
    answers = iter(["0000", demo_token.pin])
    with open_signer(sig_support.pkcs11_config(demo_token), lambda _p: next(answers)) as session:
        with pytest.raises(SigningError) as caught:
            session.document_signer.sign_detached(payload)
        assert caught.value.code == "signing.wrong_pin"
        assert "0000" not in str(caught.value)
        assert session.document_signer.sign_detached(payload)  # fresh session, right PIN


def test_cancelled_pin_prompt(demo_token: SoftHsmToken, payload: bytes) -> None:
    config = sig_support.pkcs11_config(demo_token)
    with (
        open_signer(config, sig_support.fixed_pin(None)) as session,
        pytest.raises(SigningError) as caught,
    ):
        session.document_signer.sign_detached(payload)
    assert caught.value.code == "signing.cancelled"


@pytest.mark.parametrize(
    ("config_for", "code"),
    [
        (
            lambda t: SignerConfig(
                kind="pkcs11", module_path=t.module_path, token_label="NO SUCH EID"
            ),
            "signing.token_not_found",
        ),
        (
            lambda t: SignerConfig(
                kind="pkcs11", module_path="/nonexistent/libbeidpkcs11.so", token_label="X"
            ),
            "signing.module_not_found",
        ),
        (
            lambda t: SignerConfig(
                kind="pkcs11",
                module_path=t.module_path,
                token_label=t.label("gp"),
                signature_key_label="Nope",
            ),
            "signing.key_not_found",
        ),
        (
            lambda t: SignerConfig(kind="pkcs11", module_path=t.module_path, token_label=None),
            "signing.config_invalid",
        ),  # several tokens: must choose
        (lambda t: SignerConfig(kind="pkcs11"), "signing.config_invalid"),
    ],
    ids=["unknown-token", "missing-module", "unknown-key-label", "ambiguous-token", "no-module"],
)
def test_open_errors(config_for, code: str, demo_token: SoftHsmToken) -> None:
    with pytest.raises(SigningError) as caught:
        open_signer(config_for(demo_token), sig_support.fixed_pin(demo_token.pin))
    assert caught.value.code == code
    assert str(caught.value)  # a sentence for the CLI/UI


def test_module_that_is_not_pkcs11(tmp_path: Path) -> None:
    fake = tmp_path / "libfake.so"
    fake.write_bytes(b"\x7fELF not really")
    with pytest.raises(SigningError) as caught:
        list_tokens(str(fake))
    assert caught.value.code == "signing.module_not_found"


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (p11e.PinIncorrect(), "signing.wrong_pin"),
        (p11e.PinLocked(), "signing.token_locked"),
        (p11e.TokenNotPresent(), "signing.token_not_found"),
        (p11e.NoSuchToken(), "signing.token_not_found"),
        (p11e.DeviceRemoved(), "signing.token_not_found"),
        (p11e.FunctionCancelled(), "signing.cancelled"),
        (p11e.UserAlreadyLoggedIn(), "signing.token_error"),
        (p11e.GeneralError(), "signing.token_error"),
    ],
)
def test_pkcs11_exception_mapping(exc: Exception, code: str) -> None:
    """SoftHSM2 never locks a PIN, so the locked-card path is checked on the mapping."""
    assert map_pkcs11_error(exc).code == code


def test_default_eid_module_candidates() -> None:
    assert "/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so.0" in default_eid_module_candidates("linux")
    assert any("beid-pkcs11.bundle" in c for c in default_eid_module_candidates("darwin"))
    assert any(c.endswith("beidpkcs11.dll") for c in default_eid_module_candidates("win32"))


def test_tokens_hold_unextractable_keys(demo_token: SoftHsmToken) -> None:
    lib = pkcs11.lib(demo_token.module_path)
    token = lib.get_token(token_label=demo_token.label("gp"))
    with token.open(user_pin=demo_token.pin) as session:
        keys = list(session.get_objects({pkcs11.Attribute.CLASS: pkcs11.ObjectClass.PRIVATE_KEY}))
        assert sorted(k.label for k in keys) == ["Authentication", "Signature"]
        for key in keys:
            assert key[pkcs11.Attribute.SENSITIVE] and not key[pkcs11.Attribute.EXTRACTABLE]


def test_sessions_satisfy_the_ports(demo_token: SoftHsmToken, demo_pki: DemoPki) -> None:
    from fitnote_desktop.signing.ports import Authenticator, DocumentSigner

    for config, pin in (
        (sig_support.pkcs11_config(demo_token), demo_token.pin),
        (sig_support.pkcs12_config(demo_pki), DEMO_PASSWORD),
    ):
        with open_signer(config, sig_support.fixed_pin(pin)) as session:
            assert isinstance(session.document_signer, DocumentSigner)
            assert isinstance(session.authenticator, Authenticator)
            names = {c.subject.native["common_name"] for c in session.authenticator.chain}
            assert names == {"fitnote Demo Citizen CA", "fitnote Demo Belgium Root CA"}


def test_wrong_pin_on_a_later_signature_of_the_same_signer(
    demo_token: SoftHsmToken, payload: bytes
) -> None:
    """Each signature logs in afresh: a wrong PIN after good ones is a wrong PIN (not an
    "already logged in" token error), and the next right PIN signs again."""
    answers = iter([demo_token.pin, demo_token.pin, "0000", demo_token.pin])
    with open_signer(sig_support.pkcs11_config(demo_token), lambda _p: next(answers)) as session:
        signer = session.document_signer
        assert signer.sign_detached(payload) and signer.sign_detached(payload)
        with pytest.raises(SigningError) as caught:
            signer.sign_detached(payload)
        assert caught.value.code == "signing.wrong_pin"
        assert "The PIN is incorrect." in str(caught.value) and "0000" not in str(caught.value)
        assert signer.sign_detached(payload)


@pytest.mark.parametrize("algorithm", ["ecdsa", "rsa"])
def test_token_key_signer_signs_as_pyhanko_does(
    algorithm: str, demo_token: SoftHsmToken, rsa_token: SoftHsmToken
) -> None:
    """The synchronous raw signature against pyHanko's ``PKCS11Signer`` (raw mechanism):
    RSA PKCS#1 v1.5 is deterministic, so the bytes are equal; ECDSA is randomised, so
    both must be DER signatures that the certificate's key verifies."""
    from asn1crypto import algos
    from cryptography import x509 as pyca_x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from fitnote_desktop.signing._core import run_sync
    from fitnote_desktop.signing.pkcs11 import Pkcs11Key

    token = demo_token if algorithm == "ecdsa" else rsa_token
    data = b"signed attributes, say"
    key = Pkcs11Key(
        token.module_path,
        token.label("gp"),
        "Signature",
        sig_support.fixed_pin(token.pin),
        "signature",
    )
    with key.unlock() as unlocked:
        ours = unlocked.sign_raw(data, "sha256")
    lib = pkcs11.lib(token.module_path)
    with lib.get_token(token_label=token.label("gp")).open(user_pin=token.pin) as session:
        reference = PKCS11Signer(
            session, signing_cert=key.certificate, key_label="Signature", use_raw_mechanism=True
        )
        theirs = run_sync(lambda: reference.async_sign_raw(data, "sha256"))
    public = pyca_x509.load_der_x509_certificate(key.certificate.dump()).public_key()
    if algorithm == "rsa":
        assert ours == theirs
    for signature in (ours, theirs):
        if isinstance(public, ec.EllipticCurvePublicKey):
            assert algos.DSASignature.load(signature).dump() == signature  # DER, not P1363
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        else:
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())


def test_removed_token(demo_pki: DemoPki, demo_token: SoftHsmToken, payload: bytes) -> None:
    """A token that disappears after the signer was opened (a card pulled from its
    reader): the signature fails as "not found", with the message it always had."""
    gone = sig_support.build_softhsm_tokens(demo_pki, Path(), label="GONE")
    label = gone.label("gp")
    with open_signer(sig_support.pkcs11_config(gone), sig_support.fixed_pin(gone.pin)) as session:
        assert session.document_signer.sign_detached(payload)
        subprocess.run(
            ["softhsm2-util", "--delete-token", "--token", label],
            env=gone.env(),
            capture_output=True,
            check=True,
        )
        pkcs11.lib(gone.module_path).reinitialize()  # SoftHSM2 rescans its store here
        with pytest.raises(SigningError) as caught:
            session.document_signer.sign_detached(payload)
    assert caught.value.code == "signing.token_not_found"
    assert f"No card or token labelled {label!r}." in str(caught.value)


def test_pdf_signer_signs_through_the_token_with_one_prompt(
    demo_token: SoftHsmToken, demo_pki: DemoPki
) -> None:
    """pyHanko's PAdES signing around the token's on-demand signer (its raw signature is
    the synchronous token signature): one PIN prompt, a valid, trusted signature."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import signers
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Getuigschrift van arbeidsongeschiktheid (demo)")
    page.save()
    pin = sig_support.RecordingPin(demo_token.pin)
    with open_signer(sig_support.pkcs11_config(demo_token), pin) as session:
        out = signers.sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue())),
            signers.PdfSignatureMetadata(field_name="Signature1", subfilter=None),
            signer=session.document_signer.pdf_signer(),
        )
    assert pin.purposes == ["signature"]
    status = validate_pdf_signature(
        PdfFileReader(out).embedded_signatures[0],
        ValidationContext(trust_roots=demo_pki.citizen_trust_roots()),
    )
    assert status.intact and status.valid and status.trusted
