"""Test helpers for every layer that needs real signatures.

Test folders build their own fixtures on these, e.g.::

    from support import signing

    @pytest.fixture(scope="session")
    def demo_pki(tmp_path_factory):
        return signing.build_demo_pki(tmp_path_factory.mktemp("pki"))

    @pytest.fixture(scope="session")
    def demo_token(demo_pki, tmp_path_factory):
        return signing.build_softhsm_tokens(demo_pki, tmp_path_factory.mktemp("hsm"))

Everything is real: keys from ``cryptography``, tokens in SoftHSM2, CMS from pyHanko.
The tamper helpers produce the inputs the verifier must reject, one code each.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import cms
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from fitnote_desktop.demo import DEMO_GP, DEMO_PASSWORD, DemoPhysician
from fitnote_desktop.demo.certificates import (
    PrivateKey,
    eid_subject,
    generate_key,
    issue_certificate,
    key_usage,
    self_signed_ca,
)
from fitnote_desktop.demo.keyfiles import (
    cert_pem,
    load_pkcs12_file,
    load_private_key_pem,
    pkcs12_bytes,
)
from fitnote_desktop.demo.pki import DemoPki, create_demo_pki
from fitnote_desktop.demo.softhsm import SoftHsmToken, load_demo_pki_into_softhsm
from fitnote_desktop.signing.ports import PinCallback, SignerConfig

# --------------------------------------------------------------------------- fixtures


def build_demo_pki(directory: Path, algorithm: str = "ecdsa-p384") -> DemoPki:
    """A demo PKI in ``directory`` (a tmp dir: never the repository)."""
    return create_demo_pki(Path(directory), algorithm=algorithm)


_shared_token_dir: Path | None = None
_token_sets = 0


def build_softhsm_tokens(pki: DemoPki, token_dir: Path, label: str | None = None) -> SoftHsmToken:
    """One SoftHSM2 token per demo physician; sets ``SOFTHSM2_CONF`` for this process.

    A process can use only one SoftHSM2 token store (the module reads ``SOFTHSM2_CONF``
    once). So the first call's ``token_dir`` becomes the store for the whole test
    process and later calls (other test folders, another PKI) add their tokens to it,
    under a distinct label prefix (``"DEMO EID"``, then ``"EID2"``, ``"EID3"``, …) so
    that no call overwrites another's tokens. Use the returned ``SoftHsmToken.label()``
    rather than a hard-coded label. Call it from a session-scoped fixture: adding tokens
    re-initialises the module, which invalidates PKCS#11 sessions open at that moment.
    """
    global _shared_token_dir, _token_sets
    if _shared_token_dir is None:
        _shared_token_dir = Path(token_dir)
    _token_sets += 1
    prefix = label or ("DEMO EID" if _token_sets == 1 else f"EID{_token_sets}")
    return load_demo_pki_into_softhsm(pki, _shared_token_dir, label=prefix)


def pkcs12_config(pki: DemoPki, physician_key: str = DEMO_GP.key) -> SignerConfig:
    person = pki.physician(physician_key)
    return SignerConfig(
        kind="pkcs12",
        pkcs12_path=person.signature_p12,
        pkcs12_auth_path=person.authentication_p12,
    )


def pkcs11_config(token: SoftHsmToken, physician_key: str = DEMO_GP.key) -> SignerConfig:
    return SignerConfig(
        kind="pkcs11", module_path=token.module_path, token_label=token.label(physician_key)
    )


@dataclass
class RecordingPin:
    """A ``PinCallback`` that answers ``pin`` (or cancels with ``None``) and records
    the purposes it was asked for, so tests can count prompts."""

    pin: str | None = DEMO_PASSWORD
    purposes: list[str] = field(default_factory=list)

    def __call__(self, purpose: str) -> str | None:
        self.purposes.append(purpose)
        return self.pin


def fixed_pin(pin: str | None) -> PinCallback:
    return RecordingPin(pin)


# --------------------------------------------------------------------------- certificates


def _write_p12(
    path: Path,
    key: PrivateKey,
    cert: x509.Certificate,
    chain: Sequence[x509.Certificate],
    password: str,
) -> Path:
    path.write_bytes(pkcs12_bytes("test", key, cert, chain, password))
    return path


def issue_test_signature_p12(
    pki: DemoPki,
    path: Path,
    *,
    physician: DemoPhysician = DEMO_GP,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    usages: Sequence[str] = ("content_commitment",),
) -> Path:
    """A PKCS#12 with a fresh key and a certificate issued by the PKI's citizen CA.

    Defaults give a valid signature certificate; vary the dates or usages to get the
    bad ones. Written with the PKI's password.
    """
    now = dt.datetime.now(dt.UTC)
    ca_key = load_private_key_pem(pki.citizen_ca_key_pem, pki.password)
    ca_cert = x509.load_pem_x509_certificate(pki.citizen_ca_pem.read_bytes())
    root_cert = x509.load_pem_x509_certificate(pki.root_ca_pem.read_bytes())
    key = generate_key(pki.algorithm)
    cert = issue_certificate(
        subject=eid_subject(physician, "Signature"),
        public_key=key.public_key(),
        issuer_name=ca_cert.subject,
        issuer_key=ca_key,
        not_before=not_before or now - dt.timedelta(hours=1),
        not_after=not_after or now + dt.timedelta(days=365),
        usage=key_usage(*usages),
    )
    return _write_p12(Path(path), key, cert, [ca_cert, root_cert], pki.password)


def make_expired_signature_p12(
    pki: DemoPki, path: Path, *, physician: DemoPhysician = DEMO_GP
) -> Path:
    """Signature certificate from the real citizen CA that expired yesterday."""
    now = dt.datetime.now(dt.UTC)
    return issue_test_signature_p12(
        pki,
        path,
        physician=physician,
        not_before=now - dt.timedelta(days=400),
        not_after=now - dt.timedelta(days=1),
    )


@dataclass(frozen=True)
class ForeignIdentity:
    """A look-alike signature identity under a root nobody trusts."""

    p12: Path
    root_pem: Path
    password: str


def make_foreign_signature_p12(
    directory: Path,
    *,
    physician: DemoPhysician = DEMO_GP,
    algorithm: str = "ecdsa-p384",
    password: str = DEMO_PASSWORD,
) -> ForeignIdentity:
    """Same subject (name, NISS) as the demo physician, but issued by another root."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    root_key = generate_key(algorithm)
    root = self_signed_ca(
        root_key, "Impostor Root CA", now - dt.timedelta(hours=1), now + dt.timedelta(days=365)
    )
    key = generate_key(algorithm)
    cert = issue_certificate(
        subject=eid_subject(physician, "Signature"),
        public_key=key.public_key(),
        issuer_name=root.subject,
        issuer_key=root_key,
        not_before=now - dt.timedelta(hours=1),
        not_after=now + dt.timedelta(days=365),
        usage=key_usage("content_commitment"),
    )
    root_pem = directory / "foreign-root.pem"
    root_pem.write_bytes(cert_pem(root))
    p12 = _write_p12(directory / "foreign-signature.p12", key, cert, [root], password)
    return ForeignIdentity(p12=p12, root_pem=root_pem, password=password)


# --------------------------------------------------------------------------- tampering


def flip_byte(data: bytes, index: int | None = None) -> bytes:
    """``data`` with one byte inverted (the middle one by default)."""
    if not data:
        raise ValueError("nothing to flip")
    i = len(data) // 2 if index is None else index
    changed = bytearray(data)
    changed[i] ^= 0xFF
    return bytes(changed)


def truncate(data: bytes, keep: float = 0.5) -> bytes:
    return bytes(data[: max(1, int(len(data) * keep))])


def resign_with_other_key(cms_der: bytes, p12: Path, password: str) -> bytes:
    """Replace the CMS signature value by one made with another key (same signed
    attributes, same embedded certificate): the "signature by another key" forgery."""
    key, _cert, _chain = load_pkcs12_file(Path(p12), password)
    content_info = cms.ContentInfo.load(cms_der)
    signer_info = content_info["content"]["signer_infos"][0]
    to_sign = signer_info["signed_attrs"].untag().dump()
    digest_name = signer_info["digest_algorithm"]["algorithm"].native
    algorithm = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}[
        digest_name
    ]
    if isinstance(key, ec.EllipticCurvePrivateKey):
        signature = key.sign(to_sign, ec.ECDSA(algorithm))
    elif isinstance(key, rsa.RSAPrivateKey):
        signature = key.sign(to_sign, padding.PKCS1v15(), algorithm)
    else:  # pragma: no cover - demo keys are EC or RSA
        raise TypeError("unsupported key")
    signer_info["signature"] = signature
    return bytes(content_info.dump(force=True))


def public_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


# --------------------------------------------------------------------------- interop


def openssl_cms_verify(workdir: Path, payload: bytes, cms_der: bytes, root_pem: Path) -> str:
    """Run the DESIGN's interoperability check verbatim; return openssl's stderr.

    ``openssl cms -verify -binary -inform DER -content payload -CAfile root.pem
    -purpose any``. Raises ``AssertionError`` with openssl's message when it refuses.
    """
    workdir = Path(workdir)
    (workdir / "payload").write_bytes(payload)
    (workdir / "signature.der").write_bytes(cms_der)
    done = subprocess.run(
        [
            "openssl", "cms", "-verify", "-binary", "-inform", "DER",
            "-in", str(workdir / "signature.der"),
            "-content", str(workdir / "payload"),
            "-CAfile", str(root_pem), "-purpose", "any",
            "-out", str(workdir / "verified"),
        ],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    if done.returncode != 0:
        raise AssertionError(f"openssl cms -verify refused the signature: {done.stderr.strip()}")
    if (workdir / "verified").read_bytes() != payload:
        raise AssertionError("openssl cms -verify returned other content")
    return done.stderr
