"""Load the demo PKI's keys into SoftHSM2 tokens, so demo and tests sign through PKCS#11.

One token per physician, laid out like an eID: private keys, public keys and certificates
labelled "Authentication" (ID 02) and "Signature" (ID 03), plus the CA chain as "Root"
and "CA". Token label: ``"<label> <Given> <Surname>"``, e.g. "DEMO EID An Peeters".

How: ``softhsm2-util --init-token`` creates the tokens (python-pkcs11 has no C_InitToken)
and python-pkcs11 imports the keys in-process (``C_CreateObject`` with the key's
components; the keys come from the demo PKCS#12 files).

SoftHSM2 reads ``SOFTHSM2_CONF`` when the module is initialised and sees tokens created
by another process only after a re-initialisation. ``load_demo_pki_into_softhsm`` therefore
sets ``SOFTHSM2_CONF`` in ``os.environ`` for this process, and re-initialises the module if
this process had already loaded it (which invalidates open sessions on it: call it at
start-up, before signing). Child processes (the CLI in tests) need the same
``SOFTHSM2_CONF``: pass ``SoftHsmToken.env()``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pkcs11
from cryptography import x509 as pyca_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pkcs11 import Attribute, Session
from pkcs11.util.ec import decode_ec_private_key
from pkcs11.util.rsa import decode_rsa_private_key
from pkcs11.util.x509 import decode_x509_certificate, decode_x509_public_key

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.keyfiles import load_pkcs12_file
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.signing.ports import AUTHENTICATION_LABEL, SIGNATURE_LABEL

SOFTHSM_MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib64/pkcs11/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
)
DEMO_SO_PIN = "demo-so-pin-not-secret"
KEY_IDS = {AUTHENTICATION_LABEL: b"\x02", SIGNATURE_LABEL: b"\x03"}  # as on an eID
MAX_LABEL = 32  # CK_TOKEN_INFO.label is 32 bytes


class SoftHsmUnavailable(RuntimeError):
    """SoftHSM2 (module or ``softhsm2-util``) is not installed."""


def find_softhsm_module() -> str | None:
    """Path of ``libsofthsm2.so``: ``$SOFTHSM2_MODULE`` or the usual install locations."""
    override = os.environ.get("SOFTHSM2_MODULE")
    if override and Path(override).is_file():
        return override
    return next((c for c in SOFTHSM_MODULE_CANDIDATES if Path(c).is_file()), None)


def softhsm_available() -> bool:
    return find_softhsm_module() is not None and shutil.which("softhsm2-util") is not None


@dataclass(frozen=True)
class SoftHsmToken:
    """What a caller needs to sign through the tokens just created."""

    conf_path: Path
    module_path: str
    pin: str
    so_pin: str
    labels: Mapping[str, str] = field(default_factory=dict)
    """Physician key → token label."""

    def label(self, physician_key: str) -> str:
        return self.labels[physician_key]

    def env(self, base: Mapping[str, str] | None = None) -> dict[str, str]:
        """Environment for a child process that must see these tokens."""
        env = dict(os.environ if base is None else base)
        env["SOFTHSM2_CONF"] = str(self.conf_path)
        return env


def token_label_for(prefix: str, given_name: str, family_name: str) -> str:
    label = f"{prefix} {given_name} {family_name}"
    return label.encode("utf-8")[:MAX_LABEL].decode("utf-8", "ignore").rstrip()


def write_softhsm_conf(token_dir: Path) -> Path:
    """A private SoftHSM2 configuration whose token store lives in ``token_dir/tokens``."""
    token_dir = Path(token_dir).resolve()
    store = token_dir / "tokens"
    store.mkdir(parents=True, exist_ok=True)
    os.chmod(token_dir, 0o700)
    conf = token_dir / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {store}\n"
        "objectstore.backend = file\n"
        "log.level = ERROR\n"
        "slots.removable = false\n"
        "slots.mechanisms = ALL\n"
        "library.reset_on_fork = false\n",
        encoding="utf-8",
    )
    return conf


def _softhsm_util(args: list[str], env: Mapping[str, str]) -> str:
    util = shutil.which("softhsm2-util")
    if util is None:
        raise SoftHsmUnavailable("softhsm2-util not found; install the softhsm2 package")
    done = subprocess.run(
        [util, *args], env=dict(env), capture_output=True, text=True, check=False, timeout=60
    )
    if done.returncode != 0:
        # softhsm2-util never echoes PINs; its stderr is safe to show
        raise RuntimeError(f"softhsm2-util {args[0]} failed: {done.stderr.strip()}")
    return done.stdout


def _private_key_template(
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey,
) -> dict[Attribute, Any]:
    der = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,  # SEC1 for EC, PKCS#1 for RSA
        serialization.NoEncryption(),
    )
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return decode_ec_private_key(der)
    template = decode_rsa_private_key(der)
    template[Attribute.DECRYPT] = False  # a signature card key signs, nothing else
    template[Attribute.UNWRAP] = False
    return template


def _import_identity(session: Session, label: str, p12: Path, password: str) -> None:
    key, cert, _chain = load_pkcs12_file(p12, password)
    cert_der = cert.public_bytes(serialization.Encoding.DER)
    key_id = KEY_IDS[label]
    private = _private_key_template(key)
    private.update(
        {
            Attribute.TOKEN: True,
            Attribute.PRIVATE: True,
            Attribute.SENSITIVE: True,
            Attribute.EXTRACTABLE: False,
            Attribute.SIGN: True,
            Attribute.LABEL: label,
            Attribute.ID: key_id,
        }
    )
    public = decode_x509_public_key(cert_der)
    public.update(
        {
            Attribute.TOKEN: True,
            Attribute.PRIVATE: False,
            Attribute.VERIFY: True,
            Attribute.LABEL: label,
            Attribute.ID: key_id,
        }
    )
    certificate = decode_x509_certificate(cert_der)
    certificate.update(
        {
            Attribute.TOKEN: True,
            Attribute.PRIVATE: False,
            Attribute.LABEL: label,
            Attribute.ID: key_id,
        }
    )
    for template in (private, public, certificate):
        session.create_object(template)


def _import_ca(session: Session, label: str, pem: Path) -> None:
    cert = pyca_x509.load_pem_x509_certificate(pem.read_bytes())
    template = decode_x509_certificate(cert.public_bytes(serialization.Encoding.DER))
    template.update({Attribute.TOKEN: True, Attribute.PRIVATE: False, Attribute.LABEL: label})
    session.create_object(template)


def load_demo_pki_into_softhsm(
    pki: DemoPki,
    token_dir: Path,
    *,
    label: str = "DEMO EID",
    pin: str = DEMO_PASSWORD,
    so_pin: str = DEMO_SO_PIN,
    module_path: str | None = None,
) -> SoftHsmToken:
    """Create one SoftHSM2 token per demo physician in ``token_dir``; see module docs.

    Re-running it recreates the tokens (an existing token with the same label is deleted
    first), so the tokens always hold the PKI's current keys.
    """
    module = module_path or find_softhsm_module()
    if module is None or shutil.which("softhsm2-util") is None:
        raise SoftHsmUnavailable("SoftHSM2 is not installed (Debian/Ubuntu: apt install softhsm2)")
    conf = write_softhsm_conf(Path(token_dir))
    os.environ["SOFTHSM2_CONF"] = str(conf)
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}

    labels: dict[str, str] = {}
    for credentials in pki.physicians.values():
        token_label = token_label_for(label, credentials.given_name, credentials.family_name)
        labels[credentials.key] = token_label
        with suppress(RuntimeError):  # fails when there is no such token yet
            _softhsm_util(["--delete-token", "--token", token_label], env)
        _softhsm_util(
            [
                "--init-token",
                "--free",
                "--label",
                token_label,
                "--pin",
                pin,
                "--so-pin",
                so_pin,
            ],
            env,
        )

    already_loaded = module in getattr(pkcs11, "_loaded", {})
    lib = pkcs11.lib(module)
    if already_loaded:
        lib.reinitialize()  # SoftHSM2 rescans its token store only on C_Initialize

    for credentials in pki.physicians.values():
        token = lib.get_token(token_label=labels[credentials.key])
        session = token.open(rw=True, user_pin=pin)
        try:
            _import_identity(
                session, AUTHENTICATION_LABEL, credentials.authentication_p12, pki.password
            )
            _import_identity(session, SIGNATURE_LABEL, credentials.signature_p12, pki.password)
            _import_ca(session, "Root", pki.root_ca_pem)
            _import_ca(session, "CA", pki.citizen_ca_pem)
        finally:
            session.close()
    return SoftHsmToken(conf_path=conf, module_path=module, pin=pin, so_pin=so_pin, labels=labels)
